// The list of statements PostgreSQL refuses inside a transaction block (analyze/transaction-block.ts),
// checked against the engines themselves: each statement runs inside BEGIN on the local
// PostgreSQL (127.0.0.1:5432, in a scratch database dropped afterwards) and on PGlite, and the
// engine's answer (refused or not) must be the helper's. Every statement is rolled back.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedInTransactionBlock, transactionBlockRefusal } from '../../src/analyze/transaction-block.js';
import { initParser, parseSource } from '../../src/parse/index.js';

const scratch = `mg_txn_block_${process.pid}`;
const SCHEMA = `
CREATE TABLE t (a int);
CREATE INDEX t_a ON t (a);
CREATE TABLE p (a int) PARTITION BY LIST (a);
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
CREATE INDEX p_a ON p (a);
CREATE TYPE e AS ENUM ('x');
CREATE PUBLICATION pub;
`;
const VERSION = "SELECT current_setting('server_version_num') AS v";
const PARTITIONED = new Set(['public.p', 'public.p_a']);
/** A subscription that never reaches a publisher (connect = false; enabled later on PostgreSQL only, see below). */
const SUBSCRIPTION = `CREATE SUBSCRIPTION s CONNECTION 'host=127.0.0.1 port=1 dbname=none connect_timeout=1' PUBLICATION pub WITH (connect = false)`;

type Engine = 'postgres' | 'pglite';
interface Case {
  sql: string;
  refused: boolean;
  /** Where it can be shown: PGlite has no logical replication worker, so no subscription exists there. */
  only?: Engine;
  /** PostgreSQL's error code: 25001 (active_sql_transaction), 2D000 for a DO block that commits. */
  code?: string;
}

