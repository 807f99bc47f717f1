import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests of the test set-up itself, run by test/scripts/test-runner.test.ts.
    exclude: ['test/fixtures/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Four workers on the 2 cores the README names: a part of the suite is waiting (a server's
    // answer window, retry backoff, time limits, child processes), which the extra workers fill.
    // Measured on 2 cores, same tree, whole suite: 3 workers 104 s wall / 168 s CPU, 4 workers
    // 92 s / 163 s, 5 workers 92 s / 170 s. PGlite instances are large (hundreds of MB), so not more.
    maxWorkers: 4,
    // A worker runs its files in one module graph: the parser's WebAssembly, the rules and the
    // bundled dependencies load once per worker, not once per file (a third of the suite's CPU).
    // Test files therefore keep no state in shared modules that another file could see.
    isolate: false,
    // The longest files start first (test/support/sequencer.ts): a long file started last
    // would run alone at the end while the other workers are idle.
    sequence: { sequencer: LongestFirst },
    // One private TMPDIR per run: leftovers fail the run by name, and the folder goes either way.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
