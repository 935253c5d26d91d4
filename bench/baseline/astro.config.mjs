// @ts-check
// A bare Astro 7 project for the build benchmark: the same content, plain pages,
// no cross-links, no integrity check, Astro's default Markdown processor.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.OUT_DIR || 'dist',
  cacheDir: process.env.CACHE_DIR || 'node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
});
