#!/usr/bin/env node
// bench/lint: lints every SQL file of the corpus with migration-guard (dist/cli.js, whole process)
// and with squawk (the squawk-cli dev dependency) on the same files in the same run, and prints
// files, statements, wall time, statements/s and peak RSS side by side. Run: `npm run bench`
// (after `npm run build`). Optional: `node bench/lint.mjs <corpus-dir> [runs]`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModule, parseSync } from 'libpg-query';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'corpus'));
const runs = Number(process.argv[3] ?? 3);
if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

function sqlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sqlFiles(p);
    return d.name.endsWith('.sql') ? [p] : [];
  });
}
const files = sqlFiles(corpus).sort();
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);

// Statements, counted once with the parser itself (not part of either timing).
await loadModule();
let statements = 0;
for (const f of files) {
  try {
    statements += parseSync(readFileSync(f, 'utf8')).stmts?.length ?? 0;
  } catch {
    // A file Postgres rejects counts no statements, for both tools alike.
  }
}

/** Runs a command under /usr/bin/time to get wall time and peak RSS of the whole process. */
function measure(cmd, args) {
  const best = { wall: Infinity, rss: 0, status: 0 };
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, cwd: root });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const rssKb = Number((r.stderr.trim().split('\n').pop() ?? '0').trim());
    if (wall < best.wall) Object.assign(best, { wall, status: r.status });
    best.rss = Math.max(best.rss, rssKb * 1024);
  }
  return best;
}

const rel = files.map((f) => path.relative(root, f));
const mg = measure(process.execPath, ['dist/cli.js', 'lint', ...rel, '--format', 'json', '--output', '/dev/null', '--no-progress']);
const squawkBin = path.join(root, 'node_modules', '.bin', 'squawk');
const sq = measure(squawkBin, ['--reporter', 'json', ...rel]);

const row = (name, m) => [
  name,
  String(files.length),
  String(statements),
  `${(m.wall / 1000).toFixed(2)} s`,
  `${Math.round(statements / (m.wall / 1000)).toLocaleString('en-US')}`,
  `${(m.rss / 1e6).toFixed(0)} MB`,
];
const table = [['tool', 'files', 'statements', 'wall (best of ' + runs + ')', 'statements/s', 'peak RSS'], row('migration-guard', mg), row('squawk', sq)];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
console.log(`corpus: ${corpus} (${(bytes / 1e6).toFixed(1)} MB of SQL)`);
for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
console.log(`ratio (migration-guard / squawk wall time): ${(mg.wall / sq.wall).toFixed(2)}`);
