import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/build.ts';

let work: string;
let content: string;
let dev: ChildProcess | undefined;
let base: string;
let log = '';

/** The environment without vitest's own variables, which make Astro's dev server skip its page routes. */
function devEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name === 'TEST' || name.startsWith('VITEST')) delete env[name];
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
}

/** Polls every `every` ms, for up to 20 s, until the page satisfies `done` (the dev server reloads content asynchronously). */
async function until(path: string, done: (page: { status: number; text: string }) => boolean, every = 200): Promise<{ status: number; text: string }> {
  let last = { status: 0, text: '' };
  for (let attempt = 0; attempt < 20_000 / every; attempt++) {
    try {
      last = await get(path);
      if (done(last)) return last;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return last;
}

/** The path of a content file and its text with `from` replaced by `to`. */
function replaced(file: string, from: RegExp, to: string): { path: string; after: string } {
  const path = join(content, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  return { path, after };
}

function edit(file: string, from: RegExp, to: string): void {
  const { path, after } = replaced(file, from, to);
  writeFileSync(path, after);
}

/** Saves like many editors do: the file is emptied first, and written a moment later. */
async function editInTwoSteps(file: string, from: RegExp, to: string): Promise<void> {
  const { path, after } = replaced(file, from, to);
  writeFileSync(path, '');
  await new Promise((resolve) => setTimeout(resolve, 20));
  writeFileSync(path, after);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'explainer-dev-'));
  content = join(work, 'content');
  cpSync(join(ROOT, 'tests/fixtures/minimal/content'), content, { recursive: true });
  const port = await freePort();
  base = `http://localhost:${port}`;
  dev = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(port)], {
    cwd: ROOT,
    env: { ...devEnv(), CONTENT_DIR: content, CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const first = await until('/articles/barrier-vote/', (page) => page.status === 200);
  if (first.status !== 200) throw new Error(`astro dev did not serve the article (status ${first.status}):\n${log}\n${first.text.slice(0, 2000)}`);
}, 60_000);

afterAll(async () => {
  // Astro allows one dev server per project: the next suite's starts only once this one is gone.
  if (dev && dev.exitCode === null) await new Promise((resolve) => dev?.once('exit', resolve).kill('SIGTERM'));
  rmSync(work, { recursive: true, force: true });
});

describe('npm run dev: live preview', () => {
  test('a YAML edit shows without a restart', async () => {
    edit('statements/barrier.yaml', /context: council meeting/, 'context: LIVE-YAML-EDIT at the council meeting');
    const page = await until('/statements/voss-barrier-pledge/', (p) => p.text.includes('LIVE-YAML-EDIT'));
    expect(page.text).toContain('LIVE-YAML-EDIT');
  }, 30_000);

  test('an MDX edit shows without a restart', async () => {
    edit('articles/barrier-vote.mdx', /The vote was taken by/, 'LIVE-MDX-EDIT: the vote was taken by');
    const page = await until('/articles/barrier-vote/', (p) => p.text.includes('LIVE-MDX-EDIT'));
    expect(page.text).toContain('LIVE-MDX-EDIT');
  }, 30_000);

  test('a save that empties the file before writing it shows the new text, not an empty file', async () => {
    // The watcher drops a change that follows another within 50 ms: read too early, the entries would vanish.
    await editInTwoSteps('statements/barrier.yaml', /LIVE-YAML-EDIT/, 'LIVE-TWO-STEP-YAML');
    const statement = await until('/statements/voss-barrier-pledge/', (p) => p.text.includes('LIVE-TWO-STEP-YAML'));
    expect(statement.status).toBe(200);
    expect(statement.text).toContain('LIVE-TWO-STEP-YAML');
    await editInTwoSteps('articles/barrier-vote.mdx', /LIVE-MDX-EDIT/, 'LIVE-TWO-STEP-MDX');
    const article = await until('/articles/barrier-vote/', (p) => p.text.includes('LIVE-TWO-STEP-MDX'));
    expect(article.status).toBe(200);
    expect(article.text).toContain('LIVE-TWO-STEP-MDX');
  }, 30_000);

  test('an integrity error shows in the browser, and the site comes back once fixed', async () => {
    edit('statements/barrier.yaml', /speaker: helena-voss/, 'speaker: helena-vosss');
    const broken = await until('/articles/barrier-vote/', (p) => p.text.includes('The content has 1 error'));
    expect(broken.status).toBe(500);
    expect(broken.text).toContain('statements/barrier.yaml:2:');
    expect(broken.text).toContain('unknown actor &quot;helena-vosss&quot;');
    expect(broken.text).toContain('did you mean &quot;helena-voss&quot;');
    edit('statements/barrier.yaml', /speaker: helena-vosss/, 'speaker: helena-voss');
    const fixed = await until('/articles/barrier-vote/', (p) => p.status === 200);
    expect(fixed.status).toBe(200);
    expect(dev?.exitCode).toBeNull();
  }, 30_000);

  test('an MDX syntax error shows in the browser without killing the server', async () => {
    edit('articles/barrier-vote.mdx', /<Actor id="helena-voss" \/>/, '<Actor id="helena-voss">');
    // Until the watcher reports the change the old page may answer, but never Astro's own error page:
    // the first page asked for after the change runs the content check first.
    const others: string[] = [];
    const broken = await until('/articles/barrier-vote/', (p) => {
      if (p.status !== 200 && !p.text.includes('The content has')) others.push(/<title>([^<]*)<\/title>/.exec(p.text)?.[1] ?? p.text.slice(0, 80));
      return p.text.includes('MDX cannot be read');
    }, 5);
    // Before the fix, Astro's "MDXError" page answered for up to 50 ms.
    expect(others).toEqual([]);
    expect(broken.status).toBe(500);
    expect(broken.text).toContain('MDX cannot be read');
    expect(broken.text).toContain('articles/barrier-vote.mdx:');
    edit('articles/barrier-vote.mdx', /<Actor id="helena-voss">/, '<Actor id="helena-voss" />');
    const fixed = await until('/articles/barrier-vote/', (p) => p.status === 200 && p.text.includes('LIVE-TWO-STEP-MDX'));
    expect(fixed.status).toBe(200);
    expect(dev?.exitCode).toBeNull();
  }, 30_000);
});
