// `npm test`: the whole vitest suite, then one plain closing line (`tests: N passed, N failed`)
// that any CI log reader understands. Arguments are passed to vitest (`npm test -- test/parse`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'mg-test-'));
const json = path.join(dir, 'results.json');
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let summary = null;
try {
  const r = JSON.parse(readFileSync(json, 'utf8'));
  summary = { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests };
} catch {
  // vitest died before writing results; its exit code says so.
}
rmSync(dir, { recursive: true, force: true });
if (summary) {
  console.log(`\ntests: ${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`);
}
process.exit(run.status ?? 1);
