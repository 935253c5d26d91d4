// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import buildGuard from './src/integrations/build-guard.ts';
import contentCheck, { buildContextEnd } from './src/integrations/content-check.ts';
import contentImages from './src/integrations/content-images.ts';
import publishing from './src/integrations/publishing.ts';
import pagefind from './src/integrations/pagefind.ts';
import shareImages from './src/integrations/share-images.ts';
import { articleLastmod } from './src/integrations/sitemap-dates.ts';
import { cachePath, contentPath, settings } from './src/settings.ts';

export default defineConfig({
  site: settings.site,
  base: settings.base,
  outDir: settings.outDir,
  // One cache folder per story and output-changing settings (src/settings.ts `cachePath`).
  cacheDir: cachePath(),
  trailingSlash: 'always',
  // Hashes for Astro's own scripts and styles go in each page's CSP <meta>;
  // `_headers` repeats the policy for hosts that read it (src/integrations/publishing.ts).
  // No 'unsafe-inline' for scripts; 'wasm-unsafe-eval' lets Pagefind's search run its WebAssembly.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // Never inline a script as a data: URL (Vite does so for small `?url` imports):
  // script-src 'self' would block it. Other small assets may still be inlined.
  vite: { build: { assetsInlineLimit: (file) => (/\.[cm]?[jt]s$/.test(file) ? false : undefined) } },
  build: { format: 'directory' },
  // Pages return a `cacheKey` from getStaticPaths (a hash of the entries they show): a rebuild
  // with the same cacheDir renders only pages whose entries changed. INCREMENTAL_BUILD=0 turns it off.
  experimental: { incrementalBuild: settings.incremental },
  // No Markdown or MDX processor: bodies are never compiled. Pages turn each body into a
  // tree (src/plugins/body-tree.ts) with code blocks left plain `<pre><code class="language-…">`,
  // styled by site.css. Astro compiles no Markdown here; this setting only keeps it from warning
  // that its default highlighter (Shiki, inline style="" attributes) breaks the CSP.
  markdown: { syntaxHighlight: false },
  integrations: [
    // One build at a time per project, and never into a folder that holds other files.
    buildGuard(),
    contentCheck(),
    // Starts drawing share images on a worker thread while Astro bundles and renders.
    shareImages(),
    contentImages({ base: settings.base }),
    pagefind(),
    // Article pages carry their `updated` (or `published`) date as <lastmod>.
    sitemap({
      serialize: articleLastmod({
        contentDir: () => contentPath(),
        root: process.cwd(),
        site: settings.site,
        base: settings.base,
      }),
    }),
    publishing({ base: settings.base }),
    // Last: closes the build context contentCheck() opened (stops the share workers).
    buildContextEnd(),
  ],
});
