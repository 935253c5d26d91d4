import { z } from 'astro/zod';
import { isoDate, text } from './common.ts';
import { splitDateTime, timeOfDay } from './times.ts';
import { updateLog } from './updates.ts';

export { updateAnchors, updateIds, updateLog, updateSchema, type Update } from './updates.ts';

/** Frontmatter of `content/articles/<slug>.mdx`. */
export const articleSchema = z.preprocess(
  splitDateTime('published'),
  z.strictObject({
    /** Headline. */
    title: text,
    /** The standfirst. */
    description: text,
    /** First publication date; a later date (and time) than the build's leaves the article out until a build at or after it. */
    published: isoDate,
    /** Time of day of publication, with its offset from UTC: `07:00+01:00`. */
    time: timeOfDay.optional(),
    /** Date of the latest update. */
    updated: isoDate.optional(),
    /** Public log of changes, newest first. */
    updates: updateLog.optional(),
    /** Bylines. */
    authors: z.array(text).optional(),
    /** Drafts are built by `astro dev` but never published. */
    draft: z.boolean({ error: 'must be true or false' }).optional(),
  }),
);

/** Validated article frontmatter. */
export type Article = z.infer<typeof articleSchema>;
