import { z } from 'astro/zod';
import { isoDate, text } from './common.ts';

/** One entry of an article's public update log. */
export const updateSchema = z.strictObject({
  /** When the article changed. */
  date: isoDate,
  /** What changed. */
  summary: text,
  /** The change corrects an error. */
  correction: z.boolean({ error: 'must be true or false' }).optional(),
});

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
  updates: z.array(updateSchema).optional(),
  /** Bylines. */
  authors: z.array(text).optional(),
  /** Drafts are built by `astro dev` but never published. */
  draft: z.boolean({ error: 'must be true or false' }).optional(),
});

/** Validated article frontmatter. */
export type Article = z.infer<typeof articleSchema>;
/** One entry of an update log. */
export type Update = z.infer<typeof updateSchema>;
