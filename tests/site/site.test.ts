import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { beforeAll, describe, expect, test } from 'vitest';
import { fixtureBuild, hasPage, type BuildResult } from '../helpers/build.ts';

const CONTENT = 'tests/fixtures/site/content';
let build: BuildResult;
const pages = new Map<string, Root>();

/** Every HTML page of the build, by site path. */
function loadPages(outDir: string): void {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const site = `/${relative(outDir, path).replace(/index\.html$/, '')}`;
        pages.set(site, fromHtml(readFileSync(path, 'utf8')));
      }
    }
  };
  walk(outDir);
}

function page(path: string): Root {
  const tree = pages.get(path);
  if (!tree) throw new Error(`no page at ${path}`);
  return tree;
}

const hrefs = (tree: Root, selector = 'main a[href]') =>
  selectAll(selector, tree).map((a) => String(a.properties['href']));
const linksTo = (tree: Root, path: string) => hrefs(tree).some((href) => href === path || href.startsWith(`${path}#`));

beforeAll(() => {
  build = fixtureBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
  loadPages(build.outDir);
});

describe('pages', () => {
  test.each([
    '/',
    '/articles/main-story/',
    '/articles/follow-up/',
    '/actors/',
    '/actors/tomas-reyes/',
    '/actors/freedonia/',
    '/statements/',
    '/statements/hwc-ceo-6000-households/',
    '/figures/',
    '/figures/households-without-water/',
    '/sources/',
    '/sources/hwc-outage-report/',
    '/timeline/',
    '/search/',
  ])('%s exists', (path) => {
    expect(hasPage(build.outDir, path)).toBe(true);
  });

  test('every entity has its page', () => {
    for (const [kind, folder] of [
      ['actors', 'actors'],
      ['figures', 'figures'],
    ] as const) {
      for (const file of readdirSync(join(CONTENT, folder))) {
        expect(hasPage(build.outDir, `/${kind}/${file.replace(/\.md$/, '')}/`), file).toBe(true);
      }
    }
    expect(selectAll('main .statement', page('/statements/')).length).toBe(6);
    expect(selectAll('main li a[href^="/sources/"]', page('/sources/')).length).toBe(15);
  });

  test('drafts are not published anywhere', () => {
    expect(hasPage(build.outDir, '/articles/draft-piece/')).toBe(false);
    for (const [path, tree] of pages) {
      expect(
        hrefs(tree, 'a[href]').filter((h) => h.includes('draft-piece')),
        path,
      ).toEqual([]);
    }
  });
});

