// Table sizes as a production (or replica, or staging) database reports them, and the cost
// rates an estimate scales them with. Read by `migration-guard stats` (src/stats), written to
// the --table-stats file / `tableStats` config key, and read by the analyzer and the estimator.

export interface IndexStats {
  name: string;
  bytes: number;
  /** pg_get_indexdef: `CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)`. */
  definition?: string;
}

/** Write activity since the statistics were last reset (pg_stat_user_tables). */
export interface TableActivity {
  inserts: number;
  updates: number;
  deletes: number;
  liveRows?: number;
  deadRows?: number;
  seqScans?: number;
  indexScans?: number;
  /** ISO 8601 of pg_stat_get_... reset time, when the server gave one. */
  since?: string;
}

export interface TableStats {
  /** Estimated live rows (pg_class.reltuples); hand-written files often give only this. */
  rows?: number;
  /** Heap bytes (pg_relation_size, main fork). */
  bytes?: number;
  /** All indexes together (pg_indexes_size). */
  indexBytes?: number;
  /** The TOAST table and its index. */
  toastBytes?: number;
  /** Heap + indexes + TOAST (pg_total_relation_size). */
  totalBytes?: number;
  indexes?: IndexStats[];
  activity?: TableActivity;
}

/** The server the stats were read from, and the settings that change what DDL costs. */
export interface ServerStats {
  /** `server_version`, e.g. `16.4`. */
  version: string;
  /** `server_version_num`, e.g. 160004. */
  versionNum: number;
  /** maintenance_work_mem in bytes: an index sort that fits runs in memory. */
  maintenanceWorkMemBytes?: number;
  /** Parallel workers an index build may use. */
  maxParallelMaintenanceWorkers?: number;
}

export interface StatsFile {
  /** Format version of the extended file; a file without it is the first, `{ table: { rows, bytes } }`. */
  version: 2;
  generatedAt?: string;
  /** Where it was read, without credentials: `db.example.com:5432/app`. */
  source?: string;
  server?: ServerStats;
  tables: Record<string, TableStats>;
}

/**
 * What a cost rate measures, per row of the operation's table: a scan that evaluates a CHECK
 * expression on every row, a scan that only tests for NULLs (SET NOT NULL), a heap rewrite,
 * an index sort, an UPDATE of every row.
 */
export const COST_KINDS = ['scan', 'notnull', 'rewrite', 'index', 'update'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** Milliseconds per row of each kind of work, as measured on one server. */
export type CostRates = Record<CostKind, number>;

/** Where a set of rates came from, said in every estimate's basis. */
export interface CostCalibration {
  rates: CostRates;
  /** Heap bytes per row of the table the rates were measured on. */
  heapBytesPerRow: number;
  /** `PostgreSQL 15 (local, documented constants)`, `this dry-run's PGlite 18 at 20k and 80k rows`. */
  source: string;
  /** The seeded table sizes the rates were fitted on. */
  sizes: number[];
}
