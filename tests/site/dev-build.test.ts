// `npm run dev` and `npm run build` render the same pages: the live preview an
// editor checks is what readers get. Drafts are the one difference: shown in
// the preview, never built; and so is what is scheduled for later.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, FIXTURE_SETTINGS, fixtureBuild, hasPage, readPage, ROOT } from '../helpers/build.ts';
import { type DevServer, startDev } from '../helpers/dev-server.ts';

const CONTENT = 'tests/fixtures/site/content';
const DRAFT = 'articles/draft-piece.mdx';
const SCHEDULED = 'articles/scheduled-piece.mdx';
/** The statements file whose one scheduled update the preview shows and the build leaves out. */
const SCHEDULED_UPDATE = 'statements/outage-dispute.yaml';
let build: BuildResult;
let work: string;
let dev: DevServer | undefined;
let base = '';
const log = () => dev?.log() ?? '';

/** The parts of a page that content decides: its title and its main element, with dev-only attributes and layout whitespace removed. */
function rendered(html: string): string {
  const title = /<title>[\s\S]*?<\/title>/.exec(html)?.[0] ?? '';
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  return (
    `${title}\n${main}`
      .replace(/\s+data-astro-source-(file|loc)="[^"]*"/g, '')
      // Scripts are bundled in a build and served from their source in dev.
      .replace(/<script\b[^>]*><\/script>/g, '')
      .replace(/>\s+</g, '><')
      .replace(/\s+/g, ' ')
  );
}

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
}

/** Asks for a page every 100 ms until it answers 200 or the time is up. */
async function poll(path: string, ms: number): Promise<{ status: number; text: string }> {
  let page = { status: 0, text: '' };
  for (const end = Date.now() + ms; page.status !== 200 && Date.now() < end; ) {
    page = await get(path);
    if (page.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return page;
}

beforeAll(async () => {
  build = fixtureBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
  work = mkdtempSync(join(tmpdir(), 'explainer-dev-build-'));
  // The preview starts without the draft and what is scheduled, so that every list can be compared with the build's.
  cpSync(join(ROOT, CONTENT), join(work, 'content'), {
    recursive: true,
    filter: (path) => !path.endsWith(DRAFT) && !path.endsWith(SCHEDULED),
  });
  const statements = join(work, 'content', SCHEDULED_UPDATE);
  const withoutScheduled = readFileSync(statements, 'utf8').replace(
    / {2}# Scheduled long after[\s\S]*?SCHEDULED: a note for the anniversary\."\n/,
    '',
  );
  if (withoutScheduled.includes('SCHEDULED'))
    throw new Error(`the scheduled update of ${SCHEDULED_UPDATE} was not removed`);
  writeFileSync(statements, withoutScheduled);
  // The same settings as the build, so that pages may be compared whole.
  dev = await startDev({ ...FIXTURE_SETTINGS, CONTENT_DIR: join(work, 'content'), CACHE_DIR: join(work, 'cache') });
  base = dev.base;
  // Vite may still be optimizing dependencies when it says it listens; the first pages can fail until it is done.
  const ready = await poll('/articles/main-story/', 30_000);
  if (ready.status !== 200) throw new Error(`astro dev did not serve the article (status ${ready.status}):\n${log()}`);
}, 90_000);

afterAll(async () => {
  await dev?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run dev renders what npm run build publishes', () => {
  test.each([
    '/',
    '/articles/',
    '/articles/main-story/',
    '/articles/follow-up/',
    '/actors/',
    '/actors/tomas-reyes/',
    '/actors/ines-marlow/',
    '/statements/',
    '/statements/hwc-ceo-6000-households/',
    '/figures/',
    '/figures/households-without-water/',
    '/sources/',
    '/sources/hwc-outage-report/',
    '/timeline/',
    '/corrections/',
    '/search/',
  ])('%s', async (path) => {
    const page = await get(path);
    expect(page.status, `${page.text.slice(0, 2000)}\n${log().slice(-3000)}`).toBe(200);
    // One element per line, so that a difference shows as a short diff.
    const lines = (html: string) => rendered(html).replace(/></g, '>\n<').split('\n');
    expect(lines(page.text)).toEqual(lines(readPage(build.outDir, path)));
  });

  test('a draft shows in the preview as soon as it is saved, and is never built', async () => {
    expect(hasPage(build.outDir, '/articles/draft-piece/')).toBe(false);
    expect((await get('/articles/draft-piece/')).status).toBe(404);
    cpSync(join(ROOT, CONTENT, DRAFT), join(work, 'content', DRAFT));
    const page = await poll('/articles/draft-piece/', 20_000);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Draft: not published.');
  }, 30_000);
});
