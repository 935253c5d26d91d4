import { getCollection } from 'astro:content';
import type { ContentSet, Entity } from '../model/content-set.ts';
import { buildCrossIndex } from '../site/cross-index.ts';
import { bodyRefs } from '../check/mdx-refs.ts';
import { findBuildContext } from '../loaders/build-context.ts';
import { isoToday } from '../model/roles.ts';
import { readSiteFile } from '../check/check-content.ts';
import { resolveSite, type Site } from '../model/site.ts';
import { localize, type Localized } from '../messages/index.ts';
import { contentPath, publishInstant, settings } from '../settings.ts';
import { publishedAt } from '../site/schedule.ts';
import { buildTimeline } from '../site/timeline.ts';
import { createPageKeys } from '../site/page-keys.ts';
import type { SiteIndex } from '../site/site-index.ts';

export type { SiteIndex };

function toEntity<T>(
  entry: { id: string; data: T; filePath?: string | undefined; body?: string | undefined },
  format?: 'md' | 'mdx',
): Entity<T> {
  const file = entry.filePath ?? entry.id;
  const body = typeof entry.body === 'string' ? entry.body : undefined;
  if (format === undefined || body === undefined) return { id: entry.id, data: entry.data, file, refs: undefined };
  // The references the content check found in this same text (no second parse), otherwise parsed now.
  return {
    id: entry.id,
    data: entry.data,
    file,
    refs: findBuildContext()?.checkedRefs(file, body) ?? bodyRefs(file, body, format),
  };
}

async function buildSiteIndex(): Promise<SiteIndex> {
  const started = performance.now();
  const index = await buildSiteIndexUntimed();
  // `EXPLAINER_TIMING=1` (set by `npm run bench`) logs how long it took, once per build.
  if (process.env['EXPLAINER_TIMING'] === '1')
    console.log(`[explainer:timing] site index built in ${(performance.now() - started).toFixed(1)} ms`);
  return index;
}

async function buildSiteIndexUntimed(): Promise<SiteIndex> {
  const includeDrafts = import.meta.env.EXPLAINER_DEV;
  const [articles, actors, figures, statements, sources, events] = await Promise.all([
    getCollection('articles', (entry) => includeDrafts || entry.data.draft !== true),
    getCollection('actors'),
    getCollection('figures'),
    getCollection('statements'),
    getCollection('sources'),
    getCollection('events'),
  ]);
  articles.sort((a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id));
  const written: ContentSet = {
    articles: articles.map((entry) => toEntity(entry, 'mdx')),
    actors: actors.map((entry) => toEntity(entry, 'md')),
    figures: figures.map((entry) => toEntity(entry, 'md')),
    statements: statements.map((entry) => toEntity(entry)),
    sources: sources.map((entry) => toEntity(entry)),
    events: events.map((entry) => toEntity(entry)),
  };
  // A build publishes what is due; the live preview shows what is scheduled too, as it shows drafts.
  const set = includeDrafts ? written : publishedAt(written, publishInstant());
  const published = new Set(set.articles.map((article) => article.id));
  const map = <T>(list: Entity<T>[]) => new Map(list.map((entity) => [entity.id, entity]));
  const site = getSite();
  const index: Omit<SiteIndex, 'cacheKey'> = {
    set,
    links: buildCrossIndex(set),
    articles: map(set.articles),
    actors: map(set.actors),
    statements: map(set.statements),
    sources: map(set.sources),
    figures: map(set.figures),
    events: map(set.events),
    bodies: {
      // Only the articles published in this run have a page.
      articles: new Map(articles.filter((entry) => published.has(entry.id)).map((entry) => [entry.id, entry])),
      actors: new Map(actors.map((entry) => [entry.id, entry])),
      figures: new Map(figures.map((entry) => [entry.id, entry])),
    },
    timeline: buildTimeline(set, site.timeZone),
    site,
    text: localize(site.locale),
    today: settings.buildDate ?? isoToday(),
  };
  const digests = {
    articles: index.bodies.articles,
    actors: index.bodies.actors,
    figures: index.bodies.figures,
  } as Record<string, Map<string, { digest?: string; body?: string }>>;
  const cacheKey = createPageKeys({
    set,
    links: index.links,
    timeline: index.timeline,
    // Every page shows the site's identity: a change to it renders every page again.
    global: JSON.stringify([index.today, site]),
    bodyDigest: (collection, id) => {
      const entry = digests[collection]?.get(id);
      return entry?.digest ?? entry?.body;
    },
  });
  return { ...index, cacheKey };
}

/**
 * The site index, built once per build (kept in the build context). In `astro
 * dev` it is built again for each request so that content edits show without a
 * restart; without a build context (component tests) it is built for each call.
 */
export function getSiteIndex(): Promise<SiteIndex> {
  const context = findBuildContext();
  if (import.meta.env.EXPLAINER_DEV || context === undefined) return buildSiteIndex();
  return context.once(buildSiteIndex);
}

/**
 * The newsroom's identity: the checked `site.yaml` of this run (checked again
 * after an edit in `astro dev`), with `SITE_TITLE` and `SITE_TIMEZONE` winning
 * where set. Without a build context (component tests), the file is read now.
 */
export function getSite(): Site {
  const context = findBuildContext();
  return resolveSite(context?.content.site ?? readSiteFile(contentPath(), process.cwd()).site, settings);
}

/** What the site's locale gives the pages: the words of the interface, `lang` and `dir`, the locale of dates and numbers. */
export function getText(): Localized {
  return localize(getSite().locale);
}

/** Looks up an entity that the content check guarantees exists. */
export function must<T>(map: Map<string, T>, id: string, what: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`Internal error: ${what} "${id}" missing after the content check`);
  return found;
}
