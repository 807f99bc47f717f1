#!/usr/bin/env node
// bench/replay: replays a repository's recent migration commits as pull requests. Each of the
// last N non-merge commits that touched a .sql file is checked out and reviewed with
// `migration-guard check --base <parent>` (dist/cli.js, a whole process, as the Action does),
// and the report is held against what the commit changed. Printed per repository:
//
//   PRs         commits replayed
//   verdicts    SAFE / CAUTION / DANGEROUS / no-migration counts
//   foreign     findings or errors on a file the commit did not change (should be 0)
//   parse       parse errors on a file Postgres' own parser accepts as a whole (should be 0)
//   crashes     exit code other than 0/1, unreadable JSON, or the time limit (should be 0)
//   s/PR        mean wall time per PR
//
// Run `npm run build` first. Usage: node bench/replay.mjs <git repo or dir>... [--last N] [--verbose]
// [--save DIR] (each PR's report, with the commit and the files it changed, as DIR/<repo>/<first 10 characters of the sha>.json)
// [--config FILE] (a .migration-guard.yml to review every commit with, as a project that set one up
// would: pop's `{{ index .Options "Namespace" }}` has no value the review knows until `placeholders:` gives it one)
// The repository is cloned into a temp folder and never modified.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModule, parseSync } from 'libpg-query';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const last = Number(flag('--last') ?? 20);
const timeoutMs = Number(flag('--timeout') ?? 300_000);
const save = flag('--save');
const config = flag('--config');
const verbose = args.includes('--verbose');
const repos = args.filter((a) => a !== '--verbose');
// `--help` was taken for a repository to clone (git clone --help failed with its own usage).
if (repos.length === 0 || repos.some((a) => a === '--help' || a === '-h')) {
  console.error('usage: node bench/replay.mjs <git repo>... [--last N] [--timeout ms] [--save dir] [--config file] [--verbose]');
  process.exit(2);
}
await loadModule();

const git = (cwd, ...a) => execFileSync('git', a, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });

/** Whether Postgres' parser accepts the file as written (comments, annotations and all). */
function postgresParses(file) {
  try {
    parseSync(readFileSync(file, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

function replay(source) {
  const work = mkdtempSync(path.join(tmpdir(), 'mg-replay-'));
  // A mirror `owner+name/repo` is named by its owner folder.
  const base = path.basename(path.resolve(source)).replace(/\.git$/, '');
  const out = { repo: base === 'repo' ? path.basename(path.dirname(path.resolve(source))) : base, prs: 0, verdicts: {}, foreign: 0, parse: 0, crashes: 0, seconds: 0, notes: 0, skipped: 0, details: [] };
  try {
    git(tmpdir(), 'clone', '--quiet', '--no-checkout', source, work);
    // Only what migration discovery reads is written out (a sparse checkout, as monorepos use):
    // faster, and a mirror that lacks some large unrelated blobs can still be replayed.
    git(work, 'sparse-checkout', 'set', '--no-cone', '*.sql', '*.SQL', '*.plan', '*.toml', '*.yaml', '*.yml', '*.json', '*.conf');
    const log = git(work, 'log', '--no-merges', '--format=%H %P', `-n${last}`, 'HEAD', '--', '*.sql', '*.SQL').trim();
    for (const line of log ? log.split('\n') : []) {
      const [sha, parent, ...more] = line.split(' ');
      if (!parent || more.length) continue;
      try {
        git(work, 'checkout', '--quiet', '--detach', '--force', sha);
        git(work, 'clean', '-fdqx');
      } catch (e) {
        out.skipped++;
        out.details.push(`${sha.slice(0, 10)} skipped: cannot check out (${String(e.stderr ?? e.message).trim().split('\n')[0]})`);
        continue;
      }
      const changed = new Set();
      // Rename detection reads blobs a partial mirror may lack: without it, a rename is a delete and an add.
      let diff;
      try {
        diff = git(work, 'diff', '--name-status', '-M', parent, sha);
      } catch {
        diff = git(work, 'diff', '--name-status', '--no-renames', parent, sha);
      }
      for (const l of diff.split('\n')) {
        const parts = l.split('\t');
        for (const p of parts.slice(1)) if (p) changed.add(p);
      }
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, 'check', work, '--base', parent, '--format', 'json', '--no-progress', '--no-color', ...(config ? ['--config', path.resolve(config)] : [])], {
        encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs,
      });
      out.seconds += Number(process.hrtime.bigint() - started) / 1e9;
      out.prs++;
      let report;
      try {
        if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        try {
          report = JSON.parse(r.stdout);
        } catch (e) {
          throw new Error(`${e.message} (exit ${r.status}, ${r.stdout.length} bytes; stderr: ${r.stderr.trim().split('\n').slice(-3).join(' | ')})`);
        }
      } catch (e) {
        out.crashes++;
        out.details.push(`${sha.slice(0, 10)} crash: ${e.message}`);
        continue;
      }
      if (save) {
        mkdirSync(path.join(save, out.repo), { recursive: true });
        writeFileSync(path.join(save, out.repo, `${sha.slice(0, 10)}.json`), JSON.stringify({ sha, parent, changed: [...changed], report }, null, 1));
      }
      const verdict = report.migrations.length === 0 && report.errors.length === 0 ? 'none' : report.risk;
      out.verdicts[verdict] = (out.verdicts[verdict] ?? 0) + 1;
      out.notes += report.notes?.length ?? 0;
      if (verdict !== 'none' && verdict !== 'SAFE') {
        const why = report.migrations.flatMap((m) => m.findings.filter((f) => f.risk === verdict).map((f) => `${f.rule}@${path.basename(f.path ?? m.path)}:${f.line}`));
        const errs = report.errors.map((e) => `${e.rule ?? 'parse-error'}@${path.basename(e.path)}`);
        out.details.push(`${sha.slice(0, 10)} ${verdict}: ${[...why, ...errs].join(', ')}`);
      }
      const places = [
        ...report.migrations.flatMap((m) => m.findings.map((f) => ({ path: f.path ?? m.path, what: f.rule, message: f.message }))),
        ...report.errors.map((e) => ({ path: e.path, what: e.rule ?? 'parse error', message: e.message, parse: !e.rule })),
      ];
      for (const p of places) {
        if (!changed.has(p.path) && existsSync(path.join(work, p.path))) {
          out.foreign++;
          out.details.push(`${sha.slice(0, 10)} foreign ${p.what} ${p.path}: ${p.message.slice(0, 160)}`);
        }
        if (p.parse && existsSync(path.join(work, p.path)) && postgresParses(path.join(work, p.path))) {
          out.parse++;
          out.details.push(`${sha.slice(0, 10)} parse error on a file Postgres parses: ${p.path}: ${p.message.slice(0, 160)}`);
        }
      }
      // Migrations reviewed although the commit did not touch them (or their rollback).
      for (const m of report.migrations) {
        if (!changed.has(m.path) && !(m.rollback.path && changed.has(m.rollback.path)) && m.change !== 'deleted') {
          out.foreign++;
          out.details.push(`${sha.slice(0, 10)} reviewed an unchanged migration ${m.path}`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

const rows = repos.map(replay);
const header = ['repository', 'PRs', 'verdicts', 'foreign', 'parse', 'crashes', 'notes', 's/PR'];
const table = rows.map((o) => [
  o.repo, `${o.prs}${o.skipped ? ` (+${o.skipped} skipped)` : ''}`,
  ['DANGEROUS', 'CAUTION', 'SAFE', 'none'].filter((v) => o.verdicts[v]).map((v) => `${o.verdicts[v]} ${v}`).join(', ') || '-',
  String(o.foreign), String(o.parse), String(o.crashes), String(o.notes), o.prs ? (o.seconds / o.prs).toFixed(2) : '-',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const fmt = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(fmt(header));
for (const r of table) console.log(fmt(r));
if (verbose) for (const o of rows) for (const d of o.details) console.log(`${o.repo}: ${d}`);