describe('links', () => {
  test('every internal link and #fragment resolves', () => {
    const broken: string[] = [];
    for (const [path, tree] of pages) {
      for (const a of selectAll('a[href]', tree)) {
        const href = String(a.properties['href']);
        if (/^[a-z]+:/i.test(href)) continue;
        const [target = '', fragment] = href.split('#');
        const targetPath = target === '' ? path : target;
        const targetTree = pages.get(targetPath);
        if (!targetTree) {
          // Links to files (feeds, open data) resolve when the file exists.
          if (!fragment && !targetPath.endsWith('/') && hasPage(build.outDir, targetPath)) continue;
          broken.push(`${path} → ${href} (no page)`);
          continue;
        }
        if (fragment && !select(`[id="${fragment}"]`, targetTree)) broken.push(`${path} → ${href} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('ids are unique on every page', () => {
    for (const [path, tree] of pages) {
      const ids = selectAll('[id]', tree).map((e) => String(e.properties['id']));
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        path,
      ).toEqual([]);
    }
  });

  test('external links are http(s) only', () => {
    for (const [path, tree] of pages) {
      for (const href of hrefs(tree, 'a[href]')) expect(href, path).toMatch(/^(https?:\/\/|\/|#)/);
    }
  });
});

describe('links go both ways', () => {
  test('statement ↔ speaker, and statement ↔ actors it is about', () => {
    const statement = page('/statements/mayor-disputes-hwc-count/');
    expect(linksTo(statement, '/actors/ines-marlow/')).toBe(true);
    expect(linksTo(page('/actors/ines-marlow/'), '/statements/mayor-disputes-hwc-count/')).toBe(true);
    expect(linksTo(statement, '/actors/tomas-reyes/')).toBe(true);
    expect(linksTo(page('/actors/tomas-reyes/'), '/statements/mayor-disputes-hwc-count/')).toBe(true);
  });

  test('article ↔ mentioned actor, and article ↔ cited source', () => {
    const article = page('/articles/main-story/');
    expect(linksTo(article, '/actors/harbor-water-company/')).toBe(true);
    expect(linksTo(page('/actors/harbor-water-company/'), '/articles/main-story/')).toBe(true);
    expect(linksTo(article, '/sources/council-press-release-households/')).toBe(true);
    expect(linksTo(page('/sources/council-press-release-households/'), '/articles/main-story/')).toBe(true);
  });

  test('relations show on both statements', () => {
    const from = page('/statements/mayor-disputes-hwc-count/');
    const to = page('/statements/hwc-ceo-6000-households/');
    expect(textOf(select('main', from)!)).toMatch(/Contradicts/);
    expect(linksTo(from, '/statements/hwc-ceo-6000-households/')).toBe(true);
    expect(textOf(select('main', to)!)).toMatch(/Contradicted by/);
    expect(linksTo(to, '/statements/mayor-disputes-hwc-count/')).toBe(true);
  });

  test('figure ↔ claimant, figure ↔ article, source ↔ estimate', () => {
    const figure = page('/figures/households-without-water/');
    for (const a of selectAll('#claimants ~ ul a', figure)) {
      const actorPath = String(a.properties['href']);
      expect(linksTo(page(actorPath), '/figures/households-without-water/'), actorPath).toBe(true);
    }
    expect(linksTo(figure, '/articles/main-story/')).toBe(true);
    expect(linksTo(page('/articles/main-story/'), '/figures/households-without-water/')).toBe(true);
  });

  test('parent ↔ child bodies', () => {
    const councilLinks = hrefs(page('/actors/northport-city-council/'));
    const emergency = page('/actors/northport-emergency-office/');
    expect(linksTo(emergency, '/actors/northport-city-council/')).toBe(true);
    expect(councilLinks).toContain('/actors/northport-emergency-office/');
  });

  test('bio citations link the source back to the profile', () => {
    expect(linksTo(page('/actors/tomas-reyes/'), '/sources/ledger-reyes-appointed/')).toBe(true);
    expect(linksTo(page('/sources/ledger-reyes-appointed/'), '/actors/tomas-reyes/')).toBe(true);
  });
});

describe('citations', () => {
  const article = () => page('/articles/main-story/');

  test('numbers run 1…n in order of first use, and a source keeps its number', () => {
    const numbers = selectAll('.prose .cite-link', article()).map((a) => Number(/\[(\d+)/.exec(textOf(a))?.[1]));
    const firstUse: number[] = [];
    for (const n of numbers) if (!firstUse.includes(n)) firstUse.push(n);
    expect(firstUse).toEqual(firstUse.map((_, i) => i + 1));
    const bySource = new Map<string, Set<number>>();
    for (const a of selectAll('.prose .cite-link', article())) {
      const source = String(a.properties['dataSource']);
      const set = bySource.get(source) ?? new Set();
      set.add(Number(/\[(\d+)/.exec(textOf(a))?.[1]));
      bySource.set(source, set);
    }
    for (const [source, set] of bySource) expect(set.size, source).toBe(1);
  });

  test('each reference links back to every place it is cited', () => {
    const items = selectAll('.references li', article());
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      const n = /^ref-(\d+)$/.exec(String(item.properties['id']))?.[1];
      const cites = selectAll(`.cite-link[href="#ref-${n}"]`, article()).map((a) => `#${String(a.properties['id'])}`);
      const backlinks = selectAll('.backlinks a', item).map((a) => String(a.properties['href']));
      expect(backlinks, `ref-${n}`).toEqual(cites);
    }
  });

  test('a source cited twice has "a b" backlinks', () => {
    const ledger = select('.references li[data-source="ledger-flood-night"]', article()) as Element;
    expect(
      selectAll('.backlinks a', ledger)
        .map((a) => textOf(a))
        .slice(0, 2),
    ).toEqual(['a', 'b']);
  });

  test('sources of an embedded statement join the reference list', () => {
    const listed = selectAll('.references li', article()).map((li) => String(li.properties['dataSource']));
    const statement = select('[data-statement="mayor-vestnik-interview"]', article()) as Element;
    const statementSources = selectAll('.cite-link', statement).map((a) => String(a.properties['dataSource']));
    expect(statementSources.length).toBeGreaterThan(0);
    for (const source of statementSources) expect(listed).toContain(source);
  });

  test('each estimate of an embedded figure cites its source in the article reference list', () => {
    const rows = selectAll('.figure-embed table.estimates tbody tr', article());
    expect(rows.length).toBe(4);
    const listed = selectAll('.references li', article()).map((li) => String(li.properties['dataSource']));
    for (const row of rows) {
      const cite = select('.cite-link', row) as Element;
      expect(listed).toContain(String(cite.properties['dataSource']));
      expect(linksTo(page(`/sources/${String(cite.properties['dataSource'])}/`), '/articles/main-story/')).toBe(true);
    }
  });

  test('a locator is shown with its number', () => {
    expect(selectAll('.cite-link', article()).some((a) => /^\[\d+, p\. 4\]$/.test(textOf(a)))).toBe(true);
  });

  test('citation syntax inside code is left alone', () => {
    expect(selectAll('.prose code', article()).map((c) => textOf(c))).toContain('[@not-a-citation]');
  });

  test('citations side by side form one cluster, as if written [@a; @b]', () => {
    const paragraph = selectAll('.prose p', page('/articles/follow-up/')).find((p) =>
      textOf(p).startsWith('Its figure'),
    );
    const clusters = selectAll('sup.cite', paragraph!).map((sup) => selectAll('.cite-link', sup).map((a) => textOf(a)));
    expect(clusters).toEqual([
      ['[1]', '[2]'],
      ['[1, p. 12]', '[3]'],
    ]);
  });

  test('bios cite with their own reference list', () => {
    expect(selectAll('.bio .references li', page('/actors/tomas-reyes/')).length).toBe(2);
  });
});

describe('code blocks', () => {
  test('render plain in articles and bios, citation syntax left as written', () => {
    const article = select('.prose pre > code.language-yaml', page('/articles/follow-up/'));
    expect(textOf(article!)).toMatch(/^district: Eastbank\n/);
    const bio = selectAll('main pre > code', page('/actors/northport-emergency-office/')).map((code) => textOf(code));
    expect(bio).toEqual([expect.stringMatching(/^block,households,without_water\n/), '[@not-a-citation]\n']);
  });

  test('no page carries a style attribute, which the CSP would block', () => {
    const styled: string[] = [];
    for (const [path, tree] of pages) {
      for (const element of selectAll('[style]', tree))
        styled.push(`${path}: <${element.tagName} style="${String(element.properties['style'])}">`);
    }
    expect(styled).toEqual([]);
  });
});

describe('attribution and figures', () => {
  test('a speaker whose role has ended is named "then …"', () => {
    const card = select(
      '[data-statement="hwc-ceo-6000-households"] .attribution',
      page('/statements/hwc-ceo-6000-households/'),
    );
    expect(textOf(card!)).toBe('Tomas Reyes, then Chief Executive of Harbor Water Company');
  });

  test('a speaker in a role that still holds has no "then"', () => {
    const card = select(
      '[data-statement="mayor-disputes-hwc-count"] .attribution',
      page('/statements/mayor-disputes-hwc-count/'),
    );
    expect(textOf(card!)).toBe('Ines Marlow, Mayor of Northport');
  });

  test('the figure page has an SVG chart and a table with one row per estimate', () => {
    const figure = page('/figures/households-without-water/');
    const rows = selectAll('table.estimates tbody tr', figure);
    expect(rows.length).toBe(4);
    expect(selectAll('svg.chart .row', figure).length).toBe(4);
    expect(select('svg.chart[role="img"] title', figure)).toBeTruthy();
    expect(selectAll('svg.chart .range', figure).length).toBeGreaterThan(0);
  });

  test('an actor picture from the content folder is shown, sized and lazy, with its credit, and copied to the site', () => {
    const portrait = select('.portrait', page('/actors/ines-marlow/')) as Element;
    const img = select('img', portrait) as Element;
    expect(img.properties).toMatchObject({ src: '/images/ines-marlow.png', width: 160, height: 160, loading: 'lazy' });
    expect(String(img.properties['alt'])).toMatch(/^Ines Marlow at City Hall/);
    expect(textOf(select('figcaption', portrait)!)).toBe('Fixture Desk, public domain');
    expect(existsSync(join(build.outDir, 'images/ines-marlow.png'))).toBe(true);
  });

  test('actors are grouped by kind on the index', () => {
    const headings = selectAll('main h2', page('/actors/')).map((h) => textOf(h));
    expect(headings).toEqual(expect.arrayContaining(['People', 'States']));
  });
});

describe('the living story', () => {
  test('update-log entries are addressed by their ids, written or implicit, and the feed links to them', () => {
    const ids = selectAll('.update-log li', page('/articles/main-story/')).map((li) => String(li.properties['id']));
    expect(ids).toEqual(['update-regulator-review-linked', 'update-hwc-revised-estimate', 'update-2024-03-19']);
    const feed = readFileSync(join(build.outDir, 'rss.xml'), 'utf8');
    for (const id of ids) expect(feed).toContain(`/articles/main-story/#${id}</link>`);
  });

  test('quotes and paraphrases are labelled in words on every card, in the timeline and in statement links', () => {
    const cards = [...pages.values()].flatMap((tree) => selectAll('figure.statement', tree));
    const kinds = new Set(cards.map((card) => String(card.properties['dataWording'])));
    expect(kinds).toEqual(new Set(['quote', 'paraphrase']));
    for (const card of cards) {
      const label = textOf(select('.wording-label', card)!);
      const quote = select('blockquote', card);
      if (card.properties['dataWording'] === 'quote')
        expect([label.startsWith('Quote'), Boolean(quote)]).toEqual([true, true]);
      else expect([label, Boolean(quote), Boolean(select('.summary', card))]).toEqual(['Paraphrase', false, true]);
    }
    expect(cards.some((card) => textOf(select('.wording-label', card)!) === 'Quote, translated from Russian')).toBe(
      true,
    );
    const timeline = selectAll('.timeline-statement', page('/timeline/'));
    expect(timeline.length).toBeGreaterThan(0);
    for (const item of timeline) expect(textOf(select('.wording-tag', item)!)).toMatch(/^(Quote|Paraphrase): $/);
    const related = selectAll('.wording-tag', page('/statements/hwc-denies-undercount/'));
    expect(related.length).toBeGreaterThan(0);
  });

  test('times of day are shown in the site zone (UTC here) with the zone named, and order the day', () => {
    const day = selectAll('.timeline-day', page('/timeline/')).find(
      (d) => select('.timeline-date time', d)?.properties['dateTime'] === '2024-05-20',
    );
    const clocks = selectAll('.time-of-day', day!).map((t) => [textOf(t), t.properties['dateTime']]);
    expect(clocks).toEqual([
      ['08:00 UTC', '2024-05-20T09:00+01:00'],
      ['10:15 UTC', '2024-05-20T10:15Z'],
    ]);
    const card = select('figure.statement figcaption time', page('/statements/regulator-backs-door-count/'));
    expect(textOf(card!)).toBe('20 May 2024, 10:15 UTC');
    const log = selectAll('.update-log li time', page('/articles/main-story/')).map((t) => textOf(t));
    expect(log[0]).toBe('3 April 2024, 17:30 UTC');
    expect(log[1]).toBe('3 April 2024');
  });

  test('corrections on a statement, an event and a figure update show on their pages, the corrections page and the feed', () => {
    const statement = page('/statements/mayor-disputes-hwc-count/');
    expect(textOf(select('.correction-notice', statement)!)).toContain(
      'Corrected 14 March 2024, 08:10 UTC: Corrected the quote',
    );
    expect(select('.update-log [id="update-quote-wording-fixed"]', statement)).toBeTruthy();
    expect(
      select('.update-log [id="update-regulator-estimate-added"]', page('/figures/households-without-water/')),
    ).toBeTruthy();
    expect(select('.correction-notice', page('/figures/households-without-water/'))).toBeUndefined();
    expect(select('[id="event-eastbank-levee-breach-update-breach-place-fixed"]', page('/timeline/'))).toBeTruthy();
    const listed = selectAll('.corrections-list .correction a', page('/corrections/')).map((a) =>
      String(a.properties['href']),
    );
    expect(listed).toEqual(
      expect.arrayContaining([
        '/statements/mayor-disputes-hwc-count/#update-quote-wording-fixed',
        '/timeline/#event-eastbank-levee-breach-update-breach-place-fixed',
        '/articles/main-story/#update-2024-03-19',
      ]),
    );
    const feed = readFileSync(join(build.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('<title>Correction: Statement by Ines Marlow, 13 March 2024</title>');
    expect(feed).toContain('/figures/households-without-water/#update-regulator-estimate-added</link>');
    expect(feed).toContain('/timeline/#event-eastbank-levee-breach-update-breach-place-fixed</link>');
  });

  test('a figure leads with each claimant’s current estimate; a revised estimate stays in the table, marked, linked both ways', () => {
    const figure = page('/figures/households-without-water/');
    const current = selectAll('.current-estimates li', figure).map((li) => textOf(li).replace(/\s+/g, ' ').trim());
    expect(current).toEqual([
      expect.stringMatching(/^Northport City Council: 18,400 households \(as of 13 March 2024\)$/),
      expect.stringMatching(/: 9,000–11,500 households \(as of 2 April 2024, includes flats behind shared meters\)$/),
      expect.stringMatching(
        /: 17,900 households \(as of 20 May 2024, households without water for at least 12 hours\)$/,
      ),
    ]);
    const rows = selectAll('table.estimates tbody tr', figure);
    const first = rows.find((row) => row.properties['id'] === 'estimate-hwc-first-count');
    expect(first?.properties['className']).toEqual(['superseded']);
    expect(textOf(first!)).toContain('Revised by Harbor Water Company');
    expect(textOf(rows[2]!)).toContain('Revises Harbor Water Company');
    expect(select('a[href="#estimate-hwc-first-count"]', rows[2]!)).toBeTruthy();
    const dates = rows.map((row) => String(select('time', row)?.properties['dateTime']));
    expect([...dates].sort()).toEqual(dates);
  });

  test('money is written as money: in full in the table, compact on the chart and in lists', () => {
    const figure = page('/figures/flood-repair-cost/');
    expect(selectAll('table.estimates td.number', figure).map((td) => textOf(td))).toEqual([
      '€41,500,000',
      '€35,000,000–€52,750,000',
      '€9,612,500,000.5',
    ]);
    expect(selectAll('.chart .value-label', figure).map((t) => textOf(t))).toEqual([
      '€41.5m',
      '€35m–€52.8m',
      '€9.61bn',
    ]);
    expect(textOf(select('.current-estimates', figure)!)).toContain('€9,612,500,000.5 (as of 21 May 2024)');
    expect(textOf(select('.current-estimates', figure)!)).not.toContain('euros');
  });

  test('a body heading named like a section of its page takes another id (every id unique: the test above)', () => {
    // `## Sources` in the figure's text: the page's own "Sources" section keeps `sources`.
    const figure = page('/figures/flood-repair-cost/');
    expect(select('.prose h2#sources-1', figure)).toBeTruthy();
    expect(select('section h2#sources', figure)).toBeTruthy();
  });

  test('what is scheduled for later is not published anywhere: no page, link, feed item, sitemap entry or update', () => {
    expect(hasPage(build.outDir, '/articles/scheduled-piece/')).toBe(false);
    const files = [...pages.values()].map((tree) => textOf(tree)).join('\n');
    expect(files).not.toContain('SCHEDULED');
    for (const [path, tree] of pages)
      expect(
        hrefs(tree, 'a[href]').filter((h) => h.includes('scheduled-piece')),
        path,
      ).toEqual([]);
    for (const file of ['rss.xml', 'sitemap-0.xml'])
      expect(readFileSync(join(build.outDir, file), 'utf8')).not.toMatch(/scheduled|SCHEDULED/);
    expect(select('.update-log', page('/statements/hwc-ceo-6000-households/'))).toBeUndefined();
  });

  test('the home page leads with the latest updates, then each key figure now, and the main actors with their roles', () => {
    const home = page('/');
    expect(selectAll('main h2', home).map((h) => textOf(h))).toEqual([
      'Latest updates',
      'Key figures',
      'Articles',
      'Main actors',
    ]);
    const changes = selectAll('.change-list li', home);
    const instants = changes.map((li) => String(li.properties['dataChangedAt']));
    expect(instants.length).toBeGreaterThan(3);
    expect([...instants].sort().reverse()).toEqual(instants);
    expect(textOf(changes[0]!)).toMatch(/^21 May 2024, new article: /);
    expect(textOf(select('#key-figures + ul', home)!)).toContain(
      'Cost of repairing the Eastbank flood damage: now €35m–€9.61bn, by 2 claimants (3 estimates in all)',
    );
    // Every update-log entry and every article teaser carries its moment, for the reader's browser to compare.
    expect(
      selectAll('.update-log li', page('/articles/main-story/')).every((li) =>
        /^\d{4}-\d{2}-\d{2}T/.test(String(li.properties['dataChangedAt'])),
      ),
    ).toBe(true);
    expect(selectAll('.article-list li[data-changed-at]', home).length).toBe(
      selectAll('.article-list li', home).length,
    );
  });

  test('a figure page charts its estimates over time, with the revision linked', () => {
    const figure = page('/figures/households-without-water/');
    const chart = select('.figure-over-time svg.time-chart', figure)!;
    expect(selectAll('.estimate', chart)).toHaveLength(4);
    expect(selectAll('.band', chart)).toHaveLength(1);
    expect(selectAll('.estimate.superseded', chart)).toHaveLength(1);
    expect(selectAll('.revision', chart)).toHaveLength(1);
    expect(textOf(select('desc', chart)!)).toContain('(revises Harbor Water Company, 12 March 2024: 6,000 households)');
    const width = Number(String(chart.properties['viewBox']).split(' ')[2]);
    for (const label of selectAll('text', chart)) expect(Number(label.properties['x'])).toBeLessThanOrEqual(width);
    // Each claimant in its own colour and marker shape, named in a legend of real text (linked to its page).
    const legend = selectAll('.figure-over-time .chart-legend li', figure);
    expect(legend.map((li) => textOf(li).trim())).toEqual([
      'Harbor Water Company',
      'Northport City Council',
      'Freedonia Water Services Authority',
    ]);
    const colours = legend.map((li) => (li.properties['className'] as string[])[0]);
    expect(new Set(colours).size).toBe(3);
    const shapes = legend.map((li) => String(select('path.marker', li)?.properties['d']).replace(/-?[\d.]+/g, 'n'));
    expect(new Set(shapes).size).toBe(3);
    const marks = selectAll('.estimate', chart).map((g) =>
      (g.properties['className'] as string[]).find((c) => c.startsWith('claimant-')),
    );
    expect(new Set(marks)).toEqual(new Set(colours));
    for (const line of selectAll('.revision', chart))
      expect(colours).toContain((line.properties['className'] as string[]).find((c) => c.startsWith('claimant-')));
  });

  test('the statements list is newest first, by day in the site zone and then by time', () => {
    const days = selectAll('main section h2 time', page('/statements/')).map((t) => String(t.properties['dateTime']));
    expect(days[0]).toBe('2024-05-20');
    expect([...days].sort().reverse()).toEqual(days);
  });
});

describe('site settings (content/site.yaml of the fixture story)', () => {
  const jsonLdOf = (tree: Root) =>
    selectAll('script[type="application/ld+json"]', tree).map((script) => JSON.parse(textOf(script)));

  test('the header shows the title and tagline, the footer its line, and every page title ends with the title', () => {
    for (const path of ['/', '/articles/main-story/', '/actors/tomas-reyes/']) {
      const tree = page(path);
      expect(textOf(select('.site-header .site-title', tree)!)).toBe('Flood Desk');
      expect(textOf(select('.site-header .site-tagline', tree)!)).toBe('The Eastbank flood, claim by claim');
      expect(textOf(select('.site-footer .site-footer-text', tree)!)).toBe(
        '© 2024 Northport Fixture Press. Text under CC BY 4.0.',
      );
      expect(textOf(select('title', tree)!)).toMatch(/(^| · )Flood Desk$/);
      expect(select('meta[property="og:site_name"]', tree)?.properties['content']).toBe('Flood Desk');
      expect(select('meta[property="og:locale"]', tree)?.properties['content']).toBe('en_GB');
    }
    expect(select('meta[name="description"]', page('/'))?.properties['content']).toMatch(
      /^Who said what about the Eastbank/,
    );
  });

  test('the accent colour is set by a style the page CSP allows by its hash', () => {
    const html = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    const rule = ':root{--site-accent:#8a1c2b;--site-accent-strong:#61141e}';
    expect(html).toContain(`<style>${rule}</style>`);
    const hash = `'sha256-${createHash('sha256').update(rule).digest('base64')}'`;
    const csp = String(select('meta[http-equiv="content-security-policy"]', page('/'))?.properties['content']);
    expect(csp).toMatch(/style-src [^;]*/);
    expect(/style-src ([^;]*)/.exec(csp)?.[1]?.split(' ')).toContain(hash);
  });

  test("an article's JSON-LD names the publisher with its logo, which the site publishes", () => {
    const article = jsonLdOf(page('/articles/main-story/')).find((node) => node['@type'] === 'NewsArticle');
    expect(article?.publisher).toEqual({
      '@type': 'Organization',
      name: 'Northport Fixture Press',
      url: 'https://press.example.net',
      logo: { '@type': 'ImageObject', url: 'https://explainer.example.net/images/fixture-press-logo.png' },
    });
    expect(existsSync(join(build.outDir, 'images/fixture-press-logo.png'))).toBe(true);
  });

  test('the feed carries the title, description and language', () => {
    const feed = fromHtml(readFileSync(join(build.outDir, 'rss.xml'), 'utf8'), { space: 'svg' });
    const channel = (name: string) => textOf(select(`channel > ${name}`, feed)!);
    expect(channel('title')).toBe('Flood Desk');
    expect(channel('description')).toMatch(/^Who said what about the Eastbank flood/);
    expect(channel('language')).toBe('en-GB');
  });
});

describe('languages in content', () => {
  test('aliases carry their language in lang, and "und" when the editor gave none', () => {
    const spans = selectAll('.aliases span', page('/actors/ines-marlow/')).map((span) => [
      textOf(span),
      span.properties['lang'],
    ]);
    expect(spans).toEqual([
      ['Inès Marlow', 'und'],
      ['Инес Марлоу', 'ru'],
      ['이네스 말로', 'ko'],
    ]);
  });

  test("a statement's original words are shown beside the translation, in their language", () => {
    for (const path of ['/statements/mayor-vestnik-interview/', '/actors/ines-marlow/']) {
      const card = select('[data-statement="mayor-vestnik-interview"]', page(path))!;
      const quotes = selectAll('blockquote', card);
      expect(quotes.map(textOf)).toEqual([
        '“We will not let the company rewrite the numbers. Every household will be counted, flat by flat.”',
        '“Мы не позволим компании переписать цифры. Каждое домохозяйство будет учтено, квартира за квартирой.”',
      ]);
      expect(quotes.map((quote) => quote.properties['lang'])).toEqual([undefined, 'ru']);
      expect(textOf(select('.original .wording-label', card)!)).toBe('Original words, in Russian');
    }
  });

  test("lists are joined and languages named in the site's locale", () => {
    // Names of people and actors: "A, B and C" in en-GB (Intl.ListFormat), never a bare comma before the last.
    const withActors = selectAll('.timeline .actors', page('/timeline/')).map((p) => textOf(p));
    expect(withActors).toContain('With Northport City Council and Northport Office of Emergency Management.');
    expect(textOf(select('.byline', page('/articles/main-story/'))!)).toContain('By Fixture Desk and Alex Example.');
    // A source's language is named, not given as its tag.
    const facts = selectAll('.facts > div', page('/sources/nortport-vestnik/')).map((fact) => [
      textOf(select('dt', fact)!),
      textOf(select('dd', fact)!).trim(),
    ]);
    expect(facts).toContainEqual(['Language', 'Russian']);
  });

  test('every number or range in a line of text is marked as a number, so that it keeps its order right to left', () => {
    // The text of a list line outside its links, dates and marked numbers: no digit may be left there.
    const loose = (node: Element): string[] =>
      node.children.flatMap((child) => {
        if (child.type === 'text') return /\d/.test(child.value) ? [child.value] : [];
        if (child.type !== 'element' || ['a', 'time'].includes(child.tagName)) return [];
        if (String(child.properties['className'] ?? '').includes('number')) return [];
        return loose(child);
      });
    const lines = [
      ...selectAll('#key-figures + ul li', page('/')),
      ...selectAll('.entity-list .detail', page('/figures/')),
      ...selectAll('section.links:has(#estimates) li', page('/sources/hwc-outage-report/')),
    ];
    expect(lines.length).toBeGreaterThan(4);
    const numbers = lines.flatMap((line) => selectAll('.number', line).map((n) => textOf(n)));
    expect(numbers).toContain('9,000–18,400');
    expect(numbers).toContain('9,000–11,500');
    // Counts of claimants and estimates are words of the message ("by 2 claimants"), not ranges: leave them out.
    const left = lines.flatMap(loose).filter((text) => /\d\S*[–-]\S*\d|\d[\d,.]{3,}/.test(text));
    expect(left).toEqual([]);
  });

  test('the search index holds every alias, in every script, on the actor page and on the statements', () => {
    const dir = join(build.outDir, 'pagefind', 'fragment');
    const fragments = readdirSync(dir).map((name) => {
      const bytes = gunzipSync(readFileSync(join(dir, name)));
      return JSON.parse(bytes.subarray(bytes.indexOf('{')).toString('utf8')) as { url: string; content: string };
    });
    const content = (path: string) => fragments.find((fragment) => fragment.url === path)?.content ?? '';
    for (const path of ['/actors/ines-marlow/', '/statements/mayor-disputes-hwc-count/'])
      for (const alias of ['Inès Marlow', 'Инес Марлоу', '이네스 말로']) expect(content(path)).toContain(alias);
    expect(content('/statements/mayor-vestnik-interview/')).toContain('квартира за квартирой');
  });
});
