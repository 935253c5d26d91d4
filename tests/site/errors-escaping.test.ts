import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, cleanBuild, readPage, type BuildResult } from '../helpers/build.ts';

/** Every field of the fixture that holds the payloads. */
const FIELDS = [
  'actor-name',
  'actor-description',
  'actor-alias',
  'role-title',
  'source-title',
  'source-publisher',
  'source-author',
  'statement-quote',
  'statement-summary',
  'statement-context',
  'figure-title',
  'figure-unit',
  'figure-description',
  'estimate-scope',
  'estimate-method',
  'estimate-note',
  'event-title',
  'event-summary',
  'event-place',
  'article-title',
  'article-description',
  'article-author',
  'update-summary',
  'correction-summary',
  'alias-with-language',
  'statement-original',
  'site-title',
  'site-tagline',
  'site-footer',
];

const scriptPayload = (field: string) => `<script>alert("${field}")</script>`;
const imgPayload = (field: string) => `"><img src=x onerror=alert("${field}")>`;

let build: BuildResult;
let pages: { path: string; tree: Root; text: string }[];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

beforeAll(() => {
  build = buildSite('tests/fixtures/escaping/content');
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  pages = htmlFiles(build.outDir).map((file) => {
    const tree = fromHtml(readFileSync(file, 'utf8'));
    return { path: relative(build.outDir, file), tree, text: textOf(tree) };
  });
}, 120_000);

afterAll(() => {
  if (build) cleanBuild(build);
});

function allElements(tree: Root): Element[] {
  return selectAll('*', tree);
}

describe('text fields are data, never markup', () => {
  test('no page has an element or attribute made from a payload', () => {
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      for (const element of allElements(page.tree)) {
        const handlers = Object.keys(element.properties).filter((name) => /^on/i.test(name));
        expect(handlers, `${page.path}: <${element.tagName}> has ${handlers.join(', ')}`).toEqual([]);
        if (element.tagName === 'img') expect(element.properties['src'], page.path).not.toBe('x');
        if (element.tagName === 'script') {
          const code = textOf(element);
          if (element.properties['type'] === 'application/ld+json') {
            // Structured data may carry the text, but as JSON that cannot close the script element.
            expect(code, page.path).not.toContain('<');
            expect(() => JSON.parse(code), page.path).not.toThrow();
          } else {
            expect(code, page.path).not.toContain('alert(');
          }
        }
      }
    }
  });

  test.each(FIELDS)('%s is shown as text somewhere on the site', (field) => {
    const shown = pages.filter(
      (page) => page.text.includes(scriptPayload(field)) && page.text.includes(imgPayload(field)),
    );
    expect(shown.map((page) => page.path)).not.toEqual([]);
  });

  test('payloads in attributes (titles, meta descriptions) stay inside their attribute', () => {
    const article = fromHtml(readPage(build.outDir, '/articles/barrier-vote/'));
    const title = select('title', article);
    expect(title && textOf(title)).toContain(scriptPayload('article-title'));
    const description = select('meta[name="description"]', article);
    expect(String(description?.properties['content'])).toContain(imgPayload('article-description'));
    const home = fromHtml(readPage(build.outDir, '/'));
    expect(String(select('meta[name="description"]', home)?.properties['content'])).toContain(
      imgPayload('site-description'),
    );
    // The publisher's name is only in the structured data, as JSON text.
    const data = selectAll('script[type="application/ld+json"]', article).map(
      (script) => JSON.parse(textOf(script)) as { publisher?: { name?: string } },
    );
    expect(data.find((node) => node.publisher)?.publisher?.name).toContain(scriptPayload('publisher-name'));
  });
});

describe('corrections', () => {
  test('an article shows its corrections near the top: what was wrong and what is right', () => {
    const article = fromHtml(readPage(build.outDir, '/articles/barrier-cost-rises/'));
    const notice = select('.correction-notice', article);
    expect(notice).toBeDefined();
    const items = selectAll('.correction-notice li', article).map((li) => textOf(li));
    expect(items).toEqual([
      'Corrected 2 March 2024: Correction: the cost is 400,000 thalers, not 4 million as first written.',
      'Corrected 21 February 2024: Correction: the vote was on 13 February, not 12 February.',
    ]);
    // The notice comes before the body; the plain update is only in the update log.
    expect(textOf(notice ?? article)).not.toContain("council's reply");
  });

  test('an article without corrections has no notice', () => {
    const site = pages.find((page) => page.path === join('actors', 'helena-voss', 'index.html'));
    expect(site && select('.correction-notice', site.tree)).toBeUndefined();
  });

  test('/corrections/ lists every correction, newest first, linked to its entry in the article’s update log', () => {
    const page = fromHtml(readPage(build.outDir, '/corrections/'));
    const items = selectAll('.corrections-list > li', page);
    expect(items.map((li) => select('time', li)?.properties['dateTime'])).toEqual([
      '2024-03-02',
      '2024-02-21',
      '2024-02-15',
    ]);
    expect(items.map((li) => select('a', li)?.properties['href'])).toEqual([
      '/articles/barrier-cost-rises/#update-2024-03-02',
      '/articles/barrier-cost-rises/#update-2024-02-21',
      '/articles/barrier-vote/#update-2024-02-15',
    ]);
    expect(textOf(page)).not.toContain("council's reply");
  });
});
