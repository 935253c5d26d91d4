import type { CollectionKey } from './references.ts';

/** What one entry of each collection is called in reports. */
export const NOUNS: Record<CollectionKey, string> = {
  articles: 'article',
  actors: 'actor',
  figures: 'figure',
  statements: 'statement',
  sources: 'source',
  events: 'event',
};

/**
 * Names the list entry a problem is in, `{ entry: 'statement "mayor-denies-leak"' }`,
 * when the entry wrote its own `id:` (a file holding a list); a file holding
 * one entry is named by its file name, which the report shows already.
 */
export function entryOf(
  collection: CollectionKey,
  entry: { id?: string | undefined; data: unknown },
): { entry?: string } {
  const written = (entry.data as { id?: unknown } | undefined)?.id;
  return typeof written === 'string' && entry.id !== undefined ? { entry: `${NOUNS[collection]} "${entry.id}"` } : {};
}
