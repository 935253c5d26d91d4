import type { ContentSet, Entity } from './content-set.ts';
import type { Position } from './problems.ts';
import { fieldName } from './problems.ts';

/** A collection name. */
export type CollectionKey = keyof ContentSet;

/** One reference by id from an entry to another, with where it is written. */
export interface Reference {
  from: Entity<unknown>;
  target: CollectionKey;
  id: string;
  /** The field as editors write it: `estimates[1].by`, `citation`, `<Actor id>`. */
  field: string;
  /** Where the id is written, when known. */
  at: Position | undefined;
}

/**
 * Every reference by id in a content set, in file order per collection:
 * frontmatter and YAML fields, list entries, citation keys, component ids and
 * `<Timeline actors>`. The one list the integrity pass and the warnings share,
 * so a new kind of reference is added in one place.
 */
export function collectReferences(set: ContentSet): Reference[] {
  const refs: Reference[] = [];
  const field = (from: Entity<unknown>, path: readonly PropertyKey[], target: CollectionKey, id: string | undefined) => {
    if (id !== undefined) refs.push({ from, target, id, field: fieldName(path), at: from.locate?.(path) });
  };
  const list = (from: Entity<unknown>, path: readonly PropertyKey[], target: CollectionKey, ids: readonly string[] | undefined) => {
    ids?.forEach((id, index) => {
      field(from, [...path, index], target, id);
    });
  };
  const body = (from: Entity<unknown>) => {
    const written = from.refs;
    if (!written) return;
    const each = (items: readonly { id: string; line: number; column: number }[], target: CollectionKey, name: string) => {
      for (const item of items) refs.push({ from, target, id: item.id, field: name, at: { line: item.line, column: item.column } });
    };
    each(written.citations, 'sources', 'citation');
    each(written.mentions, 'actors', '<Actor id>');
    each(written.statements, 'statements', '<Statement id>');
    each(written.figures, 'figures', '<Figure id>');
    for (const timeline of written.timelines) {
      each((timeline.actors ?? []).map((id) => ({ id, line: timeline.line, column: timeline.column })), 'actors', '<Timeline actors>');
    }
  };

  for (const actor of set.actors) {
    field(actor, ['country'], 'actors', actor.data.country);
    list(actor, ['partOf'], 'actors', actor.data.partOf);
    actor.data.roles?.forEach((role, index) => {
      field(actor, ['roles', index, 'of'], 'actors', role.of);
    });
    body(actor);
  }
  for (const source of set.sources) field(source, ['issuer'], 'actors', source.data.issuer);
  for (const statement of set.statements) {
    field(statement, ['speaker'], 'actors', statement.data.speaker);
    list(statement, ['about'], 'actors', statement.data.about);
    list(statement, ['sources'], 'sources', statement.data.sources);
    statement.data.relations?.forEach((relation, index) => {
      field(statement, ['relations', index, 'statement'], 'statements', relation.statement);
    });
  }
  for (const figure of set.figures) {
    figure.data.estimates.forEach((estimate, index) => {
      field(figure, ['estimates', index, 'by'], 'actors', estimate.by);
      field(figure, ['estimates', index, 'source'], 'sources', estimate.source);
      field(figure, ['estimates', index, 'statement'], 'statements', estimate.statement);
    });
    body(figure);
  }
  for (const event of set.events) {
    list(event, ['actors'], 'actors', event.data.actors);
    list(event, ['sources'], 'sources', event.data.sources);
  }
  for (const article of set.articles) body(article);
  return refs;
}
