import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  hashKey,
  imageCache,
  resolveCacheDir
} from "./chunk-BEXAK5HS.js";
import {
  fileTransaction,
  sentAsOneQuery,
  txControl
} from "./chunk-2FJ3R25C.js";
import {
  lockRank,
  nodeTag,
  transactionBlockRefusal
} from "./chunk-UTBNT2LW.js";
import {
  LOCK_MODES
} from "./chunk-GAJUOGXM.js";
import {
  esm_default
} from "./chunk-GW7LTBFS.js";

// src/dryrun/snapshot.ts
var USER_NS = `n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp_%' and n.nspname not like 'pg_toast_temp_%'`;
var notExtensionMember = (catalog, oid) => `not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;
var QUERIES = [
  `select 'schema ' || n.nspname as key, pg_get_userbyid(n.nspowner) as def from pg_namespace n where ${USER_NS} and n.nspname <> 'public'
     and ${notExtensionMember("pg_namespace", "n.oid")}`,
  `select case c.relkind when 'r' then 'table ' when 'p' then 'table ' when 'f' then 'foreign table ' when 'v' then 'view '
            when 'm' then 'materialized view ' when 'S' then 'sequence ' when 'c' then 'type ' end || n.nspname || '.' || c.relname as key,
          case c.relkind when 'v' then pg_get_viewdef(c.oid) when 'm' then pg_get_viewdef(c.oid)
            when 'S' then (select format('%s start %s increment %s min %s max %s cycle %s', format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle) from pg_sequence s where s.seqrelid = c.oid)
            else case c.relpersistence when 'u' then 'unlogged' else '' end || case when c.relkind = 'p' then ' partitioned' else '' end end as def
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r','p','f','v','m','S','c') and ${USER_NS} and ${notExtensionMember("pg_class", "c.oid")}`,
  `select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname as key,
          format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else ' null' end
          || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
          || case a.attidentity when 'a' then ' identity always' when 'd' then ' identity by default' else '' end
          || case a.attgenerated::text when '' then '' else ' generated ' || a.attgenerated::text end as def
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
     where a.attnum > 0 and not a.attisdropped and c.relkind in ('r','p','f','v','m','c') and ${USER_NS} and ${notExtensionMember("pg_class", "c.oid")}`,
  `select 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname as key,
          pg_get_constraintdef(k.oid) || case when k.convalidated then '' else ' (not validated)' end as def
     from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
     where ${USER_NS} and k.contype <> 'n'`,
  `select 'index ' || n.nspname || '.' || ic.relname as key,
          pg_get_indexdef(i.indexrelid) || case when i.indisvalid then '' else ' (invalid)' end as def
     from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
     where ${USER_NS} and ${notExtensionMember("pg_class", "ic.oid")}`,
  `select 'type ' || n.nspname || '.' || t.typname as key,
          case t.typtype when 'e' then 'enum (' || (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) || ')'
            else 'domain ' || format_type(t.typbasetype, t.typtypmod) || case when t.typnotnull then ' not null' else '' end
              || coalesce(' default ' || t.typdefault, '')
              || coalesce((select ' ' || string_agg(pg_get_constraintdef(k.oid), ' ' order by k.conname) from pg_constraint k where k.contypid = t.oid), '') end as def
     from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where t.typtype in ('e', 'd') and ${USER_NS} and ${notExtensionMember("pg_type", "t.oid")}`,
  `select case p.prokind when 'p' then 'procedure ' when 'a' then 'aggregate ' else 'function ' end
            || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as key,
          'returns ' || format_type(p.prorettype, null) || ' language ' || l.lanname || ' ' || p.provolatile::text
            || ' security ' || case when p.prosecdef then 'definer' else 'invoker' end || ' md5 ' || md5(coalesce(p.prosrc, '')) as def
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
     where ${USER_NS} and ${notExtensionMember("pg_proc", "p.oid")}`,
  `select 'trigger ' || n.nspname || '.' || c.relname || '.' || t.tgname as key, pg_get_triggerdef(t.oid) as def
     from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where not t.tgisinternal and ${USER_NS}`,
  `select 'policy ' || n.nspname || '.' || c.relname || '.' || p.polname as key,
          p.polcmd::text || ' ' || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as def
     from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace where ${USER_NS}`,
  `select 'extension ' || e.extname as key, e.extversion as def from pg_extension e where e.extname <> 'plpgsql'`
];
async function takeSnapshot(db) {
  const snap = /* @__PURE__ */ new Map();
  for (const sql of QUERIES) {
    const rows = await db.query(sql);
    for (const r of rows) if (r.key) snap.set(r.key, r.def ?? "");
  }
  return snap;
}
function diffSnapshots(before, after, when = "after rollback", { enumValuesStay = false } = {}) {
  const out = [];
  for (const [key, def] of after) {
    if (!before.has(key)) out.push(`${key} still exists ${when}`);
    else if (before.get(key) !== def && !onlyValidated(before.get(key), def) && !(enumValuesStay && onlyEnumValuesAdded(before.get(key), def))) out.push(`${key} differs ${when}: ${def || "(plain)"}; before the migration: ${before.get(key) || "(plain)"}`);
  }
  for (const key of before.keys()) if (!after.has(key)) out.push(`${key} is missing ${when}`);
  return out.sort();
}
var NOT_VALIDATED = " (not validated)";
function onlyValidated(before, after) {
  return before.endsWith(NOT_VALIDATED) && before.slice(0, -NOT_VALIDATED.length).replace(/ NOT VALID$/, "") === after;
}
function enumLabels(def) {
  if (!def.startsWith("enum (") || !def.endsWith(")")) return null;
  return [...def.slice(6, -1).matchAll(/E?'((?:[^']|'')*)'/g)].map((m) => m[1]);
}
function onlyEnumValuesAdded(before, after) {
  const was = enumLabels(before);
  const is = enumLabels(after);
  if (!was || !is || is.length <= was.length) return false;
  let i = 0;
  for (const label of is) if (label === was[i]) i++;
  return i === was.length;
}
function enumValuesKept(before, after) {
  return [...after].filter(([key, def]) => before.has(key) && onlyEnumValuesAdded(before.get(key), def)).map(([key]) => key);
}

// src/dryrun/engines/url.ts
import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";

// src/dryrun/cleanup.ts
var tasks = /* @__PURE__ */ new Set();
var installed = false;
var SIGNAL_CLEANUP_LIMIT_MS = 8e3;
function onSignal(signal) {
  uninstall();
  const all = [...tasks];
  tasks.clear();
  const done = Promise.allSettled(all.map((t) => t.run()));
  const limit = new Promise((r) => setTimeout(r, SIGNAL_CLEANUP_LIMIT_MS).unref());
  void Promise.race([done, limit]).finally(() => {
    for (const t of all) t.sync?.();
    process.kill(process.pid, signal);
  });
}
function onExit() {
  for (const t of tasks) t.sync?.();
}
function install() {
  if (installed) return;
  installed = true;
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.on("exit", onExit);
}
function uninstall() {
  if (!installed) return;
  installed = false;
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  process.removeListener("exit", onExit);
}
function registerCleanup(run, sync) {
  const task = { run, ...sync ? { sync } : {} };
  tasks.add(task);
  install();
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    tasks.delete(task);
    if (tasks.size === 0) uninstall();
    await run();
  };
}

