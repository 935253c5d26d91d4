// Content is data, in the browser too. Run by tests/e2e/run.mjs over the hostile
// story (tests/fixtures/escaping: every text field an editor writes holds
// `<script>alert(…)</script>` and `"><img src=x onerror=alert(…)>`), once with the
// site's `_headers` and once as a host that ignores them. On every page, with the
// previews opened and the search run over the payloads: no dialog, no page error,
// no element made from a payload, no request leaving localhost.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE, DIST, launch, newContext, offsite } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every page of the built site, by site path. */
function allPages(dir = DIST) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return allPages(path);
    return name.endsWith('.html') ? [`/${relative(DIST, path).replace(/index\.html$/, '')}`] : [];
  });
}

/** Elements a payload would have made, had it been read as markup. */
async function injected(page) {
  return page.evaluate(() => [
    ...[...document.querySelectorAll('img[src="x"], [onerror], [onload], [onclick]')].map((el) =>
      el.outerHTML.slice(0, 120),
    ),
    ...[...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')]
      .filter((s) => s.textContent?.includes('alert('))
      .map((s) => s.outerHTML.slice(0, 120)),
  ]);
}

/** A page that records every dialog and page error. */
async function watchedPage(context, seen) {
  const page = await context.newPage();
  page.on('dialog', async (dialog) => {
    seen.push(`${page.url()}: dialog "${dialog.message()}"`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.push(`${page.url()}: page error ${error.message}`));
  return page;
}

describe('no payload runs', () => {
  const pages = allPages();

  test('the hostile story builds into pages', () => {
    assert.ok(pages.length > 10, `expected the hostile story's pages, found ${pages.length}`);
  });

  test('on every page, with previews opened', async () => {
    const context = await newContext(browser);
    const seen = [];
    const page = await watchedPage(context, seen);
    for (const path of pages) {
      await page.goto(`${BASE}${path}`);
      // Previews build their cards from data attributes: open one of each kind.
      for (const selector of ['.actor-link', '.cite-link']) {
        const link = page.locator(selector).first();
        if ((await link.count()) > 0 && (await link.isVisible())) await link.hover();
      }
      for (const element of await injected(page)) seen.push(`${path}: ${element}`);
    }
    await context.close();
    assert.deepEqual(seen, []);
  });

  test('in search results, whose excerpts quote the payloads', async () => {
    const context = await newContext(browser);
    const seen = [];
    const page = await watchedPage(context, seen);
    for (const query of ['alert', 'script', 'onerror', 'img']) {
      await page.goto(`${BASE}/search/?q=${query}`);
      await page.locator('.search-results li').first().waitFor({ timeout: 10_000 });
      for (const element of await injected(page)) seen.push(`search "${query}": ${element}`);
    }
    await context.close();
    assert.deepEqual(seen, []);
  });

  test('no request left localhost', () => {
    assert.deepEqual(offsite, []);
  });
});
