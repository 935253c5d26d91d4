import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { withoutViteEnv } from '../../scripts/lib/build-env.ts';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** What one `astro build` gave. */
export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/**
 * Builds the site from a content folder into a fresh temporary folder, with
 * its own Astro cache, and returns the exit status and output.
 */
export function buildSite(contentDir: string, env: Record<string, string> = {}): BuildResult {
  return buildInto(mkdtempSync(join(tmpdir(), 'explainer-build-')), contentDir, env);
}

/** Runs `astro build` of a content folder into `work/dist`, with its cache in `work/cache`. */
function buildInto(work: string, contentDir: string, env: Record<string, string>): BuildResult {
  return run([join(ROOT, 'node_modules/.bin/astro'), 'build'], work, contentDir, env);
}

/** Runs a build command on a content folder, writing into `work/dist` with its cache in `work/cache`. */
function run(
  [command, ...args]: [string, ...string[]],
  work: string,
  contentDir: string,
  env: Record<string, string>,
): BuildResult {
  const outDir = join(work, 'dist');
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...cleanEnv(),
      CONTENT_DIR: resolve(ROOT, contentDir),
      OUT_DIR: outDir,
      CACHE_DIR: join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/**
 * Runs \`npm run build\` (its script, \`scripts/build.ts\`: the lock, the output swap and
 * the filtered \`astro build\` output) on a content folder into a fresh temporary folder.
 */
export function npmRunBuild(contentDir: string, env: Record<string, string> = {}): BuildResult {
  return run(
    [process.execPath, join(ROOT, 'scripts/build.ts')],
    mkdtempSync(join(tmpdir(), 'explainer-build-')),
    contentDir,
    env,
  );
}

/** The fictional story the site tests build. */
export const FIXTURE_STORY = 'tests/fixtures/site/content';

/**
 * The settings the fixture story is built with by every suite that reads it at a
 * domain root, so that they all share one build (\`fixtureBuild\`). The site is on
 * neither example.org nor example.com, where the story's sources live.
 */
export const FIXTURE_SETTINGS: Readonly<Record<'SITE_URL' | 'BASE_PATH' | 'BUILD_DATE', string>> = {
  SITE_URL: 'https://explainer.example.net',
  BASE_PATH: '/',
  BUILD_DATE: '2025-01-01',
};

/** The fixture story built with \`FIXTURE_SETTINGS\`, once per run, shared by every suite that asks. */
export function fixtureBuild(): BuildResult {
  return sharedBuild(FIXTURE_STORY, FIXTURE_SETTINGS);
}

/**
 * Builds a content folder with these settings once per test run and shares the
 * result with every suite that asks for the same build. Suites only read it.
 */
export function sharedBuild(contentDir: string, env: Record<string, string> = {}): BuildResult {
  const settings = Object.entries(env).sort(([a], [b]) => a.localeCompare(b));
  const key = createHash('sha256')
    .update(JSON.stringify([resolve(ROOT, contentDir), settings]))
    .digest('hex')
    .slice(0, 16);
  const dir = join(inject('buildsDir'), key);
  const record = join(dir, 'result.json');
  if (existsSync(record)) return JSON.parse(readFileSync(record, 'utf8')) as BuildResult;
  mkdirSync(dir, { recursive: true });
  const build = buildInto(dir, contentDir, env);
  writeFileSync(record, JSON.stringify(build));
  return build;
}

/** The environment without what Vitest sets for itself (Vite's names, NODE_ENV, VITEST …). */
export function cleanEnv(): Record<string, string | undefined> {
  const env = withoutViteEnv(process.env);
  for (const key of ['NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'])
    delete env[key];
  return env;
}

/** Runs the content checker on a folder. */
export function checkContent(contentDir: string, args: string[] = []): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), resolve(ROOT, contentDir), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Reads a built page by its site path (`/actors/x/`). */
export function readPage(outDir: string, path: string): string {
  const file = path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path);
  return readFileSync(file, 'utf8');
}

/** True when the built site has a page at this path. */
export function hasPage(outDir: string, path: string): boolean {
  return existsSync(path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path));
}

/** Removes a build's temporary folder. */
export function cleanBuild(result: BuildResult): void {
  rmSync(resolve(result.outDir, '..'), { recursive: true, force: true });
}
