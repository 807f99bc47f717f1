// Reads table sizes from a live database without reading a single row: only the catalog
// (pg_class, pg_index), the size functions and pg_stat_user_tables, none of which need SELECT
// on the tables. Everything runs in one READ ONLY transaction with short statement and lock
// timeouts, so pointing it at production cannot write anything or hold anyone up.
// The driver loads only when a URL is read: the Action and the CLI import this module for every run.
import type pg from 'pg';
import type { IndexStats, ServerStats, StatsFile, TableStats } from '../core/table-stats.js';

export interface ReadStatsOptions {
  /** Per-query limit; the catalog queries take milliseconds on healthy servers. */
  statementTimeoutMs?: number;
  /** Only these schemas (default: every schema but the system ones). */
  schemas?: string[];
  /** Clock for `generatedAt` (tests pin it). */
  now?: () => Date;
}

export class StatsReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatsReadError';
  }
}

interface TableRow {
  oid: string;
  name: string;
  relkind: string;
  reltuples: number | null;
  heap: string;
  indexes: string;
  toast: string;
  total: string;
  n_tup_ins: string | null;
  n_tup_upd: string | null;
  n_tup_del: string | null;
  n_live_tup: string | null;
  n_dead_tup: string | null;
  seq_scan: string | null;
  idx_scan: string | null;
}

interface IndexRow {
  table_oid: string;
  name: string;
  bytes: string;
  definition: string;
}

// Leaf partitions are summed into their partitioned parent (whose own size is zero), so an
// index build or rewrite on the parent is priced for all of its data.
const TABLES_SQL = `
with recursive rels as (
  select c.oid, c.relkind, n.nspname, c.relname, c.reltuples::float8 as reltuples, c.reltoastrelid
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind in ('r', 'p', 'm')
     and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
     and ($1::text[] is null or n.nspname = any($1::text[]))
), tree(root, rel) as (
  select oid, oid from rels
  union all
  select t.root, i.inhrelid from tree t join pg_inherits i on i.inhparent = t.rel
), sizes as (
  select t.root,
         sum(greatest(c.reltuples::float8, 0)) filter (where c.relkind <> 'p') as rows,
         bool_or(c.reltuples::float8 >= 0 and c.relkind <> 'p') as analyzed,
         sum(pg_relation_size(c.oid)) as heap,
         sum(pg_indexes_size(c.oid)) as indexes,
         sum(case when c.reltoastrelid <> 0 then pg_total_relation_size(c.reltoastrelid) else 0 end) as toast,
         sum(pg_total_relation_size(c.oid)) as total
    from tree t join pg_class c on c.oid = t.rel
   group by t.root
)
select r.oid::text as oid, r.nspname || '.' || r.relname as name, r.relkind::text as relkind,
       case when s.analyzed then s.rows end as reltuples,
       s.heap::text as heap, s.indexes::text as indexes, s.toast::text as toast, s.total::text as total,
       st.n_tup_ins::text as n_tup_ins, st.n_tup_upd::text as n_tup_upd, st.n_tup_del::text as n_tup_del,
       st.n_live_tup::text as n_live_tup, st.n_dead_tup::text as n_dead_tup, st.seq_scan::text as seq_scan, st.idx_scan::text as idx_scan
  from rels r join sizes s on s.root = r.oid
  left join pg_stat_user_tables st on st.relid = r.oid
 order by 2`;

const INDEXES_SQL = `
select x.indrelid::text as table_oid, i.relname as name, pg_relation_size(i.oid)::text as bytes, pg_get_indexdef(i.oid) as definition
  from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
  join pg_namespace n on n.oid = c.relnamespace
 where n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
   and ($1::text[] is null or n.nspname = any($1::text[]))
 order by 1, 2`;

