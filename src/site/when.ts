import { formatDate } from '../model/dates.ts';
import { clockIn, dayIn, machineTime } from '../model/times.ts';

/** When something happened, for readers and for the `<time>` element. */
export interface When {
  /** The day in the site's time zone (YYYY-MM-DD). */
  day: string;
  /** "4 November 2024" or "4 November 2024, 21:30 EET": the time in the site's zone, named. */
  text: string;
  /** The clock alone, "21:30 EET", when there is a time. */
  clock: string | undefined;
  /** The `datetime` attribute: `2024-11-04` or `2024-11-04T19:30Z`. */
  datetime: string;
}

/**
 * A date with an optional time of day, shown in the site's time zone with the
 * zone named: `('2024-11-04', '19:30Z', 'Europe/Kyiv')` gives
 * "4 November 2024, 21:30 EET" (in `en-GB`, the locale dates are written in); a date alone stays a date.
 */
export function when(date: string, time: string | undefined, zone: string, locale: string): When {
  if (time === undefined) return { day: date, text: formatDate(date, locale), clock: undefined, datetime: date };
  const day = dayIn(date, time, zone);
  const clock = clockIn(date, time, zone, locale);
  return { day, text: `${formatDate(day, locale)}, ${clock}`, clock, datetime: machineTime(date, time) };
}
