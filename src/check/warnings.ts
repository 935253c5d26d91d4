import type { ContentSet, Entity } from '../model/content-set.ts';
import { byId } from '../model/content-set.ts';
import { formatDate } from '../model/dates.ts';
import { AVAILABLE_LOCALES, EDITOR_LOCALE, REFERENCE_LOCALE, tableOf } from '../messages/index.ts';
import { instantOf } from '../model/times.ts';
import { updateIds, type Update } from '../model/updates.ts';
import type { Problem } from '../model/problems.ts';
import { collectReferences, type CollectionKey, type Reference } from './references.ts';
import { roleAt } from '../model/roles.ts';
import { entryOf } from './entry-label.ts';

/**
 * Finds content that is valid but probably not what the editor meant:
 *
 * - a source that nothing cites,
 * - an actor that nothing refers to,
 * - an estimate dated before its source was published,
 * - a statement dated outside every role of its speaker (only when the speaker has roles),
 * - an article whose `updated` date disagrees with its update log.
 *
 * Pure: reads the content set only. Warnings never stop a build unless the
 * checker runs with `--strict`. References that do not resolve are left to the
 * integrity check and ignored here. Shown together with the errors; while
 * some entries are missing (`complete: false`), the two "nothing refers to"
 * warnings are left out, since the missing entries may be what refers.
 */
export function collectWarnings(set: ContentSet, { complete = true }: { complete?: boolean } = {}): Problem[] {
  const references = collectReferences(set);
  return [
    // "Nothing refers to X" is only true of a complete story: an entry that
    // failed its check is missing from the set, with its references.
    ...(complete ? uncitedSources(set, references) : []),
    ...(complete ? unreferencedActors(set, references) : []),
    ...estimatesBeforeSource(set),
    ...statementsOutsideRoles(set),
    ...updatedDisagreesWithLog(set),
    ...updatesNotNewestFirst(set),
    ...sameDayUpdatesWithoutId(set),
  ];
}

/**
 * An update without `id` is addressed by its date; with a second entry on the
 * same day, its address depends on the order of the two, so it is asked for an id
 * (the one it has now, so that no link or feed item changes).
 */
function sameDayUpdatesWithoutId(set: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const [article, updates] of updateLogs(set)) {
    const ids = updateIds(updates);
    updates.forEach((update, index) => {
      if (update.id !== undefined || updates.filter((other) => other.date === update.date).length < 2) return;
      problems.push(
        warning(
          article,
          ['updates', index],
          `updates[${index}]`,
          `this update shares its date (${update.date}) with another and has no \`id\`: its address (#update-${ids[index]}) and feed item would change if the entries were reordered`,
          `add \`id: ${ids[index]}\` to it (its address today, so no link changes)`,
        ),
      );
    });
  }
  return problems;
}

/** Every entry of a story with its update log, for the two checks of logs. */
function updateLogs(set: ContentSet): [Entity<unknown>, readonly Update[]][] {
  const all: Entity<{ updates?: readonly Update[] | undefined }>[] = [
    ...set.articles,
    ...set.actors,
    ...set.statements,
    ...set.figures,
    ...set.events,
    ...set.sources,
  ];
  return all.flatMap((entry) =>
    entry.data.updates?.length ? [[entry, entry.data.updates] as [Entity<unknown>, readonly Update[]]] : [],
  );
}

/** The update log is public and read top down: newest entry first. */
function updatesNotNewestFirst(set: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const [entry, updates] of updateLogs(set)) {
    const index = updates.findIndex(
      (update, i) =>
        i > 0 && instantOf(update.date, update.time) > instantOf(updates[i - 1]?.date ?? '', updates[i - 1]?.time),
    );
    if (index < 0) continue;
    problems.push(
      warning(
        entry,
        ['updates', index, 'date'],
        `updates[${index}].date`,
        `the update log is not newest first: ${updates[index]?.date} comes after ${updates[index - 1]?.date}`,
        'put the newest entry at the top of `updates:`',
      ),
    );
  }
  return problems;
}

function warning(
  entity: Entity<unknown>,
  path: readonly PropertyKey[],
  field: string | undefined,
  message: string,
  fix: string,
): Problem {
  return { file: entity.file, ...entity.locate?.(path), field, message, fix, severity: 'warning' };
}

/** Ids of every entry of a collection that something refers to. */
function referencedIds(references: readonly Reference[], target: CollectionKey): Set<string> {
  return new Set(references.filter((ref) => ref.target === target).map((ref) => ref.id));
}

