import { lstatSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Why a path in the content folder cannot be used, and what would fix it. */
export interface Refusal {
  message: string;
  fix: string;
}

/** Where a path leads once links are followed: a place inside the content folder, or a refusal. */
export type Contained = { real: string; stats: Stats } | { refusal: Refusal };

/** The real path of the content folder, or undefined when it does not exist. */
export function realRoot(contentDir: string): string | undefined {
  try {
    return realpathSync(contentDir);
  } catch {
    return undefined;
  }
}

/** True when `path` is `root` or lies under it. */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Error codes of the file system, read without trusting the thrown value's shape. */
function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}

/**
 * Follows a path in the content folder to where it really is, and refuses it
 * when that is outside the content folder (a symbolic link out of it), when it
 * leads nowhere (a dangling link), or when links lead round in a loop. Nothing
 * outside `root` (the content folder's real path) is ever stat'ed or read.
 */
export function containedPath(path: string, root: string, noun: 'file' | 'folder' = 'file'): Contained {
  const subject = `the ${noun}`;
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = codeOf(error);
    let isLink = false;
    try {
      isLink = lstatSync(path).isSymbolicLink();
    } catch {
      // gone between the listing and now: reported below as unreadable
    }
    if (code === 'ELOOP') {
      return {
        refusal: {
          message: `${subject} is a symbolic link that leads back to itself (a loop of links)`,
          fix: `replace the link with the ${noun} itself, or remove it`,
        },
      };
    }
    if (code === 'ENOENT' && isLink) {
      return {
        refusal: {
          message: `${subject} is a symbolic link to "${linkTarget(path)}", which does not exist`,
          fix: `point the link at an existing ${noun} inside the content folder, or remove it`,
        },
      };
    }
    return {
      refusal: {
        message: `${subject} cannot be read (${code})`,
        fix: `check that the ${noun} exists and that you may read it`,
      },
    };
  }
  if (!isInside(real, root)) {
    return {
      refusal: {
        message: `${subject} is a symbolic link to "${real}", outside the content folder; nothing outside it is read or published`,
        fix: `copy the ${noun} into the content folder instead of linking to it`,
      },
    };
  }
  try {
    return { real, stats: statSync(real) };
  } catch (error) {
    return {
      refusal: {
        message: `${subject} cannot be read (${codeOf(error)})`,
        fix: `check that the ${noun} exists and that you may read it`,
      },
    };
  }
}

/** A path relative to the project root, with forward slashes, for reports. */
export function reportPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || path;
}

/** A folder of the content folder, opened: absent, refused with a reason (and whether it is a file), or found. */
export type OpenedFolder =
  | { kind: 'absent' }
  | { kind: 'refused'; folder: string; refusal: Refusal; isFile: boolean }
  | { kind: 'found'; folder: string; top: string };

/**
 * Opens the folder `name` of the content folder (`actors`, `images`): a missing
 * one is absent; one that leads out of the content folder, cannot be read or is
 * a file is refused, saying `what` it should hold. The one way the checker enters
 * a folder of the content folder.
 */
export function openContentFolder(contentDir: string, name: string, what: string): OpenedFolder {
  const top = realRoot(contentDir);
  const folder = join(contentDir, name);
  try {
    lstatSync(folder);
  } catch {
    return { kind: 'absent' };
  }
  if (top === undefined) return { kind: 'absent' };
  const where = containedPath(folder, top, 'folder');
  if ('refusal' in where) return { kind: 'refused', folder, refusal: where.refusal, isFile: false };
  if (!where.stats.isDirectory()) {
    return {
      kind: 'refused',
      folder,
      refusal: {
        message: `this should be the folder of ${what}, but it is a file`,
        fix: `move the file away and make ${name}/ a folder`,
      },
      isFile: true,
    };
  }
  return { kind: 'found', folder, top };
}
