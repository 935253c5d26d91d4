import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeControls, formatProblem, formatReport, sortProblems, type Problem } from '../model/problems.ts';
import { BodyRefsCache, checkerVersion } from '../check/body-refs-cache.ts';
import { checkForBuild } from '../publish/build-check.ts';
import { BuildContext, closeBuildContext, openBuildContext } from '../loaders/build-context.ts';
import { rendererVersion, ShareImageCache } from '../share/share-cache.ts';
import { drawerSize, ShareDrawer, shareWorkerFile } from '../share/share-drawer.ts';
import { cacheKey, cachePath, contentPath, settings } from '../settings.ts';

/** Escapes text for HTML: content is data, even on the error page. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The page `astro dev` shows instead of the site while the content has errors. */
export function errorPage(problems: readonly Problem[]): string {
  const errors = sortProblems(problems.filter((p) => p.severity === 'error'));
  const items = errors
    .map((problem) => {
      const [head, ...rest] = formatProblem(problem).split('\n');
      return `<li><pre><strong>${escapeHtml(head ?? '')}</strong>${rest.length > 0 ? `\n${escapeHtml(rest.join('\n'))}` : ''}</pre></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="2">
<title>Content has ${errors.length} error${errors.length === 1 ? '' : 's'}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { color: #a3001b; font-size: 1.5rem; }
ol { padding-left: 1.25rem; }
li { margin-bottom: 1rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font-size: .95rem; background: #fff4f2; padding: .5rem .75rem; border-left: 4px solid #a3001b; }
</style>
</head>
<body>
<h1>The content has ${errors.length} error${errors.length === 1 ? '' : 's'}</h1>
<p>The preview comes back by itself once they are fixed (this page checks again every two seconds). The same report is in the terminal and in <code>npm run check</code>.</p>
<ol>
${items}
</ol>
</body>
</html>
`;
}

/**
 * `astro dev` keeps its content store in the project's `.astro/`, whatever the
 * cache folder, and does not notice when CONTENT_DIR (or a setting that changes
 * the pages) is not the one the store was filled from: entries of another story
 * would show. Start the store afresh whenever they differ.
 */
function forgetOtherContent(root: string): void {
  const dotAstro = join(root, '.astro');
  const stamp = join(dotAstro, 'explainer-dev-settings.json');
  const current = cacheKey(settings, root);
  let previous = '';
  try {
    previous = readFileSync(stamp, 'utf8');
  } catch {
    // first run
  }
  if (previous === current) return;
  for (const file of ['data-store.json', 'content-modules.mjs', 'content-assets.mjs'])
    rmSync(join(dotAstro, file), { force: true });
  mkdirSync(dotAstro, { recursive: true });
  writeFileSync(stamp, current);
}

/** How long a changed file must keep the same size before the dev server reads it. */
export const WRITE_FINISH = { stabilityThreshold: 120, pollInterval: 20 } as const;

/** True for a request a browser makes for a page, not for a script, style or Vite internals. */
function wantsPage(request: IncomingMessage): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (
    path.startsWith('/@') ||
    path.startsWith('/node_modules/') ||
    path.startsWith('/_astro/') ||
    path.startsWith('/src/')
  )
    return false;
  const last = path.split('/').pop() ?? '';
  return !last.includes('.') || last.endsWith('.html');
}

/**
 * Opens the context one `astro build` or `astro dev` run shares (`src/loaders/build-context.ts`).
 * The bodies' references are kept in the build's cache folder (`<cachePath>/body-refs.json`):
 * a build, or a recheck in `astro dev`, parses only the bodies whose text changed.
 * Share images are kept there too (`<cachePath>/share-images`): a card is drawn once.
 */
function openContext(root: string): BuildContext {
  const contentDir = contentPath(root);
  const bodyCache = new BodyRefsCache(join(cachePath(root), 'body-refs.json'), checkerVersion(root));
  return openBuildContext(
    new BuildContext({
      contentDir,
      root,
      check: () => {
        const result = checkForBuild(contentDir, root, { bodyCache });
        // `EXPLAINER_TIMING=1` (set by `npm run bench`) logs what the check parsed.
        if (process.env['EXPLAINER_TIMING'] === '1')
          console.log(
            `[explainer:timing] bodies: ${bodyCache.lastCounts.hits} from the cache, ${bodyCache.lastCounts.parsed} parsed`,
          );
        return result;
      },
      drawer: new ShareDrawer(
        shareWorkerFile(),
        drawerSize(),
        undefined,
        new ShareImageCache(join(cachePath(root), 'share-images'), rendererVersion(root)),
      ),
    }),
  );
}

/**
 * Checks all content before Astro renders anything. On `astro build`, any error
 * stops the build with exit code 1 and one line per problem, before a single
 * file is written. On `astro dev`, the check runs again whenever a content file
 * changes; while there are errors, pages show the report instead of the site.
 * It opens the run's build context, which `buildContextEnd()` closes.
 */
export default function contentCheck(): AstroIntegration {
  let root = process.cwd();
  let context: BuildContext | undefined;
  let problems: Problem[] = [];
  const run = () => {
    const started = performance.now();
    if (context === undefined) throw new Error('Internal error: the content check ran before astro:config:setup');
    problems = context.check().problems;
    return Math.round(performance.now() - started);
  };
  const errorsOf = () => problems.filter((problem) => problem.severity === 'error');
  const report = () => {
    const errors = errorsOf();
    return `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${formatReport(errors)}\n`;
  };
  return {
    name: 'explainer:content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        root = fileURLToPath(config.root);
        context = openContext(root);
        // Many editors save by emptying the file and then writing it. The watcher
        // drops a second change that follows the first within 50 ms, so a loader
        // that read the empty file would keep that state until the next save.
        // Report a change only once the file has stopped growing.
        if (command === 'dev') {
          updateConfig({ vite: { server: { watch: { awaitWriteFinish: WRITE_FINISH } } } });
          forgetOtherContent(root);
        }
        // The one place that says whether this is the live preview: pages show drafts and
        // rebuild the site index per request only there, never in a build.
        updateConfig({ vite: { define: { 'import.meta.env.EXPLAINER_DEV': JSON.stringify(command === 'dev') } } });
        const elapsed = run();
        const warnings = problems.filter((problem) => problem.severity === 'warning');
        if (warnings.length > 0)
          logger.warn(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n${formatReport(warnings)}`);
        if (errorsOf().length === 0) {
          logger.info(`content checked in ${elapsed} ms: no errors`);
          return;
        }
        if (command === 'build') {
          process.stderr.write(`\n${report()}\nNothing was built. Fix the problems above and build again.\n`);
          process.exit(1);
        }
        logger.error(report());
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = contentPath(root);
        // The content folder may live outside the project (CONTENT_DIR): watch it too.
        server.watcher.add(dir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        /** The file whose change has not been checked yet, if any. */
        let pending: string | undefined;
        const refresh = () => {
          if (pending === undefined) return;
          const path = pending;
          pending = undefined;
          clearTimeout(timer);
          const hadErrors = errorsOf().length > 0;
          const elapsed = run();
          const errors = errorsOf();
          if (errors.length > 0) logger.error(`${escapeControls(relative(root, path))} changed; ${report()}`);
          else if (hadErrors) logger.info(`content checked in ${elapsed} ms: the errors are fixed`);
        };
        const recheck = (path: string) => {
          if (!path.startsWith(dir + sep) && path !== dir) return;
          // Whatever renders before the check below reads the content afresh.
          context?.markChanged();
          pending = path;
          // Checked when the next page is asked for (so Astro's own error page never shows
          // first), or shortly after, for the terminal.
          clearTimeout(timer);
          timer = setTimeout(refresh, 50);
        };
        server.watcher.on('add', recheck);
        server.watcher.on('change', recheck);
        server.watcher.on('unlink', recheck);
        server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
          if (!wantsPage(request)) return next();
          refresh();
          if (errorsOf().length === 0) return next();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.setHeader('Cache-Control', 'no-store');
          response.end(errorPage(problems));
        });
      },
    },
  };
}

/**
 * Closes the run's build context once everything else is done (the last
 * integration: the pictures, the share images and the sitemap read it until
 * their own `astro:build:done`).
 */
export function buildContextEnd(): AstroIntegration {
  return {
    name: 'explainer:build-context-end',
    hooks: {
      'astro:build:done': () => closeBuildContext(),
      'astro:server:done': () => closeBuildContext(),
    },
  };
}
