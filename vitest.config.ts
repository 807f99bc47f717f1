import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests of the test set-up itself, run by test/scripts/test-runner.test.ts.
    exclude: ['test/fixtures/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are large (hundreds of MB); keep parallelism to the 2 cores we have.
    maxWorkers: 2,
    // One private TMPDIR per run: leftovers fail the run by name, and the folder goes either way.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
