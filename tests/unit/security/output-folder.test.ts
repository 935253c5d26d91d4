import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { swapFolders, swapIn } from '../../../scripts/lib/site-swap.ts';
import { outputFolderProblem, parseSettings, quoteValue } from '../../../src/settings.ts';

const temp = mkdtempSync(join(tmpdir(), 'explainer-output-folder-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('OUT_DIR naming a file is refused before the build, which would replace the file with the site', () => {
  test('the swap replaces whatever is at OUT_DIR, a file too (what the refusal protects)', () => {
    const out = join(temp, 'notes.txt');
    writeFileSync(out, 'mine');
    const folders = swapFolders(temp, out, 1);
    mkdirSync(folders.near);
    writeFileSync(join(folders.near, 'index.html'), '<!doctype html>');
    swapIn(out, folders);
    expect(statSync(out).isDirectory()).toBe(true);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  test('a file, such as package.json, is refused with one line', () => {
    const out = join(temp, 'package.json');
    writeFileSync(out, '{}');
    expect(outputFolderProblem(out, temp)).toBe(
      `Setting OUT_DIR=${quoteValue(out)} is a file, not a folder, and the build would replace it with the site. Fix: set OUT_DIR to a new or empty folder, or to the folder of a previous build.`,
    );
    expect(readFileSync(out, 'utf8')).toBe('{}');
  });

  test('a path through a file is refused; a path that does not exist yet is fine', () => {
    writeFileSync(join(temp, 'file'), '');
    expect(outputFolderProblem(join(temp, 'file/dist'), temp)).toMatch(
      /^Setting OUT_DIR=.* cannot be used as the output folder \(ENOTDIR\)\. Fix: /,
    );
    expect(outputFolderProblem(join(temp, 'new/dist'), temp)).toBeUndefined();
  });
});

describe('OUT_DIR and CACHE_DIR must name folders: a file stops every command with one line', () => {
  // CACHE_DIR=package.json passed, and `astro build` stopped with a stack trace:
  // "ENOTDIR: not a directory, mkdir '…/package.json/58c988701910d2a6/'" (content-layer.js).
  const root = join(temp, 'project');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}');
  const errors = (env: Record<string, string>) => {
    const result = parseSettings(env, root);
    return result.ok ? [] : result.errors;
  };

  test.each([
    ['CACHE_DIR', 'package.json', 'is a file, not a folder'],
    ['CACHE_DIR', 'package.json/cache', `lies inside ${join(root, 'package.json')}, which is a file, not a folder`],
    ['OUT_DIR', 'package.json', 'is a file, not a folder'],
  ])('%s=%s', (name, value, problem) => {
    expect(errors({ [name]: value })).toEqual([
      expect.stringContaining(`Setting ${name}="${value}" ${problem}. Fix: `),
    ]);
  });

  test('folders that exist, or not yet, pass', () => {
    expect(errors({ CACHE_DIR: 'cache/deeper', OUT_DIR: 'dist' })).toEqual([]);
  });
});
