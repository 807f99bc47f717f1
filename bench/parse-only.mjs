#!/usr/bin/env node
// bench/parse-only: the parser's share of a lint, as a floor for bench/lint.mjs: one process that
// loads libpg-query (as src/parse/wasm.ts does: baseline WebAssembly code, functions validated
// when first compiled) and runs parseSync over each file given, nothing else: no discovery, no
// analysis, no report. A lint of the same files cannot take less than this.
//
//   node bench/parse-only.mjs FILE...
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
setFlagsFromString('--wasm-tier-up-filter=2147483647');
setFlagsFromString('--wasm-lazy-validation');
const { loadModule, parseSync } = await import('libpg-query');
await loadModule();
let statements = 0;
let rejected = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') continue;
  try {
    statements += parseSync(text).stmts?.length ?? 0;
  } catch {
    rejected++;
  }
}
if (process.env.MG_BENCH_VERBOSE) console.log(`${statements} statements, ${rejected} files rejected`);
