import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { materializeCase } from '../helpers/error-fixtures.ts';
import { CONTENT } from './publishing-suite.ts';
import { treeDigest } from './publishing-helpers.ts';

/** A cache key no build of this test makes. */
const OLD_KEY = '00000000000000aa';
/** The id of a process that has ended. */
const deadPid = spawnSync('true').pid;
let work: string;
/** The fixture story built once by `npm run build`, for both tests; the first test builds into it again and must leave it the same. */
let first: string;
let firstBuild: { status: number | null; output: string };

/** Runs the real build entry point (`npm run build` runs this script) into `out`. */
function build(out: string, content: string, cache: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      CONTENT_DIR: resolve(ROOT, content),
      OUT_DIR: out,
      CACHE_DIR: join(work, cache),
      BUILD_DATE: '',
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'explainer-atomic-'));
  first = join(work, 'first');
  // A staging folder left by a killed build (its process is gone) is cleaned up.
  mkdirSync(join(work, `.first.building-${deadPid}`));
  // A cache folder of another key, last used a year ago by a build that is gone, and a folder that is no cache.
  const old = join(work, 'cache-a', OLD_KEY);
  mkdirSync(join(old, '.in-use'), { recursive: true });
  writeFileSync(join(old, '.in-use', `${deadPid}@${hostname()}`), '');
  writeFileSync(join(old, '.last-used'), '');
  const yearAgo = Date.now() / 1000 - 365 * 24 * 60 * 60;
  utimesSync(join(old, '.last-used'), yearAgo, yearAgo);
  mkdirSync(join(work, 'cache-a', 'notes'));
  utimesSync(join(work, 'cache-a', 'notes'), yearAgo, yearAgo);
  firstBuild = build(first, CONTENT, 'cache-a');
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a successful build removes the cache folders not used for long, keeps its own and touches nothing else', () => {
  expect(firstBuild.status, firstBuild.output).toBe(0);
  const cache = join(work, 'cache-a');
  const left = readdirSync(cache).filter((name) => !name.startsWith('.'));
  expect(left).not.toContain(OLD_KEY);
  expect(left).toContain('notes');
  const own = left.filter((name) => /^[0-9a-f]{16}$/.test(name));
  expect(own).toHaveLength(1);
  // Its own folder is stamped as used, and its lease was given back when the build ended.
  expect(existsSync(join(cache, own[0] ?? '', '.last-used'))).toBe(true);
  expect(readdirSync(join(cache, own[0] ?? '', '.in-use'))).toEqual([]);
});

test('the same commit built twice gives byte-identical files, and a failed build leaves the output as it was', () => {
  const second = join(work, 'second');
  expect(firstBuild.status, firstBuild.output).toBe(0);
  expect(existsSync(join(work, `.first.building-${deadPid}`))).toBe(false);
  const b = build(second, CONTENT, 'cache-b');
  expect(b.status, b.output).toBe(0);
  const digest = treeDigest(first);
  expect(digest.size).toBeGreaterThan(50);
  expect(treeDigest(second)).toEqual(digest);

  // A story with an unknown citation fails the content check: the output must not change.
  const broken = join(work, 'unknown-citation');
  materializeCase('unknown-citation', broken);
  const failed = build(first, broken, 'cache-a');
  expect(failed.status).not.toBe(0);
  expect(failed.output).toMatch(/left as it was/);
  expect(treeDigest(first)).toEqual(digest);
  // No staging folder is left behind.
  expect(readdirSync(work).filter((name) => name.includes('.building-') || name.includes('.previous-'))).toEqual([]);

  // A successful build replaces the output whole: a file left from before is gone.
  writeFileSync(join(second, 'stray.html'), 'old');
  const c = build(second, CONTENT, 'cache-b');
  expect(c.status, c.output).toBe(0);
  expect(existsSync(join(second, 'stray.html'))).toBe(false);
  expect(treeDigest(second)).toEqual(digest);
}, 120_000);

test('npm run preview serves the build like a host: index files, 404 page, headers from _headers', async () => {
  expect(firstBuild.status, firstBuild.output).toBe(0);
  const out = first;
  const server = spawn(process.execPath, [join(ROOT, 'scripts/preview.ts')], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: out, PORT: '0' },
  });
  try {
    const origin = await new Promise<string>((done, fail) => {
      server.stdout.on('data', (chunk: Buffer) => {
        const match = /http:\/\/[\d.]+:\d+/.exec(chunk.toString());
        if (match) done(match[0]);
      });
      server.on('exit', (code) => fail(new Error(`preview exited with ${code}`)));
    });
    const home = await fetch(`${origin}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    const folder = await fetch(`${origin}/actors`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/actors/');
    const missing = await fetch(`${origin}/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/<html/);
    const escaping = await fetch(`${origin}/..%2f..%2fpackage.json`);
    expect(escaping.status).toBe(404);
    const feed = await fetch(`${origin}/rss.xml`);
    expect(feed.headers.get('content-type')).toMatch(/xml/);
  } finally {
    server.kill();
  }
});
