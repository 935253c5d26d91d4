import type { SitemapItem } from '@astrojs/sitemap';
import { buildContext } from '../loaders/build-context.ts';
import { lastModified } from '../model/dates.ts';
import { sitePath } from '../site/format.ts';

/**
 * A `serialize` hook for `@astrojs/sitemap` that gives each article page its
 * `lastmod`: the date it last changed ({@link lastModified}, the same date as
 * its structured data's `dateModified`). Other pages carry no date of their
 * own and get none. The dates come from the content check that ran before the
 * build (no second read).
 */
export function articleLastmod(options: { contentDir: () => string; root: string; site: string; base: string }) {
  let dates: Map<string, string> | undefined;
  return (item: SitemapItem): SitemapItem => {
    dates ??= new Map(
      buildContext({ contentDir: options.contentDir(), root: options.root }).content.set.articles.map((article) => [
        new URL(sitePath(options.base, 'articles', article.id), options.site).href,
        lastModified(article.data),
      ]),
    );
    const date = dates.get(item.url);
    return date === undefined ? item : { ...item, lastmod: date };
  };
}
