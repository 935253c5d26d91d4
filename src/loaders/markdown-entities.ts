import { glob, type Loader } from 'astro/loaders';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapePath } from 'tinyglobby';
import { baseName } from '../check/parse-files.ts';
import type { CollectionName } from '../model/index.ts';
import { syncCollection } from './collection-sync.ts';
import { listContentFiles } from '../check/content-files.ts';

/**
 * An Astro content loader for a folder of Markdown or MDX files (articles,
 * actors, figures). It loads exactly the files the content check lists
 * (`listContentFiles`): Astro's `glob()` loader does the reading and rendering,
 * but is given those files by name instead of a pattern of its own, so a file
 * the check refuses (`_draft.mdx`, a link out of the content folder) is never
 * loaded. The id is the file name without its extension, as in the check.
 */
export function markdownEntities(collection: CollectionName, contentDir: string): Loader {
  const folder = join(contentDir, collection);
  return {
    name: 'explainer:markdown-entities',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      // The glob loader watches by its own pattern; every change is handled below instead, by listing again.
      const { watcher: _ours, ...withoutWatcher } = context;
      await syncCollection(folder, context, async () => {
        const { files } = listContentFiles(contentDir, collection, root);
        if (files.length === 0) {
          context.store.clear();
          return;
        }
        // Literal names, escaped, so that no name is read as a pattern that matches another file.
        const pattern = files.map((file) => escapePath(basename(file)));
        // Bodies are compiled when a page renders them, never kept rendered in the content
        // store: a bio's reference list shows other entries (source titles), and a stored
        // rendering is reused as long as the bio's own file is unchanged, stale.
        await glob({ pattern, base: folder, generateId: ({ entry }) => baseName(entry), deferRender: true }).load(
          withoutWatcher,
        );
      });
    },
  };
}
