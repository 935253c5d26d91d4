import { statSync } from 'node:fs';
import type { CitationData } from '../plugins/remark-citations.ts';
import { sourceSchema } from '../schemas/source.ts';
import { statementSchema } from '../schemas/statement.ts';
import { listCollectionFiles, readCollectionFile } from './read-content.ts';

let cache: { key: string; data: CitationData } | undefined;

/** A cheap fingerprint of the sources and statements folders: names and modification times. */
function fingerprint(contentDir: string): string {
  return (['sources', 'statements'] as const)
    .flatMap((collection) => listCollectionFiles(contentDir, collection).map((path) => `${path}:${statSync(path).mtimeMs}`))
    .join('|');
}

/**
 * Sources and statement→sources for the citation plugin, read from disk once
 * and read again only when a file in those folders changes (live preview).
 * Entries that fail validation are skipped: the content check reports them.
 */
export function loadCitationData(contentDir: string, root: string): CitationData {
  const key = fingerprint(contentDir);
  if (cache?.key === key) return cache.data;
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
  cache = { key, data: { sources, statementSources } };
  return cache.data;
}
