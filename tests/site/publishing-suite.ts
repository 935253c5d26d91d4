import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { parse as parseCsv } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { publishedAt } from '../../src/site/schedule.ts';
import { checkContentDir } from '../../src/check/check-content.ts';
import type { ContentSet } from '../../src/model/content-set.ts';
import { FIXTURE_SETTINGS, FIXTURE_STORY, ROOT, sharedBuild, type BuildResult } from '../helpers/build.ts';
import {
  existsInBuild,
  jsonLdOf,
  listFiles,
  loadPages,
  metaContent,
  parseXml,
  pngSize,
  referencedUrls,
  textOf,
  xmlElements,
  xmlTexts,
} from './publishing-helpers.ts';

/** The fictional story every publishing test builds. */
export const CONTENT = FIXTURE_STORY;

/**
 * The fixture story's second build: in a subfolder, as on GitHub Pages, and
 * published as of a moment after everything the story schedules (schedule.test.ts
 * compares it with the build at the domain root, published as of now).
 */
export const LATER = {
  site: 'https://news.example.net',
  base: '/explainer/',
  publishTime: '2099-12-31T00:00Z',
} as const;

/**
 * The fixture story built once per run with this site URL, base path and, when
 * given, `PUBLISH_TIME`; shared with every suite that asks for the same.
 */
export function publishingBuild(site: string, base: string, publishTime?: string): BuildResult {
  return sharedBuild(CONTENT, {
    SITE_URL: site,
    BASE_PATH: base,
    BUILD_DATE: FIXTURE_SETTINGS.BUILD_DATE,
    ...(publishTime === undefined ? {} : { PUBLISH_TIME: publishTime }),
  });
}

/**
 * Builds the fixture story once with this site URL and base path (published as
 * of `publishTime`, else now), and checks everything a host, a feed reader, a
 * crawler and a data user meet against the story as published at that moment.
 */
