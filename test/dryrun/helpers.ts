// Builds dry-run inputs from SQL strings with the real parser, and checks the local server.
import pg from 'pg';
import { afterAll } from 'vitest';
import { makeProvider } from '../../src/dryrun/run.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import type { Migration, TransactionMode } from '../../src/core/types.js';
import type { DryRunMigration, DryRunOptions } from '../../src/dryrun/index.js';
import { parseScratchName } from '../../src/dryrun/engines/url.js';

export const SERVER_URL = process.env.MG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The run's dry-run cache, shared by every test file and process (test/support/global-setup.ts). */
export const TEST_CACHE_DIR = process.env.MIGRATION_GUARD_CACHE_DIR ?? null;

export async function ready(): Promise<void> {
  await initParser();
}

export function mig(id: string, up: string, down: string | null = null, transaction: TransactionMode = 'wrapped'): DryRunMigration {
  const upSrc = { path: `db/${id}.up.sql`, text: up };
  const downSrc = down === null ? null : { path: `db/${id}.down.sql`, text: down };
  const migration: Migration = {
    id, version: id.split('_')[0] ?? id, name: id, layout: 'golang-migrate', dir: 'db',
    up: upSrc, down: downSrc, rollbackStatus: down === null ? 'missing' : 'present', transaction, change: 'added',
  };
  return { migration, up: parseSource(upSrc), down: downSrc ? parseSource(downSrc) : null };
}

export function options(engine: DryRunOptions['engine'], extra: Partial<DryRunOptions> = {}): DryRunOptions {
  return {
    engine, statementTimeoutMs: 10_000, totalTimeoutMs: 120_000, seedRows: 0,
    // The run's shared cache (test/support/global-setup.ts): the fresh PGlite image is made once.
    cacheDir: TEST_CACHE_DIR, databaseUrl: SERVER_URL, ...extra,
  };
}

/**
 * Options like `options`, except that the `local` engine's runs of this test file share one
 * temporary cluster (started on first use, removed after the file), each in a scratch database
 * of its own, as the verifiers of one review do: the cases are about what a migration can do
 * inside it. Starting and removing clusters is tested in killed.test.ts and engines.test.ts.
 * Call once per file, at its top level.
 */
export function sharedLocalCluster(): (engine: DryRunOptions['engine'], extra?: Partial<DryRunOptions>) => DryRunOptions {
  const local = makeProvider(options('local'));
  afterAll(() => local.dispose());
  return (engine, extra = {}) => ({ ...options(engine, extra), ...(engine === 'local' ? { provider: local } : {}) });
}

/** Fails (does not skip) with a clear message when the test server is down. */
export async function requireServer(): Promise<void> {
  const c = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
  } catch (e) {
    throw new Error(`these tests need the PostgreSQL server at ${SERVER_URL} (trust auth, user postgres): ${(e as Error).message}`);
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function serverRows<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/**
 * Scratch databases and roles left behind by this test process or by a process that is gone.
 * Ones owned by another live process (a test file running in parallel in another worker) are
 * not ours to judge: counting them would make these checks flaky. The owner is read from the
 * name, as the engine's own sweep does.
 */
export async function scratchLeftovers(): Promise<string[]> {
  const rows = await serverRows<{ name: string }>(
    `select datname as name from pg_database where starts_with(datname, 'mg_') union all select rolname from pg_roles where starts_with(rolname, 'mg_')`);
  return rows.map((r) => r.name).filter((name) => {
    const owner = parseScratchName(name);
    return owner !== null && !ownedByOtherLiveProcess(owner.pid);
  });
}

function ownedByOtherLiveProcess(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
