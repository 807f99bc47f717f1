// Runs the verifier over the corpus, each history's migrations in order with base = the ones
// before: the safe plan of every migration whose plan rewrites at least one statement (or of
// every migration with SQL to run, with --all), and every finding's suggestion that is SQL to
// run. Prints plans verified / failed / could not run, the rollback SQL of their phases (run after
// each phase) likewise, suggestions verified / failed / could not run, the ratio over the ones
// that could run, and the failure classes with one example each.
//
// Run: node bench/verify.mjs [options]     (MG_CORPUS=<dir> for the full corpus, else the sample)
//   --engine url|pglite      where to run (default url: the server at --database-url)
//   --database-url URL       default postgres://postgres@127.0.0.1:5432/postgres
//   --max N|all              migrations per repository with a plan, and as many with suggestions
//                            (default 8 each; "all" for every one)
//   --repo owner__name       one repository
//   --file TEXT              only migrations whose path contains TEXT
//   --all                    plans of every migration with SQL, not only those that rewrite
//   --no-plans / --no-suggestions
//   --verbose                every failure and could-not-run on stderr (--show-plan: with the plan)
// The url engine is much faster per run than PGlite, which starts a new in-process server for
// every sandbox. Bundles src/ with esbuild first.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSrc } from './bundle.mjs';
import { benchCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(new URL(import.meta.url), 'utf8').split('\n');
  const head = lines.slice(0, lines.findIndex((l) => !l.startsWith('//')));
  console.log(head.map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const flag = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const engine = flag('--engine', 'url');
const databaseUrl = flag('--database-url', 'postgres://postgres@127.0.0.1:5432/postgres');
const onlyRepo = flag('--repo');
const onlyFile = flag('--file');
const maxArg = flag('--max', '8');
const max = maxArg === 'all' ? Infinity : Number(maxArg);
if (!(max > 0)) throw new Error(`--max must be a positive number or "all", not ${maxArg}`);
const all = args.includes('--all');
const doPlans = !args.includes('--no-plans');
const doSuggestions = !args.includes('--no-suggestions');
const showPlan = args.includes('--show-plan');
const verbose = args.includes('--verbose') || showPlan;

const root = new URL('..', import.meta.url).pathname;
// One bundle per run: two runs (two worktrees sharing node_modules) must not overwrite each other's.
const out = join(root, 'node_modules', '.cache', 'mg-bench', `verify-bench-${process.pid}.mjs`);
const mg = await import(await bundleSrc(out, `export { runCheck } from './src/check/run.js';
  export { fsRepoFiles } from './src/discover/fs-files.js';
  export { resolveConfig } from './src/config/defaults.js';
  export { buildPlan, planDocument, renderPlanText } from './src/plan/index.js';
  export * from './src/verify/index.js';`));
rmSync(out, { force: true });

const { dir: CORPUS, full } = benchCorpus();
const repos = readdirSync(CORPUS).filter((d) => d.includes('__') && (!onlyRepo || d === onlyRepo)).sort();

/** A failure reason reduced to its kind, so a table can count them. */
function failureClass(reason) {
  const diff = /differs from what the migration produces: (.*)/.exec(reason);
  if (diff) {
    // One difference: `<kind> <name> differs after the plan: <got>; before the migration: <wanted>`,
    // or `<kind> <name> is missing / still exists after the plan`.
    const first = diff[1].split(/; (?=(?:column|index|constraint|table|sequence|view|function|trigger|type|policy|extension|schema) )/)[0];
    const d = /differs after the plan: (.*); before the migration: (.*)/.exec(first);
    if (d && / null\b/.test(d[1]) && / not null\b/.test(d[2]) && !/ not null\b/.test(d[1])) return 'schema differs: a column lost NOT NULL';
    if (d && / default /.test(d[2]) && !/ default /.test(d[1])) return 'schema differs: a column lost its DEFAULT';
    if (/is missing after the plan/.test(first)) return `schema differs: ${/^(\w+)/.exec(first)?.[1] ?? 'object'} missing after the plan`;
    if (/still exists after the plan/.test(first)) return `schema differs: ${/^(\w+)/.exec(first)?.[1] ?? 'object'} left over after the plan`;
    return `schema differs: ${first.replace(/"[^"]*"|[\w.]+\.[\w.]+/g, '…').slice(0, 60)}`;
  }
  if (/rewrote/.test(reason)) return 'unclaimed rewrite';
  if (/took \w+Lock/.test(reason)) return 'stronger lock than claimed';
  const m = /failed: (.*?) \(SQLSTATE (\w+)\)/.exec(reason) ?? /^(.*?) \(SQLSTATE (\w+)\)/.exec(reason);
  if (m) return `${m[2]} ${m[1].replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 70)}`;
  if (/does not parse/.test(reason)) return 'step does not parse';
  return reason.slice(0, 80);
}
function notRunClass(reason) {
  if (/base history fails/.test(reason)) return 'the base history fails on the engine';
  if (/itself fails on the engine even without rows/.test(reason)) return 'the migration itself fails on the engine';
  if (/itself fails on the engine with the seeded rows/.test(reason)) return 'the migration itself fails on the seeded rows';
  if (/limit of this run/.test(reason)) return 'verification limit reached';
  return reason.replace(/"[^"]*"/g, '"…"').slice(0, 80);
}

function tally() {
  return { verified: 0, failed: 0, notRun: 0, failures: new Map(), notRuns: new Map() };
}
function record(t, status, reason, where) {
  if (status === 'verified') { t.verified++; return; }
  const [map, c] = status === 'failed' ? [t.failures, failureClass(reason)] : [t.notRuns, notRunClass(reason)];
  if (status === 'failed') t.failed++; else t.notRun++;
  const e = map.get(c) ?? { n: 0, where, reason };
  e.n++;
  map.set(c, e);
}

const plans = tally();
const rollbacks = tally();
const suggestions = tally();
const config = mg.resolveConfig({});
const opts = { engine, databaseUrl, seedRows: 20, cacheDir: null };
const t0 = Date.now();
for (const repo of repos) {
  const result = await mg.runCheck({ files: mg.fsRepoFiles(join(CORPUS, repo)), config, scope: { kind: 'all' } });
  const byDir = new Map();
  for (const a of result.migrations) byDir.set(a.migration.dir, [...(byDir.get(a.migration.dir) ?? []), a]);
  let n = 0;
  let ns = 0;
  const row = { p: [0, 0, 0], s: [0, 0, 0] };
  for (const [, list] of byDir) {
    for (let i = 0; i < list.length && (n < max || ns < max); i++) {
      const a = list[i];
      if (a.up.errors.length > 0) continue;
      if (onlyFile && !a.migration.up.path.includes(onlyFile)) continue;
      const base = list.slice(0, i).map((b) => ({ migration: b.migration, up: b.up, down: null }));
      // As `plan` does: the columns whose type changes or that are renamed, read from the base.
      if (n < max && doPlans && mg.readColumnShapes) await mg.readColumnShapes(base, [a], opts);
      const plan = mg.buildPlan([a], { pgVersion: config.pgVersion });
      const steps = plan.phases.flatMap((p) => p.steps);
      // Plans and suggestions each count towards their own cap, so the plan numbers do not
      // depend on whether suggestions are counted too.
      const planned = n < max && doPlans && steps.some((s) => s.sql.length > 0) && (all || steps.some((s) => s.replaces));
      const suggested = ns < max && doSuggestions && a.report.findings.some((f) => mg.runnableSuggestion(f.suggestion, mg.templateOptions(a.migration.layout)));
      if (planned) n++;
      if (suggested) ns++;
      const where = `${repo}/${a.migration.up.path}`;
      if (planned) {
        const doc = mg.planDocument(plan, config.pgVersion);
        const v = await mg.verifyPlan(doc, { base, review: [{ migration: a.migration, up: a.up, down: null }] }, opts);
        record(plans, v.plan.status, v.plan.reason, where);
        row.p[['verified', 'failed', 'not-run'].indexOf(v.plan.status)]++;
        doc.phases.forEach((p, k) => {
          if (!p.rollbackSql?.length || !v.rollbacks?.[k]) return;
          const r = v.rollbacks[k];
          record(rollbacks, r.status, r.reason, `${where} (${p.name})`);
          if (verbose && r.status !== 'verified') console.error(`ROLLBACK ${r.status === 'failed' ? 'FAILED' : 'NOT RUN'} ${where} (${p.name}): ${r.reason}`);
        });
        if (verbose && v.plan.status !== 'verified') {
          console.error(`PLAN ${v.plan.status === 'failed' ? 'FAILED' : 'NOT RUN'} ${where}: ${v.plan.reason}`);
          if (showPlan && v.plan.status === 'failed') console.error(mg.renderPlanText(plan));
        }
      }
      if (suggested) {
        await mg.verifySuggestions(base, [a], { ...opts, limit: 1000, totalTimeoutMs: 600_000, fallback: () => undefined });
        for (const f of a.report.findings) {
          const v = f.suggestionVerification;
          if (!v) continue;
          record(suggestions, v.status, v.reason, `${where}:${f.line} ${f.rule}`);
          row.s[['verified', 'failed', 'not-run'].indexOf(v.status)]++;
          if (verbose && v.status !== 'verified') console.error(`SUGGESTION ${v.status === 'failed' ? 'FAILED' : 'NOT RUN'} ${where}:${f.line} ${f.rule}: ${v.reason}`);
        }
      }
    }
  }
  const cols = (r) => r.map((x) => String(x).padStart(4)).join(' ');
  console.log(`${repo.padEnd(40)} plans ${cols(row.p)}   suggestions ${cols(row.s)}   (verified failed could-not-run)`);
}

const pct = (t) => (t.verified + t.failed ? `${((100 * t.verified) / (t.verified + t.failed)).toFixed(1)}%` : '-');
console.log(`\n${full ? 'full corpus' : 'vendored sample'}, engine ${engine}, ${max === Infinity ? 'every' : `at most ${max}`} migration${max === 1 ? '' : 's'} per repository, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(`plans:       verified ${plans.verified}, failed ${plans.failed}, could not run ${plans.notRun}; verified among those that could run: ${pct(plans)}`);
console.log(`rollbacks:   verified ${rollbacks.verified}, failed ${rollbacks.failed}, could not run ${rollbacks.notRun}; verified among those that could run: ${pct(rollbacks)}`);
console.log(`suggestions: verified ${suggestions.verified}, failed ${suggestions.failed}, could not run ${suggestions.notRun}; verified among those that could run: ${pct(suggestions)}`);
const both = { verified: plans.verified + suggestions.verified, failed: plans.failed + suggestions.failed };
console.log(`together:    ${pct(both)} of ${both.verified + both.failed} that could run`);
for (const [title, map] of [
  ['plan failure classes', plans.failures], ['plans that could not run', plans.notRuns],
  ['rollback failure classes', rollbacks.failures], ['rollbacks that could not run', rollbacks.notRuns],
  ['suggestion failure classes', suggestions.failures], ['suggestions that could not run', suggestions.notRuns],
]) {
  if (map.size === 0) continue;
  console.log(`\n${title}:`);
  for (const [c, e] of [...map].sort((x, y) => y[1].n - x[1].n)) {
    console.log(`  ${String(e.n).padStart(4)}  ${c}\n        e.g. ${e.where}\n        ${e.reason.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}
