import { z } from 'astro/zod';
import { id, isoDate, refList, text } from './common.ts';
import { splitDateTime, timeOfDay } from './times.ts';
import { updateLog } from './updates.ts';

/** An event on the timeline. */
export const eventSchema = z.preprocess(
  splitDateTime('date'),
  z.strictObject({
    /** Id; required when the file holds a list. */
    id: id.optional(),
    /** When it happened. */
    date: isoDate,
    /** Time of day it happened, with its offset from UTC: `21:30+02:00`. */
    time: timeOfDay.optional(),
    /** What happened, in a line. */
    title: text,
    /** More detail. */
    summary: text.optional(),
    /** Who took part. */
    actors: refList('actors', { backlink: 'events' }).optional(),
    /** Where. */
    place: text.optional(),
    /** At least one source. */
    sources: refList('sources', { backlink: 'events' }, 'must be a list of source ids').min(1, {
      error: 'needs at least one source',
    }),
    /** Public log of changes and corrections, newest first. */
    updates: updateLog.optional(),
  }),
);

/** Validated event data. */
export type Event = z.infer<typeof eventSchema>;
