import type { APIRoute } from 'astro';
import { getSiteIndex } from '../../data/site-index.ts';
import { shareSiteLine, siteCard } from '../../publish/page-meta.ts';
import { buildContext } from '../../loaders/build-context.ts';
import { settings } from '../../settings.ts';

/** `/share/site.png`: the share image of every page without one of its own (home, lists, timeline). */
export const GET: APIRoute = async () => {
  const index = await getSiteIndex();
  const png = await buildContext().drawer.draw(
    'site',
    siteCard(
      index,
      index.site.title,
      shareSiteLine(index.site.title, settings.site, import.meta.env.BASE_URL),
      index.text,
    ),
  );
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
