import type { Loader } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeControls, formatProblem } from '../model/problems.ts';
import type { CollectionName } from '../model/index.ts';
import { syncCollection } from './collection-sync.ts';
import { listContentFiles } from '../check/content-files.ts';
import { readCollectionFile } from '../check/check-content.ts';

/**
 * An Astro content loader for a folder of YAML files, each holding one entry
 * (id from the file name) or a list of entries (each with an explicit `id`).
 * It reads exactly the files the content check lists (`listContentFiles`).
 */
export function yamlEntities(collection: CollectionName, contentDir: string): Loader {
  const folder = join(contentDir, collection);
  return {
    name: 'explainer:yaml-entities',
    load: async (context) => {
      const { store, parseData, generateDigest, config, logger } = context;
      const root = fileURLToPath(config.root);
      await syncCollection(folder, context, async () => {
        const seen = new Set<string>();
        for (const path of listContentFiles(contentDir, collection, root).files) {
          const parsed = readCollectionFile(path, collection, root);
          // Errors explain a skipped file; warnings (placeholders) are the content check's to report, once.
          for (const problem of parsed.problems) if (problem.severity === 'error') logger.warn(formatProblem(problem));
          for (const entry of parsed.entries) {
            if (!entry.id || seen.has(entry.id)) continue;
            seen.add(entry.id);
            try {
              const data = await parseData({
                id: entry.id,
                data: entry.data as Record<string, unknown>,
                filePath: entry.file,
              });
              store.set({ id: entry.id, data, filePath: entry.file, digest: generateDigest(data) });
            } catch (error) {
              // The content check reports this with file and line; keep the rest of the site serving.
              logger.warn(
                escapeControls(`${entry.file}: skipped "${entry.id}": ${(error as Error).message.split('\n')[0]}`),
              );
            }
          }
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      });
    },
  };
}
