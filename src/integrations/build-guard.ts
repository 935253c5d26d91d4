import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { acquireBuildLock, BuildLockedError } from './build-lock.ts';
import { claimCacheFolder, pruneCacheFolders } from './cache-folders.ts';
import { cacheKey, canonicalPath, outputFolderProblem, settings } from '../settings.ts';

/**
 * Guards every `astro build`, bare or under `npm run build`, before Astro
 * touches a file: the output folder must be new, empty or a previous build
 * (Astro empties it first), and only one build runs per project at a time
 * (`src/integrations/build-lock.ts`). Either problem stops the build with one line and
 * exit code 1. The folder settings themselves are checked in `src/settings.ts`.
 *
 * A build or dev server also claims its keyed cache folder before Astro reads
 * it, and a successful build then removes the keyed folders of CACHE_DIR that
 * have not been used for a while (`src/integrations/cache-folders.ts`).
 */
/** Prints one line and ends the build. */
function stop(message: string): never {
  process.stderr.write(`\n${message}\nNothing was built.\n`);
  process.exit(1);
}

export default function buildGuard(): AstroIntegration {
  let release = () => {};
  let releaseCache = () => {};
  let cacheDir = '';
  let key = '';
  const releaseOnExit = () => releaseCache();
  return {
    name: 'explainer:build-guard',
    hooks: {
      'astro:config:setup': async ({ command, config }) => {
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        if (command === 'dev') {
          // A dev server runs this hook again when it restarts: the claim is renewed.
          releaseCache();
          releaseCache = await claimCache(root, 'dev');
          if (!process.listeners('exit').includes(releaseOnExit)) process.on('exit', releaseOnExit);
          return;
        }
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
        cacheDir = canonicalPath(settings.cacheDir, root);
        key = cacheKey(settings, root);
        releaseCache = await claimCache(root, 'build');
        process.on('exit', releaseOnExit);
      },
      'astro:build:done': async ({ logger }) => {
        try {
          const removed = await pruneCacheFolders(cacheDir, key);
          if (removed.length > 0)
            logger.info(
              `Removed ${removed.length} cache folder(s) of ${cacheDir} not used recently: ${removed.join(', ')}`,
            );
        } catch (error) {
          logger.warn(`Could not prune old cache folders of ${cacheDir}: ${(error as Error).message}`);
        }
        releaseCache();
        release();
      },
    },
  };
}

/**
 * Claims this build's keyed cache folder (`<CACHE_DIR>/<cacheKey>`) so that no
 * other build prunes it while it is used. A build that cannot claim it stops
 * (Astro could not write there either); a dev server warns and goes on.
 */
async function claimCache(root: string, command: 'build' | 'dev'): Promise<() => void> {
  try {
    return await claimCacheFolder(canonicalPath(settings.cacheDir, root), cacheKey(settings, root));
  } catch (error) {
    const message = `Could not mark the cache folder in ${settings.cacheDir} as in use: ${(error as Error).message}`;
    if (command === 'build') stop(message);
    process.stderr.write(`warning: ${message}\n`);
    return () => {};
  }
}
