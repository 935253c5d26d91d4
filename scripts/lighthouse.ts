/**
 * `npm run lighthouse [-- --dist DIR] [--min 0.95] [--json FILE]`
 *
 * Runs Lighthouse (mobile emulation, the default) with Debian's Chromium on an
 * article page and an actor page of a built site, and prints the performance,
 * accessibility, best-practices and SEO scores. Exits 1 when any score is below
 * the minimum. Without --dist it first builds the story in CONTENT_DIR (default
 * content/) into a temporary folder. The site is served locally with the same
 * headers the build writes in `_headers`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
// The browser tests' static server (plain JavaScript).
import { startStaticServer } from './lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

function option(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The first page of a section of the built site (`/articles/x/`), or undefined. */
function firstPage(dist: string, section: string): string | undefined {
  const dir = join(dist, section);
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir)
    .sort()
    .find((n) => existsSync(join(dir, n, 'index.html')));
  return name ? `/${section}/${name}/` : undefined;
}

function build(): { dist: string; cleanup: () => void } {
  const work = mkdtempSync(join(tmpdir(), 'explainer-lighthouse-'));
  const dist = join(work, 'dist');
  process.stdout.write(`Building ${process.env['CONTENT_DIR'] ?? 'content'} into ${dist}…\n`);
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, OUT_DIR: dist, CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('The build failed.');
  return { dist, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

async function main() {
  const args = process.argv.slice(2);
  const min = Number(option(args, '--min') ?? '0.95');
  const given = option(args, '--dist');
  const built = given ? { dist: resolve(given), cleanup: () => {} } : build();
  const pages = [firstPage(built.dist, 'articles'), firstPage(built.dist, 'actors')].filter(
    (p): p is string => p !== undefined,
  );
  if (pages.length < 2) throw new Error(`No article or actor page in ${built.dist}`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);

  const server = await startStaticServer({ dir: built.dist, base: '/', host: '127.0.0.1', port: 0 });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const results: { page: string; scores: Record<string, number | null>; failing: string[] }[] = [];
  try {
    for (const page of pages) {
      const url = new URL(page.slice(1), server.url.endsWith('/') ? server.url : `${server.url}/`).href;
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
      const { lhr } = run;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]));
      // The audits that cost points, to say what to fix.
      const failing = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'notApplicable' &&
            a.scoreDisplayMode !== 'manual',
        )
        .map((a) => `${a.id} (${a.score}${a.displayValue ? `, ${a.displayValue}` : ''})`);
      results.push({ page, scores, failing });
    }
  } finally {
    chrome.kill();
    await server.close();
    built.cleanup();
  }

  let failed = false;
  process.stdout.write(`\n| page | ${CATEGORIES.join(' | ')} |\n| --- |${CATEGORIES.map(() => ' --- |').join('')}\n`);
  for (const r of results) {
    process.stdout.write(`| ${r.page} | ${CATEGORIES.map((c) => r.scores[c]?.toFixed(2) ?? 'n/a').join(' | ')} |\n`);
    if (CATEGORIES.some((c) => (r.scores[c] ?? 0) < min)) failed = true;
  }
  for (const r of results)
    if (r.failing.length > 0) process.stdout.write(`\n${r.page}: audits below 1: ${r.failing.join('; ')}\n`);
  const json = option(args, '--json');
  if (json) writeFileSync(json, JSON.stringify(results, null, 2));
  process.stdout.write(failed ? `\nBelow ${min} on at least one category.\n` : `\nEvery score at least ${min}.\n`);
  process.exitCode = failed ? 1 : 0;
}

await main();
