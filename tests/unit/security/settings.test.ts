import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  type BuildFolders,
  folderProblems,
  outputFolderProblem,
  parseSettings,
  quoteValue,
} from '../../../src/settings.ts';

const ROOT = '/site';

/** The one error line for an environment, or the settings. */
function errorsFor(env: Record<string, string>): string[] {
  const result = parseSettings(env, ROOT);
  return result.ok ? [] : result.errors;
}

describe('settings: one line per wrong value, naming the variable, the value and the fix', () => {
  test.each([
    ['BUILD_DATE', 'yesterday', 'is not a date in the form YYYY-MM-DD', 'BUILD_DATE=2024-11-04'],
    ['BUILD_DATE', '2024-02-30', 'is not a date in the form YYYY-MM-DD', 'YYYY-MM-DD'],
    [
      'SITE_URL',
      'javascript:alert(1)',
      'is a javascript: address, not http or https',
      'SITE_URL=https://news.example.com',
    ],
    ['SITE_URL', 'data:text/html,<script>alert(1)</script>', 'is a data: address', 'scheme and host only'],
    ['SITE_URL', 'example.org', 'is not a web address', 'SITE_URL=https://'],
    ['SITE_URL', 'https://user:secret@example.org', 'holds a user name or password', 'scheme and host only'],
    ['SITE_URL', 'https://example.org/explainer/', 'has a path, query or fragment', 'a subfolder goes in BASE_PATH'],
    ['SITE_URL', 'https://example.org/?q="><script>', 'has a path, query or fragment', 'scheme and host only'],
    ['BASE_PATH', '../up', 'is not a plain URL path', 'BASE_PATH=/explainer/'],
    ['BASE_PATH', '/a b/', 'is not a plain URL path', 'letters, digits'],
    ['BASE_PATH', '/x/"><script>/', 'is not a plain URL path', 'BASE_PATH=/explainer/'],
    ['BASE_PATH', '/a//b/', 'is not a plain URL path', 'BASE_PATH=/explainer/'],
    ['BASE_PATH', 'https://evil.example/', 'is not a plain URL path', 'BASE_PATH=/explainer/'],
    ['SITE_TITLE', 'News\u001b]0;owned\u0007', 'contains a control or text-direction character', 'plain text'],
    ['SITE_TITLE', 'x'.repeat(201), 'is longer than 200 characters', 'SITE_TITLE='],
    ['CONTENT_DIR', 'content\u0000', 'contains a control or text-direction character', 'CONTENT_DIR=content'],
    ['OUT_DIR', 'dist\n', 'contains a control or text-direction character', 'OUT_DIR=dist'],
    ['INCREMENTAL_BUILD', 'false', 'is neither 0 nor 1', 'INCREMENTAL_BUILD=0'],
    ['SITE_TIMEZONE', 'Mars/Olympus', 'is not a time zone name', 'SITE_TIMEZONE=Europe/Kyiv'],
    ['PUBLISH_TIME', 'tomorrow', 'is not a date and time with an offset', 'PUBLISH_TIME=2024-11-04T09:00Z'],
    ['PUBLISH_TIME', '2024-11-04T09:00', 'is not a date and time with an offset', 'PUBLISH_TIME='],
  ])('%s=%j', (name, value, problem, fix) => {
    const errors = errorsFor({ [name]: value });
    expect(errors).toHaveLength(1);
    const [line] = errors;
    expect(line).not.toContain('\n');
    expect(line).toContain(`Setting ${name}=${quoteValue(value)} ${problem}`);
    expect(line).toMatch(/ Fix: /);
    expect(line!.slice(line!.indexOf(' Fix: '))).toContain(fix);
    // No raw control character reaches the terminal.
    expect(line).not.toMatch(/\p{Cc}/u);
  });

  test('every mistake is reported at once, one line each', () => {
    const errors = errorsFor({ BUILD_DATE: 'yesterday', SITE_URL: 'ftp://example.org', BASE_PATH: '/../' });
    expect(errors.map((line) => line.split('=')[0])).toEqual([
      'Setting SITE_URL',
      'Setting BASE_PATH',
      'Setting BUILD_DATE',
    ]);
  });

  test.each([
    [
      {},
      {
        site: 'https://example.org',
        base: '/',
        contentDir: 'content',
        outDir: 'dist',
        // Unset, the title and time zone come from site.yaml (src/model/site.ts `resolveSite`).
        title: undefined,
        timeZone: undefined,
        incremental: true,
      },
    ],
    [
      { SITE_URL: 'https://News.Example.com/', BASE_PATH: 'explainer' },
      { site: 'https://news.example.com', base: '/explainer/' },
    ],
    [{ BASE_PATH: '/a/b.c/~d_e-f' }, { base: '/a/b.c/~d_e-f/' }],
    [
      { BASE_PATH: '/', SITE_URL: 'http://localhost:4321' },
      { base: '/', site: 'http://localhost:4321' },
    ],
    [
      { BUILD_DATE: '2024-02-29', INCREMENTAL_BUILD: '0' },
      { buildDate: '2024-02-29', incremental: false },
    ],
    [{ SITE_TITLE: 'Kursk · 北 — “explained” 👩‍👩‍👧' }, { title: 'Kursk · 北 — “explained” 👩‍👩‍👧' }],
    [
      { OUT_DIR: '', SITE_URL: '' },
      { outDir: 'dist', site: 'https://example.org' },
    ],
  ])('accepts %j', (env, expected) => {
    const result = parseSettings(env, ROOT);
    expect(result.ok ? result.settings : result.errors).toMatchObject(expected);
  });

  test('values are shown with control and text-direction characters escaped', () => {
    expect(quoteValue('a\u001b[2J\u0007\n\t"\\\u202eb\u0085')).toBe('"a\\x1b[2J\\x07\\n\\t\\"\\\\\\u202eb\\x85"');
    expect(quoteValue('x'.repeat(500))).toBe(`"${'x'.repeat(120)}…"`);
  });
});

