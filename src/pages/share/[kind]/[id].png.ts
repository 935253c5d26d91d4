import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../../../data/site-index.ts';
import { shareCard, shareSiteLine, SHARE_KINDS, type ShareKind } from '../../../publish/page-meta.ts';
import { buildContext } from '../../../loaders/build-context.ts';
import { settings } from '../../../settings.ts';

/** A 1200×630 share image for every article, actor and figure: `/share/actors/<id>.png`. */
export const getStaticPaths = (async () => {
  const index = await getSiteIndex();
  const ids: Record<ShareKind, Iterable<string>> = {
    articles: index.articles.keys(),
    actors: index.actors.keys(),
    figures: index.figures.keys(),
  };
  // `cacheKey` (incremental build): the image is drawn again only when an entry its page shows changes.
  return SHARE_KINDS.flatMap((kind) =>
    [...ids[kind]].map((id) => ({ params: { kind, id }, cacheKey: index.cacheKey(kind, id) })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const index = await getSiteIndex();
  const kind = params.kind as ShareKind;
  const id = params.id ?? '';
  const card = shareCard(
    index,
    kind,
    id,
    shareSiteLine(index.site.title, settings.site, import.meta.env.BASE_URL),
    index.text,
  );
  if (!card) return new Response(null, { status: 404 });
  // The run's drawer, which has been drawing since the build started (src/integrations/share-images.ts).
  const png = await buildContext().drawer.draw(`${kind}/${id}`, card);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
