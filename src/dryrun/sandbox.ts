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
  /** An introspection query of ours (trusted SQL, parameters allowed). */
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
  /** Saves the sandbox's database as the snapshot for `baseKey` (no-op where unsupported). */
  save(sandbox: Sandbox, baseKey: string, meta: unknown): Promise<void>;
  /** Ends anything shared between sandboxes. */
  dispose(): Promise<void>;
}
