import type { RemarkPlugins } from '@astrojs/markdown-remark';
import { contentPath, settings } from '../settings.ts';
import { loadCitationData } from '../loaders/citation-data.ts';
import remarkCitations from './remark-citations.ts';

/** The remark plugins the Markdown and MDX processor runs, in order. */
export const remarkPlugins: RemarkPlugins = [
  [remarkCitations, { base: settings.base, data: () => loadCitationData(contentPath(), process.cwd()) }],
];
