// Dry-run benchmark. Every measurement runs in a child process of its own, which reports its
// wall time, its CPU time (user + system, all threads) and its peak RSS, so a row is what a
// user's process costs; cold = an empty snapshot cache, cached = a second process on the same
// cache (url and local keep no snapshot between runs: theirs is a plain second run).
//   1. the PGlite floor: an empty base and `SELECT 1` under review (start-up alone);
//   2. the largest corpus history that replays on PGlite plus one new migration, per engine;
//   3. `check --dry-run` of the bundled examples, the whole CLI process (dry-run, suggestion
//      and plan verification);
//   4. a pull request on a real history: a git repository holding that history, whose branch
//      adds its last migration, reviewed with `check --base main --dry-run`;
//   5. the same pull request with one more, risky migration (a type change, NOT NULL columns,
//      an index), so suggestions, column shapes and the plan are verified too (the default
//      sets only: the SQL names their tables).
// Medians of MG_BENCH_RUNS (default 3) runs; MG_BENCH_JSON=<file> also writes every run's
// numbers there (to pair runs of two checkouts); MG_BENCH_ROWS=floor,history,examples,pr,risky
// runs only those rows (history: row 2 on every engine). Run: node bench/dryrun.mjs [corpus-set-dir]
// (MG_CORPUS=<dir> for the full corpus, see corpus.mjs). It bundles src/ with esbuild first
// (Node 20 cannot run TypeScript itself) into a folder of its own, removed at the end. Every
// child runs under the Node that runs this script (`/path/to/node24 bench/dryrun.mjs`).
import { build } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleSrc } from './bundle.mjs';
import { benchCorpus } from './corpus.mjs';

