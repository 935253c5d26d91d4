/**
 * Incremental build equals cold build, as a property: applies random edits to
 * a copy of the fixture story (every kind of change to every collection), and
 * after each one builds twice, once reusing the cache of all earlier builds
 * and once from nothing, and requires both `dist/` folders to be identical,
 * byte for byte, every file. Every build writes into an empty output folder;
 * a last build with no edit takes everything from the warm caches.
 *
 *   npm run test:incremental -- --edits 10 --seed 1
 *   npm run test:incremental -- --only 'retitle a source' --edits 2
 *   npm run test:incremental -- --edits 2 --switch
 *
 * `--switch` then builds, still with the same cache, another story (the
 * sample in content/) and the fixture under another site address, base path,
 * title and build date, and requires each to equal its cold build: a cache
 * filled under other settings is never reused (src/settings.ts `cacheKey`).
 *
 * Each edit keeps the story valid (an edit the content check refuses is undone
 * and another is drawn), so every step builds. Ends with `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { withoutViteEnv } from '../../scripts/lib/build-env.ts';
import { checkContentDir } from '../../src/check/check-content.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/site/content');
const { values } = parseArgs({
  options: {
    edits: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    switch: { type: 'boolean', default: false },
  },
});
const EDITS = Number(values.edits);
const work = mkdtempSync(join(tmpdir(), 'explainer-incremental-'));
const content = join(work, 'content');
const cache = join(work, 'cache');

/** A small seeded generator (mulberry32), so that a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

// ---------------------------------------------------------------- files

/** A content file as YAML documents: a YAML file, or the frontmatter of a Markdown file and its body. */
interface Loaded {
  path: string;
  doc: Document;
  body: string | undefined;
}

function load(path: string): Loaded {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.yaml') && !path.endsWith('.yml')) {
    const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`no frontmatter in ${path}`);
    return { path, doc: parseDocument(match[1] ?? ''), body: match[2] ?? '' };
  }
  return { path, doc: parseDocument(text), body: undefined };
}

function save(file: Loaded): void {
  const yaml = file.doc.toString();
  writeFileSync(file.path, file.body === undefined ? yaml : `---\n${yaml}---\n${file.body}`);
}

const files = (collection: string) =>
  existsSync(join(content, collection))
    ? readdirSync(join(content, collection))
        .filter((name) => !name.startsWith('.'))
        .map((name) => join(content, collection, name))
    : [];

/** Every entry of a collection: the file, and the path of the entry in it (`[]` for one entry per file, `[n]` in a list). */
function entries(collection: string): { file: Loaded; at: (string | number)[]; id: string }[] {
  return files(collection).flatMap((path) => {
    const file = load(path);
    const base =
      path
        .split('/')
        .pop()
        ?.replace(/\.(ya?ml|mdx?)$/, '') ?? '';
    if (isSeq(file.doc.contents))
      return file.doc.contents.items.map((item, index) => ({
        file,
        at: [index],
        id: String(isMap(item) ? item.get('id') : index),
      }));
    return [{ file, at: [] as (string | number)[], id: String(file.doc.get('id') ?? base) }];
  });
}

const ids = (collection: string) => entries(collection).map((entry) => entry.id);

