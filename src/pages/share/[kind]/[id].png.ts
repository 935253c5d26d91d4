import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../../../data/site-index.ts';
import { shareCard, SHARE_KINDS, type ShareKind } from '../../../lib/page-meta.ts';
import { renderShareImage } from '../../../lib/share-image.ts';
import { settings } from '../../../settings.ts';

/** A 1200×630 share image for every article, actor and figure: `/share/actors/<id>.png`. */
export const getStaticPaths = (async () => {
  const index = await getSiteIndex();
  const ids: Record<ShareKind, Iterable<string>> = { articles: index.articles.keys(), actors: index.actors.keys(), figures: index.figures.keys() };
  // `cacheKey` (incremental build): the image is drawn again only when an entry its page shows changes.
  return SHARE_KINDS.flatMap((kind) => [...ids[kind]].map((id) => ({ params: { kind, id }, cacheKey: `${settings.title}|${index.cacheKey(kind, id)}` })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const index = await getSiteIndex();
  const host = new URL(import.meta.env.BASE_URL, site).href.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const card = shareCard(index, params.kind as ShareKind, params.id ?? '', `${settings.title} · ${host}`);
  if (!card) return new Response(null, { status: 404 });
  const png = await renderShareImage(card);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
