import { stringify } from 'csv-stringify/sync';
import type { ContentSet, Entity } from '../model/content-set.ts';

/** The collections published as JSON (`/data/<collection>.json`), in the order `/data/` lists them; what each holds is `data.what` of the messages. */
const JSON_FILES = [
  'actors',
  'statements',
  'figures',
  'sources',
  'events',
] as const satisfies readonly (keyof ContentSet)[];

/** A collection published as a JSON file. */
export type DataCollection = (typeof JSON_FILES)[number];

/** The one CSV file: every estimate of every figure. */
export const ESTIMATES_FILE = 'estimates.csv';

/** One open data file, as the `/data/` page describes it. */
export interface OpenDataFile {
  /** File name under `/data/`. */
  name: string;
  /** Records (JSON) or rows (CSV) it holds. */
  count: number;
  unit: 'record' | 'row';
  /** What it holds: a collection, or every estimate (`data.what` of the messages describes each). */
  holds: DataCollection | 'estimates';
}

/** The names of the open data files under `/data/`. */
export const OPEN_DATA_FILES: readonly string[] = [
  ...JSON_FILES.map((collection) => `${collection}.json`),
  ESTIMATES_FILE,
];

/** The collection a JSON file name publishes (`actors.json` gives `actors`), if any. */
export function dataCollectionOf(file: string): DataCollection | undefined {
  return JSON_FILES.find((collection) => `${collection}.json` === file);
}

/** Every open data file of a story, with what it holds, in the order `/data/` lists them. */
export function openDataFiles(set: ContentSet): OpenDataFile[] {
  const estimates = set.figures.reduce((sum, figure) => sum + figure.data.estimates.length, 0);
  return [
    ...JSON_FILES.map((collection) => ({
      name: `${collection}.json`,
      count: set[collection].length,
      unit: 'record' as const,
      holds: collection,
    })),
    {
      name: ESTIMATES_FILE,
      count: estimates,
      unit: 'row',
      holds: 'estimates',
    },
  ];
}

/** One record of a JSON data file: the id, the page that shows it (`page`), and the editor's fields as written. */
export type DataRecord<T> = { id: string; page: string } & T;

/** Builds the records of one collection, sorted by id so the file is stable. */
export function dataRecords<T extends object>(
  entities: readonly Entity<T>[],
  page: (id: string) => string,
): DataRecord<T>[] {
  return [...entities]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((entity) => {
      // A list entry carries its own `id` in its data; the record's id comes first either way.
      const { id: _ignored, ...data } = entity.data as T & { id?: string };
      return { id: entity.id, page: page(entity.id), ...(data as T) };
    });
}

/** Serialises a data file: two-space JSON with a final newline. */
export function toJsonFile(records: unknown): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** The columns of `estimates.csv`, in order. */
export const ESTIMATE_COLUMNS = [
  'figure',
  'figure_title',
  'unit',
  'value',
  'low',
  'high',
  'claimant',
  'claimant_name',
  'date',
  'scope',
  'method',
  'note',
  'statement',
  'source',
  'source_title',
  'source_publisher',
  'source_url',
] as const;

/** The first characters that make a spreadsheet read a cell as a formula (OWASP's list: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes text inert in a spreadsheet, as OWASP advises against CSV injection: a
 * cell that starts like a formula gets a leading apostrophe, which Excel,
 * LibreOffice and Google Sheets read as "this is text" and do not show.
 */
export function inertCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * `estimates.csv`: one row per estimate, figures by id, estimates in their
 * written order. RFC 4180 with CRLF line ends, written by csv-stringify. Every
 * text cell is quoted, so a separator inside it (`,` here, `;` or a tab in
 * the locales whose spreadsheets split on those) never starts a new cell, and
 * made inert (`inertCell`); numbers are written as numbers.
 */
export function estimatesCsv(set: ContentSet): string {
  const actors = new Map(set.actors.map((actor) => [actor.id, actor.data]));
  const sources = new Map(set.sources.map((source) => [source.id, source.data]));
  const figures = [...set.figures].sort((a, b) => a.id.localeCompare(b.id));
  const rows = figures.flatMap((figure) =>
    figure.data.estimates.map((estimate): Record<(typeof ESTIMATE_COLUMNS)[number], string | number | undefined> => {
      const source = sources.get(estimate.source);
      return {
        figure: figure.id,
        figure_title: figure.data.title,
        unit: figure.data.unit,
        value: estimate.value,
        low: estimate.low,
        high: estimate.high,
        claimant: estimate.by,
        claimant_name: actors.get(estimate.by)?.name,
        date: estimate.date,
        scope: estimate.scope,
        method: estimate.method,
        note: estimate.note,
        statement: estimate.statement,
        source: estimate.source,
        source_title: source?.title,
        source_publisher: source?.publisher,
        source_url: source?.url,
      };
    }),
  );
  return stringify(rows, {
    header: true,
    columns: [...ESTIMATE_COLUMNS],
    record_delimiter: 'windows',
    quoted_string: true,
    cast: { string: inertCell },
  });
}
