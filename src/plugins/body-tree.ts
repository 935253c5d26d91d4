import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { MarkdownHeading } from 'astro';
import type { Comment, Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { attributeValue } from '../check/mdx-refs.ts';
import { COMPONENTS, INLINE_TAGS } from '../check/mdx-policy.ts';
import type { CitationData, ContentSet } from '../model/content-set.ts';
import remarkCitations from './remark-citations.ts';
import remarkContentPolicy from './remark-content-policy.ts';
import remarkHeadings, { type HeadingLabels, rehypeHeadingsApart } from './remark-headings.ts';

/** What a body's tree is made from besides its own text: what the site index knows. */
export interface BodyContext {
  /** Sources by id, and the sources of each statement and figure, for citations and the reference list. */
  citations: CitationData;
  /** Display names of actors, for the labels of headings that mention one. */
  actorName: (id: string) => string | undefined;
  /** Base path of the site, for links to source pages. */
  base: string;
}

/** One of the components a body may use (`COMPONENTS`), with its attributes as values, never code. */
export interface ComponentNode {
  type: 'component';
  name: (typeof COMPONENTS)[number];
  /** Attribute values: strings, `true` for a bare attribute, or a list of strings (`<Timeline actors>`). */
  props: Record<string, string | true | string[]>;
  children: BodyNode[];
}

/** A node of a rendered body: hast, with the allowed components as `component` nodes. */
export type BodyNode = Text | Comment | BodyElement | ComponentNode;
/** A hast element whose children may hold components. */
export interface BodyElement extends Omit<Element, 'children'> {
  children: BodyNode[];
}

/** A body ready to render: its nodes, and the headings and heading labels for the table of contents. */
export interface BodyTree {
  children: BodyNode[];
  headings: MarkdownHeading[];
  /** Labels by heading id: mentions by name, citation numbers left out (`remark-headings.ts`). */
  labels: Record<string, string>;
}

/** What the citation plugin and the heading labels need, from a content set and the site's locale. */
export function bodyContext(set: ContentSet, base: string, locale: string): BodyContext {
  const names = new Map(set.actors.map((actor) => [actor.id, actor.data.name]));
  return {
    citations: {
      locale,
      sources: new Map(set.sources.map((source) => [source.id, source.data])),
      statementSources: new Map(set.statements.map((statement) => [statement.id, statement.data.sources])),
      figureSources: new Map(
        set.figures.map((figure) => [figure.id, figure.data.estimates.map((estimate) => estimate.source)]),
      ),
    },
    actorName: (id) => names.get(id),
    base,
  };
}

/** The node types MDX keeps as they are from mdast to hast (`@mdx-js/mdx` `nodeTypes`). */
const MDX_NODE_TYPES = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
] as const;

/**
 * The steps Astro's Markdown and MDX compilers ran (GFM, smartypants, the
 * content policy first among the remark plugins, citations, heading labels,
 * remark-rehype with footnotes, heading ids), without the compile to code;
 * a heading is kept off the ids citations and footnotes link to (`rehypeHeadingsApart`).
 * Code blocks stay plain `<pre><code>`.
 */
function pipeline(format: 'md' | 'mdx', context: BodyContext) {
  const processor = unified().use(remarkParse);
  if (format === 'mdx') processor.use(remarkMdx);
  return processor
    .use(remarkGfm)
    .use(remarkSmartypants, {})
    .use(remarkContentPolicy)
    .use(remarkCitations, { data: () => context.citations, base: context.base })
    .use(remarkHeadings, { actorName: context.actorName })
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: format === 'mdx' ? [...MDX_NODE_TYPES] : [] })
    .use(rehypeHeadingsApart)
    .use(rehypeHeadingIds);
}

/** The pipelines of a context, made once (a build has one context: the site index's). */
const pipelines = new WeakMap<BodyContext, Record<'md' | 'mdx', ReturnType<typeof pipeline>>>();

/**
 * Turns a body into the tree a page renders: a pure function of the text, its
 * format and what the site index knows (`context`). The content policy runs on
 * the parsed tree first (`remark-content-policy.ts`, the rule the content check
 * applies): a body it refuses throws, with line and column, and no tree is made.
 * Nothing in a body is ever compiled or evaluated: components come out as
 * `component` nodes with their attribute values read from the tree.
 *
 * `file` names the body in messages, and its extension says whether heading
 * text is read as MDX (as Astro did). `reservedIds` are ids the page holds
 * around the body that links lead to (the entry's update log): no heading takes one.
 */
