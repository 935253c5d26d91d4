// Browser tests of a site built with `locale: uk` (tests/e2e/run.mjs builds the fixture
// story so): the pages say they are Ukrainian, axe finds no WCAG 2.2 AA violation on one page
// of each kind, search finds an actor by an alias written in Korean (typed into the box) and
// a Ukrainian interface word breaks nothing, and the words the scripts write (search status,
// result kinds, "since your last visit", preview cards) come from the Ukrainian table. One
// browser, a few pages. Run through `npm run test:e2e`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { parse, parseAllDocuments } from 'yaml';
import { uk } from '../../src/messages/uk.ts';
import { BASE, DIST, cspViolations, entryPages, launch, newContext, offsite } from './browser.mjs';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The content folder the site was built from, when the runner knows it. */
const CONTENT = process.env.E2E_CONTENT_DIR ?? '';
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const html = (path) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const pick = (folder, has) => entryPages(folder).find((path) => has(html(path)));

/** One page of each kind to check, found in the built files. */
const article = pick('articles', (page) => page.includes('class="actor-link"') && page.includes('class="cite-link"'));
const statement = pick('statements', (page) => page.includes('class="original"')) ?? entryPages('statements')[0];
const figure = pick('figures', (page) => page.includes('class="chart time-chart"')) ?? entryPages('figures')[0];
/** An actor with an alias written in Korean, as the actor page shows it (`<span lang="ko">`). */
const korean = entryPages('actors')
  .map((path) => ({ path, alias: /<span lang="ko(?:-[A-Za-z]+)?">([^<]+)<\/span>/.exec(html(path))?.[1] }))
  .find(({ alias }) => alias !== undefined);
const PAGES = [
  ['home', '/'],
  ['article', article],
  ['actor', korean?.path ?? entryPages('actors')[0]],
  ['figure', figure],
  ['statement', statement],
  ['search', '/search/'],
  ['not found', '/no-such-page/'],
].filter(([, path]) => path !== undefined);

/** A plural message of the table for a count, as the scripts write it (`Intl.PluralRules` of Ukrainian). */
const rules = new Intl.PluralRules('uk');
function plural(forms, n, slots = {}) {
  let text = (forms[rules.select(n)] ?? forms.other).replaceAll('{n}', new Intl.NumberFormat('uk').format(n));
  for (const [name, value] of Object.entries(slots)) text = text.replaceAll(`{${name}}`, value);
  return text;
}

/** Every string value of the table (messages that are functions left out). */
function tableStrings(value) {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(tableStrings);
  return [];
}

/** Every string value of a parsed YAML document. */
function yamlStrings(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(yamlStrings);
  if (typeof value === 'object' && value !== null && !(value instanceof Date))
    return Object.values(value).flatMap(yamlStrings);
  return [];
}

/** What the content files say: YAML and frontmatter values, and bodies without tags and citation keys. */
function contentStrings(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    const text = () => readFileSync(join(dir, name), 'utf8');
    if (extname(name) === '.yaml') return parseAllDocuments(text()).flatMap((doc) => yamlStrings(doc.toJS()));
    if (!['.md', '.mdx'].includes(extname(name))) return [];
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text()) ?? [];
    return [...yamlStrings(parse(front)), body.replace(/<\/?[A-Z][^>]*>/g, ' ').replace(/\[@[^\]]*\]/g, ' ')];
  });
}

const latinWords = (text) => text.match(/\p{Script=Latin}{2,}/gu) ?? [];

/** Texts a reader sees or hears on the page: visible text, and the title, alt, aria-label and placeholder of visible elements. */
function shownTexts() {
  const shown = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, code, pre, noscript') || !parent.checkVisibility()) continue;
    if (node.textContent.trim()) shown.push(node.textContent);
  }
  for (const element of document.body.querySelectorAll('[title], [alt], [aria-label], [placeholder]'))
    if (element.checkVisibility() || element.matches('[aria-label]'))
      for (const name of ['title', 'alt', 'aria-label', 'placeholder'])
        if (element.getAttribute(name)) shown.push(element.getAttribute(name));
  return shown;
}

