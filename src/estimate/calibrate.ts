// Measures the cost of each costly operation kind on a server: builds a scratch table at two or
// more sizes, runs the statement, and fits a time per row (least squares over the sizes). The
// constants in constants.ts came from this code (bench/calibrate.mjs); the dry-run runs it on its
// own engine so a review is scaled from rates of the server it really ran on.
import type { CostKind, CostRates } from '../core/table-stats.js';

/** Anything that runs SQL: a pg Client, a PGlite instance, a dry-run sandbox. */
export interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

export interface CalibrationPoint {
  kind: CostKind;
  rows: number;
  ms: number;
}

export interface Calibration {
  rates: CostRates;
  /** Heap bytes per row of the scratch table (to turn a byte size into rows and back). */
  heapBytesPerRow: number;
  points: CalibrationPoint[];
  sizes: number[];
}

const T = 'mg_calibrate';

/**
 * Rows of the scratch table: a bigint key, two ints, an md5 text and a timestamp (~90 bytes a
 * row). The index build is timed on two key shapes, because what a new index's keys look like
 * is not known in advance and sorts cost very differently: `a` is near-unique and out of
 * order (a uuid-like or external id), `e` has a thousand repeated values (a status, a small
 * foreign key). The fitted rate is their mean; the estimate's range spans both.
 */
function fill(rows: number): string {
  return `insert into ${T} (a, b, c, e) select ((g::int8 * 7919) % 1000003)::int, md5(g::text), timestamp '2020-01-01' + g * interval '1 second', g % 1000 from generate_series(1, ${rows}) g`;
}

const STEPS: Array<{ kind: CostKind; sql: string[]; undo?: string[] }> = [
  // A full scan that evaluates a check on every row: VALIDATE CONSTRAINT, ADD CHECK, ATTACH PARTITION.
  { kind: 'scan', sql: [`alter table ${T} validate constraint ${T}_b_check`] },
  // A full scan that only looks for NULLs.
  { kind: 'notnull', sql: [`alter table ${T} alter column c set not null`], undo: [`alter table ${T} alter column c drop not null`] },
  { kind: 'index', sql: [`create index ${T}_a_idx on ${T} (a)`], undo: [`drop index ${T}_a_idx`] },
  { kind: 'index', sql: [`create index ${T}_e_idx on ${T} (e)`], undo: [`drop index ${T}_e_idx`] },
  // Rewrites the heap and rebuilds its one index (the primary key); constants.ts subtracts the index.
  { kind: 'rewrite', sql: [`alter table ${T} alter column a type bigint`] },
  { kind: 'update', sql: [`update ${T} set d = a`] },
];

async function timed(db: SqlRunner, sql: string): Promise<number> {
  const t0 = performance.now();
  await db.query(sql);
  return performance.now() - t0;
}

/**
 * Measures on `db` (a database the caller may write to: the table is created and dropped here).
 * Sizes should differ by a factor of 4 or more so the fixed cost separates from the per-row one.
 */
export async function calibrate(db: SqlRunner, sizes: number[], heapBytes: (table: string) => Promise<number>): Promise<Calibration> {
  const points: CalibrationPoint[] = [];
  let bytesPerRow = 0;
  for (const rows of sizes) {
    await db.query(`drop table if exists ${T}`);
    await db.query(`create table ${T} (id bigint generated always as identity primary key, a int, b text, c timestamp, d int, e int)`);
    try {
      await db.query(fill(rows));
      // A length limit on a text column: the most common CHECK in migrations (and the one the
      // rules suggest instead of shrinking a varchar). An integer comparison would be cheaper
      // than most real checks; a length check calls a function on a variable-width value.
      await db.query(`alter table ${T} add constraint ${T}_b_check check (char_length(b) <= 100) not valid`);
      await db.query(`vacuum analyze ${T}`);
      bytesPerRow = (await heapBytes(T)) / rows;
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

/** Per kind, the slope of ms over rows (least squares); the per-row rate scaled to production. */
function fitRates(points: CalibrationPoint[]): CostRates {
  const out: Partial<Record<CostKind, number>> = {};
  for (const kind of ['scan', 'notnull', 'index', 'rewrite', 'update'] as const) {
    const ps = points.filter((p) => p.kind === kind);
    if (ps.length === 0) continue;
    out[kind] = slope(ps.map((p) => p.rows), ps.map((p) => p.ms));
  }
  // The rewrite step rebuilt one index (the primary key) too: keep the heap part alone, so an
  // estimate adds its own table's indexes.
  if (out.rewrite !== undefined && out.index !== undefined) out.rewrite = Math.max(out.rewrite - out.index, out.rewrite * 0.25);
  return out as CostRates;
}

function slope(xs: number[], ys: number[]): number {
  if (xs.length === 1) return Math.max(ys[0]! / xs[0]!, 0);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  const s = den === 0 ? my / mx : num / den;
  // A noisy fit can come out negative or tiny; the mean rate is the honest fallback.
  return s > 0 ? s : my / mx;
}
