import type { Localized } from '../messages/index.ts';
import type { ContentSet } from '../model/content-set.ts';
import { instantOf } from '../model/times.ts';
import { updateAnchors } from '../model/updates.ts';
import { correctionLink, loggedEntries, type LoggedKind } from './corrections.ts';
import { sitePath } from './format.ts';

/** One change a returning reader may not have seen: a new article, an update or a correction of any entry. */
export interface Change {
  kind: LoggedKind;
  id: string;
  /** "New article", "Update" or "Correction". */
  what: 'New article' | 'Update' | 'Correction';
  title: string;
  summary: string;
  date: string;
  time: string | undefined;
  /** The moment, as an ISO instant: what the reader's browser compares with the last visit. */
  changedAt: string;
  href: string;
}

/** A date and optional time as the ISO instant a browser compares: `2024-11-04T19:30:00.000Z`. */
export function changedAt(date: string, time: string | undefined): string {
  return new Date(instantOf(date, time)).toISOString();
}

/** When an article last changed for readers: its publication or its latest update, as an ISO instant. */
export function lastChange(article: {
  published: string;
  time?: string | undefined;
  updates?: readonly { date: string; time?: string | undefined }[] | undefined;
}): string {
  return (
    [
      changedAt(article.published, article.time),
      ...(article.updates ?? []).map((update) => changedAt(update.date, update.time)),
    ]
      .sort()
      .at(-1) ?? ''
  );
}

/**
 * The latest changes of a story, newest first: articles as they are
 * published, and every entry of every update log. Computed at build time; the
 * reader's browser marks those after the reader's last visit.
 */
export function recentChanges(set: ContentSet, base: string, text: Localized, limit = 8): Change[] {
  const changes: Change[] = set.articles.map((article) => ({
    kind: 'articles',
    id: article.id,
    what: 'New article',
    title: article.data.title,
    summary: article.data.description,
    date: article.data.published,
    time: article.data.time,
    changedAt: changedAt(article.data.published, article.data.time),
    href: sitePath(base, 'articles', article.id),
  }));
  for (const entry of loggedEntries(set, text)) {
    const anchors = updateAnchors(entry.updates);
    entry.updates.forEach((update, index) => {
      const anchor = anchors[index] ?? '';
      changes.push({
        kind: entry.kind,
        id: entry.id,
        what: update.correction ? 'Correction' : 'Update',
        title: entry.title,
        summary: update.summary,
        date: update.date,
        time: update.time,
        changedAt: changedAt(update.date, update.time),
        href: correctionLink({ kind: entry.kind, id: entry.id, anchor }, base),
      });
    });
  }
  return changes
    .sort((a, b) => b.changedAt.localeCompare(a.changedAt) || a.title.localeCompare(b.title))
    .slice(0, limit);
}