/** Reads the stats of every table through an open client (the caller connects and closes it). */
export async function readStats(client: pg.Client, opts: ReadStatsOptions = {}): Promise<StatsFile> {
  const timeout = Math.max(1, Math.floor(opts.statementTimeoutMs ?? 10_000));
  const schemas = opts.schemas && opts.schemas.length ? opts.schemas : null;
  await client.query('begin transaction isolation level repeatable read read only');
  try {
    await client.query(`set local statement_timeout = ${timeout}`);
    // Catalog reads take no lock a DDL statement could queue behind; this is a second guard.
    await client.query(`set local lock_timeout = ${Math.min(timeout, 2000)}`);
    const server = await readServer(client);
    const tables = (await client.query<TableRow>(TABLES_SQL, [schemas])).rows;
    const indexes = (await client.query<IndexRow>(INDEXES_SQL, [schemas])).rows;
    const stamp = (await client.query<{ reset: string | null }>(`select coalesce(
        (select stats_reset::text from pg_stat_database where datname = current_database()), null) as reset`)).rows[0]?.reset ?? undefined;
    const byTable = new Map<string, IndexStats[]>();
    for (const i of indexes) {
      const list = byTable.get(i.table_oid) ?? [];
      list.push({ name: i.name, bytes: Number(i.bytes), definition: i.definition });
      byTable.set(i.table_oid, list);
    }
    const out: Record<string, TableStats> = {};
    for (const t of tables) out[t.name] = tableStats(t, byTable.get(t.oid) ?? [], stamp);
    return {
      version: 2,
      generatedAt: (opts.now ?? (() => new Date()))().toISOString(),
      source: describeConnection(client),
      server,
      tables: out,
    };
  } finally {
    await client.query('rollback').catch(() => {});
  }
}

function tableStats(t: TableRow, indexes: IndexStats[], since: string | undefined): TableStats {
  const n = (v: string | null) => (v === null ? undefined : Number(v));
  const activity =
    t.n_tup_ins !== null
      ? {
          inserts: Number(t.n_tup_ins),
          updates: Number(t.n_tup_upd ?? 0),
          deletes: Number(t.n_tup_del ?? 0),
          ...(t.n_live_tup !== null ? { liveRows: Number(t.n_live_tup) } : {}),
          ...(t.n_dead_tup !== null ? { deadRows: Number(t.n_dead_tup) } : {}),
          ...(t.seq_scan !== null ? { seqScans: Number(t.seq_scan) } : {}),
          ...(t.idx_scan !== null ? { indexScans: Number(t.idx_scan) } : {}),
          ...(since ? { since } : {}),
        }
      : undefined;
  return {
    // reltuples is -1 (or null here) for a table never vacuumed or analyzed: the size is still known.
    ...(t.reltuples !== null ? { rows: Math.round(t.reltuples) } : {}),
    bytes: n(t.heap) ?? 0,
    indexBytes: n(t.indexes) ?? 0,
    toastBytes: n(t.toast) ?? 0,
    totalBytes: n(t.total) ?? 0,
    indexes,
    ...(activity ? { activity } : {}),
  };
}

async function readServer(client: pg.Client): Promise<ServerStats> {
  const r = (
    await client.query<{ version: string; num: string; mwm: string | null; workers: string | null }>(`
      select current_setting('server_version') as version, current_setting('server_version_num') as num,
             pg_size_bytes(current_setting('maintenance_work_mem'))::text as mwm,
             current_setting('max_parallel_maintenance_workers', true) as workers`)
  ).rows[0]!;
  return {
    version: r.version.split(' ')[0]!,
    versionNum: Number(r.num),
    ...(r.mwm !== null ? { maintenanceWorkMemBytes: Number(r.mwm) } : {}),
    ...(r.workers !== null && r.workers !== '' ? { maxParallelMaintenanceWorkers: Number(r.workers) } : {}),
  };
}

/** `host:port/database`: never the user or password. */
function describeConnection(client: pg.Client): string {
  const c = client as unknown as { host?: string; port?: number; database?: string };
  return `${c.host ?? 'localhost'}:${c.port ?? 5432}/${c.database ?? ''}`;
}

/** Connects, reads, disconnects; connection failures become a one-line StatsReadError. */
export async function readStatsFromUrl(url: string, opts: ReadStatsOptions = {}): Promise<StatsFile> {
  const { default: driver } = await import('pg');
  let client: pg.Client;
  try {
    client = new driver.Client({ connectionString: url, connectionTimeoutMillis: 15_000, application_name: 'migration-guard stats' });
  } catch (e) {
    throw new StatsReadError(`bad --database-url: ${(e as Error).message}`);
  }
  try {
    await client.connect();
  } catch (e) {
    throw new StatsReadError(`cannot connect to ${redact(url)}: ${(e as Error).message}`);
  }
  try {
    return await readStats(client, opts);
  } catch (e) {
    if (e instanceof StatsReadError) throw e;
    throw new StatsReadError(`reading table stats from ${redact(url)} failed: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
