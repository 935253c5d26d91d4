import type { CitationData } from '../plugins/remark-citations.ts';
import { checkContentDir, type ContentCheck } from './read-content.ts';

let latest: { contentDir: string; result: ContentCheck } | undefined;
let changed = false;
const citations = new WeakMap<ContentCheck, CitationData>();
const names = new WeakMap<ContentCheck, ReadonlyMap<string, string>>();

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
 * What the citation plugin needs, derived from the checked content once per
 * check: a build reads the content folder once, not again for citations.
 * Entries that failed validation are left out: the check reports them.
 */
export function citationData(contentDir: string, root: string): CitationData {
  const content = currentContent(contentDir, root);
  let data = citations.get(content);
  if (data === undefined) {
    const { set } = content;
    data = {
      sources: new Map(set.sources.map((source) => [source.id, source.data])),
      statementSources: new Map(set.statements.map((statement) => [statement.id, statement.data.sources])),
      figureSources: new Map(set.figures.map((figure) => [figure.id, figure.data.estimates.map((estimate) => estimate.source)])),
    };
    citations.set(content, data);
  }
  return data;
}

/** Display names of the actors, by id, from the latest check. */
export function actorNames(contentDir: string, root: string): ReadonlyMap<string, string> {
  const content = currentContent(contentDir, root);
  let data = names.get(content);
  if (data === undefined) {
    data = new Map(content.set.actors.map((actor) => [actor.id, actor.data.name]));
    names.set(content, data);
  }
  return data;
}
