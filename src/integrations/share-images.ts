import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId } from '../model/content-set.ts';
import { resolveSite } from '../model/site.ts';
import { isoToday } from '../model/roles.ts';
import { shareCards, shareSiteLine } from '../publish/page-meta.ts';
import { buildContext } from '../loaders/build-context.ts';
import { cachePath, publishInstant, settings } from '../settings.ts';
import { missingGlyphWarnings } from '../share/missing-glyphs.ts';
import { formatReport } from '../model/problems.ts';
import { publishedAt } from '../site/schedule.ts';

/**
 * Starts drawing every share image on worker threads as soon as `astro build`
 * starts, from the content the check has already read, so that the drawing
 * overlaps the bundling and the page render instead of waiting for the share
 * route's turn. The route (`src/pages/share/[kind]/[id].png.ts`) takes the
 * finished images and draws any card no worker has reached. With a warm
 * incremental cache nothing is queued: most images are restored, not drawn.
 * Either way it warns of every character a card would draw as a box.
 */
export default function shareImages(): AstroIntegration {
  let root = process.cwd();
  let building = false;
  return {
    name: 'explainer:share-images',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        root = fileURLToPath(config.root);
        building = command === 'build';
      },
      'astro:build:start': ({ logger }) => {
        if (!building) return;
        const { content, drawer } = buildContext();
        // What the site publishes now: scheduled articles and updates are left out.
        const set = publishedAt(content.set, publishInstant());
        const index = {
          articles: byId(set.articles.filter((article) => article.data.draft !== true)),
          actors: byId(set.actors),
          figures: byId(set.figures),
          today: settings.buildDate ?? isoToday(),
        };
        const { title } = resolveSite(content.site, settings);
        const cards = shareCards(index, shareSiteLine(title, settings.site, settings.base));
        // Every build says which characters its cards draw as boxes, restored from the cache or not.
        const entities = cards.flatMap(([key, card]) => {
          const [kind = '', id = ''] = key.split('/');
          const entity =
            kind === 'articles' || kind === 'actors' || kind === 'figures' ? index[kind].get(id) : undefined;
          return entity ? [{ entity, card }] : [];
        });
        const warnings = missingGlyphWarnings(entities);
        if (warnings.length > 0)
          logger.warn(
            `${warnings.length} share image warning${warnings.length === 1 ? '' : 's'}:\n${formatReport(warnings)}`,
          );
        const warm = settings.incremental && existsSync(join(cachePath(root), 'incremental-build.json'));
        if (!warm) drawer.prefetch(cards);
      },
      // Every image has been written (the build context stops the workers after the last hook).
      'astro:build:done': () => {
        if (!building || process.env['EXPLAINER_TIMING'] !== '1') return;
        // `EXPLAINER_TIMING=1` (set by `npm run bench`) logs who drew the images.
        const { drawn } = buildContext().drawer;
        console.log(
          `[explainer:timing] share images: ${drawn.byWorkers} drawn by workers, ${drawn.here} on the main thread`,
        );
      },
    },
  };
}
