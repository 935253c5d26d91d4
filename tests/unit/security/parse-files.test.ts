import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, test } from 'vitest';
import {
  decodeText,
  parseFrontmatterEntity,
  parseYamlEntities,
  type ParsedFile,
} from '../../../src/check/parse-files.ts';

/** Nine lines that expand to 9^8 (43 million) values if aliases are followed: the "billion laughs". */
const BOMB = [
  'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
].join('\n');

const frontmatter = (fields: string) => `---\n${fields}\n---\nBody.\n`;

/** Reads the same fields as a YAML file and as frontmatter (one line lower). */
const both = (fields: string): [kind: string, parsed: () => ParsedFile, lineShift: number][] => [
  ['yaml', () => parseYamlEntities('content/sources/s.yaml', `${fields}\n`), 0],
  ['frontmatter', () => parseFrontmatterEntity('content/actors/a.md', frontmatter(fields)), 1],
];

interface Refused {
  name: string;
  fields: string;
  /** Line in the YAML file (frontmatter: one more). */
  line: number;
  field: string | undefined;
  says: RegExp;
  /** Column of the tag or anchor, where the case checks it. */
  column?: number;
}

const REFUSED: Refused[] = [
  {
    name: 'js-yaml function tag',
    fields: 'title: T\npublisher: !!js/function "function () { return 1 }"',
    line: 2,
    field: 'publisher',
    says: /YAML tag `!!js\/function` is not supported/,
    column: 12,
  },
  { name: 'local tag', fields: 'title: !foo bar', line: 1, field: 'title', says: /YAML tag `!foo`/, column: 8 },
  { name: 'binary tag', fields: 'title: !!binary aGVsbG8=', line: 1, field: 'title', says: /`!!binary`/ },
  { name: 'set tag', fields: 'authors: !!set {a, b}', line: 1, field: 'authors', says: /`!!set`/ },
  { name: 'tag on a list item', fields: 'authors:\n  - A\n  - !!str B', line: 3, field: 'authors[1]', says: /`!!str`/ },
  { name: 'tag on a key', fields: '? !!str title\n: T', line: 1, field: 'title', says: /`!!str`/ },
  { name: 'alias bomb', fields: BOMB, line: 1, field: 'a0', says: /anchors \(`&a0`\) are not supported/, column: 5 },
  { name: 'alias', fields: 'title: &t T\npublisher: *t', line: 1, field: 'title', says: /anchors/ },
  { name: 'merge key', fields: 'title: T\nextra:\n  <<: {a: 1}', line: 3, field: 'extra', says: /merge key `<<`/ },
  {
    name: 'raw escape character',
    fields: 'title: a\u001b]0;owned\u0007b',
    line: 1,
    field: undefined,
    says: /control character U\+001B/,
  },
  {
    name: 'raw NUL',
    fields: 'title: T\npublisher: P\u0000',
    line: 2,
    field: undefined,
    says: /control character U\+0000/,
  },
  { name: 'next line (C1)', fields: 'title: a\u0085b', line: 1, field: undefined, says: /U\+0085/ },
  {
    name: 'nesting 2,000 levels deep',
    fields: `authors:\n  ${'- '.repeat(2000)}x`,
    line: 2,
    field: undefined,
    says: /nested more than 100 levels deep/,
  },
  {
    name: 'flow nesting 150 levels deep',
    fields: `title: T\nauthors: ${'['.repeat(150)}${']'.repeat(150)}`,
    line: 2,
    field: 'authors[0]',
    says: /nested more than 100/,
  },
  {
    name: 'stray carriage return',
    fields: 'title: T\npublisher: P\rQ',
    line: 2,
    field: undefined,
    says: /carriage return \(CR\) stands alone/,
  },
];

describe('YAML features and characters the two readers disagree on are refused, with line and field', () => {
  for (const c of REFUSED) {
    test.each(both(c.fields))(`${c.name} (%s)`, (_kind, parse, shift) => {
      const parsed = parse();
      expect(parsed.entries).toEqual([]);
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ line: c.line + shift, severity: 'error' });
      expect(parsed.problems[0]?.field).toBe(c.field);
      if (c.column !== undefined) expect(parsed.problems[0]?.column).toBe(c.column);
      expect(parsed.problems[0]?.message).toMatch(c.says);
      expect(parsed.problems[0]?.fix).toBeTruthy();
      // Ids of an unreadable file are known, so references to them are not reported again.
      expect(parsed.unreadIds).toBeDefined();
    });
  }

  test('the bomb is refused at once, without expanding it', () => {
    const started = performance.now();
    parseYamlEntities('s.yaml', `${BOMB}\n`);
    parseFrontmatterEntity('a.md', frontmatter(BOMB));
    expect(performance.now() - started).toBeLessThan(500);
  });

  test('a file with CR-only line endings names the first line and says which line endings to use', () => {
    const parsed = parseFrontmatterEntity('content/actors/hur.md', '---\rname: Hur\rkind: person\r---\rBio.\r');
    expect(parsed.problems[0]).toMatchObject({ line: 1, column: 4 });
    expect(parsed.problems[0]?.message).toMatch(/old Mac line endings/);
    expect(parsed.problems[0]?.fix).toMatch(/LF .*CRLF/);
  });

  test('decodeText folds CRLF but leaves a lone CR for the parsers to refuse', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb\rc'))).toBe('a\nb\rc');
  });
});