function shiftDate(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- edits

type Edit = () => string | undefined;
let counter = 0;
const mark = () => `edit ${++counter}`;

/** Changes a text field of an entry. */
const editText =
  (collection: string, fields: string[]): Edit =>
  () => {
    const entry = pick(entries(collection));
    const field = pick(fields);
    const current = entry.file.doc.getIn([...entry.at, field]);
    if (typeof current !== 'string') return undefined;
    entry.file.doc.setIn([...entry.at, field], `${current} (${mark()})`);
    save(entry.file);
    return `${collection}/${entry.id}: ${field} changed`;
  };

/** Moves a date field of an entry by a few days. */
const editDate =
  (collection: string, path: (string | number)[]): Edit =>
  () => {
    const entry = pick(entries(collection));
    const current = entry.file.doc.getIn([...entry.at, ...path]);
    if (typeof current !== 'string' && !(current instanceof Date)) return undefined;
    const iso = current instanceof Date ? current.toISOString().slice(0, 10) : current;
    entry.file.doc.setIn([...entry.at, ...path], shiftDate(iso, pick([-3, -1, 1, 2, 5])));
    save(entry.file);
    return `${collection}/${entry.id}: ${path.join('.')} moved`;
  };

/** Adds an item to a list field (an alias, an actor a statement is about, …). */
const addToList =
  (collection: string, field: string, value: () => unknown): Edit =>
  () => {
    const entry = pick(entries(collection));
    const item = value();
    if (item === undefined) return undefined;
    const list = entry.file.doc.getIn([...entry.at, field]);
    if (isSeq(list)) list.add(entry.file.doc.createNode(item));
    else entry.file.doc.setIn([...entry.at, field], entry.file.doc.createNode([item]));
    save(entry.file);
    return `${collection}/${entry.id}: ${field} += ${JSON.stringify(item)}`;
  };

/** Removes the last item of a list field. */
const removeFromList =
  (collection: string, field: string): Edit =>
  () => {
    const entry = pick(entries(collection));
    const list = entry.file.doc.getIn([...entry.at, field]);
    if (!isSeq(list) || list.items.length === 0) return undefined;
    list.items.pop();
    if (list.items.length === 0) entry.file.doc.deleteIn([...entry.at, field]);
    save(entry.file);
    return `${collection}/${entry.id}: last of ${field} removed`;
  };

/** Appends a paragraph to a body. */
const appendToBody =
  (collection: string, paragraph: () => string | undefined): Edit =>
  () => {
    const file = load(pick(files(collection)));
    const text = paragraph();
    if (file.body === undefined || text === undefined) return undefined;
    file.body = `${file.body.trimEnd()}\n\n${text}\n`;
    save(file);
    return `${relative(content, file.path)}: body += ${text}`;
  };

const EDITS_BY_KIND: Record<string, Edit> = {
  'rename an actor': editText('actors', ['name']),
  'describe an actor again': editText('actors', ['description']),
  'retitle a source': editText('sources', ['title', 'publisher']),
  'change a quote or summary': editText('statements', ['quote', 'summary', 'context']),
  'retitle an event': editText('events', ['title', 'summary', 'place']),
  'retitle an article': editText('articles', ['title', 'description']),
  'retitle a figure': editText('figures', ['title', 'description']),
  'move a statement date': editDate('statements', ['date']),
  'move an event date': editDate('events', ['date']),
  'move a source date': editDate('sources', ['published']),
  'move a role start': editDate('actors', ['roles', 0, 'from']),
  'move an estimate date': editDate('figures', ['estimates', 0, 'date']),
  'change an estimate': () => {
    const entry = pick(entries('figures'));
    const estimates = entry.file.doc.getIn([...entry.at, 'estimates']);
    if (!isSeq(estimates)) return undefined;
    const index = Math.floor(rand() * estimates.items.length);
    const value = entry.file.doc.getIn([...entry.at, 'estimates', index, 'value']);
    if (typeof value !== 'number') return undefined;
    entry.file.doc.setIn([...entry.at, 'estimates', index, 'value'], value + 100 * (1 + Math.floor(rand() * 9)));
    save(entry.file);
    return `figures/${entry.id}: estimates[${index}].value changed`;
  },
  'add an alias': addToList('actors', 'aliases', () => `Alias ${mark()}`),
  'remove an alias': removeFromList('actors', 'aliases'),
  'add an actor a statement is about': addToList('statements', 'about', () => pick(ids('actors'))),
  'add a relation': addToList('statements', 'relations', () => ({
    type: pick(['confirms', 'contradicts', 'responds-to']),
    statement: pick(ids('statements')),
  })),
  'remove a relation': removeFromList('statements', 'relations'),
  'add an event actor': addToList('events', 'actors', () => pick(ids('actors'))),
  'cite a source in a bio': appendToBody(
    'actors',
    () => `A new line of the bio (${mark()}) [@${pick(ids('sources'))}].`,
  ),
  'cite a source in a figure explanation': appendToBody(
    'figures',
    () => `A new line of the explanation (${mark()}) [@${pick(ids('sources'))}].`,
  ),
  'mention an actor in an article': appendToBody(
    'articles',
    () => `<Actor id="${pick(ids('actors'))}" /> said more (${mark()}) [@${pick(ids('sources'))}].`,
  ),
  'embed a statement in an article': appendToBody('articles', () => `<Statement id="${pick(ids('statements'))}" />`),
  'embed a figure in an article': appendToBody('articles', () => `<Figure id="${pick(ids('figures'))}" />`),
  'toggle a draft': () => {
    const entry = pick(entries('articles'));
    if (entry.file.doc.get('draft') === true) entry.file.doc.delete('draft');
    else entry.file.doc.set('draft', true);
    save(entry.file);
    return `articles/${entry.id}: draft toggled`;
  },
  'delete an entry': () => {
    const collection = pick(['statements', 'events', 'sources', 'actors']);
    const entry = pick(entries(collection));
    if (entry.at.length === 0) unlinkSync(entry.file.path);
    else {
      entry.file.doc.deleteIn(entry.at);
      save(entry.file);
    }
    return `${collection}/${entry.id}: deleted`;
  },
  'edit the site settings': () => {
    const file = load(join(content, 'site.yaml'));
    const field = pick(['title', 'tagline', 'description', 'footer', 'accent', 'publisher.name', 'timezone', 'locale']);
    const value =
      field === 'accent'
        ? pick(['#8a1c2b', '#0a55a0', '#1d5c2e'])
        : field === 'timezone'
          ? pick(['UTC', 'Europe/Kyiv', 'Asia/Seoul'])
          : field === 'locale'
            ? pick(['en-GB', 'uk', 'ko'])
            : `Site ${mark()}`;
    file.doc.setIn(field.split('.'), value);
    save(file);
    return `site.yaml: ${field} set to ${value}`;
  },
  'add an alias with a language': () => {
    const entry = pick(entries('actors'));
    const aliases = (entry.file.doc.getIn([...entry.at, 'aliases']) as { items?: unknown[] } | undefined)?.items ?? [];
    entry.file.doc.setIn([...entry.at, 'aliases', aliases.length], {
      name: pick(['Інес Марлоу', '이네스 말로', 'إينيس مارلو']),
      lang: pick(['uk', 'ko', 'ar']),
    });
    save(entry.file);
    return `actors/${entry.id}: alias with a language added`;
  },
  'log a correction on any kind': () => {
    const collection = pick(['statements', 'actors', 'sources', 'events', 'figures']);
    const entry = pick(entries(collection));
    const update = entry.file.doc.createNode({
      id: `edit-${++counter}`,
      date: '2024-12-01',
      summary: `A correction (${mark()}).`,
      correction: true,
    });
    const log = entry.file.doc.getIn([...entry.at, 'updates']);
    // Newest first: the new entry goes on top.
    if (isSeq(log)) log.items.unshift(update);
    else entry.file.doc.setIn([...entry.at, 'updates'], entry.file.doc.createNode([update.toJSON()]));
    save(entry.file);
    return `${collection}/${entry.id}: correction logged`;
  },
  'give a statement a time of day': () => {
    const entry = pick(entries('statements'));
    entry.file.doc.setIn([...entry.at, 'time'], pick(['08:10+02:00', '21:30-05:00', '12:00+00:00']));
    save(entry.file);
    return `statements/${entry.id}: time set`;
  },
  'add the original words to a quote': () => {
    const entry = pick(entries('statements'));
    entry.file.doc.setIn(
      [...entry.at, 'original'],
      entry.file.doc.createNode({ text: `Оригінальні слова (${mark()}).`, lang: 'uk' }),
    );
    entry.file.doc.setIn([...entry.at, 'language'], 'uk');
    save(entry.file);
    return `statements/${entry.id}: original words added`;
  },
  'revise an estimate': () => {
    const entry = pick(entries('figures'));
    const estimates = entry.file.doc.getIn([...entry.at, 'estimates']);
    if (!isSeq(estimates) || estimates.items.length === 0) return undefined;
    const first = estimates.items[0] as unknown as { toJSON(): Record<string, unknown> };
    const earlier = first.toJSON();
    const earlierId = typeof earlier['id'] === 'string' ? earlier['id'] : `estimate-${++counter}`;
    entry.file.doc.setIn([...entry.at, 'estimates', 0, 'id'], earlierId);
    const { id: _id, revises: _revises, withdrawn: _withdrawn, ...kept } = earlier;
    const value = typeof kept['value'] === 'number' ? { value: kept['value'] + 1000 } : {};
    estimates.add(entry.file.doc.createNode({ ...kept, ...value, date: '2024-12-01', revises: earlierId }));
    save(entry.file);
    return `figures/${entry.id}: the first estimate revised`;
  },
  'add a source file': () => {
    const id = `new-source-${++counter}`;
    writeFileSync(
      join(content, 'sources', `${id}.yaml`),
      `title: A new source (${id})\npublisher: Fixture Wire\ntype: news-report\npublished: 2024-03-20\nurl: https://example.com/${id}\n`,
    );
    const article = load(pick(files('articles')));
    if (article.body !== undefined) {
      article.body = `${article.body.trimEnd()}\n\nA new claim [@${id}].\n`;
      save(article);
    }
    return `sources/${id}: added and cited in ${relative(content, article.path)}`;
  },
};

/** Applies a random edit that leaves the story without errors; returns what it did. */
function applyEdit(): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const snapshot = join(work, 'snapshot');
    rmSync(snapshot, { recursive: true, force: true });
    cpSync(content, snapshot, { recursive: true });
    const kind = values.only ?? pick(Object.keys(EDITS_BY_KIND));
    if (!(kind in EDITS_BY_KIND))
      throw new Error(`no edit called "${kind}"; the edits are: ${Object.keys(EDITS_BY_KIND).join(', ')}`);
    const done = EDITS_BY_KIND[kind]?.();
    const errors =
      done === undefined ? [] : checkContentDir(content, work).problems.filter((p) => p.severity === 'error');
    if (done !== undefined && errors.length === 0) return `${kind}: ${done}`;
    rmSync(content, { recursive: true, force: true });
    cpSync(snapshot, content, { recursive: true });
  }
  throw new Error('no valid edit found in 50 attempts');
}