describe('the site built in Ukrainian', () => {
  test('every page checked is in Ukrainian, left to right', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const wrong = [];
    for (const [kind, path] of PAGES) {
      await page.goto(`${BASE}${path}`);
      const { lang, dir } = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
      }));
      if (lang !== 'uk' || dir !== 'ltr') wrong.push(`${kind} ${path}: lang="${lang}" dir="${dir}"`);
    }
    await context.close();
    assert.ok(PAGES.length >= 7, `a page of each kind (found: ${PAGES.map(([kind]) => kind).join(', ')})`);
    assert.deepEqual(wrong, []);
  });

  test('axe finds no WCAG 2.2 AA violation on a page of each kind', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const violations = [];
    for (const [kind, path] of PAGES) {
      await page.goto(`${BASE}${path}${kind === 'search' && korean ? `?q=${encodeURIComponent(korean.alias)}` : ''}`);
      if (kind === 'search') await page.locator('.search-result').first().waitFor({ timeout: 10_000 });
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      for (const v of results.violations)
        violations.push(
          `${kind} ${path}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`,
        );
    }
    await context.close();
    assert.deepEqual(violations, []);
  });

  test('no English interface word is shown: every Latin word is from the content or the Ukrainian table', {
    skip: !CONTENT && 'the runner did not say which content folder the site was built from',
  }, async () => {
    const allowed = new Set([...contentStrings(CONTENT), ...tableStrings(uk)].flatMap(latinWords));
    const context = await newContext(browser);
    const page = await context.newPage();
    const english = [];
    for (const [kind, path] of PAGES) {
      await page.goto(`${BASE}${path}${kind === 'search' && korean ? `?q=${encodeURIComponent(korean.alias)}` : ''}`);
      if (kind === 'search') await page.locator('.search-result').first().waitFor({ timeout: 10_000 });
      for (const text of await page.evaluate(shownTexts))
        for (const word of latinWords(text))
          if (!allowed.has(word)) english.push(`${kind} ${path}: "${word}" in "${text.trim()}"`);
    }
    await context.close();
    assert.deepEqual([...new Set(english)], []);
  });

  test('typing an alias written in Korean finds the actor; the search speaks Ukrainian', {
    skip: !korean && 'no actor with an alias in Korean in this story',
  }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${BASE}/search/`);
    const box = page.getByRole('searchbox', { name: uk.search.label });
    assert.equal(await page.getByRole('button', { name: uk.search.button }).count(), 1);
    await box.fill(korean.alias);
    const hit = page.locator(`.search-result:has(a[href="${korean.path}"])`);
    await hit.waitFor({ timeout: 10_000 });
    assert.equal((await hit.locator('.kind').textContent()).trim(), uk.kinds.actor);
    const found = await page.locator('.search-result').count();
    const status = page.locator('[data-search-status]');
    assert.equal((await status.innerText()).trim(), plural(uk.browserSearch.results, found, { q: korean.alias }));
    assert.equal(new URL(page.url()).searchParams.get('q'), korean.alias, 'the query stays in the address');
    await context.close();
  });

  test('searching a Ukrainian interface word breaks nothing', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${BASE}/search/`);
    const status = page.locator('[data-search-status]');
    for (const word of [uk.kinds.source, uk.search.title, 'дійові особи ґ їжак']) {
      await page.getByRole('searchbox').fill(word);
      // The status line answers this query: results, or nothing found, in Ukrainian, never the failure message.
      await page.waitForFunction(
        (q) => document.querySelector('[data-search-status]')?.textContent?.includes(`«${q}»`),
        word,
        { timeout: 10_000 },
      );
      const text = (await status.innerText()).trim();
      const shown = await page.locator('.search-result').count();
      // The first 20 are shown; the status counts them all.
      const n = shown < 20 ? shown : Number(/^\d+/.exec(text.replace(/\s/g, ''))?.[0]);
      const { nothingFound, results, resultsFirst } = uk.browserSearch;
      const expected =
        n === 0 ? nothingFound.replace('{q}', word) : plural(n > 20 ? resultsFirst : results, n, { q: word });
      assert.equal(text, expected, `searching "${word}"`);
    }
    // An interface word that every page of a kind carries finds those pages.
    await page.getByRole('searchbox').fill(uk.kinds.source);
    await page.locator('.search-result').first().waitFor({ timeout: 10_000 });
    await context.close();
    assert.deepEqual(errors, []);
  });

  test('"since your last visit" marks and announces changes in Ukrainian', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    const moments = await page
      .locator('[data-changed-at]')
      .evaluateAll((items) => items.map((item) => Date.parse(item.dataset.changedAt)));
    assert.ok(moments.length > 1, 'the home page lists changes');
    const newest = Math.max(...moments);
    await page.evaluate((before) => {
      localStorage.setItem('explainer:last-visit', new Date(before).toISOString());
      sessionStorage.clear();
    }, newest - 1);
    await page.reload();
    const marks = await page.locator('.change-list .new-mark').allTextContents();
    assert.ok(marks.length > 0, 'the newest change is marked');
    assert.deepEqual(new Set(marks.map((mark) => mark.trim())), new Set([uk.browser.newMark]));
    assert.equal(
      (await page.locator('[data-new-status]').innerText()).trim(),
      plural(uk.browser.changes, marks.length),
    );
    await context.close();
  });

  test('preview cards name what they show in Ukrainian', {
    skip: !article && 'no article with mentions and citations',
  }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${BASE}${article}`);
    const card = page.locator('#preview-card');
    await page.locator('.prose a.actor-link').first().hover();
    await card.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal((await card.locator('.preview-kind').textContent()).trim(), uk.browser.actor);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 2000 });
    const cite = page.locator('.prose a.cite-link').first();
    const number = (await cite.getAttribute('href')).replace(/^#ref-/, '');
    await cite.hover();
    await card.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(
      (await card.locator('.preview-kind').textContent()).trim(),
      uk.browser.sourceNumber.replace('{n}', number),
    );
    await context.close();
  });

  test('no request left localhost, and no CSP violation or script error', () => {
    assert.deepEqual(offsite, []);
    if (process.env.E2E_CSP) assert.deepEqual(cspViolations, []);
  });
});
