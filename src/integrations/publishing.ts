import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, mergePolicies, metaPolicy, parsePolicy } from '../publish/csp.ts';

/** Every `.html` file under a folder, sorted, so the output does not depend on directory order. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => join(dir, file));
}

/**
 * After the build, writes `_headers` for hosts that read one (Netlify,
 * Cloudflare Pages): the pages' Content-Security-Policy, merged, plus
 * hardening headers. Fails the build when a page lacks its CSP `<meta>`.
 */
export default function publishing(options: { base: string }): AstroIntegration {
  return {
    name: 'explainer:publishing',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = htmlFiles(out);
        const missing: string[] = [];
        const policies = files.flatMap((file) => {
          const policy = metaPolicy(readFileSync(file, 'utf8'));
          if (policy === undefined) missing.push(file.slice(out.length));
          return policy === undefined ? [] : [parsePolicy(policy)];
        });
        if (missing.length > 0)
          throw new Error(`pages without a Content-Security-Policy <meta>: ${missing.join(', ')}`);
        writeFileSync(join(out, '_headers'), headersFile(options.base, mergePolicies(policies)));
        logger.info(`_headers written from ${files.length} pages`);
      },
    },
  };
}
