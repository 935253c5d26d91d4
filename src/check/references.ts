import type { ContentSet, Entity } from '../model/content-set.ts';
import type { Position } from '../model/problems.ts';
import { REFERENCE_FIELDS, valuesAt } from '../model/reference-paths.ts';
import { fieldName } from '../model/problems.ts';

/** A collection name. */
export type CollectionKey = keyof ContentSet;

/** One reference by id from an entry to another, with where it is written. */
export interface Reference {
  from: Entity<unknown>;
  /** The collection `from` belongs to. */
  collection: CollectionKey;
  target: CollectionKey;
  id: string;
  /** The field as editors write it: `estimates[1].by`, `citation`, `<Actor id>`. */
  field: string;
  /** Where the id is written, when known. */
  at: Position | undefined;
}

/** The collections in the order their references are listed. */
const ORDER: readonly CollectionKey[] = ['actors', 'sources', 'statements', 'figures', 'events', 'articles'];

/** Each field name of a collection's reference paths, ranked in schema order. */
function fieldRanks(collection: CollectionKey): Map<string, number> {
  const rank = new Map<string, number>();
  for (const { path } of REFERENCE_FIELDS[collection])
    for (const key of path) if (!rank.has(key)) rank.set(key, rank.size);
  return rank;
}

function comparePaths(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
  rank: Map<string, number>,
): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number'
      ? x - y
      : (rank.get(String(x)) ?? 0) - (rank.get(String(y)) ?? 0);
  }
  return a.length - b.length;
}

/**
 * The references one entry makes: every field its schema declares with `ref()`
 * (in schema order) and, for a body, citation keys, component ids and
 * `<Timeline actors>` (in document order).
 */
export function referencesOf(collection: CollectionKey, from: Entity<unknown>): Reference[] {
  const found: { at: readonly (string | number)[]; target: CollectionKey; id: string }[] = [];
  for (const { path, target } of REFERENCE_FIELDS[collection]) {
    for (const [at, id] of valuesAt(from.data, path)) if (typeof id === 'string') found.push({ at, target, id });
  }
  // In the order the editor wrote them: list items by position, fields in schema order.
  const rank = fieldRanks(collection);
  found.sort((a, b) => comparePaths(a.at, b.at, rank));
  const refs: Reference[] = found.map(({ at, target, id }) => ({
    from,
    collection,
    target,
    id,
    field: fieldName(at),
    at: from.locate?.(at),
  }));
  const written = from.refs;
  if (!written) return refs;
  const each = (
    items: readonly { id: string; line: number; column: number }[],
    target: CollectionKey,
    name: string,
  ) => {
    for (const item of items)
      refs.push({ from, collection, target, id: item.id, field: name, at: { line: item.line, column: item.column } });
  };
  each(written.citations, 'sources', 'citation');
  each(written.mentions, 'actors', '<Actor id>');
  each(written.statements, 'statements', '<Statement id>');
  each(written.figures, 'figures', '<Figure id>');
  for (const timeline of written.timelines) {
    each(
      (timeline.actors ?? []).map((id) => ({ id, line: timeline.line, column: timeline.column })),
      'actors',
      '<Timeline actors>',
    );
  }
  return refs;
}

/**
 * Every reference by id in a content set, in file order per collection. The
 * one list the integrity pass and the warnings share.
 */
export function collectReferences(set: ContentSet): Reference[] {
  return ORDER.flatMap((collection) =>
    set[collection].flatMap((entity: Entity<unknown>) => referencesOf(collection, entity)),
  );
}
