import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentSet, Entity } from '../lib/content-set.ts';
import { checkIntegrity } from '../lib/integrity.ts';
import { collectBodyRefs } from '../lib/mdx-refs.ts';
import { baseName, decodeText, firstInvalidUtf8, parseFrontmatterEntity, parseYamlEntities, type ParsedFile, type RawEntry } from '../lib/parse-files.ts';
import { placeholderProblems } from '../lib/placeholders.ts';
import type { Problem } from '../lib/problems.ts';
import { validateEntries } from '../lib/validate.ts';
import { collectWarnings } from '../lib/warnings.ts';
import { COLLECTION_FORMATS, type CollectionName } from '../schemas/index.ts';
import { listContentFiles } from './content-files.ts';

/** The result of reading and checking a content folder. */
export interface ContentCheck {
  set: ContentSet;
  problems: Problem[];
}

/** Reads and parses one file of a collection. */
export function readCollectionFile(path: string, collection: CollectionName, root: string): ParsedFile {
  const file = relative(root, path).split('\\').join('/');
  const bytes = readFileSync(path);
  const text = decodeText(bytes);
  if (text === undefined) {
    const bad = firstInvalidUtf8(bytes);
    const where = bad ? { line: bad.line, column: bad.column } : { line: 1 };
    const what = bad ? `: byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 (probably "${bad.guess}" saved as Latin-1 or Windows-1252)` : '';
    return {
      entries: [],
      unreadIds: [baseName(file)],
      problems: [{ file, ...where, message: `the file is not UTF-8 text${what}`, fix: 'save it again as UTF-8 (most editors: "Save with encoding" → UTF-8)', severity: 'error' }],
    };
  }
  const parsed = COLLECTION_FORMATS[collection] === 'yaml' ? parseYamlEntities(file, text) : parseFrontmatterEntity(file, text);
  const placeholders = placeholderProblems(file, text);
  return placeholders.length === 0 ? parsed : { ...parsed, problems: [...parsed.problems, ...placeholders] };
}

/**
 * Reads every collection of a content folder, validates each entry against its
 * schema, reads the bodies' references, and resolves every reference. Reports
 * every problem at once.
 */
export function checkContentDir(contentDir: string, root: string): ContentCheck {
  const problems: Problem[] = [];
  const set = {} as Record<CollectionName, Entity<unknown>[]>;
  const invalid = {} as Record<CollectionName, string[]>;
  const folders = Object.keys(COLLECTION_FORMATS).map((name) => join(contentDir, name));
  if (existsSync(contentDir) && !folders.some((folder) => existsSync(folder))) {
    problems.push({
      file: relative(root, contentDir) || contentDir,
      message: 'the content folder holds none of the folders articles/, actors/, figures/, statements/, sources/, events/',
      fix: 'check that CONTENT_DIR (or the folder given to the checker) points at the folder that holds them',
      severity: 'error',
    });
  }
  if (!existsSync(contentDir)) {
    problems.push({
      file: relative(root, contentDir) || contentDir,
      message: 'the content folder does not exist',
      fix: 'create it with the folders articles/, actors/, figures/, statements/, sources/ and events/, or set CONTENT_DIR to the right folder',
      severity: 'error',
    });
  }
  for (const collection of Object.keys(COLLECTION_FORMATS) as CollectionName[]) {
    const raw: RawEntry[] = [];
    const unread: string[] = [];
    const listed = listContentFiles(contentDir, collection, root);
    problems.push(...listed.problems);
    unread.push(...listed.refusedIds);
    for (const path of listed.files) {
      const parsed = readCollectionFile(path, collection, root);
      raw.push(...parsed.entries);
      problems.push(...parsed.problems);
      unread.push(...(parsed.unreadIds ?? []));
    }
    const validated = validateEntries(collection, raw);
    problems.push(...validated.problems);
    const valid = new Set(validated.entries.map((entry) => entry.id));
    invalid[collection] = [...unread, ...raw.flatMap((entry) => (entry.id !== undefined && !valid.has(entry.id) ? [entry.id] : []))];
    const format = COLLECTION_FORMATS[collection];
    set[collection] = validated.entries.map((entry) => {
      if (format === 'yaml' || entry.body === undefined) return entry;
      const refs = collectBodyRefs(entry.file, entry.body, entry.bodyLine, format);
      problems.push(...refs.problems);
      return { ...entry, refs };
    });
  }
  const content = set as unknown as ContentSet;
  for (const actor of content.actors) {
    const src = actor.data.image?.src;
    if (src !== undefined && !existsSync(join(contentDir, src))) {
      problems.push({
        file: actor.file,
        ...actor.locate?.(['image', 'src']),
        field: 'image.src',
        message: `there is no image file "${src}" in the content folder`,
        fix: `put the picture at ${join(relative(root, contentDir) || '.', src)} or correct the path`,
        severity: 'error',
      });
    }
  }
  problems.push(...checkIntegrity(content, invalid));
  // Warnings read a complete story: while there are errors, some entries are
  // missing from the set and "nothing refers to X" would be noise.
  if (!problems.some((problem) => problem.severity === 'error')) problems.push(...collectWarnings(content));
  return { set: content, problems };
}
