// Browser tests of the built site: accessibility (axe, WCAG 2.2 AA) of every
// page kind, and of the articles with citations side by side, embeds or code,
// in both themes at desktop and 375 px width; the target size of citation
// links; previews by mouse, keyboard and touch, search by alias, the timeline
// filter, layout at 375 px, the chart over time at 320 px and desktop in both
// directions, the theme toggle, code blocks under the CSP, and
// that no request leaves localhost. Run through `npm run test:e2e` (tests/e2e/run.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  BASE,
  DIST,
  cspViolations,
  entryPages,
  featuredArticles,
  launch,
  newContext,
  offsite,
  pageKinds,
} from './browser.mjs';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const kinds = pageKinds();

/** An article whose body has both actor mentions and citations, read from the built files. */
function articleWithPreviews() {
  for (const path of entryPages('articles')) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    if (html.includes('class="actor-link"') && html.includes('class="cite-link"')) return path;
  }
  return undefined;
}

/** Viewports every page is checked at: desktop, and a 375 px phone. */
const WIDTHS = [
  ['desktop', { width: 1280, height: 800 }],
  ['375 px', { width: 375, height: 740 }],
];

function describeAxe(violations) {
  const elements = violations.reduce((sum, v) => sum + v.nodes.length, 0);
  return `${violations.length} axe violation(s) on ${elements} element(s):\n${violations
    .map(
      (v) =>
        `${v.width}: ${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
          .join('\n')}`,
    )
    .join('\n')}`;
}

describe('accessibility: axe finds no WCAG 2.2 AA violations', { concurrency: 2 }, () => {
  for (const scheme of ['light', 'dark']) {
    for (const [kind, path] of kinds) {
      test(`${kind} (${path}) in the ${scheme} theme, desktop and 375 px`, async () => {
        const context = await newContext(browser, { colorScheme: scheme, viewport: WIDTHS[0][1] });
        const page = await context.newPage();
        await page.goto(`${BASE}${path}${kind === 'search' ? '?q=a' : ''}`);
        if (kind === 'search')
          await page
            .locator('.search-results li')
            .first()
            .waitFor({ timeout: 10_000 })
            .catch(() => {});
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const violations = [];
        for (const [width, viewport] of WIDTHS) {
          await page.setViewportSize(viewport);
          const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
          violations.push(...results.violations.map((v) => ({ ...v, width })));
        }
        await context.close();
        // The theme really changed: dark backgrounds are dark.
        const [r, g, b] = background.match(/\d+/g).map(Number);
        const light = (r + g + b) / 3 > 128;
        assert.equal(light, scheme === 'light', `body background ${background} in the ${scheme} theme`);
        assert.equal(violations.length, 0, describeAxe(violations));
      });
    }
  }
});

