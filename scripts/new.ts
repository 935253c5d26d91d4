/**
 * `npm run new -- <kind> "<name or title>" [options]`: writes a new, valid content
 * file with an id made from the name and today's date, prints its path, and
 * never overwrites. Respects CONTENT_DIR.
 *
 *   npm run new -- actor "Cho Tae-yul" [--kind person]
 *   npm run new -- source "Pentagon briefing" [--publisher "U.S. Department of Defense"] [--type briefing] [--url https://…]
 *   npm run new -- statement "Austin says the troops could soon fight" --speaker lloyd-austin --source some-source [--quote "…"] [--actor x]
 *   npm run new -- event "Troops reach Kursk" --source some-source [--actor x]
 *   npm run new -- figure "North Korean troops in Russia" --by hur --source some-source --value 12000 [--unit troops]
 *   npm run new -- article "North Korean troops in Russia"
 *   npm run new -- update statement some-statement "Corrected the date of the speech" [--correction] [--id date-corrected]
 *
 * `update` adds an entry to the update log of an existing entry of any kind: a
 * stable id unique in its log (from the summary, or --id), and the current time
 * in the site's time zone (SITE_TIMEZONE, else `timezone` in site.yaml), or only
 * the day given by --date or EXPLAINER_TODAY. An article's `updated:` follows.
 *
 * Common options: --id to choose the id, --date YYYY-MM-DD instead of today.
 * EXPLAINER_TODAY=YYYY-MM-DD sets the day taken as today.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { suggestIds } from '../src/check/did-you-mean.ts';
import { parseFrontmatterEntity, parseYamlEntities } from '../src/check/parse-files.ts';
import { formatProblem } from '../src/model/problems.ts';
import { validateEntries } from '../src/check/validate.ts';
import {
  referencedIds,
  scaffold,
  SCAFFOLD_COLLECTION,
  SCAFFOLD_KINDS,
  ScaffoldError,
  type ScaffoldKind,
} from '../src/scaffold/scaffold.ts';
import { isCalendarDate } from '../src/model/common.ts';
import type { CollectionName } from '../src/model/index.ts';
import { listContentFiles } from '../src/check/content-files.ts';
import { readCollectionFile } from '../src/check/check-content.ts';
import { contentPath, settings } from '../src/settings.ts';
import { readSiteFile } from '../src/check/check-content.ts';
import { decodeText } from '../src/check/parse-files.ts';
import { resolveSite } from '../src/model/site.ts';
import { addUpdate } from '../src/scaffold/update.ts';

const USAGE = `Usage: npm run new -- <${SCAFFOLD_KINDS.join('|')}> "Name or title" [options]
  actor      --kind person|organization|government-body|military|state|intergovernmental|media
  source     --publisher "…" --type news-report|speech|… --url https://…
  statement  --speaker ACTOR-ID --source SOURCE-ID [--quote "…"] [--actor ACTOR-ID]
  event      --source SOURCE-ID [--actor ACTOR-ID]
  figure     --by ACTOR-ID --source SOURCE-ID --value N | --low N --high N [--unit "…"]
  article
  update     <${SCAFFOLD_KINDS.join('|')}> ENTRY-ID "What changed" [--correction] (--id: the update's id)
  any        --id kebab-id  --date YYYY-MM-DD`;

function fail(message: string): never {
  process.stderr.write(`npm run new: ${message}\n`);
  process.exit(1);
}

/** Today in the editor's own time zone, as YYYY-MM-DD; EXPLAINER_TODAY sets another day (tests, reproducible runs). */
function localToday(): string {
  const fixed = process.env['EXPLAINER_TODAY'];
  if (fixed !== undefined) {
    if (!isCalendarDate(fixed))
      fail(
        `EXPLAINER_TODAY must be a real date written YYYY-MM-DD, such as 2024-11-04 (got "${fixed}"); unset it to use today`,
      );
    return fixed;
  }
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The command that adds to an existing entry's update log instead of writing a new file. */
const UPDATE_COMMAND = 'update';

const ARG_CONFIG = {
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    kind: { type: 'string' },
    speaker: { type: 'string' },
    source: { type: 'string', multiple: true },
    actor: { type: 'string', multiple: true },
    by: { type: 'string' },
    value: { type: 'string' },
    low: { type: 'string' },
    high: { type: 'string' },
    unit: { type: 'string' },
    quote: { type: 'string' },
    publisher: { type: 'string' },
    type: { type: 'string' },
    url: { type: 'string' },
    date: { type: 'string' },
    correction: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
} as const;

function readArgs() {
  try {
    return parseArgs(ARG_CONFIG);
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}
const parsed = readArgs();
const { values: options, positionals } = parsed;
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (options.date !== undefined && !isCalendarDate(options.date))
  fail(`--date must be a real date written YYYY-MM-DD, such as 2024-11-04 (got "${options.date}")`);
const [kindArg, ...nameParts] = positionals;
const root = process.cwd();
const contentDir = contentPath(root);
if (kindArg === UPDATE_COMMAND) addToLog(nameParts);
if (!kindArg || !(SCAFFOLD_KINDS as readonly string[]).includes(kindArg))
  fail(`say what to create: ${SCAFFOLD_KINDS.join(', ')}, or ${UPDATE_COMMAND} to log a change\n${USAGE}`);
const kind = kindArg as ScaffoldKind;

/** Ids that already exist in a collection, from every file in it. */
function existingIds(collection: CollectionName): Set<string> {
  const ids = new Set<string>();
  for (const path of listContentFiles(contentDir, collection, root).files) {
    for (const entry of readCollectionFile(path, collection, root).entries) if (entry.id) ids.add(entry.id);
  }
  return ids;
}

function makeFile() {
  try {
    return scaffold(kind, nameParts.join(' '), options, localToday());
  } catch (error) {
    if (error instanceof ScaffoldError) return fail(error.message);
    throw error;
  }
}
const file = makeFile();

for (const ref of referencedIds(kind, options)) {
  const known = existingIds(ref.collection);
  if (!known.has(ref.id))
    fail(
      `--${ref.flag} "${ref.id}": there is no such ${ref.collection.replace(/s$/, '')}; ${suggestIds(ref.id, [...known].sort(), ref.collection.replace(/s$/, ''))}`,
    );
}

// The file must pass the same schema the checker uses (a bad --url, say, is refused here).
const relativeName = `${file.collection}/${file.fileName}`;
const readBack = file.fileName.endsWith('.yaml')
  ? parseYamlEntities(relativeName, file.text)
  : parseFrontmatterEntity(relativeName, file.text);
const invalid = [...readBack.problems, ...validateEntries(file.collection, readBack.entries).problems];
if (invalid.length > 0) fail(`nothing was written:\n${invalid.map(formatProblem).join('\n')}`);

const folder = join(contentDir, file.collection);
const path = join(folder, file.fileName);
const nearby = relative(root, path);
const shown = nearby === '' || nearby.startsWith('..') ? path : nearby;
if (existsSync(path))
  fail(`${shown} already exists; nothing was written. Choose another id with --id, or edit that file.`);
if (existingIds(file.collection).has(file.id)) {
  fail(
    `a ${kind} with the id "${file.id}" already exists in ${folder}; nothing was written. Choose another id with --id.`,
  );
}
mkdirSync(folder, { recursive: true });
writeFileSync(path, file.text, { flag: 'wx' });
process.stdout.write(`${shown}\n`);
if (file.placeholders.length > 0) {
  process.stderr.write(
    `Now open it and replace the placeholder ${file.placeholders.length === 1 ? 'text' : 'texts'} in: ${file.placeholders.join(', ')}. Then run npm run check.\n`,
  );
}

/** A path to show: relative to the project when inside it. */
function shownPath(path: string): string {
  const nearby = relative(root, path);
  return nearby === '' || nearby.startsWith('..') ? path : nearby;
}

/**
 * `npm run new -- update <kind> <id> "What changed"`: adds an entry on top of the
 * update log of an existing entry, in the file that holds it, and exits.
 */
function addToLog([kindName, entryId, ...summaryParts]: string[]): never {
  if (!kindName || !(SCAFFOLD_KINDS as readonly string[]).includes(kindName))
    fail(`say which kind of entry changed: ${SCAFFOLD_KINDS.join(', ')}\n${USAGE}`);
  const collection = SCAFFOLD_COLLECTION[kindName as ScaffoldKind];
  if (!entryId)
    fail(
      `give the id of the ${kindName} that changed, for example: npm run new -- update ${kindName} some-id "What changed"`,
    );
  const found = listContentFiles(contentDir, collection, root)
    .files.flatMap((path) => readCollectionFile(path, collection, root).entries.map((entry) => ({ path, entry })))
    .find(({ entry }) => entry.id === entryId);
  if (found === undefined) {
    const known = [...existingIds(collection)].sort();
    fail(`there is no ${kindName} "${entryId}"; ${suggestIds(entryId, known, kindName)}`);
  }
  const bytes = readFileSync(found.path);
  const text = decodeText(bytes);
  if (text === undefined) fail(`${shownPath(found.path)} is not UTF-8 text: run npm run check`);
  const original = bytes.toString('utf8');
  const fixedDay = options.date ?? (process.env['EXPLAINER_TODAY'] === undefined ? undefined : localToday());
  const timeZone = resolveSite(readSiteFile(contentDir, root).site, { timeZone: settings.timeZone }).timeZone;
  let result: ReturnType<typeof addUpdate>;
  try {
    result = addUpdate(
      text,
      { format: found.path.endsWith('.yaml') || found.path.endsWith('.yml') ? 'yaml' : 'frontmatter', id: entryId },
      {
        summary: summaryParts.join(' '),
        correction: options.correction === true,
        id: options.id,
        date: fixedDay,
        now: new Date(),
        timeZone,
        setUpdated: collection === 'articles',
      },
    );
  } catch (error) {
    if (error instanceof ScaffoldError) fail(`${shownPath(found.path)}: ${error.message}; nothing was written`);
    throw error;
  }
  // The file must still pass the checker's reading and schema.
  const name = relative(root, found.path);
  const readBack = /\.ya?ml$/.test(found.path)
    ? parseYamlEntities(name, result.text)
    : parseFrontmatterEntity(name, result.text);
  const invalid = [...readBack.problems, ...validateEntries(collection, readBack.entries).problems];
  if (invalid.length > 0) fail(`nothing was written:\n${invalid.map(formatProblem).join('\n')}`);
  // Keep the file's byte-order mark and line endings.
  const lines = original.includes('\r\n') ? result.text.replace(/\n/g, '\r\n') : result.text;
  writeFileSync(found.path, `${original.startsWith('\uFEFF') ? '\uFEFF' : ''}${lines}`);
  const { id, date, time } = result.update;
  process.stdout.write(`${shownPath(found.path)}\n`);
  process.stderr.write(
    `Added update "${id}" (${date}${time === undefined ? '' : ` ${time}`}) to the ${kindName} "${entryId}". Then run npm run check.\n`,
  );
  process.exit(0);
}
