import type { Article } from '../model/article.ts';
import type { ContentSet, Entity } from '../model/content-set.ts';
import { NOUNS } from '../check/entry-label.ts';
import { instantOf } from '../model/times.ts';
import type { Update } from '../model/updates.ts';

/** Something written for later: an article, or an entry of an update log. */
export interface ScheduledItem {
  file: string;
  /** "article \"x\"" or "update \"id\" of statement \"y\"". */
  what: string;
  date: string;
  time: string | undefined;
  /** Milliseconds since 1970. */
  at: number;
}

/** The moment an article goes out: its `published` date, at its `time` (midnight UTC without one). */
export function publicationInstant(article: Pick<Article, 'published' | 'time'>): number {
  return instantOf(article.published, article.time);
}

type Logged = Entity<{ updates?: readonly Update[] | undefined }>;

/** The updates of an entry that are due at `now`, keeping an entry without any as it is. */
function withDueUpdates<E extends Logged>(entry: E, now: number): E {
  const updates = entry.data.updates;
  if (updates === undefined || updates.every((update) => instantOf(update.date, update.time) <= now)) return entry;
  return {
    ...entry,
    data: { ...entry.data, updates: updates.filter((update) => instantOf(update.date, update.time) <= now) },
  };
}

/**
 * The story as published at `now`: articles whose publication time has not
 * come are left out, and so are update-log entries (of any entry) dated later.
 * The one filter the site index and the share images apply.
 */
export function publishedAt(set: ContentSet, now: number): ContentSet {
  const due = <E extends Logged>(entries: readonly E[]) => entries.map((entry) => withDueUpdates(entry, now));
  return {
    articles: due(set.articles.filter((article) => publicationInstant(article.data) <= now)),
    actors: due(set.actors),
    figures: due(set.figures),
    statements: due(set.statements),
    sources: due(set.sources),
    events: due(set.events),
  };
}

/** What is written for later than `now`, soonest first: what `npm run check` lists. */
export function scheduledItems(set: ContentSet, now: number): ScheduledItem[] {
  const items: ScheduledItem[] = [];
  for (const article of set.articles) {
    const at = publicationInstant(article.data);
    if (at > now && article.data.draft !== true)
      items.push({
        file: article.file,
        what: `article "${article.id}"`,
        date: article.data.published,
        time: article.data.time,
        at,
      });
  }
  for (const [kind, entries] of Object.entries(set) as [keyof ContentSet, Logged[]][]) {
    for (const entry of entries) {
      for (const update of entry.data.updates ?? []) {
        const at = instantOf(update.date, update.time);
        if (at > now)
          items.push({
            file: entry.file,
            what: `update${update.id ? ` "${update.id}"` : ''} of ${NOUNS[kind]} "${entry.id}"`,
            date: update.date,
            time: update.time,
            at,
          });
      }
    }
  }
  return items.sort((a, b) => a.at - b.at || a.file.localeCompare(b.file));
}
