import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { acquireBuildLock, BuildLockedError } from './build-lock.ts';
import { outputFolderProblem, settings } from '../settings.ts';

/**
 * Guards every `astro build`, bare or under `npm run build`, before Astro
 * touches a file: the output folder must be new, empty or a previous build
 * (Astro empties it first), and only one build runs per project at a time
 * (`src/integrations/build-lock.ts`). Either problem stops the build with one line and
 * exit code 1. The folder settings themselves are checked in `src/settings.ts`.
 */
/** Prints one line and ends the build. */
function stop(message: string): never {
  process.stderr.write(`\n${message}\nNothing was built.\n`);
  process.exit(1);
}

export default function buildGuard(): AstroIntegration {
  let release = () => {};
  return {
    name: 'explainer:build-guard',
    hooks: {
      'astro:config:setup': async ({ command, config }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const problem = outputFolderProblem(settings.outDir, root);
        if (problem) stop(problem);
        try {
          release = await acquireBuildLock(root);
        } catch (error) {
          stop(
            error instanceof BuildLockedError
              ? error.message
              : `Could not take the build lock: ${(error as Error).message}`,
          );
        }
        process.on('exit', () => release());
      },
      'astro:build:done': () => release(),
    },
  };
}
