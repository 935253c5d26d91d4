import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { baseName } from '../../../src/check/parse-files.ts';
import { listContentFiles } from '../../../src/check/content-files.ts';
import { contentEntities } from '../../../src/loaders/content-entities.ts';
import { COLLECTION_FORMATS, type CollectionName, FORMAT_EXTENSIONS } from '../../../src/model/index.ts';
import { fakeLoaderContext } from '../../helpers/loader-context.ts';

// The real collection config, with Astro's defineCollection as the identity:
// what is tested is the loader each collection is given.
vi.mock('astro:content', () => ({ defineCollection: (config: unknown) => config }));

const COLLECTIONS = Object.keys(COLLECTION_FORMATS) as CollectionName[];

let work: string;
let content: string;
let collections: Record<CollectionName, { loader: Loader }>;

/** A file of a collection holding one entry titled `title`. */
function entryText(collection: CollectionName, title: string): string {
  return COLLECTION_FORMATS[collection] === 'yaml' ? `title: ${title}\n` : `---\ntitle: ${title}\n---\n\nBody.\n`;
}

/** Fills a collection folder with every kind of name and link the lister must sort out. */
function trickyFolder(collection: CollectionName): void {
  const ext = FORMAT_EXTENSIONS[COLLECTION_FORMATS[collection]][0] ?? '';
  const folder = join(content, collection);
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(content, 'elsewhere'), { recursive: true });
  writeFileSync(join(folder, `good${ext}`), entryText(collection, 'good'));
  writeFileSync(join(folder, `_hidden-from-check${ext}`), entryText(collection, 'UNCHECKED'));
  writeFileSync(join(folder, `.dot${ext}`), entryText(collection, 'UNCHECKED'));
  writeFileSync(join(content, 'elsewhere', `${collection}${ext}`), entryText(collection, 'linked'));
  symlinkSync(`../elsewhere/${collection}${ext}`, join(folder, `linked${ext}`));
  writeFileSync(join(work, `${collection}-secret${ext}`), entryText(collection, 'OUTSIDE'));
  symlinkSync(join(work, `${collection}-secret${ext}`), join(folder, `outside${ext}`));
  symlinkSync(join(work, 'nowhere'), join(folder, `dangling${ext}`));
  symlinkSync(`loop${ext}`, join(folder, `loop${ext}`));
  mkdirSync(join(folder, `folder${ext}`));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'explainer-loaders-'));
  content = join(work, 'content');
  for (const collection of COLLECTIONS) trickyFolder(collection);
  process.env['CONTENT_DIR'] = content;
  ({ collections } = (await import('../../../src/content.config.ts')) as unknown as {
    collections: typeof collections;
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The ids the checker's list gives: one per file, named after it (every file here holds one entry). */
const checkedIds = (collection: CollectionName) =>
  listContentFiles(content, collection, work)
    .files.map((file) => baseName(file))
    .sort();

describe('every loader reads exactly the files the content check lists', () => {
  test.each(COLLECTIONS)('%s', async (collection) => {
    const run = fakeLoaderContext(work, false);
    await collections[collection].loader.load(run.context);
    expect([...run.entries.keys()].sort()).toEqual(checkedIds(collection));
    expect(checkedIds(collection)).toEqual(['good', 'linked']);
    const titles = [...run.entries.values()].map((entry) => entry.data['title']);
    expect(titles).not.toContain('UNCHECKED');
    expect(titles).not.toContain('OUTSIDE');
  });

  test('the collections are read through the one loader that takes the list', () => {
    for (const collection of COLLECTIONS)
      expect(collections[collection].loader.name).toBe('explainer:content-entities');
  });

  test('a Markdown or MDX entry keeps its body as the check read it, as text', async () => {
    for (const collection of COLLECTIONS.filter((c) => COLLECTION_FORMATS[c] !== 'yaml')) {
      const run = fakeLoaderContext(work, false);
      await collections[collection].loader.load(run.context);
      expect(run.entries.get('good')).toMatchObject({ body: '\nBody.\n' });
      expect(run.entries.get('good')).not.toHaveProperty('rendered');
      expect(run.entries.get('good')).not.toHaveProperty('deferredRender');
    }
  });
});

describe('astro dev: a file added while the server runs follows the same rules', () => {
  test.each(COLLECTIONS)('%s', async (collection) => {
    const ext = FORMAT_EXTENSIONS[COLLECTION_FORMATS[collection]][0] ?? '';
    const folder = join(content, collection);
    const run = fakeLoaderContext(work, true);
    await collections[collection].loader.load(run.context);
    expect(run.watcher.watched).toContain(folder);
    const added = [`_late${ext}`, `late-outside${ext}`, `late${ext}`];
    writeFileSync(join(folder, added[0] ?? ''), entryText(collection, 'UNCHECKED'));
    symlinkSync(join(work, `${collection}-secret${ext}`), join(folder, added[1] ?? ''));
    writeFileSync(join(folder, added[2] ?? ''), entryText(collection, 'late'));
    for (const name of added) run.watcher.emit('all', 'add', join(folder, name));
    // Each run lists the folder afresh, so once `late` is in, the other two were listed too.
    await vi.waitFor(() => expect(run.entries.has('late')).toBe(true), { interval: 5 });
    expect([...run.entries.keys()].sort()).toEqual(checkedIds(collection));
    expect(run.entries.has('_late')).toBe(false);
    expect(run.entries.has('late-outside')).toBe(false);

    writeFileSync(join(folder, `good${ext}`), entryText(collection, 'edited'));
    run.watcher.emit('all', 'change', join(folder, `good${ext}`));
    await vi.waitFor(() => expect(run.entries.get('good')?.data['title']).toBe('edited'), { interval: 5 });
    rmSync(join(folder, added[2] ?? ''));
    run.watcher.emit('all', 'unlink', join(folder, added[2] ?? ''));
    await vi.waitFor(() => expect(run.entries.has('late')).toBe(false), { interval: 5 });
  });

  test('an emptied folder empties the collection', async () => {
    const folder = join(work, 'solo/content/articles');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'only.mdx'), entryText('articles', 'only'));
    const run = fakeLoaderContext(work, true);
    await contentEntities('articles', join(work, 'solo/content')).load(run.context);
    expect([...run.entries.keys()]).toEqual(['only']);
    rmSync(join(folder, 'only.mdx'));
    run.watcher.emit('all', 'unlink', join(folder, 'only.mdx'));
    await vi.waitFor(() => expect(run.entries.size).toBe(0), { interval: 5 });
  });
});
