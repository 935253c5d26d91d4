import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { z } from 'astro/zod';

/**
 * Characters a setting may never hold: control characters (a NUL in a path
 * makes every file call throw; a newline or escape sequence would garble the
 * feed and the terminal) and the bidirectional overrides that make text read
 * differently from what it is.
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

/** A value without unsafe characters. */
const plainText = z
  .string()
  .refine((value) => !UNSAFE_CHARACTERS.test(value), { error: 'contains a control or text-direction character' });

/** A folder, relative to the project root or absolute. */
const folder = plainText;

/** A path segment of `BASE_PATH`: what a URL path holds without escaping, minus `.` and `..`. */
const BASE_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** One setting: the environment variable it is read from, its schema, how to put a wrong value right, and whether it changes what a build writes. */
interface Setting<T extends z.ZodType> {
  env: string;
  schema: T;
  fix: string;
  /** The built site depends on it: the cache folder is keyed by it (`cacheKey`), so no build reuses files made under another value. */
  changesOutput: boolean;
}

/** Declares a setting (keeps each schema's own type). */
function setting<T extends z.ZodType>(env: string, schema: T, fix: string, changesOutput = true): Setting<T> {
  return { env, schema, fix, changesOutput };
}

/**
 * Every site-wide setting, read once from the environment. Each field names
 * its variable and the fix shown when the value is wrong; the types of
 * `settings` come from the schemas.
 */
const SETTINGS = {
  /** Folder holding the story's content, relative to the project root. */
  contentDir: setting(
    'CONTENT_DIR',
    folder.default('content'),
    'set it to the folder that holds the story, e.g. CONTENT_DIR=content',
  ),
  /** Public URL of the site (scheme and host), for canonical links and feeds. */
  site: setting(
    'SITE_URL',
    plainText
      .transform((value, context) => {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          context.addIssue({ code: 'custom', message: 'is not a web address' });
          return z.NEVER;
        }
        const problem =
          url.protocol !== 'http:' && url.protocol !== 'https:'
            ? `is a ${url.protocol.replace(/:$/, '')}: address, not http or https`
            : url.username || url.password
              ? 'holds a user name or password'
              : url.pathname !== '/' || url.search || url.hash
                ? 'has a path, query or fragment after the host'
                : undefined;
        if (problem) {
          context.addIssue({ code: 'custom', message: problem });
          return z.NEVER;
        }
        return url.origin;
      })
      .default('https://example.org'),
    'set it to the public address of the site, scheme and host only, e.g. SITE_URL=https://news.example.com (a subfolder goes in BASE_PATH)',
  ),
  /** Path the site is served under: `/` at a domain root, `/explainer/` in a subfolder. */
  base: setting(
    'BASE_PATH',
    plainText
      .transform((value, context) => {
        const trimmed = value.replace(/^\/+|\/+$/g, '');
        const segments = trimmed === '' ? [] : trimmed.split('/');
        if (segments.some((segment) => !BASE_SEGMENT.test(segment) || segment === '.' || segment === '..')) {
          context.addIssue({ code: 'custom', message: 'is not a plain URL path' });
          return z.NEVER;
        }
        return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
      })
      .default('/'),
    'set it to the folder the site is served from, in letters, digits and - _ . ~ separated by /, e.g. BASE_PATH=/explainer/, or leave it unset for a domain root',
  ),
  /** Where the built site is written. */
  outDir: setting(
    'OUT_DIR',
    folder.default('dist'),
    'set it to a folder of its own for the built site, e.g. OUT_DIR=dist',
    false,
  ),
  /**
   * Where caches live (Astro's content data store and incremental build, share
   * images, parsed content). A build uses the subfolder named by `cacheKey`, so
   * content folders and settings never share one; see `cachePath`.
   */
  cacheDir: setting(
    'CACHE_DIR',
    folder.default('node_modules/.astro'),
    'set it to a folder of its own for the cache, e.g. CACHE_DIR=node_modules/.astro',
    false,
  ),
  /** The site's name, shown in the header and page titles; wins over `title` in the content folder's `site.yaml`. */
  title: setting(
    'SITE_TITLE',
    plainText.refine((title) => title.length <= 200, { error: 'is longer than 200 characters' }).optional(),
    'set it to the site\'s name as plain text, e.g. SITE_TITLE="The Flood Explained"',
  ),
  /**
   * The date the site is built "as of" (YYYY-MM-DD), for "then" in role
   * attribution. `scripts/build.ts` sets it from the commit date so that the
   * same commit always builds the same bytes; without it, today (UTC).
   */
  buildDate: setting(
    'BUILD_DATE',
    z.iso.date({ error: 'is not a date in the form YYYY-MM-DD' }).optional(),
    'write it as YYYY-MM-DD, e.g. BUILD_DATE=2024-11-04, or leave it unset to build as of the commit date',
  ),
  /**
   * The moment a build publishes as of: an article or update whose publication
   * time is later is left out. Unset, the time the build runs (so a scheduled
   * rebuild makes it go live).
   */
  publishTime: setting(
    'PUBLISH_TIME',
    plainText
      .refine(
        // The day must exist: Date.parse reads 2024-02-30 as 1 March.
        (value) =>
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
          z.iso.date().safeParse(value.slice(0, 10)).success &&
          !Number.isNaN(Date.parse(value)),
        { error: 'is not a date and time with an offset' },
      )
      .optional(),
    'write it as a date and time with its offset, e.g. PUBLISH_TIME=2024-11-04T09:00Z, or leave it unset to publish as of the time the build runs',
  ),
  /** The time zone the site shows times of day in (IANA name, such as Europe/Kyiv), named next to every time; wins over `timezone` in `site.yaml`. */
  timeZone: setting(
    'SITE_TIMEZONE',
    plainText
      .refine(
        (zone) => {
          // The runtime's own table, aliases included (Europe/Kyiv and Europe/Kiev).
          try {
            new Intl.DateTimeFormat('en', { timeZone: zone });
            return true;
          } catch {
            return false;
          }
        },
        { error: 'is not a time zone name' },
      )
      .optional(),
    'set it to a time zone name from the IANA database, e.g. SITE_TIMEZONE=Europe/Kyiv, or leave it unset for the one in site.yaml (UTC without one)',
  ),
  /** Astro's incremental build: re-render only pages whose entries changed since the last build with the same cache. */
  incremental: setting(
    'INCREMENTAL_BUILD',
    z
      .enum(['0', '1'], { error: 'is neither 0 nor 1' })
      .default('1')
      .transform((value) => value === '1'),
    'set INCREMENTAL_BUILD=0 to render every page, or leave it unset',
    // An incremental build writes the same bytes as a full one (tests/incremental/run.ts).
    false,
  ),
} as const;

