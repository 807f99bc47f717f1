// `npm test`: the whole vitest suite; at the end the slowest files and one plain closing line
// (`tests: N passed, N failed`) from test/support/timing-reporter.mjs. Arguments go to vitest
// (`npm test -- test/parse`). `--full-corpus[=dir]` (`npm run test:corpus`) runs the corpus
// tests over the full real-world corpus (default ../shared/corpus) instead of the vendored sample.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = [];
const env = { ...process.env };
for (const a of process.argv.slice(2)) {
  const full = /^--full-corpus(?:=(.+))?$/.exec(a);
  if (full) env.MG_CORPUS = path.resolve(full[1] ?? path.join(root, '..', 'shared', 'corpus'));
  else args.push(a);
}
const run = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=./test/support/timing-reporter.mjs', ...args],
  { stdio: 'inherit', cwd: root, env },
);
process.exit(run.status ?? 1);
