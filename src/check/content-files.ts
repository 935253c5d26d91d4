import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { baseName } from './parse-files.ts';
import type { Problem } from '../model/problems.ts';
import { COLLECTION_FORMATS, type CollectionName, FORMAT_EXTENSIONS } from '../model/index.ts';
import { containedPath, openContentFolder, type Refusal, reportPath } from './contained-path.ts';

/** The files of one collection folder: the ones to read, and the ones refused. */
export interface ContentFiles {
  /**
   * Absolute paths of the files that are content, in name order. The content
   * check and every loader read exactly these, so nothing is built that was
   * not checked.
   */
  files: string[];
  /** One error for each file that looks like content but is refused. */
  problems: Problem[];
  /** Ids the refused files would have given, so that references to them are not reported again as unknown. */
  refusedIds: string[];
}

/**
 * True when a name in a collection folder is meant as content: it ends with
 * the collection's extension and is not hidden. Hidden names (`.x.md`) belong
 * to editors and systems (`.DS_Store`, `._x.md` from macOS, `.#x.md` locks) and
 * are left alone, like files of other kinds.
 */
export function looksLikeContent(name: string, collection: CollectionName): boolean {
  return !name.startsWith('.') && FORMAT_EXTENSIONS[COLLECTION_FORMATS[collection]].some((ext) => name.endsWith(ext));
}

/** Why a file that looks like content is not read, or undefined when it is read. */
function refusalOf(name: string, path: string, collection: CollectionName, root: string): Refusal | undefined {
  if (name.startsWith('_')) {
    return {
      message: `the file name starts with "_"; no file in ${collection}/ is skipped by its name, so this one is refused rather than published unchecked`,
      fix: `rename it or remove it${collection === 'articles' ? ' (to keep an article off the site, set `draft: true`)' : ''}`,
    };
  }
  const where = containedPath(path, root);
  if ('refusal' in where) return where.refusal;
  if (where.stats.isDirectory())
    return {
      message: 'this is a folder, not a file',
      fix: 'rename it or remove it: a collection folder holds files only',
    };
  if (!where.stats.isFile()) {
    return {
      message: 'this is not a regular file but a pipe, socket or device',
      fix: 'rename it or remove it, and save the content as an ordinary file',
    };
  }
  return undefined;
}

/**
 * Lists the content files of one collection folder, and refuses every file
 * that looks like content but cannot be read safely: names starting with `_`,
 * links that leave the content folder, dangling links, loops of links,
 * folders and special files. A missing folder is an empty collection.
 */
export function listContentFiles(contentDir: string, collection: CollectionName, root: string): ContentFiles {
  const result: ContentFiles = { files: [], problems: [], refusedIds: [] };
  const refuse = (path: string, refusal: Refusal) =>
    result.problems.push({ file: reportPath(root, path), ...refusal, severity: 'error' });
  const opened = openContentFolder(contentDir, collection, collection);
  if (opened.kind === 'absent') return result;
  if (opened.kind === 'refused') {
    refuse(opened.folder, opened.refusal);
    return result;
  }
  const { folder, top } = opened;
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    refuse(folder, { message: 'the folder cannot be read', fix: 'check that you may read the folder' });
    return result;
  }
  for (const name of names) {
    if (!looksLikeContent(name, collection)) continue;
    const path = join(folder, name);
    const refusal = refusalOf(name, path, collection, top);
    if (refusal === undefined) {
      result.files.push(path);
      continue;
    }
    refuse(path, refusal);
    result.refusedIds.push(baseName(name));
  }
  return result;
}
