import type { BodyRefs } from './mdx-refs.ts';
import { isCalendarDate } from '../schemas/common.ts';
import { byId, type ContentSet, type Entity } from './content-set.ts';
import { suggestIds } from './did-you-mean.ts';
import { fieldName } from './validate.ts';
import type { Problem } from './problems.ts';

type CollectionKey = keyof ContentSet;

const NOUNS: Record<CollectionKey, string> = {
  articles: 'article',
  actors: 'actor',
  figures: 'figure',
  statements: 'statement',
  sources: 'source',
  events: 'event',
};

/**
 * Resolves every reference in a content set: frontmatter fields, list entries,
 * citation keys, component ids, `partOf`, `relations`. Also finds duplicate ids
 * and `partOf` cycles. Returns one problem per broken reference. `known` lists
 * ids that exist but whose entries failed validation (already reported).
 */
export function checkIntegrity(set: ContentSet, known: Partial<Record<CollectionKey, Iterable<string>>> = {}): Problem[] {
  const problems: Problem[] = [];
  const ids = {} as Record<CollectionKey, Set<string>>;
  const sorted = {} as Record<CollectionKey, string[]>;
  for (const key of Object.keys(NOUNS) as CollectionKey[]) {
    problems.push(...duplicateProblems(set[key], NOUNS[key]));
    // Entries that exist but failed validation are reported once, where they are
    // written; references to them are not reported again as unknown.
    ids[key] = new Set([...set[key].map((e) => e.id), ...(known[key] ?? [])]);
    sorted[key] = [...ids[key]].sort();
  }

  const refField = (entity: Entity<unknown>, path: readonly PropertyKey[], target: CollectionKey, value: string | undefined) => {
    if (value === undefined || ids[target].has(value)) return;
    problems.push({
      file: entity.file,
      ...entity.locate?.(path),
      field: fieldName(path),
      message: `unknown ${NOUNS[target]} "${value}"`,
      fix: suggestIds(value, sorted[target], NOUNS[target]),
      severity: 'error',
    });
  };
  const refList = (entity: Entity<unknown>, path: readonly PropertyKey[], target: CollectionKey, values: readonly string[] | undefined) =>
    values?.forEach((value, index) => {
      refField(entity, [...path, index], target, value);
    });
  const refBody = (entity: Entity<unknown>) => {
    if (entity.refs) problems.push(...bodyProblems(entity, entity.refs, ids, sorted));
  };

  const actorKinds = new Map(set.actors.map((actor) => [actor.id, actor.data.kind]));
  for (const actor of set.actors) {
    refField(actor, ['country'], 'actors', actor.data.country);
    const country = actor.data.country ? actorKinds.get(actor.data.country) : undefined;
    if (country !== undefined && country !== 'state') {
      problems.push({
        file: actor.file,
        ...actor.locate?.(['country']),
        field: 'country',
        message: `"${actor.data.country}" is ${country === 'organization' || country === 'intergovernmental' ? 'an' : 'a'} ${country}, not a state`,
        fix: 'name the state the actor belongs to (an actor of kind `state`); a parent body goes in `partOf`',
        severity: 'error',
      });
    }
    refList(actor, ['partOf'], 'actors', actor.data.partOf);
    actor.data.roles?.forEach((role, index) => {
      refField(actor, ['roles', index, 'of'], 'actors', role.of);
    });
    refBody(actor);
  }
  problems.push(...partOfCycles(set.actors));
  for (const source of set.sources) refField(source, ['issuer'], 'actors', source.data.issuer);
  for (const statement of set.statements) {
    refField(statement, ['speaker'], 'actors', statement.data.speaker);
    refList(statement, ['about'], 'actors', statement.data.about);
    refList(statement, ['sources'], 'sources', statement.data.sources);
    statement.data.relations?.forEach((relation, index) => {
      refField(statement, ['relations', index, 'statement'], 'statements', relation.statement);
      if (relation.statement === statement.id) {
        problems.push({
          file: statement.file,
          ...statement.locate?.(['relations', index, 'statement']),
          field: `relations[${index}].statement`,
          message: 'a statement cannot relate to itself',
          fix: 'name the other statement this one confirms, contradicts, denies, updates or responds to',
          severity: 'error',
        });
      }
    });
  }
  for (const figure of set.figures) {
    figure.data.estimates.forEach((estimate, index) => {
      refField(figure, ['estimates', index, 'by'], 'actors', estimate.by);
      refField(figure, ['estimates', index, 'source'], 'sources', estimate.source);
      refField(figure, ['estimates', index, 'statement'], 'statements', estimate.statement);
    });
    refBody(figure);
  }
  for (const event of set.events) {
    refList(event, ['actors'], 'actors', event.data.actors);
    refList(event, ['sources'], 'sources', event.data.sources);
  }
  for (const article of set.articles) refBody(article);
  return problems;
}

