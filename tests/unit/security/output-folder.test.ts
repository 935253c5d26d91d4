import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { swapFolders, swapIn } from '../../../scripts/lib/site-swap.ts';
import { outputFolderProblem, quoteValue } from '../../../src/settings.ts';

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
