/**
 * Putting a finished build in place of the old one in one step. The build is
 * written into a staging folder inside the project (so Astro's own working
 * folder, `<staging>/.prerender`, sits on the same disk as its output), then
 * moved next to the output folder (renamed, or copied when the output folder
 * is on another disk, where a rename fails with EXDEV) and swapped in with
 * two renames: the old output never mixes with the new one, and a build that
 * fails or is stopped leaves it exactly as it was.
 */
import { cp } from 'node:fs/promises';
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunning } from '../../src/integrations/build-lock.ts';

/** The folders one build uses besides the output folder. */
export interface SwapFolders {
  /** Where `astro build` writes, inside the project. */
  staging: string;
  /** The finished site next to the output folder, on its disk, just before the swap. */
  near: string;
  /** The previous output, moved aside during the swap and then removed. */
  aside: string;
}

/** Names of the folders a build with this process id uses (named after the id, so a later build can tell a dead build's leftovers). */
export function swapFolders(root: string, out: string, pid: number): SwapFolders {
  const name = basename(out);
  return {
    staging: join(root, `.build-${pid}`),
    near: join(dirname(out), `.${name}.building-${pid}`),
    aside: join(dirname(out), `.${name}.previous-${pid}`),
  };
}

/** Removes the folders left by builds that were killed before they could clean up (their process is gone). */
export function removeStale(root: string, out: string): void {
  const name = basename(out);
  const patterns: [string, RegExp][] = [
    [root, /^\.build-(\d+)$/],
    [dirname(out), new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:building|previous)-(\\d+)$`)],
  ];
  for (const [folder, pattern] of patterns) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of names) {
      const pid = Number(pattern.exec(entry)?.[1]);
      if (pid > 0 && !isRunning(pid)) rmSync(join(folder, entry), { recursive: true, force: true });
    }
  }
}

/** Removes every folder of this build but the output folder. */
export function removeSwapFolders(folders: SwapFolders): void {
  for (const folder of [folders.staging, folders.near]) rmSync(folder, { recursive: true, force: true });
}

/** Copies a folder tree (the fallback when a rename crosses disks). */
export type CopyTree = (from: string, to: string) => Promise<void>;

/** `fs.cp` of a whole tree, links kept as links, times kept. */
const copyTree: CopyTree = (from, to) =>
  cp(from, to, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true, preserveTimestamps: true });

/**
 * Moves the finished build from the staging folder to `near`, next to the
 * output folder: a rename, or a copy when the output folder is on another
 * disk. Throws on failure (a full disk gives ENOSPC), having removed what it
 * copied; the output folder is not touched.
 */
export async function bringNear(out: string, folders: SwapFolders, copy: CopyTree = copyTree): Promise<void> {
  mkdirSync(dirname(out), { recursive: true });
  try {
    renameSync(folders.staging, folders.near);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    try {
      await copy(folders.staging, folders.near);
    } catch (copyError) {
      rmSync(folders.near, { recursive: true, force: true });
      throw copyError;
    }
    rmSync(folders.staging, { recursive: true, force: true });
  }
}

/** Swaps the site brought `near` in place of the output folder: two renames on one disk, with nothing in between. */
export function swapIn(out: string, folders: SwapFolders): void {
  const hadOutput = existsSync(out) || isLink(out);
  if (hadOutput) renameSync(out, folders.aside);
  renameSync(folders.near, out);
  if (hadOutput) rmSync(folders.aside, { recursive: true, force: true });
}

/** True for a symbolic link (even a broken one). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Error codes of a full disk or an exhausted quota. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

/** True for an error raised because a disk is full. */
export function isDiskFull(error: unknown): boolean {
  return DISK_FULL.has((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

/**
 * The one line shown when a disk fills up during a build: `project` while
 * Astro writes the site into the staging folder, `output` while it is copied
 * to an output folder on another disk.
 */
export function diskFullMessage(disk: 'project' | 'output', folder: string, out: string): string {
  const fix =
    disk === 'project'
      ? 'free some space on it (the site is built inside the project before it moves to OUT_DIR)'
      : 'free some space on it, or set OUT_DIR to a folder on another disk';
  return `The disk holding ${folder} is full (no space left on device). Fix: ${fix}, then build again. ${out} was left as it was.`;
}

/**
 * Filters a build's error output line by line: lines pass through until one
 * reports a full disk; from there on Astro's stack trace is dropped and
 * `onDiskFull` is called once, to print one line instead.
 */
export function diskFullFilter(write: (line: string) => void, onDiskFull: () => void): (line: string) => void {
  let full = false;
  return (line) => {
    if (full) return;
    if (/\b(?:ENOSPC|EDQUOT)\b|no space left on device/i.test(line)) {
      full = true;
      onDiskFull();
      return;
    }
    write(line);
  };
}
