import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId } from '../model/content-set.ts';
import { isoToday } from '../model/roles.ts';
import { shareCards, shareSiteLine } from '../publish/page-meta.ts';
import { buildDrawer, closeBuildDrawer } from '../share/share-drawer.ts';
import { currentContent } from '../loaders/content-state.ts';
import { contentPath, publishInstant, settings } from '../settings.ts';
import { publishedAt } from '../site/schedule.ts';

/**
 * Starts drawing every share image on worker threads as soon as `astro build`
 * starts, from the content the check has already read, so that the drawing
 * overlaps the bundling and the page render instead of waiting for the share
 * route's turn. The route (`src/pages/share/[kind]/[id].png.ts`) takes the
 * finished images and draws any card no worker has reached. With a warm
 * incremental cache nothing is queued: most images are restored, not drawn.
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
      'astro:build:start': () => {
        if (!building) return;
        const warm = settings.incremental && existsSync(join(resolve(root, settings.cacheDir), 'incremental-build.json'));
        if (warm) return;
        const set = publishedAt(currentContent(contentPath(root), root).set, publishInstant());
        const cards = shareCards(
          {
            articles: byId(set.articles.filter((article) => article.data.draft !== true)),
            actors: byId(set.actors),
            figures: byId(set.figures),
            today: settings.buildDate ?? isoToday(),
          },
          shareSiteLine(settings.title, settings.site, settings.base),
        );
        buildDrawer(root).prefetch(cards);
      },
      // Every image has been written: stop the workers and free what they drew.
      'astro:build:done': () => closeBuildDrawer(),
    },
  };
}
