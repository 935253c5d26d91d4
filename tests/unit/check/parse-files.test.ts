import { describe, expect, test } from 'vitest';
import { decodeText, parseFrontmatterEntity, parseYamlEntities } from '../../../src/check/parse-files.ts';

describe('parseYamlEntities', () => {
  test('one entity takes its id from the file name', () => {
    const { entries, problems } = parseYamlEntities('content/sources/seed.yaml', 'title: T\npublisher: P\n');
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.id, e.data])).toEqual([['seed', { title: 'T', publisher: 'P' }]]);
  });

  test('a list gives every entry its explicit id, and positions per entry', () => {
    const text = '- id: a\n  speaker: x\n- id: b\n  speaker: y\n  date: 2024-11-04\n';
    const { entries } = parseYamlEntities('s.yaml', text);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(entries[1]?.locate(['date'])).toEqual({ line: 5, column: 9 });
    expect(entries[1]?.locate(['missing'])).toEqual({ line: 3, column: 3 });
  });

  test('dates stay ISO text', () => {
    const { entries } = parseYamlEntities('e.yaml', 'date: 2024-11-04\n');
    expect(entries[0]?.data).toEqual({ date: '2024-11-04' });
  });

  test('a list entry without id is a problem with its line', () => {
    const { entries, problems } = parseYamlEntities('s.yaml', '- id: a\n  x: 1\n- x: 2\n');
    expect(entries).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 's.yaml', line: 3, field: 'id' });
  });

  test('a syntax error names the line', () => {
    const { problems } = parseYamlEntities('bad.yaml', 'title: ok\nquote: "unclosed\nother: x\n');
    expect(problems[0]?.file).toBe('bad.yaml');
    expect(problems[0]?.message).toMatch(/YAML cannot be read/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  test('an explicit id that differs from the file name is refused', () => {
    const { problems } = parseYamlEntities('content/sources/a.yaml', 'id: b\ntitle: T\n');
    expect(problems[0]).toMatchObject({ field: 'id', line: 1 });
  });

  test('duplicate keys are a syntax problem', () => {
    expect(parseYamlEntities('d.yaml', 'a: 1\na: 2\n').problems).toHaveLength(1);
  });
});

describe('parseFrontmatterEntity', () => {
  test('reads frontmatter, body and the line where the body starts', () => {
    const { entries } = parseFrontmatterEntity('content/actors/x.md', '---\nname: X\nkind: state\n---\nBio [@s].\n');
    expect(entries[0]).toMatchObject({ id: 'x', data: { name: 'X', kind: 'state' }, body: 'Bio [@s].\n', bodyLine: 5 });
    expect(entries[0]?.locate(['kind'])).toEqual({ line: 3, column: 7 });
  });

  test('a file without frontmatter is a problem', () => {
    expect(parseFrontmatterEntity('a.md', 'no frontmatter').problems[0]?.message).toMatch(
      /does not start with frontmatter/,
    );
  });
});

describe('decodeText', () => {
  test('drops a BOM and folds CRLF', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFa: 1\r\nb: 2\r\n'))).toBe('a: 1\nb: 2\n');
  });
  test('refuses bytes that are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0x61, 0xff, 0xfe, 0x62]))).toBeUndefined();
  });
});
