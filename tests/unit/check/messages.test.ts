import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContentDir } from '../../../src/check/check-content.ts';
import { describeField, formatProblem, formatReport, ordinal, type Problem } from '../../../src/model/problems.ts';

describe('positions are counted from 1', () => {
  test.each([
    ['estimates[1].low', '`low` of the 2nd estimate'],
    ['estimates[0]', 'the 1st estimate'],
    ['about[2]', 'the 3rd actor in `about`'],
    ['relations[0].statement', '`statement` of the 1st relation'],
    ['updates[10].date', '`date` of the 11th update'],
    ['unknown[3]', 'the 4th entry of `unknown`'],
    ['image.src', '`image.src`'],
  ])('%s reads "%s"', (field, expected) => {
    expect(describeField(field)).toBe(expected);
  });

  test.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [102, '102nd'],
  ])('%i is the %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });

  test('a report names the list entry and counts from 1', () => {
    const problem: Problem = {
      file: 'f.yaml',
      line: 11,
      column: 3,
      entry: 'statement "mayor-denies"',
      field: 'sources[0]',
      message: 'unknown source "x"',
      severity: 'error',
    };
    expect(formatProblem(problem)).toBe(
      'f.yaml:11:3  error: statement "mayor-denies": the 1st source unknown source "x"',
    );
  });
});

describe('the checker on a story with mistakes in lists, a circle and malformed citations', () => {
  let dir: string;
  let report: string;
  let problems: Problem[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'explainer-messages-'));
    cpSync(resolve(import.meta.dirname, '../../fixtures/minimal/content'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'statements/barrier.yaml'),
      [
        '- id: voss-barrier-pledge',
        '  speaker: helena-voss',
        '  date: 2024-02-12',
        '  quote: "The barrier will be finished before the autumn storms."',
        '  sources: [eastholm-bulletin]',
        '- id: council-vote-summary',
        '  speaker: eastholm-council',
        '  date: 2024-02-13',
        '  sources: [eastholm-bulletin]',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'actors/eastholm-council.md'),
      '---\nname: Council\nkind: government-body\ndescription: d\npartOf: [eastholm-works]\n---\n',
    );
    writeFileSync(
      join(dir, 'actors/eastholm-works.md'),
      '---\nname: Works\nkind: government-body\ndescription: d\npartOf: [eastholm-council]\n---\n',
    );
    writeFileSync(
      join(dir, 'articles/barrier-vote.mdx'),
      [
        '---',
        'title: T',
        'description: D',
        'published: 2024-02-13',
        '---',
        '',
        '<Actor id="helena-voss" /> promised [@eastholm-bulletin]. <Statement id="voss-barrier-pledge" />',
        '',
        'No at sign [eastholm-bulletin], a space [@ eastholm-bulletin], no comma [@eastholm-bulletin p. 2].',
        '',
        'Bare @eastholm-bulletin, an unknown [@ no-such-source], an id-like [harbour-report], but [sic] and [1] are text.',
        '',
        '`[eastholm-bulletin]` in code is fine.',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'sources/unused.yaml'), 'title: U\npublisher: P\ntype: report\npublished: 2024-02-01\n');
    problems = checkContentDir(dir, dir).problems;
    report = formatReport(problems);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('an error in a list entry names the entry', () => {
    expect(report).toContain(
      'statements/barrier.yaml:6:3  error: statement "council-vote-summary": `quote` needs a `quote`',
    );
  });

  test('a partOf circle is reported in every file of it', () => {
    const circle = problems.filter((p) => p.message.includes('goes round in a circle'));
    expect(circle.map((p) => p.file).sort()).toEqual(['actors/eastholm-council.md', 'actors/eastholm-works.md']);
    expect(report).toContain('eastholm-council → eastholm-works → eastholm-council (also in actors/eastholm-works.md)');
    expect(report).toContain('eastholm-works → eastholm-council → eastholm-works (also in actors/eastholm-council.md)');
  });

  test('malformed citations of a known source are errors, with the citation to write', () => {
    const at = (line: number, column: number) =>
      problems.find((p) => p.line === line && p.column === column && p.field === 'citation');
    expect(at(9, 12)).toMatchObject({ severity: 'error', fix: 'write [@eastholm-bulletin]' });
    expect(at(9, 41)).toMatchObject({ severity: 'error', fix: 'write [@eastholm-bulletin]' });
    expect(at(9, 73)).toMatchObject({ severity: 'error', fix: 'write [@eastholm-bulletin, p. 2]' });
    expect(at(11, 6)).toMatchObject({ severity: 'error', fix: 'write [@eastholm-bulletin]' });
    expect(at(9, 12)?.message).toBe(
      '"[eastholm-bulletin]" is not a citation: readers would see it as written, without a link to the source "eastholm-bulletin"',
    );
  });

  test('malformed citations of no known source are warnings; plain brackets, e-mail and code are left alone', () => {
    const malformed = problems.filter((p) => p.field === 'citation');
    const warnings = malformed.filter((p) => p.severity === 'warning').map((p) => p.message);
    expect(warnings).toEqual([
      '"[@ no-such-source]" looks like a citation, but no source has the id "no-such-source"',
      '"[harbour-report]" looks like a citation, but no source has the id "harbour-report"',
    ]);
    expect(malformed).toHaveLength(6);
    expect(report).not.toMatch(/\[sic\]|\[1\]|in code/);
  });

  test('warnings are shown together with errors', () => {
    expect(problems.some((p) => p.severity === 'error')).toBe(true);
    expect(problems.some((p) => p.severity === 'warning')).toBe(true);
  });

  test('while an entry is missing, "nothing cites" is not claimed', () => {
    expect(report).not.toContain('"unused" is not cited');
  });
});
