import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSiteIndex } from '../data/site-index.ts';
import { feedImage, feedItems } from '../publish/feed.ts';
import { correctionLink, loggedEntries } from '../site/corrections.ts';
import { instantOf } from '../model/times.ts';
import { sitePath } from '../site/format.ts';

/** `/rss.xml`: every published article, every entry of its update log, and every update of any other entry, newest first. */
export const GET: APIRoute = async ({ site }) => {
  const index = await getSiteIndex();
  const base = import.meta.env.BASE_URL;
  const absolute = (path: string) => new URL(path, site).href;
  const items = feedItems(index.text.m, index.set.articles, (slug) => absolute(sitePath(base, 'articles', slug)), {
    entries: loggedEntries(index.set, index.text),
    updateUrl: (entry, anchor) => absolute(correctionLink({ kind: entry.kind, id: entry.id, anchor }, base)),
  });
  const home = absolute(sitePath(base));
  const logo = index.site.publisher?.logo;
  const image = feedImage(logo && absolute(`${base}${logo}`), { title: index.site.title, link: home });
  return rss({
    title: index.site.title,
    description: index.site.description,
    site: home,
    items: items.map((item) => ({
      title: item.title,
      link: item.link,
      pubDate: new Date(instantOf(item.date, item.time)),
      description: item.description,
    })),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // The feed's own address, as feed validators expect.
    customData: `<language>${index.text.locale}</language><atom:link href="${absolute(`${sitePath(base)}rss.xml`)}" rel="self" type="application/rss+xml"/>${image}`,
  });
};
