// Measures the cost-model constants (src/estimate/constants.ts): runs src/estimate/calibrate.ts
// on the local PostgreSQL server (127.0.0.1:5432, user postgres) and on PGlite, at the sizes
// given (default 100k and 400k rows), and prints the fitted ms per row and heap bytes per row.
// Run: node bench/calibrate.mjs [rows...]   (a scratch database is created and dropped)
// SKIP_POSTGRES=1 or SKIP_PGLITE=1 measures only the other one.
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { bundleSrc } from './bundle.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules', '.cache', 'mg-bench', 'calibrate-bench.mjs');
const { calibrate } = await import(await bundleSrc(out, `export { calibrate } from './src/estimate/calibrate.js';`));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(100_000, 400_000);

function show(name, cal) {
  console.log(`\n${name}: sizes ${cal.sizes.join(', ')}; heap bytes/row ${cal.heapBytesPerRow.toFixed(1)}`);
  for (const p of cal.points) console.log(`  ${p.kind.padEnd(8)} ${String(p.rows).padStart(9)} rows  ${p.ms.toFixed(0).padStart(7)} ms`);
  for (const [k, v] of Object.entries(cal.rates)) console.log(`  rate ${k.padEnd(8)} ${(v * 1e6).toFixed(0)} ns/row`);
}

if (!process.env.SKIP_POSTGRES) {
const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
await admin.connect();
const dbName = `mg_calibrate_${process.pid}`;
await admin.query(`create database ${dbName}`);
try {
  const c = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: dbName });
  await c.connect();
  try {
    const v = (await c.query('show server_version')).rows[0].server_version;
    const cal = await calibrate(c, sizes, async (t) => Number((await c.query(`select pg_relation_size('${t}') as b`)).rows[0].b));
    show(`PostgreSQL ${v} (local server)`, cal);
  } finally {
    await c.end();
  }
} finally {
  await admin.query(`drop database if exists ${dbName}`);
  await admin.end();
}
}

if (!process.env.SKIP_PGLITE) {
  const lite = new PGlite();
  try {
    const v = (await lite.query('show server_version')).rows[0].server_version;
    const cal = await calibrate(lite, sizes, async (t) => Number((await lite.query(`select pg_relation_size('${t}') as b`)).rows[0].b));
    show(`PGlite ${v}`, cal);
  } finally {
    await lite.close();
  }
}
