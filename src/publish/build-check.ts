import { checkContentDir, type ContentCheck } from '../check/check-content.ts';
import type { BodyRefsCache } from '../check/body-refs-cache.ts';
import { byId, type ContentSet, type Entity } from '../model/content-set.ts';
import { sortProblems } from '../model/problems.ts';
import { isoToday } from '../model/roles.ts';
import { resolveSite, type SiteFile } from '../model/site.ts';
import { localize } from '../messages/index.ts';
import { publishInstant, settings } from '../settings.ts';
import { missingGlyphWarnings } from '../share/missing-glyphs.ts';
import type { ShareCard } from '../share/share-image.ts';
import { publishedAt } from '../site/schedule.ts';
import { shareCards, shareSiteLine } from './page-meta.ts';

/** A share image the build draws, with the entry it shows (for warnings that name its file). */
export interface PublishedCard {
  key: string;
  card: ShareCard;
  entity: Entity<unknown> | undefined;
}

/**
 * Every share image a build made now publishes, from the checked content:
 * scheduled articles and updates left out, drafts left out.
 */
export function publishedShareCards(content: { set: ContentSet; site: SiteFile }): PublishedCard[] {
  const set = publishedAt(content.set, publishInstant());
  const index = {
    articles: byId(set.articles.filter((article) => article.data.draft !== true)),
    actors: byId(set.actors),
    figures: byId(set.figures),
    today: settings.buildDate ?? isoToday(),
  };
  const { title, locale } = resolveSite(content.site, settings);
  return shareCards(index, shareSiteLine(title, settings.site, settings.base), localize(locale)).map(([key, card]) => {
    const [kind = '', id = ''] = key.split('/');
    const entity = kind === 'articles' || kind === 'actors' || kind === 'figures' ? index[kind].get(id) : undefined;
    return { key, card, entity };
  });
}

/**
 * The check a build makes before it writes anything, and the one `npm run check`
 * and `astro dev` print: every content file checked (`checkContentDir`), and a
 * warning for every character a share image would draw as a box. One function,
 * so the checker and the build cannot report different problems.
 */
export function checkForBuild(
  contentDir: string,
  root: string,
  options: { bodyCache?: BodyRefsCache } = {},
): ContentCheck {
  const checked = checkContentDir(contentDir, root, options);
  const cards = publishedShareCards(checked).flatMap(({ card, entity }) => (entity ? [{ card, entity }] : []));
  const glyphs = missingGlyphWarnings(cards);
  return glyphs.length === 0 ? checked : { ...checked, problems: sortProblems([...checked.problems, ...glyphs]) };
}
