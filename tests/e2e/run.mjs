// `npm run test:e2e`: browser tests against the built site.
// - Uses the built site in E2E_DIST, else OUT_DIR (default `dist`) when it holds
//   a complete build (pages and search index), else builds one into a
//   temporary folder (set E2E_REBUILD=1 to always build).
// - Serves it on 127.0.0.1 (scripts/lib/static-server.ts, the server of `npm run
//   preview`), runs every tests/e2e/*.test.mjs with node's test
//   runner, and ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { siteHeaders, startStaticServer } from '../../scripts/lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HERE = import.meta.dirname;

function complete(dir) {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, '404.html')) && existsSync(join(dir, 'pagefind', 'pagefind.js'));
}

let dist = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : resolve(ROOT, process.env.OUT_DIR || 'dist');
let temp;
if (process.env.E2E_DIST && !complete(dist)) {
  console.error(`E2E_DIST=${dist} is not a complete build (index.html, 404.html, pagefind/).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (process.env.E2E_REBUILD === '1' || !complete(dist)) {
  temp = mkdtempSync(join(tmpdir(), 'explainer-e2e-'));
  dist = join(temp, 'dist');
  console.log(`Building the site into ${dist} …`);
  const built = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: dist, CACHE_DIR: join(temp, 'cache'), BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) {
    process.stdout.write(built.stdout);
    process.stderr.write(built.stderr);
    console.log('Build failed.\n0 passed, 1 failed');
    rmSync(temp, { recursive: true, force: true });
    process.exit(1);
  }
} else {
  console.log(`Testing the built site in ${dist}`);
}

// The project's one static server, on 127.0.0.1 and a port the system picks; the server keeps it until the end.
const server = await startStaticServer({ dir: dist, base: '/', host: '127.0.0.1', port: 0 });
const cspActive = siteHeaders(dist).some((rule) => rule.headers.some(([name]) => name.toLowerCase() === 'content-security-policy'));
process.env.E2E_BASE_URL = server.url;
process.env.E2E_DIST_DIR = dist;
process.env.E2E_CSP = cspActive ? '1' : '';
console.log(`Serving on ${server.url}${cspActive ? ' with the site\'s Content-Security-Policy' : ''}`);

const files = readdirSync(HERE).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(HERE, f));
let passed = 0;
let failed = 0;
let skipped = 0;
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
if (temp) rmSync(temp, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
