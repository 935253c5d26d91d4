// What `npm run new` writes, in-process: each kind of file, written into a copy of the
// minimal story, must pass the checker, dated with the day it is given.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContentDir } from '../../../src/check/check-content.ts';
import { formatReport } from '../../../src/model/problems.ts';
import { scaffold, ScaffoldError, type ScaffoldKind, type ScaffoldOptions } from '../../../src/scaffold/scaffold.ts';
import { BASE_CONTENT } from '../../helpers/error-fixtures.ts';

/** The day the scaffold is told it is: a fixed date, so no test depends on the clock. */
const TODAY = '2024-03-01';

let work: string;
let content: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'explainer-scaffold-'));
  content = join(work, 'content');
  // The minimal story has the actor helena-voss and the source eastholm-bulletin.
  cpSync(BASE_CONTENT, content, { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Writes what the scaffold makes into the story, as `npm run new` does, and returns its path in the story. */
function write(kind: ScaffoldKind, name: string, options: ScaffoldOptions = {}) {
  const file = scaffold(kind, name, options, TODAY);
  const path = `${file.collection}/${file.fileName}`;
  mkdirSync(join(content, file.collection), { recursive: true });
  writeFileSync(join(content, path), file.text, { flag: 'wx' });
  return { ...file, path };
}

/** The checker's report on the story, paths as `content/…`. */
function check() {
  const problems = checkContentDir(content, work).problems;
  return { errors: problems.filter((problem) => problem.severity === 'error').length, report: formatReport(problems) };
}

const COMMANDS: [string, ScaffoldKind, string, ScaffoldOptions, string][] = [
  ['actor', 'actor', 'Cho Tae-yul', {}, 'actors/cho-tae-yul.md'],
  [
    'actor with a kind',
    'actor',
    'Eastholm Harbour Board',
    { kind: 'government-body' },
    'actors/eastholm-harbour-board.md',
  ],
  [
    'source',
    'source',
    'Barrier costs rise: council',
    { publisher: 'Eastholm Gazette', type: 'news-report', url: 'https://example.com/x' },
    'sources/barrier-costs-rise-council.yaml',
  ],
  [
    'statement',
    'statement',
    'Voss says the barrier will cost more',
    { speaker: 'helena-voss', source: ['eastholm-bulletin'], quote: 'It will cost "more".' },
    'statements/voss-says-the-barrier-will-cost-more.yaml',
  ],
  [
    'event',
    'event',
    'Barrier construction starts',
    { source: ['eastholm-bulletin'], actor: ['eastholm-council'] },
    'events/barrier-construction-starts.yaml',
  ],
  [
    'figure',
    'figure',
    'Cost of the barrier',
    { by: 'eastholm-council', source: ['eastholm-bulletin'], value: '300', unit: 'thousand thalers' },
    'figures/cost-of-the-barrier.md',
  ],
  [
    'figure with a range',
    'figure',
    'Workers on site',
    { by: 'helena-voss', source: ['eastholm-bulletin'], low: '40', high: '60' },
    'figures/workers-on-site.md',
  ],
  ['article', 'article', "What's next for the barrier?", {}, 'articles/whats-next-for-the-barrier.mdx'],
];

describe('scaffold', () => {
  test.each(COMMANDS)('%s: writes a file that passes the checker', (_name, kind, name, options, expected) => {
    const file = write(kind, name, options);
    expect(file.path).toBe(expected);
    // Actors have no date field; everything else is dated with the day given.
    if (kind !== 'actor') expect(file.text).toContain(TODAY);
    const { errors, report } = check();
    expect(report).not.toContain('error:');
    expect(errors).toBe(0);
    // Statements, events and a source given its publisher need no placeholder; actors, figures and articles do.
    expect(file.placeholders.length > 0).toBe(/^(actors|figures|articles)\//.test(expected));
    // Every placeholder is flagged by the checker, with its line and field.
    for (const field of file.placeholders) {
      expect(report).toMatch(
        new RegExp(
          `content/${expected.replace(/[.]/g, '\\.')}:\\d+:\\d+  warning: \`${field}\` placeholder text from "npm run new" is still here`,
        ),
      );
    }
  });

  test('once the placeholder is replaced, the warning goes', () => {
    const file = write('actor', 'Cho Tae-yul');
    expect(check().report).toContain('placeholder text');
    const path = join(content, file.path);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/description: .*/, 'description: South Korean foreign minister.'),
    );
    expect(check().report).not.toContain('placeholder text');
  });

  test('the name is kept exactly, the id is kebab-case', () => {
    expect(write('actor', 'Cho Tae-yul').text).toContain('name: Cho Tae-yul');
  });

  test('accents are dropped from the id', () => {
    expect(write('actor', 'Josep Borrell Fontellés').path).toBe('actors/josep-borrell-fontelles.md');
  });

  test('a missing required option is explained', () => {
    expect(() => scaffold('statement', 'Something said', {}, TODAY)).toThrow(ScaffoldError);
    expect(() => scaffold('statement', 'Something said', {}, TODAY)).toThrow('--speaker');
  });

  test('a name in a script the slugifier cannot spell in Latin letters asks for --id', () => {
    expect(() => scaffold('actor', '최선희', {}, TODAY)).toThrow('--id');
  });

  test('a Cyrillic name is transliterated into its id', () => {
    expect(scaffold('actor', 'Володимир Зеленський', {}, TODAY).fileName).toBe('volodimir-zelenskiy.md');
  });

  test('--date and --id override the day and the name', () => {
    const file = scaffold(
      'source',
      'Anything',
      { id: 'eastholm-radio-2024-02-14', date: '2024-02-14', publisher: 'Eastholm Radio' },
      TODAY,
    );
    expect(file.fileName).toBe('eastholm-radio-2024-02-14.yaml');
    expect(file.text).toContain('published: 2024-02-14');
  });

  test('all kinds together still give a clean story', () => {
    for (const [, kind, name, options] of COMMANDS) write(kind, name, options);
    expect(check().errors).toBe(0);
  });
});