function uncitedSources(set: ContentSet, references: readonly Reference[]): Problem[] {
  const cited = referencedIds(references, 'sources');
  return set.sources
    .filter((source) => !cited.has(source.id))
    .map((source) =>
      warning(
        source,
        ['id'],
        undefined,
        `the source "${source.id}" is not cited anywhere`,
        `cite it in an article with [@${source.id}], list it under \`sources:\` of a statement or event, or delete it`,
      ),
    );
}

function unreferencedActors(set: ContentSet, references: readonly Reference[]): Problem[] {
  const used = referencedIds(references, 'actors');
  return set.actors
    .filter((actor) => !used.has(actor.id))
    .map((actor) =>
      warning(
        actor,
        [],
        undefined,
        `the actor "${actor.id}" (${actor.data.name}) is not referred to by any article, statement, source, figure or event`,
        `mention it in an article with <Actor id="${actor.id}" />, make it the speaker of a statement, or delete it`,
      ),
    );
}

function estimatesBeforeSource(set: ContentSet): Problem[] {
  const sources = byId(set.sources);
  const problems: Problem[] = [];
  for (const figure of set.figures) {
    figure.data.estimates.forEach((estimate, index) => {
      const source = sources.get(estimate.source);
      if (!source || estimate.date >= source.data.published) return;
      problems.push(
        warning(
          figure,
          ['estimates', index, 'date'],
          `estimates[${index}].date`,
          `the estimate is dated ${estimate.date}, before its source "${source.id}" was published (${source.data.published})`,
          `check both dates; an estimate is usually dated the day its source reports it (${formatDate(source.data.published, EDITOR_LOCALE)})`,
        ),
      );
    });
  }
  return problems;
}

function statementsOutsideRoles(set: ContentSet): Problem[] {
  const actors = byId(set.actors);
  const problems: Problem[] = [];
  for (const statement of set.statements) {
    const speaker = actors.get(statement.data.speaker);
    const roles = speaker?.data.roles ?? [];
    if (!speaker || roles.length === 0) continue;
    if (roleAt(speaker.data, statement.data.date, statement.data.date)) continue;
    const spans = roles.map((role) => `${role.title} ${role.from ?? '…'} to ${role.to ?? 'now'}`).join('; ');
    problems.push({
      ...warning(
        statement,
        ['date'],
        'date',
        `the statement is dated ${statement.data.date}, when ${speaker.data.name} held none of their roles (${spans})`,
        `check the statement's date, or the \`from\`/\`to\` dates of the roles in ${speaker.file}`,
      ),
      ...entryOf('statements', statement),
    });
  }
  return problems;
}

function updatedDisagreesWithLog(set: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const article of set.articles) {
    const { updated, updates } = article.data;
    const latest = (updates ?? [])
      .map((update) => update.date)
      .sort()
      .at(-1);
    if (updated === latest) continue;
    if (latest === undefined) {
      problems.push(
        warning(
          article,
          ['updated'],
          'updated',
          `the article says it was updated on ${updated}, but its update log (\`updates\`) is empty`,
          `add an entry to \`updates:\` with \`date: ${updated}\` and a summary of what changed`,
        ),
      );
    } else if (updated === undefined) {
      problems.push(
        warning(
          article,
          ['updates'],
          'updated',
          `the update log's latest entry is dated ${latest}, but the article has no \`updated\` date`,
          `add \`updated: ${latest}\``,
        ),
      );
    } else {
      problems.push(
        warning(
          article,
          ['updated'],
          'updated',
          `the article says it was updated on ${updated}, but the latest entry of its update log is dated ${latest}`,
          `set \`updated: ${latest}\`, or log the ${updated} update in \`updates:\``,
        ),
      );
    }
  }
  return problems;
}

/**
 * A `locale` in `site.yaml` that no message table serves (neither the tag nor
 * a shorter form of it, `uk-UA` → `uk`): dates and numbers follow the locale,
 * but the interface words fall back to English. `file` and `locate` say where
 * the field is.
 */
export function siteLocaleWarnings(
  locale: string | undefined,
  file: string,
  locate: ((path: readonly PropertyKey[]) => { line?: number; column?: number } | undefined) | undefined,
): Problem[] {
  if (locale === undefined || tableOf(locale) !== undefined) return [];
  return [
    {
      file,
      ...locate?.(['locale']),
      field: 'locale',
      message: `there are no interface words for "${locale}", so the site's menus, headings and labels are in English (${REFERENCE_LOCALE}); dates and numbers still follow "${locale}"`,
      fix: `use one of the locales with interface words: ${AVAILABLE_LOCALES.join(', ')} (a region may follow, as in uk-UA), or add a table for it in src/messages/ (copy en.ts)`,
      severity: 'warning',
    },
  ];
}