export function publishingSuite(site: string, base: string, publishTime?: string): void {
  let build: BuildResult;
  let pages: Map<string, Root>;
  let files: Set<string>;
  let content: ContentSet;
  const origin = new URL(site).origin;
  /** Absolute URL of a path under the base: `abs('actors/x/')`. */
  const abs = (path = '') => `${origin}${base}${path}`;
  /** Turns a site URL or root-relative path into the path inside the build (with its #fragment), or undefined if it is not ours. */
  const inBuild = (url: string): string | undefined => {
    const parsed = new URL(url, abs());
    if (parsed.origin !== origin || !parsed.pathname.startsWith(base)) return undefined;
    return `/${parsed.pathname.slice(base.length)}${parsed.hash}`;
  };
  const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
  const published = () => content.articles.filter((article) => article.data.draft !== true);

  beforeAll(() => {
    // At the domain root this is the build the other fixture suites share.
    build = publishingBuild(site, base, publishTime);
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    pages = loadPages(build.outDir);
    files = new Set(listFiles(build.outDir));
    const checked = checkContentDir(resolve(ROOT, CONTENT), ROOT);
    // What the build published: nothing scheduled for later than its moment.
    content = publishedAt(checked.set, publishTime === undefined ? Date.now() : Date.parse(publishTime));
  });

  describe('links and URLs', () => {
    test('every internal link, script, stylesheet and image resolves, under the base path', () => {
      const broken: string[] = [];
      for (const [path, tree] of pages) {
        for (const url of referencedUrls(tree)) {
          if (/^(https?:)?\/\//.test(url) && !url.startsWith(origin)) continue;
          if (url.startsWith('#')) continue;
          const target = inBuild(url);
          if (target === undefined || !existsInBuild(files, target.split('#')[0]!.split('?')[0]!))
            broken.push(`${path} → ${url}`);
        }
      }
      expect(broken).toEqual([]);
      expect(pages.size).toBeGreaterThan(20);
    });

    test('links with a fragment point to an element that exists', () => {
      const missing: string[] = [];
      for (const [path, tree] of pages) {
        for (const url of referencedUrls(tree)) {
          const hash = url.indexOf('#');
          if (hash < 0 || url.length === hash + 1) continue;
          const target = url.startsWith('#') ? path : inBuild(url)?.split('#')[0];
          const page = target === undefined ? undefined : pages.get(target);
          if (!page) continue;
          const id = decodeURIComponent(url.slice(hash + 1));
          if (!select(`[id="${id.replace(/"/g, '\\"')}"]`, page)) missing.push(`${path} → ${url}`);
        }
      }
      expect(missing).toEqual([]);
    });

    test('every external link is http(s)', () => {
      const bad: string[] = [];
      for (const [path, tree] of pages) {
        for (const url of referencedUrls(tree)) {
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
          if (scheme !== undefined && scheme !== 'http' && scheme !== 'https')
            bad.push(`${path} → ${url.slice(0, 60)}`);
        }
      }
      expect(bad).toEqual([]);
    });

    test('every page has its canonical URL and an RSS alternate link', () => {
      for (const [path, tree] of pages) {
        if (path === '/404.html') continue;
        const canonical = select('link[rel~="canonical"]', tree)?.properties['href'];
        expect(canonical, path).toBe(abs(path.slice(1)));
        const alternate = select('link[rel~="alternate"][type="application/rss+xml"]', tree)?.properties['href'];
        expect(alternate, path).toBe(`${base}rss.xml`);
      }
    });
  });

  describe('feed', () => {
    test('rss.xml parses, has one item per article and per update of any entry, newest first, linking into the site', () => {
      const feed = parseXml(read('rss.xml'));
      const items = xmlElements(feed, 'item');
      const others = [
        ...content.actors,
        ...content.statements,
        ...content.figures,
        ...content.events,
        ...content.sources,
      ] as { data: { updates?: unknown[] } }[];
      const expected =
        published().reduce((sum, article) => sum + 1 + (article.data.updates?.length ?? 0), 0) +
        others.reduce((sum, entry) => sum + (entry.data.updates?.length ?? 0), 0);
      expect(items).toHaveLength(expected);
      const dates = items.map((item) => Date.parse(xmlTexts(item, 'pubDate')[0] ?? ''));
      expect(dates.every((date) => !Number.isNaN(date))).toBe(true);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      const links = items.map((item) => xmlTexts(item, 'link')[0] ?? '');
      expect(new Set(links).size).toBe(links.length);
      for (const link of links) {
        expect(/^(articles|statements|figures|actors|sources|timeline)\//.test(link.slice(abs().length)), link).toBe(
          true,
        );
        expect(pages.has(inBuild(link)!.split('#')[0]!), link).toBe(true);
      }
      for (const article of published()) expect(links).toContain(abs(`articles/${article.id}/`));
      const drafts = content.articles.filter((article) => article.data.draft === true);
      expect(drafts.length).toBeGreaterThan(0);
      for (const draft of drafts) expect(links.some((link) => link.includes(`/articles/${draft.id}/`))).toBe(false);
      expect(xmlTexts(feed, 'link')[0]).toBe(abs());
      const self = xmlElements(feed, 'atom:link')[0];
      expect(self?.attributes['href']).toBe(abs('rss.xml'));
      // The publisher's logo of site.yaml is the channel's image, titled and linked as the channel, and published.
      const image = xmlElements(feed, 'image')[0]!;
      expect(xmlTexts(image, 'title')[0]).toBe(xmlTexts(feed, 'title')[0]);
      expect(xmlTexts(image, 'link')[0]).toBe(abs());
      const logo = xmlTexts(image, 'url')[0]!;
      expect(logo).toBe(abs('images/fixture-press-logo.png'));
      expect(existsInBuild(files, inBuild(logo)!)).toBe(true);
    });

    test('update items link to their entry in the update log of its page (an event’s, under it on the timeline)', () => {
      const feed = parseXml(read('rss.xml'));
      const updates = xmlElements(feed, 'item').filter((item) =>
        /^(Update|Correction): /.test(xmlTexts(item, 'title')[0] ?? ''),
      );
      expect(updates.length).toBeGreaterThan(0);
      for (const item of updates) {
        const link = xmlTexts(item, 'link')[0]!;
        const [path, id] = inBuild(link)!.split('#');
        expect(select(`:is(.update-log, .event-updates) [id="${id}"]`, pages.get(path!)!), link).toBeTruthy();
      }
    });
  });

  describe('sitemap and robots.txt', () => {
    test('the sitemap lists every published page and no draft', () => {
      const index = parseXml(read('sitemap-index.xml'));
      const sitemaps = xmlTexts(index, 'loc');
      expect(sitemaps.length).toBeGreaterThan(0);
      const locs = sitemaps.flatMap((loc) => {
        expect(loc.startsWith(abs()), loc).toBe(true);
        return xmlTexts(parseXml(read(inBuild(loc)!.slice(1))), 'loc');
      });
      const expected = [...pages.keys()].filter((path) => path.endsWith('/')).map((path) => abs(path.slice(1)));
      expect([...locs].sort()).toEqual(expected.sort());
      for (const draft of content.articles.filter((article) => article.data.draft === true)) {
        expect(locs.some((loc) => loc.includes(`/articles/${draft.id}/`))).toBe(false);
      }
    });

    test('article pages carry their last update (or publication) date as lastmod; other pages none', () => {
      const urls = xmlTexts(parseXml(read('sitemap-index.xml')), 'loc').flatMap((loc) =>
        xmlElements(parseXml(read(inBuild(loc)!.slice(1))), 'url'),
      );
      const lastmod = new Map(urls.map((url) => [xmlTexts(url, 'loc')[0], xmlTexts(url, 'lastmod')[0]]));
      for (const article of published()) {
        const date = lastmod.get(abs(`articles/${article.id}/`));
        expect(date, article.id).toBeDefined();
        // The same date as the page's structured data.
        const dateModified = jsonLdOf(pages.get(`/articles/${article.id}/`)!).find(
          (node) => node['@type'] === 'NewsArticle',
        )?.['dateModified'];
        expect(date?.slice(0, 10)).toBe(dateModified);
      }
      expect(lastmod.get(abs('actors/'))).toBeUndefined();
    });

    test('robots.txt points to the sitemap', () => {
      const sitemap = /^Sitemap: (.+)$/m.exec(read('robots.txt'))?.[1];
      expect(sitemap).toBe(abs('sitemap-index.xml'));
      expect(files.has('sitemap-index.xml')).toBe(true);
    });
  });

  describe('structured data', () => {
    test('no JSON-LD block can close its script element', () => {
      for (const [path, tree] of pages) {
        for (const node of selectAll('script[type="application/ld+json"]', tree))
          expect(textOf(node), path).not.toMatch(/[<>]/);
      }
    });

    test('articles carry NewsArticle with headline, dates, author, image and citations', () => {
      for (const article of published()) {
        const tree = pages.get(`/articles/${article.id}/`)!;
        const [data] = jsonLdOf(tree);
        expect(data).toMatchObject({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: article.data.title,
          description: article.data.description,
          datePublished: article.data.published,
          image: [metaContent(tree, 'og:image')],
        });
        expect(data?.['dateModified']).toBe(
          article.data.updated ?? article.data.updates?.[0]?.date ?? article.data.published,
        );
        expect((data!['author'] as unknown[]).length).toBeGreaterThan(0);
        const citations = data?.['citation'] as { name: string; '@id': string }[];
        expect(citations.length).toBeGreaterThan(0);
        for (const citation of citations) expect(citation['@id'].startsWith(abs('sources/'))).toBe(true);
      }
    });

    test('actors carry their schema.org type and their Wikidata item in sameAs', () => {
      const types = {
        person: 'Person',
        state: 'Country',
        'government-body': 'GovernmentOrganization',
        organization: 'Organization',
      } as Record<string, string>;
      for (const actor of content.actors) {
        const [data] = jsonLdOf(pages.get(`/actors/${actor.id}/`)!);
        expect(data?.['name']).toBe(actor.data.name);
        if (types[actor.data.kind]) expect(data?.['@type'], actor.id).toBe(types[actor.data.kind]);
        // The fictional story has no Wikidata items: tests/unit/lib/jsonld.test.ts covers sameAs.
        if (actor.data.wikidata)
          expect(data?.['sameAs']).toContain(`https://www.wikidata.org/wiki/${actor.data.wikidata}`);
      }
    });

    test('statements carry Claim with author, date and every source as an appearance', () => {
      for (const statement of content.statements) {
        const [data] = jsonLdOf(pages.get(`/statements/${statement.id}/`)!);
        expect(data).toMatchObject({
          '@type': 'Claim',
          dateCreated: statement.data.date,
          author: { '@id': abs(`actors/${statement.data.speaker}/`) },
        });
        expect((data!['appearance'] as { '@id': string }[]).map((a) => a['@id'])).toEqual(
          statement.data.sources.map((id) => abs(`sources/${id}/`)),
        );
        // A translated quote names the words as said, in their language.
        const { original } = statement.data;
        expect(data!['translationOfWork'], statement.id).toEqual(
          original && {
            '@type': 'Quotation',
            text: original.text,
            inLanguage: original.lang,
            creator: expect.objectContaining({ '@id': abs(`actors/${statement.data.speaker}/`) }),
          },
        );
      }
      expect(content.statements.filter((statement) => statement.data.original).length).toBeGreaterThan(0);
    });

    test('figures carry Dataset with the claimants, sources and the CSV download', () => {
      for (const figure of content.figures) {
        const [data] = jsonLdOf(pages.get(`/figures/${figure.id}/`)!);
        expect(data).toMatchObject({
          '@type': 'Dataset',
          name: figure.data.title,
          description: figure.data.description,
        });
        const creators = (data!['creator'] as { '@id': string }[]).map((c) => c['@id']);
        expect(creators.sort()).toEqual([...new Set(figure.data.estimates.map((e) => abs(`actors/${e.by}/`)))].sort());
        const download = (data!['distribution'] as { contentUrl: string }[])[0]?.contentUrl;
        expect(download).toBe(abs('data/estimates.csv'));
      }
    });
  });

  describe('share images', () => {
    test('every article, actor and figure has a 1200×630 PNG in og:image and twitter:image', () => {
      const paths = [
        ...published().map((a) => `/articles/${a.id}/`),
        ...content.actors.map((a) => `/actors/${a.id}/`),
        ...content.figures.map((f) => `/figures/${f.id}/`),
      ];
      const images = new Set<string>();
      for (const path of paths) {
        const tree = pages.get(path)!;
        const image = metaContent(tree, 'og:image');
        expect(image, path).toBeDefined();
        expect(metaContent(tree, 'twitter:image')).toBe(image);
        expect(metaContent(tree, 'twitter:card')).toBe('summary_large_image');
        const file = inBuild(image!)!.slice(1);
        const bytes = readFileSync(join(build.outDir, file));
        expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
        expect(PNG.sync.read(bytes).width).toBe(1200);
        images.add(createHash('sha256').update(bytes).digest('hex'));
      }
      // Each image is drawn from its own content.
      expect(images.size).toBe(paths.length);
    });

    test('every other page has a share image too: the speaker’s for a statement, else the site’s', () => {
      for (const [path, tree] of pages) {
        const image = metaContent(tree, 'og:image');
        expect(image, path).toBeDefined();
        const bytes = readFileSync(join(build.outDir, inBuild(image!)!.slice(1)));
        expect(pngSize(bytes), path).toEqual({ width: 1200, height: 630 });
      }
      for (const statement of content.statements) {
        expect(metaContent(pages.get(`/statements/${statement.id}/`)!, 'og:image')).toBe(
          abs(`share/actors/${statement.data.speaker}.png`),
        );
      }
      expect(metaContent(pages.get('/')!, 'og:image')).toBe(abs('share/site.png'));
    });
  });

  describe('open data', () => {
    test('each JSON file lists every entity of its collection with its fields and page URL', () => {
      for (const name of ['actors', 'statements', 'figures', 'sources', 'events'] as const) {
        const records = JSON.parse(read(`data/${name}.json`)) as { id: string; page: string }[];
        const entities = [...content[name]].sort((a, b) => a.id.localeCompare(b.id));
        expect(records.map((r) => r.id)).toEqual(entities.map((e) => e.id));
        entities.forEach((entity, i) => {
          const { id: _id, page: url, ...fields } = records[i]!;
          const { id: _own, ...data } = JSON.parse(JSON.stringify(entity.data)) as Record<string, unknown>;
          expect(fields, `${name}/${entity.id}`).toEqual(data);
          const path = inBuild(url)!;
          expect(pages.has(path.split('#')[0]!), url).toBe(true);
        });
      }
    });

    test('estimates.csv has one row per estimate with claimant, date, scope and source', () => {
      const rows = parseCsv(read('data/estimates.csv'), { columns: true }) as Record<string, string>[];
      const estimates = content.figures.flatMap((figure) =>
        figure.data.estimates.map((estimate) => ({ figure: figure.id, estimate })),
      );
      expect(rows).toHaveLength(estimates.length);
      const sources = new Map(content.sources.map((s) => [s.id, s.data]));
      const actors = new Map(content.actors.map((a) => [a.id, a.data]));
      for (const [i, { figure, estimate }] of estimates.entries()) {
        const row = rows[i]!;
        expect(row).toMatchObject({
          figure,
          claimant: estimate.by,
          claimant_name: actors.get(estimate.by)?.name,
          date: estimate.date,
          scope: estimate.scope ?? '',
          source: estimate.source,
          source_title: sources.get(estimate.source)?.title,
          source_url: sources.get(estimate.source)?.url ?? '',
        });
        expect(row['value']).toBe(estimate.value === undefined ? '' : String(estimate.value));
        expect(row['low']).toBe(estimate.low === undefined ? '' : String(estimate.low));
      }
    });

    test('the data page links every file and says to cite the original sources', () => {
      const tree = pages.get('/data/')!;
      const links = referencedUrls(tree).map((url) => inBuild(url));
      for (const file of [
        'actors.json',
        'statements.json',
        'figures.json',
        'sources.json',
        'events.json',
        'estimates.csv',
      ])
        expect(links).toContain(`/data/${file}`);
      expect(hastText(select('main', tree)!)).toMatch(/cite the original source/);
    });
  });

  describe('hardened output', () => {
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const policyOf = (tree: Root) => {
      const meta = selectAll('meta', tree).find(
        (node) => String(node.properties['httpEquiv'] ?? '').toLowerCase() === 'content-security-policy',
      );
      return String(meta?.properties['content'] ?? '');
    };
    const directive = (policy: string, name: string) =>
      policy
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .find(([key]) => key === name)
        ?.slice(1) ?? [];

    test('every page has a CSP without unsafe-inline for scripts, and every inline script is hashed in it', () => {
      const bad: string[] = [];
      for (const [path, tree] of pages) {
        const policy = policyOf(tree);
        expect(policy, path).toMatch(/script-src/);
        const scripts = directive(policy, 'script-src');
        expect(scripts, path).not.toContain("'unsafe-inline'");
        for (const node of selectAll('script', tree)) {
          const type = String(node.properties['type'] ?? '').toLowerCase();
          const executable = type === '' || type === 'module' || type.includes('javascript');
          if (!executable) continue;
          const src = node.properties['src'];
          if (typeof src === 'string') {
            if (inBuild(src) === undefined) bad.push(`${path}: script from ${src.slice(0, 40)}`);
          } else if (!scripts.includes(hash(textOf(node)))) bad.push(`${path}: inline script without hash`);
        }
        for (const node of selectAll('style', tree))
          if (!directive(policy, 'style-src').includes(hash(textOf(node))))
            bad.push(`${path}: inline style without hash`);
      }
      expect(bad).toEqual([]);
    });

    test('no inline event handlers and no style attributes (blocked by the CSP)', () => {
      const bad: string[] = [];
      for (const [path, tree] of pages) {
        for (const node of selectAll('*', tree)) {
          for (const key of Object.keys(node.properties))
            if (/^on[a-z]/i.test(key) || key === 'style') bad.push(`${path}: <${node.tagName} ${key}>`);
        }
      }
      expect(bad).toEqual([]);
    });

    test('_headers repeats the pages’ policy for every path under the base', () => {
      const headers = read('_headers');
      expect(headers.split('\n')[0]).toBe(`${base}*`);
      const policy = /Content-Security-Policy: (.+)/.exec(headers)?.[1] ?? '';
      expect(directive(policy, 'script-src')).not.toContain("'unsafe-inline'");
      expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
      for (const [path, tree] of pages) {
        for (const source of directive(policyOf(tree), 'script-src'))
          expect(directive(policy, 'script-src'), path).toContain(source);
      }
    });
  });
}
