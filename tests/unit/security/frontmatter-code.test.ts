import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { checkContentDir } from '../../../src/check/check-content.ts';
import { contentEntities } from '../../../src/loaders/content-entities.ts';
import { fakeLoaderContext } from '../../helpers/loader-context.ts';
import { renderBody } from '../../helpers/body-tree.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const CONTENT = join(ROOT, 'tests/fixtures/minimal/content');

/** A module anywhere on the machine (here a file of the content folder itself) that a layout would import. */
const PAYLOAD = join(CONTENT, 'images/payload.mjs');
const MDX_PATH = join(CONTENT, 'articles/attack.mdx');
const ATTACK = `---\ntitle: T\ndescription: D.\npublished: 2024-02-12\nlayout: ${PAYLOAD}\n---\nText.\n`;

describe('a `layout` in the frontmatter, which Astro compiles into an import, never reaches a compiler', () => {
  test('the harness sees the hole: Astro’s MDX compiler turns it into an import', async () => {
    const processor = unified({});
    const mdx = await processor.createMdxRenderer?.(
      { syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: true } as never,
      { optimize: false, srcDir: new URL('../../../src/', import.meta.url) } as never,
    );
    const compiled = await mdx?.process('Text.', MDX_PATH, { layout: PAYLOAD });
    expect(compiled?.code).toContain(`import __astro_layout_component__ from ${JSON.stringify(PAYLOAD)}`);
  });

  test('the loader stores the frontmatter as data and the body as text, with nothing to compile or render', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explainer-layout-'));
    try {
      cpSync(CONTENT, join(dir, 'content'), { recursive: true });
      writeFileSync(join(dir, 'content/articles/attack.mdx'), ATTACK);
      const run = fakeLoaderContext(dir, false);
      await contentEntities('articles', join(dir, 'content')).load(run.context);
      const entry = run.entries.get('attack');
      expect(entry?.data['layout']).toBe(PAYLOAD);
      expect(entry?.['body']).toBe('Text.\n');
      expect(Object.keys(entry ?? {}).sort()).toEqual(['body', 'data', 'filePath']);
      // The page's tree is made from the body's text alone: the frontmatter is not an input.
      expect(renderBody(String(entry?.['body'])).tree?.children).toMatchObject([
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Text.' }] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the content check refuses the same file, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explainer-layout-'));
    try {
      cpSync(CONTENT, join(dir, 'content'), { recursive: true });
      writeFileSync(join(dir, 'content/articles/attack.mdx'), ATTACK);
      const problems = checkContentDir(join(dir, 'content'), ROOT).problems.filter((p) => p.severity === 'error');
      expect(problems).toEqual([
        expect.objectContaining({ file: expect.stringMatching(/attack\.mdx$/), line: 5, field: 'layout' }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
