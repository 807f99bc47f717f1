// Dry-run benchmark: the largest corpus history that replays on PGlite plus one new
// migration, per backend: cold time (nothing cached), cached time (second run, same process
// and cache dir; url and local keep no snapshot between runs, so theirs is a plain second
// run) and time per base migration. Run: node bench/dryrun.mjs [corpus-set-dir]
// It bundles src/ with esbuild first (Node 20 cannot run TypeScript itself).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCorpus } from './corpus.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules', '.cache', 'mg-bench', 'dryrun-bench.mjs');
await build({
  stdin: {
    contents: `export { runDryRun } from './src/dryrun/index.js';
      export { initParser, parseSource } from './src/parse/index.js';
      export { discoverMigrations, fsRepoFiles } from './src/discover/index.js';
      export { resolveConfig } from './src/config/defaults.js';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'error',
});
const mg = await import(out);
await mg.initParser();

const { dir: CORPUS, full } = benchCorpus();
// Largest history that replays on PGlite: langfuse's 434 Prisma migrations in the full corpus
// (MG_CORPUS); umami's 19, kept whole in the vendored sample, otherwise.
const DEFAULT_SET = full ? 'langfuse__langfuse/packages/shared/prisma/migrations' : 'umami-software__umami/prisma/migrations';
const [repo, dir] = (process.argv[2] ?? DEFAULT_SET).split(/\/(.*)/s);
const found = await mg.discoverMigrations(mg.fsRepoFiles(join(CORPUS, repo)), mg.resolveConfig({}));
const set = found.sets.find((s) => s.dir === dir);
if (!set) throw new Error(`no migration set ${dir} in ${repo}`);
const base = set.migrations.map((m) => ({ migration: m, up: mg.parseSource(m.up), down: null }));
const last = set.migrations[set.migrations.length - 1];
const upText = 'CREATE TABLE mg_bench (id bigint PRIMARY KEY, note text);\nCREATE INDEX mg_bench_note_idx ON mg_bench (note);';
const newMig = {
  ...last, id: 'zz_bench', version: '99999999999999', name: 'bench', change: 'added',
  up: { path: 'bench/zz_bench.up.sql', text: upText }, down: { path: 'bench/zz_bench.down.sql', text: 'DROP TABLE mg_bench;' },
};
const review = [{ migration: newMig, up: mg.parseSource(newMig.up), down: mg.parseSource(newMig.down) }];

const rows = [];
for (const engine of ['pglite', 'url', 'local']) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'mg-bench-cache-'));
  const opts = { engine, databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres', statementTimeoutMs: 60_000, totalTimeoutMs: 600_000, seedRows: 0, cacheDir };
  const times = [];
  let status = '';
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    const r = await mg.runDryRun({ base, review }, opts);
    times.push(performance.now() - t0);
    status = `${r.base.status} ${r.base.applied}/${base.length}; ${r.results.get('zz_bench')?.status}`;
  }
  rmSync(cacheDir, { recursive: true, force: true });
  rows.push({
    engine, history: `${repo}/${dir}`, 'base files': base.length, status,
    'cold s': (times[0] / 1000).toFixed(2), 'cached s': (times[1] / 1000).toFixed(2),
    'ms / base migration (cold)': (times[0] / base.length).toFixed(1),
  });
}
console.table(rows);
