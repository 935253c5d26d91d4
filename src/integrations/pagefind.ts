import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` once Astro has
 * written every page. Any indexing error, or an index with no pages, throws,
 * so `astro build` (and `npm run build`) fails instead of shipping a site
 * whose search is broken.
 *
 * Pages mark their text with `data-pagefind-body` and their kind with
 * `data-pagefind-meta` / `data-pagefind-filter` (see the Base layout).
 */
export default function pagefind(): AstroIntegration {
  return {
    name: 'explainer:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const created = await createIndex({});
          if (!created.index || created.errors.length > 0)
            throw new Error(`could not start Pagefind: ${created.errors.join('; ')}`);
          const added = await created.index.addDirectory({ path: site });
          if (added.errors.length > 0)
            throw new Error(`Pagefind could not index the site:\n${added.errors.join('\n')}`);
          if (added.page_count === 0) throw new Error(`Pagefind found no pages with data-pagefind-body in ${site}`);
          const written = await created.index.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
          if (written.errors.length > 0)
            throw new Error(`Pagefind could not write the index:\n${written.errors.join('\n')}`);
          logger.info(`search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}
