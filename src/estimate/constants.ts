// The cost rates used when no dry-run measured its own: fitted by src/estimate/calibrate.ts
// (run it with `node bench/calibrate.mjs 200000 1000000`) on the machines named below. They
// are per row of a ~93-byte-wide table (bigint key, two ints, md5 text, timestamp) with one
// btree index (the primary key); the model turns them into per-byte rates for heap work and keeps
// them per row for index sorts. See docs/estimates.md for the measurements, their spread from
// run to run, and the PGlite figures (measured too, not used: PGlite rewrites 20-30x slower
// than a real server, so its rates would overstate production).
import type { CostCalibration } from '../core/table-stats.js';

/**
 * PostgreSQL 15.20 (Debian, 2-core shared VM, shared_buffers 128MB, maintenance_work_mem 64MB,
 * max_parallel_maintenance_workers 2), 200k and 1M rows, 2026-12-01.
 */
export const LOCAL_POSTGRES: CostCalibration = {
  rates: { scan: 0.00057, notnull: 0.0003, index: 0.00285, rewrite: 0.00189, update: 0.019 },
  heapBytesPerRow: 93.1,
  source: 'documented rates measured on PostgreSQL 15 (2 cores)',
  sizes: [200_000, 1_000_000],
};

