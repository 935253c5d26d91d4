import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { ROOT } from './build.ts';

/** The cases: one folder each, holding a patch over the base story and the expected report. */
export const ERROR_FIXTURES = join(ROOT, 'tests/fixtures/errors');

/** The one valid story every case patches (the fictional town of Eastholm votes for a flood barrier). */
export const BASE_CONTENT = join(ROOT, 'tests/fixtures/minimal/content');

/** Every case folder, by name. */
export function errorCases(): string[] {
  return readdirSync(ERROR_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Files of a case's patch (`<case>/content/…`), relative to the content folder. */
function patchFiles(name: string): string[] {
  const dir = join(ERROR_FIXTURES, name, 'content');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** What a case deletes from the base story: one path per line of `<case>/delete.txt`. */
function deletedPaths(name: string): string[] {
  const file = join(ERROR_FIXTURES, name, 'delete.txt');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Writes the content folder of one case into `dest`: the base story, minus the
 * paths in `delete.txt`, with the files of `<case>/content/` added or replacing
 * the base's, byte for byte.
 */
export function materializeCase(name: string, dest: string): void {
  cpSync(BASE_CONTENT, dest, { recursive: true });
  for (const path of deletedPaths(name)) rmSync(join(dest, path), { recursive: true, force: true });
  const patch = join(ERROR_FIXTURES, name, 'content');
  if (existsSync(patch)) cpSync(patch, dest, { recursive: true, force: true });
}

/**
 * Writes several cases into one content folder, so that one build covers them all:
 * the first case as it is, then each other case's files. Their Markdown and MDX
 * files are added under the case's name (the id comes from the file name, so they
 * stand beside the first case's); their YAML files replace the base's, and two
 * cases may not write the same file: `articles/barrier-vote.mdx` of case `x` becomes
 * `articles/x.mdx`, the page `/articles/x/`.
 */
export function materializeCases(names: readonly string[], dest: string): void {
  const [first, ...others] = names;
  if (first === undefined) throw new Error('no cases to write');
  materializeCase(first, dest);
  const written = new Map(patchFiles(first).map((file) => [file, first]));
  for (const name of others) {
    if (deletedPaths(name).length > 0) throw new Error(`${name} deletes files: it cannot share a content folder`);
    for (const file of patchFiles(name)) {
      const ext = extname(file);
      const target = ext === '.md' || ext === '.mdx' ? join(dirname(file), `${name}${ext}`) : file;
      const earlier = written.get(target);
      if (earlier !== undefined)
        throw new Error(`${name} and ${earlier} both write ${target}: they cannot share a content folder`);
      written.set(target, name);
      mkdirSync(join(dest, dirname(target)), { recursive: true });
      cpSync(join(ERROR_FIXTURES, name, 'content', file), join(dest, target));
    }
  }
}

/** The expected report of a case. */
export const expectedFile = (name: string): string => join(ERROR_FIXTURES, name, 'expected.txt');
