import { checkForBuild } from '../../src/publish/build-check.ts';
import { BuildContext, closeBuildContext, openBuildContext } from '../../src/loaders/build-context.ts';

/** A share drawer that draws nothing: tests that open a context without drawing cards. */
const noDrawer = {
  prefetch: () => undefined,
  draw: () => Promise.reject(new Error('no share images are drawn in this test')),
  drawn: { byWorkers: 0, here: 0, fromCache: 0 },
  pruneCache: () => undefined,
  close: () => undefined,
};

/**
 * Opens the build context the content-check integration would open in a build
 * of this content folder (the checked content, no share drawer), for tests that
 * run plugins or integration hooks without Astro. Close it with `closeBuildContext`.
 */
export function openTestContext(contentDir: string, root = process.cwd()): BuildContext {
  return openBuildContext(
    new BuildContext({ contentDir, root, check: () => checkForBuild(contentDir, root), drawer: noDrawer }),
  );
}

export { closeBuildContext };