describe('citations', () => {
  const adjacent = featuredArticles().find(([feature]) => feature === 'adjacent citations')?.[1];

  // WCAG 2.2 2.5.8: a 24 px circle centred on each link's hit area overlaps no other link.
  for (const [width, viewport] of WIDTHS) {
    test(`adjacent citations leave every link a 24 px target at ${width}`, {
      skip: !adjacent && 'no article with adjacent citations in this story',
    }, async () => {
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      await page.goto(`${BASE}${adjacent}`);
      const boxes = await page.locator('.prose a.cite-link').evaluateAll((links) =>
        links.map((a) => {
          const r = a.getBoundingClientRect();
          return { id: a.id, text: a.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
        }),
      );
      await context.close();
      const small = (box) => box.w < 24 || box.h < 24;
      const centre = (box) => [box.x + box.w / 2, box.y + box.h / 2];
      const crowded = [];
      for (const a of boxes.filter(small)) {
        const [ax, ay] = centre(a);
        for (const b of boxes) {
          if (a === b) continue;
          // Two small targets: their 24 px circles may not meet. A large one: a's circle may not reach it.
          const [bx, by] = centre(b);
          const gap = small(b)
            ? Math.hypot(ax - bx, ay - by) - 24
            : Math.hypot(Math.max(b.x - ax, 0, ax - (b.x + b.w)), Math.max(b.y - ay, 0, ay - (b.y + b.h))) - 12;
          if (gap < 0)
            crowded.push(
              `${a.id} "${a.text}" (${a.w.toFixed(1)} × ${a.h.toFixed(1)} px) is ${(-gap).toFixed(1)} px too close to ${b.id} "${b.text}"`,
            );
        }
      }
      assert.ok(boxes.length > 1, 'the article has citation links');
      assert.deepEqual(crowded, []);
    });
  }
});

describe('previews', () => {
  const article = articleWithPreviews();

  test('an actor mention shows its card on hover, and Escape hides it', {
    skip: !article && 'no article with mentions',
  }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${BASE}${article}`);
    const link = page.locator('.prose a.actor-link').first();
    const name = await link.getAttribute('data-name');
    const card = page.locator('#preview-card');
    await link.hover();
    await card.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await card.getAttribute('role'), 'tooltip');
    assert.match(await card.innerText(), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await link.getAttribute('aria-describedby'), 'preview-card');
    // The card is hoverable: moving onto it keeps it open.
    const box = await card.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.waitForTimeout(400);
    assert.ok(await card.isVisible(), 'card stays open while the pointer is on it');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 2000 });
    assert.equal(await link.getAttribute('aria-describedby'), null);
    await context.close();
  });

  test('a citation shows its source on keyboard focus, and Escape hides it', {
    skip: !article && 'no article with citations',
  }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${BASE}${article}`);
    const link = page.locator('.prose a.cite-link').first();
    const target = (await link.getAttribute('href')).slice(1);
    const title = (await page.locator(`[id="${target}"] .reference-title`).innerText()).trim();
    // Tab through the page until the first citation has focus.
    let focused = false;
    for (let i = 0; i < 200 && !focused; i += 1) {
      await page.keyboard.press('Tab');
      focused = await link.evaluate((el) => el === document.activeElement);
    }
    assert.ok(focused, 'the citation link is reachable with Tab');
    const card = page.locator('#preview-card');
    await card.waitFor({ state: 'visible', timeout: 3000 });
    assert.ok((await card.innerText()).includes(title), 'card names the source');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 2000 });
    assert.ok(await link.evaluate((el) => el === document.activeElement), 'focus stays on the link');
    // Enter still follows the link.
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#${id}`, target);
    await context.close();
  });

  test('on touch, the first tap shows the card and the second follows the link', {
    skip: !article && 'no article with mentions',
  }, async () => {
    const context = await newContext(browser, {
      hasTouch: true,
      isMobile: true,
      viewport: { width: 375, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(`${BASE}${article}`);
    const link = page.locator('.prose a.actor-link').first();
    const href = await link.getAttribute('href');
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    const card = page.locator('#preview-card');
    await card.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(new URL(page.url()).pathname, article, 'first tap stays on the page');
    await link.tap();
    await page.waitForURL((url) => url.pathname === href, { timeout: 5000 });
    await context.close();
  });

  test('without JavaScript, mentions and citations are plain working links', {
    skip: !article && 'no article',
  }, async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${BASE}${article}`);
    const href = await page.locator('.prose a.cite-link').first().getAttribute('href');
    assert.match(href, /^#ref-\d+$/);
    assert.equal(await page.locator(href).count(), 1, 'the citation points at a reference list item');
    const actorHref = await page.locator('.prose a.actor-link').first().getAttribute('href');
    const response = await page.goto(new URL(actorHref, page.url()).href);
    assert.equal(response.status(), 200);
    await context.close();
  });
});

describe('search', () => {
  test('finds an actor by every alias, in any script, and labels the result as an actor', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // The first actor with aliases, or better, the first whose aliases carry a language (another script).
    let found;
    for (const path of entryPages('actors')) {
      if (found?.withLanguage) break;
      await page.goto(`${BASE}${path}`);
      const aliases = await page.locator('.aliases [lang]').allInnerTexts();
      if (aliases.length === 0) continue;
      const withLanguage = (await page.locator('.aliases [lang]:not([lang="und"])').count()) > 0;
      if (found && !withLanguage) continue;
      found = {
        path,
        aliases,
        withLanguage,
        statements: (await page.locator('section[aria-labelledby="statements-by"] li').count()) > 0,
      };
    }
    if (!found) {
      t.skip('no actor with aliases in this story');
      await context.close();
      return;
    }
    for (const alias of found.aliases) {
      await page.goto(`${BASE}/search/?q=${encodeURIComponent(alias)}`);
      const hit = page.locator(`.search-result:has(a[href="${found.path}"])`);
      await hit
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      assert.equal(await hit.count(), 1, `searching "${alias}" finds ${found.path}`);
      assert.equal((await hit.locator('.kind').innerText()).trim().toLowerCase(), 'actor');
      // Their statements are found by the same spelling.
      const kinds = (await page.locator('.search-result .kind').allInnerTexts()).map((kind) =>
        kind.trim().toLowerCase(),
      );
      if (found.statements)
        assert.ok(
          kinds.includes('statement'),
          `searching "${alias}" finds statements by ${found.path} (found: ${kinds.join(', ')})`,
        );
    }
    // Typing works too, and the status line is announced.
    await page.goto(`${BASE}/search/`);
    await page.getByRole('searchbox').fill(found.aliases[0]);
    await page.locator(`.search-result a[href="${found.path}"]`).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('[data-search-status]').innerText(), /result/);
    await context.close();
  });
});

describe('timeline', () => {
  test('filters by actor in the page', async (t) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${BASE}/timeline/`);
    const select = page.locator('[data-timeline-filter] select').first();
    if ((await select.count()) === 0) {
      t.skip('fewer than two actors on the timeline');
      await context.close();
      return;
    }
    const actor = await select.locator('option').nth(1).getAttribute('value');
    const total = await page.locator('.timeline li[data-actors]').count();
    await select.selectOption(actor);
    const visible = await page
      .locator('.timeline li[data-actors]:visible')
      .evaluateAll((items) => items.map((i) => i.dataset.actors.split(' ')));
    assert.ok(visible.length > 0 && visible.length <= total);
    assert.ok(
      visible.every((actors) => actors.includes(actor)),
      'only entries involving the actor stay visible',
    );
    assert.equal(
      await page
        .locator('.timeline-day:visible')
        .evaluateAll((days) => days.filter((d) => !d.querySelector('li:not([hidden])')).length),
      0,
      'no empty day stays',
    );
    assert.equal(new URL(page.url()).searchParams.get('actor'), actor);
    await select.selectOption('');
    assert.equal(await page.locator('.timeline li[data-actors]:visible').count(), total);
    await context.close();
  });
});

