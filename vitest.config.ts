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
    // A worker runs its files in one module graph: the parser's WebAssembly, the rules and the
    // bundled dependencies load once per worker, not once per file (a third of the suite's CPU).
    // Test files therefore keep no state in shared modules that another file could see.
    isolate: false,
    // One private TMPDIR per run: leftovers fail the run by name, and the folder goes either way.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
