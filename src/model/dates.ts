/** Dates as British readers write them, for the calendar day itself (UTC, so no time zone shifts it). */
const READER_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Formats an ISO date for readers: `2024-11-04` gives `4 November 2024`. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return READER_DATE.format(Date.UTC(year, month - 1, day));
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
