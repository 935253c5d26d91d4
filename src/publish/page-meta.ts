import { onePerKey } from '../model/per-key.ts';
import type { Localized } from '../messages/index.ts';
import type { SiteIndex } from '../site/site-index.ts';
import type { Actor } from '../model/actor.ts';
import type { Article } from '../model/article.ts';
import type { Figure } from '../model/figure.ts';
import { valueAxis } from '../site/chart.ts';
import { formatDate } from '../model/dates.ts';
import { formatEstimate, sitePath } from '../site/format.ts';
import { actorJsonLd, articleJsonLd, figureJsonLd, statementJsonLd, type JsonLd, type LinkContext } from './jsonld.ts';
import { roleAt } from '../model/roles.ts';
import type { ShareCard } from '../share/share-image.ts';

/** Kinds of page that have structured data of their own. */
export type EntityKind = 'articles' | 'actors' | 'statements' | 'figures';
/** Kinds of page that have a share image of their own. */
export const SHARE_KINDS = ['articles', 'actors', 'figures'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** The entity a page shows, as its layout names it. */
export interface EntityRoute {
  kind: EntityKind;
  id: string;
}

/** Site path of a share image: `/base/share/actors/x.png`. */
export function shareImagePath(base: string, kind: ShareKind, id: string): string {
  return `${sitePath(base, 'share', kind)}${encodeURIComponent(id)}.png`;
}

const monthFormat = onePerKey(
  (locale) => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
);

/** `2024-03-12` gives `Mar 2024` in `en-GB`. */
function formatMonth(iso: string, locale: string): string {
  return monthFormat(locale).format(new Date(`${iso}T00:00:00Z`));
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/**
 * What share images read: the site index in the pages, or the same entries
 * from the content check when the build draws them ahead (src/integrations/share-images.ts).
 */
export interface ShareIndex {
  articles: ReadonlyMap<string, { data: Article }>;
  actors: ReadonlyMap<string, { data: Actor }>;
  figures: ReadonlyMap<string, { data: Figure }>;
  /** The build date, for the role an actor holds. */
  today: string;
}

/** The footer line of an entity's share image: the site's name and where it lives. */
export function shareSiteLine(title: string, site: string, base: string): string {
  const host = new URL(base, site).href.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return `${title} · ${host}`;
}

/** Every share image of the site as `[kind/id, card]`, in page order. */
export function shareCards(index: ShareIndex, site: string, text: Localized): [key: string, card: ShareCard][] {
  return SHARE_KINDS.flatMap((kind) =>
    [...index[kind].keys()].flatMap((id) => {
      const card = shareCard(index, kind, id, site, text);
      return card ? [[`${kind}/${id}`, card] as [string, ShareCard]] : [];
    }),
  );
}

/** What a share image of an entity shows, taken from the content. */
export function shareCard(
  index: ShareIndex,
  kind: ShareKind,
  id: string,
  site: string,
  { m, locale }: Localized,
): ShareCard | undefined {
  if (kind === 'articles') {
    const article = index.articles.get(id)?.data;
    if (!article) return undefined;
    const updated = article.updated ? `, ${m.share.updated(formatDate(article.updated, locale))}` : '';
    return {
      lang: locale,
      label: m.share.article,
      title: article.title,
      subtitle: `${article.description}`,
      rows: undefined,
      more: undefined,
      site: `${site} · ${formatDate(article.published, locale)}${updated}`,
    };
  }
  if (kind === 'actors') {
    const actor = index.actors.get(id)?.data;
    if (!actor) return undefined;
    const held = roleAt(actor, index.today, index.today);
    const of = held?.role.of ? index.actors.get(held.role.of)?.data.name : undefined;
    const role = held && !held.ended ? [held.role.title, of].filter(Boolean).join(', ') : undefined;
    return {
      lang: locale,
      label: m.actorKinds[actor.kind],
      title: actor.name,
      subtitle: role ?? actor.description,
      site,
    };
  }
  const figure = index.figures.get(id)?.data;
  if (!figure) return undefined;
  const shown = figure.estimates.slice(0, 5);
  // The chart's axis: bars start at zero, ranges span low to high, negative values extend left.
  const axis = valueAxis(figure.estimates);
  return {
    lang: locale,
    label: m.share.figure(figure.estimates.length, figure.unit),
    title: figure.title,
    subtitle: undefined,
    rows: shown.map((estimate) => ({
      label: index.actors.get(estimate.by)?.data.name ?? estimate.by,
      note: formatMonth(estimate.date, locale),
      value: formatEstimate(estimate, figure, locale, true),
      bar:
        estimate.value !== undefined
          ? ([axis.fraction(Math.min(0, estimate.value)), axis.fraction(Math.max(0, estimate.value))] as const)
          : ([axis.fraction(estimate.low ?? 0), axis.fraction(estimate.high ?? 0)] as const),
    })),
    more: figure.estimates.length > shown.length ? m.share.more(figure.estimates.length - shown.length) : undefined,
    site,
  };
}

/** What the site-wide share image shows: the site's name and what it covers, counted. */
export function siteCard(index: SiteIndex, title: string, site: string, { m, locale }: Localized): ShareCard {
  return {
    lang: locale,
    label: m.share.site,
    title,
    subtitle: [
      m.share.articles(index.set.articles.length),
      m.share.actors(index.set.actors.length),
      m.share.statements(index.set.statements.length),
      m.share.figures(index.set.figures.length),
      m.share.sources(index.set.sources.length),
    ].join(' · '),
    site,
  };
}

/** Site path of the site-wide share image. */
export function siteImagePath(base: string): string {
  return `${sitePath(base, 'share')}site.png`;
}

/** What a page's head shares: its image and the image's text, its JSON-LD, and an article's dates. */
export interface HeadMeta {
  /** Absolute URL of the share image. */
  image: string;
  imageAlt: string;
  jsonLd: JsonLd | undefined;
  article: Article | undefined;
}

/**
 * The head metadata of a page, from the entity its layout says it shows (none
 * for home and list pages). An article, actor or figure shares its own image; a
 * statement shares its speaker's; other pages share the site's.
 */
export function headMeta(
  index: SiteIndex,
  entity: EntityRoute | undefined,
  page: { base: string; title: string; home: string; absolute: (path: string) => string },
): HeadMeta {
  const { base, absolute } = page;
  const { publisher } = index.site;
  const siteName = index.site.title;
  const shareKind =
    entity && (SHARE_KINDS as readonly string[]).includes(entity.kind) ? (entity.kind as ShareKind) : undefined;
  const ownImage = entity && shareKind ? absolute(shareImagePath(base, shareKind, entity.id)) : undefined;
  const speaker = entity?.kind === 'statements' ? index.statements.get(entity.id)?.data.speaker : undefined;
  const image =
    ownImage ?? (speaker ? absolute(shareImagePath(base, 'actors', speaker)) : absolute(siteImagePath(base)));
  const imageAlt = ownImage ? page.title : speaker ? (index.actors.get(speaker)?.data.name ?? page.title) : siteName;
  const url = (...parts: string[]) => absolute(sitePath(base, ...parts));
  const jsonLd = entity
    ? pageJsonLd(index, entity, {
        url,
        image: ownImage,
        siteName,
        inLanguage: index.text.locale,
        home: page.home,
        publisher: publisher && { ...publisher, logo: publisher.logo && absolute(`${base}${publisher.logo}`) },
      })
    : undefined;
  const article = entity?.kind === 'articles' ? index.articles.get(entity.id)?.data : undefined;
  return { image, imageAlt, jsonLd, article };
}

/** The JSON-LD of an entity page, or undefined for other pages. */
export function pageJsonLd(index: SiteIndex, route: EntityRoute, ctx: LinkContext): JsonLd | undefined {
  const actor = (id: string) => {
    const found = index.actors.get(id);
    return found ? { id, data: found.data } : undefined;
  };
  const source = (id: string) => {
    const found = index.sources.get(id);
    return found ? { id, data: found.data } : undefined;
  };
  switch (route.kind) {
    case 'articles': {
      const article = index.articles.get(route.id);
      if (!article) return undefined;
      const sources = (index.links.articles.get(route.id)?.sources ?? []).map(source).filter(present);
      return articleJsonLd(article.data, ctx, route.id, sources);
    }
    case 'actors': {
      const found = index.actors.get(route.id);
      if (!found) return undefined;
      const parents = (found.data.partOf ?? []).map(actor).filter(present);
      return actorJsonLd(found.data, ctx, route.id, parents);
    }
    case 'statements': {
      const statement = index.statements.get(route.id);
      const speaker = statement ? actor(statement.data.speaker) : undefined;
      if (!statement || !speaker) return undefined;
      const about = (statement.data.about ?? []).map(actor).filter(present);
      return statementJsonLd(
        statement.data,
        ctx,
        route.id,
        speaker,
        about,
        statement.data.sources.map(source).filter(present),
      );
    }
    case 'figures': {
      const figure = index.figures.get(route.id);
      if (!figure) return undefined;
      const claimants = [...new Set(figure.data.estimates.map((e) => e.by))].map(actor).filter(present);
      const sources = [...new Set(figure.data.estimates.map((e) => e.source))].map(source).filter(present);
      return figureJsonLd(figure.data, ctx, route.id, claimants, sources, new URL('data/estimates.csv', ctx.home).href);
    }
  }
}
