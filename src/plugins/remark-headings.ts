import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { attributeValue } from '../check/mdx-refs.ts';

/** Options of {@link remarkHeadings}. */
export interface RemarkHeadingsOptions {
  /** The display name of an actor, for `<Actor id>` mentions without text of their own. */
  actorName: (id: string) => string | undefined;
}

/** Where the plugin leaves the labels: `file.data.astro.frontmatter.headingLabels[slug]` (`bodyTree` returns them as `labels`). */
export interface HeadingLabels {
  headingLabels?: Record<string, string>;
}

/** The text a reader sees in a heading: mentions by name, citation numbers left out. */
function labelOf(nodes: readonly RootContent[], actorName: (id: string) => string | undefined): string {
  let text = '';
  for (const node of nodes) {
    if ((node.type as string) === 'citation') continue;
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'mdxJsxTextElement' && node.name === 'Actor' && node.children.length === 0) {
      const id = attributeValue(node, 'id');
      text += (typeof id === 'string' ? actorName(id) : undefined) ?? '';
    } else if ('children' in node) text += labelOf(node.children as RootContent[], actorName);
  }
  return text;
}

/**
 * Gives every heading a label and an anchor made from the text a reader sees.
 *
 * A heading such as `## How <Actor id="kim-jong-un" /> answered [@kcna]` is
 * read by Astro's heading step as "How  answered[1]": the mention has no text of its own and
 * the citation number is part of the text. This plugin makes the label "How
 * Kim Jong Un answered", sets the heading's id from it, and records each label
 * in the file's data (`astro.frontmatter.headingLabels`) for the table of contents. The
 * mention itself is left alone, so the page always shows the actor's current
 * name. Run it after the citation plugin, which turns `[@key]` into citation nodes.
 */
export default function remarkHeadings(options: RemarkHeadingsOptions) {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const labels: Record<string, string> = {};
    visit(tree, 'heading', (heading: Heading) => {
      const label = labelOf(heading.children, options.actorName).replace(/\s+/g, ' ').trim();
      const slug = slugger.slug(label);
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: slug } };
      // A heading may be called `__proto__`: an own property, never the object's prototype.
      Object.defineProperty(labels, slug, { value: label, enumerable: true, writable: true, configurable: true });
      return SKIP;
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter['headingLabels'] = labels;
  };
}

/** The heading elements of the hast. */
const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Moves a heading of the text off an id that another element of the body
 * holds, as `-1`, `-2`… (the way repeated headings are told apart), and its
 * label with it. Citations (`ref-1`, `cite-1-a`, `references-heading`, the
 * anchors handed to an embed in its `citations`) and footnotes
 * (`user-content-fn-…`, `footnote-label`) are linked to by their ids: a
 * heading written "Ref 1" must not take `ref-1`, or the link [1] and its
 * preview would lead to the heading instead of the source.
 *
 * The same goes for the ids the page holds around the body that links lead
 * to, given in the file's data as `reservedIds` (`bodyTree`).
 *
 * The text's headings are the headings `remarkHeadings` labelled, outside the
 * sections the plugins add (the text itself cannot write a section). Run it
 * after remark-rehype and before Astro's heading step, which reads the ids.
 */
export function rehypeHeadingsApart() {
  return (tree: HastRoot, file: VFile) => {
    const data = file.data as { astro?: { frontmatter?: HeadingLabels }; reservedIds?: readonly string[] };
    const labels = data.astro?.frontmatter?.headingLabels;
    if (labels === undefined) return;
    const own: Element[] = [];
    const others = new Set<string>(data.reservedIds);
    const walk = (node: HastRoot | HastContent, inSection: boolean): void => {
      if (node.type === 'element') {
        const id = node.properties['id'];
        if (typeof id === 'string') {
          if (!inSection && HEADING_TAGS.has(node.tagName) && Object.hasOwn(labels, id)) own.push(node);
          else others.add(id);
        }
        for (const child of node.children) walk(child, inSection || node.tagName === 'section');
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const anchor of embedAnchors(node)) others.add(anchor);
        for (const child of node.children) walk(child as HastContent, inSection);
      } else if (node.type === 'root') for (const child of node.children) walk(child, inSection);
    };
    walk(tree, false);
    const taken = new Set([...others, ...own.map((heading) => String(heading.properties['id']))]);
    for (const heading of own) {
      const id = String(heading.properties['id']);
      if (!others.has(id)) continue;
      let n = 1;
      while (taken.has(`${id}-${n}`)) n += 1;
      const moved = `${id}-${n}`;
      taken.add(moved);
      heading.properties['id'] = moved;
      const label = labels[id];
      delete labels[id];
      Object.defineProperty(labels, moved, { value: label, enumerable: true, writable: true, configurable: true });
    }
  };
}

/** The anchor ids `remark-citations` gave an embedded `<Statement>` or `<Figure>` (its `citations` attribute). */
function embedAnchors(node: MdxJsxFlowElementHast | MdxJsxTextElementHast): string[] {
  const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'citations');
  if (attribute?.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') return [];
  const citations: unknown = JSON.parse(attribute.value);
  return Array.isArray(citations)
    ? citations.flatMap((citation: { anchor?: unknown }) =>
        typeof citation.anchor === 'string' ? [citation.anchor] : [],
      )
    : [];
}
