import { onePerKey } from './per-key.ts';
/** Dates as readers of a locale write them, for the calendar day itself (UTC, so no time zone shifts it). */
const readerDate = onePerKey(
  (locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

/**
 * Formats an ISO date for readers of a locale: `2024-11-04` gives `4 November 2024`
 * in `en-GB`, `4 листопада 2024 р.` in `uk` (a no-break space before `р.`), `2024년 11월 4일` in `ko`.
 */
export function formatDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  // A word written after the year ("2024 р." in Ukrainian, "2024 г." in Russian) stays on the year's line.
  return readerDate(locale)
    .formatToParts(Date.UTC(year, month - 1, day))
    .map((part, i, parts) =>
      part.type === 'literal' && parts[i - 1]?.type === 'year'
        ? part.value.replace(/^\s+(?=\p{L})/u, '\u00a0')
        : part.value,
    )
    .join('');
}

/** Compares ISO dates, oldest first. */
export function byDate(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * When an article last changed, for machines (structured data, sitemap):
 * its `updated` date, else the newest entry of its update log, else `published`.
 */
export function lastModified(article: {
  published: string;
  updated?: string | undefined;
  updates?: readonly { date: string }[] | undefined;
}): string {
  if (article.updated !== undefined) return article.updated;
  const newest = (article.updates ?? [])
    .map((update) => update.date)
    .sort(byDate)
    .at(-1);
  return newest ?? article.published;
}