// src/dryrun/sandbox.ts
var DbError = class extends Error {
  sqlstate;
  position;
  constructor(info) {
    super(info.message);
    this.name = "DbError";
    this.sqlstate = info.sqlstate;
    if (info.position !== void 0) this.position = info.position;
  }
};
var ObservationError = class extends Error {
  constructor(what, cause) {
    super(`${what} failed: ${cause.message}`);
    this.what = what;
    this.cause = cause;
    this.name = "ObservationError";
  }
  what;
  cause;
};
var SQLSTATE_CANCELED = "57014";
var SQLSTATE_PRIVILEGE = "42501";
function toDbError(err) {
  if (err instanceof DbError) return err;
  const e = err ?? {};
  const sqlstate = typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : "XX000";
  const message = typeof e.message === "string" && e.message !== "" ? e.message : String(err);
  const pos = e.position === void 0 || e.position === null || e.position === "" ? void 0 : Number(e.position);
  return new DbError({ sqlstate, message, ...pos !== void 0 && Number.isFinite(pos) ? { position: pos } : {} });
}
var INTROSPECTION_TIMEOUT_MS = 6e4;
var TRUSTED_SEARCH_PATH = "pg_catalog, pg_temp";
function literal(value) {
  if (value === null || value === void 0) return "NULL";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `E'${String(value).replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}
function pinnedScript(sql, params = []) {
  if (sql.includes(";")) throw new Error("an introspection query is one statement");
  const body = sql.replace(/\$(\d+)/g, (_, n) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`introspection query refers to $${n} but has ${params.length} parameters`);
    return literal(params[i]);
  });
  return [
    `select pg_catalog.set_config('migration_guard.saved_search_path', pg_catalog.current_setting('search_path'), true),
            pg_catalog.set_config('migration_guard.saved_statement_timeout', pg_catalog.current_setting('statement_timeout'), true),
            pg_catalog.set_config('search_path', '${TRUSTED_SEARCH_PATH}', true),
            pg_catalog.set_config('statement_timeout', '${INTROSPECTION_TIMEOUT_MS}', true)`,
    body,
    `select pg_catalog.set_config('search_path', pg_catalog.current_setting('migration_guard.saved_search_path'), true),
            pg_catalog.set_config('statement_timeout', pg_catalog.current_setting('migration_guard.saved_statement_timeout'), true)`
  ].join(";\n");
}

// src/dryrun/engines/url.ts
var SCRATCH_PREFIX = "mg_";
var MARKER = "migration-guard dry-run";
var STALE_AFTER_MS = 6 * 60 * 60 * 1e3;
var CANCEL_GRACE_MS = 250;
var TEMP_FILE_LIMIT = "1GB";
var TERMINATE_GRACE_MS = 2e3;
function quoteIdent(s) {
  return `"${s.replace(/"/g, '""')}"`;
}
function quoteLiteral(s) {
  return `'${s.replace(/'/g, "''")}'`;
}
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function connect(url, config) {
  const base = config ?? withDatabase(url, databaseOf(url));
  const c = new esm_default.Client(base);
  c.on("error", () => void 0);
  return c.connect().then(() => c);
}
function databaseOf(url) {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username) || "postgres";
}
function withDatabase(url, database, user, password, trusted = true) {
  const u = new URL(url);
  return {
    ...trusted ? { options: `-c search_path=${TRUSTED_SEARCH_PATH.replace(/ /g, "")}` } : {},
    host: u.searchParams.get("host") ?? (decodeURIComponent(u.hostname) || void 0),
    port: u.port ? Number(u.port) : void 0,
    database,
    user: user ?? (decodeURIComponent(u.username) || void 0),
    password: password ?? (u.password ? decodeURIComponent(u.password) : void 0),
    ssl: u.searchParams.get("sslmode") && u.searchParams.get("sslmode") !== "disable" ? { rejectUnauthorized: false } : void 0
  };
}
var SCRATCH_NAME = /^mg_([0-9a-f]{8})_([0-9a-z]{1,8})_([0-9a-z]{1,10})_[0-9a-f]{6}$/;
function hostTag(host) {
  return createHash("sha256").update(host).digest("hex").slice(0, 8);
}
function scratchName(marker, random = randomBytes(3).toString("hex")) {
  return `${SCRATCH_PREFIX}${hostTag(marker.host)}_${marker.pid.toString(36)}_${marker.started.toString(36)}_${random}`;
}
function parseScratchName(name) {
  const m = SCRATCH_NAME.exec(name);
  return m ? { hostTag: m[1], pid: parseInt(m[2], 36), started: parseInt(m[3], 36) } : null;
}
function isStale(name) {
  const m = parseScratchName(name);
  if (!m) return false;
  return m.hostTag === hostTag(hostname()) && !pidAlive(m.pid) || Date.now() - m.started > STALE_AFTER_MS;
}
async function sweepStale(adminUrl) {
  const admin = await connect(adminUrl);
  const dropped = [];
  try {
    const dbs = await admin.query(`select datname from pg_database where starts_with(datname, $1::text)`, [SCRATCH_PREFIX]);
    for (const { datname } of dbs.rows) {
      if (!isStale(datname)) continue;
      await dropScratch(admin, datname).catch(() => void 0);
      dropped.push(datname);
    }
    const roles = await admin.query(`select rolname from pg_roles where starts_with(rolname, $1::text)`, [SCRATCH_PREFIX]);
    for (const { rolname } of roles.rows) {
      if (dropped.includes(rolname) || !isStale(rolname)) continue;
      await dropRole(admin, rolname).catch(() => void 0);
      dropped.push(rolname);
    }
  } finally {
    await admin.end().catch(() => void 0);
  }
  return dropped;
}
async function dropRole(admin, name) {
  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where usename = $1::text and pid <> pg_backend_pid()`, [name]);
  await admin.query(`drop role if exists ${quoteIdent(name)}`);
}
async function dropScratch(admin, name) {
  await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`).catch(async () => {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1::text and pid <> pg_backend_pid()`, [name]);
    await admin.query(`drop database if exists ${quoteIdent(name)}`);
  });
  await dropRole(admin, name);
}
var ServerSandbox = class {
  constructor(engine, serverVersion, session, watcher, sessionPid, databaseOid, release) {
    this.engine = engine;
    this.serverVersion = serverVersion;
    this.session = session;
    this.watcher = watcher;
    this.sessionPid = sessionPid;
    this.databaseOid = databaseOid;
    this.release = release;
  }
  engine;
  serverVersion;
  session;
  watcher;
  sessionPid;
  databaseOid;
  release;
  dead = false;
  get alive() {
    return !this.dead;
  }
  /** Runs `sql` on the migration's session with a watchdog that cancels, then terminates, it. */
  async guarded(run, timeoutMs) {
    let timedOut = false;
    const cancel = setTimeout(() => {
      timedOut = true;
      void this.watcher.query("select pg_catalog.pg_cancel_backend($1::pg_catalog.int4)", [this.sessionPid]).catch(() => void 0);
    }, timeoutMs + CANCEL_GRACE_MS);
    const terminate = setTimeout(() => {
      this.dead = true;
      void this.watcher.query("select pg_catalog.pg_terminate_backend($1::pg_catalog.int4)", [this.sessionPid]).catch(() => void 0);
    }, timeoutMs + CANCEL_GRACE_MS + TERMINATE_GRACE_MS);
    try {
      return await run;
    } catch (e) {
      const err = toDbError(e);
      if (timedOut) {
        throw new DbError({ sqlstate: SQLSTATE_CANCELED, message: `canceling statement due to the dry-run time limit (${timeoutMs} ms)` });
      }
      throw err;
    } finally {
      clearTimeout(cancel);
      clearTimeout(terminate);
    }
  }
  async exec(sql, timeoutMs) {
    if (this.dead) throw new DbError({ sqlstate: "XX000", message: "the dry-run session was terminated after an earlier time-out" });
    await this.session.query(`set statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`).catch(() => void 0);
    await this.guarded(this.session.query(sql), timeoutMs);
  }
  async query(sql, params) {
    try {
      const results = await this.session.query(pinnedScript(sql, params));
      return results[1].rows;
    } catch (e) {
      throw new ObservationError("an introspection query of the dry-run", toDbError(e));
    }
  }
  async execWatched(sql, timeoutMs) {
    const seen = /* @__PURE__ */ new Map();
    let running = true;
    const poll = (async () => {
      while (running) {
        try {
          const r = await this.watcher.query(
            `select relation::pg_catalog.int8 as oid, mode from pg_catalog.pg_locks
              where pid = $1::pg_catalog.int4 and database = $2::pg_catalog.oid and locktype = 'relation' and granted and relation >= 16384::pg_catalog.oid`,
            [this.sessionPid, this.databaseOid]
          );
          for (const row of r.rows) seen.set(`${row.oid}|${row.mode}`, { oid: Number(row.oid), mode: row.mode });
        } catch {
          return;
        }
        await new Promise((res) => setImmediate(res));
      }
    })();
    try {
      await this.exec(sql, timeoutMs);
    } finally {
      running = false;
      await poll;
    }
    return [...seen.values()];
  }
  async close() {
    await this.session.end().catch(() => void 0);
    await this.watcher.end().catch(() => void 0);
    await this.release().catch(() => void 0);
  }
};
var UrlProvider = class {
  constructor(adminUrl, engine = "url") {
    this.adminUrl = adminUrl;
    this.engine = engine;
  }
  adminUrl;
  engine;
  swept = false;
  async open(_baseKey) {
    if (!this.swept) {
      this.swept = true;
      await sweepStale(this.adminUrl).catch(() => void 0);
    }
    const owner = { pid: process.pid, host: hostname(), started: Date.now() };
    const name = scratchName(owner);
    const password = randomBytes(18).toString("base64url");
    const marker = `${MARKER} ${JSON.stringify(owner)}`;
    const admin = await connect(this.adminUrl);
    const drop = async () => {
      const a = await connect(this.adminUrl);
      try {
        await dropScratch(a, name);
      } finally {
        await a.end().catch(() => void 0);
      }
    };
    const release = registerCleanup(drop);
    try {
      await admin.query(`create role ${quoteIdent(name)} login password ${quoteLiteral(password)} nosuperuser nocreatedb nocreaterole noreplication nobypassrls`);
      await admin.query(`alter role ${quoteIdent(name)} set temp_file_limit = '${TEMP_FILE_LIMIT}'`).catch(() => void 0);
      await admin.query(`comment on role ${quoteIdent(name)} is ${quoteLiteral(marker)}`);
      await admin.query(`create database ${quoteIdent(name)} owner ${quoteIdent(name)} template template0 encoding 'UTF8'`);
      await admin.query(`comment on database ${quoteIdent(name)} is ${quoteLiteral(marker)}`);
    } catch (e) {
      await admin.end().catch(() => void 0);
      await release();
      throw toDbError(e);
    } finally {
      await admin.end().catch(() => void 0);
    }
    let session = null;
    let watcher = null;
    try {
      session = await connect(this.adminUrl, withDatabase(this.adminUrl, name, name, password, false));
      watcher = await connect(this.adminUrl);
      const info = await session.query(`select pg_catalog.pg_backend_pid() as pid, pg_catalog.current_setting('server_version') as v`);
      const row = info.rows[0];
      const db = await watcher.query(`select oid::pg_catalog.int8 as oid from pg_catalog.pg_database where datname = $1::pg_catalog.text`, [name]);
      return { sandbox: new ServerSandbox(this.engine, row.v, session, watcher, row.pid, Number(db.rows[0].oid), release), fromCache: false };
    } catch (e) {
      await session?.end().catch(() => void 0);
      await watcher?.end().catch(() => void 0);
      await release();
      throw toDbError(e);
    }
  }
  async save() {
  }
  async dispose() {
  }
};

// src/dryrun/engines/local.ts
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, chownSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
var DIR_PREFIX = "mg-pg-";
var MARKER_FILE = "mg-owner.json";
var START_TIMEOUT_MS = 3e4;
function findPgBinDir(explicit, targetMajor, debian = "/usr/lib/postgresql") {
  const ok = (d) => existsSync(join(d, "initdb")) && existsSync(join(d, "postgres"));
  if (explicit) {
    if (ok(explicit)) return explicit;
    throw new Error(`no initdb and postgres in ${explicit} (pgBinDir)`);
  }
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    if (targetMajor !== void 0 && versions.includes(String(targetMajor))) versions.unshift(String(targetMajor));
    for (const v of versions) if (ok(join(debian, v, "bin"))) return join(debian, v, "bin");
  }
  try {
    const d = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (ok(d)) return d;
  } catch {
  }
  throw new Error("the local dry-run engine needs PostgreSQL binaries (initdb, postgres): install them or set pgBinDir");
}
function pidAlive2(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function serverUser() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const out = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gidOut = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (out.status !== 0 || gidOut.status !== 0) {
    throw new Error("running as root: the local dry-run engine needs a `postgres` OS user to run the server as");
  }
  return { uid: Number(out.stdout.trim()), gid: Number(gidOut.stdout.trim()) };
}
var hasSetpriv = /* @__PURE__ */ (() => {
  let cached;
  return () => cached ??= spawnSync("setpriv", ["--version"]).status === 0;
})();
function asServerUser(argv, user, pdeathsig) {
  if (hasSetpriv()) {
    const args = [];
    if (user) args.push(`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups");
    if (pdeathsig) args.push("--pdeathsig", "SIGKILL");
    return { cmd: "setpriv", args: [...args, "--", ...argv] };
  }
  return { cmd: argv[0], args: argv.slice(1), ...user ? { uid: user.uid, gid: user.gid } : {} };
}
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
function clusterRoot() {
  return tmpdir().length < 40 ? tmpdir() : "/tmp";
}
function killPostmaster(dataDir) {
  try {
    const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (pid > 0 && pidAlive2(pid)) process.kill(pid, "SIGKILL");
  } catch {
  }
}
function sweepStaleClusters(root) {
  const removed = [];
  const roots = root !== void 0 ? [root] : [.../* @__PURE__ */ new Set([tmpdir(), "/tmp"])];
  const dirs = [];
  for (const r of roots) {
    try {
      dirs.push(...readdirSync(r).filter((n) => n.startsWith(DIR_PREFIX)).map((n) => join(r, n)));
    } catch {
    }
  }
  for (const dir of dirs) {
    let owner = 0;
    try {
      owner = JSON.parse(readFileSync(join(dir, MARKER_FILE), "utf8")).pid;
    } catch {
      continue;
    }
    if (owner === process.pid || pidAlive2(owner)) continue;
    killPostmaster(join(dir, "data"));
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
async function startCluster(binDir) {
  sweepStaleClusters();
  const user = serverUser();
  const dir = mkdtempSync(join(clusterRoot(), DIR_PREFIX));
  writeFileSync(join(dir, MARKER_FILE), JSON.stringify({ pid: process.pid, started: Date.now() }));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, "data");
  let child = null;
  const removeSync = () => {
    if (child?.pid && child.exitCode === null) {
      try {
        child.kill("SIGKILL");
      } catch {
      }
    }
    killPostmaster(dataDir);
    rmSync(dir, { recursive: true, force: true });
  };
  const stop = registerCleanup(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", () => r()));
      child.kill("SIGINT");
      const t = setTimeout(() => child?.kill("SIGKILL"), 5e3);
      await exited;
      clearTimeout(t);
    }
    removeSync();
  }, removeSync);
  try {
    const init = asServerUser([join(binDir, "initdb"), "-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], user, false);
    const r = spawnSync(init.cmd, init.args, { cwd: dir, encoding: "utf8", ...init.uid !== void 0 ? { uid: init.uid, gid: init.gid } : {} });
    if (r.status !== 0) throw new Error(`initdb failed: ${(r.stderr || r.stdout || String(r.error)).trim().split("\n").slice(-3).join(" ")}`);
    const port = await freePort();
    const run = asServerUser([
      join(binDir, "postgres"),
      "-D",
      dataDir,
      "-p",
      String(port),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off"
    ], user, true);
    child = spawn(run.cmd, run.args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"], ...run.uid !== void 0 ? { uid: run.uid, gid: run.gid } : {} });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr = (stderr + d.toString()).slice(-2e3);
    });
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const version = await waitReady(url, child, () => stderr);
    return { url, version, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
async function waitReady(url, child, stderr) {
  const pg = (await import("./esm-FIRMRFPF.js")).default;
  const until = Date.now() + START_TIMEOUT_MS;
  for (; ; ) {
    if (child.exitCode !== null) throw new Error(`the temporary Postgres server exited: ${stderr().trim().split("\n").slice(-3).join(" ")}`);
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => void 0);
    try {
      await c.connect();
      const r = await c.query(`select current_setting('server_version') as v`);
      await c.end();
      return r.rows[0].v;
    } catch {
      await c.end().catch(() => void 0);
      if (Date.now() > until) throw new Error(`the temporary Postgres server did not accept connections within ${START_TIMEOUT_MS} ms`);
      await new Promise((res) => setTimeout(res, 50));
    }
  }
}
var LocalProvider = class {
  constructor(opts = {}) {
    this.opts = opts;
  }
  opts;
  engine = "local";
  cluster = null;
  inner = null;
  async open(baseKey2) {
    this.cluster ??= startCluster(findPgBinDir(this.opts.binDir, this.opts.targetMajor));
    const c = await this.cluster;
    this.inner ??= new UrlProvider(c.url, "local");
    return this.inner.open(baseKey2);
  }
  async save() {
  }
  async dispose() {
    if (!this.cluster) return;
    const c = await this.cluster.catch(() => null);
    this.cluster = null;
    if (c) await c.stop();
  }
};

// src/dryrun/positions.ts
function lineColumnAt(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}
function codePointIndex(s, n) {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.codePointAt(i);
    i += c > 65535 ? 2 : 1;
  }
  return i;
}
function errorAt(err, stmt, sourceText) {
  let line = stmt.line;
  let column = stmt.column;
  if (err.position !== void 0 && err.position >= 1 && err.position <= [...stmt.text].length + 1) {
    const at = lineColumnAt(sourceText, stmt.start + codePointIndex(stmt.text, err.position - 1));
    line = at.line;
    column = at.column;
  }
  return { sqlstate: err.sqlstate, message: err.message, path: stmt.path, line, column };
}

// src/dryrun/statements.ts
function serverMajor(serverVersion) {
  const major = Number.parseInt(serverVersion, 10);
  return Number.isFinite(major) ? major : 99;
}
function cannotRunInTransaction(stmt, serverVersion) {
  return transactionBlockRefusal(stmt.ast, serverMajor(serverVersion)) !== void 0;
}
async function refusedInSandbox(sandbox, stmt) {
  const r = transactionBlockRefusal(stmt.ast, serverMajor(sandbox.serverVersion));
  if (!r) return false;
  if (!r.ifPartitioned) return true;
  const { schema, name } = r.ifPartitioned;
  const rows = await sandbox.query(
    `select count(*)::int as n from pg_catalog.pg_class c join pg_catalog.pg_namespace s on s.oid = c.relnamespace
      where c.relname = $1 and c.relkind in ('p', 'I') and ($2::text is null and s.nspname not in ('pg_catalog', 'information_schema') or s.nspname = $2::text)`,
    [name, schema ?? null]
  );
  return Number(rows[0]?.n ?? 0) > 0;
}
function refusal(stmt, nested) {
  for (const s of [stmt, ...nested]) {
    const t = nodeTag(s.ast);
    if (t && t[0] === "CopyStmt" && t[1].is_program === true) {
      return `COPY \u2026 ${t[1].is_from ? "FROM" : "TO"} PROGRAM would run a program on the database server`;
    }
  }
  return null;
}
function topLevel(statements) {
  const out = [];
  const byIndex = /* @__PURE__ */ new Map();
  for (const s of statements) {
    if (s.nestedIn) {
      let parent = byIndex.get(s.nestedIn.statement);
      if (!parent) {
        const p = statements.find((x) => x.index === s.nestedIn.statement);
        parent = p?.nestedIn ? byIndex.get(p.nestedIn.statement) : void 0;
      }
      parent?.nested.push(s);
      if (parent) byIndex.set(s.index, parent);
      continue;
    }
    const entry = { stmt: s, nested: [] };
    out.push(entry);
    byIndex.set(s.index, entry);
  }
  return out;
}

// src/dryrun/execute.ts
async function relationsNow(sandbox) {
  const rows = await sandbox.query(
    `select c.oid::int8 as oid, n.nspname || '.' || c.relname as name, c.relkind::text as kind, c.relfilenode::text as fn
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.oid >= 16384 and c.relkind in ('r','p','i','I','m','S','t') and n.nspname not like 'pg_temp_%'`
  );
  return new Map(rows.map((r) => [Number(r.oid), { name: r.name, kind: r.kind, relfilenode: r.fn }]));
}
var CHANGED_FILENODES = `select p.oid::int8 as oid, c.relfilenode::text as fn
  from rows from (pg_catalog.unnest($1::oid[]), pg_catalog.unnest($2::oid[])) as p(oid, fn) join pg_class c on c.oid = p.oid
 where c.relfilenode <> p.fn`;
var PROBE = `
select 'l' as k, l.relation::int8 as oid, l.mode as v, n.nspname || '.' || c.relname as name, c.relkind::text as rk
  from pg_locks l left join pg_class c on c.oid = l.relation left join pg_namespace n on n.oid = c.relnamespace
 where l.pid = pg_backend_pid() and l.locktype = 'relation' and l.granted and l.relation >= 16384
   and l.database = (select oid from pg_database where datname = current_database())
union all
select 'f', oid, fn, null, null from (${CHANGED_FILENODES}) f`;
function relationKind(relkind) {
  switch (relkind) {
    case "r":
    case "p":
      return "table";
    case "i":
    case "I":
      return "index";
    case "S":
      return "sequence";
    case "m":
      return "materialized view";
    case "t":
      return "toast";
    default:
      return "other";
  }
}
function noteRewrite(trace, rel) {
  trace.rewrites.push(rel.name);
  const kind = relationKind(rel.kind);
  if (kind === "table" || kind === "materialized view") (trace.rewrittenTables ??= []).push(rel.name);
}
var isLockMode = (m) => LOCK_MODES.includes(m);
var Tracer = class {
  constructor(input) {
    this.input = input;
    this.filenodes = new Map([...input.pre].map(([oid, r]) => [oid, r.relfilenode]));
  }
  input;
  traces = [];
  /** Strongest mode held per oid in the current transaction. */
  held = /* @__PURE__ */ new Map();
  /** Traces of the current transaction with their durations, for the held-until-commit times. */
  txTraces = [];
  filenodes;
  /** CHANGED_FILENODES' two arrays for `filenodes`; null after a rewrite changed one. */
  seen = null;
  filenodeParams() {
    this.seen ??= [`{${[...this.filenodes.keys()].join(",")}}`, `{${[...this.filenodes.values()].join(",")}}`];
    return this.seen;
  }
  /** A rewrite of the pre-existing relation `oid` seen: it now has relfilenode `fn`. */
  rewritten(trace, oid, fn) {
    const before = this.filenodes.get(oid);
    if (before === void 0 || before === fn) return;
    noteRewrite(trace, this.input.pre.get(oid));
    this.filenodes.set(oid, fn);
    this.seen = null;
  }
  timeLimit() {
    const left = this.input.limits.deadline - Date.now();
    if (left <= 0) throw new DbError({ sqlstate: SQLSTATE_CANCELED, message: "the dry-run total time limit was reached" });
    return Math.min(this.input.limits.statementTimeoutMs, left);
  }
  newTrace(stmt) {
    const t = { statement: stmt.index, path: stmt.path, line: stmt.line, column: stmt.column, durationMs: 0, locks: [], rewrites: [] };
    this.traces.push(t);
    return t;
  }
  /** Runs our own statement (BEGIN/COMMIT), returns its duration. */
  async control(sql) {
    const t0 = performance.now();
    await this.input.sandbox.exec(sql, this.timeLimit());
    return performance.now() - t0;
  }
  async run(stmt, trace) {
    const t0 = performance.now();
    try {
      await this.input.sandbox.exec(stmt.text, this.timeLimit());
    } finally {
      trace.durationMs = round(performance.now() - t0);
    }
  }
  /** Reads locks and relfilenodes after `trace`'s statement ran inside the open transaction. */
  async probe(trace) {
    const rows = await this.input.sandbox.query(PROBE, this.filenodeParams());
    const strongest = /* @__PURE__ */ new Map();
    for (const r of rows) {
      const oid = Number(r.oid);
      if (r.k === "f") {
        this.rewritten(trace, oid, r.v);
        continue;
      }
      if (!isLockMode(r.v)) continue;
      const cur = strongest.get(oid);
      if (!cur || lockRank(r.v) > lockRank(cur.mode)) strongest.set(oid, { mode: r.v, name: r.name, rk: r.rk });
    }
    for (const [oid, { mode, name, rk }] of strongest) {
      const had = this.held.get(oid);
      if (had && lockRank(had) >= lockRank(mode)) continue;
      this.held.set(oid, mode);
      const pre = this.input.pre.get(oid);
      const relation = pre?.name ?? name;
      if (!relation) continue;
      trace.locks.push({ relation, mode, heldMs: 0, preExisting: pre !== void 0, kind: relationKind(pre?.kind ?? rk ?? void 0), heldAcross: 0 });
    }
    this.txTraces.push(trace);
  }
  /** The transaction ended (commit or rollback after `endMs`): each lock was held from its statement until now. */
  endTransaction(endMs) {
    let tail = endMs;
    for (let i = this.txTraces.length - 1; i >= 0; i--) {
      const t = this.txTraces[i];
      tail += t.durationMs;
      for (const l of t.locks) {
        l.heldMs = round(tail);
        l.heldAcross = this.txTraces.length - 1 - i;
      }
    }
    this.txTraces = [];
    this.held.clear();
  }
  /** Locks seen from the second connection while a no-transaction statement ran. */
  addWatched(trace, locks) {
    const strongest = /* @__PURE__ */ new Map();
    for (const l of locks) {
      const cur = strongest.get(l.oid);
      if (!cur || lockRank(l.mode) > lockRank(cur)) strongest.set(l.oid, l.mode);
    }
    for (const [oid, mode] of strongest) {
      const pre = this.input.pre.get(oid);
      if (pre) trace.locks.push({ relation: pre.name, mode, heldMs: trace.durationMs, preExisting: true, kind: relationKind(pre.kind), heldAcross: 0 });
    }
  }
  /** Relfilenodes after a statement that ran outside any transaction of ours. */
  async rewritesAfter(trace) {
    const rows = await this.input.sandbox.query(CHANGED_FILENODES, this.filenodeParams());
    for (const r of rows) this.rewritten(trace, Number(r.oid), r.fn);
  }
};
function round(ms) {
  return Math.round(ms * 100) / 100;
}
async function executeTraced(input) {
  const { sandbox, parsed, sourceText } = input;
  const tracer = new Tracer(input);
  const statements = topLevel(parsed.statements);
  const runner = fileTransaction(input.transaction, parsed.statements);
  const oneQuery = sentAsOneQuery(input.transaction, parsed.statements);
  let inTx = false;
  let reopen = false;
  let current;
  for (const { stmt, nested } of statements) {
    const why = refusal(stmt, nested);
    if (why) {
      return {
        traces: [],
        refused: why,
        error: { sqlstate: SQLSTATE_PRIVILEGE, message: `refused: ${why}`, path: stmt.path, line: stmt.line, column: stmt.column }
      };
    }
  }
  try {
    if ((runner === "wrapped" || oneQuery) && statements.length > 0) {
      await tracer.control("BEGIN");
      inTx = true;
    }
    for (const { stmt } of statements) {
      current = stmt;
      if (reopen && !inTx) {
        await tracer.control("BEGIN");
        inTx = true;
      }
      reopen = false;
      const trace = tracer.newTrace(stmt);
      const ctl = txControl(stmt);
      if (ctl === "begin") {
        await tracer.run(stmt, trace);
        inTx = true;
      } else if (ctl === "commit" || ctl === "rollback") {
        await tracer.run(stmt, trace);
        if (inTx) tracer.endTransaction(trace.durationMs);
        inTx = false;
        reopen = oneQuery;
      } else if (ctl !== null) {
        await tracer.run(stmt, trace);
      } else if (inTx) {
        await tracer.run(stmt, trace);
        await tracer.probe(trace);
      } else if (await refusedInSandbox(sandbox, stmt)) {
        if (sandbox.execWatched) {
          const t0 = performance.now();
          try {
            const locks = await sandbox.execWatched(stmt.text, Math.min(input.limits.statementTimeoutMs, input.limits.deadline - Date.now()));
            trace.durationMs = round(performance.now() - t0);
            tracer.addWatched(trace, locks);
          } finally {
            trace.durationMs = round(performance.now() - t0);
          }
        } else {
          await tracer.run(stmt, trace);
        }
        await tracer.rewritesAfter(trace);
      } else {
        await tracer.control("BEGIN");
        inTx = true;
        await tracer.run(stmt, trace);
        await tracer.probe(trace);
        const commitMs = await tracer.control("COMMIT");
        inTx = false;
        tracer.endTransaction(commitMs);
      }
    }
    current = void 0;
    if (inTx) {
      const commitMs = await tracer.control("COMMIT");
      inTx = false;
      tracer.endTransaction(commitMs);
    }
    return { traces: tracer.traces };
  } catch (e) {
    if (inTx && sandbox.alive) await sandbox.exec("ROLLBACK", 1e4).catch(() => void 0);
    if (e instanceof ObservationError) {
      const at2 = current ? ` after the statement at ${current.path}:${current.line}:${current.column}` : "";
      return { traces: tracer.traces, unobserved: `${e.message}${at2}` };
    }
    const err = toDbError(e);
    const at = current ?? statements[statements.length - 1]?.stmt;
    const error = at ? errorAt(err, at, sourceText) : { sqlstate: err.sqlstate, message: err.message, path: parsed.path, line: 1, column: 1 };
    const last = tracer.traces[tracer.traces.length - 1];
    if (last && current && last.statement === current.index) last.error = error;
    return { traces: tracer.traces, error, ...err.sqlstate === SQLSTATE_CANCELED ? { timedOut: true } : {} };
  }
}
async function applyUntraced(sandbox, parsed, sourceText, transaction, limits, oneAtATime = false) {
  const statements = topLevel(parsed.statements);
  for (const { stmt, nested } of statements) {
    const why = refusal(stmt, nested);
    if (why) return { sqlstate: SQLSTATE_PRIVILEGE, message: `refused: ${why}`, path: stmt.path, line: stmt.line, column: stmt.column };
  }
  if (statements.length === 0) return null;
  const left = () => {
    const ms = limits.deadline - Date.now();
    if (ms <= 0) throw new DbError({ sqlstate: SQLSTATE_CANCELED, message: "the dry-run total time limit was reached" });
    return ms;
  };
  const batchable = !oneAtATime && !statements.some(({ stmt }) => txControl(stmt) !== null || cannotRunInTransaction(stmt, sandbox.serverVersion));
  if (batchable) {
    try {
      await sandbox.exec(statements.map(({ stmt }) => stmt.text).join(";\n"), left());
      return null;
    } catch (e) {
      if (!sandbox.alive || toDbError(e).sqlstate === SQLSTATE_CANCELED) {
        const err = toDbError(e);
        return { sqlstate: err.sqlstate, message: err.message, path: parsed.path, line: statements[0].stmt.line, column: statements[0].stmt.column };
      }
    }
  }
  let inTx = false;
  if (batchable && fileTransaction(transaction, parsed.statements) === "wrapped") {
    await sandbox.exec("BEGIN", 1e4);
    inTx = true;
  }
  for (const { stmt } of statements) {
    try {
      await sandbox.exec(stmt.text, Math.min(limits.statementTimeoutMs, left()));
      const ctl = txControl(stmt);
      if (ctl === "begin") inTx = true;
      if (ctl === "commit" || ctl === "rollback") inTx = false;
    } catch (e) {
      if (inTx && sandbox.alive) await sandbox.exec("ROLLBACK", 1e4).catch(() => void 0);
      return errorAt(toDbError(e), stmt, sourceText);
    }
  }
  if (inTx) await sandbox.exec("COMMIT", 1e4);
  return null;
}

// src/dryrun/engines/pglite.ts
import { Worker } from "node:worker_threads";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";

// src/dryrun/engines/pglite-worker-source.ts
var PGLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const req = createRequire(workerData.resolveFrom);
const PGDATA = '/pglite/data';
let db = null;
function errInfo(e) {
  return {
    code: e && typeof e.code === 'string' ? e.code : undefined,
    message: e && e.message ? String(e.message) : String(e),
    position: e && e.position !== undefined && e.position !== null ? Number(e.position) : undefined,
  };
}

const text = (u8, from, len) => {
  let end = from;
  while (end < from + len && u8[end] !== 0) end++;
  return Buffer.from(u8.buffer, u8.byteOffset + from, end - from).toString('latin1');
};
const octal = (u8, from, len) => {
  const s = text(u8, from, len).trim();
  if (!/^[0-7]+$/.test(s)) throw new Error('damaged image: bad number in a header');
  return parseInt(s, 8);
};
function checksum(u8, at) {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : u8[at + i];
  return sum;
}

/** Writes the archive's directories and files into FS under PGDATA; file contents stay views of the buffer. */
function loadImage(FS, buffer) {
  const u8 = new Uint8Array(buffer);
  let at = 0;
  let entries = 0;
  FS.mkdirTree(PGDATA);
  // Directories come before their files in our archives; the set spares a lookup per file.
  const made = new Set([PGDATA]);
  while (at + 512 <= u8.length && u8[at] !== 0) {
    if (octal(u8, at + 148, 8) !== checksum(u8, at)) throw new Error('damaged image: header checksum');
    const prefix = text(u8, at + 345, 155);
    const name = (prefix ? prefix + '/' : '') + text(u8, at, 100);
    const size = octal(u8, at + 124, 12);
    const type = String.fromCharCode(u8[at + 156] || 48);
    const rel = name.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (rel.split('/').some((p) => p === '..')) throw new Error('damaged image: a path leaves the data directory');
    const data = at + 512;
    if (data + size > u8.length) throw new Error('damaged image: truncated');
    const path = rel === '' ? PGDATA : PGDATA + '/' + rel;
    if (type === '5') {
      if (!made.has(path)) FS.mkdirTree(path);
      made.add(path);
    } else if (type === '0') {
      const dir = path.slice(0, path.lastIndexOf('/'));
      if (!made.has(dir)) { FS.mkdirTree(dir); made.add(dir); }
      FS.writeFile(path, u8.subarray(data, data + size), { canOwn: true });
    } else {
      throw new Error('damaged image: unexpected entry type ' + type);
    }
    entries++;
    at = data + Math.ceil(size / 512) * 512;
  }
  if (!FS.analyzePath(PGDATA + '/PG_VERSION').exists) throw new Error('damaged image: no PG_VERSION (' + entries + ' entries)');
}

/**
 * PGDATA as one ustar archive, each file read once into it. WAL segments after the one being
 * written (ones a checkpoint recycled for later use) are left out: Postgres makes new ones.
 */
function dumpImage(FS, lastWal) {
  const entries = [];
  const walk = (dir, rel) => {
    for (const name of FS.readdir(dir).sort()) {
      if (name === '.' || name === '..') continue;
      const path = dir + '/' + name;
      const r = rel ? rel + '/' + name : name;
      const st = FS.stat(path);
      if (FS.isDir(st.mode)) {
        entries.push({ name: r + '/', path, mode: st.mode & 0o7777, size: 0, dir: true });
        walk(path, r);
      } else if (FS.isFile(st.mode)) {
        if (lastWal && r.startsWith('pg_wal/') && /^[0-9A-F]{24}$/.test(name) && name > lastWal) continue;
        entries.push({ name: r, path, mode: st.mode & 0o7777, size: st.size, dir: false });
      }
    }
  };
  walk(PGDATA, '');
  let total = 1024;
  for (const e of entries) total += 512 + Math.ceil(e.size / 512) * 512;
  const u8 = new Uint8Array(total);
  const put = (at, s, len) => { for (let i = 0; i < s.length && i < len; i++) u8[at + i] = s.charCodeAt(i); };
  const num = (at, n, len) => put(at, n.toString(8).padStart(len - 1, '0'), len - 1);
  let at = 0;
  for (const e of entries) {
    let name = e.name;
    let prefix = '';
    if (name.length > 100) {
      const cut = name.lastIndexOf('/', name.length - 2 > 154 ? 154 : name.length - 2);
      if (cut <= 0 || name.length - cut - 1 > 100) throw new Error('path too long for the image: ' + name);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
    put(at, name, 100);
    num(at + 100, e.mode, 8);
    num(at + 108, 0, 8);
    num(at + 116, 0, 8);
    num(at + 124, e.size, 12);
    num(at + 136, 0, 12);
    u8[at + 156] = e.dir ? 53 : 48;
    put(at + 257, 'ustar', 6);
    put(at + 263, '00', 2);
    put(at + 345, prefix, 155);
    num(at + 148, checksum(u8, at), 7);
    u8[at + 155] = 32;
    at += 512;
    if (!e.dir && e.size > 0) {
      const s = FS.open(e.path, 'r');
      try {
        let done = 0;
        while (done < e.size) {
          const n = FS.read(s, u8, at + done, e.size - done, done);
          if (n <= 0) throw new Error('short read of ' + e.path);
          done += n;
        }
      } finally {
        FS.close(s);
      }
      at += Math.ceil(e.size / 512) * 512;
    }
  }
  return u8.buffer;
}

/**
 * PGlite's initdb runs Postgres several times in a second PGlite and, before each run, resets
 * that engine's whole WebAssembly heap to a copy taken when it started: HEAPU8.slice() of
 * 128 MB, then HEAPU8.set(copy). Both touch every page, so the copy and the heap each become
 * 128 MB of resident memory, where Postgres uses a fraction of it. While initdb runs, that
 * engine's HEAPU8 (reached through its Module, as initdb reaches it) takes its copy page by
 * page, keeping only the pages that are not all zeros, and restores by writing those pages
 * and zeroing the ones that are dirty now: the heap ends byte for byte as the plain restore
 * leaves it (the fresh image too), and pages nobody wrote stay out of memory. Measured on a
 * cold start: 512 -> 395 MB peak RSS, and 262 MB with initdb's smaller shared_buffers
 * (pglite.ts, INITDB_PARAMS), whose buffers were most of what its runs wrote; 40 ms more CPU.
 * A PGlite release that takes no such copy leaves the hooks unused; one that used the copy
 * for anything but set() would fail initdb, which every cold start in the tests runs.
 */
const PAGE = 65536;
class SparseHeapCopy extends Uint8Array {}
const ZERO_PAGE = new Uint8Array(PAGE);
function isZero(view) {
  return Buffer.compare(view, ZERO_PAGE) === 0;
}
/** Sparse copies taken by this worker: its cold start reports them (a PGlite release that no longer takes the copy would leave 0). */
let sparseCopies = 0;
function sparseSlice(...args) {
  if (args.length > 0 || this.length % PAGE !== 0) return Uint8Array.prototype.slice.apply(this, args);
  sparseCopies++;
  const copy = new SparseHeapCopy(0);
  copy.heapLength = this.length;
  copy.pages = new Map();
  for (let at = 0; at < this.length; at += PAGE) {
    const page = this.subarray(at, at + PAGE);
    if (!isZero(page)) copy.pages.set(at, page.slice());
  }
  return copy;
}
function sparseSet(source, offset) {
  if (!(source instanceof SparseHeapCopy)) return Uint8Array.prototype.set.call(this, source, offset);
  if (offset) throw new Error('a sparse heap copy is restored at offset 0 only');
  for (let at = 0; at < source.heapLength; at += PAGE) {
    const page = source.pages.get(at);
    if (page) Uint8Array.prototype.set.call(this, page, at);
    else {
      const now = this.subarray(at, at + PAGE);
      if (!isZero(now)) now.fill(0);
    }
  }
}
/** Makes the engines PGlite.create() returns (initdb's) hand out sparse heap copies; returns the undo. */
function sparseInitdbHeaps(PGlite) {
  const create = PGlite.create;
  PGlite.create = async function (...args) {
    const engine = await create.apply(this, args);
    const mod = engine.Module;
    // HEAPU8 is a new view whenever the heap grows: each one gets the two methods.
    const heap = () => {
      const view = mod.HEAPU8;
      if (view.set !== sparseSet) Object.assign(view, { slice: sparseSlice, set: sparseSet });
      return view;
    };
    Object.defineProperty(engine, 'Module', { value: new Proxy(mod, { get: (t, k) => (k === 'HEAPU8' ? heap() : t[k]) }) });
    return engine;
  };
  return () => { PGlite.create = create; };
}

/**
 * After initdb, its engine (a WebAssembly heap, the pages its Postgres runs wrote) is garbage,
 * which V8 frees only at its next full collection: in a dry-run that comes a few hundred
 * statements into the replay, after the fresh image was dumped next to it (measured: peak RSS
 * ~25 MB lower with this collection, which takes ~20 ms). It waits a turn of the event loop:
 * within the turn that finished start-up, that engine is still reachable. gc() is on the
 * global of a context made while --expose-gc is set, so the flag is set for that moment
 * (unless this process runs with it already).
 */
async function collectInitdbEngine() {
  await new Promise((resolve) => setImmediate(resolve));
  if (typeof globalThis.gc === 'function') return globalThis.gc();
  const v8 = require('node:v8');
  v8.setFlagsFromString('--expose-gc');
  try {
    require('node:vm').runInNewContext('gc')();
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'init') {
      const { PGlite, MemoryFS } = req('@electric-sql/pglite');
      const extensions = {};
      for (const [name, mod] of msg.extensions || []) {
        try { extensions[name] = req('@electric-sql/pglite/contrib/' + mod)[name]; } catch {}
      }
      const opts = {
        extensions,
        relaxedDurability: true,
        startParams: [...PGlite.defaultStartParams, ...msg.startParams],
        initDbStartParams: msg.initDbParams,
      };
      if (msg.wasmModule) opts.pgliteWasmModule = msg.wasmModule;
      if (msg.initdbModule) opts.initdbWasmModule = msg.initdbModule;
      if (msg.dataDir) {
        // A filesystem that is the image before Postgres looks for a database: PGlite then
        // resumes it instead of running initdb.
        const image = msg.dataDir;
        opts.fs = new (class extends MemoryFS {
          async initialSyncFs() { loadImage(this.pg.Module.FS, image); }
        })();
      }
      const undo = msg.dataDir ? null : sparseInitdbHeaps(PGlite);
      try {
        db = new PGlite(opts);
        await db.waitReady;
      } finally {
        if (undo) undo();
      }
      if (undo) await collectInitdbEngine();
      const v = await db.query('show server_version');
      parentPort.postMessage({ id: msg.id, ok: true, version: v.rows[0].server_version, ...(undo ? { sparseCopies } : {}) });
    } else if (msg.type === 'exec') {
      await db.exec(msg.sql);
      parentPort.postMessage({ id: msg.id, ok: true });
    } else if (msg.type === 'script') {
      // A pinned introspection script (sandbox.ts, pinnedScript): the rows of its middle statement.
      const results = await db.exec(msg.sql);
      parentPort.postMessage({ id: msg.id, ok: true, rows: results[1] ? results[1].rows : [] });
    } else if (msg.type === 'dump') {
      // Written back to the files first, so the image needs no crash recovery when it is
      // opened. Not inside a transaction block a migration left open (a failed CHECKPOINT
      // would abort it); a session an unprivileged role cannot checkpoint either: those
      // images are still consistent, recovery replays their WAL.
      let lastWal = null;
      if (!db.isInTransaction()) {
        try {
          await db.exec('CHECKPOINT');
          const r = await db.query('select pg_catalog.pg_walfile_name(pg_catalog.pg_current_wal_insert_lsn()) as f');
          if (/^[0-9A-F]{24}$/.test(r.rows[0].f)) lastWal = r.rows[0].f;
        } catch {}
      }
      const buf = await db._runExclusiveQuery(async () => dumpImage(db.Module.FS, lastWal));
      parentPort.postMessage({ id: msg.id, ok: true, data: buf }, [buf]);
    } else if (msg.type === 'close') {
      if (db) await db.close();
      db = null;
      parentPort.postMessage({ id: msg.id, ok: true });
    }
  } catch (e) {
    parentPort.postMessage({ id: msg.id, ok: false, error: errInfo(e) });
  }
});
`;

// src/dryrun/engines/pglite.ts
var PGLITE_EXTENSIONS = [
  ["pgcrypto", "pgcrypto"],
  ["uuid_ossp", "uuid_ossp"],
  ["citext", "citext"],
  ["hstore", "hstore"],
  ["pg_trgm", "pg_trgm"],
  ["btree_gin", "btree_gin"],
  ["btree_gist", "btree_gist"],
  ["fuzzystrmatch", "fuzzystrmatch"],
  ["unaccent", "unaccent"],
  ["ltree", "ltree"],
  ["intarray", "intarray"],
  ["cube", "cube"],
  ["earthdistance", "earthdistance"],
  ["tablefunc", "tablefunc"],
  ["moddatetime", "moddatetime"],
  ["isn", "isn"],
  ["seg", "seg"],
  ["lo", "lo"],
  ["pg_stat_statements", "pg_stat_statements"]
];
var INIT_TIMEOUT_MS = 12e4;
function pgliteVersion() {
  const require2 = createRequire(import.meta.url);
  try {
    const entry = require2.resolve("@electric-sql/pglite");
    const pkg = require2(join2(dirname(dirname(entry)), "package.json"));
    return pkg.version;
  } catch {
    return "unknown";
  }
}
var SQLSTATE_OUT_OF_MEMORY = "53200";
var DEFAULT_MEMORY_LIMIT_MB = 2048;
var MEMORY_POLL_MS = 100;
var inFlight = /* @__PURE__ */ new Set();
var memoryTimer = null;
function watchMemory() {
  if (memoryTimer) return;
  memoryTimer = setInterval(() => {
    if (inFlight.size === 0) {
      clearInterval(memoryTimer);
      memoryTimer = null;
      return;
    }
    const rss = process.memoryUsage.rss();
    const over = [...inFlight].filter((r) => rss > r.limitBytes).sort((a, b) => a.started - b.started)[0];
    if (!over) return;
    inFlight.delete(over);
    over.stop(new DbError({
      sqlstate: SQLSTATE_OUT_OF_MEMORY,
      message: `the dry-run engine was stopped at its memory cap: the process reached ${Math.round(rss / 2 ** 20)} MB, over the limit of ${Math.round(over.limitBytes / 2 ** 20)} MB (dryRun.memoryLimitMb)`
    }));
  }, MEMORY_POLL_MS);
  memoryTimer.unref();
}
var PgliteWorker = class {
  constructor(limitBytes) {
    this.limitBytes = limitBytes;
    this.worker = new Worker(PGLITE_WORKER_SOURCE, {
      eval: true,
      workerData: { resolveFrom: fileURLToPath(import.meta.url) }
    });
    this.worker.on("message", (r) => {
      const p = this.pending.get(r.id);
      if (p) {
        this.pending.delete(r.id);
        p.resolve(r);
      }
    });
    this.worker.on("error", (e) => this.fail(new DbError({ sqlstate: "XX000", message: `PGlite worker crashed: ${e.message}` })));
    this.worker.on("exit", () => this.fail(new DbError({ sqlstate: "XX000", message: "PGlite worker exited" })));
  }
  limitBytes;
  worker;
  nextId = 1;
  pending = /* @__PURE__ */ new Map();
  dead = false;
  fail(err) {
    this.dead = true;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
  request(msg, timeoutMs, transfer = []) {
    if (this.dead) return Promise.reject(new DbError({ sqlstate: "XX000", message: "the PGlite engine was stopped after an earlier time-out" }));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const stop = (err) => {
        clearTimeout(timer);
        inFlight.delete(watch);
        this.pending.delete(id);
        this.dead = true;
        void this.worker.terminate();
        reject(err);
      };
      const timer = setTimeout(() => {
        stop(new DbError({ sqlstate: SQLSTATE_CANCELED, message: `canceling statement due to the dry-run time limit (${timeoutMs} ms); the PGlite engine was stopped` }));
      }, timeoutMs);
      const watch = { started: performance.now(), limitBytes: this.limitBytes, stop };
      inFlight.add(watch);
      watchMemory();
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          inFlight.delete(watch);
          if (r.ok) resolve(r);
          else reject(toDbError(r.error));
        },
        reject: (e) => {
          clearTimeout(timer);
          inFlight.delete(watch);
          reject(e);
        }
      });
      this.worker.postMessage({ ...msg, id }, transfer);
    });
  }
  async terminate() {
    this.dead = true;
    await this.worker.terminate();
  }
};
var PgliteSandbox = class {
  /**
   * `initdbHeapCopies`: on a cold start (initdb), how many of its heap copies were kept sparse
   * (worker source, sparseInitdbHeaps); 0 means PGlite took none the way it did when measured,
   * and a cold start costs its full memory again. Absent when started from an image.
   */
  constructor(w, serverVersion, initdbHeapCopies) {
    this.w = w;
    this.serverVersion = serverVersion;
    this.initdbHeapCopies = initdbHeapCopies;
  }
  w;
  serverVersion;
  initdbHeapCopies;
  engine = "pglite";
  get alive() {
    return !this.w.dead;
  }
  async exec(sql, timeoutMs) {
    await this.w.request({ type: "exec", sql }, timeoutMs);
  }
  async query(sql, params) {
    try {
      const r = await this.w.request({ type: "script", sql: pinnedScript(sql, params) }, INTROSPECTION_TIMEOUT_MS);
      return r.rows ?? [];
    } catch (e) {
      throw new ObservationError("an introspection query of the dry-run", toDbError(e));
    }
  }
  async dump() {
    const r = await this.w.request({ type: "dump" }, INIT_TIMEOUT_MS);
    return r.data;
  }
  async close() {
    try {
      if (!this.w.dead) await this.w.request({ type: "close" }, 1e4);
    } catch {
    }
    await this.w.terminate().catch(() => void 0);
  }
};
function pgliteExtensionsFor(extnames) {
  const wanted = new Set([...extnames].map((n) => n.toLowerCase().replace(/-/g, "_")));
  return PGLITE_EXTENSIONS.filter(([name]) => wanted.has(name));
}
var START_PARAMS = ["-c", "shared_buffers=16MB", "-c", "full_page_writes=off", "-c", "wal_init_zero=off"];
var INITDB_PARAMS = ["--wal-segsize=1", "-c", "min_wal_size=2MB", "-c", "shared_buffers=16MB"];
var compiled = null;
function wasmModules() {
  compiled ??= (async () => {
    try {
      const dir = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
      const [pglite, initdb] = await Promise.all(["pglite.wasm", "initdb.wasm"].map(async (f) => WebAssembly.compile(await readFile(join2(dir, f)))));
      return { pglite, initdb };
    } catch {
      return null;
    }
  })();
  return compiled;
}
async function startPglite(image, limitBytes, extensions = [], started = () => {
}) {
  const modules = await wasmModules();
  const w = new PgliteWorker(limitBytes);
  started(w);
  try {
    const data = image ? image.owned ? image.data : image.data.slice(0) : void 0;
    const r = await w.request({
      type: "init",
      extensions,
      startParams: START_PARAMS,
      initDbParams: INITDB_PARAMS,
      ...modules ? { wasmModule: modules.pglite, initdbModule: modules.initdb } : {},
      ...data ? { dataDir: data } : {}
    }, INIT_TIMEOUT_MS, data ? [data] : []);
    return new PgliteSandbox(w, r.version ?? "unknown", r.sparseCopies);
  } catch (e) {
    await w.terminate().catch(() => void 0);
    throw e;
  }
}
function freshKey() {
  return `pglite-${pgliteVersion()}-fresh-2`;
}
var PgliteProvider = class {
  constructor(cache, memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB) {
    this.cache = cache;
    this.limitBytes = memoryLimitMb * 2 ** 20;
  }
  cache;
  engine = "pglite";
  limitBytes;
  /**
   * The engine prepare() started: initdb's, with no extensions loaded, for the first fresh()
   * sandbox; `worker` lets dispose() stop it mid-start when no one took it.
   */
  spare = null;
  /**
   * On a cache without the fresh image, starts initdb now, in its worker thread, so that it
   * runs while the caller still parses and analyses on its own thread (a cold start's initdb
   * is ~1.5 s of CPU, most of a small review's dry-run). The first sandbox opened from
   * nothing is that engine; one opened with extensions starts from the fresh image it saved.
   */
  prepare() {
    if (this.spare || this.cache.has(freshKey())) return;
    const spare = { sandbox: Promise.resolve(null), worker: null };
    spare.sandbox = this.initdb((w) => {
      spare.worker = w;
    }).then((r) => r.sandbox, () => null);
    this.spare = spare;
  }
  /** prepare()'s engine, once it started (null when it failed or there is none); it is the caller's then. */
  async takeSpare() {
    const spare = this.spare;
    this.spare = null;
    const sandbox = spare ? await spare.sandbox : null;
    return sandbox?.alive ? sandbox : null;
  }
  async open(baseKey2, extensions = []) {
    const saved = await this.openSaved(baseKey2, extensions);
    if (saved) {
      await this.dropSpare();
      return { sandbox: saved.sandbox, fromCache: true, cachedMeta: saved.meta };
    }
    const ext = pgliteExtensionsFor(extensions);
    try {
      return { sandbox: await this.fresh(ext), fromCache: false };
    } catch {
      await this.cache.forget(freshKey());
      return { sandbox: await this.fresh(ext), fromCache: false };
    }
  }
  async openSaved(key, extensions = []) {
    const image = await this.cache.get(key);
    if (!image) return null;
    try {
      return { sandbox: await startPglite(image, this.limitBytes, pgliteExtensionsFor(extensions)), meta: image.meta };
    } catch {
      await this.cache.forget(key);
      return null;
    }
  }
  /** A sandbox with no migrations applied: from the fresh image, or the engine that makes it. */
  async fresh(ext) {
    const spare = await this.takeSpare();
    if (spare && ext.length === 0) return spare;
    await spare?.close();
    const key = freshKey();
    const hit = await this.cache.get(key);
    if (hit) return startPglite(hit, this.limitBytes, ext);
    const made = await this.initdb();
    if (ext.length === 0) return made.sandbox;
    await made.sandbox.close();
    return startPglite(made.image, this.limitBytes, ext);
  }
  /** A new engine from initdb, and its data directory saved as the fresh image. */
  async initdb(started) {
    const sb = await startPglite(null, this.limitBytes, [], started);
    try {
      const data = await sb.dump();
      return { sandbox: sb, image: { data, owned: !await this.cache.put(freshKey(), data, null) } };
    } catch (e) {
      await sb.close();
      throw e;
    }
  }
  async save(sandbox, baseKey2, meta) {
    if (!(sandbox instanceof PgliteSandbox)) return;
    const data = await sandbox.dump();
    await this.cache.put(baseKey2, data, meta);
  }
  /** Stops prepare()'s engine; mid-start, its thread is stopped rather than waited for (initdb takes seconds). */
  async dropSpare() {
    const spare = this.spare;
    if (!spare) return;
    await spare.worker?.terminate().catch(() => void 0);
    await (await this.takeSpare())?.close();
  }
  /** Stops prepare()'s engine when no sandbox took it. */
  async dispose() {
    await this.dropSpare();
  }
};

// src/dryrun/runner-tables.ts
var TABLES = [
  { name: "__diesel_schema_migrations", sql: "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)" },
  { name: "_sqlx_migrations", sql: "CREATE TABLE IF NOT EXISTS _sqlx_migrations (version bigint PRIMARY KEY, description text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now(), success boolean NOT NULL, checksum bytea NOT NULL, execution_time bigint NOT NULL)" },
  { name: "_prisma_migrations", sql: "CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)" },
  { name: "goose_db_version", sql: "CREATE TABLE IF NOT EXISTS goose_db_version (id serial PRIMARY KEY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp DEFAULT now())" },
  { name: "flyway_schema_history", sql: "CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)" },
  { name: "schema_migrations", layouts: ["golang-migrate"], sql: "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL)" },
  { name: "schema_migrations", layouts: ["dbmate"], sql: "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) PRIMARY KEY)" },
  { name: "schema_migration", layouts: ["pop"], sql: "CREATE TABLE IF NOT EXISTS schema_migration (version varchar(14) NOT NULL PRIMARY KEY)" }
];
var MATCHERS = TABLES.map((t) => ({
  table: t,
  named: new RegExp(`(^|[^\\w$])"?${t.name}"?($|[^\\w$])`, "i"),
  created: new RegExp(`\\bCREATE\\s+(UNLOGGED\\s+)?TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?("?\\w+"?\\.)?"?${t.name}"?($|[^\\w$])`, "i")
}));
function runnerTablesSql(migrations) {
  const out = [];
  for (const { table: t, named, created } of MATCHERS) {
    const mine = migrations.filter((m) => !t.layouts || t.layouts.includes(m.migration.layout));
    const texts = mine.flatMap((m) => [m.migration.up.text, m.migration.down?.text ?? ""]);
    if (texts.some((x) => named.test(x)) && !texts.some((x) => created.test(x)) && !out.includes(t.sql)) out.push(t.sql);
  }
  return out;
}
async function createRunnerTables(sandbox, migrations, timeoutMs) {
  for (const sql of runnerTablesSql(migrations)) await sandbox.exec(sql, timeoutMs);
}

// src/dryrun/seed.ts
var ident = (s) => `"${s.replace(/"/g, '""')}"`;
var qualified = (name) => name.split(".").map(ident).join(".");
function valueExpr(c) {
  if (c.fk_table && c.fk_col) {
    const parent = qualified(c.fk_table);
    return `(select ${ident(c.fk_col)} from ${parent} order by 1 offset ((g - 1) % greatest((select count(*) from ${parent}), 1)) limit 1)`;
  }
  const t = c.type;
  let e;
  switch (c.category) {
    case "N":
      e = /smallint/.test(t) ? "(g % 32767)" : "g";
      break;
    case "S": {
      const len = /\((\d+)\)/.exec(t)?.[1];
      e = len ? `left('v' || g, ${len})` : `'v' || g`;
      break;
    }
    case "B":
      e = "(g % 2 = 0)";
      break;
    case "D":
      e = /^time( |$)|^time without/.test(t) ? `time '00:00' + g * interval '1 second'` : /^date/.test(t) ? `date '2020-01-01' + g` : `timestamp '2020-01-01' + g * interval '1 minute'`;
      break;
    case "T":
      e = `g * interval '1 second'`;
      break;
    case "I":
      e = `'10.0.0.0'::inet + g`;
      break;
    case "E":
      e = `(enum_range(null::${t}))[1 + (g - 1) % array_length(enum_range(null::${t}), 1)]`;
      break;
    case "A":
      e = `'{}'`;
      break;
    case "U":
      e = t === "uuid" ? "md5(g::text)::uuid" : t === "jsonb" || t === "json" ? `json_build_object('n', g)` : t === "bytea" ? `decode(md5(g::text), 'hex')` : null;
      break;
    default:
      e = null;
  }
  return e === null ? null : `(${e})::${t}`;
}
var SEED_FORMAT = "seed-1";
async function seedTables(sandbox, rowsPerTable, timeoutMs) {
  if (rowsPerTable <= 0) return { rows: rowsPerTable, tables: [], skipped: [] };
  return new Seeder(rowsPerTable, timeoutMs).before(sandbox);
}
function noneReason(existing) {
  return existing === 0 ? "no table exists before this migration" : `none of the ${existing} table${existing === 1 ? "" : "s"} could be filled`;
}
var Seeder = class {
  constructor(rowsPerTable, timeoutMs) {
    this.rowsPerTable = rowsPerTable;
    this.timeoutMs = timeoutMs;
  }
  rowsPerTable;
  timeoutMs;
  filled = /* @__PURE__ */ new Set();
  failed = /* @__PURE__ */ new Map();
  async before(sandbox) {
    const pass = await fillTables(sandbox, this.rowsPerTable, this.timeoutMs, (oid) => !this.filled.has(oid) && !this.failed.has(oid));
    for (const oid of pass.filled) this.filled.add(oid);
    for (const f of pass.failed) this.failed.set(f.oid, f.reason);
    const outcome = { rows: this.rowsPerTable, tables: [], skipped: [] };
    for (const [oid, table] of pass.existing) {
      if (this.filled.has(oid)) outcome.tables.push(table);
      const reason = this.failed.get(oid);
      if (reason !== void 0) outcome.skipped.push({ table, reason });
    }
    if (outcome.tables.length === 0) outcome.reason = noneReason(pass.existing.size);
    return outcome;
  }
};
async function fillTables(sandbox, rowsPerTable, timeoutMs, wanted) {
  const pass = { existing: /* @__PURE__ */ new Map(), filled: [], failed: [] };
  const columns = await sandbox.query(`
    select c.oid::int8 as rel, n.nspname || '.' || c.relname as table, a.attname as col,
           format_type(a.atttypid, a.atttypmod) as type,
           coalesce(bt.typcategory, t.typcategory)::text as category, t.typtype::text as typtype, a.atttypmod as typmod,
           a.attnotnull as notnull, a.atthasdef as hasdefault, a.attidentity::text as identity, a.attgenerated::text as generated,
           (select pn.nspname || '.' || pc.relname from pg_constraint k join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
             where k.conrelid = c.oid and k.contype = 'f' and array_length(k.conkey, 1) = 1 and k.conkey[1] = a.attnum limit 1) as fk_table,
           (select pa.attname from pg_constraint k join pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
             where k.conrelid = c.oid and k.contype = 'f' and array_length(k.conkey, 1) = 1 and k.conkey[1] = a.attnum limit 1) as fk_col
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_type t on t.oid = a.atttypid left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
     where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_%'
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     order by c.oid, a.attnum`);
  const byTable = /* @__PURE__ */ new Map();
  const oidOf = /* @__PURE__ */ new Map();
  for (const c of columns) {
    byTable.set(c.table, [...byTable.get(c.table) ?? [], c]);
    oidOf.set(c.table, String(c.rel));
    pass.existing.set(String(c.rel), c.table);
  }
  const order = [];
  const state = /* @__PURE__ */ new Map();
  const visit = (t) => {
    if (state.has(t)) return;
    state.set(t, "visiting");
    for (const c of byTable.get(t) ?? []) if (c.fk_table && c.fk_table !== t && byTable.has(c.fk_table)) visit(c.fk_table);
    state.set(t, "done");
    order.push(t);
  };
  for (const t of byTable.keys()) visit(t);
  for (const table of order) {
    const oid = oidOf.get(table);
    if (!wanted(oid)) continue;
    const cols = byTable.get(table);
    const attempt = async (include) => {
      const names = [];
      const exprs = [];
      for (const c of cols) {
        if (c.identity !== "" || c.generated !== "") continue;
        if (!include(c)) continue;
        const e = valueExpr(c);
        if (e === null) {
          if (c.notnull && !c.hasdefault) return `no generator for column ${c.col} of type ${c.type}`;
          continue;
        }
        names.push(ident(c.col));
        exprs.push(e);
      }
      const sql = names.length === 0 ? `insert into ${qualified(table)} select from generate_series(1, ${rowsPerTable}) g` : `insert into ${qualified(table)} (${names.join(", ")}) select ${exprs.join(", ")} from generate_series(1, ${rowsPerTable}) g`;
      try {
        await sandbox.exec(sql, timeoutMs);
        return null;
      } catch (e) {
        return toDbError(e).message;
      }
    };
    const full = await attempt((c) => !c.hasdefault);
    if (full === null) {
      pass.filled.push(oid);
      continue;
    }
    if (!sandbox.alive) {
      pass.failed.push({ oid, reason: full });
      break;
    }
    const minimal = await attempt((c) => c.notnull && !c.hasdefault);
    if (minimal === null) pass.filled.push(oid);
    else pass.failed.push({ oid, reason: minimal });
  }
  return pass;
}

