import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
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
