import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatReport } from '../lib/problems.ts';
import { checkContentDir } from '../loaders/read-content.ts';
import { contentPath } from '../settings.ts';

/**
 * Checks all content before Astro renders anything. On `astro build`, any error
 * stops the build with exit code 1 and one line per problem, before a single
 * file is written; `astro dev` logs the problems and keeps serving.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'explainer:content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        // Drafts and per-request index rebuilds belong to `astro dev` alone, whatever NODE_ENV says.
        updateConfig({ vite: { define: { 'import.meta.env.EXPLAINER_DEV': JSON.stringify(command === 'dev') } } });
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        const started = performance.now();
        const { problems } = checkContentDir(contentPath(root), root);
        const errors = problems.filter((problem) => problem.severity === 'error');
        const elapsed = Math.round(performance.now() - started);
        if (errors.length === 0) {
          logger.info(`content checked in ${elapsed} ms: no errors`);
          return;
        }
        const report = `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${formatReport(errors)}\n`;
        if (command === 'build') {
          process.stderr.write(`\n${report}\nNothing was built. Fix the problems above and build again.\n`);
          process.exit(1);
        }
        logger.error(report);
      },
    },
  };
}
