import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../../../data/site-index.ts';
import { shareCard, shareSiteLine, SHARE_KINDS, type ShareKind } from '../../../publish/page-meta.ts';
import { buildDrawer } from '../../../share/share-drawer.ts';
import { settings } from '../../../settings.ts';

/** The drawer the build started at its beginning (src/integrations/share-images.ts), or a new one in dev. */
const drawer = buildDrawer(process.cwd());
// `EXPLAINER_TIMING=1` (set by `npm run bench`) logs who drew the images.
if (process.env['EXPLAINER_TIMING'] === '1') {
  process.once('exit', () => console.log(`[explainer:timing] share images: ${drawer.drawn.byWorkers} drawn by workers, ${drawer.drawn.here} on the main thread`));
}

/** A 1200×630 share image for every article, actor and figure: `/share/actors/<id>.png`. */
export const getStaticPaths = (async () => {
  const index = await getSiteIndex();
  const ids: Record<ShareKind, Iterable<string>> = { articles: index.articles.keys(), actors: index.actors.keys(), figures: index.figures.keys() };
  // `cacheKey` (incremental build): the image is drawn again only when an entry its page shows changes.
  return SHARE_KINDS.flatMap((kind) => [...ids[kind]].map((id) => ({ params: { kind, id }, cacheKey: `${settings.title}|${index.cacheKey(kind, id)}` })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const index = await getSiteIndex();
  const kind = params.kind as ShareKind;
  const id = params.id ?? '';
  const card = shareCard(index, kind, id, shareSiteLine(settings.title, settings.site, import.meta.env.BASE_URL));
  if (!card) return new Response(null, { status: 404 });
  const png = await drawer.draw(`${kind}/${id}`, card);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
