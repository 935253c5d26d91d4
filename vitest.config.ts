import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/site/**/*.test.ts'],
    // Site tests run `astro build`, which writes `.astro/` in the project root: one at a time.
    fileParallelism: false,
    // One folder per run where each fixture site is built once, for every suite that reads it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
