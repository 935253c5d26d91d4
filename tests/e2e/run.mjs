// `npm run test:e2e`: browser tests against built sites.
// - Tests two stories: the sample (the build in OUT_DIR, default `dist`, when it
//   is complete: pages and search index; otherwise, or with E2E_REBUILD=1, a
//   fresh build in a temporary folder) and the fixture story in
//   tests/fixtures/site/content, built into a temporary folder. The fixture has
//   what the sample lacks (adjacent citations, code blocks, a corrected
//   article…), the sample is the site that is published. The fixture story is
//   built once more with `locale: uk` (a copy of its folder, in a temporary
//   folder), for the checks of the Ukrainian interface (ukrainian.test.mjs).
// - E2E_DIST=dir (several joined with ':') tests those builds instead of the sample and
//   the fixture story; the Ukrainian build and the hostile story are always built.
// - Serves each on 127.0.0.1 with the preview's server (scripts/lib/static-server.ts), runs every tests/e2e/*.test.mjs with node's test
//   runner, and ends with one line for all of them: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { siteHeaders, startStaticServer } from '../../scripts/lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HERE = import.meta.dirname;
const FIXTURE = join(ROOT, 'tests/fixtures/site/content');
const HOSTILE = join(ROOT, 'tests/fixtures/escaping/content');

function complete(dir) {
  return (
    existsSync(join(dir, 'index.html')) &&
    existsSync(join(dir, '404.html')) &&
    existsSync(join(dir, 'pagefind', 'pagefind.js'))
  );
}

const temps = [];
function cleanUp() {
  for (const temp of temps) rmSync(temp, { recursive: true, force: true });
}

/** A copy of a content folder in a temporary folder, with `locale` in its `site.yaml` set to another language. */
function inLocale(contentDir, locale) {
  const temp = mkdtempSync(join(tmpdir(), `explainer-e2e-${locale}-`));
  temps.push(temp);
  const copy = join(temp, 'content');
  cpSync(contentDir, copy, { recursive: true });
  const site = join(copy, 'site.yaml');
  const settings = readFileSync(site, 'utf8');
  if (!/^locale: .*$/m.test(settings)) throw new Error(`${site} has no locale line to set`);
  writeFileSync(site, settings.replace(/^locale: .*$/m, `locale: ${locale}`));
  return copy;
}

/** Builds a content folder (undefined: the project's own) into a temporary folder; returns the built site. */
function build(contentDir) {
  const temp = mkdtempSync(join(tmpdir(), 'explainer-e2e-'));
  temps.push(temp);
  const dist = join(temp, 'dist');
  console.log(`Building ${contentDir ?? 'the site'} into ${dist} …`);
  const built = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: {
      ...process.env,
      ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
      OUT_DIR: dist,
      CACHE_DIR: join(temp, 'cache'),
      BASE_PATH: '/',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  if (built.status !== 0) {
    process.stdout.write(built.stdout);
    process.stderr.write(built.stderr);
    console.log('Build failed.\n0 passed, 1 failed');
    cleanUp();
    process.exit(1);
  }
  return dist;
}

/**
 * The browser tests of the reader's site; the attack test, run over the hostile story; and the
 * checks of the Ukrainian interface, run over the fixture story built in Ukrainian.
 */
const ATTACKS = join(HERE, 'attacks.test.mjs');
const UKRAINIAN = join(HERE, 'ukrainian.test.mjs');
const readerTests = readdirSync(HERE)
  .filter((f) => f.endsWith('.test.mjs'))
  .sort()
  .map((f) => join(HERE, f))
  .filter((f) => f !== ATTACKS && f !== UKRAINIAN);

/** The built sites to test: label, folder, test files, whether `_headers` is served, and the content folder when a test reads it. */
const sites = [];
if (process.env.E2E_DIST) {
  for (const dir of process.env.E2E_DIST.split(delimiter)
    .filter(Boolean)
    .map((d) => resolve(d))) {
    if (!complete(dir)) {
      console.error(`E2E_DIST: ${dir} is not a complete build (index.html, 404.html, pagefind/).`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
    sites.push({ label: dir, dist: dir, files: readerTests, headers: true });
  }
} else {
  const dist = resolve(ROOT, process.env.OUT_DIR || 'dist');
  sites.push({
    label: 'the sample story',
    dist: process.env.E2E_REBUILD !== '1' && complete(dist) ? dist : build(undefined),
    files: readerTests,
    headers: true,
  });
  sites.push({ label: 'the fixture story', dist: build(FIXTURE), files: readerTests, headers: true });
}
// The fixture story in Ukrainian, whatever E2E_DIST says (CI passes its own builds of the others).
const ukrainian = inLocale(FIXTURE, 'uk');
sites.push({
  label: 'the fixture story in Ukrainian',
  dist: build(ukrainian),
  files: [UKRAINIAN],
  headers: true,
  content: ukrainian,
});
// A story whose every text field holds markup and script payloads: no payload may run, with the
// site's CSP header or without it (a host that ignores `_headers` still sends each page's CSP <meta>).
const hostile = build(HOSTILE);
sites.push({ label: 'the hostile story, with _headers', dist: hostile, files: [ATTACKS], headers: true });
sites.push({ label: 'the hostile story, without _headers', dist: hostile, files: [ATTACKS], headers: false });

let passed = 0;
let failed = 0;
let skipped = 0;
for (const { label, dist, files, headers, content } of sites) {
  // The project's one static server (that of `npm run preview`), on 127.0.0.1 and a port the system picks and the server keeps.
  const server = await startStaticServer({ dir: dist, base: '/', host: '127.0.0.1', port: 0, headers });
  const cspActive =
    headers &&
    siteHeaders(dist).some((rule) => rule.headers.some(([name]) => name.toLowerCase() === 'content-security-policy'));
  // The test files read these when the runner starts them, one process per file.
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DIST_DIR = dist;
  process.env.E2E_CSP = cspActive ? '1' : '';
  process.env.E2E_CONTENT_DIR = content ?? '';
  console.log(
    `\n== ${label === dist ? dist : `${label} (${dist})`}, served on ${server.url}${cspActive ? " with the site's Content-Security-Policy" : ''}`,
  );
  const stream = run({ files, concurrency: 1, timeout: 120_000 });
  stream.on('test:pass', (event) => {
    if (event.details?.type === 'suite') return;
    if (event.skip || event.todo) skipped += 1;
    else passed += 1;
  });
  stream.on('test:fail', (event) => {
    if (event.details?.type !== 'suite') failed += 1;
  });
  const report = stream.compose(spec);
  report.pipe(process.stdout, { end: false });
  await finished(report);
  await server.close();
}
cleanUp();
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
