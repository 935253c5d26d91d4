// `npm run new -- update`, in-process: the entry it adds to an update log has a stable id that
// is unique in the log (written ids and the ones dates stand in for), the moment in the site's
// time zone, keeps the log newest first and the rest of the file as it was, and passes the checker.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContentDir } from '../../../src/check/check-content.ts';
import { formatReport } from '../../../src/model/problems.ts';
import { instantOf } from '../../../src/model/times.ts';
import { updateIds, type Update } from '../../../src/model/updates.ts';
import { ScaffoldError } from '../../../src/scaffold/scaffold.ts';
import { addUpdate, newUpdateId, type UpdateRequest, zonedMoment } from '../../../src/scaffold/update.ts';
import { BASE_CONTENT } from '../../helpers/error-fixtures.ts';

/** The moment the command is told it is, so no test depends on the clock. */
const NOW = new Date('2024-03-01T10:15:42Z');
const request = (summary: string, more: Partial<UpdateRequest> = {}): UpdateRequest => ({
  summary,
  correction: false,
  now: NOW,
  timeZone: 'UTC',
  setUpdated: false,
  ...more,
});

describe('the moment of a new update, in the site time zone', () => {
  test.each([
    ['UTC', '2024-03-01', '10:15Z'],
    ['Asia/Kolkata', '2024-03-01', '15:45+05:30'],
    ['America/New_York', '2024-03-01', '05:15-05:00'],
    ['Pacific/Kiritimati', '2024-03-02', '00:15+14:00'],
    ['Pacific/Pago_Pago', '2024-02-29', '23:15-11:00'],
    ['Europe/London', '2024-03-01', '10:15Z'],
  ])('%s: %s %s', (zone, date, time) => {
    expect(zonedMoment(NOW, zone)).toEqual({ date, time });
    // The same instant, to the minute.
    expect(instantOf(date, time)).toBe(Date.parse('2024-03-01T10:15:00Z'));
  });

  test('summer time gives the summer offset', () => {
    expect(zonedMoment(new Date('2024-07-01T12:00:00Z'), 'Europe/Kyiv')).toEqual({
      date: '2024-07-01',
      time: '15:00+03:00',
    });
  });
});

describe('the id of a new update', () => {
  const log: Update[] = [
    { id: 'corrected-the-count', date: '2024-02-20', summary: 'x' },
    { date: '2024-02-10', summary: 'y' },
    { date: '2024-02-10', summary: 'z' },
  ];

  test('is made from the first words of the summary', () => {
    expect(newUpdateId('Added the council’s second vote on the barrier', [])).toBe('added-the-councils-second-vote');
  });

  test('never takes an id of the log, written or standing in for a date, so no address changes', () => {
    expect(newUpdateId('Corrected the count', log)).toBe('corrected-the-count-2');
    const before = updateIds(log);
    for (const chosen of before) expect(() => newUpdateId('x', log, chosen)).toThrow(ScaffoldError);
    const id = newUpdateId('Corrected the count', log);
    expect(updateIds([{ id, date: '2024-03-01', summary: 's' }, ...log]).slice(1)).toEqual(before);
  });

  test('a chosen id follows the id rules', () => {
    expect(newUpdateId('x', log, 'revised-count')).toBe('revised-count');
    expect(() => newUpdateId('x', log, 'Revised Count')).toThrow('kebab-case');
    expect(() => newUpdateId('x', log, 'a'.repeat(300))).toThrow(ScaffoldError);
  });

  test('a summary with no Latin letters gives "update", still unique', () => {
    expect(newUpdateId('최신 정보', [])).toBe('update');
    expect(newUpdateId('최신 정보', [{ id: 'update', date: '2024-01-01', summary: 'x' }])).toBe('update-2');
  });
});

