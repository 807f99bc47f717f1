// Runs the verifier over the corpus: for every migration whose safe plan rewrites at least one
// statement (or every migration with SQL to run, with --all), base = the migrations before it in
// its history, and prints plans verified / failed / could not run, with the failure classes.
// Run: node bench/verify.mjs [--engine url|pglite] [--repo owner__name] [--max N] [--all]
// The url engine (default: the server at 127.0.0.1:5432) is much faster per plan than PGlite,
// which starts a new in-process server for every sandbox. Bundles src/ with esbuild first.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
const flag = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const engine = flag('--engine', 'url');
const databaseUrl = flag('--database-url', 'postgres://postgres@127.0.0.1:5432/postgres');
const onlyRepo = flag('--repo');
const max = Number(flag('--max', '1000000'));
const all = args.includes('--all');
const verbose = args.includes('--verbose');

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules', '.cache', 'mg-bench', 'verify-bench.mjs');
await build({
  stdin: {
    contents: `export { runCheck } from './src/check/run.js';
      export { fsRepoFiles } from './src/discover/fs-files.js';
      export { resolveConfig } from './src/config/defaults.js';
      export { buildPlan, planDocument } from './src/plan/index.js';
      export { verifyPlan } from './src/verify/index.js';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'error',
});
const mg = await import(out);

const { dir: CORPUS } = benchCorpus();
const repos = readdirSync(CORPUS).filter((d) => d.includes('__') && (!onlyRepo || d === onlyRepo)).sort();

/** A failure reason reduced to its kind, so a table can count them. */
function failureClass(reason) {
  if (/differs from what the migration produces/.test(reason)) return 'schema differs';
  if (/rewrote/.test(reason)) return 'unclaimed rewrite';
  if (/took \w+Lock/.test(reason)) return 'stronger lock than claimed';
  const m = /failed: (.*?) \(SQLSTATE (\w+)\)/.exec(reason);
  if (m) return `${m[2]} ${m[1].replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 70)}`;
  if (/does not parse/.test(reason)) return 'step does not parse';
  return reason.slice(0, 80);
}
function notRunClass(reason) {
  if (/base history fails/.test(reason)) return 'base history fails on the engine';
  if (/itself fails/.test(reason)) return 'the migration itself fails on the engine';
  return reason.replace(/"[^"]*"/g, '"…"').slice(0, 80);
}

const totals = { verified: 0, failed: 0, notRun: 0 };
const failures = new Map();
const notRuns = new Map();
const config = mg.resolveConfig({});
const t0 = Date.now();
for (const repo of repos) {
  const result = await mg.runCheck({ files: mg.fsRepoFiles(join(CORPUS, repo)), config, scope: { kind: 'all' } });
  const byDir = new Map();
  for (const a of result.migrations) byDir.set(a.migration.dir, [...(byDir.get(a.migration.dir) ?? []), a]);
  let n = 0;
  const row = { verified: 0, failed: 0, notRun: 0 };
  for (const [, list] of byDir) {
    for (let i = 0; i < list.length && n < max; i++) {
      const a = list[i];
      if (a.up.errors.length > 0) continue;
      const plan = mg.buildPlan([a], { pgVersion: config.pgVersion });
      const steps = plan.phases.flatMap((p) => p.steps);
      if (!steps.some((s) => s.sql.length > 0)) continue;
      if (!all && !steps.some((s) => s.replaces)) continue;
      n++;
      const doc = mg.planDocument(plan, config.pgVersion);
      const base = list.slice(0, i).map((b) => ({ migration: b.migration, up: b.up, down: null }));
      const v = await mg.verifyPlan(doc, { base, review: [{ migration: a.migration, up: a.up, down: null }] }, { engine, databaseUrl, seedRows: 20, cacheDir: null });
      const where = `${repo}/${a.migration.up.path}`;
      if (v.plan.status === 'verified') { totals.verified++; row.verified++; }
      else if (v.plan.status === 'failed') {
        totals.failed++; row.failed++;
        const c = failureClass(v.plan.reason);
        failures.set(c, [...(failures.get(c) ?? []), where]);
        if (verbose) console.error(`FAILED ${where}: ${v.plan.reason}`);
      } else {
        totals.notRun++; row.notRun++;
        const c = notRunClass(v.plan.reason);
        notRuns.set(c, [...(notRuns.get(c) ?? []), where]);
        if (verbose) console.error(`NOT RUN ${where}: ${v.plan.reason}`);
      }
    }
  }
  console.log(`${repo.padEnd(40)} verified ${String(row.verified).padStart(4)}  failed ${String(row.failed).padStart(4)}  could not run ${String(row.notRun).padStart(4)}`);
}
const ran = totals.verified + totals.failed;
console.log(`\nplans: verified ${totals.verified}, failed ${totals.failed}, could not run ${totals.notRun} (engine ${engine}, ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
console.log(`verified among plans that could run: ${ran ? ((100 * totals.verified) / ran).toFixed(1) : '-'}%`);
if (failures.size) {
  console.log('\nfailure classes:');
  for (const [c, list] of [...failures].sort((x, y) => y[1].length - x[1].length)) console.log(`  ${String(list.length).padStart(4)}  ${c}  (e.g. ${list[0]})`);
}
if (notRuns.size) {
  console.log('\ncould not run:');
  for (const [c, list] of [...notRuns].sort((x, y) => y[1].length - x[1].length)) console.log(`  ${String(list.length).padStart(4)}  ${c}  (e.g. ${list[0]})`);
}
