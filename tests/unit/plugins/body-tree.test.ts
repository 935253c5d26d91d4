import { describe, expect, test } from 'vitest';
import { type BodyNode, bodyTree, holdsComponent, plainHtml, tagsOf } from '../../../src/plugins/body-tree.ts';
import { minimalContext, renderBody } from '../../helpers/body-tree.ts';

/** The body as HTML, each component written as `[Name props]`. */
function html(nodes: readonly BodyNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'component') return `[${node.name} ${JSON.stringify(node.props)}${html(node.children)}]`;
      if (node.type !== 'element' || !holdsComponent(node)) return plainHtml([node]);
      const [start, end] = tagsOf(node);
      return `${start}${html(node.children)}${end}`;
    })
    .join('');
}

const tree = (body: string, format: 'md' | 'mdx' = 'mdx') => {
  const made = renderBody(body, format, `content/articles/test.${format}`);
  if (made.tree === undefined) throw new Error(made.refusal.message);
  return made.tree;
};

describe('bodyTree', () => {
  test('components come out as component nodes with their values, inside the Markdown around them', () => {
    const body = tree(
      '<Actor id="helena-voss" /> and <Actor id="eastholm-council">the council</Actor>.\n\n<Timeline actors={["helena-voss"]} from="2024-01-01" />',
    );
    expect(html(body.children)).toBe(
      '<p>[Actor {"id":"helena-voss"}] and [Actor {"id":"eastholm-council"}the council].</p>\n[Timeline {"actors":["helena-voss"],"from":"2024-01-01"}]',
    );
  });

  test('citations are numbered, the reference list follows, an embed gets the numbers of its sources', () => {
    const body = tree('A claim [@eastholm-bulletin].\n\n<Statement id="voss-barrier-pledge" />');
    const statement = body.children.find((node) => node.type === 'component');
    expect(statement).toMatchObject({ name: 'Statement', props: { id: 'voss-barrier-pledge' } });
    const citations = JSON.parse(String(statement?.type === 'component' ? statement.props['citations'] : '[]'));
    expect(citations).toEqual([{ n: 1, id: 'eastholm-bulletin', anchor: 'cite-1-b' }]);
    const page = plainHtml(body.children.filter((node) => node.type !== 'component'));
    expect(page).toContain('<a href="#ref-1" id="cite-1-a" class="cite-link" data-source="eastholm-bulletin"');
    expect(page).toContain('<section class="references" aria-labelledby="references-heading">');
    expect(page).toContain('<a href="/sources/eastholm-bulletin/" class="reference-title">');
  });

  test('headings: ids and labels from the text a reader sees, for the table of contents', () => {
    const body = tree('## How <Actor id="helena-voss" /> voted [@eastholm-bulletin]\n\n## Later\n\n## Later');
    expect(body.labels).toEqual({
      'how-helena-voss-voted': 'How Helena Voss voted',
      later: 'Later',
      'later-1': 'Later',
    });
    expect(body.headings.map((heading) => [heading.depth, heading.slug])).toEqual([
      [2, 'how-helena-voss-voted'],
      [2, 'later'],
      [2, 'later-1'],
      [2, 'references-heading'],
    ]);
    expect(tagsOf(body.children[0] as never)).toEqual(['<h2 id="how-helena-voss-voted">', '</h2>']);
  });

  test('an element around a component keeps every attribute whole, whatever characters its values hold', () => {
    // A link title holding a noncharacter and attribute-like text, around a mention: the tags
    // written around the component must not be cut inside the title (it once split at U+FDD0).
    const title = 't\uFDD0" onmouseover=alert(1) x';
    const body = tree(
      `A [<Actor id="helena-voss" /> said](https://example.com/a "${title.replace('"', '\\"')}") so.\n`,
    );
    const paragraph = body.children[0] as Extract<BodyNode, { type: 'element' }>;
    const link = paragraph.children.find((node) => node.type === 'element') as Extract<BodyNode, { type: 'element' }>;
    expect(link.properties['title']).toBe(title);
    expect(tagsOf(link)).toEqual([
      '<a href="https://example.com/a" title="t\uFDD0&#x22; onmouseover=alert(1) x">',
      '</a>',
    ]);
  });

  test('smartypants, GFM, footnotes and plain code blocks, as Astro rendered them', () => {
    const body = tree(
      '"Quoted" -- it\'s ~~gone~~.\n\nText[^n].\n\n[^n]: A note.\n\n```js\nconst a = "<b>";\n```',
      'md',
    );
    const page = plainHtml(body.children);
    expect(page).toContain('<p>“Quoted” — it’s <del>gone</del>.</p>');
    expect(page).toContain('<pre><code class="language-js">const a = "&#x3C;b>";\n</code></pre>');
    expect(page).toContain('<section data-footnotes class="footnotes">');
  });

  test('editor comments and fragments leave nothing of their own; inline tags keep title and lang', () => {
    const body = tree('{/* note */}\n\nA <>b</> <abbr title="Eastholm Flood Authority" lang="en">EFA</abbr>{/* x */}.');
    expect(html(body.children)).toBe('\n<p>A b <abbr title="Eastholm Flood Authority" lang="en">EFA</abbr>.</p>');
  });

  test('every text and attribute is escaped', () => {
    const body = tree('A \\<script> & [link](https://example.org/?a="1"&b=<2>)', 'md');
    expect(plainHtml(body.children)).toBe(
      '<p>A &#x3C;script> &#x26; <a href="https://example.org/?a=%221%22&#x26;b=%3C2%3E">link</a></p>',
    );
  });

  test('a heading never takes an id the citations or footnotes use: their links keep pointing at them', () => {
    // "Ref 1" slugs to ref-1, the id of the first reference; a reader following [1] (or the preview
    // card, which reads the element of that id) would land on the heading the text wrote instead.
    const body = tree(
      '## Ref 1\n\nFake source.\n\n## Cite 1 a\n\n## User content fn n\n\n## Footnote label\n\n## References heading\n\n' +
        '## Cite 1 b\n\nA claim [@eastholm-bulletin][^n].\n\n<Statement id="voss-barrier-pledge" />\n\n[^n]: A note.',
      'mdx',
    );
    const page = html(body.children);
    const embedded = body.children.find((node) => node.type === 'component');
    const anchors = JSON.parse(String(embedded?.type === 'component' ? embedded.props['citations'] : '[]')).map(
      (citation: { anchor: string }) => `id="${citation.anchor}"`,
    );
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBe(new Set(ids).size);
    for (const id of ['ref-1', 'cite-1-a', 'user-content-fn-n', 'footnote-label', 'references-heading', 'cite-1-b'])
      expect(
        ids.filter((found) => found === id).length + anchors.filter((a: string) => a === `id="${id}"`).length,
      ).toBe(1);
    expect(page).toContain('<li id="ref-1" data-source="eastholm-bulletin">');
    // The headings moved aside, and the table of contents follows them.
    const own = body.headings.filter((heading) => heading.text !== 'References' && heading.text !== 'Footnotes');
    expect(own.map((heading) => heading.slug)).toEqual([
      'ref-1-1',
      'cite-1-a-1',
      'user-content-fn-n-1',
      'footnote-label-1',
      'references-heading-1',
      'cite-1-b-1',
    ]);
    expect(Object.keys(body.labels)).toEqual(own.map((heading) => heading.slug));
    expect(body.labels['ref-1-1']).toBe('Ref 1');
  });

  test('a heading never takes an id the page holds around the body, such as an entry of its update log', () => {
    // The feed links to `#update-revised-count`: it must lead to the log, not to a heading of the text.
    const body = bodyTree('## Update: revised count\n\n## Update', 'mdx', minimalContext(), 'articles/a.mdx', [
      'update-revised-count',
    ]);
    expect(body.headings.map((heading) => heading.slug)).toEqual(['update-revised-count-1', 'update']);
    expect(body.labels).toEqual({ 'update-revised-count-1': 'Update: revised count', update: 'Update' });
  });

  test('a citation of an unknown source fails the render', () => {
    expect(renderBody('A claim [@nowhere].').refusal?.message).toMatch(/Unknown source "nowhere"/);
  });
});
