import { isAbsolute, resolve } from 'node:path';
import { z } from 'astro/zod';

const settingsSchema = z.object({
  /** Folder holding the story's content, relative to the project root. */
  contentDir: z.string().min(1).default('content'),
  /** Public URL of the site, for canonical links and feeds. */
  site: z.url({ protocol: /^https?$/ }).default('https://example.org'),
  /** Path the site is served under: `/` at a domain root, `/explainer/` in a subfolder. */
  base: z
    .string()
    .default('/')
    .transform((base) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')),
  /** Where the built site is written. */
  outDir: z.string().min(1).default('dist'),
  /** Astro's cache (content data store); one per content folder keeps builds apart. */
  cacheDir: z.string().min(1).default('node_modules/.astro'),
  /** The site's name, shown in the header and page titles. */
  title: z.string().min(1).default('Explainer'),
  /**
   * The date the site is built "as of" (YYYY-MM-DD), for "then" in role
   * attribution. `scripts/build.ts` sets it from the commit date so that the
   * same commit always builds the same bytes; without it, today (UTC).
   */
  buildDate: z.iso.date().optional(),
});

/** Site-wide settings, read once from the environment and validated. */
export const settings = settingsSchema.parse({
  contentDir: process.env['CONTENT_DIR'] || undefined,
  site: process.env['SITE_URL'] || undefined,
  base: process.env['BASE_PATH'] || undefined,
  title: process.env['SITE_TITLE'] || undefined,
  outDir: process.env['OUT_DIR'] || undefined,
  cacheDir: process.env['CACHE_DIR'] || undefined,
  buildDate: process.env['BUILD_DATE'] || undefined,
});

/** Absolute path of the content folder. */
export function contentPath(root: string = process.cwd()): string {
  return isAbsolute(settings.contentDir) ? settings.contentDir : resolve(root, settings.contentDir);
}
