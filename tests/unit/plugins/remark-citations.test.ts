import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import type { CitationData } from '../../../src/model/content-set.ts';
import remarkCitations from '../../../src/plugins/remark-citations.ts';
import { expectFile } from '../../helpers/expected.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/remark-citations');

const data: CitationData = {
  sources: new Map([
    [
      'seed',
      { title: 'Rising <Tensions>', publisher: 'Seed & Co', type: 'news-report' as const, published: '2024-11-04' },
    ],
    [
      'address',
      {
        title: 'Evening address',
        publisher: 'Office',
        type: 'speech' as const,
        published: '2024-11-04',
        url: 'https://example.org/a?b=1&c=2',
      },
    ],
    ['hur', { title: 'HUR briefing', publisher: 'HUR', type: 'briefing' as const, published: '2024-11-03' }],
  ]),
  locale: 'en-GB',
  statementSources: new Map([['s1', ['hur', 'seed']]]),
  figureSources: new Map([['f1', ['address', 'hur', 'address']]]),
};

function toHtml(markdown: string, base = '/'): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkCitations, { data: () => data, base })
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(markdown),
  );
}

describe('remark-citations fixtures', () => {
  const cases = readdirSync(FIXTURES).filter((name) => name !== 'unknown-source');
  test.each(cases)('%s', (name) => {
    const input = readFileSync(join(FIXTURES, name, 'input.md'), 'utf8');
    expectFile(join(FIXTURES, name, 'output.html'), toHtml(input));
  });
});

describe('remark-citations behaviour', () => {
  test('numbers in order of first use and keeps the number of a repeated source', () => {
    const html = toHtml('A [@address]. B [@seed]. C [@address].');
    expect([...html.matchAll(/>\[(\d)\]</g)].map((m) => m[1])).toEqual(['1', '2', '1']);
    expect(html).toMatch(/<li id="ref-1" data-source="address">/);
  });

  test('each reference links back to every place it is cited', () => {
    const html = toHtml('A [@seed]. B [@seed]. C [@seed].');
    for (const anchor of ['cite-1-a', 'cite-1-b', 'cite-1-c']) {
      expect(html).toContain(`id="${anchor}"`);
      expect(html).toContain(`href="#${anchor}"`);
    }
    expect(html.match(/<li id="ref-\d+"/g)).toHaveLength(1);
  });

  test('source text is escaped, URLs kept whole', () => {
    const html = toHtml('A [@seed] [@address].');
    expect(html).toContain('Rising &#x3C;Tensions>');
    expect(html).toContain('Seed &#x26; Co');
    expect(html).toContain('href="https://example.org/a?b=1&#x26;c=2"');
  });

  test('links to source pages honour the base path', () => {
    expect(toHtml('A [@seed].', '/explainer/')).toContain('href="/explainer/sources/seed/"');
  });

  test('an unknown source fails with the position', () => {
    expect(() => toHtml('Line one.\n\nBroken [@nope].')).toThrow(/Unknown source "nope"/);
  });

  test('sources of an embedded <Statement> join the list and the statement gets their numbers', () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkCitations, { data: () => data, base: '/' });
    const tree = processor.runSync(processor.parse('First [@seed].\n\n<Statement id="s1" />\n')) as Root;
    const statement = tree.children.find((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement');
    const attribute = statement?.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'citations');
    expect(JSON.parse(String(attribute?.value))).toEqual([
      { n: 2, id: 'hur', anchor: 'cite-2-a' },
      { n: 1, id: 'seed', anchor: 'cite-1-b' },
    ]);
    const list = tree.children.at(-1) as unknown as { type: string; data: { hChildren: unknown[] } };
    expect(list.type).toBe('referenceList');
    expect(JSON.stringify(list.data.hChildren)).toContain('ref-2');
  });

  test('sources of an embedded <Figure> join the list, one citation per estimate', () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkCitations, { data: () => data, base: '/' });
    const tree = processor.runSync(processor.parse('First [@hur].\n\n<Figure id="f1" />\n')) as Root;
    const figure = tree.children.find((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement');
    const attribute = figure?.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'citations');
    expect(JSON.parse(String(attribute?.value))).toEqual([
      { n: 2, id: 'address', anchor: 'cite-2-a' },
      { n: 1, id: 'hur', anchor: 'cite-1-b' },
      { n: 2, id: 'address', anchor: 'cite-2-b' },
    ]);
  });

  test('state is reset between documents', () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkCitations, { data: () => data, base: '/' })
      .use(remarkRehype)
      .use(rehypeStringify);
    processor.processSync('A [@address].');
    expect(String(processor.processSync('B [@seed].'))).toContain('id="cite-1-a"');
  });
});