describe('folders: the output and cache folders stay clear of the project, the content and each other', () => {
  const folders = (over: Partial<BuildFolders>): BuildFolders => ({
    root: '/p',
    content: '/p/content',
    out: '/p/dist',
    cache: '/p/node_modules/.astro',
    ...over,
  });

  test.each<[string, Partial<BuildFolders>, string | undefined]>([
    ['the defaults', {}, undefined],
    ['an output folder outside the project', { out: '/srv/www/site' }, undefined],
    ['a content folder outside the project', { content: '/stories/kursk', out: '/p/dist' }, undefined],
    ['a sibling whose name starts like the content folder', { out: '/p/content-site' }, undefined],
    [
      'output = project',
      { out: '/p' },
      'outDir is the project folder /p: the build replaces its output folder whole, so the project would be deleted',
    ],
    ['output contains the project', { out: '/' }, 'outDir contains the project folder /'],
    [
      'output = content',
      { out: '/p/content' },
      'outDir is the content folder (CONTENT_DIR) /p/content: the build replaces its output folder whole, so the story would be deleted',
    ],
    [
      'output inside content',
      { out: '/p/content/site' },
      'outDir is inside the content folder (CONTENT_DIR) /p/content',
    ],
    [
      'output contains content',
      { content: '/data/story', out: '/data' },
      'outDir contains the content folder (CONTENT_DIR) /data/story',
    ],
    ['output = cache', { out: '/p/node_modules/.astro' }, 'outDir is the cache folder (CACHE_DIR)'],
    ['output contains cache', { out: '/p/node_modules' }, 'outDir contains the cache folder (CACHE_DIR)'],
    ['cache inside output', { cache: '/p/dist/.cache' }, 'outDir contains the cache folder (CACHE_DIR)'],
    [
      'cache = content',
      { cache: '/p/content' },
      "cacheDir is the content folder (CONTENT_DIR) /p/content: Astro would write its cache among the story's files",
    ],
    ['cache inside content', { cache: '/p/content/.cache' }, 'cacheDir is inside the content folder (CONTENT_DIR)'],
    [
      'cache = project',
      { cache: '/p', content: '/stories/x', out: '/srv/site' },
      'cacheDir is the project folder /p: Astro would write its cache over the project',
    ],
  ])('%s', (_name, over, expected) => {
    const found = folderProblems(folders(over)).map(({ key, problem }) => `${key} ${problem}`);
    if (expected === undefined) expect(found).toEqual([]);
    else expect(found.join('\n')).toContain(expected);
  });

  test('one problem per folder, the first rule it breaks', () => {
    // `/` contains the project, the content and the cache: only the first is reported.
    const found = folderProblems(folders({ out: '/', cache: '/p/content/.cache' }));
    expect(found.map(({ key, problem }) => `${key} ${problem.split(':')[0]}`)).toEqual([
      'outDir contains the project folder /p',
      'cacheDir is inside the content folder (CONTENT_DIR) /p/content',
    ]);
  });

  const temp = mkdtempSync(join(tmpdir(), 'explainer-settings-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  test('a symbolic link cannot hide that the output folder is the content folder', () => {
    const root = join(temp, 'project');
    mkdirSync(join(root, 'content'), { recursive: true });
    symlinkSync(join(root, 'content'), join(temp, 'site'));
    const result = parseSettings({ OUT_DIR: join(temp, 'site') }, root);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringContaining(`Setting OUT_DIR=${quoteValue(join(temp, 'site'))} is the content folder`),
    ]);
    // A folder below the link that does not exist yet is resolved through the link too.
    const below = parseSettings({ OUT_DIR: join(temp, 'site', 'new', 'dist') }, root);
    expect(below.ok ? [] : below.errors).toEqual([expect.stringContaining('is inside the content folder')]);
  });

  test('an existing output folder must be empty or hold a built site', () => {
    const out = join(temp, 'out');
    expect(outputFolderProblem(out, temp)).toBeUndefined();
    mkdirSync(out);
    expect(outputFolderProblem(out, temp)).toBeUndefined();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(outputFolderProblem(out, temp)).toBe(
      `Setting OUT_DIR=${quoteValue(out)} is a folder that holds other files than a built site ("notes.txt"), and the build would delete them. Fix: set OUT_DIR to a new or empty folder, or to the folder of a previous build.`,
    );
    writeFileSync(join(out, 'index.html'), '<!doctype html>');
    expect(outputFolderProblem(out, temp)).toBeUndefined();
  });
});
