import { describe, expect, test } from 'vitest';
import { MAX_TIMELINES } from '../../../src/check/mdx-policy.ts';
import { collectBodyRefs } from '../../../src/check/mdx-refs.ts';
import { renderBody } from '../../helpers/body-tree.ts';

describe('a body shows a few <Timeline>, each of which lists the whole story', () => {
  // 100,000 characters held 8,000 `<Timeline />`: each page would repeat the whole timeline 8,000 times.
  const timelines = (n: number) => Array.from({ length: n }, (_, i) => `Part ${i}.\n\n<Timeline />`).join('\n\n');

  test(`${MAX_TIMELINES} pass the check and the render function`, () => {
    expect(collectBodyRefs('content/articles/many.mdx', timelines(MAX_TIMELINES), 1, 'mdx').problems).toEqual([]);
    const { tree } = renderBody(timelines(MAX_TIMELINES), 'mdx', 'content/articles/many.mdx');
    expect(tree?.children.filter((node) => node.type === 'component')).toHaveLength(MAX_TIMELINES);
  });

  test('one more is refused by both, once, at the extra one', () => {
    const body = timelines(1_000);
    const problems = collectBodyRefs('content/articles/many.mdx', body, 1, 'mdx').problems;
    expect(problems).toEqual([
      expect.objectContaining({ line: 4 * MAX_TIMELINES + 3, message: expect.stringMatching(/at most 5 <Timeline>/) }),
    ]);
    expect(renderBody(body, 'mdx', 'content/articles/many.mdx').refusal).toMatchObject({
      ruleId: 'content-policy',
      line: 4 * MAX_TIMELINES + 3,
    });
  });
});
