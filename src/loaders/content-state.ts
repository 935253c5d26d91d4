import type { CitationData } from '../model/content-set.ts';
import { checkContentDir, type ContentCheck } from '../check/check-content.ts';

let latest: { contentDir: string; result: ContentCheck } | undefined;
let changed = false;

/**
 * Checks a content folder and keeps the result as the current state of the
 * content, for everything in this process that needs it (the citation plugin).
 */
export function checkContent(contentDir: string, root: string): ContentCheck {
  latest = { contentDir, result: checkContentDir(contentDir, root) };
  changed = false;
  return latest.result;
}

/** Records that a content file changed (live preview): the next read checks again. */
export function markContentChanged(): void {
  changed = true;
}

/** The latest check of a folder; checked now if there is none yet or a file changed since. */
export function currentContent(contentDir: string, root: string): ContentCheck {
  if (latest === undefined || latest.contentDir !== contentDir || changed) return checkContent(contentDir, root);
  return latest.result;
}

/**
 * A value computed from the latest check of a folder, once per check: built
 * again only after a content change (live preview), never per document.
 */
function derived<T>(make: (content: ContentCheck) => T): (contentDir: string, root: string) => T {
  const cache = new WeakMap<ContentCheck, T>();
  return (contentDir, root) => {
    const content = currentContent(contentDir, root);
    let value = cache.get(content);
    if (value === undefined) {
      value = make(content);
      cache.set(content, value);
    }
    return value;
  };
}

/**
 * What the citation plugin needs, derived from the checked content: a build
 * reads the content folder once, not again for citations. Entries that failed
 * validation are left out: the check reports them.
 */
export const citationData = derived<CitationData>(({ set }) => ({
  sources: new Map(set.sources.map((source) => [source.id, source.data])),
  statementSources: new Map(set.statements.map((statement) => [statement.id, statement.data.sources])),
  figureSources: new Map(set.figures.map((figure) => [figure.id, figure.data.estimates.map((estimate) => estimate.source)])),
}));

/** Display names of the actors, by id, for headings that mention them. */
export const actorNames = derived<ReadonlyMap<string, string>>(({ set }) => new Map(set.actors.map((actor) => [actor.id, actor.data.name])));
