import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listContentFiles } from '../../../src/check/content-files.ts';
import { checkContentDir } from '../../../src/check/check-content.ts';
import type { CollectionName } from '../../../src/model/index.ts';

let work: string;
let content: string;

/** Writes a file, making its folder. */
function put(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'explainer-files-'));
  content = join(work, 'content');
  const articles = join(content, 'articles');
  put(join(work, 'outside.mdx'), '---\ntitle: SECRET OUTSIDE\n---\n');
  put(join(content, 'elsewhere/linked.mdx'), '---\ntitle: linked\n---\n');
  put(join(articles, 'good.mdx'), '---\ntitle: good\n---\n');
  put(join(articles, '_x.mdx'), '<script>alert(1)</script>\n');
  put(join(articles, '.hidden.mdx'), '<script>alert(2)</script>\n');
  put(join(articles, 'notes.txt'), 'not content\n');
  symlinkSync('../elsewhere/linked.mdx', join(articles, 'linked.mdx'));
  symlinkSync(join(work, 'outside.mdx'), join(articles, 'outside.mdx'));
  symlinkSync(join(work, 'nowhere.mdx'), join(articles, 'dangling.mdx'));
  symlinkSync('loop.mdx', join(articles, 'loop.mdx'));
  symlinkSync('ping.mdx', join(articles, 'pong.mdx'));
  symlinkSync('pong.mdx', join(articles, 'ping.mdx'));
  mkdirSync(join(articles, 'folder.mdx'));
  execFileSync('mkfifo', [join(articles, 'pipe.mdx')]);
  // A collection folder that is a link out of the content folder, and one that is a file.
  mkdirSync(join(work, 'elsewhere'));
  put(join(work, 'elsewhere/a.md'), '---\nname: A\n---\n');
  symlinkSync(join(work, 'elsewhere'), join(content, 'actors'));
  put(join(content, 'figures'), 'not a folder\n');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const names = (paths: readonly string[]) => paths.map((path) => path.slice(content.length + 1));
const where = (collection: CollectionName) => listContentFiles(content, collection, work);

describe('the list of content files', () => {
  test('holds ordinary files and links to files inside the content folder, in name order', () => {
    expect(names(where('articles').files)).toEqual(['articles/good.mdx', 'articles/linked.mdx']);
  });

  test.each([
    ['articles/_x.mdx', /name starts with "_"/, /rename it or remove it/],
    [
      'articles/outside.mdx',
      /symbolic link to ".*outside\.mdx", outside the content folder/,
      /copy the file into the content folder/,
    ],
    [
      'articles/dangling.mdx',
      /symbolic link to ".*nowhere\.mdx", which does not exist/,
      /point the link at an existing file/,
    ],
    ['articles/loop.mdx', /leads back to itself/, /replace the link with the file itself/],
    ['articles/ping.mdx', /leads back to itself/, /replace the link/],
    ['articles/pong.mdx', /leads back to itself/, /replace the link/],
    ['articles/folder.mdx', /is a folder, not a file/, /rename it or remove it/],
    ['articles/pipe.mdx', /pipe, socket or device/, /rename it or remove it/],
  ])('refuses %s with a message and a fix', (file, message, fix) => {
    const problem = where('articles').problems.find((p) => p.file === `content/${file}`);
    expect(problem).toMatchObject({ severity: 'error' });
    expect(problem?.message).toMatch(message);
    expect(problem?.fix).toMatch(fix);
  });

  test('leaves hidden files and files of other kinds alone, without a word', () => {
    const mentioned = where('articles').problems.map((p) => p.file);
    expect(mentioned).not.toContain('content/articles/.hidden.mdx');
    expect(mentioned).not.toContain('content/articles/notes.txt');
    expect(where('articles').problems).toHaveLength(8);
  });

  test('gives the ids of refused files, so that references to them are not reported again', () => {
    expect(where('articles').refusedIds).toEqual(
      expect.arrayContaining(['_x', 'outside', 'dangling', 'loop', 'folder', 'pipe']),
    );
  });

  test('a collection folder linked from outside the content folder is refused as a whole, once', () => {
    const { files, problems } = where('actors');
    expect(files).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/actors',
        message: expect.stringMatching(/the folder is a symbolic link to .* outside the content folder/),
      }),
    ]);
  });

  test('a collection "folder" that is a file is an error; a missing one is an empty collection', () => {
    expect(where('figures').problems[0]?.message).toMatch(/should be the folder of figures, but it is a file/);
    expect(where('events')).toEqual({ files: [], problems: [], refusedIds: [] });
  });

  test('the content check reports every refused file, reads nothing from outside, and does not throw', () => {
    const { problems, set } = checkContentDir(content, work);
    const files = problems.filter((p) => p.severity === 'error').map((p) => p.file);
    for (const file of [
      'articles/_x.mdx',
      'articles/outside.mdx',
      'articles/dangling.mdx',
      'articles/loop.mdx',
      'articles/folder.mdx',
      'articles/pipe.mdx',
      'actors',
      'figures',
    ]) {
      expect(files).toContain(`content/${file}`);
    }
    expect(JSON.stringify(problems)).not.toContain('SECRET OUTSIDE');
    expect(set.actors).toEqual([]);
  });
});
