import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';

/** What a fake loader run recorded. */
export interface FakeRun {
  context: LoaderContext;
  /** The entries in the store, by id: their data, the file they came from, and whatever else the loader stored. */
  entries: Map<string, { data: Record<string, unknown>; filePath: string | undefined; [field: string]: unknown }>;
  /** A stand-in for the dev server's file watcher: `emit('add', path)` as chokidar would. */
  watcher: EventEmitter & { add: (path: string) => void; watched: string[] };
  warnings: string[];
}

/**
 * A loader context with an in-memory store, enough for our loader: the store,
 * data parsing (passed through), digests, a logger that records warnings, and
 * (for dev) a watcher the test drives.
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
    set: ({
      id,
      digest,
      ...entry
    }: {
      id: string;
      data: Record<string, unknown>;
      filePath?: string;
      digest?: string;
    }) => {
      entries.set(id, { ...entry, filePath: entry.filePath });
      digests.set(id, digest ?? '');
      return true;
    },
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    has: (id: string) => entries.has(id),
    addModuleImport: () => {},
    addAssetImports: () => {},
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
    generateDigest: (data: unknown) => JSON.stringify(data),
    ...(dev ? { watcher } : {}),
  } as unknown as LoaderContext;
  return { context, entries, watcher, warnings };
}