/**
 * Frontmatter that Astro's reader (js-yaml behind `parseFrontmatter`) and the
 * `yaml` package read differently, or that only one of them can read. For
 * each, the check either refuses the file or gives exactly the data Astro's
 * loaders will validate.
 */
const DISPUTED: [name: string, text: string][] = [
  ['closing line with more after ---', '---\nname: A\n---x\nkind: person\n---\nBody.\n'],
  ['closing line starting with +++', '---\nname: A\n+++\nkind: person\n---\nBody.\n'],
  ['comment after the closing ---', '---\nname: A\n--- # end\nkind: person\n---\n'],
  ['date and time as text', '---\nname: 2024-11-04 10:00:00\n---\n'],
  ['date as text', '---\ndescription: 2024-02-13\n---\n'],
  ['merge key', '---\n<<: {name: A}\nkind: person\n---\n'],
  ['empty key', '---\n: x\n---\n'],
  ['raw control character', '---\nname: "a\u0001b"\n---\n'],
  ['line separator', '---\nname: a\u2028kind: c\n---\n'],
  ['tab indentation', '---\nname: A\nroles:\n\t- x\n---\n'],
  ['a list, not fields', '---\n- a\n- b\n---\n'],
  ['a bare word', '---\nhello\n---\n'],
  ['two documents', '---\nname: a\n...\n---\n'],
  ['octal, hex and exponent', '---\na: 0o17\nb: 0x1F\nc: 1e3\nd: 1_000\ne: 1:20\n---\n'],
  ['__proto__ key', '---\n__proto__: {polluted: 1}\nname: A\n---\n'],
  ['block scalar with a dashed line', '---\nname: |\n  ---\n  x\n---\n'],
];

describe('what the check accepts is what Astro reads', () => {
  test.each(DISPUTED)('%s', (_name, text) => {
    const ours = parseFrontmatterEntity('content/actors/a.md', text);
    if (ours.problems.length > 0) {
      expect(ours.entries).toEqual([]);
      expect(ours.problems[0]?.line).toBeGreaterThanOrEqual(1);
      return;
    }
    expect(ours.entries[0]?.data).toEqual(parseFrontmatter(text).frontmatter);
  });

  test('a dashed line that Astro takes for the end of the frontmatter is reported on its line', () => {
    const parsed = parseFrontmatterEntity('a.md', '---\nname: A\n---x\nkind: person\n---\n');
    expect(parsed.problems[0]).toMatchObject({ line: 3, column: 1 });
    expect(parsed.problems[0]?.message).toMatch(/first line that starts with "---" or "\+\+\+"/);
  });

  test('a YAML error only Astro’s reader finds is reported with its line', () => {
    const parsed = parseFrontmatterEntity('a.md', '---\nname: A\n: x\n---\n');
    expect(parsed.problems[0]?.message).toMatch(/YAML cannot be read/);
    expect(parsed.problems[0]?.line).toBe(3);
  });

  test('frontmatter that never ends is a problem, not an empty entry', () => {
    expect(parseFrontmatterEntity('a.md', '---\nname: A\n').problems[0]?.message).toMatch(/never ends/);
  });

  test('positions and body line are unchanged for ordinary files', () => {
    const { entries } = parseFrontmatterEntity('a.md', '---  \nname: X\nkind: state\n---\nBio.\n');
    expect(entries[0]).toMatchObject({ data: { name: 'X', kind: 'state' }, body: 'Bio.\n', bodyLine: 5 });
    expect(entries[0]?.locate(['kind'])).toEqual({ line: 3, column: 7 });
  });
});

describe('no input makes the parsers throw', () => {
  const NASTY = [
    '',
    '---',
    '---\n',
    '---\n---',
    '\uFEFF---\n---\n',
    '---\n[\n---\n',
    `---\n${'['.repeat(5000)}\n---\n`,
    `---\n${'- '.repeat(5000)}x\n---\n`,
    `${'a: '.repeat(1000)}b`,
    `---\nname: "${'\\'.repeat(3)}"\n---\n`,
    '---\n? [a, b]\n: c\n---\n',
    '%YAML 1.1\n---\na: yes\n',
    '- !!js/undefined ~\n',
    '*unknown\n',
  ];
  test.each(NASTY.map((text, i) => [i, text] as const))('input %i', (_i, text) => {
    expect(() => parseFrontmatterEntity('a.md', text)).not.toThrow();
    expect(() => parseYamlEntities('a.yaml', text)).not.toThrow();
  });
});
