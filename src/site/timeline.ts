import type { ContentSet } from '../model/content-set.ts';

/** One row of a timeline: an event or a statement. */
export type TimelineItem = { kind: 'event'; id: string; date: string; actors: string[] } | { kind: 'statement'; id: string; date: string; actors: string[] };

/** Filters for a timeline; every field optional. */
export interface TimelineFilter {
  actors?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Events and statements of a content set, oldest first (events before statements on the same day). */
export function buildTimeline(set: ContentSet): TimelineItem[] {
  const items: TimelineItem[] = [
    ...set.events.map((e) => ({ kind: 'event' as const, id: e.id, date: e.data.date, actors: e.data.actors ?? [] })),
    ...set.statements.map((s) => ({ kind: 'statement' as const, id: s.id, date: s.data.date, actors: [s.data.speaker, ...(s.data.about ?? [])] })),
  ];
  return items.sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'event' ? -1 : 1));
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
