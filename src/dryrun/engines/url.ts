// A server given by URL (in CI, a `services: postgres` container). Each sandbox is a
// throwaway database owned by a throwaway unprivileged role; the migration runs as that role,
// so COPY … PROGRAM, pg_read_file, lo_import and ALTER SYSTEM are refused by Postgres itself.
// Both are dropped afterwards: on success, error, time-out and SIGINT/SIGTERM; a SIGKILLed
// run's leftovers are swept by the next run (sweepStale).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import { registerCleanup } from '../cleanup.js';
import { DbError, SQLSTATE_CANCELED, toDbError, type Sandbox, type SandboxProvider, type WatchedLock, type EngineName } from '../sandbox.js';
import type { LockMode } from '../../core/types.js';

/** Names of everything we create start with this; the sweep only ever touches these. */
export const SCRATCH_PREFIX = 'mg_';
const MARKER = 'migration-guard dry-run';
/** A scratch database older than this is stale whoever made it (runs are limited far below). */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
/** Grace after the limit before the watchdog cancels, then terminates, the backend. */
const CANCEL_GRACE_MS = 250;
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

function connect(url: string, config?: pg.ClientConfig): Promise<pg.Client> {
  // pg lets a connectionString override explicit fields, so use one or the other.
  const c = new pg.Client(config ?? { connectionString: url });
  // An idle client whose server goes away emits 'error'; without a listener that would crash us.
  c.on('error', () => undefined);
  return c.connect().then(() => c);
}

function withDatabase(url: string, database: string, user?: string, password?: string): pg.ClientConfig {
  const u = new URL(url);
  return {
    host: u.searchParams.get('host') ?? (decodeURIComponent(u.hostname) || undefined),
    port: u.port ? Number(u.port) : undefined,
    database,
    user: user ?? (decodeURIComponent(u.username) || undefined),
    password: password ?? (u.password ? decodeURIComponent(u.password) : undefined),
    ssl: u.searchParams.get('sslmode') && u.searchParams.get('sslmode') !== 'disable' ? { rejectUnauthorized: false } : undefined,
  } as pg.ClientConfig;
}

interface Marker { pid: number; host: string; started: number }

function parseMarker(comment: string | null): Marker | null {
  if (!comment || !comment.startsWith(MARKER)) return null;
  try {
    return JSON.parse(comment.slice(MARKER.length).trim()) as Marker;
  } catch {
    return null;
  }
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
    const dbs = await admin.query<{ datname: string; comment: string | null }>(
      `select datname, shobj_description(oid, 'pg_database') as comment from pg_database where datname like $1`,
      [`${SCRATCH_PREFIX}%`],
    );
    const me = hostname();
    for (const row of dbs.rows) {
      const m = parseMarker(row.comment);
      if (!m) continue;
      const stale = (m.host === me && !pidAlive(m.pid)) || Date.now() - m.started > STALE_AFTER_MS;
      if (!stale) continue;
      await dropScratch(admin, row.datname).catch(() => undefined);
      dropped.push(row.datname);
    }
    // Roles whose database is gone (a run killed between the two drops).
    const roles = await admin.query<{ rolname: string; comment: string | null }>(
      `select rolname, shobj_description(oid, 'pg_authid') as comment from pg_roles where rolname like $1`,
      [`${SCRATCH_PREFIX}%`],
    );
    const live = new Set((await admin.query<{ datname: string }>('select datname from pg_database')).rows.map((r) => r.datname));
    for (const row of roles.rows) {
      const m = parseMarker(row.comment);
      if (!m || live.has(row.rolname)) continue;
      const stale = (m.host === me && !pidAlive(m.pid)) || Date.now() - m.started > STALE_AFTER_MS;
      if (!stale) continue;
      await admin.query(`drop role if exists ${quoteIdent(row.rolname)}`).catch(() => undefined);
      dropped.push(row.rolname);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
  return dropped;
}

async function dropScratch(admin: pg.Client, name: string): Promise<void> {
  // FORCE (PG 13+) ends the sessions still connected to it.
  await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`).catch(async () => {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]);
    await admin.query(`drop database if exists ${quoteIdent(name)}`);
  });
  await admin.query(`drop role if exists ${quoteIdent(name)}`);
}

class ServerSandbox implements Sandbox {
  private dead = false;
  constructor(
    readonly engine: EngineName,
    readonly serverVersion: string,
    private readonly session: pg.Client,
    /** Superuser connection to the scratch database: watches locks, cancels, introspects. */
    private readonly watcher: pg.Client,
    private readonly sessionPid: number,
    private readonly release: () => Promise<void>,
  ) {}

  get alive(): boolean { return !this.dead; }

  /** Runs `sql` on the migration's session with a watchdog that cancels, then terminates, it. */
  private async guarded<T>(run: Promise<T>, timeoutMs: number): Promise<T> {
    let timedOut = false;
    const cancel = setTimeout(() => {
      timedOut = true;
      void this.watcher.query('select pg_cancel_backend($1)', [this.sessionPid]).catch(() => undefined);
    }, timeoutMs + CANCEL_GRACE_MS);
    const terminate = setTimeout(() => {
      this.dead = true;
      void this.watcher.query('select pg_terminate_backend($1)', [this.sessionPid]).catch(() => undefined);
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
    const r = await this.session.query(sql, params);
    return r.rows as T[];
  }

  async execWatched(sql: string, timeoutMs: number): Promise<WatchedLock[]> {
    const seen = new Map<string, WatchedLock>();
    let running = true;
    const poll = (async () => {
      while (running) {
        try {
          const r = await this.watcher.query<{ oid: string; mode: LockMode }>(
            `select relation::int8 as oid, mode from pg_locks where pid = $1 and locktype = 'relation' and granted and relation >= 16384`,
            [this.sessionPid],
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
    const name = `${SCRATCH_PREFIX}${randomBytes(6).toString('hex')}`;
    const password = randomBytes(18).toString('base64url');
    const marker = `${MARKER} ${JSON.stringify({ pid: process.pid, host: hostname(), started: Date.now() } satisfies Marker)}`;
    const admin = await connect(this.adminUrl);
    const drop = async () => {
      const a = await connect(this.adminUrl);
      try { await dropScratch(a, name); } finally { await a.end().catch(() => undefined); }
    };
    // Registered before anything exists, so an interrupt between the two CREATEs is covered.
    const release = registerCleanup(drop);
    try {
      await admin.query(`create role ${quoteIdent(name)} login password ${quoteLiteral(password)} nosuperuser nocreatedb nocreaterole noreplication`);
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
      session = await connect(this.adminUrl, withDatabase(this.adminUrl, name, name, password));
      watcher = await connect(this.adminUrl, withDatabase(this.adminUrl, name));
      const info = await session.query<{ pid: number; v: string }>(`select pg_backend_pid() as pid, current_setting('server_version') as v`);
      const row = info.rows[0]!;
      return { sandbox: new ServerSandbox(this.engine, row.v, session, watcher, row.pid, release), fromCache: false };
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
