#!/usr/bin/env node
// bench/peers: how migration-guard does on the cases written from the public rule docs of
// squawk, eugene, strong_migrations, pgfence, diesel-guard and atlas (bench/peers/cases). Prints, per peer and per
// hazard class: recall on real hazards, recall on style rules (reported apart), and the share
// of "this is fine" cases it gets right; then every miss. Run after `npm run build`:
// `node bench/peers.mjs [peer...] [--live-squawk]`. With --live-squawk, the squawk cases are
// also run through squawk itself (the squawk-cli dev dependency) and every case where squawk's
// verdict differs from the case's is listed with the case's note: squawk's own false alarms
// that migration-guard deliberately does not repeat, or a case that needs a second look.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, loadCases, runCases, summarize } from './peers/run.mjs';

if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
const live = process.argv.includes('--live-squawk');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const cases = loadCases().filter((c) => only.length === 0 || only.includes(c.peer));
const verdicts = await runCases(cases);
const pct = (a, b) => (b === 0 ? '    -' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const rows = [...summarize(verdicts)].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
console.log(`${'group'.padEnd(32)} ${'hazards'.padStart(8)} ${'recall'.padStart(7)} ${'style'.padStart(6)} ${'recall'.padStart(7)} ${'good'.padStart(5)} ${'right'.padStart(7)}`);
for (const [key, r] of rows) {
  console.log(`${key.padEnd(32)} ${String(r.hazards).padStart(8)} ${pct(r.caught, r.hazards)} ${String(r.style).padStart(6)} ${pct(r.styleCaught, r.style)} ${String(r.good).padStart(5)} ${pct(r.right, r.good)}`);
}
const misses = verdicts.filter((v) => !v.ok);
if (misses.length) {
  console.log(`\n${misses.length} case(s) off:`);
  for (const v of misses) {
    console.log(`- ${v.case.id} ${v.case.peerRule} (${v.case.expect}, want ${v.case.expect === 'hazard' ? '>=' : '<='} ${v.case.risk}${v.case.rule ? ` via ${v.case.rule}` : ''}): got ${v.risk} [${v.rules.join(', ')}]${v.errors.length ? ` errors: ${v.errors.join('; ')}` : ''}${v.locks.length ? ` locks: ${v.locks.join('; ')}` : ''}`);
  }
}

if (live) {
  const squawk = path.join(ROOT, 'node_modules', '.bin', 'squawk');
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-peers-squawk-'));
  try {
    console.log('\nsquawk (live) disagrees with these squawk cases:');
    for (const c of cases.filter((x) => x.peer === 'squawk')) {
      const file = path.join(dir, 'case.sql');
      writeFileSync(file, `${c.sql}\n`);
      const args = ['--reporter', 'gcc', `--pg-version=${c.pgVersion}.0`, ...(c.transaction === 'wrapped' ? ['--assume-in-transaction'] : []), file];
      const r = spawnSync(squawk, args, { encoding: 'utf8' });
      const fired = new Set([...`${r.stdout}${r.stderr}`.matchAll(/(?:warning|error): ([a-z-]+)/g)].map((m) => m[1]));
      if ((c.expect === 'hazard') !== fired.has(c.peerRule)) {
        console.log(`- ${c.id} ${c.peerRule}: case says ${c.expect}, squawk ${fired.has(c.peerRule) ? 'flags it' : 'does not'}${c.note ? ` (${c.note})` : ''}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
