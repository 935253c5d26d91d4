import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { withoutViteEnv } from '../../../scripts/lib/build-env.ts';
import { acquireBuildLock, BuildLockedError, lockHolder } from '../../../src/integrations/build-lock.ts';
import {
  bringNear,
  diskFullFilter,
  isDiskFull,
  removeStale,
  swapFolders,
  swapIn,
} from '../../../scripts/lib/site-swap.ts';

const ROOT = join(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'explainer-build-script-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A fresh folder under the test's temporary folder. */
function folder(name: string): string {
  const path = join(temp, name);
  mkdirSync(path, { recursive: true });
  return path;
}

/** Writes a small tree of files. */
function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The files under a folder with their text. */
function readTree(root: string): Record<string, string> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) =>
    statSync(join(root, path)).isFile(),
  );
  return Object.fromEntries(files.sort().map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** The environment for a child build: without what Vitest sets for itself. */
function childEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = withoutViteEnv(process.env);
  for (const name of Object.keys(base)) if (name === 'NODE_ENV' || name.startsWith('VITEST')) delete base[name];
  return { ...base, ASTRO_TELEMETRY_DISABLED: '1', ...env };
}

/** Resolves when a child process has exited, with its code and signal. */
function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

/** Resolves once `check` returns something, polling (no fixed sleep); rejects after `limit` ms. */
async function until<T>(check: () => T | undefined, limit = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > limit) throw new Error('timed out');
    await new Promise((resume) => setImmediate(resume));
    await new Promise((resume) => setTimeout(resume, 20));
  }
}

/** Starts a process that takes the build lock of `root` and holds it until killed. */
async function holdLock(root: string): Promise<ChildProcess> {
  const code = `const { acquireBuildLock } = await import(process.argv[1]); await acquireBuildLock(process.argv[2]); console.log('locked'); setInterval(() => {}, 60000);`;
  const holder = spawn(
    process.execPath,
    ['--input-type=module', '-e', code, join(ROOT, 'src/integrations/build-lock.ts'), root],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((done, fail) => {
    holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && done());
    holder.once('exit', () => fail(new Error('the lock holder exited')));
  });
  return holder;
}

describe('the swap puts a finished build in place whole', () => {
  test('the previous output is replaced whole and nothing is left around it', async () => {
    const root = folder('swap/project');
    const out = join(folder('swap/www'), 'site');
    writeTree(out, { 'index.html': 'old', 'gone.html': 'only in the old build' });
    const folders = swapFolders(root, out, 4242);
    writeTree(folders.staging, { 'index.html': 'new', 'actors/x/index.html': 'x' });
    await bringNear(out, folders);
    swapIn(out, folders);
    expect(readTree(out)).toEqual({ 'index.html': 'new', 'actors/x/index.html': 'x' });
    expect(readdirSync(join(out, '..'))).toEqual(['site']);
    expect(readdirSync(root)).toEqual([]);
  });

  // /dev/shm is a tmpfs on Linux: a rename from the temporary folder to it fails with EXDEV.
  const otherDisk =
    existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev ? '/dev/shm' : undefined;

  test.runIf(otherDisk)('an output folder on another disk gets a copy (a rename there fails with EXDEV)', async () => {
    const root = folder('exdev/project');
    const www = mkdtempSync(join(otherDisk!, 'explainer-'));
    try {
      const out = join(www, 'site');
      writeTree(out, { 'index.html': 'old' });
      const folders = swapFolders(root, out, 4243);
      writeTree(folders.staging, { 'index.html': 'new', '_astro/a.css': 'a{}' });
      await bringNear(out, folders);
      swapIn(out, folders);
      expect(readTree(out)).toEqual({ 'index.html': 'new', '_astro/a.css': 'a{}' });
      expect(readdirSync(www)).toEqual(['site']);
      expect(existsSync(folders.staging)).toBe(false);
    } finally {
      rmSync(www, { recursive: true, force: true });
    }
  });

  test.runIf(otherDisk)('a full disk while copying leaves the output as it was and says so', async () => {
    const root = folder('enospc/project');
    const www = mkdtempSync(join(otherDisk!, 'explainer-'));
    try {
      const out = join(www, 'site');
      writeTree(out, { 'index.html': 'old' });
      const folders = swapFolders(root, out, 4244);
      writeTree(folders.staging, { 'index.html': 'new' });
      const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const error = await bringNear(out, folders, async (_from, to) => {
        writeTree(to, { 'half.html': 'written before the disk filled up' });
        throw full;
      }).catch((caught: unknown) => caught);
      expect(error).toBe(full);
      expect(isDiskFull(error)).toBe(true);
      expect(readTree(out)).toEqual({ 'index.html': 'old' });
      expect(readdirSync(www)).toEqual(['site']);
    } finally {
      rmSync(www, { recursive: true, force: true });
    }
  });

  test('leftovers of killed builds are removed, those of running builds kept', () => {
    const root = folder('stale/project');
    const out = join(folder('stale/www'), 'dist');
    const dead = deadPid();
    const leftovers = [
      join(root, `.build-${dead}`),
      join(out, '..', `.dist.building-${dead}`),
      join(out, '..', `.dist.previous-${dead}`),
    ];
    const running = [
      join(root, `.build-${process.pid}`),
      join(out, '..', `.dist.previous-${process.pid}`),
      join(out, '..', `.other.building-${dead}`),
    ];
    for (const path of [...leftovers, ...running]) mkdirSync(path);
    removeStale(root, out);
    expect(leftovers.filter((path) => existsSync(path))).toEqual([]);
    expect(running.filter((path) => existsSync(path))).toEqual(running);
  });

  test("Astro's output passes through until a full disk, then one line replaces the stack trace", () => {
    const shown: string[] = [];
    let full = 0;
    const filter = diskFullFilter(
      (line) => shown.push(line),
      () => {
        full += 1;
      },
    );
    for (const line of [
      '[build] Rearranging server assets...',
      '  ├─ /actors/x/index.htmlENOSPC: no space left on device, write',
      '  Stack trace:',
      '    at async write (node:internal/fs/promises:1450:8)',
      'ENOSPC again',
    ])
      filter(line);
    expect(shown).toEqual(['[build] Rearranging server assets...']);
    expect(full).toBe(1);
  });
});

