import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BodyRefs, ContentSet, Entity } from '../model/content-set.ts';
import { BodyRefsCache } from './body-refs-cache.ts';
import { checkIntegrity } from './integrity.ts';
import { collectBodyRefs } from './mdx-refs.ts';
import {
  baseName,
  decodeText,
  firstInvalidUtf8,
  parseFrontmatterEntity,
  parseYamlEntities,
  type ParsedFile,
  type RawEntry,
} from './parse-files.ts';
import { placeholderProblems } from './placeholders.ts';
import type { Problem } from '../model/problems.ts';
import { validateData, validateEntries } from './validate.ts';
import { collectWarnings, siteLocaleWarnings } from './warnings.ts';
import { COLLECTION_FORMATS, type CollectionName, type ContentFormat } from '../model/index.ts';
import { SITE_FILE, siteSchema, type SiteFile } from '../model/site.ts';
import { containedPath, realRoot, reportPath } from './contained-path.ts';
import { listContentFiles } from './content-files.ts';
import { checkPictures, type Picture, type PictureCheck } from './read-pictures.ts';

/** The result of reading and checking a content folder. */
export interface ContentCheck {
  set: ContentSet;
  problems: Problem[];
  /** The checked pictures that actors show, by `image.src`: the only files of `images/` the site publishes. */
  pictures: ReadonlyMap<string, Picture>;
  /** Every body the check read, by file, with the references found in it. */
  bodies: ReadonlyMap<string, CheckedBody>;
  /** `site.yaml` as validated (empty when the file is missing or wrong: the problems say why). */
  site: SiteFile;
}

/** A Markdown or MDX body as the check read it, and what it refers to. */
export interface CheckedBody {
  body: string;
  refs: BodyRefs;
}

/** Reads and parses one file of a collection. */
export function readCollectionFile(path: string, collection: CollectionName, root: string): ParsedFile {
  return readContentFile(path, COLLECTION_FORMATS[collection], root);
}

/** Reads and parses one content file written in a format. */
function readContentFile(path: string, format: ContentFormat, root: string): ParsedFile {
  const file = relative(root, path).split('\\').join('/');
  const bytes = readFileSync(path);
  const text = decodeText(bytes);
  if (text === undefined) {
    const bad = firstInvalidUtf8(bytes);
    const where = bad ? { line: bad.line, column: bad.column } : { line: 1 };
    const what = bad
      ? `: byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 (probably "${bad.guess}" saved as Latin-1 or Windows-1252)`
      : '';
    return {
      entries: [],
      unreadIds: [baseName(file)],
      problems: [
        {
          file,
          ...where,
          message: `the file is not UTF-8 text${what}`,
          fix: 'save it again as UTF-8 (most editors: "Save with encoding" → UTF-8)',
          severity: 'error',
        },
      ],
    };
  }
  const parsed = format === 'yaml' ? parseYamlEntities(file, text) : parseFrontmatterEntity(file, text);
  const placeholders = placeholderProblems(file, text);
  return placeholders.length === 0 ? parsed : { ...parsed, problems: [...parsed.problems, ...placeholders] };
}

/** Why `image.src` names no picture, and the fix: the path must match a picture file exactly, case included. */
function missingPicture(src: string, images: PictureCheck, contentDir: string): { message: string; fix: string } {
  if (images.refused.get(src) === 'folder')
    return {
      message: `"${src}" is a folder, not a picture file`,
      fix: 'write the path of a picture file, such as images/jane-doe.jpg',
    };
  const lower = src.toLowerCase();
  const sameButCase = [...images.pictures.keys()].find((key) => key.toLowerCase() === lower);
  if (sameButCase !== undefined) {
    return {
      message: `there is no picture "${src}"; the file is named "${sameButCase}"`,
      fix: `write "${sameButCase}": paths must match the file name exactly, case included (most web hosts tell capitals apart)`,
    };
  }
  return {
    message: `there is no image file "${src}" in the content folder`,
    fix: `put the picture at ${join(contentDir, src)} or correct the path`,
  };
}

/**
 * Reads and validates `site.yaml` at the top of the content folder. A missing
 * file is a site with the defaults; a link leaving the content folder, a
 * folder or a special file under its name is refused, as in the collections.
 */
