// A server given by URL (in CI, a `services: postgres` container). Each sandbox is a
// throwaway database owned by a throwaway unprivileged role; the migration runs as that role,
// so COPY … PROGRAM, pg_read_file, lo_import and ALTER SYSTEM are refused by Postgres itself.
// Both are dropped afterwards: on success, error, time-out and SIGINT/SIGTERM; a SIGKILLed
// run's leftovers are swept by the next run (sweepStale).
//
// The migration owns its database, so nothing privileged of ours runs there: the lock watcher
// and the watchdog are admin connections to the admin database, with the search_path pinned
// to pg_catalog at connection start (startup options outrank ALTER DATABASE/ROLE settings).
// The migration's own session answers our introspection only through pinnedScript.
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import { registerCleanup } from '../cleanup.js';
import { DbError, ObservationError, SQLSTATE_CANCELED, TRUSTED_SEARCH_PATH, pinnedScript, toDbError, type Sandbox, type SandboxProvider, type WatchedLock, type EngineName } from '../sandbox.js';
import type { LockMode } from '../../core/types.js';

/** Names of everything we create start with this; the sweep only ever touches these. */
export const SCRATCH_PREFIX = 'mg_';
const MARKER = 'migration-guard dry-run';
/** A scratch database older than this is stale whoever made it (runs are limited far below). */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
/** Grace after the limit before the watchdog cancels, then terminates, the backend. */
const CANCEL_GRACE_MS = 250;
/** temp_file_limit of the migration's role. */
const TEMP_FILE_LIMIT = '1GB';
const TERMINATE_GRACE_MS = 2_000;

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A connection of ours: the admin URL's database unless `config` names another. */
function connect(url: string, config?: pg.ClientConfig): Promise<pg.Client> {
  const base = config ?? withDatabase(url, databaseOf(url));
  const c = new pg.Client(base);
  // An idle client whose server goes away emits 'error'; without a listener that would crash us.
  c.on('error', () => undefined);
  return c.connect().then(() => c);
}

function databaseOf(url: string): string {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
}

/** Connection settings from the URL; `trusted` pins the search_path for our own SQL. */
function withDatabase(url: string, database: string, user?: string, password?: string, trusted = true): pg.ClientConfig {
  const u = new URL(url);
  return {
    ...(trusted ? { options: `-c search_path=${TRUSTED_SEARCH_PATH.replace(/ /g, '')}` } : {}),
    host: u.searchParams.get('host') ?? (decodeURIComponent(u.hostname) || undefined),
    port: u.port ? Number(u.port) : undefined,
    database,
    user: user ?? (decodeURIComponent(u.username) || undefined),
    password: password ?? (u.password ? decodeURIComponent(u.password) : undefined),
    ssl: u.searchParams.get('sslmode') && u.searchParams.get('sslmode') !== 'disable' ? { rejectUnauthorized: false } : undefined,
  } as pg.ClientConfig;
}

interface Marker { pid: number; host: string; started: number }

/**
 * The registry of scratch objects is their name: `mg_<host>_<pid>_<started>_<random>`. The
 * migration's role cannot rename its database or itself (both need privileges it lacks),
 * while a COMMENT ON DATABASE marker it could overwrite, and so escape every later sweep.
 */
const SCRATCH_NAME = /^mg_([0-9a-f]{8})_([0-9a-z]{1,8})_([0-9a-z]{1,10})_[0-9a-f]{6}$/;

function hostTag(host: string): string {
  return createHash('sha256').update(host).digest('hex').slice(0, 8);
}

function scratchName(marker: Marker, random = randomBytes(3).toString('hex')): string {
  return `${SCRATCH_PREFIX}${hostTag(marker.host)}_${marker.pid.toString(36)}_${marker.started.toString(36)}_${random}`;
}

/** What a scratch name says of its owner: the host (as a tag), the pid and the start time. */
export function parseScratchName(name: string): { hostTag: string; pid: number; started: number } | null {
  const m = SCRATCH_NAME.exec(name);
  return m ? { hostTag: m[1]!, pid: parseInt(m[2]!, 36), started: parseInt(m[3]!, 36) } : null;
}