export function bodyTree(
  text: string,
  format: 'md' | 'mdx',
  context: BodyContext,
  file: string,
  reservedIds: readonly string[] = [],
): BodyTree {
  const vfile = new VFile({ value: text, path: file, data: { astro: { frontmatter: {} }, reservedIds } });
  let made = pipelines.get(context);
  if (made === undefined) {
    made = { md: pipeline('md', context).freeze(), mdx: pipeline('mdx', context).freeze() };
    pipelines.set(context, made);
  }
  const processor = made[format];
  const tree = processor.runSync(processor.parse(vfile), vfile) as HastRoot;
  const astro = (vfile.data as { astro?: { headings?: MarkdownHeading[]; frontmatter?: HeadingLabels } }).astro;
  return {
    children: tree.children.flatMap(toBodyNodes),
    headings: astro?.headings ?? [],
    labels: astro?.frontmatter?.headingLabels ?? {},
  };
}

type MdxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;
const INLINE: ReadonlySet<string> = new Set(INLINE_TAGS);
const COMPONENT_NAMES: ReadonlySet<string> = new Set(COMPONENTS);

/**
 * A hast node as body nodes: elements keep their children converted, MDX
 * elements become `component` nodes or inline HTML elements, editor comments
 * (`{/* note *\/}`) disappear. The policy has already refused everything else;
 * a node it would have refused is an internal error here, never rendered.
 */
function toBodyNodes(node: HastContent | ElementContent): BodyNode[] {
  switch (node.type) {
    case 'element':
      return [{ ...node, children: node.children.flatMap(toBodyNodes) }];
    case 'text':
    case 'comment':
      return [node];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return mdxElement(node);
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      // Only comments pass the policy; they show nothing.
      return [];
    default:
      throw new Error(`Internal error: a body holds a ${node.type} node after the content policy`);
  }
}

function mdxElement(node: MdxElement): BodyNode[] {
  const children = node.children.flatMap(toBodyNodes);
  if (node.name === null || node.name === undefined) return children; // a fragment, <>…</>
  const props: Record<string, string | true | string[]> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') throw new Error(`Internal error: <${node.name}> has a spread attribute`);
    const value = attributeValue(node as never, attribute.name);
    if (typeof value !== 'string' && value !== true && !Array.isArray(value))
      throw new Error(`Internal error: <${node.name} ${attribute.name}> is not a value`);
    props[attribute.name] = value as string | true | string[];
  }
  if (COMPONENT_NAMES.has(node.name))
    return [{ type: 'component', name: node.name as ComponentNode['name'], props, children }];
  if (INLINE.has(node.name)) {
    const properties: Record<string, string | true> = {};
    for (const [name, value] of Object.entries(props)) {
      if (Array.isArray(value)) throw new Error(`Internal error: <${node.name} ${name}> is a list`);
      properties[name] = value;
    }
    return [{ type: 'element', tagName: node.name, properties, children }];
  }
  throw new Error(`Internal error: <${node.name}> is not allowed in a body`);
}

/** True when a node or one of its descendants is a component (rendered by Astro, not as plain HTML). */
export function holdsComponent(node: BodyNode): boolean {
  return node.type === 'component' || (node.type === 'element' && node.children.some(holdsComponent));
}

/** The HTML of nodes that hold no component, written as rehype-stringify writes a Markdown body. */
export function plainHtml(nodes: readonly BodyNode[]): string {
  return toHtml(nodes as never, { allowDangerousHtml: false });
}

/**
 * The start and end tags of an element whose children are rendered apart (they
 * hold a component): the element written without children ends with its end
 * tag, so the split needs no marker that an attribute value could also hold.
 */
export function tagsOf(element: BodyElement): [start: string, end: string] {
  const html = plainHtml([{ ...element, children: [] }]);
  const end = `</${element.tagName}>`;
  if (!html.endsWith(end)) throw new Error(`Internal error: <${element.tagName}> has no end tag`);
  return [html.slice(0, -end.length), end];
}
