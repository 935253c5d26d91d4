import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  checkPicture,
  IMAGES_FOLDER,
  MAX_PICTURE_BYTES,
  type PictureFault,
  type PictureFormat,
  SIGNATURE_BYTES,
} from '../model/pictures.ts';
import type { Problem } from '../model/problems.ts';
import { containedPath, openContentFolder, realRoot, reportPath } from './contained-path.ts';

/** A checked picture in `images/`. */
export interface Picture {
  /** Its path in the content folder, exactly as the file is named: `images/people/a.jpg`. */
  src: string;
  /** Absolute path of the file in the content folder (it may be a link to another file inside it). */
  path: string;
  format: PictureFormat;
}

/** The pictures of a content folder, and every file of `images/` that is refused. */
export interface PictureCheck {
  /** Pictures by `src`, case included. */
  pictures: Map<string, Picture>;
  /** Every other thing found in `images/`, by `src`: what it is, for a reference to it. */
  refused: Map<string, 'folder' | 'file'>;
  problems: Problem[];
}

/** Flags that open a file without following a final link or waiting on a pipe. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads one file of `images/` as a picture: the only way a picture is read,
 * for the check, the build and the dev server alike. It follows links only
 * to files inside the content folder, never waits on a pipe, never reads more
 * than `MAX_PICTURE_BYTES`, and returns the bytes only when they are a picture
 * of a published format under the file's own extension. What is returned is
 * exactly what was checked.
 */
export function readPicture(
  path: string,
  contentDir: string,
): { bytes: Buffer; format: PictureFormat } | { fault: PictureFault } {
  const root = realRoot(contentDir);
  if (root === undefined) return { fault: { message: 'the content folder does not exist', fix: 'check CONTENT_DIR' } };
  const where = containedPath(path, root);
  if ('refusal' in where) return { fault: where.refusal };
  if (where.stats.isDirectory())
    return {
      fault: {
        message: 'the file is a link to a folder; links to folders are not followed',
        fix: 'remove the link, and put the pictures in images/ itself',
      },
    };
  let fd: number;
  try {
    fd = openSync(where.real, OPEN_FLAGS);
  } catch {
    return {
      fault: { message: 'the file cannot be read', fix: 'check that the file exists and that you may read it' },
    };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      return {
        fault: { message: 'this is not a regular file but a pipe, socket or device', fix: 'remove it from images/' },
      };
    // A file over the limit is refused after its first bytes: those say what it is.
    const bytes = Buffer.alloc(stats.size > MAX_PICTURE_BYTES ? SIGNATURE_BYTES : stats.size);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, bytes, read, bytes.length - read, read);
      if (got === 0) break;
      read += got;
    }
    const checked = checkPicture(basename(path), stats.size, bytes.subarray(0, read));
    if ('fault' in checked) return checked;
    if (read !== stats.size)
      return { fault: { message: 'the file changed while it was read', fix: 'build again once the file is saved' } };
    return { bytes, format: checked.format };
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks every file in the content folder's `images/` (and its subfolders):
 * each must be a picture that `readPicture` accepts. Hidden files (`.DS_Store`)
 * are left alone and never published. Links to folders are not followed.
 */
export function checkPictures(contentDir: string, root: string): PictureCheck {
  const result: PictureCheck = { pictures: new Map(), refused: new Map(), problems: [] };
  const refuse = (path: string, src: string, kind: 'folder' | 'file', fault: PictureFault) => {
    result.refused.set(src, kind);
    result.problems.push({ file: reportPath(root, path), ...fault, severity: 'error' });
  };
  const opened = openContentFolder(contentDir, IMAGES_FOLDER, 'pictures');
  if (opened.kind === 'absent') return result;
  if (opened.kind === 'refused') {
    refuse(opened.folder, IMAGES_FOLDER, opened.isFile ? 'file' : 'folder', opened.refusal);
    return result;
  }
  const { folder } = opened;
  const walk = (dir: string, prefix: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      refuse(dir, prefix, 'folder', {
        message: 'the folder cannot be read',
        fix: 'check that you may read the folder',
      });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const src = `${prefix}/${name}`;
      // A real folder is walked; a link to a folder is refused by readPicture, so no walk can loop.
      if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) {
        result.refused.set(src, 'folder');
        walk(path, src);
        continue;
      }
      const read = readPicture(path, contentDir);
      if ('fault' in read) refuse(path, src, 'file', read.fault);
      else result.pictures.set(src, { src, path, format: read.format });
    }
  };
  walk(folder, IMAGES_FOLDER);
  return result;
}
