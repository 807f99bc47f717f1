import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  esm_default
} from "./chunk-GW7LTBFS.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";

// src/estimate/calibrate-server.ts
import { randomBytes } from "node:crypto";

// src/estimate/calibrate.ts
var T = "mg_calibrate";
function fill(rows) {
  return `insert into ${T} (a, b, c, e) select ((g::int8 * 7919) % 1000003)::int, md5(g::text), timestamp '2020-01-01' + g * interval '1 second', g % 1000 from generate_series(1, ${rows}) g`;
}
var STEPS = [
  // A full scan that evaluates a check on every row: VALIDATE CONSTRAINT, ADD CHECK, ATTACH PARTITION.
  { kind: "scan", sql: [`alter table ${T} validate constraint ${T}_b_check`] },
  // A full scan that only looks for NULLs.
  { kind: "notnull", sql: [`alter table ${T} alter column c set not null`], undo: [`alter table ${T} alter column c drop not null`] },
  { kind: "index", sql: [`create index ${T}_a_idx on ${T} (a)`], undo: [`drop index ${T}_a_idx`] },
  { kind: "index", sql: [`create index ${T}_e_idx on ${T} (e)`], undo: [`drop index ${T}_e_idx`] },
  // Rewrites the heap and rebuilds its one index (the primary key); constants.ts subtracts the index.
  { kind: "rewrite", sql: [`alter table ${T} alter column a type bigint`] },
  { kind: "update", sql: [`update ${T} set d = a`] }
];
async function timed(db, sql) {
  const t0 = performance.now();
  await db.query(sql);
  return performance.now() - t0;
}
async function calibrate(db, sizes, heapBytes) {
  const points = [];
  let bytesPerRow = 0;
  for (const rows of sizes) {
    await db.query(`drop table if exists ${T}`);
    await db.query(`create table ${T} (id bigint generated always as identity primary key, a int, b text, c timestamp, d int, e int)`);
    try {
      await db.query(fill(rows));
      await db.query(`alter table ${T} add constraint ${T}_b_check check (char_length(b) <= 100) not valid`);
      await db.query(`vacuum analyze ${T}`);
      bytesPerRow = await heapBytes(T) / rows;
      for (const step of STEPS) {
        let ms = 0;
        for (const s of step.sql) ms += await timed(db, s);
        points.push({ kind: step.kind, rows, ms });
        for (const s of step.undo ?? []) await db.query(s);
      }
    } finally {
      await db.query(`drop table if exists ${T}`);
    }
  }
  return { rates: fitRates(points), heapBytesPerRow: bytesPerRow, points, sizes };
}
function fitRates(points) {
  const out = {};
  for (const kind of ["scan", "notnull", "index", "rewrite", "update"]) {
    const ps = points.filter((p) => p.kind === kind);
    if (ps.length === 0) continue;
    out[kind] = slope(ps.map((p) => p.rows), ps.map((p) => p.ms));
  }
  if (out.rewrite !== void 0 && out.index !== void 0) out.rewrite = Math.max(out.rewrite - out.index, out.rewrite * 0.25);
  return out;
}
function slope(xs, ys) {
  if (xs.length === 1) return Math.max(ys[0] / xs[0], 0);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  const s = den === 0 ? my / mx : num / den;
  return s > 0 ? s : my / mx;
}

// src/estimate/calibrate-server.ts
var DRY_RUN_SIZES = [25e3, 1e5];
function clientConfig(url, database) {
  const u = new URL(url);
  return {
    host: u.searchParams.get("host") ?? (decodeURIComponent(u.hostname) || void 0),
    port: u.port ? Number(u.port) : void 0,
    database: database ?? (decodeURIComponent(u.pathname.slice(1)) || "postgres"),
    user: decodeURIComponent(u.username) || void 0,
    password: u.password ? decodeURIComponent(u.password) : void 0,
    ssl: u.searchParams.get("sslmode") && u.searchParams.get("sslmode") !== "disable" ? { rejectUnauthorized: false } : void 0,
    connectionTimeoutMillis: 1e4
  };
}
async function open(config) {
  const c = new esm_default.Client(config);
  c.on("error", () => void 0);
  await c.connect();
  return c;
}
async function calibrateOnServer(url, sizes = DRY_RUN_SIZES) {
  const name = `migration_guard_calibrate_${randomBytes(6).toString("hex")}`;
  let admin;
  try {
    admin = await open(clientConfig(url));
  } catch (e) {
    return { ok: false, reason: `cannot connect: ${e.message}` };
  }
  try {
    await admin.query(`create database ${name}`);
  } catch (e) {
    await admin.end().catch(() => {
    });
    return { ok: false, reason: `cannot create a scratch database: ${e.message}` };
  }
  try {
    const c = await open(clientConfig(url, name));
    try {
      await c.query("set statement_timeout = 120000");
      const version = (await c.query(`select current_setting('server_version') as v`)).rows[0].v.split(" ")[0];
      const cal = await calibrate(c, sizes, async (t) => Number((await c.query(`select pg_relation_size('${t}')::text as b`)).rows[0].b));
      return {
        ok: true,
        calibration: { rates: cal.rates, heapBytesPerRow: cal.heapBytesPerRow, source: `rates measured by this dry-run on PostgreSQL ${version}`, sizes }
      };
    } finally {
      await c.end().catch(() => {
      });
    }
  } catch (e) {
    return { ok: false, reason: `calibration failed: ${e.message}` };
  } finally {
    await admin.query(`drop database if exists ${name}`).catch(() => {
    });
    await admin.end().catch(() => {
    });
  }
}
export {
  calibrateOnServer
};
