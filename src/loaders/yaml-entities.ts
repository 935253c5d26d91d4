import type { Loader } from 'astro/loaders';
import { join } from 'node:path';
import { escapeControls, formatProblem } from '../lib/problems.ts';
import type { CollectionName } from '../schemas/index.ts';
import { listCollectionFiles, readCollectionFile } from './read-content.ts';

/**
 * An Astro content loader for a folder of YAML files, each holding one entry
 * (id from the file name) or a list of entries (each with an explicit `id`).
 */
export function yamlEntities(collection: CollectionName, contentDir: string): Loader {
  return {
    name: 'explainer:yaml-entities',
    load: async ({ store, parseData, generateDigest, watcher, config, logger }) => {
      const root = new URL('.', config.root).pathname;
      const sync = async () => {
        const seen = new Set<string>();
        for (const path of listCollectionFiles(contentDir, collection)) {
          const parsed = readCollectionFile(path, collection, root);
          // Errors explain a skipped file; warnings (placeholders) are the content check's to report, once.
          for (const problem of parsed.problems) if (problem.severity === 'error') logger.warn(formatProblem(problem));
          for (const entry of parsed.entries) {
            if (!entry.id || seen.has(entry.id)) continue;
            seen.add(entry.id);
            try {
              const data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath: entry.file });
              store.set({ id: entry.id, data, filePath: entry.file, digest: generateDigest(data) });
            } catch (error) {
              // The content check reports this with file and line; keep the rest of the site serving.
              logger.warn(escapeControls(`${entry.file}: skipped "${entry.id}": ${(error as Error).message.split('\n')[0]}`));
            }
          }
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      // One sync at a time: two overlapping syncs could finish in the wrong
      // order and leave the store with what the file held before the last save.
      let running: Promise<void> | undefined;
      let again = false;
      const resync = () => {
        if (running) {
          again = true;
          return;
        }
        running = (async () => {
          do {
            again = false;
            await sync();
          } while (again);
        })().finally(() => {
          running = undefined;
        });
      };
      const folder = join(contentDir, collection);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder)) resync();
      });
    },
  };
}
