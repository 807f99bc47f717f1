// The one interface every dry-run backend implements: a throwaway database the migration
// runs in, as an unprivileged role where the backend can do that. The runner (run.ts) only
// talks to this, so PGlite, a server given by URL and a temporary local cluster trace alike.
import type { LockMode } from '../core/types.js';

export type EngineName = 'pglite' | 'url' | 'local';

/** An error Postgres (or the watchdog) reported, reduced to what the report needs. */
export interface DbErrorInfo {
  sqlstate: string;
  message: string;
  /** 1-based character position in the statement text, when Postgres gave one. */
  position?: number;
}

export class DbError extends Error implements DbErrorInfo {
  readonly sqlstate: string;
  readonly position?: number;
  constructor(info: DbErrorInfo) {
    super(info.message);
    this.name = 'DbError';
    this.sqlstate = info.sqlstate;
    if (info.position !== undefined) this.position = info.position;
  }
}

/**
 * One of our own queries failed, not the migration: what the dry-run was to observe is
 * unknown. A migration can cause this on purpose (it sabotages a function we call, ends its
 * own session, exhausts the engine), so the runner reports it as a finding, never as a pass.
 */
export class ObservationError extends Error {
  constructor(readonly what: string, override readonly cause: DbError) {
    super(`${what} failed: ${cause.message}`);
    this.name = 'ObservationError';
  }
}

/** SQLSTATE of query_canceled: what Postgres reports for statement_timeout; we reuse it for the watchdog. */
export const SQLSTATE_CANCELED = '57014';
/** SQLSTATE of insufficient_privilege: what Postgres reports for COPY … PROGRAM as non-superuser. */
export const SQLSTATE_PRIVILEGE = '42501';

/** Normalises whatever a driver threw (pg, PGlite, a worker message) into a DbError. */
export function toDbError(err: unknown): DbError {
  if (err instanceof DbError) return err;
  const e = (err ?? {}) as { code?: unknown; message?: unknown; position?: unknown };
  const sqlstate = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : 'XX000';
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
  const pos = e.position === undefined || e.position === null || e.position === '' ? undefined : Number(e.position);
  return new DbError({ sqlstate, message, ...(pos !== undefined && Number.isFinite(pos) ? { position: pos } : {}) });
}

/** How long one of our introspection queries may take. */
export const INTROSPECTION_TIMEOUT_MS = 60_000;

/** The search_path our own SQL runs with: nothing a migration can create objects in. */
export const TRUSTED_SEARCH_PATH = 'pg_catalog, pg_temp';

/** A parameter of one of our introspection queries, written into the script as a literal. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  // E'' reads backslashes as escapes whatever standard_conforming_strings the migration set.
  return `E'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Our query as a three-statement script for the migration's own session. The session is the
 * migration's: it may have created operators and functions in `public` and put that schema
 * first in its search_path, and an operator with exact argument types outranks pg_catalog's
 * wherever it is in the path. So the script pins the search_path for the query alone and then
 * puts the migration's back: `SET LOCAL` semantics end with an implicit transaction (outside a
 * transaction block the whole script is one) and are restored explicitly inside one. pg_temp
 * is never searched for functions or operators, and comes after pg_catalog for relations and
 * types. Parameters become literals: the simple protocol that runs a script has no binds.
 */
export function pinnedScript(sql: string, params: readonly unknown[] = []): string {
  if (sql.includes(';')) throw new Error('an introspection query is one statement');
  const body = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`introspection query refers to $${n} but has ${params.length} parameters`);
    return literal(params[i]);
  });
  // statement_timeout too: a migration that ends with `SET statement_timeout = 1` would
  // otherwise cancel every query we run after it.
  return [
    `select pg_catalog.set_config('migration_guard.saved_search_path', pg_catalog.current_setting('search_path'), true),
            pg_catalog.set_config('migration_guard.saved_statement_timeout', pg_catalog.current_setting('statement_timeout'), true),
            pg_catalog.set_config('search_path', '${TRUSTED_SEARCH_PATH}', true),
            pg_catalog.set_config('statement_timeout', '${INTROSPECTION_TIMEOUT_MS}', true)`,
    body,
    `select pg_catalog.set_config('search_path', pg_catalog.current_setting('migration_guard.saved_search_path'), true),
            pg_catalog.set_config('statement_timeout', pg_catalog.current_setting('migration_guard.saved_statement_timeout'), true)`,
  ].join(';\n');
}

/** A lock seen while a statement ran outside a transaction (from a second connection). */
export interface WatchedLock {
  oid: number;
  mode: LockMode;
}

export interface Sandbox {
  readonly engine: EngineName;
  readonly serverVersion: string;
  /**
   * Runs one statement's text with the simple query protocol (as psql and migration runners
   * do). Rejects with a DbError; a statement cut off at `timeoutMs` rejects with 57014.
   */
  exec(sql: string, timeoutMs: number): Promise<void>;
  /**
   * An introspection query of ours (trusted SQL, parameters allowed), run in the migration's
   * session with the search_path pinned (pinnedScript), so nothing the migration defined can
   * answer in place of the catalogs.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs a statement that cannot run inside a transaction while a second connection polls
   * pg_locks for the first one's backend. Absent when the engine has one connection (PGlite).
   */
  execWatched?(sql: string, timeoutMs: number): Promise<WatchedLock[]>;
  /** False once a watchdog had to kill the engine: nothing more can run in it. */
  readonly alive: boolean;
  /** Drops everything the sandbox made (database, role, worker, cluster). Never rejects. */
  close(): Promise<void>;
}

/** How a backend opens sandboxes, with a snapshot of the database after the base history. */
export interface SandboxProvider {
  readonly engine: EngineName;
  /**
   * A fresh sandbox. When `baseKey` names a saved snapshot, the sandbox starts from it and
   * `fromCache` is true (the base history is already applied). `extensions` are the names
   * the migrations CREATE EXTENSION (PGlite loads only those).
   */
  open(baseKey: string, extensions?: readonly string[]): Promise<{ sandbox: Sandbox; fromCache: boolean; cachedMeta?: unknown }>;
  /** A sandbox from the snapshot saved for `key`, with its meta; null when there is none (or the backend keeps none). */
  openSaved?(key: string, extensions?: readonly string[]): Promise<{ sandbox: Sandbox; meta: unknown } | null>;
  /**
   * Starts, in the background, the work the first sandbox opened from nothing needs (PGlite:
   * initdb on a cold cache), so that it overlaps the caller's own; dispose() stops it when no
   * sandbox took it. Absent where a sandbox has nothing to start ahead.
   */
  prepare?(): void;
  /** Saves the sandbox's database as the snapshot for `baseKey` (no-op where unsupported). */
  save(sandbox: Sandbox, baseKey: string, meta: unknown): Promise<void>;
  /** Ends anything shared between sandboxes. */
  dispose(): Promise<void>;
}
