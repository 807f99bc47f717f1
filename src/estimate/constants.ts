// The cost rates used when no dry-run measured its own: fitted by src/estimate/calibrate.ts
// (run it with `node bench/calibrate.mjs 200000 1000000`) on the machines named below. They
// are per row of a ~85-byte-wide table (bigint key, int, md5 text, timestamp) with one btree
// index (the primary key); the model turns them into per-byte rates for heap work and keeps
// them per row for index sorts. See docs/estimates.md for the measurements and their spread.
import type { CostCalibration } from '../core/table-stats.js';

/**
 * PostgreSQL 15.20 (Debian, 2-core shared VM, shared_buffers 128MB, maintenance_work_mem 64MB,
 * max_parallel_maintenance_workers 2), 200k and 1M rows, 2026-12-01.
 */
export const LOCAL_POSTGRES: CostCalibration = {
  rates: { scan: 0.00018, index: 0.0035, rewrite: 0.0011, update: 0.0175 },
  heapBytesPerRow: 84.5,
  source: 'documented rates measured on PostgreSQL 15 (2 cores)',
  sizes: [200_000, 1_000_000],
};

/** PGlite 0.5.16 (PostgreSQL 18.6 in WebAssembly) on the same machine, 100k and 400k rows. */
export const PGLITE: CostCalibration = {
  rates: { scan: 0.00016, index: 0.0026, rewrite: 0.035, update: 0.029 },
  heapBytesPerRow: 84.5,
  source: 'documented rates measured on PGlite 0.5.16',
  sizes: [100_000, 400_000],
};
