// Screenshots for review: `node tests/e2e/screenshots.mjs <built site> <out dir>`.
// Desktop (1280 px) and phone (375 px), light and dark, of the main page kinds,
// plus an open actor preview (desktop) and search results. SHOT_PAGES (comma-separated paths)
// and SHOT_SEARCH (a query) adapt it to another story; SHOT_RTL=1 forces dir="rtl" on
// every page, to review how the layout mirrors.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

const [dist = 'dist', out = 'screenshots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await startStaticServer({ dir: resolve(dist), base: '/', host: '127.0.0.1', port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const pages = (
  process.env.SHOT_PAGES ??
  '/,/articles/north-korean-troops-in-russia/,/figures/north-korean-troops-in-russia/,/timeline/'
).split(',');
for (const scheme of ['light', 'dark']) {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['375', { width: 375, height: 812 }],
  ]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport, hasTouch: label === '375' });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      if (process.env.SHOT_RTL === '1') await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
      const name = path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';
      await page.screenshot({ path: join(out, `${name}-${label}-${scheme}.png`) });
      for (const part of [
        '.figure-chart',
        '.figure-over-time',
        '.correction-notice',
        '.cast',
        '.references',
        '.timeline-filter',
      ]) {
        const el = page.locator(part).first();
        if ((await el.count()) === 0 || !(await el.isVisible())) continue;
        await el.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(out, `${name}-${part.slice(1)}-${label}-${scheme}.png`) });
      }
    }
    if (label === 'desktop') {
      await page.goto(`${server.url}/articles/`);
      const article = await page.locator('main a[href^="/articles/"]').first().getAttribute('href');
      await page.goto(`${server.url}${article}`);
      const link = page.locator('.prose a.actor-link').first();
      await link.scrollIntoViewIfNeeded();
      await link.hover();
      await page.locator('#preview-card').waitFor();
      await page.screenshot({ path: join(out, `preview-${label}-${scheme}.png`) });
    }
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(process.env.SHOT_SEARCH ?? 'Зеленський')}`);
    await page.locator('.search-result').first().waitFor();
    await page.screenshot({ path: join(out, `search-${label}-${scheme}.png`) });
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
