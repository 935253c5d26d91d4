import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorPage } from '../../../src/integrations/content-check.ts';
import { escapeControls, formatProblem, formatReport, type Problem } from '../../../src/model/problems.ts';
import { checkContentDir } from '../../../src/check/check-content.ts';

/** What a terminal would act on or a reader could not see, except the line break that starts `fix:`. */
const RAW = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('escapeControls', () => {
  test.each([
    ['set the window title, clear the screen', '\u001b]0;owned\u0007\u001b[2J', '\\x1b]0;owned\\x07\\x1b[2J'],
    ['right-to-left override', 'exe.\u202etxt', 'exe.\\u202etxt'],
    ['bidi isolates and marks', '\u2066a\u2069\u200f', '\\u2066a\\u2069\\u200f'],
    ['line breaks and tabs', 'a\nb\r\tc', 'a\\nb\\r\\tc'],
    ['line and paragraph separators', 'a\u2028b\u2029', 'a\\u2028b\\u2029'],
    ['NUL, DEL and a C1 control', '\u0000\u007f\u009b', '\\x00\\x7f\\x9b'],
    ['zero-width space and BOM', 'helena\u200b-voss\ufeff', 'helena\\u200b-voss\\ufeff'],
    ['a tag character (astral format character)', 'a\u{e0041}', 'a\\u{e0041}'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
    [
      'ordinary text in any script is left alone',
      'Зеленський 김정은 «quote» – café',
      'Зеленський 김정은 «quote» – café',
    ],
  ])('%s', (_name, input, shown) => {
    expect(escapeControls(input)).toBe(shown);
  });
});

const hostile: Problem = {
  file: 'content/sources/evil\u001b[2J.yaml',
  line: 2,
  column: 3,
  field: 'title\u202e',
  message: 'unknown actor "x\u001b]0;owned\u0007"',
  fix: 'did you mean "y\u009b31m"?',
  severity: 'error',
};

describe('formatProblem and the dev error page show control characters escaped', () => {
  test('every part of a problem', () => {
    const line = formatProblem(hostile);
    expect(line).not.toMatch(RAW);
    expect(line).toBe(
      'content/sources/evil\\x1b[2J.yaml:2:3  error: `title\\u202e` unknown actor "x\\x1b]0;owned\\x07"\n    fix: did you mean "y\\x9b31m"?',
    );
  });

  test('the error page of astro dev', () => {
    const page = errorPage([hostile]);
    expect(page).not.toMatch(RAW);
    expect(page).toContain('evil\\x1b[2J.yaml:2:3');
    expect(page).toContain('unknown actor &quot;x\\x1b]0;owned\\x07&quot;');
  });
});

describe('a story with control characters in its values and file names', () => {
  let dir: string;
  let report: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'explainer-escapes-'));
    cpSync(resolve(import.meta.dirname, '../../fixtures/minimal/content'), dir, { recursive: true });
    // YAML escapes make the characters; the file itself stays clean text.
    const evil = String.raw`\e]0;owned\a\e[2J\u202E`;
    writeFileSync(
      join(dir, 'statements/barrier.yaml'),
      `- id: voss-barrier-pledge\n  speaker: "helena-voss${evil}"\n  date: 2024-02-12\n  quote: x\n  sources: [eastholm-bulletin]\n`,
    );
    writeFileSync(
      join(dir, 'actors/eastholm-council.md'),
      `---\nname: Council\nkind: "organisation${evil}"\ndescription: d\n---\n`,
    );
    writeFileSync(
      join(dir, 'sources/evil\u001b[2J.yaml'),
      'title: T\npublisher: P\ntype: speech\npublished: 2024-02-30\n',
    );
    report = formatReport(checkContentDir(dir, dir).problems);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every message quotes the values, escaped', () => {
    expect(report).toContain('"helena-voss\\x1b]0;owned\\x07\\x1b[2J\\u202e"');
    expect(report).toContain('"organisation\\x1b]0;owned\\x07\\x1b[2J\\u202e" is not an allowed value');
    expect(report).toContain('sources/evil\\x1b[2J.yaml:1:1');
    expect(report).toContain('the id "evil\\x1b[2J" is not kebab-case');
  });

  test('nothing in the report can drive a terminal', () => {
    expect(report).not.toMatch(RAW);
  });
});