function isStale(name: string): boolean {
  const m = parseScratchName(name);
  if (!m) return false;
  return (m.hostTag === hostTag(hostname()) && !pidAlive(m.pid)) || Date.now() - m.started > STALE_AFTER_MS;
}

/**
 * Drops scratch databases and roles left by runs that died without cleaning up (SIGKILL,
 * power loss): those whose owner process on this host is gone, and any older than six hours.
 * Returns the names dropped.
 */
export async function sweepStale(adminUrl: string): Promise<string[]> {
  const admin = await connect(adminUrl);
  const dropped: string[] = [];
  try {
    const dbs = await admin.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1::text)`, [SCRATCH_PREFIX]);
    for (const { datname } of dbs.rows) {
      if (!isStale(datname)) continue;
      await dropScratch(admin, datname).catch(() => undefined);
      dropped.push(datname);
    }
    // Roles whose database is gone (a run killed between the two drops).
    const roles = await admin.query<{ rolname: string }>(`select rolname from pg_roles where starts_with(rolname, $1::text)`, [SCRATCH_PREFIX]);
    for (const { rolname } of roles.rows) {
      if (dropped.includes(rolname) || !isStale(rolname)) continue;
      await dropRole(admin, rolname).catch(() => undefined);
      dropped.push(rolname);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
  return dropped;
}

/** Ends every session of the role (a backend may still be running the migration), then drops it. */
async function dropRole(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where usename = $1::text and pid <> pg_backend_pid()`, [name]);
  await admin.query(`drop role if exists ${quoteIdent(name)}`);
}

async function dropScratch(admin: pg.Client, name: string): Promise<void> {
  // FORCE (PG 13+) ends the sessions still connected to it.
  await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`).catch(async () => {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1::text and pid <> pg_backend_pid()`, [name]);
    await admin.query(`drop database if exists ${quoteIdent(name)}`);
  });
  await dropRole(admin, name);
}

class ServerSandbox implements Sandbox {
  private dead = false;
  constructor(
    readonly engine: EngineName,
    readonly serverVersion: string,
    private readonly session: pg.Client,
    /** Admin connection to the admin database (never the scratch one): watches locks, cancels, terminates. */
    private readonly watcher: pg.Client,
    private readonly sessionPid: number,
    /** Oid of the scratch database, to pick its locks out of the cluster-wide pg_locks. */
    private readonly databaseOid: number,
    private readonly release: () => Promise<void>,
  ) {}

  get alive(): boolean { return !this.dead; }

