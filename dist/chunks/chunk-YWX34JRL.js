import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/stats/read.ts
var StatsReadError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "StatsReadError";
  }
};
var TABLES_SQL = `
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
var INDEXES_SQL = `
select x.indrelid::text as table_oid, i.relname as name, pg_relation_size(i.oid)::text as bytes, pg_get_indexdef(i.oid) as definition
  from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
  join pg_namespace n on n.oid = c.relnamespace
 where n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
   and ($1::text[] is null or n.nspname = any($1::text[]))
 order by 1, 2`;
async function readStats(client, opts = {}) {
  const timeout = Math.max(1, Math.floor(opts.statementTimeoutMs ?? 1e4));
  const schemas = opts.schemas && opts.schemas.length ? opts.schemas : null;
  await client.query("begin transaction isolation level repeatable read read only");
  try {
    await client.query(`set local statement_timeout = ${timeout}`);
    await client.query(`set local lock_timeout = ${Math.min(timeout, 2e3)}`);
    const server = await readServer(client);
    const tables = (await client.query(TABLES_SQL, [schemas])).rows;
    const indexes = (await client.query(INDEXES_SQL, [schemas])).rows;
    const stamp = (await client.query(`select coalesce(
        (select stats_reset::text from pg_stat_database where datname = current_database()), null) as reset`)).rows[0]?.reset ?? void 0;
    const byTable = /* @__PURE__ */ new Map();
    for (const i of indexes) {
      const list = byTable.get(i.table_oid) ?? [];
      list.push({ name: i.name, bytes: Number(i.bytes), definition: i.definition });
      byTable.set(i.table_oid, list);
    }
    const out = {};
    for (const t of tables) out[t.name] = tableStats(t, byTable.get(t.oid) ?? [], stamp);
    return {
      version: 2,
      generatedAt: (opts.now ?? (() => /* @__PURE__ */ new Date()))().toISOString(),
      source: describeConnection(client),
      server,
      tables: out
    };
  } finally {
    await client.query("rollback").catch(() => {
    });
  }
}
function tableStats(t, indexes, since) {
  const n = (v) => v === null ? void 0 : Number(v);
  const activity = t.n_tup_ins !== null ? {
    inserts: Number(t.n_tup_ins),
    updates: Number(t.n_tup_upd ?? 0),
    deletes: Number(t.n_tup_del ?? 0),
    ...t.n_live_tup !== null ? { liveRows: Number(t.n_live_tup) } : {},
    ...t.n_dead_tup !== null ? { deadRows: Number(t.n_dead_tup) } : {},
    ...t.seq_scan !== null ? { seqScans: Number(t.seq_scan) } : {},
    ...t.idx_scan !== null ? { indexScans: Number(t.idx_scan) } : {},
    ...since ? { since } : {}
  } : void 0;
  return {
    // reltuples is -1 (or null here) for a table never vacuumed or analyzed: the size is still known.
    ...t.reltuples !== null ? { rows: Math.round(t.reltuples) } : {},
    bytes: n(t.heap) ?? 0,
    indexBytes: n(t.indexes) ?? 0,
    toastBytes: n(t.toast) ?? 0,
    totalBytes: n(t.total) ?? 0,
    indexes,
    ...activity ? { activity } : {}
  };
}
async function readServer(client) {
  const r = (await client.query(`
      select current_setting('server_version') as version, current_setting('server_version_num') as num,
             pg_size_bytes(current_setting('maintenance_work_mem'))::text as mwm,
             current_setting('max_parallel_maintenance_workers', true) as workers`)).rows[0];
  return {
    version: r.version.split(" ")[0],
    versionNum: Number(r.num),
    ...r.mwm !== null ? { maintenanceWorkMemBytes: Number(r.mwm) } : {},
    ...r.workers !== null && r.workers !== "" ? { maxParallelMaintenanceWorkers: Number(r.workers) } : {}
  };
}
function describeConnection(client) {
  const c = client;
  return `${c.host ?? "localhost"}:${c.port ?? 5432}/${c.database ?? ""}`;
}
async function readStatsFromUrl(url, opts = {}) {
  const { default: driver } = await import("./esm-FIRMRFPF.js");
  let client;
  try {
    client = new driver.Client({ connectionString: url, connectionTimeoutMillis: 15e3, application_name: "migration-guard stats" });
  } catch (e) {
    throw new StatsReadError(`bad --database-url: ${e.message}`);
  }
  try {
    await client.connect();
  } catch (e) {
    throw new StatsReadError(`cannot connect to ${redact(url)}: ${e.message}`);
  }
  try {
    return await readStats(client, opts);
  } catch (e) {
    if (e instanceof StatsReadError) throw e;
    throw new StatsReadError(`reading table stats from ${redact(url)} failed: ${e.message}`);
  } finally {
    await client.end().catch(() => {
    });
  }
}
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

export {
  StatsReadError,
  readStatsFromUrl
};
