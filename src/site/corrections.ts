import type { ContentSet, Entity } from '../model/content-set.ts';
import type { Localized } from '../messages/index.ts';
import { formatDate } from '../model/dates.ts';
import { instantOf } from '../model/times.ts';
import { updateAnchors, type Update } from '../model/updates.ts';
import { sitePath } from './format.ts';

/** The collections whose entries may carry an update log: all of them. */
export type LoggedKind = keyof ContentSet;

/** An entry with its public update log, named the way lists name it. */
export interface LoggedEntry {
  kind: LoggedKind;
  id: string;
  title: string;
  updates: readonly Update[];
}

/** One correction, with the entry it corrects. */
export interface Correction {
  kind: LoggedKind;
  id: string;
  /** The entry's title or name. */
  title: string;
  date: string;
  time?: string | undefined;
  /** What was wrong and what is right, in the editor's words. */
  summary: string;
  /** The anchor of the entry in its update log: `update-<id>`. */
  anchor: string;
}

/** The entries of an update log that are corrections, newest first, each with its anchor. */
export function entryCorrections(entry: {
  updates?: readonly Update[] | undefined;
}): Pick<Correction, 'date' | 'time' | 'summary' | 'anchor'>[] {
  const updates = entry.updates ?? [];
  const anchors = updateAnchors(updates);
  return updates
    .flatMap((update, index) =>
      update.correction === true
        ? [
            {
              date: update.date,
              ...(update.time === undefined ? {} : { time: update.time }),
              summary: update.summary,
              anchor: anchors[index] ?? '',
            },
          ]
        : [],
    )
    .sort((a, b) => instantOf(b.date, b.time) - instantOf(a.date, a.time));
}

/** Every entry of a story that has an update log, with the title lists show for it (in the site's language). */
export function loggedEntries(set: ContentSet, { m, locale }: Localized): LoggedEntry[] {
  const names = new Map(set.actors.map((actor) => [actor.id, actor.data.name]));
  const logged: LoggedEntry[] = [];
  const add = <T extends { updates?: readonly Update[] | undefined }>(
    kind: LoggedKind,
    entries: readonly Entity<T>[],
    title: (data: T) => string,
  ) => {
    for (const entry of entries)
      if (entry.data.updates?.length)
        logged.push({ kind, id: entry.id, title: title(entry.data), updates: entry.data.updates });
  };
  add('articles', set.articles, (data) => data.title);
  add('actors', set.actors, (data) => data.name);
  add('statements', set.statements, (data) =>
    m.statement.title(names.get(data.speaker) ?? data.speaker, formatDate(data.date, locale)),
  );
  add('figures', set.figures, (data) => data.title);
  add('events', set.events, (data) => data.title);
  add('sources', set.sources, (data) => data.title);
  return logged;
}

/**
 * Every correction across the entries, newest first; corrections of the same
 * moment are ordered by title, then as logged.
 */
export function listCorrections(entries: readonly LoggedEntry[]): Correction[] {
  const all = entries.flatMap((entry) =>
    entryCorrections(entry).map((correction) => ({
      kind: entry.kind,
      id: entry.id,
      title: entry.title,
      ...correction,
    })),
  );
  return all
    .map((correction, order) => ({ correction, order }))
    .sort(
      (a, b) =>
        instantOf(b.correction.date, b.correction.time) - instantOf(a.correction.date, a.correction.time) ||
        a.correction.title.localeCompare(b.correction.title) ||
        a.order - b.order,
    )
    .map(({ correction }) => correction);
}

/**
 * Where an update or correction is read: its entry in the update log of the
 * entry's page, `/statements/x/#update-<id>`; an event's updates are listed
 * under it on the timeline, `/timeline/#event-x-update-<id>`.
 */
export function correctionLink(correction: Pick<Correction, 'kind' | 'id' | 'anchor'>, base: string): string {
  return correction.kind === 'events'
    ? `${sitePath(base, 'timeline')}#event-${correction.id}-${correction.anchor}`
    : `${sitePath(base, correction.kind, correction.id)}#${correction.anchor}`;
}