const CASES: Case[] = [
  { sql: 'CREATE DATABASE mg_never', refused: true },
  { sql: 'DROP DATABASE mg_never', refused: true },
  { sql: 'ALTER DATABASE postgres SET TABLESPACE pg_default', refused: true },
  { sql: "ALTER DATABASE postgres SET work_mem = '5MB'", refused: false, only: 'postgres' },
  { sql: "CREATE TABLESPACE mg_never LOCATION '/nonexistent'", refused: true },
  { sql: 'DROP TABLESPACE mg_never', refused: true },
  { sql: "ALTER SYSTEM SET work_mem = '5MB'", refused: true },
  { sql: 'ALTER SYSTEM RESET ALL', refused: true },
  { sql: 'CREATE INDEX CONCURRENTLY t_a2 ON t (a)', refused: true },
  { sql: 'CREATE INDEX t_a2 ON t (a)', refused: false },
  { sql: 'DROP INDEX CONCURRENTLY t_a', refused: true },
  { sql: 'DROP INDEX t_a', refused: false },
  { sql: 'REINDEX TABLE CONCURRENTLY t', refused: true },
  { sql: 'REINDEX (CONCURRENTLY) INDEX t_a', refused: true },
  { sql: 'REINDEX SCHEMA public', refused: true },
  // The name is optional only since PostgreSQL 16: {db} is the engine's current database.
  { sql: 'REINDEX DATABASE {db}', refused: true },
  { sql: 'REINDEX SYSTEM {db}', refused: true },
  { sql: 'REINDEX TABLE t', refused: false },
  { sql: 'REINDEX INDEX t_a', refused: false },
  { sql: 'REINDEX TABLE p', refused: true },
  { sql: 'REINDEX INDEX p_a', refused: true },
  { sql: 'VACUUM t', refused: true },
  { sql: 'VACUUM (ANALYZE) t', refused: true },
  { sql: 'VACUUM FULL t', refused: true },
  { sql: 'ANALYZE t', refused: false },
  { sql: 'CLUSTER', refused: true },
  { sql: 'CLUSTER VERBOSE', refused: true },
  { sql: 'CLUSTER t USING t_a', refused: false },
  { sql: 'CLUSTER p USING p_a', refused: true },
  { sql: 'ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY', refused: true },
  { sql: 'ALTER TABLE p DETACH PARTITION p1', refused: false },
  { sql: 'DISCARD ALL', refused: true },
  { sql: 'DISCARD PLANS', refused: false },
  { sql: 'DISCARD TEMP', refused: false },
  { sql: "COMMIT PREPARED 'mg_never'", refused: true },
  { sql: "ROLLBACK PREPARED 'mg_never'", refused: true },
  { sql: "CREATE SUBSCRIPTION s2 CONNECTION 'host=127.0.0.1 port=1' PUBLICATION pub", refused: true },
  { sql: "CREATE SUBSCRIPTION s2 CONNECTION 'host=127.0.0.1 port=1' PUBLICATION pub WITH (create_slot = true, copy_data = false)", refused: true },
  { sql: "CREATE SUBSCRIPTION s2 CONNECTION 'host=127.0.0.1 port=1' PUBLICATION pub WITH (connect = false)", refused: false, only: 'postgres' },
  { sql: 'DROP SUBSCRIPTION s', refused: true, only: 'postgres' },
  { sql: 'ALTER SUBSCRIPTION s REFRESH PUBLICATION', refused: true, only: 'postgres' },
  { sql: 'ALTER SUBSCRIPTION s REFRESH PUBLICATION WITH (copy_data = false)', refused: true, only: 'postgres' },
  { sql: 'ALTER SUBSCRIPTION s SET PUBLICATION pub', refused: true, only: 'postgres' },
  { sql: 'ALTER SUBSCRIPTION s ADD PUBLICATION pub2', refused: true, only: 'postgres' },
  { sql: 'ALTER SUBSCRIPTION s SET PUBLICATION pub WITH (refresh = false)', refused: false, only: 'postgres' },
  { sql: "ALTER TYPE e ADD VALUE 'y'", refused: false },
  { sql: 'DO $$ BEGIN PERFORM 1; COMMIT; END $$', refused: true, code: '2D000' },
  { sql: 'DO $$ BEGIN IF true THEN ROLLBACK; END IF; END $$', refused: true, code: '2D000' },
  { sql: "DO $$ BEGIN RAISE NOTICE 'commit'; END $$", refused: false },
  { sql: 'DO $$ BEGIN PERFORM 1; -- COMMIT each batch in production\nEND $$', refused: false },
];

async function ast(sql: string) {
  await initParser();
  const parsed = parseSource({ path: 'x.sql', text: `${sql};` });
  expect(parsed.errors).toEqual([]);
  return parsed.statements[0]!.ast;
}

interface Db {
  version: number;
  name: string;
  query(sql: string): Promise<unknown>;
}

/** Runs `sql` inside BEGIN and rolls it back: the error's code, or null when it ran. */
async function inBlock(db: Db, sql: string): Promise<string | null> {
  await db.query('BEGIN');
  try {
    await db.query(sql);
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  } finally {
    await db.query('ROLLBACK');
  }
}

const engines = new Map<Engine, Db>();
let admin: pg.Client;
let client: pg.Client;
let lite: PGlite;

beforeAll(async () => {
  admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: scratch });
  await client.connect();
  await client.query(SCHEMA);
  await client.query(SUBSCRIPTION);
  // REFRESH and SET PUBLICATION are refused on a disabled subscription before the transaction
  // is looked at. Enabled, its worker only fails to reach port 1 until the subscription goes.
  await client.query('ALTER SUBSCRIPTION s ENABLE');
  const pgVersion = Number((await client.query<{ v: string }>(VERSION)).rows[0]!.v) / 10000;
  engines.set('postgres', { version: Math.floor(pgVersion), name: scratch, query: (sql) => client.query(sql) });
  lite = await PGlite.create();
  await lite.exec(SCHEMA);
  const liteVersion = Number((await lite.query<{ v: string }>(VERSION)).rows[0]!.v) / 10000;
  const liteName = (await lite.query<{ n: string }>('SELECT current_database() AS n')).rows[0]!.n;
  engines.set('pglite', { version: Math.floor(liteVersion), name: liteName, query: (sql) => lite.exec(sql) });
}, 120_000);

