import type { Actor } from './actor.ts';
import type { Article } from './article.ts';
import type { Event } from './event.ts';
import type { Figure } from './figure.ts';
import type { Source } from './source.ts';
import type { Statement } from './statement.ts';
import type { Position, Problem } from './problems.ts';

/** One validated entity, as the checker and the site both see it. */
export interface Entity<T> {
  id: string;
  data: T;
  /** Path of the file, relative to the project root. */
  file: string;
  /** What the Markdown or MDX body refers to. */
  refs?: BodyRefs | undefined;
  /** Finds the position of a field in the file, when known. */
  locate?: ((path: readonly PropertyKey[]) => Position) | undefined;
}

/** All content of a story, by collection. */
export interface ContentSet {
  articles: Entity<Article>[];
  actors: Entity<Actor>[];
  figures: Entity<Figure>[];
  statements: Entity<Statement>[];
  sources: Entity<Source>[];
  events: Entity<Event>[];
}

/** A map from id to entity, built once. */
export function byId<T>(entities: readonly Entity<T>[]): Map<string, Entity<T>> {
  return new Map(entities.map((entity) => [entity.id, entity]));
}

/** A reference found in a body, with its line and column in the file. */
export interface BodyRef {
  id: string;
  line: number;
  column: number;
}

/** Arguments of a `<Timeline>`, as written. */
export interface TimelineArgs {
  actors: string[] | undefined;
  from: string | undefined;
  to: string | undefined;
  line: number;
  column: number;
}

/** Everything a body refers to, in document order. */
export interface BodyRefs {
  citations: (BodyRef & { locator: string | undefined })[];
  mentions: BodyRef[];
  statements: BodyRef[];
  figures: BodyRef[];
  timelines: TimelineArgs[];
  problems: Problem[];
  /** Text that looks like a citation but is not one (`[@ id]`, `[id]`, `@id`); the integrity check judges it against the source ids. */
  malformed?: (BodyRef & { written: string; corrected: string; meant: boolean })[] | undefined;
}

/** What the citation plugin needs to know about the story's content. */
export interface CitationData {
  /** The site's locale (`locale` of `site.yaml`): the language of the reference lists. */
  locale: string;
  sources: ReadonlyMap<string, Source>;
  statementSources: ReadonlyMap<string, readonly string[]>;
  /** The source of each of a figure's estimates, in the estimates' order. */
  figureSources: ReadonlyMap<string, readonly string[]>;
}
