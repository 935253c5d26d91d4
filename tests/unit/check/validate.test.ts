import { describe, expect, test } from 'vitest';
import { parseFrontmatterEntity, parseYamlEntities } from '../../../src/check/parse-files.ts';
import { validateEntries } from '../../../src/check/validate.ts';

function source(text: string) {
  return validateEntries('sources', parseYamlEntities('content/sources/s.yaml', text).entries);
}

const validSource = 'title: T\npublisher: P\ntype: speech\npublished: 2024-11-04\n';

describe('validateEntries', () => {
  test('a valid source passes', () => {
    const result = source(validSource);
    expect(result.problems).toEqual([]);
    expect(result.entries[0]?.data).toMatchObject({ title: 'T', published: '2024-11-04' });
  });

  test.each([
    ['impossible date', validSource.replace('2024-11-04', '2024-02-30'), 'published', 4, /not a real calendar date/],
    ['date in another format', validSource.replace('2024-11-04', '04/11/2024'), 'published', 4, /YYYY-MM-DD/],
    ['javascript URL', `${validSource}url: "javascript:alert(1)"\n`, 'url', 5, /https:\/\//],
    ['relative URL', `${validSource}url: /about\n`, 'url', 5, /absolute/],
    ['unknown enum value', validSource.replace('speech', 'tweet'), 'type', 3, /not an allowed value/],
    ['missing field', validSource.replace('publisher: P\n', ''), 'publisher', 1, /required but missing/],
    ['unknown field', `${validSource}publsher: X\n`, 'publsher', 5, /unknown field/],
  ])('%s', (_name, text, field, line, message) => {
    const { problems, entries } = source(text);
    expect(entries).toEqual([]);
    expect(problems[0]).toMatchObject({ field, line, severity: 'error' });
    expect(problems[0]?.message).toMatch(message);
  });

  test('unknown field suggests the right one', () => {
    expect(source(`${validSource}publsher: X\n`).problems[0]?.fix).toBe('did you mean `publisher`?');
  });

  test('unknown enum value suggests the closest and lists allowed values', () => {
    const fix = source(validSource.replace('speech', 'speach')).problems[0]?.fix;
    expect(fix).toMatch(/did you mean "speech"/);
    expect(fix).toMatch(/news-report/);
  });

  test('a statement needs a quote or a summary', () => {
    const { problems } = validateEntries(
      'statements',
      parseYamlEntities('s.yaml', '- id: a\n  speaker: x\n  date: 2024-11-04\n  sources: [s]\n').entries,
    );
    expect(problems[0]?.message).toMatch(/needs a `quote`/);
  });

  test('an estimate range with low > high names the field and line', () => {
    const text =
      '---\ntitle: T\nunit: u\ndescription: d\nestimates:\n  - low: 500\n    high: 100\n    by: a\n    date: 2024-11-04\n    source: s\n---\n';
    const { problems } = validateEntries('figures', parseFrontmatterEntity('content/figures/f.md', text).entries);
    expect(problems[0]).toMatchObject({ field: 'estimates[0].low', line: 6 });
    expect(problems[0]?.message).toMatch(/greater than/);
  });

  test('numbers and dates in text fields are kept as the text written', () => {
    const { problems, entries } = source(validSource.replace('title: T', 'title: 1984'));
    expect(problems).toEqual([]);
    expect(entries[0]?.data.title).toBe('1984');
    const entry = parseFrontmatterEntity('content/actors/a.md', '---\nname: A\nkind: state\ndescription: d\n---\n')
      .entries[0];
    if (!entry) throw new Error('no entry');
    const astroParsed = { name: 'A', kind: 'state', description: new Date('1914-07-28T00:00:00Z') };
    expect(validateEntries('actors', [{ ...entry, data: astroParsed }]).entries[0]?.data.description).toBe(
      '1914-07-28',
    );
  });

  test.each([
    ['images/a.jpg', true],
    ['images/people/a-b_c.webp', true],
    ['https://example.org/a.jpg', false],
    ['/images/a.jpg', false],
    ['images/../secret.png', false],
    ['images/a.svg', false],
  ])('actor image %s allowed: %s', (src, allowed) => {
    const text = `---\nname: A\nkind: person\ndescription: d\nimage:\n  src: "${src}"\n  alt: a\n  credit: c\n---\n`;
    const { problems } = validateEntries('actors', parseFrontmatterEntity('content/actors/a.md', text).entries);
    expect(problems.length === 0).toBe(allowed);
    if (!allowed) expect(problems[0]).toMatchObject({ field: 'image.src', line: 6 });
  });

  test('an all-digit id is an id', () => {
    const list = validateEntries(
      'sources',
      parseYamlEntities('content/sources/l.yaml', `- id: 1984\n  ${validSource.trim().split('\n').join('\n  ')}\n`)
        .entries,
    );
    expect(list.problems).toEqual([]);
    expect(list.entries[0]?.id).toBe('1984');
    const single = parseYamlEntities('content/sources/1984.yaml', `id: 1984\n${validSource}`);
    expect(single.problems).toEqual([]);
  });

  test('an id that is not kebab-case asks to rename the file', () => {
    const text = '---\nname: X\nkind: state\ndescription: d\n---\n';
    const { problems } = validateEntries('actors', parseFrontmatterEntity('content/actors/Bad_Id.md', text).entries);
    expect(problems[0]).toMatchObject({ field: 'id', fix: 'rename the file to "bad-id"' });
  });

  test('Date objects from frontmatter parsers become ISO text', () => {
    const entry = parseFrontmatterEntity(
      'content/articles/a.mdx',
      '---\ntitle: T\ndescription: D\npublished: 2024-11-04\n---\n',
    ).entries[0];
    if (!entry) throw new Error('no entry');
    const { entries } = validateEntries('articles', [
      { ...entry, data: { title: 'T', description: 'D', published: new Date('2024-11-04T00:00:00Z') } },
    ]);
    expect(entries[0]?.data.published).toBe('2024-11-04');
  });
});
