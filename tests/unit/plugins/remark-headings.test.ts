import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import remarkCitations from '../../../src/plugins/remark-citations.ts';
import remarkHeadings from '../../../src/plugins/remark-headings.ts';

const names = new Map([['kim-jong-un', 'Kim Jong Un']]);

function run(markdown: string): { html: string; labels: Record<string, string> } {
  const file = new VFile({ value: markdown, path: 'article.mdx' });
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkCitations, {
        base: '/',
        data: () => ({
          sources: new Map([
            ['kcna', { title: 'Statement', publisher: 'KCNA', type: 'statement' as const, published: '2024-11-05' }],
          ]),
          locale: 'en-GB',
          statementSources: new Map(),
          figureSources: new Map(),
        }),
      })
      .use(remarkHeadings, { actorName: (id: string) => names.get(id) })
      // A mention renders as its own text here (none for an empty one); the real component shows the name.
      .use(remarkRehype, { handlers: { mdxJsxTextElement: (state, node) => state.all(node) } })
      .use(rehypeStringify)
      .processSync(file),
  );
  const labels =
    (file.data as { astro?: { frontmatter?: { headingLabels?: Record<string, string> } } }).astro?.frontmatter
      ?.headingLabels ?? {};
  return { html, labels };
}

describe('remark-headings', () => {
  test('an empty mention gives the actor name to label and anchor, and the citation number stays out of both', () => {
    const { html, labels } = run('## How <Actor id="kim-jong-un" /> answered [@kcna]\n\nText.');
    expect(html).toContain('<h2 id="how-kim-jong-un-answered">');
    // The mention is left empty: the component shows the actor's current name (live preview included).
    expect(html).not.toContain('Kim Jong Un');
    expect(labels).toEqual({ 'how-kim-jong-un-answered': 'How Kim Jong Un answered' });
  });

  test('a mention with its own text keeps that text', () => {
    const { labels } = run('## What <Actor id="kim-jong-un">the leader</Actor> said');
    expect(labels).toEqual({ 'what-the-leader-said': 'What the leader said' });
  });

  test('repeated headings get distinct anchors, and code spans count as text', () => {
    const { labels } = run('## Numbers\n\n## Numbers\n\n## The `[@kcna]` syntax');
    expect(Object.keys(labels)).toEqual(['numbers', 'numbers-1', 'the-kcna-syntax']);
    expect(labels['the-kcna-syntax']).toBe('The [@kcna] syntax');
  });

  test('an unknown actor leaves the mention empty (the content check reports it)', () => {
    const { labels } = run('## About <Actor id="nobody" />');
    expect(labels).toEqual({ about: 'About' });
  });

  test('a heading called __proto__ is a label of its own, not the prototype', () => {
    const { labels } = run('## \\_\\_proto\\_\\_\n\n## constructor');
    expect(Object.hasOwn(labels, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(labels, '__proto__')?.value).toBe('__proto__');
    expect(Object.hasOwn(labels, 'constructor')).toBe(true);
  });
});
