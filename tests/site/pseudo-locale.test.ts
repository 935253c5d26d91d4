/**
 * Every word of the interface comes from the message table. The fixture story
 * is built once more with `locale: ar-XB` (the pseudo-locale: every table
 * string bracketed and accented, pages right to left, dates and numbers
 * formatted by Intl as Arabic, which writes no Latin letters). On every page,
 * every text readers see (text, `title`, `alt`, `aria-label`, `placeholder`,
 * the page title and its descriptions, what preview cards show) loses its
 * bracketed table text and what the story's content files say; any run of
 * Latin letters left is an English word that does not come from the table,
 * and the failure names the page and the text.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { checkContentDir } from '../../src/check/check-content.ts';
import { localize } from '../../src/messages/index.ts';
import { ACCENTED } from '../../src/messages/pseudo.ts';
import { byId } from '../../src/model/content-set.ts';
import { shareCards, siteCard } from '../../src/publish/page-meta.ts';
import type { SiteIndex } from '../../src/site/site-index.ts';
import { buildSite, cleanBuild, FIXTURE_SETTINGS, FIXTURE_STORY, ROOT, type BuildResult } from '../helpers/build.ts';

const LOCALE = 'ar-XB';
/** Formatting locale of the pseudo-locale, as Intl resolves it. */
const INTL = 'ar';

let build: BuildResult;
let work: string;
let content: string[];
/** Latin words Intl itself writes in Arabic dates and money (`UTC`, `US$`), computed, not listed. */
let intlWords: Set<string>;

/** Quotes, dashes and spaces as typography makes them, reduced to one form on both sides of the comparison. */
const normal = (text: string) =>
  text
    .replace(/[‘’]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ');

/** Every string value of a parsed YAML document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value instanceof Date) return [];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** The files of a content folder with their frontmatter (or YAML) parsed, and their bodies. */
function contentFiles(dir: string): { path: string; data: unknown[]; body: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    const path = join(dir, name);
    const ext = extname(name);
    if (ext === '.yaml')
      return [{ path: name, data: parseAllDocuments(readFileSync(path, 'utf8')).map((doc) => doc.toJS()), body: '' }];
    if (ext !== '.md' && ext !== '.mdx') return [];
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path, 'utf8')) ?? [];
    return [{ path: name, data: [parse(front)], body }];
  });
}

/**
 * What the content files say: every string value of their YAML and frontmatter,
 * and their bodies with each mention (`<Actor id="x" />`) written as the
 * actor's name, as the page shows it, and without other tags (`<Timeline />`)
 * or citation keys (`[@source]`), which are markup, not words the page shows.
 */
function contentStrings(dir: string): string[] {
  const files = contentFiles(dir);
  const names = new Map(
    files
      .filter((file) => file.path.startsWith('actors/'))
      .map((file) => [file.path.replace(/^actors\/|\.md$/g, ''), (file.data[0] as { name?: string }).name ?? '']),
  );
  const mention = /<Actor\s+id="([^"]+)"\s*\/>/g;
  return files.flatMap((file) => [
    ...file.data.flatMap(strings),
    file.body
      .replace(mention, (_, id: string) => names.get(id) ?? id)
      .replace(/<\/?[A-Z][^>]*>/g, ' ')
      .replace(/\[@[^\]]*\]/g, ' '),
  ]);
}

/** The Latin words Intl writes for the story's time zone and currencies in the pseudo-locale's Arabic. */
function intlLatinWords(dir: string): Set<string> {
  const site = parse(readFileSync(join(dir, 'site.yaml'), 'utf8')) as { timezone?: string };
  const currencies = contentStrings(join(dir, 'figures')).filter((text) => /^[A-Z]{3}$/.test(text));
  const samples = [
    ...[new Date('2024-01-15T12:00Z'), new Date('2024-07-15T12:00Z')].map((date) =>
      new Intl.DateTimeFormat(INTL, {
        timeZone: site.timezone ?? 'UTC',
        timeZoneName: 'short',
        hour: '2-digit',
      }).format(date),
    ),
    ...currencies.flatMap((currency) =>
      [false, true].map((compact) =>
        new Intl.NumberFormat(INTL, {
          style: 'currency',
          currency,
          currencyDisplay: 'narrowSymbol',
          ...(compact ? { notation: 'compact' as const } : {}),
        }).format(12_500_000),
      ),
    ),
  ];
  return new Set(samples.flatMap((sample) => sample.match(/\p{Script=Latin}+/gu) ?? []));
}