afterAll(async () => {
  await lite?.close();
  if (client) {
    // A subscription keeps its database from being dropped; without a slot it drops without a publisher.
    await client.query('ALTER SUBSCRIPTION s DISABLE').catch(() => undefined);
    await client.query('ALTER SUBSCRIPTION s SET (slot_name = NONE)').catch(() => undefined);
    await client.query('DROP SUBSCRIPTION IF EXISTS s').catch(() => undefined);
    await client.end();
  }
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  }
});

describe('statements refused inside a transaction block', () => {
  for (const engine of ['postgres', 'pglite'] as const) {
    for (const c of CASES.filter((x) => !x.only || x.only === engine)) {
      it(`${engine}: ${c.sql.replace(/\s+/g, ' ')} is ${c.refused ? 'refused' : 'run'}`, async () => {
        const db = engines.get(engine)!;
        const sql = c.sql.replace('{db}', db.name);
        expect(refusedInTransactionBlock(await ast(sql), db.version, (name) => PARTITIONED.has(name.qualified))).toBe(c.refused);
        expect(await inBlock(db, sql)).toBe(c.refused ? (c.code ?? '25001') : null);
      });
    }
  }
});

describe('transactionBlockRefusal', () => {
  it('names the command as PostgreSQL does, and what the statement does not show', async () => {
    expect(transactionBlockRefusal(await ast('REINDEX TABLE p'), 16)).toEqual({ command: 'REINDEX TABLE', ifPartitioned: { qualified: 'public.p', name: 'p' } });
    expect(transactionBlockRefusal(await ast('CLUSTER s.p USING p_a'), 16)).toEqual({ command: 'CLUSTER', ifPartitioned: { qualified: 's.p', schema: 's', name: 'p' } });
    expect(transactionBlockRefusal(await ast('DROP SUBSCRIPTION s'), 16)?.unless).toMatch(/slot_name = NONE/);
    expect(transactionBlockRefusal(await ast('DO $$ BEGIN COMMIT; END $$'), 16)?.error).toBe('invalid transaction termination');
  });

  it('follows the releases: ADD VALUE before 12, partitioned REINDEX since 14 and CLUSTER since 15, subscription slot options since 17 and 18', async () => {
    expect(transactionBlockRefusal(await ast("ALTER TYPE e ADD VALUE 'y'"), 11)?.command).toBe('ALTER TYPE ... ADD');
    expect(transactionBlockRefusal(await ast("ALTER TYPE e ADD VALUE 'y'"), 12)).toBeUndefined();
    expect(transactionBlockRefusal(await ast("ALTER TYPE e RENAME VALUE 'x' TO 'y'"), 11)).toBeUndefined();
    expect(transactionBlockRefusal(await ast('REINDEX TABLE p'), 13)).toBeUndefined();
    expect(transactionBlockRefusal(await ast('CLUSTER p USING p_a'), 14)).toBeUndefined();
    expect(transactionBlockRefusal(await ast('ALTER SUBSCRIPTION s SET (failover = true)'), 16)).toBeUndefined();
    expect(transactionBlockRefusal(await ast('ALTER SUBSCRIPTION s SET (failover = true)'), 17)?.command).toBe('ALTER SUBSCRIPTION ... SET (failover)');
    expect(transactionBlockRefusal(await ast('ALTER SUBSCRIPTION s SET (two_phase = false)'), 18)?.command).toBe('ALTER SUBSCRIPTION ... SET (two_phase)');
    expect(transactionBlockRefusal(await ast('ALTER SUBSCRIPTION s SET (two_phase = true)'), 18)).toBeUndefined();
  });
});
