import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildSite, checkContent, cleanBuild, readPage } from '../helpers/build.ts';

const FIXTURES = 'tests/fixtures/errors';

/** One bad input: where the report must point, and what it must quote. */
interface Case {
  name: string;
  /** The file with the mistake, relative to the fixture's content folder. */
  file: string;
  line: number;
  /** Text the report must contain: the offending value and the field or hint. */
  says: string[];
}

const CASES: Case[] = [
  { name: 'yaml-syntax', file: 'events/barrier-events.yaml', line: 4, says: ['YAML cannot be read', 'place: Eastholm town hall'] },
  { name: 'frontmatter-syntax', file: 'articles/barrier-vote.mdx', line: 2, says: ['YAML cannot be read', 'Eastholm: votes for a flood barrier'] },
  { name: 'wrong-type', file: 'statements/barrier.yaml', line: 6, says: ['`sources`', 'must be a list', '"eastholm-bulletin"'] },
  { name: 'bad-enum', file: 'actors/helena-voss.md', line: 3, says: ['`kind`', '"politician"', 'allowed values: person'] },
  { name: 'bad-date', file: 'sources/eastholm-bulletin.yaml', line: 4, says: ['`published`', 'not a real calendar date', '"2024-02-30"'] },
  { name: 'bad-url', file: 'sources/eastholm-bulletin.yaml', line: 5, says: ['`url`', 'https://', '"javascript:alert(1)"'] },
  { name: 'duplicate-id', file: 'statements/more-barrier.yaml', line: 1, says: ['duplicate statement id "voss-barrier-pledge"', 'statements/barrier.yaml:1'] },
  { name: 'unknown-speaker', file: 'statements/barrier.yaml', line: 2, says: ['`speaker`', 'unknown actor "helena-vosss"', 'did you mean "helena-voss"'] },
  { name: 'unknown-actor-in-article', file: 'articles/barrier-vote.mdx', line: 7, says: ['unknown actor "helena-vos"', 'did you mean "helena-voss"'] },
  { name: 'unknown-citation', file: 'articles/barrier-vote.mdx', line: 7, says: ['`citation`', 'unknown source "no-such-source"', '"eastholm-bulletin"'] },
  { name: 'missing-field', file: 'actors/eastholm-council.md', line: 2, says: ['`kind`', 'required but missing', 'government-body'] },
  { name: 'low-gt-high', file: 'figures/barrier-cost.md', line: 12, says: ['`low` of the 2nd estimate', '(500) is greater than `high` (100)'] },
  { name: 'no-quote-or-summary', file: 'statements/barrier.yaml', line: 1, says: ['`quote`', 'or a `summary`'] },
  { name: 'partof-cycle', file: 'actors/eastholm-council.md', line: 5, says: ['`partOf`', 'eastholm-council → eastholm-works-department → eastholm-council', 'also in '] },
  { name: 'bad-id', file: 'actors/Bad_Id.md', line: 1, says: ['"Bad_Id" is not kebab-case', 'rename the file to "bad-id"'] },
  { name: 'list-entry-without-id', file: 'statements/barrier.yaml', line: 9, says: ['`id`', 'entry 2 of this list has no `id`'] },
  { name: 'mdx-syntax', file: 'articles/barrier-vote.mdx', line: 7, says: ['MDX cannot be read', '<Actor>', '<Actor id="helena-voss"> promised'] },
  { name: 'unknown-component', file: 'articles/barrier-vote.mdx', line: 9, says: ['unknown component <Chart>', '<Actor>, <Statement>'] },
  { name: 'not-utf8', file: 'actors/helena-voss.md', line: 4, says: ['not UTF-8', '0xE8', '"è"'] },
  { name: 'mdx-expression', file: 'articles/barrier-vote.mdx', line: 11, says: ['curly-brace expressions are not allowed', '{process.env.HOME}'] },
  { name: 'unsafe-link', file: 'articles/barrier-vote.mdx', line: 11, says: ['"javascript:alert(document.cookie)" is not a web address', 'https://'] },
  { name: 'raw-html', file: 'actors/helena-voss.md', line: 13, says: ['raw HTML is not allowed', '<script>alert("bio")</script>'] },
  { name: 'missing-image', file: 'actors/helena-voss.md', line: 6, says: ['`image.src`', 'no image file "images/helena-voss.jpg"'] },
  { name: 'yaml-tag', file: 'actors/helena-voss.md', line: 2, says: ['`name`', 'YAML tag `!!js/function` is not supported', 'fix: remove `!!js/function`'] },
  { name: 'alias-bomb', file: 'statements/barrier.yaml', line: 6, says: ['`lol`', 'YAML anchors (`&a0`) are not supported'] },
  { name: 'cr-only', file: 'actors/helena-voss.md', line: 1, says: ['carriage return alone (CR, old Mac line endings)', 'fix: save the file with LF (Unix) or CRLF (Windows)'] },
];