// src/dryrun/run.ts
function makeProvider(opts) {
  switch (opts.engine) {
    case "pglite":
      return new PgliteProvider(imageCache(resolveCacheDir(opts.cacheDir)), opts.memoryLimitMb);
    case "url":
      if (!opts.databaseUrl) throw new Error("the url dry-run engine needs a database URL (dryRun.databaseUrl)");
      return new UrlProvider(opts.databaseUrl);
    case "local":
      return new LocalProvider({ ...opts.pgBinDir ? { binDir: opts.pgBinDir } : {}, ...opts.targetMajor !== void 0 ? { targetMajor: opts.targetMajor } : {} });
  }
}
function baseKey(base, extensions = []) {
  const loaded = pgliteExtensionsFor(extensions).map(([name]) => name);
  return hashKey([
    "pglite",
    pgliteVersion(),
    loaded.sort().join(","),
    ...base.flatMap((m) => [
      m.migration.id,
      m.migration.transaction,
      m.migration.up.path,
      m.migration.up.text,
      // Its rollback's round trip is part of the outcome kept with the image (applyBase).
      ...m.migration.historyFollows && m.migration.down ? ["down", m.migration.down.path, m.migration.down.text] : []
    ])
  ]);
}
function extensionsCreated(migrations) {
  const names = /* @__PURE__ */ new Set();
  for (const m of migrations) {
    for (const p of [m.up, m.down]) {
      for (const s of p?.statements ?? []) {
        const t = nodeTag(s.ast);
        if (t && t[0] === "CreateExtensionStmt" && typeof t[1].extname === "string") names.add(t[1].extname);
      }
    }
  }
  return [...names].sort();
}
function parseFailure(m, p) {
  const e = p.errors[0];
  return e ? { sqlstate: "42601", message: `does not parse: ${e.message}`, path: e.path, line: e.line, column: e.column } : null;
}
function where(e) {
  return `${e.path}:${e.line}:${e.column}`;
}
async function applyBase(sandbox, base, limits, tick, roundTrips = false) {
  let applied = 0;
  let historyRollbacks;
  const outcome = (o) => historyRollbacks ? { ...o, historyRollbacks } : o;
  for (const m of base) {
    const parseError = parseFailure(m, m.up);
    if (parseError) return outcome({ status: "failed", error: parseError, applied });
    const trip = roundTrips && m.migration.historyFollows === true && m.down !== null && m.migration.down !== null;
    const { kept, own } = trip ? splitBaseChangesets(m) : { kept: null, own: m };
    let before = null;
    let error = null;
    try {
      if (kept) error = await applyUntraced(sandbox, kept, m.migration.up.text, m.migration.transaction, limits);
      before = trip && !error ? await takeSnapshot(sandbox).catch(() => null) : null;
      error ??= await applyUntraced(sandbox, own.up, m.migration.up.text, m.migration.transaction, limits);
    } catch (e) {
      const err = toDbError(e);
      error = { sqlstate: err.sqlstate, message: err.message, path: m.migration.up.path, line: 1, column: 1 };
    }
    if (error) return outcome({ status: "failed", error, applied });
    if (trip) {
      (historyRollbacks ??= {})[m.migration.id] = await rollbackInPlace(sandbox, own, before, limits);
      if (!sandbox.alive) {
        return outcome({ status: "failed", applied, error: { sqlstate: SQLSTATE_CANCELED, message: "the dry-run engine was stopped while it ran the rollback", path: m.migration.down.path, line: 1, column: 1 } });
      }
    }
    applied += 1;
    tick(m.migration.id);
  }
  return outcome({ status: "ok", applied });
}
async function rollbackInPlace(sandbox, m, before, limits) {
  const t0 = Date.now();
  const common = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, statements: [] };
  const down = m.down;
  const downPath = m.migration.down.path;
  const notRun2 = (why) => ({
    ...common,
    status: "passed",
    durationMs: Date.now() - t0,
    rollback: { status: "not-run", differences: [], reapply: "not-run" },
    unobserved: `its rollback ${downPath} was not run: ${why}`
  });
  const downParse = parseFailure(m, down);
  if (downParse) return { ...common, status: "passed", durationMs: 0, rollback: { status: "failed", differences: [], reapply: "not-run", error: downParse } };
  if (!before) return notRun2("the schema before the migration could not be read");
  const inOne = (p) => topLevel(p.statements).filter(({ stmt }) => txControl(stmt) !== "begin" && txControl(stmt) !== "commit");
  const statements = inOne(down);
  const outsideOne = async (stmt) => txControl(stmt) !== null && txControl(stmt) !== "savepoint" || await refusedInSandbox(sandbox, stmt);
  let blocker;
  for (const s of statements) {
    if (await outsideOne(s.stmt) || refusal(s.stmt, s.nested) !== null) {
      blocker = s;
      break;
    }
  }
  if (blocker) {
    const at = `${blocker.stmt.path}:${blocker.stmt.line}:${blocker.stmt.column}`;
    return notRun2(`the dry-run runs it inside a transaction that it rolls back, so that the history after the migration goes on as it was, and the statement at ${at} does not run inside one (or is refused)`);
  }
  const left = () => Math.min(limits.statementTimeoutMs, Math.max(1, limits.deadline - Date.now()));
  const result = { ...common, status: "passed", durationMs: 0, rollback: { status: "exact", differences: [], reapply: "not-run" } };
  try {
    await sandbox.exec("BEGIN", 1e4);
    for (const { stmt } of statements) {
      try {
        await sandbox.exec(stmt.text, left());
      } catch (e) {
        result.rollback = { status: "failed", differences: [], reapply: "not-run", error: errorAt(toDbError(e), stmt, m.migration.down.text) };
        return result;
      }
    }
    const after = await takeSnapshot(sandbox);
    const differences = diffSnapshots(before, after, "after rollback", { enumValuesStay: true });
    result.rollback = { status: differences.length ? "incomplete" : "exact", differences, reapply: "not-run" };
    const up = inOne(m.up);
    let reapplies = enumValuesKept(before, after).length === 0;
    for (const { stmt } of up) if (reapplies && (txControl(stmt) !== null && txControl(stmt) !== "savepoint" || cannotRunInTransaction(stmt, sandbox.serverVersion))) reapplies = false;
    if (reapplies) {
      result.rollback.reapply = "passed";
      for (const { stmt } of up) {
        try {
          await sandbox.exec(stmt.text, left());
        } catch (e) {
          result.rollback.reapply = "failed";
          result.rollback.error = errorAt(toDbError(e), stmt, m.migration.up.text);
          break;
        }
      }
    }
    return result;
  } catch (e) {
    return notRun2(`the dry-run's own work around it failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    result.durationMs = Date.now() - t0;
    if (sandbox.alive) await sandbox.exec("ROLLBACK", 1e4).catch(() => void 0);
  }
}
function unobservedResult(common, why, durationMs, statements = []) {
  return { ...common, status: "failed", unobserved: why, reason: `the dry-run could not observe this migration: ${why}`, statements, durationMs };
}
function notRun(engine, serverVersion, reason, status = "skipped") {
  return { engine, serverVersion, status, reason, unobserved: reason, statements: [], durationMs: 0 };
}
async function reviewOne(sandbox, whole, limits, seed, fromCache) {
  const t0 = Date.now();
  const common = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, ...seed ? { seed } : {}, ...fromCache ? { baseFromCache: true } : {} };
  const parseError = parseFailure(whole, whole.up);
  if (parseError) {
    return { result: { ...common, status: "skipped", reason: `the migration does not parse (${where(parseError)})`, statements: [], durationMs: 0 }, stop: true };
  }
  const { kept, own: m } = splitBaseChangesets(whole);
  if (kept) {
    let error;
    try {
      error = await applyUntraced(sandbox, kept, m.migration.up.text, m.migration.transaction, limits);
    } catch (e) {
      const err = toDbError(e);
      error = { sqlstate: err.sqlstate, message: err.message, path: m.migration.up.path, line: 1, column: 1 };
    }
    if (error) {
      return { result: { ...common, status: "failed", reason: `the base branch's changesets of the file failed at ${where(error)}: ${error.message} (SQLSTATE ${error.sqlstate})`, statements: [], error, durationMs: Date.now() - t0, rollback: { status: "not-run", differences: [], reapply: "not-run" } }, stop: true };
    }
  }
  const pre = await relationsNow(sandbox);
  const before = m.down && m.migration.down ? await takeSnapshot(sandbox) : null;
  const up = await executeTraced({ sandbox, parsed: m.up, sourceText: m.migration.up.text, transaction: m.migration.transaction, pre, limits });
  if (up.unobserved) {
    return { result: unobservedResult(common, up.unobserved, Date.now() - t0, up.traces), stop: true };
  }
  if (up.error) {
    const reason = up.refused ? `refused before running: ${up.refused} (${where(up.error)})` : up.timedOut ? `stopped at the time limit at ${where(up.error)}: ${up.error.message}` : `failed at ${where(up.error)}: ${up.error.message} (SQLSTATE ${up.error.sqlstate})`;
    return {
      result: {
        ...common,
        status: "failed",
        reason,
        statements: up.traces,
        error: up.error,
        durationMs: Date.now() - t0,
        ...up.refused ? { refused: up.refused } : {},
        ...up.timedOut ? { timedOut: true } : {},
        rollback: { status: "not-run", differences: [], reapply: "not-run" }
      },
      // A refused migration changed nothing, but the ones after it may build on it.
      stop: true
    };
  }
  const result = { ...common, status: "passed", statements: up.traces, durationMs: 0, rollback: { status: "not-run", differences: [], reapply: "not-run" } };
  let rebuild = false;
  const down = m.down;
  if (down && m.migration.down && before) {
    const downParse = parseFailure(m, down);
    if (downParse) {
      result.rollback = { status: "failed", differences: [], reapply: "not-run", error: downParse };
    } else {
      const preDown = await relationsNow(sandbox);
      const rb = await executeTraced({ sandbox, parsed: down, sourceText: m.migration.down.text, transaction: m.migration.transaction, pre: preDown, limits });
      result.rollbackStatements = rb.traces;
      if (rb.unobserved) {
        return { result: unobservedResult(common, `the rollback: ${rb.unobserved}`, Date.now() - t0, up.traces), stop: true };
      }
      if (rb.error) {
        result.rollback = { status: "failed", differences: [], reapply: "not-run", error: rb.error };
        if (rb.timedOut) result.timedOut = true;
        rebuild = !sandbox.alive || rb.traces.length > 1;
      } else {
        const after = await takeSnapshot(sandbox);
        const differences = diffSnapshots(before, after, "after rollback", { enumValuesStay: true });
        const enumsKept = enumValuesKept(before, after).length > 0;
        result.rollback = { status: differences.length ? "incomplete" : "exact", differences, reapply: enumsKept ? "not-run" : "passed" };
        let again = null;
        if (!enumsKept) {
          try {
            again = await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits);
          } catch (e) {
            const err = toDbError(e);
            again = { sqlstate: err.sqlstate, message: err.message, path: m.up.path, line: 1, column: 1 };
          }
        }
        if (again) {
          result.rollback.reapply = "failed";
          result.rollback.error = again;
          rebuild = true;
        }
      }
    }
  }
  result.durationMs = Date.now() - t0;
  return { result, stop: false, rebuild };
}
function splitBaseChangesets(m) {
  const ranges = m.migration.baseChangesets;
  if (!ranges) return { kept: null, own: m };
  const inBase = (s) => ranges.some(([a, b]) => s.start >= a && s.start < b);
  return {
    kept: { ...m.up, statements: m.up.statements.filter(inBase) },
    own: { ...m, up: { ...m.up, statements: m.up.statements.filter((s) => !inBase(s)) } }
  };
}
async function rebuildForward(provider, key, extensions, base, applied, limits, opts) {
  const { sandbox, fromCache } = await provider.open(key, extensions);
  try {
    await createRunnerTables(sandbox, [...base, ...applied], limits.statementTimeoutMs);
    if (!fromCache && (await applyBase(sandbox, base, limits, () => {
    })).status !== "ok") throw new Error("base history");
    const seeder = opts.seedRows > 0 ? new Seeder(opts.seedRows, opts.statementTimeoutMs) : null;
    for (const [i, m] of applied.entries()) {
      if (seeder && (i === 0 || opts.seedBefore === "each")) await seeder.before(sandbox);
      if (await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits)) throw new Error(m.migration.id);
    }
    return { sandbox, seeder };
  } catch {
    await sandbox.close();
    return null;
  }
}
async function openBase(provider, base, all, extensions, limits, tick, fromSnapshot) {
  const key = baseKey(base, extensions);
  const opened = await provider.open(key, extensions);
  const sandbox = opened.sandbox;
  try {
    await createRunnerTables(sandbox, all, limits.statementTimeoutMs);
    const cached = opened.fromCache ? opened.cachedMeta : void 0;
    if (cached) {
      for (const m of base) tick(m.migration.id);
      return { sandbox, fromCache: true, key, outcome: cached };
    }
    const outcome = { ...await applyBase(sandbox, base, limits, tick, true), ...fromSnapshot ? { fromSnapshot } : {} };
    if (outcome.status === "ok" && base.length > 0) await provider.save(sandbox, key, outcome);
    return { sandbox, fromCache: opened.fromCache, key, outcome };
  } catch (e) {
    await sandbox.close();
    throw e;
  }
}
async function runDryRun(input, opts) {
  const results = /* @__PURE__ */ new Map();
  const limits = { statementTimeoutMs: opts.statementTimeoutMs, deadline: Date.now() + opts.totalTimeoutMs };
  const total = input.base.length + input.review.length;
  let done = 0;
  const tick = (label) => opts.onProgress?.({ stage: "dry-run", done: ++done, total, label });
  const engineName = opts.engine;
  const failAll = (reason, status = "skipped", version = "unknown") => {
    for (const m of input.review) if (!results.has(m.migration.id)) results.set(m.migration.id, notRun(engineName, version, reason, status));
  };
  let provider = null;
  let sandbox = null;
  let base = { status: "ok", applied: 0 };
  let baseUsed = input.base;
  let clean = true;
  const look = async (read) => {
    if (!clean) return;
    try {
      await read();
    } catch {
    }
  };
  try {
    provider = opts.provider ?? makeProvider(opts);
    const extensions = extensionsCreated([...input.base, ...input.snapshotBase ?? [], ...input.review]);
    let opened = await openBase(provider, input.base, [...input.base, ...input.review], extensions, limits, tick);
    sandbox = opened.sandbox;
    base = opened.outcome;
    if (base.status === "failed" && input.snapshotBase && input.snapshotBase.length > 0) {
      const historyError = base.error;
      await sandbox.close();
      sandbox = null;
      opened = await openBase(provider, input.snapshotBase, [...input.snapshotBase, ...input.review], extensions, limits, () => {
      }, { historyError });
      sandbox = opened.sandbox;
      base = opened.outcome.status === "ok" ? opened.outcome : { ...opened.outcome, fromSnapshot: { historyError } };
      baseUsed = input.snapshotBase;
    }
    const key = opened.key;
    if (base.status === "failed") {
      const e = base.error;
      const history = base.fromSnapshot ? `the base history fails at ${where(base.fromSnapshot.historyError)}: ${base.fromSnapshot.historyError.message}, and the base built from the whole schema fails at ${where(e)}: ${e.message}` : `the base history fails at ${where(e)}: ${e.message}`;
      failAll(`${history}; the migrations under review were not run`, "base-failed", sandbox.serverVersion);
      return { base, baseUsed, results };
    }
    let seeder = opts.seedRows > 0 ? new Seeder(opts.seedRows, opts.statementTimeoutMs) : null;
    let seed = null;
    let stoppedBy = null;
    const applied = [];
    for (const m of input.review) {
      if (stoppedBy || !sandbox) {
        results.set(m.migration.id, notRun(engineName, sandbox?.serverVersion ?? "unknown", stoppedBy ?? "not run"));
      } else if (!sandbox.alive) {
        stoppedBy = "the dry-run engine was stopped at a time limit";
        results.set(m.migration.id, notRun(sandbox.engine, sandbox.serverVersion, stoppedBy));
      } else {
        let outcome;
        try {
          if (seeder && (seed === null || opts.seedBefore === "each")) {
            seed = await seeder.before(sandbox);
            if (opts.seedBefore !== "each" && seed.reason && seed.tables.length === 0 && seed.skipped.length === 0) {
              seed.reason = "the base history creates no table (a table this change creates is empty when its next migration runs)";
            }
          }
          if (!sandbox.alive) {
            stoppedBy = "not run: the dry-run engine was stopped at a time limit while seeding rows";
            results.set(m.migration.id, notRun(sandbox.engine, sandbox.serverVersion, stoppedBy));
            tick(m.migration.id);
            continue;
          }
          if (seed && seed.tables.length > 0) clean = false;
          const db = sandbox;
          await look(() => opts.observe?.before?.(db, m));
          outcome = await reviewOne(sandbox, m, limits, seed, opened.fromCache);
        } catch (e) {
          const why = e instanceof ObservationError ? e.message : `the dry-run engine failed: ${e instanceof Error ? e.message : String(e)}`;
          outcome = { result: unobservedResult({ engine: sandbox.engine, serverVersion: sandbox.serverVersion }, why, 0), stop: true };
        }
        const { result, stop, rebuild } = outcome;
        results.set(m.migration.id, result);
        applied.push(m);
        const rb = result.rollback;
        if (result.status !== "passed" || rb && rb.status !== "not-run" && (rb.status !== "exact" || rb.reapply !== "passed")) clean = false;
        if (stop) stoppedBy = result.unobserved ? `not run: the dry-run could not observe the earlier migration ${m.migration.id}` : `not run: the earlier migration ${m.migration.id} did not apply cleanly`;
        else if (rebuild && m !== input.review.at(-1)) {
          await sandbox.close();
          sandbox = null;
          const rebuilt = await rebuildForward(provider, key, extensions, baseUsed, applied, limits, opts);
          sandbox = rebuilt?.sandbox ?? null;
          seeder = rebuilt?.seeder ?? null;
          if (!sandbox) stoppedBy = `not run: the database could not be rebuilt after the rollback of ${m.migration.id}`;
        }
      }
      tick(m.migration.id);
    }
    if (sandbox?.alive && input.review.length > 0 && results.size === input.review.length) {
      const db = sandbox;
      await look(() => opts.observe?.after?.(db, baseUsed));
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    for (const m of input.review) {
      if (!results.has(m.migration.id)) results.set(m.migration.id, unobservedResult({ engine: engineName, serverVersion: sandbox?.serverVersion ?? "unknown" }, `the dry-run engine failed: ${message}`, 0));
    }
    if (!results.size && input.review.length === 0) base = { status: "failed", applied: base.applied, error: { sqlstate: "XX000", message, path: "", line: 0, column: 0 } };
  } finally {
    await sandbox?.close();
    if (!opts.provider) await provider?.dispose().catch(() => void 0);
  }
  return { base, baseUsed, results };
}

export {
  SQLSTATE_CANCELED,
  SQLSTATE_PRIVILEGE,
  toDbError,
  cannotRunInTransaction,
  relationsNow,
  executeTraced,
  applyUntraced,
  takeSnapshot,
  diffSnapshots,
  sweepStale,
  findPgBinDir,
  sweepStaleClusters,
  createRunnerTables,
  SEED_FORMAT,
  seedTables,
  makeProvider,
  baseKey,
  extensionsCreated,
  applyBase,
  runDryRun
};
