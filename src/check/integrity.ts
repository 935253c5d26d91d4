import type { TimelineArgs } from '../model/content-set.ts';
import { isCalendarDate } from '../model/common.ts';
import { byId, type ContentSet, type Entity } from '../model/content-set.ts';
import { suggestIds } from './did-you-mean.ts';
import { collectReferences, type CollectionKey } from './references.ts';
import type { Problem } from '../model/problems.ts';
import { entryOf, NOUNS } from './entry-label.ts';

/** How many unknown ids get a did-you-mean suggestion; later ones get a list of existing ids. */
export const SUGGESTED_UNKNOWN_IDS = 100;

/**
 * Resolves every reference in a content set: frontmatter fields, list entries,
 * citation keys, component ids, `partOf`, `relations`. Also finds duplicate ids
 * and `partOf` cycles. Returns one problem per broken reference. `known` lists
 * ids that exist but whose entries failed validation (already reported).
 */
export function checkIntegrity(
  set: ContentSet,
  known: Partial<Record<CollectionKey, Iterable<string>>> = {},
): Problem[] {
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

  let unknown = 0;
  for (const ref of collectReferences(set)) {
    if (ids[ref.target].has(ref.id)) continue;
    // A suggestion compares the id with every known one: the first unknown ids get one (plenty
    // for typos), so thousands of unknown ids against thousands of known ones cannot stall the check.
    const near = unknown++ < SUGGESTED_UNKNOWN_IDS;
    problems.push({
      file: ref.from.file,
      ...entryOf(ref.collection, ref.from),
      ...ref.at,
      field: ref.field,
      message: `unknown ${NOUNS[ref.target]} "${ref.id}"`,
      fix: suggestIds(ref.id, sorted[ref.target], NOUNS[ref.target], near),
      severity: 'error',
    });
  }

  const actorKinds = new Map(set.actors.map((actor) => [actor.id, actor.data.kind]));
  for (const actor of set.actors) {
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
  }
  problems.push(...partOfCycles(set.actors));
  for (const statement of set.statements) {
    statement.data.relations?.forEach((relation, index) => {
      if (relation.statement !== statement.id) return;
      problems.push({
        file: statement.file,
        ...entryOf('statements', statement),
        ...statement.locate?.(['relations', index, 'statement']),
        field: `relations[${index}].statement`,
        message: 'a statement cannot relate to itself',
        fix: 'name the other statement this one confirms, contradicts, denies, updates or responds to',
        severity: 'error',
      });
    });
  }
  for (const entity of [...set.actors, ...set.figures, ...set.articles] as Entity<unknown>[]) {
    problems.push(...malformedCitations(entity, ids.sources));
    for (const timeline of entity.refs?.timelines ?? []) problems.push(...timelineDateProblems(entity, timeline));
  }
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

/** How many ids of a circle, and files of the others, a message names; a longer circle is shortened with "…". */
const CIRCLE_SHOWN = 8;

/** At most `max` items joined, the rest counted: `a, b, … (12 more)`. */
function someOf(items: readonly string[], max: number, separator: string): string {
  return items.length <= max
    ? items.join(separator)
    : `${items.slice(0, max).join(separator)}${separator}… (${items.length - max} more)`;
}

/**
 * Actors that are, through `partOf`, part of themselves. Every actor of a
 * circle gets the error, in its own file (any one link may be the wrong one),
 * once. The walk keeps its own stack and a message names at most a few ids,
 * so a chain of thousands of bodies cannot overflow the stack, and a circle of
 * thousands cannot fill the memory with messages.
 */
function partOfCycles(actors: readonly Entity<ContentSet['actors'][number]['data']>[]): Problem[] {
  const actorsById = byId(actors);
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const report = (cycle: readonly string[]) => {
    for (const [from, member] of cycle.entries()) {
      const actor = actorsById.get(member);
      if (!actor || reported.has(member)) continue;
      reported.add(member);
      const circle = [...cycle.slice(from), ...cycle.slice(0, from)];
      const shown =
        circle.length <= CIRCLE_SHOWN
          ? [...circle, member].join(' → ')
          : `${circle.slice(0, CIRCLE_SHOWN).join(' → ')} → … → ${member} (${circle.length} bodies)`;
      const others = circle.slice(1).map((other) => actorsById.get(other)?.file ?? other);
      problems.push({
        file: actor.file,
        ...actor.locate?.(['partOf']),
        field: 'partOf',
        message: `goes round in a circle: ${shown}${others.length > 0 ? ` (also in ${someOf(others, CIRCLE_SHOWN, ', ')})` : ''}`,
        fix: 'a body cannot be part of itself: remove one of these `partOf` links',
        severity: 'error',
      });
    }
  };
  /** The path of the walk from where it started, and for each step the parents still to visit. */
  const trail: string[] = [];
  const pending: string[][] = [];
  const enter = (id: string) => {
    state.set(id, 'visiting');
    trail.push(id);
    pending.push((actorsById.get(id)?.data.partOf ?? []).filter((parent) => actorsById.has(parent)).reverse());
  };
  for (const actor of actors) {
    if (state.has(actor.id)) continue;
    enter(actor.id);
    while (trail.length > 0) {
      const parent = pending.at(-1)?.pop();
      if (parent === undefined) {
        state.set(trail.pop() as string, 'done');
        pending.pop();
        continue;
      }
      const status = state.get(parent);
      if (status === undefined) enter(parent);
      else if (status === 'visiting') report(trail.slice(trail.indexOf(parent)));
    }
  }
  return problems;
}

/** `<Timeline from>` and `to` must be real dates. */
function timelineDateProblems(entity: Entity<unknown>, timeline: TimelineArgs): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of [
    ['from', timeline.from],
    ['to', timeline.to],
  ] as const) {
    if (value !== undefined && !isCalendarDate(value)) {
      problems.push({
        file: entity.file,
        line: timeline.line,
        column: timeline.column,
        field: `<Timeline ${field}>`,
        message: `"${value}" is not a date written YYYY-MM-DD`,
        fix: `write ${field}="2024-11-04"`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/**
 * Text that looks like a citation but is not one reaches readers as written.
 * It is an error when it names a known source (the editor meant to cite it), a
 * warning when it was written with `[@` or looks like an id (`[some-id]`,
 * `@some-id`); `[sic]` or `[1]` naming no source is ordinary text.
 */
function malformedCitations(entity: Entity<unknown>, sources: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const item of entity.refs?.malformed ?? []) {
    const known = sources.has(item.id);
    if (!known && !item.meant && !item.id.includes('-')) continue;
    problems.push({
      file: entity.file,
      line: item.line,
      column: item.column,
      field: 'citation',
      message: known
        ? `"${item.written}" is not a citation: readers would see it as written, without a link to the source "${item.id}"`
        : `"${item.written}" looks like a citation, but no source has the id "${item.id}"`,
      fix: known
        ? `write ${item.corrected}`
        : `to cite a source write ${item.corrected.replace(item.id, 'source-id')} with its id (a locator after a comma: [@source-id, p. 4]); if it is not a citation, leave it`,
      severity: known ? 'error' : 'warning',
    });
  }
  return problems;
}
