import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { checkContentDir } from '../../../src/check/check-content.ts';
import remarkContentPolicy from '../../../src/plugins/remark-content-policy.ts';
import { closeBuildContext, openTestContext } from '../../helpers/build-context.ts';

// Astro's MDX and Markdown compilers with the project's plugin list, as in mdx-policy.test.ts.
const ROOT = resolve(import.meta.dirname, '../../..');
const CONTENT = join(ROOT, 'tests/fixtures/minimal/content');
const saved = process.env['CONTENT_DIR'];
process.env['CONTENT_DIR'] = CONTENT;
const { remarkPlugins } = await import('../../../src/plugins/index.ts');
openTestContext(CONTENT);
afterAll(closeBuildContext);
if (saved === undefined) delete process.env['CONTENT_DIR'];
else process.env['CONTENT_DIR'] = saved;

const shared = { syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: true } as const;
const compilers = async (plugins: readonly unknown[]) => {
  const processor = unified({ remarkPlugins: [...(plugins as never[])] });
  return {
    mdx: await processor.createMdxRenderer?.(
      shared as never,
      { optimize: false, srcDir: new URL('../../../src/', import.meta.url) } as never,
    ),
    md: await processor.createRenderer(shared as never),
  };
};
const withPolicy = await compilers(remarkPlugins);
const withoutPolicy = await compilers(remarkPlugins.filter((plugin) => plugin !== remarkContentPolicy));

/** A module anywhere on the machine (here a file of the content folder itself) that a layout would import. */
const PAYLOAD = join(CONTENT, 'images/payload.mjs');
const MDX_PATH = join(CONTENT, 'articles/attack.mdx');

describe('a `layout` in the frontmatter, which Astro compiles into an import, is refused in the compile', () => {
  test('the harness sees the hole: without the policy, the MDX module imports the layout, and Markdown passes it on', async () => {
    const compiled = await withoutPolicy.mdx?.process('Text.', MDX_PATH, { layout: PAYLOAD });
    expect(compiled?.code).toContain(`import __astro_layout_component__ from ${JSON.stringify(PAYLOAD)}`);
    // astro's Markdown plugin writes `import Layout from <frontmatter.layout>` from this result.
    const rendered = await withoutPolicy.md.render('Bio.', { frontmatter: { layout: PAYLOAD } } as never);
    expect(rendered.metadata.frontmatter['layout']).toBe(PAYLOAD);
  });

  test('MDX: the compile fails with the content policy, no module is generated', async () => {
    await expect(withPolicy.mdx?.process('Text.', MDX_PATH, { layout: PAYLOAD })).rejects.toMatchObject({
      ruleId: 'content-policy',
      message: expect.stringMatching(/frontmatter field `layout` is not allowed/),
    });
  });

  test('Markdown (bios, figure notes): the render fails with the content policy', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(withPolicy.md.render('Bio.', { frontmatter: { layout: PAYLOAD } } as never)).rejects.toMatchObject({
      ruleId: 'content-policy',
      message: expect.stringMatching(/`layout`/),
    });
    quiet.mockRestore();
  });

  test('other frontmatter still compiles', async () => {
    const compiled = await withPolicy.mdx?.process('Text.', MDX_PATH, { title: 'layout', layouts: 'x' });
    expect(compiled?.code).not.toContain('__astro_layout_component__');
  });

  test('the content check refuses the same file, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explainer-layout-'));
    try {
      cpSync(CONTENT, join(dir, 'content'), { recursive: true });
      writeFileSync(
        join(dir, 'content/articles/attack.mdx'),
        `---\ntitle: T\ndescription: D.\npublished: 2024-02-12\nlayout: ${PAYLOAD}\n---\nText.\n`,
      );
      const problems = checkContentDir(join(dir, 'content'), ROOT).problems.filter((p) => p.severity === 'error');
      expect(problems).toEqual([
        expect.objectContaining({ file: expect.stringMatching(/attack\.mdx$/), line: 5, field: 'layout' }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
