import { defineConfig } from 'vitest/config';

/** Test files that need a fresh module state of their own (they read settings or font caches at import). */
const ISOLATED = ['tests/unit/security/loaders.test.ts', 'tests/unit/share/share-fonts.test.ts'];
const ALL = ['tests/unit/**/*.test.ts', 'tests/site/**/*.test.ts'];

export default defineConfig({
  test: {
    // Site tests run `astro build`, which writes `.astro/` in the project root: one file at a time.
    fileParallelism: false,
    // One folder per run where each fixture site is built once, for every suite that reads it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    projects: [
      // Most files share one module graph (imported once, not once per file: about 13 s of a run);
      // state they open (the build context, caches) they close themselves.
      { extends: true, test: { name: 'shared', include: ALL, exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
