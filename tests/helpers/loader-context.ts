import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { parseFrontmatterEntity } from '../../src/check/parse-files.ts';

/** What a fake loader run recorded. */
export interface FakeRun {
  context: LoaderContext;
  /** The entries in the store, by id: their data and the file they came from. */
  entries: Map<string, { data: Record<string, unknown>; filePath: string | undefined }>;
  /** A stand-in for the dev server's file watcher: `emit('add', path)` as chokidar would. */
  watcher: EventEmitter & { add: (path: string) => void; watched: string[] };
  warnings: string[];
}

/**
 * A loader context with an in-memory store, enough for Astro's `glob()` loader
 * and ours: the store, data parsing (passed through), digests, a logger that
 * records warnings, and (for dev) a watcher the test drives. Markdown and MDX
 * frontmatter is read with the project's own parser.
 */
export function fakeLoaderContext(root: string, dev: boolean): FakeRun {
  const entries: FakeRun['entries'] = new Map();
  const digests = new Map<string, string>();
  const warnings: string[] = [];
  const watched: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { watched, add: (path: string) => void watched.push(path) });
  const store = {
    keys: () => [...entries.keys()],
    get: (id: string) => (entries.has(id) ? { id, ...entries.get(id), digest: digests.get(id) } : undefined),
    set: (entry: { id: string; data: Record<string, unknown>; filePath?: string; digest?: string }) => {
      entries.set(entry.id, { data: entry.data, filePath: entry.filePath });
      digests.set(entry.id, entry.digest ?? '');
      return true;
    },
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    has: (id: string) => entries.has(id),
    addModuleImport: () => {},
    addAssetImports: () => {},
  };
  const entryType = {
    getEntryInfo: ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
      const parsed = parseFrontmatterEntity(fileUrl.pathname, contents).entries[0];
      return { data: (parsed?.data ?? {}) as Record<string, unknown>, body: parsed?.body ?? '' };
    },
  };
  const rootUrl = pathToFileURL(root.endsWith('/') ? root : `${root}/`);
  const logger = {
    info: () => {},
    debug: () => {},
    error: (m: string) => void warnings.push(m),
    warn: (m: string) => void warnings.push(m),
  };
  const context = {
    collection: 'test',
    store,
    meta: new Map(),
    logger,
    config: { root: rootUrl, srcDir: new URL('src/', rootUrl), prerenderConflictBehavior: 'warn' },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    renderMarkdown: async () => ({ html: '' }),
    generateDigest: (data: unknown) => JSON.stringify(data),
    entryTypes: new Map([
      ['.md', entryType],
      ['.mdx', entryType],
    ]),
    ...(dev ? { watcher } : {}),
  } as unknown as LoaderContext;
  return { context, entries, watcher, warnings };
}