const root = new URL('..', import.meta.url).pathname;
const [mode, ...args] = process.argv.slice(2);
// --help prints the comment at the top of this file: what each row measures and how to choose rows.
if (mode === '--help' || mode === '-h') {
  const head = readFileSync(new URL(import.meta.url), 'utf8').split('\n');
  console.log(head.slice(0, head.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}

/**
 * Row 5's risky migration for the default sets, on tables their histories keep: a type change
 * (its shape is read, the plan swaps columns), a NOT NULL column with a default, one without
 * (it fails on the seeded rows, so each suggestion's failure is checked against the migration's
 * own), and a blocking index.
 */
const RISKY = {
  'langfuse__langfuse/packages/shared/prisma/migrations': `ALTER TABLE "datasets" ALTER COLUMN "name" TYPE varchar(500);
ALTER TABLE "projects" ADD COLUMN "tier" text NOT NULL DEFAULT 'free';
ALTER TABLE "users" ADD COLUMN "flags" integer NOT NULL;
CREATE INDEX "users_flags_idx" ON "users" ("flags");
`,
  'umami-software__umami/prisma/migrations': `ALTER TABLE "website" ALTER COLUMN "name" TYPE varchar(500);
ALTER TABLE "team" ADD COLUMN "tier" text NOT NULL DEFAULT 'free';
ALTER TABLE "user" ADD COLUMN "flags" integer NOT NULL;
CREATE INDEX "user_flags_idx" ON "user" ("flags");
`,
};

/** Child: one dry-run through the library. Args: bundle, corpus dir, repo, set dir, engine, cache dir. */
async function childDryRun([bundle, corpus, repo, dir, engine, cacheDir, floor]) {
  const mg = await import(bundle);
  await mg.initParser();
  let base = [];
  let review;
  if (floor === 'floor') {
    const m = { id: '0001_floor', version: '0001', name: 'floor', change: 'added', transaction: 'wrapped', up: { path: 'floor/0001.up.sql', text: 'SELECT 1;' }, down: null };
    review = [{ migration: m, up: mg.parseSource(m.up), down: null }];
  } else {
    const found = await mg.discoverMigrations(mg.fsRepoFiles(join(corpus, repo)), mg.resolveConfig({}));
    const set = found.sets.find((s) => s.dir === dir);
    if (!set) throw new Error(`no migration set ${dir} in ${repo}`);
    base = set.migrations.map((m) => ({ migration: m, up: mg.parseSource(m.up), down: null }));
    const last = set.migrations[set.migrations.length - 1];
    const upText = 'CREATE TABLE mg_bench (id bigint PRIMARY KEY, note text);\nCREATE INDEX mg_bench_note_idx ON mg_bench (note);';
    const newMig = {
      ...last, id: 'zz_bench', version: '99999999999999', name: 'bench', change: 'added',
      up: { path: 'bench/zz_bench.up.sql', text: upText }, down: { path: 'bench/zz_bench.down.sql', text: 'DROP TABLE mg_bench;' },
    };
    review = [{ migration: newMig, up: mg.parseSource(newMig.up), down: mg.parseSource(newMig.down) }];
  }
  const opts = { engine, databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres', statementTimeoutMs: 60_000, totalTimeoutMs: 600_000, seedRows: 0, cacheDir };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await mg.runDryRun({ base, review }, opts);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const status = `${r.base.status} ${r.base.applied}/${base.length}; ${[...r.results.values()].map((x) => x.status).join(',')}`;
  return { wall, cpu: (cpu.user + cpu.system) / 1000, status };
}

/** Child: the CLI bundle with `args`, as `migration-guard` would run. */
async function childCli([bundle, ...cliArgs]) {
  process.argv = [process.argv[0], bundle, ...cliArgs];
  const t0 = performance.now();
  process.on('exit', (code) => report({ wall: performance.now() - t0, status: `exit ${code}` }));
  await import(bundle);
}

function report(extra) {
  const u = process.resourceUsage();
  // Written on exit: the whole process, every thread, from its start.
  writeFileSync(process.env.MG_BENCH_OUT, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, ...extra, maxRSS: u.maxRSS / 1024 }));
}

if (mode === '--child-dryrun') {
  const r = await childDryRun(args);
  process.on('exit', () => report(r));
} else if (mode === '--child-cli') {
  await childCli(args);
} else {
  await parent();
}

async function parent() {
  const work = mkdtempSync(join(tmpdir(), 'mg-bench-dryrun-'));
  // Inside node_modules so the bundles resolve the packages they leave external; per process,
  // so two benchmarks never overwrite each other's bundle.
  const bundles = join(root, 'node_modules', '.cache', `mg-bench-${process.pid}`);
  try {
    await run(work, bundles);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(bundles, { recursive: true, force: true });
  }
}

async function run(work, bundles) {
  const lib = join(bundles, 'dryrun-bench.mjs');
  const cli = join(bundles, 'cli.mjs');
  await bundleSrc(lib, `export { runDryRun } from './src/dryrun/index.js';
    export { initParser, parseSource } from './src/parse/index.js';
    export { discoverMigrations, fsRepoFiles } from './src/discover/index.js';
    export { resolveConfig } from './src/config/defaults.js';`);
  await build({
    entryPoints: [join(root, 'src/cli/bin.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external',
    outfile: cli, logLevel: 'error',
    banner: { js: "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);" },
  });

  const runs = Math.max(1, Number(process.env.MG_BENCH_RUNS) || 3);
  const { dir: CORPUS, full } = benchCorpus();
  // Largest history that replays on PGlite: langfuse's 434 Prisma migrations in the full corpus
  // (MG_CORPUS); umami's 19, kept whole in the vendored sample, otherwise.
  const DEFAULT_SET = full ? 'langfuse__langfuse/packages/shared/prisma/migrations' : 'umami-software__umami/prisma/migrations';
  const [repo, dir] = (args[0] ?? DEFAULT_SET).split(/\/(.*)/s);
  const self = new URL(import.meta.url).pathname;
  let n = 0;
  const child = (childArgs, env = {}, cwd = root) => new Promise((resolve, reject) => {
    const out = join(work, `out-${++n}.json`);
    const p = spawn(process.execPath, [self, ...childArgs], { cwd, env: { ...process.env, ...env, MG_BENCH_OUT: out }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('close', () => {
      try { resolve(JSON.parse(readFileSync(out, 'utf8'))); } catch { reject(new Error(`benchmark child failed: ${err.slice(-2000)}`)); }
    });
  });
  /** Cold and cached measurements, `runs` times each; each run starts from an empty cache. */
  const pair = async (go) => {
    const cold = [];
    const cached = [];
    for (let i = 0; i < runs; i++) {
      const cacheDir = mkdtempSync(join(work, 'cache-'));
      cold.push(await go(cacheDir));
      cached.push(await go(cacheDir));
      rmSync(cacheDir, { recursive: true, force: true });
    }
    return { cold, cached };
  };
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
  const rows = [];
  const raw = [];
  const only = process.env.MG_BENCH_ROWS ? new Set(process.env.MG_BENCH_ROWS.split(',')) : null;
  const wanted = (name) => !only || only.has(name);
  const row = (work, engine, { cold, cached }) => raw.push({ work, engine, cold, cached }) && rows.push({
    work, engine, status: cached.at(-1).status,
    'cold s': (median(cold.map((r) => r.wall)) / 1000).toFixed(2),
    'cold cpu s': (median(cold.map((r) => r.cpu)) / 1000).toFixed(2),
    'cold peak MB': Math.round(median(cold.map((r) => r.maxRSS))),
    'cached s': (median(cached.map((r) => r.wall)) / 1000).toFixed(2),
    'cached cpu s': (median(cached.map((r) => r.cpu)) / 1000).toFixed(2),
    'cached peak MB': Math.round(median(cached.map((r) => r.maxRSS))),
  });

  if (wanted('floor')) row('PGlite floor: empty base, SELECT 1', 'pglite', await pair((c) => child(['--child-dryrun', lib, CORPUS, repo, dir, 'pglite', c, 'floor'])));
  for (const engine of wanted('history') ? ['pglite', 'url', 'local'] : []) {
    row(`${repo}/${dir} + 1 new`, engine, await pair((c) => child(['--child-dryrun', lib, CORPUS, repo, dir, engine, c])));
  }
  if (wanted('examples')) row('check --dry-run examples (whole CLI process)', 'pglite', await pair((c) =>
    child(['--child-cli', cli, 'check', '--dry-run', '--no-progress', '--format', 'json', join(root, 'examples')], { MIGRATION_GUARD_CACHE_DIR: c })));

  // A pull request on the same history: main holds every migration but the last, the branch adds it.
  const prRepo = join(work, 'pr-repo');
  const setDir = join(prRepo, dir);
  mkdirSync(dirname(setDir), { recursive: true });
  cpSync(join(CORPUS, repo, dir), setDir, { recursive: true });
  const git = (...a) => execFileSync('git', a, { cwd: prRepo, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' } });
  git('init', '-q', '-b', 'main');
  const lastEntry = execFileSync('ls', [setDir], { encoding: 'utf8' }).trim().split('\n').filter((f) => !f.endsWith('.toml')).at(-1);
  const held = join(work, 'held');
  cpSync(join(setDir, lastEntry), held, { recursive: true });
  rmSync(join(setDir, lastEntry), { recursive: true, force: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'pr');
  cpSync(held, join(setDir, lastEntry), { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'pr');
  const baseFiles = Number(execFileSync('git', ['ls-tree', '-r', '--name-only', 'main'], { cwd: prRepo, encoding: 'utf8' }).trim().split('\n').length);
  if (wanted('pr')) row(`PR adding ${lastEntry} (${baseFiles}-file base), check --base main --dry-run`, 'pglite', await pair((c) =>
    child(['--child-cli', cli, 'check', '--base', 'main', '--dry-run', '--no-progress', '--format', 'json', prRepo], { MIGRATION_GUARD_CACHE_DIR: c }, prRepo)));

  const risky = RISKY[`${repo}/${dir}`];
  if (risky && wanted('risky')) {
    mkdirSync(join(setDir, '99999999999999_mg_bench_risky'));
    writeFileSync(join(setDir, '99999999999999_mg_bench_risky', 'migration.sql'), risky);
    git('add', '-A');
    git('commit', '-q', '-m', 'risky');
    row(`the same PR plus a risky migration, check --base main --dry-run`, 'pglite', await pair((c) =>
      child(['--child-cli', cli, 'check', '--base', 'main', '--dry-run', '--no-progress', '--format', 'json', prRepo], { MIGRATION_GUARD_CACHE_DIR: c }, prRepo)));
  }

  if (process.env.MG_BENCH_JSON) writeFileSync(process.env.MG_BENCH_JSON, JSON.stringify(raw, null, 1));
  console.log(`medians of ${runs} runs; cpu = user + system of the whole process, all threads; peak = max RSS`);
  console.table(rows);
}