/** The validated settings. */
export type Settings = { [K in keyof typeof SETTINGS]: z.output<(typeof SETTINGS)[K]['schema']> };

/**
 * Quotes a value for a message: double quotes, control and text-direction
 * characters escaped (`\n`, `\x1b`, `\u202e`), long values cut short, so what
 * the terminal shows is what the variable holds.
 */
export function quoteValue(value: string): string {
  const short = value.length > 120 ? `${value.slice(0, 120)}…` : value;
  const escaped = short.replace(/[\\"]/g, '\\$&').replace(new RegExp(UNSAFE_CHARACTERS.source, 'gu'), (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const code = c.codePointAt(0) ?? 0;
    return (
      named[c] ??
      (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
    );
  });
  return `"${escaped}"`;
}

/** One line about a wrong setting: the variable, its value, what is wrong, and the fix. */
function settingMessage(env: string, value: string, problem: string, fix: string): string {
  return `Setting ${env}=${quoteValue(value)} ${problem}. Fix: ${fix}.`;
}

/** The folders a build reads and writes, as absolute paths with symbolic links resolved. */
export interface BuildFolders {
  /** The project (where `astro.config.mjs` is). */
  root: string;
  /** The story: CONTENT_DIR. */
  content: string;
  /** The built site: OUT_DIR. */
  out: string;
  /** Astro's cache: CACHE_DIR. */
  cache: string;
}

/** How a folder sits relative to another one. */
type Placement = 'is' | 'is inside' | 'contains';

/** Where `folder` sits relative to `other`, if they overlap. */
function placement(folder: string, other: string): Placement | undefined {
  if (folder === other) return 'is';
  const inside = (a: string, b: string) => a.startsWith(b.endsWith(sep) ? b : b + sep);
  if (inside(folder, other)) return 'is inside';
  if (inside(other, folder)) return 'contains';
  return undefined;
}

/**
 * Folders that must stay apart, why, and the fix. The build replaces its
 * output folder whole (`scripts/build.ts` swaps it; `astro build` empties it
 * first), so it may hold nothing but the site; Astro writes its cache as it
 * pleases. The first rule a folder breaks is the one reported.
 */
const FOLDER_RULES: {
  folder: 'out' | 'cache';
  other: 'root' | 'content' | 'cache';
  refused: Placement[];
  why: string;
  fix: string;
}[] = [
  {
    folder: 'out',
    other: 'root',
    refused: ['is', 'contains'],
    why: 'the build replaces its output folder whole, so the project would be deleted',
    fix: 'set OUT_DIR to a folder of its own, e.g. OUT_DIR=dist',
  },
  {
    folder: 'out',
    other: 'content',
    refused: ['is', 'is inside', 'contains'],
    why: 'the build replaces its output folder whole, so the story would be deleted',
    fix: 'set OUT_DIR to a folder of its own, outside the content folder, e.g. OUT_DIR=dist',
  },
  {
    folder: 'out',
    other: 'cache',
    refused: ['is', 'is inside', 'contains'],
    why: 'the site and the cache would overwrite each other',
    fix: 'give each its own folder, e.g. OUT_DIR=dist CACHE_DIR=node_modules/.astro',
  },
  {
    folder: 'cache',
    other: 'content',
    refused: ['is', 'is inside', 'contains'],
    why: "Astro would write its cache among the story's files",
    fix: 'set CACHE_DIR to a folder of its own, outside the content folder, e.g. CACHE_DIR=node_modules/.astro',
  },
  {
    folder: 'cache',
    other: 'root',
    refused: ['is', 'contains'],
    why: 'Astro would write its cache over the project',
    fix: 'set CACHE_DIR to a folder of its own, e.g. CACHE_DIR=node_modules/.astro',
  },
];

/** How each folder is named in a message. */
const FOLDER_NAMES: Record<keyof BuildFolders, string> = {
  root: 'the project folder',
  content: `the content folder (${SETTINGS.contentDir.env})`,
  out: `the output folder (${SETTINGS.outDir.env})`,
  cache: `the cache folder (${SETTINGS.cacheDir.env})`,
};

/** A folder setting that overlaps another folder. */
export interface FolderProblem {
  /** The setting to change. */
  key: 'outDir' | 'cacheDir';
  /** What is wrong, e.g. `is the content folder (CONTENT_DIR) /site/content: …`. */
  problem: string;
  /** What would fix it. */
  fix: string;
}

/**
 * Checks that the output and cache folders stay clear of the project, the
 * content and each other (the table above): at most one problem per folder.
 * Pure: takes resolved paths.
 */
export function folderProblems(folders: BuildFolders): FolderProblem[] {
  const problems: FolderProblem[] = [];
  for (const rule of FOLDER_RULES) {
    const key = rule.folder === 'out' ? 'outDir' : 'cacheDir';
    const where = placement(folders[rule.folder], folders[rule.other]);
    if (where === undefined || !rule.refused.includes(where) || problems.some((p) => p.key === key)) continue;
    problems.push({
      key,
      problem: `${where} ${FOLDER_NAMES[rule.other]} ${folders[rule.other]}: ${rule.why}`,
      fix: rule.fix,
    });
  }
  return problems;
}

/**
 * The absolute path of a folder setting, with symbolic links resolved as far
 * as the path exists, so a link cannot hide that two folders are one.
 */
export function canonicalPath(path: string, root: string): string {
  const absolute = isAbsolute(path) ? resolve(path) : resolve(root, path);
  const rest: string[] = [];
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return absolute;
  }
}

