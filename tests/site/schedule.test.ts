// Scheduled publishing, end to end: what the fixture story schedules for later is nowhere in
// the build published as of now (the domain-root build) and everywhere in the build published
// as of a moment after it (the subfolder build of publishing-base.test.ts): its page, the lists
// that link to it, the feed, the sitemap, the search index and the open data files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkContentDir } from '../../src/check/check-content.ts';
import type { ContentSet } from '../../src/model/content-set.ts';
import { instantOf } from '../../src/model/times.ts';
import { updateIds } from '../../src/model/updates.ts';
import { localize } from '../../src/messages/index.ts';
import { correctionLink, loggedEntries } from '../../src/site/corrections.ts';
import { sitePath } from '../../src/site/format.ts';
import { publicationInstant } from '../../src/site/schedule.ts';
import { FIXTURE_SETTINGS, FIXTURE_STORY, fixtureBuild, ROOT, type BuildResult } from '../helpers/build.ts';
import { listFiles, loadPages, parseXml, xmlTexts } from './publishing-helpers.ts';
import { LATER, publishingBuild } from './publishing-suite.ts';

/** One built site, read once: where to find a scheduled item in it. */
interface Site {
  label: string;
  origin: string;
  base: string;
  build: BuildResult;
  /** Every `href` of every page, by page. */
  links: Map<string, string[]>;
  pages: Set<string>;
  /** The element ids of every page, by page. */
  anchors: Map<string, Set<string>>;
  feed: string[];
  sitemap: string[];
  /** Search index fragments: page path under the base (`/actors/x/`) → indexed text. */
  search: Map<string, string>;
  /** The open data files, as text. */
  data: string;
}

function readSite(label: string, build: BuildResult, origin: string, base: string): Site {
  if (build.status !== 0) throw new Error(`${label} build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
  const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
  const trees = loadPages(build.outDir);
  const links = new Map(
    [...trees].map(([path, tree]) => [path, selectAll('a[href]', tree).map((a) => String(a.properties['href']))]),
  );
  const fragments = join(build.outDir, 'pagefind', 'fragment');
  const search = new Map(
    readdirSync(fragments).map((name) => {
      const bytes = gunzipSync(readFileSync(join(fragments, name)));
      const fragment = JSON.parse(bytes.subarray(bytes.indexOf('{')).toString('utf8')) as {
        url: string;
        content: string;
      };
      return [fragment.url, fragment.content];
    }),
  );
  const sitemap = xmlTexts(parseXml(read('sitemap-index.xml')), 'loc').flatMap((loc) =>
    xmlTexts(parseXml(read(new URL(loc).pathname.slice(base.length))), 'loc'),
  );
  const data = listFiles(build.outDir)
    .filter((file) => file.startsWith('data/') && /\.(json|csv)$/.test(file))
    .map(read)
    .join('\n');
  return {
    label,
    origin,
    base,
    build,
    links,
    pages: new Set(trees.keys()),
    anchors: new Map(
      [...trees].map(([path, tree]) => [
        path,
        new Set(selectAll('[id]', tree).map((el) => String(el.properties['id']))),
      ]),
    ),
    feed: xmlTexts(parseXml(read('rss.xml')), 'link'),
    sitemap,
    search,
    data,
  };
}

/** What the story schedules for later than `now`: articles, and update-log entries of any kind of entry. */
function scheduled(set: ContentSet, now: number) {
  const articles = set.articles.filter(
    (article) => article.data.draft !== true && publicationInstant(article.data) > now,
  );
  const updates = loggedEntries(set, localize('en-GB')).flatMap((entry) => {
    const ids = updateIds(entry.updates);
    return entry.updates.flatMap((update, index) =>
      instantOf(update.date, update.time) > now
        ? [{ kind: entry.kind, id: entry.id, anchor: `update-${ids[index]}`, summary: update.summary }]
        : [],
    );
  });
  return { articles, updates };
}

/** Where a scheduled article is found in a site: true for each place that has it. */
function articleIn(site: Site, { id: slug, data: article }: ContentSet['articles'][number]) {
  const path = sitePath(site.base, 'articles', slug);
  const url = `${site.origin}${path}`;
  const linkingPages = [...site.links].filter(([, hrefs]) => hrefs.some((href) => href.split('#')[0] === path));
  return {
    page: site.pages.has(`/articles/${slug}/`),
    'home page list': linkingPages.some(([page]) => page === '/'),
    'articles list': linkingPages.some(([page]) => page === '/articles/'),
    feed: site.feed.includes(url),
    sitemap: site.sitemap.includes(url),
    'search index': site.search.get(`/articles/${slug}/`)?.includes(article.title) ?? false,
  };
}

/** Where a scheduled update is found in a site. */
function updateIn(site: Site, update: ReturnType<typeof scheduled>['updates'][number]) {
  const link = correctionLink(update, site.base);
  const linked = (page: string) => site.links.get(page)?.includes(link) ?? false;
  const [path = '', anchor = ''] = link.split('#');
  const page = `/${path.slice(site.base.length)}`;
  return {
    'its page': site.anchors.get(page)?.has(anchor) ?? false,
    'home page list': linked('/'),
    feed: site.feed.includes(`${site.origin}${link}`),
    'search index': site.search.get(page)?.includes(update.summary) ?? false,
    // Articles are not in the open data; every other kind is, with its update log.
    ...(update.kind === 'articles' ? {} : { 'data files': site.data.includes(JSON.stringify(update.summary)) }),
  };
}

let now: Site;
let later: Site;
let story: ContentSet;

beforeAll(() => {
  now = readSite('now', fixtureBuild(), FIXTURE_SETTINGS.SITE_URL, FIXTURE_SETTINGS.BASE_PATH);
  later = readSite(
    'later',
    publishingBuild(LATER.site, LATER.base, LATER.publishTime),
    new URL(LATER.site).origin,
    LATER.base,
  );
  story = checkContentDir(resolve(ROOT, FIXTURE_STORY), ROOT).set;
});

describe('scheduled publishing', () => {
  test('the fixture story schedules an article and an update for later than now, and nothing after the later build', () => {
    const { articles, updates } = scheduled(story, Date.now());
    expect(articles.length).toBeGreaterThan(0);
    expect(updates.length).toBeGreaterThan(0);
    expect(scheduled(story, Date.parse(LATER.publishTime))).toEqual({ articles: [], updates: [] });
  });

  test('a scheduled article is nowhere before its time and everywhere after it', () => {
    for (const article of scheduled(story, Date.now()).articles) {
      const everywhere = Object.fromEntries(Object.keys(articleIn(now, article)).map((place) => [place, true]));
      expect(articleIn(later, article), article.id).toEqual(everywhere);
      expect(
        Object.values(articleIn(now, article)).some((found) => found),
        article.id,
      ).toBe(false);
      // No page of the build published now links to it at all.
      for (const [page, hrefs] of now.links)
        expect(
          hrefs.filter((href) => href.includes(`/articles/${article.id}/`)),
          page,
        ).toEqual([]);
    }
  });

  test('a scheduled update is nowhere before its time and everywhere after it', () => {
    for (const update of scheduled(story, Date.now()).updates) {
      const where = `${update.kind}/${update.id}#${update.anchor}`;
      const everywhere = Object.fromEntries(Object.keys(updateIn(now, update)).map((place) => [place, true]));
      expect(updateIn(later, update), where).toEqual(everywhere);
      const before = updateIn(now, update);
      expect(before, where).toEqual(Object.fromEntries(Object.keys(before).map((place) => [place, false])));
    }
  });
});
