import type { ContentSet, Entity } from './content-set.ts';

/** The open data files, by name under `/data/`. */
export const OPEN_DATA_FILES = ['actors.json', 'statements.json', 'figures.json', 'sources.json', 'events.json', 'estimates.csv'] as const;

/** One record of a JSON data file: the id, the page that shows it (`page`), and the editor's fields as written. */
export type DataRecord<T> = { id: string; page: string } & T;

/** Builds the records of one collection, sorted by id so the file is stable. */
export function dataRecords<T extends object>(entities: readonly Entity<T>[], page: (id: string) => string): DataRecord<T>[] {
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

/**
 * Quotes a CSV field when it needs it (RFC 4180). Text that a spreadsheet would
 * run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading apostrophe; numbers are written as they are.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `estimates.csv`: one row per estimate, figures by id, estimates in their written order. */
export function estimatesCsv(set: ContentSet): string {
  const actors = new Map(set.actors.map((actor) => [actor.id, actor.data]));
  const sources = new Map(set.sources.map((source) => [source.id, source.data]));
  const rows: string[] = [ESTIMATE_COLUMNS.join(',')];
  const figures = [...set.figures].sort((a, b) => a.id.localeCompare(b.id));
  for (const figure of figures) {
    for (const estimate of figure.data.estimates) {
      const source = sources.get(estimate.source);
      const row: Record<(typeof ESTIMATE_COLUMNS)[number], string | number | undefined> = {
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
      rows.push(ESTIMATE_COLUMNS.map((column) => csvField(row[column])).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
