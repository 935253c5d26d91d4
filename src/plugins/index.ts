import type { RemarkPlugins } from '@astrojs/markdown-remark';
import { contentPath, settings } from '../settings.ts';
import { citationData } from '../loaders/content-state.ts';
import remarkCitations from './remark-citations.ts';

/** The remark plugins the Markdown and MDX processor runs, in order. */
export const remarkPlugins: RemarkPlugins = [
  [remarkCitations, { base: settings.base, data: () => citationData(contentPath(), process.cwd()) }],
];
