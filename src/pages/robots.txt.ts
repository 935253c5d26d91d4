import type { APIRoute } from 'astro';
import { sitePath } from '../site/format.ts';

/** `/robots.txt`: everything may be crawled; points to the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(`${sitePath(import.meta.env.BASE_URL)}sitemap-index.xml`, site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
