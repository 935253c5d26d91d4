// Reader-experience markup in the built fixture site: search index and
// metadata, theme script, previews data, cast and contents, timeline filter,
// 404. Behaviour in a browser is tested in tests/e2e.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { beforeAll, describe, expect, test } from 'vitest';
import { fixtureBuild, readPage, type BuildResult } from '../helpers/build.ts';

let build: BuildResult;
const page = (path: string): Root => fromHtml(readPage(build.outDir, path));
const attr = (tree: Root, selector: string, name: string) => select(selector, tree)?.properties[name];

beforeAll(() => {
  build = fixtureBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
});

describe('search index', () => {
  test('the build writes a Pagefind index', () => {
    expect(existsSync(join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(build.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBeGreaterThan(5);
  });

  test('search excerpts read as sentences: facts keep a space between term and value, picture credits stay out', () => {
    // Pagefind stores each page's text in a gzipped JSON fragment: what result excerpts are cut from.
    const dir = join(build.outDir, 'pagefind', 'fragment');
    const fragments = readdirSync(dir).map((name) => {
      const bytes = gunzipSync(readFileSync(join(dir, name)));
      return JSON.parse(bytes.subarray(bytes.indexOf('{')).toString('utf8')) as { url: string; content: string };
    });
    const content = (path: string) => fragments.find((fragment) => fragment.url === path)?.content ?? '';
    const source = content('/sources/mayor-radio-interview/');
    expect(source).toMatch(/Publisher Radio Northport\. Published 14 March 2024\./);
    // A statement is found by any spelling of its speaker's name.
    expect(content('/statements/mayor-disputes-hwc-count/')).toContain('Инес Марлоу');
    const actor = content('/actors/ines-marlow/');
    expect(actor).toContain('Ines Marlow');
    expect(actor).not.toContain('public domain');
  });

  test('entity pages carry their kind for result labels; search and 404 are not indexed', () => {
    expect(attr(page('/actors/tomas-reyes/'), 'main', 'dataPagefindMeta')).toBe('kind:Actor');
    expect(attr(page('/articles/main-story/'), 'main', 'dataPagefindMeta')).toBe('kind:Article');
    expect(attr(page('/timeline/'), 'main', 'dataPagefindMeta')).toBeUndefined();
    for (const path of ['/search/', '/404.html']) expect(attr(page(path), 'main', 'dataPagefindBody')).toBeUndefined();
    expect(attr(page('/actors/tomas-reyes/'), 'main', 'dataPagefindBody')).toBe('');
  });
});

describe('page shell', () => {
  test('the theme script is an external file in <head>, and the toggle starts hidden (shown by that script)', () => {
    const tree = page('/');
    const scripts = selectAll('head script', tree);
    const theme = scripts.find((s) => String(s.properties['src'] ?? '').includes('theme-init'));
    expect(theme).toBeDefined();
    expect(theme?.properties['type']).toBeUndefined(); // classic and blocking: runs before first paint
    for (const s of selectAll('script', tree)) {
      // Inline scripts are data only (structured data, the browser scripts' messages), never code.
      if (!s.properties['src']) expect(['application/ld+json', 'application/json']).toContain(s.properties['type']);
    }
    const toggle = select('button[data-theme-toggle]', tree);
    expect(toggle?.properties['hidden']).toBe(true);
    expect(toggle?.properties['ariaPressed']).toBe('false');
  });

  test('a skip link targets a focusable main', () => {
    const tree = page('/');
    expect(attr(tree, 'a.skip-link', 'href')).toBe('#main');
    expect(attr(tree, 'main#main', 'tabIndex')).toBe(-1);
  });

  test('404 page exists and links back into the site', () => {
    const tree = page('/404.html');
    expect(textOf(select('h1', tree)!)).toBe('Page not found');
    expect(selectAll('main a[href="/search/"]', tree)).toHaveLength(1);
  });
});

describe('article page', () => {
  test('mentions give the role the actor held on the article date, and carry a name for the preview', () => {
    const tree = page('/articles/main-story/');
    const mention = select('.prose a.actor-link[data-actor="tomas-reyes"]', tree);
    expect(String(mention?.properties['dataRole'])).toMatch(/Chief Executive of Harbor Water Company/);
    expect(mention?.properties['dataName']).toBe('Tomas Reyes');
  });

  test('the cast lists every actor with role and one line', () => {
    const tree = page('/articles/main-story/');
    const items = selectAll('.cast li', tree);
    expect(items.length).toBeGreaterThan(2);
    const reyes = items.find((li) => select('a[data-actor="tomas-reyes"]', li));
    expect(textOf(select('.cast-role', reyes!)!)).toMatch(/Chief Executive/);
    expect(textOf(select('.cast-line', reyes!)!).length).toBeGreaterThan(0);
  });

  test('contents appear only when there are at least four sections, and link to each', () => {
    for (const path of ['/articles/main-story/', '/articles/follow-up/']) {
      const tree = page(path);
      const sections = selectAll('.prose h2[id]', tree).map((h) => String(h.properties['id']));
      const toc = selectAll('nav.toc a', tree).map((a) => String(a.properties['href']).slice(1));
      if (sections.length >= 4) expect(toc).toEqual(sections);
      else expect(toc).toEqual([]);
    }
  });

  test('a heading with a mention and a citation keeps the name in its label and anchor, and drops the number', () => {
    const tree = page('/articles/main-story/');
    const heading = selectAll('.prose h2[id]', tree).find((h) => textOf(h).includes('counted'));
    expect(heading?.properties['id']).toBe('what-ines-marlow-counted');
    expect(heading && select('a[data-actor="ines-marlow"]', heading)).toBeTruthy();
    const entry = selectAll('nav.toc a', tree).find((a) => a.properties['href'] === '#what-ines-marlow-counted');
    expect(entry && textOf(entry)).toBe('What Ines Marlow counted');
  });
});

describe('timeline', () => {
  test('the actor filter is hidden without JavaScript and offers every actor on the timeline', () => {
    const tree = page('/timeline/');
    const filter = select('[data-timeline-filter]', tree);
    expect(filter?.properties['hidden']).toBe(true);
    const offered = selectAll('[data-timeline-filter] option', tree)
      .map((o) => String(o.properties['value']))
      .filter(Boolean);
    const present = new Set(
      selectAll('li[data-actors]', tree)
        .flatMap((li) => String(li.properties['dataActors']).split(' '))
        .filter(Boolean),
    );
    expect(new Set(offered)).toEqual(present);
  });
});
