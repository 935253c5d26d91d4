import type { Loader } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeControls, formatProblem } from '../model/problems.ts';
import type { CollectionName } from '../model/index.ts';
import { syncCollection } from './collection-sync.ts';
import { listContentFiles } from '../check/content-files.ts';
import { readCollectionFile } from '../check/check-content.ts';

/**
 * An Astro content loader for one collection. It reads exactly the files the
 * content check lists (`listContentFiles`) with the check's own reader
 * (`readCollectionFile`): a YAML file holds one entry (id from the file name)
 * or a list of entries (each with an explicit `id`); a Markdown or MDX file
 * holds frontmatter and a body. The body is stored as text, as the check read
 * it: pages turn it into a tree when they render it (`src/plugins/body-tree.ts`),
 * so no file of the content folder is ever compiled into a module.
 */
export function contentEntities(collection: CollectionName, contentDir: string): Loader {
  const folder = join(contentDir, collection);
  return {
    name: 'explainer:content-entities',
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
              const { body } = entry;
              store.set({
                id: entry.id,
                data,
                ...(body === undefined ? {} : { body }),
                filePath: entry.file,
                digest: generateDigest(body === undefined ? data : { data, body }),
              });
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
