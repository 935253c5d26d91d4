import { extractFrontmatter } from 'astro/markdown';
import {
  type Document,
  isMap,
  isSeq,
  parseDocument,
  Scalar,
  type ScalarTag,
  type Tags,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { z } from 'astro/zod';
import { ID_PATTERN, idLengthProblem } from '../model/common.ts';
import { slugify } from '../model/slug.ts';
import { instantOf } from '../model/times.ts';
import { type Update, updateIds, updateSchema } from '../model/updates.ts';
import { ScaffoldError } from './scaffold.ts';

/** A new entry of an update log, as `npm run new -- update` writes it. */
export interface NewUpdate {
  id: string;
  date: string;
  /** Time of day with its offset (`21:30+02:00`); none when only a day was given. */
  time: string | undefined;
  summary: string;
  correction: boolean;
}

/** How many words of the summary a new update's id is made from. */
const ID_WORDS = 5;

/**
 * A moment as the two fields of an update, in a time zone: the day there and
 * the time of day there with the zone's offset at that moment (`Z` for UTC),
 * to the minute. `2024-03-01T10:15:42Z` in Asia/Kolkata is `2024-03-01`, `15:45+05:30`.
 */
export function zonedMoment(now: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  // "GMT+05:30", "GMT-04:00"; an offset of zero ("GMT+00:00", or "GMT" alone) is written Z.
  const offset = get('timeZoneName').replace(/^GMT/, '');
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}${offset === '' || offset === '+00:00' ? 'Z' : offset}`,
  };
}

/**
 * The id of a new entry of a log: the one chosen (`--id`), which must follow the
 * id rules and be free, or else the first words of the summary, with `-2`,
 * `-3`… when the log already has that id. Checked against every id of the log,
 * the written ones and those the dates stand in for, so no existing address changes.
 */
export function newUpdateId(summary: string, log: readonly Update[], chosen?: string): string {
  const taken = new Set(updateIds(log));
  if (chosen !== undefined) {
    if (!ID_PATTERN.test(chosen))
      throw new ScaffoldError(
        `the update id "${chosen}" is not kebab-case: use lowercase letters, digits and single hyphens, such as revised-count`,
      );
    const tooLong = idLengthProblem(chosen);
    if (tooLong !== undefined) throw new ScaffoldError(`the update id "${chosen}" ${tooLong}: give a shorter one`);
    if (taken.has(chosen))
      throw new ScaffoldError(`the log already has an update "${chosen}": choose another id with --id`);
    return chosen;
  }
  const words = slugify(summary, ID_WORDS);
  const stem = words === '' || idLengthProblem(words) !== undefined ? 'update' : words;
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  return id;
}

/** Where the entry is: in a Markdown or MDX file's frontmatter, or in a YAML file, alone or as the list entry with this id. */
export interface EntryPlace {
  format: 'frontmatter' | 'yaml';
  id: string;
}

/** What to add: the summary, whether it is a correction, and when (`date` alone, or `now` in `timeZone`). */
export interface UpdateRequest {
  summary: string;
  correction: boolean;
  id?: string | undefined;
  /** A day given by the editor: the entry gets that date and no time. */
  date?: string | undefined;
  now: Date;
  timeZone: string;
  /** Also set the entry's `updated:` date to its log's latest (articles have one). */
  setUpdated: boolean;
}

const existingLog = z.array(updateSchema);

/**
 * The text of a content file with a new entry in the update log of one of its
 * entries: placed so the log stays newest first (on top of entries of the same
 * moment), with a stable id unique in the log and the moment in the site's time
 * zone. The rest of the file (comments, order, a Markdown body) is kept.
 */
export function addUpdate(
  text: string,
  place: EntryPlace,
  request: UpdateRequest,
): { text: string; update: NewUpdate } {
  const summary = request.summary.trim();
  if (summary === '')
    throw new ScaffoldError('say what changed, in quotes, for example: "Corrected the number of households"');
  const raw = place.format === 'frontmatter' ? extractFrontmatter(text) : text;
  if (raw === undefined) throw new ScaffoldError('the file has no frontmatter to add the update to');
  const doc = parseDocument(raw, { uniqueKeys: true, customTags: numbersAsWritten });
  if (doc.errors.length > 0) throw new ScaffoldError('the file cannot be read: run npm run check and fix it first');
  const entry = entryNode(doc, place);
  const logNode = entry.get('updates', true) as YAMLSeq | undefined;
  const parsed = existingLog.safeParse(logNode === undefined ? [] : logNode.toJSON());
  if (!parsed.success || (logNode !== undefined && !isSeq(logNode)))
    throw new ScaffoldError('its `updates` have errors: run npm run check and fix them first');
  const log = parsed.data;
  const moment = request.date === undefined ? zonedMoment(request.now, request.timeZone) : undefined;
  const update: NewUpdate = {
    id: newUpdateId(summary, log, request.id),
    date: request.date ?? moment?.date ?? '',
    time: moment?.time,
    summary,
    correction: request.correction,
  };
  const node = doc.createNode({
    id: asText(update.id),
    date: update.date,
    ...(update.time === undefined ? {} : { time: quoted(update.time) }),
    summary: asText(update.summary),
    ...(update.correction ? { correction: true } : {}),
  });
  const at = instantOf(update.date, update.time);
  const index = log.findIndex((old) => instantOf(old.date, old.time) <= at);
  if (logNode === undefined) entry.set('updates', doc.createNode([node]));
  else logNode.items.splice(index === -1 ? log.length : index, 0, node);
  if (request.setUpdated) {
    const latest = [update.date, ...log.map((old) => old.date)].sort().at(-1) ?? update.date;
    entry.set('updated', latest);
  }
  const written = doc.toString({ lineWidth: 0 });
  return {
    text: place.format === 'frontmatter' ? `${text.slice(0, 3)}\n${written}${text.slice(3 + raw.length)}` : written,
    update,
  };
}

/**
 * The schema's tags, with numbers written back exactly as they were read
 * (`0.0000001` stays so, not `1e-7`): pages show the digits of a value as the
 * editor wrote them, so adding an update must not rewrite them.
 */
function numbersAsWritten(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || !/:(int|float)$/.test(tag.tag) || 'collection' in tag) return tag;
    const scalar: ScalarTag = tag;
    const stringify: ScalarTag['stringify'] = (item, ...rest) =>
      typeof item.source === 'string' ? item.source : (scalar.stringify?.(item, ...rest) ?? String(item.value));
    return { ...scalar, stringify };
  });
}

/** A string written in double quotes: a time such as 10:30+05:30 reads as text in every YAML reader. */
function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * Text that every YAML reader reads as that text: written bare when YAML 1.1
 * reads it back unchanged, else in double quotes. `yaml` writes `2024-03-01`
 * bare (text in YAML 1.2), but js-yaml, which reads Astro's frontmatter, takes
 * it for a date, as YAML 1.1 does.
 */
function asText(value: string): Scalar {
  const scalar = new Scalar(value);
  let read: unknown;
  try {
    read = parseDocument(value, { version: '1.1' }).toJS();
  } catch {
    // Not a value of its own (`*name`, an alias to nothing): quoted.
  }
  if (read !== value) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** The map of the entry the update is for. */
function entryNode(doc: Document, place: EntryPlace): YAMLMap {
  const contents = doc.contents;
  if (isSeq(contents)) {
    const found = contents.items.find(
      (item) => isMap(item) && String((item.toJSON() as { id?: unknown }).id) === place.id,
    );
    if (!isMap(found)) throw new ScaffoldError(`the file holds no entry "${place.id}"`);
    return found;
  }
  if (!isMap(contents)) throw new ScaffoldError('the file holds no entry (field: value lines)');
  return contents;
}