function duplicateProblems(entities: readonly Entity<unknown>[], noun: string): Problem[] {
  const first = new Map<string, Entity<unknown>>();
  const problems: Problem[] = [];
  for (const entity of entities) {
    const earlier = first.get(entity.id);
    if (!earlier) {
      first.set(entity.id, entity);
      continue;
    }
    const earlierLine = earlier.locate?.(['id']).line;
    problems.push({
      file: entity.file,
      ...entity.locate?.(['id']),
      field: 'id',
      message: `duplicate ${noun} id "${entity.id}": also used in ${earlier.file}${earlierLine ? `:${earlierLine}` : ''}`,
      fix: `ids must be unique among ${noun}s: rename one of the two`,
      severity: 'error',
    });
  }
  return problems;
}

function partOfCycles(actors: readonly Entity<ContentSet['actors'][number]['data']>[]): Problem[] {
  const actorsById = byId(actors);
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const walk = (id: string, trail: string[]): void => {
    const status = state.get(id);
    if (status === 'done') return;
    if (status === 'visiting') {
      const cycle = trail.slice(trail.indexOf(id));
      const key = [...cycle].sort().join(',');
      if (reported.has(key)) return;
      reported.add(key);
      const actor = actorsById.get(id);
      if (!actor) return;
      problems.push({
        file: actor.file,
        ...actor.locate?.(['partOf']),
        field: 'partOf',
        message: `\`partOf\` goes round in a circle: ${[...cycle, id].join(' → ')}`,
        fix: 'a body cannot be part of itself: remove one of these `partOf` links',
        severity: 'error',
      });
      return;
    }
    state.set(id, 'visiting');
    for (const parent of actorsById.get(id)?.data.partOf ?? []) {
      if (actorsById.has(parent)) walk(parent, [...trail, id]);
    }
    state.set(id, 'done');
  };
  for (const actor of actors) walk(actor.id, []);
  return problems;
}

function bodyProblems(
  entity: Entity<unknown>,
  refs: BodyRefs,
  ids: Record<CollectionKey, Set<string>>,
  sorted: Record<CollectionKey, string[]>,
): Problem[] {
  const problems: Problem[] = [];
  const check = (list: readonly { id: string; line: number; column: number }[], target: CollectionKey, what: string) => {
    for (const ref of list) {
      if (ids[target].has(ref.id)) continue;
      problems.push({
        file: entity.file,
        line: ref.line,
        column: ref.column,
        field: what,
        message: `unknown ${NOUNS[target]} "${ref.id}"`,
        fix: suggestIds(ref.id, sorted[target], NOUNS[target]),
        severity: 'error',
      });
    }
  };
  check(refs.citations, 'sources', 'citation');
  check(refs.mentions, 'actors', '<Actor id>');
  check(refs.statements, 'statements', '<Statement id>');
  check(refs.figures, 'figures', '<Figure id>');
  for (const timeline of refs.timelines) {
    check((timeline.actors ?? []).map((id) => ({ id, line: timeline.line, column: timeline.column })), 'actors', '<Timeline actors>');
    for (const [field, value] of [['from', timeline.from], ['to', timeline.to]] as const) {
      if (value !== undefined && !isCalendarDate(value)) {
        problems.push({
          file: entity.file, line: timeline.line, column: timeline.column, field: `<Timeline ${field}>`,
          message: `"${value}" is not a date written YYYY-MM-DD`, fix: `write ${field}="2024-11-04"`, severity: 'error',
        });
      }
    }
  }
  return problems;
}