describe('what changed since your last visit', () => {
  test('first visit: no marks; after changes: exactly the newer ones marked, on the home page and an article; remembered only in this browser', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const requests = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(`${BASE}/`);
    const moments = await page
      .locator('[data-changed-at]')
      .evaluateAll((items) => items.map((i) => Date.parse(i.dataset.changedAt)));
    assert.ok(moments.length > 1, 'the home page lists changes with their moments');
    assert.equal(await page.locator('.new-mark').count(), 0, 'a first visit marks nothing');
    assert.ok(await page.evaluate(() => localStorage.getItem('explainer:last-visit')), 'the visit is remembered');
    // Come back in a new session, after a visit made just before the newest change.
    const newest = Math.max(...moments);
    await page.evaluate((before) => {
      localStorage.setItem('explainer:last-visit', new Date(before).toISOString());
      sessionStorage.clear();
    }, newest - 1);
    await page.reload();
    const expected = moments.filter((at) => at > newest - 1).length;
    assert.equal(await page.locator('.is-new .new-mark').count(), expected);
    const listed = await page.locator('.change-list .is-new').count();
    assert.ok(listed > 0);
    assert.match(
      await page.locator('[data-new-status]').innerText(),
      new RegExp(`^${listed} changes? since your last visit\\.$`),
    );
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    assert.deepEqual(results.violations, [], describeAxe(results.violations.map((v) => ({ ...v, width: 'desktop' }))));
    // The same session marks against the same moment on an article's update log.
    await page.evaluate(() => {
      localStorage.setItem('explainer:last-visit', '2000-01-01T00:00:00Z');
      sessionStorage.clear();
    });
    const logged = entryPages('articles').find((path) =>
      readFileSync(join(DIST, path, 'index.html'), 'utf8').includes('class="update-log"'),
    );
    if (logged) {
      await page.goto(`${BASE}${logged}`);
      const entries = await page.locator('.update-log li').count();
      assert.ok(entries > 0);
      assert.equal(await page.locator('.update-log .new-mark').count(), entries);
    }
    assert.deepEqual(await context.cookies(), [], 'no cookie is set');
    assert.ok(
      requests.every((request) => request.method() === 'GET'),
      'nothing is sent anywhere',
    );
    await context.close();
  });
});