/**
 * Why a folder setting cannot be a folder: the path, or the nearest part of it
 * that exists, is a file. (Astro would stop with a stack trace on its first
 * `mkdir` in it.) Takes a canonical path.
 */
export function notAFolder(path: string): string | undefined {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (statSync(existing, { throwIfNoEntry: false })?.isDirectory() !== false) return undefined;
  return existing === path ? 'is a file, not a folder' : `lies inside ${existing}, which is a file, not a folder`;
}

/** Settings read from an environment: the values, or one line per mistake. */
export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/**
 * Reads and validates every setting from an environment (empty values count
 * as unset). `root` is the project folder the relative paths start from.
 */
export function parseSettings(env: Readonly<Record<string, string | undefined>>, root: string): SettingsResult {
  const errors: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, { env: name, schema, fix }] of Object.entries(SETTINGS)) {
    const raw = env[name] || undefined;
    const result = schema.safeParse(raw);
    if (result.success) values[key] = result.data;
    else errors.push(settingMessage(name, raw ?? '', result.error.issues[0]?.message ?? 'is not valid', fix));
  }
  const parsed = values as Settings;
  if (errors.length === 0) {
    const folders: BuildFolders = {
      root: canonicalPath(root, root),
      content: canonicalPath(parsed.contentDir, root),
      out: canonicalPath(parsed.outDir, root),
      cache: canonicalPath(parsed.cacheDir, root),
    };
    for (const { key, problem, fix } of folderProblems(folders))
      errors.push(settingMessage(SETTINGS[key].env, parsed[key], problem, fix));
    for (const [key, path] of [
      ['outDir', folders.out],
      ['cacheDir', folders.cache],
    ] as const) {
      const problem = notAFolder(path);
      if (problem) errors.push(settingMessage(SETTINGS[key].env, parsed[key], problem, SETTINGS[key].fix));
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: parsed };
}

