import { onePerKey } from './per-key.ts';
import { z } from 'astro/zod';

/** A time of day with its offset from UTC: `21:30+02:00`, `09:05:30Z`. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;

/** The `time` field: a time of day with its offset, which says which day and hour it was everywhere. */
export const timeOfDay = z
  .string({ error: 'must be a time of day with its offset from UTC, such as 21:30+02:00' })
  .regex(TIME_PATTERN, {
    error: 'must be a time of day (00:00 to 23:59) with its offset from UTC, such as 21:30+02:00 or 19:30Z',
  });

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(.+)$/;

/** `2024-11-04` and `21:30+02:00` give the instant, in milliseconds since 1970. */
export function instantOf(date: string, time: string | undefined): number {
  if (time === undefined) return Date.parse(`${date}T00:00:00Z`);
  const [, clock = '', offset = 'Z'] = /^(\d{2}:\d{2}(?::\d{2})?)(.*)$/.exec(time) ?? [];
  return Date.parse(`${date}T${clock.length === 5 ? `${clock}:00` : clock}${offset}`);
}

/** An instant as the two fields, in UTC: `2024-11-04`, `19:30Z`. */
function utcParts(instant: Date): { date: string; time: string } {
  const iso = instant.toISOString();
  const seconds = iso.slice(17, 19);
  return { date: iso.slice(0, 10), time: `${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}Z` };
}

/**
 * Lets an entry write its time in its date field, `date: 2024-11-04T21:30+02:00`,
 * as well as `date: 2024-11-04` with `time: 21:30+02:00`. The combined form is
 * kept as the same instant in UTC (`2024-11-04`, `19:30Z`), which is also what
 * a frontmatter reader that makes it a Date gives, so the check and the build
 * agree. A combined value whose time is not valid is left for the date field to refuse.
 */
export function splitDateTime(field: string) {
  return (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const entry = value as Record<string, unknown>;
    const written = entry[field];
    if ('time' in entry) return value;
    if (
      written instanceof Date &&
      !Number.isNaN(written.getTime()) &&
      !written.toISOString().endsWith('T00:00:00.000Z')
    ) {
      return { ...entry, ...rename(utcParts(written), field) };
    }
    const match = typeof written === 'string' ? DATE_TIME.exec(written) : null;
    if (!match?.[1] || !match[2] || !TIME_PATTERN.test(match[2])) return value;
    const instant = new Date(instantOf(match[1], match[2]));
    return Number.isNaN(instant.getTime()) ? value : { ...entry, ...rename(utcParts(instant), field) };
  };
}

function rename(parts: { date: string; time: string }, field: string): Record<string, string> {
  return { [field]: parts.date, time: parts.time };
}

/** Year, month and day in a time zone, as parts (`en-CA` writes them as numbers). */
const dayFormat = onePerKey(
  (zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
);

/** Clock time and zone name, keyed `locale|zone`. */
const clockFormat = onePerKey((key) => {
  const [locale, zone] = key.split('|');
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
});

/** The day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(date: string, time: string | undefined, zone: string): string {
  if (time === undefined) return date;
  const parts = dayFormat(zone).formatToParts(new Date(instantOf(date, time)));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The clock time and zone name of an instant in a time zone, as readers of a locale write it: `21:30 EET` in `en-GB`. */
export function clockIn(date: string, time: string, zone: string, locale: string): string {
  return clockFormat(`${locale}|${zone}`).format(new Date(instantOf(date, time)));
}

/** The `datetime` attribute of a `<time>`: `2024-11-04` or `2024-11-04T19:30Z`. */
export function machineTime(date: string, time: string | undefined): string {
  return time === undefined ? date : `${date}T${time}`;
}