describe('layout', () => {
  for (const width of [375, 320]) {
    test(`no horizontal scrolling at ${width} px on any page kind`, async () => {
      const context = await newContext(browser, { viewport: { width, height: 800 } });
      const page = await context.newPage();
      const wide = [];
      for (const [kind, path] of kinds) {
        await page.goto(`${BASE}${path}`);
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (scroll > client) wide.push(`${kind} ${path}: ${scroll} > ${client}`);
      }
      await context.close();
      assert.deepEqual(wide, []);
    });
  }

  test('the chart over time clips no label and its legend stays in view, at 320 px and desktop, left to right and right to left', async (t) => {
    const figure = entryPages('figures').find((path) =>
      readFileSync(join(DIST, path, 'index.html'), 'utf8').includes('class="chart time-chart"'),
    );
    if (!figure) return t.skip('no figure with estimates over time');
    const problems = [];
    for (const width of [320, 1280]) {
      const context = await newContext(browser, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const dir of ['ltr', 'rtl']) {
        await page.goto(`${BASE}${figure}`);
        await page.evaluate((value) => document.documentElement.setAttribute('dir', value), dir);
        const found = await page.evaluate(() => {
          const out = [];
          const svg = document.querySelector('.time-chart');
          const [, , w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
          // Rendered boxes, in the chart's own units: each label must lie inside the canvas.
          const scale = svg.getBoundingClientRect().width / w;
          const canvas = svg.getBoundingClientRect();
          for (const text of svg.querySelectorAll('text')) {
            const box = text.getBoundingClientRect();
            const [left, right] = [(box.left - canvas.left) / scale, (box.right - canvas.left) / scale];
            const [top, bottom] = [(box.top - canvas.top) / scale, (box.bottom - canvas.top) / scale];
            if (left < 0 || right > w || top < 0 || bottom > h)
              out.push(`label "${text.textContent}" outside the chart`);
          }
          const page = document.documentElement.clientWidth;
          for (const item of document.querySelectorAll('.chart-legend li')) {
            const box = item.getBoundingClientRect();
            if (box.left < 0 || box.right > page) out.push(`legend "${item.textContent.trim()}" outside the page`);
          }
          return out;
        });
        problems.push(...found.map((problem) => `${width} px, ${dir}: ${problem}`));
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test('skip link is the first stop and moves focus to the main content', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    assert.ok(await skip.evaluate((el) => el === document.activeElement));
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0, 'the focused skip link is on screen');
    const outline = await skip.evaluate((el) => getComputedStyle(el));
    assert.equal(outline.outlineStyle, 'solid', 'focus is visible');
    assert.ok(parseFloat(outline.outlineWidth) >= 2);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await context.close();
  });
});

describe('print', () => {
  test('the print stylesheet hides navigation and prints reference URLs', async (t) => {
    const article = articleWithPreviews();
    if (!article) return t.skip('no article with references');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${BASE}${article}`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header nav').isVisible(), false);
    const original = page.locator('.references a.reference-original').first();
    if ((await original.count()) === 0) {
      await context.close();
      return t.skip('no reference in this article has a web address (only the navigation check ran)');
    }
    const href = await original.getAttribute('href');
    const printed = await original.evaluate((el) => getComputedStyle(el, '::after').content);
    assert.ok(printed.includes(href), `printed ${printed}`);
    await context.close();
  });
});

describe('theme', () => {
  test('the toggle switches theme, persists across pages and reloads, applies before first paint, and switching back follows the system', async () => {
    const context = await newContext(browser, { colorScheme: 'light' });
    // Record the theme at the moment <body> is first inserted, before any paint of it.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          window.__themeAtBody = document.documentElement.getAttribute('data-theme');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(darkBg, lightBg);
    await page.goto(`${BASE}/timeline/`);
    assert.equal(await page.evaluate(() => window.__themeAtBody), 'dark', 'theme set before the body is parsed');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), darkBg);
    assert.equal(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'), 'true');
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    // Switching back to the system's theme forgets the choice: the page follows the system again.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
    assert.equal(await page.evaluate(() => window.localStorage.getItem('explainer-theme')), null);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), lightBg);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), darkBg);
    assert.equal(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'), 'true');
    // A choice against the system is remembered: light while the system is dark.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), lightBg);
    await context.close();
  });
});

describe('privacy and CSP', () => {
  const withCode = ['articles', 'actors', 'figures']
    .flatMap((folder) => entryPages(folder))
    .filter((path) => /<pre[\s>]/.test(readFileSync(join(DIST, path, 'index.html'), 'utf8')));

  test('code blocks render with no inline style, and the browser reports no CSP violation on their pages', {
    skip:
      (!process.env.E2E_CSP && 'the build wrote no CSP header') ||
      (withCode.length === 0 && 'no page with a code block in this story'),
  }, async () => {
    const context = await newContext(browser);
    // Every violation the browser reports, as a DOM event (the console check below catches the rest).
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'} (${event.sample})`),
      );
    });
    const page = await context.newPage();
    const problems = [];
    for (const path of withCode) {
      await page.goto(`${BASE}${path}`);
      const code = page.locator('main pre code').first();
      assert.ok(await code.isVisible(), `${path}: the code block is shown`);
      const styled = await page.locator('main :is(pre, pre *)[style]').count();
      const violations = await page.evaluate(() => window.__cspViolations);
      if (styled > 0) problems.push(`${path}: ${styled} element(s) with a style attribute`);
      for (const violation of violations) problems.push(`${path}: ${violation}`);
      problems.push(...cspViolations.filter((line) => line.startsWith(`${BASE}${path}:`)));
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('no request left localhost on any page visited', () => {
    assert.deepEqual(offsite, []);
  });
  test('no Content-Security-Policy violation or script error on any page visited', {
    skip: !process.env.E2E_CSP && 'the build wrote no CSP header',
  }, () => {
    assert.deepEqual(cspViolations, []);
  });
});
