import type { RemarkPlugins } from '@astrojs/markdown-remark';
import { contentPath, settings } from '../settings.ts';
import { actorNames, citationData } from '../loaders/content-state.ts';
import remarkCitations from './remark-citations.ts';
import remarkContentPolicy from './remark-content-policy.ts';
import remarkHeadings from './remark-headings.ts';

/** The remark plugins the Markdown and MDX processor runs, in order. */
export const remarkPlugins: RemarkPlugins = [
  // First: it wraps the parser (size and nesting limits) and refuses code, raw HTML and
  // unknown tags in the tree before any other plugin sees it.
  remarkContentPolicy,
  [remarkCitations, { base: settings.base, data: () => citationData(contentPath(), process.cwd()) }],
  // After the citations: heading labels leave the citation numbers out.
  [remarkHeadings, { actorName: (id: string) => actorNames(contentPath(), process.cwd()).get(id) }],
];
