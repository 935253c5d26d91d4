import type { Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Adds every file under a folder of the project to a hash, by path and bytes,
 * in a fixed order (subfolders included): the version of the code in it, for
 * the caches whose results that code decides (`body-refs-cache.ts`,
 * `src/share/share-cache.ts`).
 */
export function hashFolder(hash: Hash, root: string, folder: string): void {
  const entries = readdirSync(join(root, folder), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) hashFolder(hash, root, path);
    else
      hash
        .update(`${path}\0`)
        .update(readFileSync(join(root, path)))
        .update('\0');
  }
}
