import type { Actor } from '../schemas/actor.ts';
import type { Article } from '../schemas/article.ts';
import type { Event } from '../schemas/event.ts';
import type { Figure } from '../schemas/figure.ts';
import type { Source } from '../schemas/source.ts';
import type { Statement } from '../schemas/statement.ts';
import type { BodyRefs } from './mdx-refs.ts';
import type { Position } from './problems.ts';

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
