import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import type { ContentSet } from '../../../src/model/content-set.ts';
import { ESTIMATE_COLUMNS, estimatesCsv, inertCell } from '../../../src/publish/open-data.ts';

/** A story with one figure whose estimate's `note` (and claimant's name) holds `text`. */
function story(text: string, value: number | undefined): ContentSet {
  return {
    articles: [],
    statements: [],
    events: [],
    actors: [{ id: 'c', data: { name: text, kind: 'state', description: 'd' }, file: '' }],
    sources: [{ id: 's', data: { title: 'T', publisher: 'P', type: 'report', published: '2024-01-01' }, file: '' }],
    figures: [
      {
        id: 'f',
        data: {
          title: 'F',
          unit: 'u',
          description: 'd',
          estimates: [{ by: 'c', date: '2024-01-02', source: 's', value, note: text }],
        },
        file: '',
      },
    ],
  } as unknown as ContentSet;
}

/** Cells of the one data row, read back the way RFC 4180 says. */
function cells(csv: string): Record<string, string> {
  const rows = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('estimates.csv cells', () => {
  test.each([
    ['plain text', 'plain', 'plain'],
    ['a comma', 'a, b', 'a, b'],
    ['quotes', 'say "hi"', 'say "hi"'],
    ['a line break', 'two\nlines', 'two\nlines'],
    ['a formula', '=1+1', "'=1+1"],
    ['a formula with a link', '=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['a plus sign first', '+1', "'+1"],
    ['a minus sign first', '-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['an at sign first', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab first', '\t=1+1', "'\t=1+1"],
    ['a carriage return first', '\r=1+1', "'\r=1+1"],
    ['a semicolon then a formula', 'foo;=1+1', 'foo;=1+1'],
    ['a tab then a formula', 'foo\t=1+1', 'foo\t=1+1'],
    ['a formula sign later on', 'a=b', 'a=b'],
  ])('%s', (_name, text, shown) => {
    const csv = estimatesCsv(story(text, 12000));
    const row = cells(csv);
    // Read back, the cell holds the text (made inert where it starts like a formula), not split.
    expect(row['note']).toBe(shown);
    expect(row['claimant_name']).toBe(shown);
    expect(Object.keys(row)).toEqual([...ESTIMATE_COLUMNS]);
    // Every text cell is quoted, so a spreadsheet that splits on ; or tab keeps it whole.
    expect(csv).toContain(`"${shown.replace(/"/g, '""')}"`);
  });

  test.each([
    [12000, '12000'],
    [-5, '-5'],
    [1e-7, '1e-7'],
    [undefined, ''],
  ])('the number %s is written as a number, unquoted and not made inert', (value, written) => {
    const csv = estimatesCsv(story('x', value));
    expect(cells(csv)['value']).toBe(written);
    expect(csv.split('\r\n')[1]?.split(',')[3]).toBe(written);
  });

  test('rows end with CRLF, after a header row', () => {
    const csv = estimatesCsv(story('x', 12000));
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(ESTIMATE_COLUMNS.map((column) => `"${column}"`).join(','));
  });

  test.each(['=', '+', '-', '@', '\t', '\r'])('inertCell prefixes text starting with %j', (first) => {
    expect(inertCell(`${first}x`)).toBe(`'${first}x`);
  });
});
