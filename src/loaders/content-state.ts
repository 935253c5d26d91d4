import type { ContentCheck } from '../check/check-content.ts';
import type { CitationData } from '../model/content-set.ts';
import { resolveSite } from '../model/site.ts';
import { buildContext } from './build-context.ts';

/** What the citation plugin needs to know, from a check of the content. */
function citationsOf({ set, site }: ContentCheck): CitationData {
  return {
    locale: resolveSite(site, {}).locale,
    sources: new Map(set.sources.map((source) => [source.id, source.data])),
    statementSources: new Map(set.statements.map((statement) => [statement.id, statement.data.sources])),
    figureSources: new Map(
      set.figures.map((figure) => [figure.id, figure.data.estimates.map((estimate) => estimate.source)]),
    ),
  };
}

/** Display names of the actors, by id. */
function actorNamesOf({ set }: ContentCheck): ReadonlyMap<string, string> {
  return new Map(set.actors.map((actor) => [actor.id, actor.data.name]));
}

/**
 * What the citation plugin needs, derived from the run's checked content (see
 * `build-context.ts`): a build reads the content folder once, not again for
 * citations. Entries that failed validation are left out: the check reports them.
 */
export function citationData(contentDir: string, root: string): CitationData {
  return buildContext({ contentDir, root }).derive(citationsOf);
}

/** Display names of the actors, by id, for headings that mention them. */
export function actorNames(contentDir: string, root: string): ReadonlyMap<string, string> {
  return buildContext({ contentDir, root }).derive(actorNamesOf);
}