  /** Runs `sql` on the migration's session with a watchdog that cancels, then terminates, it. */
  private async guarded<T>(run: Promise<T>, timeoutMs: number): Promise<T> {
    let timedOut = false;
    const cancel = setTimeout(() => {
      timedOut = true;
      void this.watcher.query('select pg_catalog.pg_cancel_backend($1::pg_catalog.int4)', [this.sessionPid]).catch(() => undefined);
    }, timeoutMs + CANCEL_GRACE_MS);
    const terminate = setTimeout(() => {
      this.dead = true;
      void this.watcher.query('select pg_catalog.pg_terminate_backend($1::pg_catalog.int4)', [this.sessionPid]).catch(() => undefined);
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

  async exec(sql: string, timeoutMs: number): Promise<void> {
    if (this.dead) throw new DbError({ sqlstate: 'XX000', message: 'the dry-run session was terminated after an earlier time-out' });
    // The migration may change statement_timeout itself; set ours before every statement and
    // keep the watchdog as the backstop.
    await this.session.query(`set statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`).catch(() => undefined);
    await this.guarded(this.session.query(sql), timeoutMs);
  }

  async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
    try {
      const results = (await this.session.query(pinnedScript(sql, params))) as unknown as pg.QueryResult[];
      return results[1]!.rows as T[];
    } catch (e) {
      throw new ObservationError('an introspection query of the dry-run', toDbError(e));
    }
  }

  async execWatched(sql: string, timeoutMs: number): Promise<WatchedLock[]> {
    const seen = new Map<string, WatchedLock>();
    let running = true;
    const poll = (async () => {
      while (running) {
        try {
          const r = await this.watcher.query<{ oid: string; mode: LockMode }>(
            `select relation::pg_catalog.int8 as oid, mode from pg_catalog.pg_locks
              where pid = $1::pg_catalog.int4 and database = $2::pg_catalog.oid and locktype = 'relation' and granted and relation >= 16384::pg_catalog.oid`,
            [this.sessionPid, this.databaseOid],
          );
          for (const row of r.rows) seen.set(`${row.oid}|${row.mode}`, { oid: Number(row.oid), mode: row.mode });
        } catch {
          return;
        }
        // Back-to-back polls: a CONCURRENTLY build on a small table takes milliseconds.
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

  async close(): Promise<void> {
    await this.session.end().catch(() => undefined);
    await this.watcher.end().catch(() => undefined);
    await this.release().catch(() => undefined);
  }
}

/** Opens scratch databases on the server at `adminUrl` (a role allowed to create roles and databases). */
export class UrlProvider implements SandboxProvider {
  private swept = false;
  constructor(private readonly adminUrl: string, readonly engine: EngineName = 'url') {}

  async open(_baseKey: string): Promise<{ sandbox: Sandbox; fromCache: boolean }> {
    if (!this.swept) {
      this.swept = true;
      await sweepStale(this.adminUrl).catch(() => undefined);
    }
    const owner: Marker = { pid: process.pid, host: hostname(), started: Date.now() };
    const name = scratchName(owner);
    const password = randomBytes(18).toString('base64url');
    // For people looking at the server; the sweep trusts only the name.
    const marker = `${MARKER} ${JSON.stringify(owner)}`;
    const admin = await connect(this.adminUrl);
    const drop = async () => {
      const a = await connect(this.adminUrl);
      try { await dropScratch(a, name); } finally { await a.end().catch(() => undefined); }
    };
    // Registered before anything exists, so an interrupt between the two CREATEs is covered.
    const release = registerCleanup(drop);
    try {
      await admin.query(`create role ${quoteIdent(name)} login password ${quoteLiteral(password)} nosuperuser nocreatedb nocreaterole noreplication nobypassrls`);
      // A cap the role cannot lift (superuser-only setting): temp files of a runaway sort or hash.
      await admin.query(`alter role ${quoteIdent(name)} set temp_file_limit = '${TEMP_FILE_LIMIT}'`).catch(() => undefined);
      await admin.query(`comment on role ${quoteIdent(name)} is ${quoteLiteral(marker)}`);
      await admin.query(`create database ${quoteIdent(name)} owner ${quoteIdent(name)} template template0 encoding 'UTF8'`);
      await admin.query(`comment on database ${quoteIdent(name)} is ${quoteLiteral(marker)}`);
    } catch (e) {
      await admin.end().catch(() => undefined);
      await release();
      throw toDbError(e);
    } finally {
      await admin.end().catch(() => undefined);
    }
    let session: pg.Client | null = null;
    let watcher: pg.Client | null = null;
    try {
      session = await connect(this.adminUrl, withDatabase(this.adminUrl, name, name, password, false));
      watcher = await connect(this.adminUrl);
      const info = await session.query<{ pid: number; v: string }>(`select pg_catalog.pg_backend_pid() as pid, pg_catalog.current_setting('server_version') as v`);
      const row = info.rows[0]!;
      const db = await watcher.query<{ oid: string }>(`select oid::pg_catalog.int8 as oid from pg_catalog.pg_database where datname = $1::pg_catalog.text`, [name]);
      return { sandbox: new ServerSandbox(this.engine, row.v, session, watcher, row.pid, Number(db.rows[0]!.oid), release), fromCache: false };
    } catch (e) {
      await session?.end().catch(() => undefined);
      await watcher?.end().catch(() => undefined);
      await release();
      throw toDbError(e);
    }
  }

  async save(): Promise<void> {
    // A server keeps no image between runs: leaving a template database behind would break
    // "nothing is left behind".
  }

  async dispose(): Promise<void> {}
}
