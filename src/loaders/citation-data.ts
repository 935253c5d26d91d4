import { type FSWatcher, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { CitationData } from '../plugins/remark-citations.ts';
import { figureSchema } from '../schemas/figure.ts';
import { sourceSchema } from '../schemas/source.ts';
import { statementSchema } from '../schemas/statement.ts';
import { listCollectionFiles, readCollectionFile } from './read-content.ts';

const FOLDERS = ['sources', 'statements', 'figures'] as const;

interface Cache {
  contentDir: string;
  data: CitationData;
  /** Set by the folder watchers when a file changes; the data is read again on next use. */
  stale: boolean;
  /** Without watchers (a folder is missing), a fingerprint decides instead. */
  fingerprint: string | undefined;
}

let cache: Cache | undefined;
let watchers: FSWatcher[] = [];
const timing = { ms: 0, calls: 0, reads: 0 };

/** Names and modification times of the sources and statements files. Costs one stat per file. */
function fingerprint(contentDir: string): string {
  return FOLDERS.flatMap((collection) => listCollectionFiles(contentDir, collection).map((path) => `${path}:${statSync(path).mtimeMs}`)).join('|');
}

/**
 * Watches both folders so that a change marks the data stale. Watchers do not
 * keep the process alive. Returns false when a folder cannot be watched.
 */
function watchFolders(contentDir: string): boolean {
  for (const watcher of watchers) watcher.close();
  watchers = [];
  try {
    for (const folder of FOLDERS) {
      const watcher = watch(join(contentDir, folder), { persistent: false }, () => {
        if (cache) cache.stale = true;
      });
      watcher.on('error', () => {
        if (cache) cache.fingerprint = fingerprint(contentDir);
      });
      watchers.push(watcher);
    }
    return true;
  } catch {
    for (const watcher of watchers) watcher.close();
    watchers = [];
    return false;
  }
}

function readCitationData(contentDir: string, root: string): CitationData {
  timing.reads++;
  const sources = new Map();
  for (const path of listCollectionFiles(contentDir, 'sources')) {
    for (const entry of readCollectionFile(path, 'sources', root).entries) {
      const parsed = sourceSchema.safeParse(entry.data);
      if (parsed.success && entry.id) sources.set(entry.id, parsed.data);
    }
  }
  const statementSources = new Map<string, readonly string[]>();
  for (const path of listCollectionFiles(contentDir, 'statements')) {
    for (const entry of readCollectionFile(path, 'statements', root).entries) {
      const parsed = statementSchema.safeParse(entry.data);
      if (parsed.success && entry.id) statementSources.set(entry.id, parsed.data.sources);
    }
  }
  const figureSources = new Map<string, readonly string[]>();
  for (const path of listCollectionFiles(contentDir, 'figures')) {
    for (const entry of readCollectionFile(path, 'figures', root).entries) {
      const parsed = figureSchema.safeParse(entry.data);
      if (parsed.success && entry.id) figureSources.set(entry.id, parsed.data.estimates.map((e) => e.source));
    }
  }
  return { sources, statementSources, figureSources };
}

/**
 * Sources and statement→sources for the citation plugin, read from disk once
 * per process and read again only after a file in those folders changes (live
 * preview in `astro dev`). A change is noticed by watching the two folders, so
 * a build with thousands of Markdown documents reads and stats the files once,
 * not once per document. Where watching is impossible (a folder is missing),
 * a fingerprint of file names and modification times is compared on each call.
 * Entries that fail validation are skipped: the content check reports them.
 */
export function loadCitationData(contentDir: string, root: string): CitationData {
  const started = performance.now();
  timing.calls++;
  try {
    if (cache && cache.contentDir === contentDir && !cache.stale) {
      if (cache.fingerprint === undefined) return cache.data;
      const now = fingerprint(contentDir);
      if (now === cache.fingerprint) return cache.data;
    }
    // Watch before reading, so that an edit made while reading marks the new data stale.
    const watched = cache?.contentDir === contentDir && watchers.length > 0 ? true : watchFolders(contentDir);
    const next: Cache = { contentDir, data: { sources: new Map(), statementSources: new Map(), figureSources: new Map() }, stale: false, fingerprint: watched ? undefined : fingerprint(contentDir) };
    cache = next;
    next.data = readCitationData(contentDir, root);
    return next.data;
  } finally {
    timing.ms += performance.now() - started;
  }
}

// `EXPLAINER_TIMING=1` (set by `npm run bench`): total time spent here, logged at exit.
if (process.env['EXPLAINER_TIMING'] === '1') {
  process.on('exit', () => {
    console.log(`[explainer:timing] citation data total ${timing.ms.toFixed(1)} ms (${timing.calls} calls, ${timing.reads} reads)`);
  });
}