// ---------------------------------------------------------------- builds

function build(outDir: string, cacheDir: string, settings: Record<string, string> = {}): void {
  const env = withoutViteEnv(process.env);
  const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...env,
      CONTENT_DIR: content,
      OUT_DIR: outDir,
      CACHE_DIR: cacheDir,
      BUILD_DATE: '2025-01-01',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...settings,
    },
  });
  if (result.status !== 0)
    throw new Error(`build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

/** The files that differ between two builds (missing on either side, or other bytes). */
function differences(a: string, b: string): string[] {
  const left = new Set(listFiles(a));
  const right = new Set(listFiles(b));
  const diff: string[] = [];
  for (const file of left) if (!right.has(file)) diff.push(`only in the incremental build: ${file}`);
  for (const file of right) if (!left.has(file)) diff.push(`only in the cold build: ${file}`);
  for (const file of left)
    if (right.has(file) && !readFileSync(join(a, file)).equals(readFileSync(join(b, file))))
      diff.push(`differs: ${file}`);
  return diff.sort();
}

/** `--switch`: builds that must not reuse what the same cache holds for the fixture story. */
const SWITCHES: { what: string; settings: Record<string, string> }[] = [
  { what: 'another story (the sample) with the same cache', settings: { CONTENT_DIR: join(ROOT, 'content') } },
  {
    what: 'another site address, base path, title and build date with the same cache',
    settings: {
      SITE_URL: 'https://switched.example.com',
      BASE_PATH: '/switched/',
      SITE_TITLE: 'Switched',
      BUILD_DATE: '2025-02-01',
    },
  },
  { what: 'back to the first settings with the same cache', settings: {} },
];

/** Builds with the shared cache and from nothing; true when both are the same bytes. */
function compare(step: string, what: string, settings: Record<string, string> = {}): boolean {
  const incremental = join(work, `incremental-${step}`);
  const cold = join(work, `cold-${step}`);
  const started = performance.now();
  build(incremental, cache, settings);
  const warm = performance.now() - started;
  build(cold, join(work, `cold-cache-${step}`), settings);
  const diff = differences(incremental, cold);
  if (diff.length === 0) console.log(`ok ${step} - ${what} (incremental ${(warm / 1000).toFixed(1)} s)`);
  else
    console.log(
      `not ok ${step} - ${what}\n  ${diff.slice(0, 20).join('\n  ')}${diff.length > 20 ? `\n  … ${diff.length - 20} more` : ''}`,
    );
  if (!values.keep)
    for (const dir of [cold, join(work, `cold-cache-${step}`), incremental])
      rmSync(dir, { recursive: true, force: true });
  return diff.length === 0;
}

// ---------------------------------------------------------------- run

cpSync(FIXTURE, content, { recursive: true });
let passed = 0;
let failed = 0;
try {
  build(join(work, 'first'), cache);
  for (let step = 1; step <= EDITS; step++) {
    if (compare(String(step), applyEdit())) passed++;
    else failed++;
  }
  // Every build above writes into an empty output folder; this one changes nothing, so every
  // page, image and body comes from the warm caches (a CI runner that keeps only the cache).
  if (compare('unchanged', 'no edit: warm cache, empty dist/')) passed++;
  else failed++;
  if (values.switch) {
    for (const [at, { what, settings }] of SWITCHES.entries()) {
      if (compare(`switch-${at + 1}`, what, settings)) passed++;
      else failed++;
    }
  }
} catch (error) {
  failed++;
  console.log(`not ok - ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