const contentOf = (name: string) => `${FIXTURES}/${name}/content`;
const where = (c: Case) => `${contentOf(c.name)}/${c.file}:${c.line}:`;
const errorCount = (output: string) => Number(/(\d+) errors?, \d+ warnings?/.exec(output)?.[1] ?? -1);

describe('npm run check on each bad input', () => {
  test.each(CASES)('$name', (c) => {
    const { status, output } = checkContent(contentOf(c.name));
    expect(status).toBe(1);
    expect(output).toContain(where(c));
    for (const text of c.says) expect(output).toContain(text);
    // Exactly the one intended mistake, not a cascade of follow-on errors
    // (a circle is reported in each of its files).
    expect(errorCount(output)).toBe(c.name === 'partof-cycle' ? 2 : 1);
    expect(output).not.toMatch(/^\s+at /m);
  });

  test('unknown references of every kind are each reported, with their line and value', () => {
    const { status, output } = checkContent(contentOf('unknown-refs'));
    expect(status).toBe(1);
    const dir = contentOf('unknown-refs');
    const expected: [string, number, string, string][] = [
      ['actors/eastholm-council.md', 5, '`country`', '"eastholmland"'],
      ['actors/eastholm-council.md', 7, 'the 1st parent body in `partOf`', '"eastholm-region"'],
      ['actors/helena-voss.md', 7, '`of` of the 1st role', '"eastholm-counsil"'],
      ['sources/eastholm-bulletin.yaml', 6, '`issuer`', '"eastholm-bulletin-newsroom"'],
      ['statements/barrier.yaml', 7, 'the 1st actor in `about`', '"eastholm-harbour-board"'],
      ['statements/barrier.yaml', 9, 'the 1st source', '"eastholm-gazette"'],
      ['statements/barrier.yaml', 12, '`statement` of the 1st relation', '"voss-earlier-pledge"'],
      ['figures/barrier-cost.md', 7, '`by` of the 1st estimate', '"eastholm-treasury"'],
      ['figures/barrier-cost.md', 9, '`source` of the 1st estimate', '"eastholm-ledger"'],
      ['figures/barrier-cost.md', 10, '`statement` of the 1st estimate', '"treasury-cost-statement"'],
      ['events/barrier-events.yaml', 5, 'the 1st actor', '"eastholm-mayor"'],
      ['events/barrier-events.yaml', 7, 'the 1st source', '"eastholm-radio"'],
      ['articles/barrier-vote.mdx', 7, '`<Actor id>`', '"helena-vos"'],
      ['articles/barrier-vote.mdx', 7, '`citation`', '"eastholm-bulletn"'],
      ['articles/barrier-vote.mdx', 9, '`<Statement id>`', '"voss-barrier-promise"'],
      ['articles/barrier-vote.mdx', 11, '`<Figure id>`', '"barrier-costs"'],
      ['articles/barrier-vote.mdx', 13, '`<Timeline actors>`', '"eastholm-councill"'],
    ];
    const lines = output.split('\n');
    for (const [file, line, field, value] of expected) {
      const found = lines.some((l) => l.startsWith(`${dir}/${file}:${line}:`) && l.includes(field) && l.includes(value));
      expect(found, `${file}:${line} ${field} ${value}`).toBe(true);
    }
    expect(errorCount(output)).toBe(expected.length);
  });

  test('two problems in two files are both reported in one run', () => {
    const { status, output } = checkContent(contentOf('two-errors'));
    expect(status).toBe(1);
    expect(output).toContain(`${contentOf('two-errors')}/articles/barrier-vote.mdx:7:`);
    expect(output).toContain('unknown source "no-such-source"');
    expect(output).toContain(`${contentOf('two-errors')}/statements/barrier.yaml:2:`);
    expect(output).toContain('unknown actor "helena-vosss"');
    expect(errorCount(output)).toBe(2);
  });

  test('a folder that holds no collection folders is an error, not an empty site', () => {
    const { status, output } = checkContent(FIXTURES);
    expect(status).toBe(1);
    expect(output).toContain('holds none of the folders articles/');
  });

  test.each(['bom-crlf', 'code-citation', 'number-and-date-text'])('%s is accepted', (name) => {
    const { status, output } = checkContent(contentOf(name));
    expect(output).toContain('Content OK');
    expect(status).toBe(0);
  });

  test('warnings pass unless --strict', () => {
    // The minimal story with one extra source that nothing cites.
    const { status, output } = checkContent('tests/fixtures/errors/uncited-source/content');
    expect(status).toBe(0);
    expect(output).toContain('warning:');
    expect(output).toContain('"eastholm-gazette" is not cited');
    expect(checkContent('tests/fixtures/errors/uncited-source/content', ['--strict']).status).toBe(1);
  });
});