/** Attributes whose values readers see or hear. */
const SHOWN_ATTRIBUTES = ['title', 'alt', 'ariaLabel', 'placeholder', 'dataName', 'dataRole', 'dataDescription'];
/** Head metadata that shows where the page is shared or listed. */
const SHOWN_META =
  /^(description|og:title|og:description|og:image:alt|og:site_name|twitter:title|twitter:description|twitter:image:alt)$/;

/** Every text readers see on a page, with where it is. */
function shownTexts(tree: Root | Element): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  const visit = (node: Root | RootContent, parent: string) => {
    if (node.type === 'text') {
      if (node.value.trim()) found.push({ where: parent, text: node.value });
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    const name = node.type === 'element' ? node.tagName : parent;
    if (node.type === 'element') {
      // Code (file and field names on the data page) is not words of any language.
      if (name === 'script' || name === 'style' || name === 'code') return;
      // A parser with scripting on keeps <noscript> as text: read it as the HTML it is.
      if (name === 'noscript') {
        const inner = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
        found.push(...shownTexts(fromHtml(inner, { fragment: true })));
        return;
      }
      for (const attribute of SHOWN_ATTRIBUTES) {
        const value = node.properties[attribute];
        if (typeof value === 'string' && value.trim()) found.push({ where: `${name}[${attribute}]`, text: value });
      }
      const meta = node.properties['name'] ?? node.properties['property'];
      if (name === 'meta' && typeof meta === 'string' && SHOWN_META.test(meta))
        found.push({ where: `meta[${meta}]`, text: String(node.properties['content'] ?? '') });
    }
    for (const child of node.children) visit(child, name);
  };
  visit(tree, 'html');
  return found;
}

/** The letters a pseudo-locale writes: a word of these alone is a word of the table. */
const PSEUDO_LETTERS = new Set(Object.values(ACCENTED));

/**
 * Text left once the table's words (bracketed, every letter accented: a message
 * with slots is cut into several text nodes, so words, not brackets, are taken
 * out) and Intl's own words are taken out, in pieces. A single letter (the `b`
 * and `c` of a second and third link back to a citation) is not a word.
 */
