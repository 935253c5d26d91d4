import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Root, RootContent, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { findCitations, type CitationKey, type CitationMatch } from '../check/citation-syntax.ts';
import { formatDate } from '../model/dates.ts';
import { localize, type Localized } from '../messages/index.ts';
import { sitePath, sourceTypeLabel } from '../site/format.ts';
import type { CitationData } from '../model/content-set.ts';
import type { Source } from '../model/source.ts';
import { attributeValue } from '../check/mdx-refs.ts';

/** Options of {@link remarkCitations}. */
export interface RemarkCitationsOptions {
  /** Gives the current content; called once per document. */
  data: () => CitationData;
  /** Base path of the site, for links to source pages. */
  base: string;
}

/** One numbered entry of a reference list. */
interface Reference {
  number: number;
  id: string;
  /** Anchor ids of every place that cites it, in order. */
  anchors: string[];
}

/** A citation as handed to an embedded `<Statement>` or `<Figure>`: number, source and anchor. */
export interface EmbeddedCitation {
  n: number;
  id: string;
  anchor: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** `a`, `b`, … `z`, `aa`, `ab` … for backlinks. */
function letter(index: number): string {
  return index < LETTERS.length
    ? (LETTERS[index] ?? 'a')
    : `${letter(Math.floor(index / LETTERS.length) - 1)}${letter(index % LETTERS.length)}`;
}

/**
 * Numbers pandoc-style citations and appends the reference list.
 *
 * `Troops arrived [@seed; @hur, p. 4].` (or `[@seed] [@hur, p. 4]`) becomes
 * `Troops arrived <sup class="cite"><a href="#ref-1" id="cite-1-a">[1]</a><a href="#ref-2" id="cite-2-a">[2, p. 4]</a></sup>.`
 * and a `<section class="references">` lists each source once, in order of
 * first use, with a link back to every place that cites it. Sources of an
 * embedded `<Statement id>` or `<Figure id>` join the same list; the embed
 * receives their numbers in a `citations` attribute. Code is left alone.
 */
export default function remarkCitations(options: RemarkCitationsOptions) {
  return (tree: Root, file: VFile) => {
    const data = options.data();
    const references = new Map<string, Reference>();
    const cite = (id: string): EmbeddedCitation => {
      let reference = references.get(id);
      if (!reference) {
        reference = { number: references.size + 1, id, anchors: [] };
        references.set(id, reference);
      }
      const anchor = `cite-${reference.number}-${letter(reference.anchors.length)}`;
      reference.anchors.push(anchor);
      return { n: reference.number, id, anchor };
    };

    visit(tree, (node: Root | RootContent, index, parent) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'link' || node.type === 'linkReference')
        return SKIP;
      if (
        (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
        (node.name === 'Statement' || node.name === 'Figure')
      ) {
        attachEmbedCitations(node, node.name === 'Statement' ? data.statementSources : data.figureSources, cite);
        return undefined;
      }
      if (node.type !== 'text' || parent === undefined || index === undefined) return undefined;
      const replacement = splitCitations(node, data, cite, file);
      if (!replacement) return undefined;
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    });

    if (references.size > 0) tree.children.push(referenceList([...references.values()], data, options.base));
  };
}

/** Gives an embedded `<Statement>` or `<Figure>` the numbers of its sources, in a `citations` attribute. */
function attachEmbedCitations(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  sourcesById: ReadonlyMap<string, readonly string[]>,
  cite: (id: string) => EmbeddedCitation,
) {
  const embedId = attributeValue(node, 'id');
  const sources = typeof embedId === 'string' ? sourcesById.get(embedId) : undefined;
  if (!sources || attributeValue(node, 'citations') !== undefined) return;
  const citations = sources.map((id) => cite(id));
  node.attributes.push({ type: 'mdxJsxAttribute', name: 'citations', value: JSON.stringify(citations) });
}

/**
 * Citations with nothing but whitespace between them (`[@a] [@b]`, `[@a][@b]`)
 * join into one, as if written `[@a; @b]`: the reader sees one cluster, whose
 * links the stylesheet spaces out.
 */