describe('one build at a time per project', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  test("a second build is refused with the first one's pid; the lock of a killed build is taken over", async () => {
    const root = folder('lock/project');
    const holder = await holdLock(root);
    children.push(holder);
    const refused = await acquireBuildLock(root).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BuildLockedError);
    expect((refused as BuildLockedError).pid).toBe(holder.pid);
    expect((refused as Error).message).toBe(
      `Another build is running in this project (pid ${holder.pid}); two builds at once overwrite each other's files in .astro/. Fix: wait for it to finish, or stop it (kill ${holder.pid}), then build again.`,
    );
    // Killed without a chance to give the lock back: the next build takes it over.
    holder.kill('SIGKILL');
    await exited(holder);
    expect(existsSync(join(root, '.astro/build.lock'))).toBe(true);
    const release = await acquireBuildLock(root);
    expect(lockHolder(root)).toBe(process.pid);
    release();
    expect(readdirSync(join(root, '.astro'))).toEqual([]);
  });

  test('npm run build says which build holds the lock, before building anything', async () => {
    const holder = await holdLock(ROOT);
    children.push(holder);
    const out = join(folder('locked'), 'dist');
    const build = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: childEnv({
        CONTENT_DIR: 'tests/fixtures/site/content',
        OUT_DIR: out,
        CACHE_DIR: join(temp, 'locked-cache'),
      }),
    });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`Another build is running in this project (pid ${holder.pid})`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('stopping npm run build', () => {
  // SIGTERM once Astro writes the site (its staging folder exists), SIGINT as soon as `astro build` runs.
  test.each([
    ['SIGTERM', 'staging'],
    ['SIGINT', 'astro'],
  ] as const)('%s stops astro build too, removes the staging folder and keeps the output', async (signal, when) => {
    const out = join(folder(`stop-${signal}`), 'dist');
    writeTree(out, { 'index.html': 'the previous build' });
    const build = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: childEnv({
        CONTENT_DIR: 'tests/fixtures/site/content',
        OUT_DIR: out,
        CACHE_DIR: join(temp, `stop-${signal}-cache`),
      }),
    });
    let stderr = '';
    build.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const done = exited(build);
    const staging = join(ROOT, `.build-${build.pid}`);
    const astroChild = () =>
      Number(spawnSync('ps', ['-o', 'pid=', '--ppid', String(build.pid)], { encoding: 'utf8' }).stdout.trim()) ||
      undefined;
    const astro = await until(astroChild);
    if (when === 'staging') await until(() => existsSync(staging));
    build.kill(signal);
    const { code } = await done;
    expect(code).toBe(signal === 'SIGTERM' ? 143 : 130);
    expect(stderr).toContain(`Build stopped (${signal}): ${out} was left as it was.`);
    expect(() => process.kill(astro, 0)).toThrow();
    expect(existsSync(staging)).toBe(false);
    expect(readTree(out)).toEqual({ 'index.html': 'the previous build' });
    expect(lockHolder(ROOT)).toBeUndefined();
    expect(existsSync(join(ROOT, '.astro/build.lock'))).toBe(false);
  });
});
