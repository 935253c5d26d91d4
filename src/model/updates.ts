import { z } from 'astro/zod';
import { id, isoDate, text } from './common.ts';
import { splitDateTime, timeOfDay } from './times.ts';

/** One entry of a public update log (articles, and every other kind of entry). */
export const updateSchema = z.preprocess(
  splitDateTime('date'),
  z.strictObject({
    /**
     * Stable id of the entry, unique in its log: the anchor `#update-<id>` and
     * the feed item's GUID. Without it, the entry's date stands in (see `updateIds`).
     */
    id: id.optional(),
    /** When the entry changed. */
    date: isoDate,
    /** Time of day it changed, with its offset from UTC: `21:30+02:00`. */
    time: timeOfDay.optional(),
    /** What changed. */
    summary: text,
    /** The change corrects an error. */
    correction: z.boolean({ error: 'must be true or false' }).optional(),
  }),
);

/**
 * The id of every entry of an update log, in log order: the `id` written, or
 * else the entry's date, with `-2`, `-3`… for further same-day entries counted
 * from the oldest (the log is newest first, so a new entry written on top
 * renumbers nothing). An implicit id never takes one that is written.
 */
export function updateIds(updates: readonly { id?: string | undefined; date: string }[]): string[] {
  const written = new Set(updates.flatMap((update) => (update.id === undefined ? [] : [update.id])));
  const taken = new Set<string>();
  const ids = new Array<string>(updates.length);
  for (let index = updates.length - 1; index >= 0; index--) {
    const update = updates[index];
    if (update === undefined) continue;
    if (update.id !== undefined) {
      ids[index] = update.id;
      continue;
    }
    let candidate = update.date;
    for (let n = 2; taken.has(candidate) || written.has(candidate); n++) candidate = `${update.date}-${n}`;
    taken.add(candidate);
    ids[index] = candidate;
  }
  return ids;
}

/**
 * The anchor of each entry of a log on its page, `update-<id>` (`updateIds`):
 * it never changes when entries are added, reordered or edited. The feed,
 * the corrections page and "what changed" link to it.
 */
export function updateAnchors(updates: readonly { id?: string | undefined; date: string }[]): string[] {
  return updateIds(updates).map((id) => `update-${id}`);
}

/** Each entry of a log with its anchor (`updateAnchors`), in log order. */
export function withAnchors<T extends { id?: string | undefined; date: string }>(
  updates: readonly T[],
): { update: T; anchor: string }[] {
  const anchors = updateAnchors(updates);
  return updates.map((update, index) => ({ update, anchor: anchors[index] ?? '' }));
}

/** A log whose written ids are unique; each duplicate is reported on its `id` line. */
export const updateLog = z.array(updateSchema).superRefine((updates, ctx) => {
  const seen = new Set<string>();
  updates.forEach((update, index) => {
    if (update.id === undefined) return;
    if (seen.has(update.id)) {
      ctx.addIssue({
        code: 'custom',
        message: `two updates have the id "${update.id}": ids must be unique in the log, since each is the entry's address and feed id`,
        path: [index, 'id'],
      });
    }
    seen.add(update.id);
  });
});

/** One entry of an update log. */
export type Update = z.infer<typeof updateSchema>;