function clusterAdjacent(text: string, matches: readonly CitationMatch[]): CitationMatch[] {
  const clusters: CitationMatch[] = [];
  for (const match of matches) {
    const last = clusters.at(-1);
    if (last && text.slice(last.end, match.start).trim() === '')
      clusters.splice(-1, 1, { start: last.start, end: match.end, keys: [...last.keys, ...match.keys] });
    else clusters.push(match);
  }
  return clusters;
}

function splitCitations(
  node: Text,
  data: CitationData,
  cite: (id: string) => EmbeddedCitation,
  file: VFile,
): RootContent[] | undefined {
  const matches = clusterAdjacent(node.value, findCitations(node.value));
  if (matches.length === 0) return undefined;
  const parts: RootContent[] = [];
  let cursor = 0;
  for (const match of matches) {
    if (match.start > cursor) parts.push({ type: 'text', value: node.value.slice(cursor, match.start) });
    parts.push(citationNode(match.keys, data, cite, file, node));
    cursor = match.end;
  }
  if (cursor < node.value.length) parts.push({ type: 'text', value: node.value.slice(cursor) });
  return parts;
}

function citationNode(
  keys: readonly CitationKey[],
  data: CitationData,
  cite: (id: string) => EmbeddedCitation,
  file: VFile,
  at: Text,
): RootContent {
  const text = localize(data.locale);
  const links: ElementContent[] = keys.map((key) => {
    const source = data.sources.get(key.key);
    if (!source) file.fail(`Unknown source "${key.key}" in citation`, at);
    const { n, anchor } = cite(key.key);
    const label = key.locator ? `[${n}, ${key.locator}]` : `[${n}]`;
    return h(
      'a',
      {
        href: `#ref-${n}`,
        id: anchor,
        className: ['cite-link'],
        dataSource: key.key,
        ariaLabel: key.locator ? text.m.citations.sourceAt(n, key.locator) : text.m.citations.source(n),
      },
      label,
    );
  });
  const sup = h('sup', { className: ['cite'] }, links);
  return {
    type: 'citation',
    data: { hName: sup.tagName, hProperties: sup.properties, hChildren: sup.children },
  } as unknown as RootContent;
}

function referenceList(references: readonly Reference[], data: CitationData, base: string): RootContent {
  const text = localize(data.locale);
  const items = references.map((reference) => referenceItem(reference, data.sources.get(reference.id), base, text));
  const section: Element = h('section', { className: ['references'], ariaLabelledby: 'references-heading' }, [
    h('h2', { id: 'references-heading' }, text.m.citations.references),
    h('ol', { className: ['reference-list'] }, items),
  ]);
  return {
    type: 'referenceList',
    data: { hName: section.tagName, hProperties: section.properties, hChildren: section.children },
  } as unknown as RootContent;
}

function referenceItem(
  reference: Reference,
  source: Source | undefined,
  base: string,
  { m, locale }: Localized,
): Element {
  const n = reference.number;
  const back: ElementContent[] =
    reference.anchors.length === 1
      ? [h('a', { href: `#${reference.anchors[0]}`, ariaLabel: m.citations.back(String(n)) }, '^')]
      : [
          h('span', { ariaHidden: 'true' }, '^'),
          ...reference.anchors.flatMap((anchor, index) => [
            { type: 'text' as const, value: ' ' },
            h('a', { href: `#${anchor}`, ariaLabel: m.citations.back(`${n}${letter(index)}`) }, letter(index)),
          ]),
        ];
  const description: ElementContent[] = source
    ? [
        h('a', { href: sitePath(base, 'sources', reference.id), className: ['reference-title'] }, source.title),
        { type: 'text', value: `. ${source.publisher}, ` },
        h('time', { dateTime: source.published }, formatDate(source.published, locale)),
        { type: 'text', value: `. ${sourceTypeLabel(source.type, m)}.` },
        ...(source.url
          ? [
              { type: 'text' as const, value: ' ' },
              h(
                'a',
                { href: source.url, className: ['reference-original'], rel: 'external noopener' },
                m.citations.original,
              ),
            ]
          : []),
      ]
    : [{ type: 'text', value: reference.id }];
  return h('li', { id: `ref-${n}`, dataSource: reference.id }, [
    h('span', { className: ['backlinks'] }, back),
    { type: 'text', value: ' ' },
    ...description,
  ]);
}
