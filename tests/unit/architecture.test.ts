// The folders of src/ are the stages of the pipeline, and each may import only
// from the stages before it: content model → check → site → share cards → publishing →
// Astro adapters → rendering. A module that imports against the flow fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Each stage with the stages it may import from (itself included), in pipeline order. */
const STAGES = [
  ['settings.ts', 'the site settings, read once from the environment'],
  ['messages', 'the words of the interface, one table per language, and what the locale gives'],
  ['model', 'what content is: schemas, the content set, problems'],
  ['check', 'reading and checking a content folder'],
  ['site', 'the cross-linked story: index, timeline, roles, what each page shows'],
  ['scaffold', 'new content files for npm run new'],
  ['share', 'share cards'],
  ['publish', 'what machines and crawlers read: feed, structured data, page metadata, open data, headers'],
  ['loaders', 'Astro content loaders'],
  ['plugins', 'remark plugins'],
  ['data', 'the site index as pages get it'],
  ['content.config.ts', 'Astro collections'],
  ['integrations', 'Astro integrations'],
  ['components', 'components'],
  ['layouts', 'page shells'],
  ['pages', 'routes'],
] as const;
/** Stages that run in the reader's browser or are only styles: they import nothing from the build. */
const APART = new Set(['scripts', 'styles', 'env.d.ts']);

const rank = (stage: string) => STAGES.findIndex(([name]) => name === stage);
const stageOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|mts|js|mjs|astro)$/.test(name) ? [path] : [];
  });
}

/** The relative imports of a file, resolved to paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1] ?? '');
  return specs.map((spec) => resolve(dirname(file), spec));
}

describe('the pipeline flows one way', () => {
  const files = sourceFiles(SRC);

  test('every folder of src/ is a known stage', () => {
    const unknown = [...new Set(files.map(stageOf))].filter((stage) => rank(stage) < 0 && !APART.has(stage));
    expect(unknown).toEqual([]);
  });

  test('no module imports from a later stage', () => {
    const against: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      for (const target of importsOf(file)) {
        if (!target.startsWith(SRC)) continue;
        const to = stageOf(target);
        const wrong = APART.has(from) ? to !== from : APART.has(to) ? false : rank(to) > rank(from);
        if (wrong) against.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(against).toEqual([]);
  });
});
