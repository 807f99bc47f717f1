#!/usr/bin/env node
// bench/peers: how migration-guard does on the cases written from the public rule docs of
// squawk, eugene, strong_migrations and pgfence (bench/peers/cases). Prints, per peer and per
// hazard class: recall on real hazards, recall on style rules (reported apart), and the share
// of "this is fine" cases it gets right; then every miss. Run after `npm run build`:
// `node bench/peers.mjs [peer...]`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, loadCases, runCases, summarize } from './peers/run.mjs';

if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
const only = process.argv.slice(2);
const cases = loadCases().filter((c) => only.length === 0 || only.includes(c.peer));
const verdicts = runCases(cases);
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
    console.log(`- ${v.case.id} ${v.case.peerRule} (${v.case.expect}, want ${v.case.expect === 'hazard' ? '>=' : '<='} ${v.case.risk}${v.case.rule ? ` via ${v.case.rule}` : ''}): got ${v.risk} [${v.rules.join(', ')}]${v.errors.length ? ` errors: ${v.errors.join('; ')}` : ''}`);
  }
}
