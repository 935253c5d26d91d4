// Shared set-up for the browser tests: Debian's Chromium through playwright-core,
// every request outside localhost recorded and blocked, CSP reports collected.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.E2E_BASE_URL ?? '';
export const DIST = process.env.E2E_DIST_DIR ?? '';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Requests the site tried to make outside localhost, and CSP violations, across every page. */
export const offsite = [];
export const cspViolations = [];

export async function launch() {
  if (!BASE) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`.');
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

function local(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** A browser context that records and blocks any request leaving localhost. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ colorScheme: 'light', ...options });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => watch(page));
  return context;
}

function watch(page) {
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text()))
      cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => cspViolations.push(`${page.url()}: page error: ${error.message}`));
}

/** The first entry page under a collection folder of the built site, e.g. `/actors/x/`. */
function firstUnder(folder) {
  const dir = join(DIST, folder);
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort()[0];
  return name ? `/${folder}/${name}/` : undefined;
}

/** What an article page may hold that needs its own check, found in its built HTML. */
const ARTICLE_FEATURES = [
  // Two or more citation links side by side (`[@a] [@b]` or `[@a; @b]`).
  [
    'adjacent citations',
    (html) =>
      /class="cite-link"[^>]*>[^<]*<\/a>(?:\s|<\/sup>|<sup[^>]*>|<span[^>]*>|<\/span>)*<a [^>]*class="cite-link"/.test(
        html,
      ),
  ],
  ['embedded statement', (html) => html.includes('class="statement')],
  ['embedded figure', (html) => html.includes('class="figure-embed')],
  ['code block', (html) => /<pre[\s>]/.test(html)],
];

/** For each article feature, the first article page that has it. */
export function featuredArticles() {
  const found = [];
  for (const path of entryPages('articles')) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    for (const [feature, has] of ARTICLE_FEATURES)
      if (has(html) && !found.some(([f]) => f === feature)) found.push([feature, path]);
  }
  return found;
}

/**
 * One page of every kind the built site has, found from its files (works for
 * any story), plus every article that is the first to hold one of the
 * features above (adjacent citations, embeds, code blocks).
 */
export function pageKinds() {
  const kinds = [
    ['home', '/'],
    ['timeline', '/timeline/'],
    ['search', '/search/'],
    ['not found', '/no-such-page/'],
  ];
  if (existsSync(join(DIST, 'corrections', 'index.html'))) kinds.push(['corrections', '/corrections/']);
  for (const folder of ['articles', 'actors', 'statements', 'figures', 'sources']) {
    if (existsSync(join(DIST, folder, 'index.html'))) kinds.push([`${folder} list`, `/${folder}/`]);
    const one = firstUnder(folder);
    if (one) kinds.push([folder.replace(/s$/, ''), one]);
  }
  const articles = new Map();
  for (const [feature, path] of featuredArticles()) articles.set(path, [...(articles.get(path) ?? []), feature]);
  for (const [path, features] of articles) {
    if (!kinds.some(([, p]) => p === path)) kinds.push([`article with ${features.join(', ')}`, path]);
  }
  return kinds;
}

export function entryPages(folder) {
  const dir = join(DIST, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => `/${folder}/${d.name}/`)
    .sort();
}
