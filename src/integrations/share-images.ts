import type { AstroIntegration } from 'astro';
import { buildContext } from '../loaders/build-context.ts';
import { publishedShareCards } from '../publish/build-check.ts';

/**
 * Starts drawing every share image that is not cached yet on worker threads as
 * soon as `astro build` starts, from the content the check has already read,
 * so that the drawing overlaps the bundling and the page render instead of
 * waiting for the share route's turn. The route
 * (`src/pages/share/[kind]/[id].png.ts`) takes the finished images, reads the
 * cached ones (`src/share/share-cache.ts`), and draws any card no worker has
 * reached: after a one-file edit only the cards that edit changed are drawn,
 * and an empty `dist/` with a warm cache draws none. At the end, cached images
 * of cards this build no longer has are deleted. The content check warns of
 * every character a card would draw as a box (`checkForBuild`).
 */
export default function shareImages(): AstroIntegration {
  let building = false;
  return {
    name: 'explainer:share-images',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:build:start': () => {
        if (!building) return;
        const { content, drawer } = buildContext();
        // The content check has already warned of characters a card draws as a box (`checkForBuild`).
        drawer.prefetch(publishedShareCards(content).map(({ key, card }) => [key, card]));
      },
      // Every image has been written (the build context stops the workers after the last hook).
      'astro:build:done': () => {
        if (!building) return;
        const { drawer } = buildContext();
        drawer.pruneCache();
        if (process.env['EXPLAINER_TIMING'] !== '1') return;
        // `EXPLAINER_TIMING=1` (set by `npm run bench`) logs who drew the images.
        const { drawn } = drawer;
        console.log(
          `[explainer:timing] share images: ${drawn.byWorkers} drawn by workers, ${drawn.here} on the main thread, ${drawn.fromCache} from the cache`,
        );
      },
    },
  };
}
