import type { APIRoute, GetStaticPaths } from 'astro';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getSiteIndex } from '../../../data/site-index.ts';
import { shareCard, SHARE_KINDS, type ShareKind } from '../../../lib/page-meta.ts';
import { drawerSize, ShareDrawer } from '../../../lib/share-drawer.ts';
import { settings } from '../../../settings.ts';

/** Draws the images on worker threads while the main thread renders pages (src/lib/share-drawer.ts). */
const drawer = new ShareDrawer(resolve('src/lib/share-worker.ts'), drawerSize());
// `EXPLAINER_TIMING=1` (set by `npm run bench`) logs who drew the images.
if (process.env['EXPLAINER_TIMING'] === '1') {
  process.once('exit', () => console.log(`[explainer:timing] share images: ${drawer.drawn.byWorkers} drawn by workers, ${drawer.drawn.here} on the main thread`));
}

/** The footer line of every card: the site's name and where it lives. */
function siteLine(): string {
  const host = new URL(import.meta.env.BASE_URL, settings.site).href.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return `${settings.title} · ${host}`;
}

/**
 * With a warm incremental cache most images are restored, not drawn: drawing
 * them all ahead would waste the spare core. A cold build draws every one.
 */
function everyImageWillBeDrawn(): boolean {
  return process.env['INCREMENTAL_BUILD'] === '0' || !existsSync(join(resolve(settings.cacheDir), 'incremental-build.json'));
}

/** A 1200×630 share image for every article, actor and figure: `/share/actors/<id>.png`. */
export const getStaticPaths = (async () => {
  const index = await getSiteIndex();
  const ids: Record<ShareKind, Iterable<string>> = { articles: index.articles.keys(), actors: index.actors.keys(), figures: index.figures.keys() };
  const paths = SHARE_KINDS.flatMap((kind) => [...ids[kind]].map((id) => ({ kind, id })));
  if (!import.meta.env.DEV && everyImageWillBeDrawn()) {
    const site = siteLine();
    drawer.prefetch(paths.flatMap(({ kind, id }) => {
      const card = shareCard(index, kind, id, site);
      return card ? [[`${kind}/${id}`, card] as [string, NonNullable<typeof card>]] : [];
    }));
  }
  // `cacheKey` (incremental build): the image is drawn again only when an entry its page shows changes.
  return paths.map(({ kind, id }) => ({ params: { kind, id }, cacheKey: `${settings.title}|${index.cacheKey(kind, id)}` }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const index = await getSiteIndex();
  const kind = params.kind as ShareKind;
  const id = params.id ?? '';
  const card = shareCard(index, kind, id, siteLine());
  if (!card) return new Response(null, { status: 404 });
  const png = await drawer.draw(`${kind}/${id}`, card);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
