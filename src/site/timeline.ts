import type { ContentSet } from '../model/content-set.ts';
import { dayIn, instantOf } from '../model/times.ts';

/**
 * One row of a timeline: an event or a statement, on its day in the site's
 * time zone, with the time of day when one is given.
 */
export type TimelineItem = {
  kind: 'event' | 'statement';
  id: string;
  date: string;
  time?: string | undefined;
  actors: string[];
};

/** Filters for a timeline; every field optional. */
export interface TimelineFilter {
  actors?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Events and statements of a content set, oldest first, each on its day in
 * the time zone `zone`. On one day, entries without a time come first (events
 * before statements), then the others by time.
 */
export function buildTimeline(set: ContentSet, zone = 'UTC'): TimelineItem[] {
  const item = (
    kind: 'event' | 'statement',
    id: string,
    data: { date: string; time?: string | undefined },
    actors: string[],
  ) => ({
    kind,
    id,
    date: dayIn(data.date, data.time, zone),
    time: data.time,
    actors,
    at: data.time === undefined ? undefined : instantOf(data.date, data.time),
  });
  const items = [
    ...set.events.map((e) => item('event', e.id, e.data, e.data.actors ?? [])),
    ...set.statements.map((s) => item('statement', s.id, s.data, [s.data.speaker, ...(s.data.about ?? [])])),
  ];
  items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.at ?? -Infinity) - (b.at ?? -Infinity) ||
      (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'event' ? -1 : 1),
  );
  return items.map(({ at: _at, time, ...rest }) => (time === undefined ? rest : { ...rest, time }));
}

/** The items within a date range that involve any of the given actors. */
export function filterTimeline(items: readonly TimelineItem[], filter: TimelineFilter): TimelineItem[] {
  const actors = filter.actors && filter.actors.length > 0 ? new Set(filter.actors) : undefined;
  return items.filter(
    (item) =>
      (filter.from === undefined || item.date >= filter.from) &&
      (filter.to === undefined || item.date <= filter.to) &&
      (actors === undefined || item.actors.some((a) => actors.has(a))),
  );
}

/** Groups items by date, keeping order: `[[date, items], …]`. */
export function groupByDate<T extends { date: string }>(items: readonly T[]): [string, T[]][] {
  const groups: [string, T[]][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last[0] === item.date) last[1].push(item);
    else groups.push([item.date, [item]]);
  }
  return groups;
}
