/**
 * The keyed cache folders of CACHE_DIR (`<CACHE_DIR>/<cacheKey>`, one per
 * story and output-changing settings, see `cacheKey` in `src/settings.ts`):
 * which are in use, when each was last used, and pruning the old ones after a
 * successful build so that CACHE_DIR does not grow with every new key (an
 * unset `BUILD_DATE` makes a new key every day).
 *
 * A build or dev server claims its folder before Astro reads it: it writes a
 * lease (`.in-use/<pid>@<host>`, removed when it ends) and stamps the folder
 * as used now (`.last-used`). Claims and pruning each run under one lock of
 * CACHE_DIR (`.prune.lock`, proper-lockfile's), so a folder is either claimed
 * before the pruner looks at it (and kept) or claimed after it was moved away
 * (and made afresh). Pruning only looks at folders directly in CACHE_DIR whose
 * names are cache keys and that a build made (a stamp, or Astro's data store),
 * never at a symbolic link, and removes a folder by
 * renaming it aside first and then deleting it without following any link in
 * it.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, lstatSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { isRunning } from './build-lock.ts';

/** A folder not used for this many days is removed. */
const CACHE_KEEP_DAYS = 14;
/** Of the folders used more recently than that, this many are kept (the current build's among them); older ones go. */
const CACHE_KEEP_NEWEST = 8;

/** The name of a keyed folder: `cacheKey`'s 16 hex digits. */
const KEY_NAME = /^[0-9a-f]{16}$/;
/** A folder being removed: renamed aside first, so that no build finds it half deleted. */
const REMOVING_NAME = /^\.removing-[0-9a-f]{16}-(\d+)$/;
const STAMP = '.last-used';
/** What Astro writes in its cache folder: the mark of a keyed folder made before stamps. */
const ASTRO_DATA_STORE = 'data-store.json';
const LEASES = '.in-use';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs `work` while holding CACHE_DIR's lock; waits a little for another holder, then gives up with an error. */
async function withCacheLock<T>(cacheDir: string, work: () => T): Promise<T> {
  mkdirSync(cacheDir, { recursive: true });
  const options = { realpath: false, lockfilePath: join(cacheDir, '.prune.lock') };
  await lockfile.lock(cacheDir, {
    ...options,
    stale: 30_000,
    update: 1_000,
    retries: { retries: 20, minTimeout: 100, maxTimeout: 1_000 },
  });
  try {
    return work();
  } finally {
    try {
      lockfile.unlockSync(cacheDir, options);
    } catch {
      // Taken over after going stale: nothing left to give back.
    }
  }
}

/** This process's lease file name. */
const leaseName = () => `${process.pid}@${hostname()}`;

/**
 * Claims `<cacheDir>/<key>` for this process: a lease that keeps pruning away
 * from it while the process runs, and a stamp of its last use. Returns the
 * function that gives the lease back (and stamps the folder again).
 */
export async function claimCacheFolder(cacheDir: string, key: string): Promise<() => void> {
  const folder = join(cacheDir, key);
  const lease = join(folder, LEASES, leaseName());
  await withCacheLock(cacheDir, () => {
    mkdirSync(join(folder, LEASES), { recursive: true });
    writeFileSync(lease, `${process.pid}\n`);
    writeFileSync(join(folder, STAMP), `${new Date().toISOString()}\n`);
  });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      writeFileSync(join(folder, STAMP), `${new Date().toISOString()}\n`);
      unlinkSync(lease);
    } catch {
      // The folder is gone or read-only: nothing to give back.
    }
  };
}

/** True when a live process holds a lease on the folder (a lease from another machine counts until it is old). */
function inUse(folder: string, now: number, keepDays: number): boolean {
  let leases: string[];
  try {
    leases = readdirSync(join(folder, LEASES));
  } catch {
    return false;
  }
  const host = hostname();
  return leases.some((name) => {
    const at = name.indexOf('@');
    const pid = Number(name.slice(0, at));
    if (!Number.isSafeInteger(pid) || pid <= 0) return false;
    if (name.slice(at + 1) === host) return isRunning(pid);
    try {
      return now - statSync(join(folder, LEASES, name)).mtimeMs < keepDays * DAY_MS;
    } catch {
      return false;
    }
  });
}

/**
 * True when a build made the folder: it holds the stamp of a claim, or (made
 * before stamps) Astro's data store, as a file. A folder that merely has a
 * key's name may belong to another tool writing to the same place.
 */
function madeByBuild(folder: string): boolean {
  return [STAMP, ASTRO_DATA_STORE].some((name) => {
    try {
      return lstatSync(join(folder, name)).isFile();
    } catch {
      return false;
    }
  });
}

/** When a folder was last used: its stamp, or for a folder made before stamps, its own modification time. */
function lastUsed(folder: string): number {
  try {
    return lstatSync(join(folder, STAMP)).mtimeMs;
  } catch {
    return lstatSync(folder).mtimeMs;
  }
}

/** What `pruneCacheFolders` may be told besides the folders. */
interface PruneOptions {
  /** The time to measure ages from (ms since the epoch). */
  now?: number;
  keepDays?: number;
  keepNewest?: number;
}

/**
 * Removes the keyed folders of CACHE_DIR that were not used for `keepDays`
 * days, or that have `keepNewest` folders used more recently, except the
 * current build's (`current`) and any folder a running build or dev server
 * holds a lease on. Touches nothing else: files, symbolic links, folders
 * whose names are not cache keys and folders no build made (no stamp, no
 * data store) stay. Returns the names it removed.
 */
export async function pruneCacheFolders(
  cacheDir: string,
  current: string,
  { now = Date.now(), keepDays = CACHE_KEEP_DAYS, keepNewest = CACHE_KEEP_NEWEST }: PruneOptions = {},
): Promise<string[]> {
  // Under the lock: choose and rename aside (quick). After it: delete, which may take long, while builds claim freely.
  const aside = await withCacheLock(cacheDir, () => {
    const entries = readdirSync(cacheDir, { withFileTypes: true });
    const moved: { name: string; path: string }[] = [];
    // Leftovers of a removal that was stopped half way (its process is gone).
    for (const entry of entries) {
      const match = REMOVING_NAME.exec(entry.name);
      if (entry.isDirectory() && match && !isRunning(Number(match[1])))
        moved.push({ name: '', path: join(cacheDir, entry.name) });
    }
    const folders = entries
      .filter((entry) => entry.isDirectory() && KEY_NAME.test(entry.name) && madeByBuild(join(cacheDir, entry.name)))
      .map((entry) => ({ name: entry.name, used: entry.name === current ? now : lastUsed(join(cacheDir, entry.name)) }))
      .sort((a, b) => b.used - a.used || a.name.localeCompare(b.name));
    for (const [rank, { name, used }] of folders.entries()) {
      if (name === current) continue;
      if (rank < keepNewest && now - used <= keepDays * DAY_MS) continue;
      if (inUse(join(cacheDir, name), now, keepDays)) continue;
      const path = join(cacheDir, `.removing-${name}-${process.pid}`);
      renameSync(join(cacheDir, name), path);
      moved.push({ name, path });
    }
    return moved;
  });
  // `rmSync` removes a symbolic link inside the folder, never what it points to.
  for (const { path } of aside) rmSync(path, { recursive: true, force: true });
  return aside.map(({ name }) => name).filter((name) => name !== '');
}
