import type { AstroIntegration } from 'astro';
import { byId } from '../model/content-set.ts';
import { resolveSite } from '../model/site.ts';
import { localize } from '../messages/index.ts';
import { isoToday } from '../model/roles.ts';
import { shareCards, shareSiteLine } from '../publish/page-meta.ts';
import { buildContext } from '../loaders/build-context.ts';
import { publishInstant, settings } from '../settings.ts';
import { missingGlyphWarnings } from '../share/missing-glyphs.ts';
import { formatReport } from '../model/problems.ts';
import { publishedAt } from '../site/schedule.ts';

/**
 * Starts drawing every share image that is not cached yet on worker threads as
 * soon as `astro build` starts, from the content the check has already read,
 * so that the drawing overlaps the bundling and the page render instead of
 * waiting for the share route's turn. The route
 * (`src/pages/share/[kind]/[id].png.ts`) takes the finished images, reads the
 * cached ones (`src/share/share-cache.ts`), and draws any card no worker has
 * reached: after a one-file edit only the cards that edit changed are drawn,
 * and an empty `dist/` with a warm cache draws none. At the end, cached images
 * of cards this build no longer has are deleted. Every build warns of every
 * character a card would draw as a box.
 */
export default function shareImages(): AstroIntegration {
  let building = false;
  return {
    name: 'explainer:share-images',
    hooks: {
      'astro:config:setup': ({ command }) => {
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
        const { title, locale } = resolveSite(content.site, settings);
        const cards = shareCards(index, shareSiteLine(title, settings.site, settings.base), localize(locale));
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
        drawer.prefetch(cards);
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