export function readSiteFile(
  contentDir: string,
  root: string,
): { site: SiteFile; problems: Problem[]; locate?: RawEntry['locate'] } {
  const top = realRoot(contentDir);
  const path = join(contentDir, SITE_FILE);
  const problems: Problem[] = [];
  const other = join(contentDir, SITE_FILE.replace(/\.yaml$/, '.yml'));
  if (existsSync(other))
    problems.push({
      file: reportPath(root, other),
      message: `the site settings are read from ${SITE_FILE} only, so this file is not read`,
      fix: `rename it to ${SITE_FILE}`,
      severity: 'error',
    });
  if (top === undefined || !existsSync(path)) {
    // A dangling link is not "missing": containedPath says where it leads.
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch {
      // no file: defaults
    }
    if (!link || top === undefined) return { site: {}, problems };
  }
  const where = containedPath(path, top);
  if ('refusal' in where)
    return { site: {}, problems: [...problems, { file: reportPath(root, path), ...where.refusal, severity: 'error' }] };
  if (!where.stats.isFile())
    return {
      site: {},
      problems: [
        ...problems,
        {
          file: reportPath(root, path),
          message: 'this is not a regular file',
          fix: `make ${SITE_FILE} an ordinary text file, or remove it`,
          severity: 'error',
        },
      ],
    };
  const parsed = readContentFile(path, 'yaml', root);
  problems.push(...parsed.problems);
  const entry = parsed.entries[0];
  if (entry === undefined || parsed.problems.length > 0) return { site: {}, problems };
  const validated = validateData(entry, siteSchema);
  problems.push(...validated.problems);
  problems.push(...siteLocaleWarnings(validated.data?.locale, reportPath(root, path), entry.locate));
  return { site: validated.data ?? {}, problems, locate: entry.locate };
}

/**
 * Reads every collection of a content folder, validates each entry against its
 * schema, reads the bodies' references, and resolves every reference. Reports
 * every problem at once. `bodyCache` keeps the bodies' references across
 * checks, so that only bodies whose text changed are parsed.
 */
export function checkContentDir(
  contentDir: string,
  root: string,
  options: { bodyCache?: BodyRefsCache } = {},
): ContentCheck {
  const problems: Problem[] = [];
  const set = {} as Record<CollectionName, Entity<unknown>[]>;
  const invalid = {} as Record<CollectionName, string[]>;
  const bodies = new Map<string, CheckedBody>();
  const folders = Object.keys(COLLECTION_FORMATS).map((name) => join(contentDir, name));
  if (existsSync(contentDir) && !folders.some((folder) => existsSync(folder))) {
    problems.push({
      file: relative(root, contentDir) || contentDir,
      message:
        'the content folder holds none of the folders articles/, actors/, figures/, statements/, sources/, events/',
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
    invalid[collection] = [
      ...unread,
      ...raw.flatMap((entry) => (entry.id !== undefined && !valid.has(entry.id) ? [entry.id] : [])),
    ];
    const format = COLLECTION_FORMATS[collection];
    set[collection] = validated.entries.map((entry) => {
      if (format === 'yaml' || entry.body === undefined) return entry;
      const { file, body, bodyLine } = entry;
      const parse = () => collectBodyRefs(file, body, bodyLine, format);
      const cache = options.bodyCache;
      const refs = cache ? cache.refs(BodyRefsCache.key(file, body, bodyLine, format), parse) : parse();
      bodies.set(entry.file, { body: entry.body, refs });
      problems.push(...refs.problems);
      return { ...entry, refs };
    });
  }
  const content = set as unknown as ContentSet;
  const site = readSiteFile(contentDir, root);
  problems.push(...site.problems);
  const images = checkPictures(contentDir, root);
  problems.push(...images.problems);
  const pictures = new Map<string, Picture>();
  const logo = site.site.publisher?.logo;
  if (logo !== undefined) {
    const picture = images.pictures.get(logo);
    if (picture !== undefined) pictures.set(logo, picture);
    else if (images.refused.get(logo) !== 'file')
      problems.push({
        file: reportPath(root, join(contentDir, SITE_FILE)),
        ...site.locate?.(['publisher', 'logo']),
        field: 'publisher.logo',
        ...missingPicture(logo, images, relative(root, contentDir) || '.'),
        severity: 'error',
      });
  }
  for (const actor of content.actors) {
    const src = actor.data.image?.src;
    if (src === undefined) continue;
    const picture = images.pictures.get(src);
    if (picture !== undefined) pictures.set(src, picture);
    // A refused file is reported once, where it is; the reference to it needs no second error.
    else if (images.refused.get(src) !== 'file') {
      const why = missingPicture(src, images, relative(root, contentDir) || '.');
      problems.push({
        file: actor.file,
        ...actor.locate?.(['image', 'src']),
        field: 'image.src',
        ...why,
        severity: 'error',
      });
    }
  }
  // Until here, an error means an entry or a body is missing from the set;
  // broken references found next leave every entry in it.
  const complete = !problems.some((problem) => problem.severity === 'error');
  problems.push(...checkIntegrity(content, invalid));
  // Warnings are shown with the errors, so one run lists everything to fix.
  problems.push(...collectWarnings(content, { complete }));
  options.bodyCache?.save();
  return { set: content, problems, pictures, bodies, site: site.site };
}
