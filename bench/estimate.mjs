// Estimate vs measured: builds real tables of 1M and 5M rows on the local PostgreSQL server
// (127.0.0.1:5432, user postgres; a scratch database created and dropped), reads their sizes
// with the `stats` reader, estimates each costly statement through the whole review pipeline
// (runCheck with the stats as tableStats) and then runs it and times it. Prints one line per
// statement: estimate (range), measured, ratio. The goal (issue 17): every ratio within 0.5–2.
// Run: node bench/estimate.mjs [rows...]   (default 1000000 5000000; 5M rows takes minutes)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bundleSrc } from './bundle.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules', '.cache', 'mg-bench', 'estimate-bench.mjs');
const mg = await import(await bundleSrc(out, `export { runCheck } from './src/check/run.js';
  export { readStats } from './src/stats/read.js';
  export { fsRepoFiles } from './src/discover/fs-files.js';
  export { resolveConfig } from './src/config/defaults.js';
  export { formatRange, formatDuration } from './src/estimate/model.js';`));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(1_000_000, 5_000_000);

// Wider than the calibration table (six columns, numeric and two texts), so the per-byte
// scaling is tested, not only the per-row one.
const CASES = [
  { name: 'constraint validation', setup: 'ALTER TABLE bench_orders ADD CONSTRAINT amount_nonneg CHECK (amount >= 0) NOT VALID', sql: 'ALTER TABLE bench_orders VALIDATE CONSTRAINT amount_nonneg' },
  { name: 'SET NOT NULL scan', sql: 'ALTER TABLE bench_orders ALTER COLUMN status SET NOT NULL' },
  { name: 'rewrite (ALTER COLUMN TYPE)', sql: 'ALTER TABLE bench_orders ALTER COLUMN customer_id TYPE bigint' },
  { name: 'index build', sql: 'CREATE INDEX bench_orders_customer_idx ON bench_orders (customer_id)' },
];

const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
await admin.connect();
const dbName = `mg_estimate_bench_${process.pid}`;
await admin.query(`create database ${dbName}`);
const dir = mkdtempSync(join(tmpdir(), 'mg-estimate-bench-'));
const rows = [];
try {
  const c = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: dbName });
  await c.connect();
  try {
    for (const n of sizes) {
      await c.query('drop table if exists bench_orders');
      await c.query(`create table bench_orders (id bigint generated always as identity primary key, customer_id int, amount numeric(12,2),
        status text, note text, created_at timestamptz)`);
      const t0 = performance.now();
      await c.query(`insert into bench_orders (customer_id, amount, status, note, created_at)
        select g % 50000, (g % 10000) / 100.0, (array['new','paid','shipped'])[1 + g % 3], 'order ' || g, timestamptz '2024-01-01' + g * interval '1 second'
          from generate_series(1, ${n}) g`);
      await c.query('vacuum analyze bench_orders');
      process.stderr.write(`built ${n} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      for (const k of CASES) {
        if (k.setup) await c.query(k.setup);
        const stats = await mg.readStats(c);
        const config = mg.resolveConfig({ tableStats: stats.tables });
        writeFileSync(join(dir, 'migration.sql'), `${k.sql};\n`);
        const result = await mg.runCheck({ files: mg.fsRepoFiles(dir), config, scope: { kind: 'paths', paths: ['migration.sql'] } });
        const op = result.report.migrations[0]?.operations.find((o) => o.estimate);
        const t = performance.now();
        await c.query(k.sql);
        const measured = performance.now() - t;
        const e = op?.estimate;
        rows.push({ rows: n, name: k.name, estimate: e ? mg.formatRange(e.durationMs, e.low, e.high) : '(none)', measured: mg.formatDuration(measured), ratio: e ? e.durationMs / measured : NaN, lock: e?.lock ?? '', risk: op?.risk ?? '' });
        process.stderr.write(`  ${k.name}: estimate ${rows.at(-1).estimate}, measured ${rows.at(-1).measured}\n`);
      }
    }
    await c.query('drop table if exists bench_orders');
  } finally {
    await c.end();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await admin.query(`drop database if exists ${dbName}`);
  await admin.end();
}

const head = ['rows', 'statement', 'estimate (range)', 'measured', 'estimate/measured', 'lock', 'risk'];
const table = rows.map((r) => [r.rows.toLocaleString('en-US'), r.name, r.estimate, r.measured, r.ratio.toFixed(2), r.lock, r.risk]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((x, i) => String(x).padEnd(widths[i])).join('  ');
console.log(line(head));
for (const r of table) console.log(line(r));
const outside = rows.filter((r) => !(r.ratio >= 0.5 && r.ratio <= 2));
console.log(outside.length ? `\n${outside.length} estimate(s) outside a factor of 2` : '\nevery estimate within a factor of 2 of the measured duration');