/**
 * Why an existing output folder may not be replaced, if so: the build deletes
 * what it holds, so it must be empty or hold a site built before (an
 * `index.html` or Astro's `_astro/`). Reads the disk; run it before a build.
 */
export function outputFolderProblem(outDir: string, root: string): string | undefined {
  const out = canonicalPath(outDir, root);
  let names: string[];
  try {
    names = readdirSync(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // A file is replaced whole, like a folder (`scripts/lib/site-swap.ts`): never one the build did not write.
    const file = code === 'ENOTDIR' && statSync(out, { throwIfNoEntry: false })?.isFile();
    return settingMessage(
      SETTINGS.outDir.env,
      outDir,
      file
        ? 'is a file, not a folder, and the build would replace it with the site'
        : `cannot be used as the output folder (${code ?? 'unknown error'})`,
      'set OUT_DIR to a new or empty folder, or to the folder of a previous build',
    );
  }
  if (names.length === 0 || names.includes('index.html') || names.includes('_astro')) return undefined;
  const shown = names.slice(0, 3).map(quoteValue).join(', ');
  return settingMessage(
    SETTINGS.outDir.env,
    outDir,
    `is a folder that holds other files than a built site (${shown}${names.length > 3 ? ', …' : ''}), and the build would delete them`,
    'set OUT_DIR to a new or empty folder, or to the folder of a previous build',
  );
}

/** Reads the settings from the process environment; on a mistake, prints one line each and exits with code 1. */
function loadSettings(): Settings {
  const result = parseSettings(process.env, process.cwd());
  if (result.ok) return result.settings;
  process.stderr.write(`${result.errors.join('\n')}\n`);
  process.exit(1);
}

/** Site-wide settings, read once from the environment and validated. */
export const settings: Settings = loadSettings();

/** The moment this run publishes as of (milliseconds since 1970): `PUBLISH_TIME`, or now. */
export function publishInstant(): number {
  return settings.publishTime === undefined ? Date.now() : Date.parse(settings.publishTime);
}

/** Absolute path of the content folder. */
export function contentPath(root: string = process.cwd()): string {
  return isAbsolute(settings.contentDir) ? settings.contentDir : resolve(root, settings.contentDir);
}

/** Absolute path of the output folder. */
export function outPath(root: string = process.cwd()): string {
  return isAbsolute(settings.outDir) ? settings.outDir : resolve(root, settings.outDir);
}

/**
 * The text of the content folder's `site.yaml` (the newsroom's identity, which
 * every page shows), or undefined without one. Read as bytes, never parsed:
 * the content check validates it.
 */
export function siteFileText(contentDir: string, root: string): string | undefined {
  try {
    return readFileSync(join(canonicalPath(contentDir, root), 'site.yaml'), 'latin1');
  } catch {
    return undefined;
  }
}

/**
 * The name of the cache subfolder for a content folder and settings: a hash of
 * the content folder's canonical path, of every setting that changes what a
 * build writes (`changesOutput` above; an unset `BUILD_DATE` counts as `today`,
 * the date the build then uses), and of `site.yaml`. Builds of another story,
 * under another `SITE_URL`, `BASE_PATH`, `SITE_TITLE` or `BUILD_DATE`, or with
 * another `site.yaml`, get another folder and never reuse a file made for
 * different output. Pure, given the text of `site.yaml` (by default read from
 * the content folder).
 */
export function cacheKey(
  values: Settings,
  root: string,
  today: string = new Date().toISOString().slice(0, 10),
  site: string | undefined = siteFileText(values.contentDir, root),
): string {
  const keyed: Record<string, unknown> = {};
  for (const [key, { changesOutput }] of Object.entries(SETTINGS)) {
    if (!changesOutput) continue;
    const value = values[key as keyof Settings];
    keyed[key] =
      key === 'contentDir' ? canonicalPath(String(value), root) : key === 'buildDate' ? (value ?? today) : value;
  }
  keyed['siteFile'] = site ?? null;
  return createHash('sha256').update(JSON.stringify(keyed)).digest('hex').slice(0, 16);
}

/**
 * Absolute path of this build's cache folder: `<CACHE_DIR>/<cacheKey>`. Every
 * cache (Astro's `cacheDir`, share images, parsed content) lives in it. Each
 * subfolder is the cache of one story under one set of settings, which a
 * switch back reuses; a successful build removes the subfolders not used for
 * a while and never one in use (`src/integrations/cache-folders.ts`).
 */
export function cachePath(root: string = process.cwd()): string {
  return join(canonicalPath(settings.cacheDir, root), cacheKey(settings, root));
}
