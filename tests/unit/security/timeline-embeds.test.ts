import { join, resolve } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_TIMELINES } from '../../../src/check/mdx-policy.ts';
import { collectBodyRefs } from '../../../src/check/mdx-refs.ts';
import { closeBuildContext, openTestContext } from '../../helpers/build-context.ts';

// Astro's MDX compiler with the project's plugin list, as in mdx-policy.test.ts.
const CONTENT = resolve(import.meta.dirname, '../../fixtures/minimal/content');
const saved = process.env['CONTENT_DIR'];
process.env['CONTENT_DIR'] = CONTENT;
const { remarkPlugins } = await import('../../../src/plugins/index.ts');
openTestContext(CONTENT);
afterAll(closeBuildContext);
if (saved === undefined) delete process.env['CONTENT_DIR'];
else process.env['CONTENT_DIR'] = saved;
const mdx = await unified({ remarkPlugins: [...remarkPlugins] }).createMdxRenderer?.(
  { syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: true } as never,
  { optimize: false, srcDir: new URL('../../../src/', import.meta.url) } as never,
);

/** The refusal of the compile pipeline, or undefined when the body compiled. */
async function compile(body: string): Promise<{ ruleId?: string; message: string; line?: number } | undefined> {
  try {
    await mdx?.process(body, join(CONTENT, 'articles/many.mdx'), {});
    return undefined;
  } catch (error) {
    return error as { ruleId?: string; message: string; line?: number };
  }
}

describe('a body shows a few <Timeline>, each of which lists the whole story', () => {
  // 100,000 characters held 8,000 `<Timeline />`: each page would repeat the whole timeline 8,000 times.
  const timelines = (n: number) => Array.from({ length: n }, (_, i) => `Part ${i}.\n\n<Timeline />`).join('\n\n');

  test(`${MAX_TIMELINES} pass the check and the compile`, async () => {
    expect(collectBodyRefs('content/articles/many.mdx', timelines(MAX_TIMELINES), 1, 'mdx').problems).toEqual([]);
    expect(await compile(timelines(MAX_TIMELINES))).toBeUndefined();
  });

  test('one more is refused by both, once, at the extra one', async () => {
    const body = timelines(1_000);
    const problems = collectBodyRefs('content/articles/many.mdx', body, 1, 'mdx').problems;
    expect(problems).toEqual([
      expect.objectContaining({ line: 4 * MAX_TIMELINES + 3, message: expect.stringMatching(/at most 5 <Timeline>/) }),
    ]);
    expect(await compile(body)).toMatchObject({ ruleId: 'content-policy', line: 4 * MAX_TIMELINES + 3 });
  });
});
