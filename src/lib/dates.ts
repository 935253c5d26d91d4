const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** Formats an ISO date for readers: `2024-11-04` gives `4 November 2024`. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Compares ISO dates, oldest first. */
export function byDate(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