function leftOver(text: string): string[] {
  let rest = normal(text)
    .replace(/[\p{L}\p{M}]+/gu, (word) => ([...word].every((letter) => PSEUDO_LETTERS.has(letter)) ? '\u0000' : word))
    .replace(/[[\]]/g, '\u0000');
  for (const word of intlWords) rest = rest.replace(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'gu'), '\u0000');
  // Pieces are runs of Latin words (with digits, spaces, apostrophes, hyphens, dots, ampersands between them).
  return (rest.match(/[\p{Script=Latin}\p{M}\d][\p{Script=Latin}\p{M}\d '.&/-]*/gu) ?? [])
    .map((piece) => piece.trim().replace(/[ .'/&-]+$/, ''))
    .filter((piece) => /\p{Script=Latin}{2}/u.test(piece));
}

/** True when the content files say this piece, as whole words. */
function inContent(piece: string): boolean {
  const escaped = piece.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
  return content.some((text) => pattern.test(text));
}

/** Every built page, by site path. */
function pages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind'))
    .map((name) => `/${name}`.replace(/index\.html$/, ''));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'explainer-pseudo-'));
  cpSync(join(ROOT, FIXTURE_STORY), work, { recursive: true });
  const site = join(work, 'site.yaml');
  const original = readFileSync(site, 'utf8');
  if (!/^locale: .*$/m.test(original)) throw new Error('the fixture site.yaml has no locale line to override');
  writeFileSync(site, original.replace(/^locale: .*$/m, `locale: ${LOCALE}`));
  content = contentStrings(work).map(normal);
  intlWords = intlLatinWords(work);
  build = buildSite(work, FIXTURE_SETTINGS);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
});

afterAll(() => {
  if (build) cleanBuild(build);
  rmSync(work, { recursive: true, force: true });
});

describe(`the fixture story built with locale ${LOCALE}`, () => {
  test('every page is in the locale, right to left', () => {
    const list = pages(build.outDir);
    expect(list.length).toBeGreaterThan(30);
    for (const path of list) {
      const html = readFileSync(join(build.outDir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
      expect(html, path).toMatch(new RegExp(`<html lang="${LOCALE}" dir="rtl"`));
    }
  });

  test('no page shows a word that is not from the message table or the content', () => {
    const offences: string[] = [];
    for (const path of pages(build.outDir)) {
      const file = join(build.outDir, path.endsWith('/') ? `${path}index.html` : path);
      const tree = fromHtml(readFileSync(file, 'utf8'));
      for (const { where, text } of shownTexts(tree))
        for (const piece of leftOver(text))
          if (!inContent(normal(piece))) offences.push(`${path} ${where}: "${piece}" in "${text.trim()}"`);
    }
    expect(offences).toEqual([]);
  });

  test('the words the browser scripts show are all from the table', () => {
    // Every page carries the page's block; the search page adds the search's.
    const blocks = ['index.html', 'search/index.html'].flatMap((path) =>
      [
        ...readFileSync(join(build.outDir, path), 'utf8').matchAll(
          /<script type="application\/json" data-ui-messages>(.*?)<\/script>/gs,
        ),
      ].map((match) => JSON.parse(match[1] ?? '{}') as Record<string, unknown>),
    );
    expect(blocks).toHaveLength(3);
    const { lang, ...messages } = Object.assign({}, ...blocks) as Record<string, unknown>;
    expect(lang).toBe(LOCALE);
    const words = Object.entries(messages).flatMap(([key, value]) =>
      (typeof value === 'string' ? [value] : Object.values(value as object)).map((text) => `${key}: ${String(text)}`),
    );
    expect(words.length).toBeGreaterThan(10);
    // Slots (`{n}`, `{q}`) are filled by the scripts.
    const unslotted = (text: string) => text.replace(/^\w+: /, '').replace(/\{[a-zA-Z]+\}/g, '');
    expect(words.filter((text) => leftOver(unslotted(text)).length > 0)).toEqual([]);
  });

  test('the share cards show only words from the table or the content', () => {
    // The cards the build draws, made by the same functions from the same content (the footer's
    // site name and host left empty: they are settings, not words of the interface).
    const { set } = checkContentDir(work, ROOT);
    const index = {
      articles: byId(set.articles),
      actors: byId(set.actors),
      figures: byId(set.figures),
      today: '2025-01-01',
    };
    const text = localize(LOCALE);
    const cards = [
      ...shareCards(index, '', text).map(([key, card]) => ({ key, card })),
      { key: 'site', card: siteCard({ set } as SiteIndex, '', '', text) },
    ];
    expect(cards.length).toBeGreaterThan(10);
    const offences = cards.flatMap(({ key, card }) =>
      [
        card.label,
        card.subtitle,
        card.more,
        card.site,
        ...(card.rows ?? []).flatMap((row) => [row.label, row.note, row.value]),
      ]
        .filter((shown): shown is string => typeof shown === 'string')
        .flatMap((shown) =>
          leftOver(shown)
            .filter((piece) => !inContent(normal(piece)))
            .map((piece) => `${key}: "${piece}" in "${shown}"`),
        ),
    );
    expect(offences).toEqual([]);
  });

  test('the feed, Open Graph and structured data name the locale; feed items are worded by the table', () => {
    const rss = readFileSync(join(build.outDir, 'rss.xml'), 'utf8');
    expect(rss).toContain(`<language>${LOCALE}</language>`);
    const titles = [...rss.matchAll(/<item><title>(.*?)<\/title>/g)].map((match) => match[1] ?? '');
    const updates = titles.filter((title) => title.startsWith('['));
    expect(updates.length).toBeGreaterThan(0);
    const article = readFileSync(join(build.outDir, 'articles/main-story/index.html'), 'utf8');
    expect(article).toContain(`<meta property="og:locale" content="${LOCALE.replace('-', '_')}"`);
    expect(article).toContain(`"inLanguage":"${LOCALE}"`);
  });
});
