// `npm run dev` keeps serving while an editor saves: edits show without a restart,
// and content errors show in the browser. One dev server for the file; before each
// test the story is put back as it was, so no test depends on another's edits.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { BASE_CONTENT } from '../helpers/error-fixtures.ts';
import { type DevServer, startDev } from '../helpers/dev-server.ts';

let work: string;
let content: string;
let dev: DevServer | undefined;
let base: string;

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
}

/** Polls every `every` ms, for up to 20 s, until the page satisfies `done` (the dev server reloads content asynchronously). */
async function until(
  path: string,
  done: (page: { status: number; text: string }) => boolean,
  every = 200,
): Promise<{ status: number; text: string }> {
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

/** The files of the base story, relative to the content folder. */
function baseFiles(): string[] {
  return readdirSync(BASE_CONTENT, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(BASE_CONTENT, join(entry.parentPath, entry.name)));
}

/** The story as the base has it: both pages served, with none of the tests' edits. */
const pristine = (page: { status: number; text: string }) => page.status === 200 && !page.text.includes('LIVE-');

/** Puts back every file a test changed, and waits until the server shows the story as it was. */
async function resetContent(): Promise<void> {
  for (const file of baseFiles()) {
    const original = readFileSync(join(BASE_CONTENT, file));
    if (!original.equals(readFileSync(join(content, file)))) writeFileSync(join(content, file), original);
  }
  for (const path of ['/articles/barrier-vote/', '/statements/voss-barrier-pledge/']) {
    const page = await until(path, pristine);
    if (!pristine(page))
      throw new Error(
        `astro dev did not serve ${path} as it was (status ${page.status}):\n${dev?.log()}\n${page.text.slice(0, 2000)}`,
      );
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'explainer-dev-'));
  content = join(work, 'content');
  cpSync(BASE_CONTENT, content, { recursive: true });
  dev = await startDev({ CONTENT_DIR: content, CACHE_DIR: join(work, 'cache') });
  base = dev.base;
}, 60_000);

beforeEach(resetContent, 30_000);

afterAll(async () => {
  await dev?.stop();
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
    await editInTwoSteps(
      'statements/barrier.yaml',
      /context: council meeting/,
      'context: LIVE-TWO-STEP-YAML at the council meeting',
    );
    const statement = await until('/statements/voss-barrier-pledge/', (p) => p.text.includes('LIVE-TWO-STEP-YAML'));
    expect(statement.status).toBe(200);
    expect(statement.text).toContain('LIVE-TWO-STEP-YAML');
    await editInTwoSteps(
      'articles/barrier-vote.mdx',
      /The vote was taken by/,
      'LIVE-TWO-STEP-MDX: the vote was taken by',
    );
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
    expect(dev?.child.exitCode).toBeNull();
  }, 30_000);

  test('an MDX syntax error shows in the browser without killing the server', async () => {
    edit('articles/barrier-vote.mdx', /<Actor id="helena-voss" \/>/, '<Actor id="helena-voss">');
    // Until the watcher reports the change the old page may answer, but never Astro's own error page:
    // the first page asked for after the change runs the content check first.
    const others: string[] = [];
    const broken = await until(
      '/articles/barrier-vote/',
      (p) => {
        if (p.status !== 200 && !p.text.includes('The content has'))
          others.push(/<title>([^<]*)<\/title>/.exec(p.text)?.[1] ?? p.text.slice(0, 80));
        return p.text.includes('MDX cannot be read');
      },
      5,
    );
    // Before the fix, Astro's "MDXError" page answered for up to 50 ms.
    expect(others).toEqual([]);
    expect(broken.status).toBe(500);
    expect(broken.text).toContain('MDX cannot be read');
    expect(broken.text).toContain('articles/barrier-vote.mdx:');
    edit('articles/barrier-vote.mdx', /<Actor id="helena-voss">/, '<Actor id="helena-voss" />');
    const fixed = await until(
      '/articles/barrier-vote/',
      (p) => p.status === 200 && p.text.includes('The vote was taken by'),
    );
    expect(fixed.status).toBe(200);
    expect(dev?.child.exitCode).toBeNull();
  }, 30_000);
});
