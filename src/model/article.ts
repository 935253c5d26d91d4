import { z } from 'astro/zod';
import { isoDate, text } from './common.ts';
import { updateLog } from './updates.ts';

export { updateIds, updateLog, updateSchema, type Update } from './updates.ts';

/** Frontmatter of `content/articles/<slug>.mdx`. */
export const articleSchema = z.strictObject({
  /** Headline. */
  title: text,
  /** The standfirst. */
  description: text,
  /** First publication date. */
  published: isoDate,
  /** Date of the latest update. */
  updated: isoDate.optional(),
  /** Public log of changes, newest first. */
  updates: updateLog.optional(),
  /** Bylines. */
  authors: z.array(text).optional(),
  /** Drafts are built by `astro dev` but never published. */
  draft: z.boolean({ error: 'must be true or false' }).optional(),
});

/** Validated article frontmatter. */
export type Article = z.infer<typeof articleSchema>;