describe('adding an update to a file', () => {
  const LIST = `# Statements on the barrier.
- id: first
  speaker: helena-voss
  date: 2024-02-12
  quote: "One."
  sources: [eastholm-bulletin]
  updates:
    - id: later-note
      date: 2024-02-20T09:00+01:00
      summary: A note.
    - date: 2024-02-14
      summary: An older note.
# The second one.
- id: second
  speaker: helena-voss
  date: 2024-02-13
  quote: "Two."
  sources: [eastholm-bulletin]
`;

  test('goes on top of the log of the right list entry, with its id, time and correction flag; comments stay', () => {
    const { text, update } = addUpdate(
      LIST,
      { format: 'yaml', id: 'first' },
      request('Corrected the quote', { correction: true, timeZone: 'Asia/Kolkata' }),
    );
    expect(update).toEqual({
      id: 'corrected-the-quote',
      date: '2024-03-01',
      time: '15:45+05:30',
      summary: 'Corrected the quote',
      correction: true,
    });
    expect(text).toContain(
      [
        '  updates:',
        '    - id: corrected-the-quote',
        '      date: 2024-03-01',
        '      time: "15:45+05:30"',
        '      summary: Corrected the quote',
        '      correction: true',
        '    - id: later-note',
      ].join('\n'),
    );
    expect(text).toContain('# Statements on the barrier.');
    expect(text).toContain('# The second one.');
    expect(text.split('\n- id: second')[1]).not.toContain('updates');
  });

  test('starts a log on an entry that has none', () => {
    const { text } = addUpdate(LIST, { format: 'yaml', id: 'second' }, request('First change'));
    expect(text.split('- id: second')[1]).toContain('  updates:\n    - id: first-change\n      date: 2024-03-01\n');
  });

  test('a day given (and no time) is placed so the log stays newest first', () => {
    const { text } = addUpdate(LIST, { format: 'yaml', id: 'first' }, request('Between', { date: '2024-02-15' }));
    const order = [...text.matchAll(/summary: (.+)/g)].map((m) => m[1]);
    expect(order).toEqual(['A note.', 'Between', 'An older note.']);
    expect(text).not.toMatch(/id: between\n\s+date: 2024-02-15\n\s+time:/);
  });

  test('an article keeps its body byte for byte and its `updated` follows the log', () => {
    const article = '---\ntitle: T\ndescription: D\npublished: 2024-02-13\n---\n\nBody [@x].\n\n---\n\nMore.\n';
    const { text } = addUpdate(
      article,
      { format: 'frontmatter', id: 'a' },
      request('Added the vote count', { setUpdated: true }),
    );
    expect(text.endsWith('---\n\nBody [@x].\n\n---\n\nMore.\n')).toBe(true);
    expect(text).toMatch(/^---\ntitle: T\n/);
    expect(text).toContain('updated: 2024-03-01\n---\n');
  });

  test('numbers keep the digits as written, and the rest of the frontmatter its text', () => {
    const figure = [
      '---',
      'title: Tiny share',
      'unit: parts',
      'description: "A figure: with a colon"',
      'estimates:',
      '  - value: 0.0000001 # a comment',
      '    by: a',
      '    date: 2024-01-02',
      '    source: s',
      '  - low: 12000.50',
      '    high: 9007199254740991',
      '    by: b',
      '    date: 2024-01-03',
      '    source: s',
      '---',
      '',
    ].join('\n');
    const { text } = addUpdate(figure, { format: 'frontmatter', id: 'tiny-share' }, request('Added an estimate'));
    const [, before = '', after = ''] = /^([\s\S]*?)updates:[\s\S]*?\n(---\n)$/.exec(text) ?? [];
    expect(before).toBe(figure.slice(0, -'---\n'.length));
    expect(after).toBe('---\n');
  });

  test('no summary, an unknown entry or a broken log is refused', () => {
    expect(() => addUpdate(LIST, { format: 'yaml', id: 'first' }, request('  '))).toThrow('say what changed');
    expect(() => addUpdate(LIST, { format: 'yaml', id: 'third' }, request('x'))).toThrow('no entry "third"');
    const broken = LIST.replace('date: 2024-02-14', 'date: soon');
    expect(() => addUpdate(broken, { format: 'yaml', id: 'first' }, request('x'))).toThrow('npm run check');
  });
});

describe('in a story', () => {
  let work: string;
  let content: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'explainer-update-'));
    content = join(work, 'content');
    // The minimal story has the statement voss-barrier-pledge and the article barrier-vote.
    cpSync(BASE_CONTENT, content, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test('a summary or id that reads as a date, a number or an alias stays text in an article, whose frontmatter js-yaml reads', () => {
    // `yaml` writes 2024-03-01 bare (a string in YAML 1.2), Astro's frontmatter reader takes it for a date.
    const path = join(content, 'articles/barrier-vote.mdx');
    for (const summary of ['2024-03-01', '2024-03-01 10:00', '1_000', '*alias']) {
      const { text } = addUpdate(
        readFileSync(path, 'utf8'),
        { format: 'frontmatter', id: 'barrier-vote' },
        request(summary, { setUpdated: true }),
      );
      writeFileSync(path, text);
    }
    expect(formatReport(checkContentDir(content, work).problems)).toBe('0 errors, 0 warnings');
    const article = checkContentDir(content, work).set.articles.find((entry) => entry.id === 'barrier-vote')?.data;
    expect(article?.updates?.map((update) => [update.id, update.summary])).toEqual([
      ['alias', '*alias'],
      ['1-000', '1_000'],
      ['2024-03-01-10-00', '2024-03-01 10:00'],
      ['2024-03-01', '2024-03-01'],
    ]);
  });

  test('updates added to a statement and an article, twice with the same words, pass the checker without warnings', () => {
    const add = (file: string, format: 'yaml' | 'frontmatter', id: string, more: Partial<UpdateRequest>) => {
      const path = join(content, file);
      const { text, update } = addUpdate(readFileSync(path, 'utf8'), { format, id }, request('Fixed a name', more));
      writeFileSync(path, text);
      return update.id;
    };
    const ids = [
      add('statements/barrier.yaml', 'yaml', 'voss-barrier-pledge', { correction: true }),
      add('statements/barrier.yaml', 'yaml', 'voss-barrier-pledge', { timeZone: 'Europe/Kyiv' }),
      add('articles/barrier-vote.mdx', 'frontmatter', 'barrier-vote', { setUpdated: true }),
    ];
    expect(ids).toEqual(['fixed-a-name', 'fixed-a-name-2', 'fixed-a-name']);
    const problems = checkContentDir(content, work).problems;
    expect(formatReport(problems)).toBe('0 errors, 0 warnings');
    const statement = checkContentDir(content, work).set.statements[0]?.data;
    expect(statement?.updates?.map((update) => [update.id, update.time])).toEqual([
      ['fixed-a-name-2', '12:15+02:00'],
      ['fixed-a-name', '10:15Z'],
    ]);
  });
});
