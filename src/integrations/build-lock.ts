/**
 * One build at a time per project. Every `astro build` writes Astro's shared
 * working files in the project's `.astro/` folder (the list of content
 * modules, and `.astro/.prerender/` when the output folder lies outside the
 * project), whatever OUT_DIR, CACHE_DIR and CONTENT_DIR say, so two builds at
 * once overwrite each other's files. The lock is `proper-lockfile`'s (a
 * folder created atomically and kept fresh while the build runs); next to it
 * the holder writes its process id, so a second build can say which one runs.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock that is not refreshed for this long belongs to a build that hangs or died; another build takes it over. */
const STALE_MS = 30_000;
/** When the holder's process is gone, its lock is taken over as soon as it has gone this long without a refresh. */
const DEAD_HOLDER_STALE_MS = 3_000;
/** How often the holder refreshes its lock: well below both limits. */
const REFRESH_MS = 1_000;

/** Another build holds the project's lock. */
export class BuildLockedError extends Error {
  /** Process id of the build that holds the lock, if it could be read. */
  readonly pid: number | undefined;

  constructor(pid: number | undefined) {
    super(
      `Another build is running in this project (${pid === undefined ? 'process id unknown' : `pid ${pid}`}); ` +
        `two builds at once overwrite each other's files in .astro/. ` +
        `Fix: wait for it to finish${pid === undefined ? '' : `, or stop it (kill ${pid})`}, then build again.`,
    );
    this.name = 'BuildLockedError';
    this.pid = pid;
  }
}

/** Where a project's lock lives: the lock folder and the holder's process id. */
function lockPaths(root: string): { folder: string; lock: string; pidFile: string } {
  const folder = join(root, '.astro');
  return { folder, lock: join(folder, 'build.lock'), pidFile: join(folder, 'build.pid') };
}

/** The process id written by the lock's holder, if any. */
export function lockHolder(root: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockPaths(root).pidFile, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True while a process with this id runs (one we may not signal counts too). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True for proper-lockfile's "already locked" error. */
function isLocked(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ELOCKED';
}

/**
 * Takes the project's build lock and returns the function that gives it
 * back. A lock held by this process's parent counts as held: `npm run build`
 * takes it for the whole build and its `astro build` runs under it. A lock
 * whose holder has died is taken over (within a few seconds). Throws
 * `BuildLockedError` while another build runs.
 */
export async function acquireBuildLock(root: string): Promise<() => void> {
  const { folder, lock, pidFile } = lockPaths(root);
  mkdirSync(folder, { recursive: true });
  const options = {
    realpath: false,
    lockfilePath: lock,
    stale: STALE_MS,
    update: REFRESH_MS,
    // The lock was taken over after going stale (this process hung for STALE_MS): say so rather than crash.
    onCompromised: (error: Error) =>
      process.stderr.write(`warning: the build lock was lost (${error.message}); another build may be running.\n`),
  };
  try {
    await lockfile.lock(root, options);
  } catch (error) {
    if (!isLocked(error)) throw error;
    const holder = lockHolder(root);
    if (holder === process.ppid) return () => {};
    if (holder === undefined || isRunning(holder)) throw new BuildLockedError(holder);
    // The holder died without giving the lock back: it stops being refreshed, so it goes stale soon.
    try {
      await lockfile.lock(root, {
        ...options,
        stale: DEAD_HOLDER_STALE_MS,
        retries: { retries: 12, minTimeout: 250, maxTimeout: 1_000 },
      });
    } catch (retryError) {
      throw isLocked(retryError) ? new BuildLockedError(lockHolder(root)) : retryError;
    }
  }
  writeFileSync(pidFile, `${process.pid}\n`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (lockHolder(root) === process.pid) rmSync(pidFile, { force: true });
    // Synchronous, so the lock is gone even when the process exits right after.
    try {
      lockfile.unlockSync(root, { realpath: false, lockfilePath: lock });
    } catch {
      // Already released, or taken over after going stale.
    }
  };
}