const BUILT = ['unknown-actor-in-article', 'unknown-citation', 'unknown-speaker', 'duplicate-id', 'mdx-syntax', 'not-utf8', 'mdx-expression', 'cr-only'];

describe('astro build stops on bad input with the same message', () => {
  test.each(CASES.filter((c) => BUILT.includes(c.name)))(
    '$name',
    (c) => {
      const checked = checkContent(contentOf(c.name)).output;
      const message = checked.split('\n').find((line) => line.startsWith(where(c)));
      expect(message).toBeDefined();
      const result = buildSite(contentOf(c.name));
      try {
        const output = `${result.stdout}${result.stderr}`;
        expect(result.status).toBe(1);
        expect(output).toContain(message);
        expect(output).not.toMatch(/^ {4}at /m);
        expect(output).toContain('Nothing was built');
        expect(existsSync(result.outDir)).toBe(false);
      } finally {
        cleanBuild(result);
      }
    },
    120_000,
  );
});

describe('accepted inputs build', () => {
  test(
    'BOM and CRLF files build like any other',
    () => {
      const result = buildSite(contentOf('bom-crlf'));
      try {
        expect(result.status, result.stderr).toBe(0);
        const article = readPage(result.outDir, '/articles/barrier-vote/');
        expect(article).toContain('<h1>Eastholm votes for a flood barrier</h1>');
        expect(article).not.toContain('\uFEFF');
        expect(article).not.toContain('\r');
        expect(readPage(result.outDir, '/actors/helena-voss/')).toContain('Mayor of Eastholm');
      } finally {
        cleanBuild(result);
      }
    },
    120_000,
  );

  test(
    'text fields that YAML reads as numbers or dates are kept as the text written',
    () => {
      const result = buildSite(contentOf('number-and-date-text'));
      try {
        expect(result.status, result.stderr).toBe(0);
        expect(readPage(result.outDir, '/articles/barrier-vote/')).toContain('<h1>1984</h1>');
        expect(readPage(result.outDir, '/actors/helena-voss/')).toContain('1914-07-28');
      } finally {
        cleanBuild(result);
      }
    },
    120_000,
  );

  test(
    'a citation inside code is shown as written, not resolved',
    () => {
      const result = buildSite(contentOf('code-citation'));
      try {
        expect(result.status, result.stderr).toBe(0);
        const article = readPage(result.outDir, '/articles/barrier-vote/');
        expect(article).toContain('<code>[@no-such-source]</code>');
        expect(article).toMatch(/<pre[^>]*>[\s\S]*\[@another-missing-source\][\s\S]*<\/pre>/);
      } finally {
        cleanBuild(result);
      }
    },
    120_000,
  );
});
