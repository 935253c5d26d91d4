import type { Actor } from '../model/actor.ts';
import type { Entity } from '../model/content-set.ts';
import type { Source } from '../model/source.ts';
import type { ActorLinks } from './cross-index.ts';
import type { Messages } from '../messages/index.ts';
import { byCodePoint, byName } from './format.ts';
import { ACTOR_KIND_ORDER } from './labels.ts';

/**
 * The index of actors: one group per kind that has actors, in display order,
 * each sorted by name as readers of the site's locale sort names, ties by id.
 */
export function actorsByKind(
  actors: readonly Entity<Actor>[],
  { m, locale }: { m: Pick<Messages, 'actorGroups'>; locale: string },
): { kind: Actor['kind']; heading: string; actors: Entity<Actor>[] }[] {
  const groups = Map.groupBy(actors, (actor) => actor.data.kind);
  const order = byName<Entity<Actor>>(
    locale,
    (actor) => actor.data.name,
    (actor) => actor.id,
  );
  return ACTOR_KIND_ORDER.flatMap((kind) => {
    const members = groups.get(kind);
    return members === undefined
      ? []
      : [
          {
            kind,
            heading: m.actorGroups[kind],
            actors: members.sort(order),
          },
        ];
  });
}

/**
 * The index of sources: one group per publisher, publishers in the alphabetical
 * order of the site's locale, newest source first (ties by id).
 */
export function sourcesByPublisher(
  sources: readonly Entity<Source>[],
  locale: string,
): { publisher: string; sources: Entity<Source>[] }[] {
  const groups = Map.groupBy(sources, (source) => source.data.publisher);
  const publishers = byName<string>(
    locale,
    (publisher) => publisher,
    (publisher) => publisher,
  );
  return [...groups]
    .sort(([a], [b]) => publishers(a, b))
    .map(([publisher, members]) => ({
      publisher,
      sources: members.sort((a, b) => b.data.published.localeCompare(a.data.published) || byCodePoint(a.id, b.id)),
    }));
}

/**
 * The main actors of the story, for the home page: those linked from the most
 * places (statements by and about them, articles that mention them, estimates
 * they claim, events they take part in), ties broken by id.
 */
export function mainActors(links: ReadonlyMap<string, ActorLinks>, limit = 8): string[] {
  return [...links]
    .map(([id, l]) => ({
      id,
      weight:
        l.statementsBy.length +
        l.statementsAbout.length +
        l.articlesMentioning.length +
        l.estimates.length +
        l.events.length,
    }))
    .sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((actor) => actor.id);
}
