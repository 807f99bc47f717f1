// `migration-guard stats` against the local PostgreSQL server (127.0.0.1:5432, trust auth), as
// a login role that holds pg_read_all_stats and no privilege on any table: it must get every
// size without being able to read a row. The CLI test runs the built bundle (dist/cli.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatsFromUrl } from '../../src/stats/read.js';
import { parseStatsFile } from '../../src/config/stats-file.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const db = `mg_stats_test_${process.pid}`;
const role = `mg_stats_reader_${process.pid}`;
const url = `postgres://${role}@127.0.0.1:5432/${db}`;
const work = mkdtempSync(path.join(tmpdir(), 'mg-stats-'));

async function admin<T>(database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await admin('postgres', async (c) => {
    await c.query(`create database ${db}`);
    await c.query(`create role ${role} login`);
    await c.query(`grant pg_read_all_stats to ${role}`);
  });
  await admin(db, async (c) => {
    // The schema is usable, the tables are not: SELECT fails on the table itself.
    await c.query(`revoke all on schema public from public`);
    await c.query(`grant usage on schema public to ${role}`);
    await c.query(`create table orders (id bigint generated always as identity primary key, customer int not null, note text)`);
    await c.query(`create index orders_customer_idx on orders (customer)`);
    await c.query(`insert into orders (customer, note) select g % 100, repeat('x', 20) from generate_series(1, 20000) g`);
    await c.query(`create table events (id int, at date) partition by range (at)`);
    await c.query(`create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01')`);
    await c.query(`insert into events select g, date '2024-01-01' + (g % 300) from generate_series(1, 5000) g`);
    await c.query(`analyze`);
  });
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await admin('postgres', async (c) => {
    await c.query(`drop database if exists ${db} with (force)`);
    await c.query(`drop role if exists ${role}`);
  });
});

describe('stats', () => {
  it('the reader role really cannot read a row', async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await expect(c.query('select count(*) from public.orders')).rejects.toThrow(/permission denied for table orders/);
    } finally {
      await c.end();
    }
  });

  it('reads rows, sizes, indexes, write activity and cost settings from the catalog alone', async () => {
    const file = await readStatsFromUrl(url, { now: () => new Date('2026-01-01T00:00:00Z') });
    expect(file.version).toBe(2);
    expect(file.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(file.source).toBe(`127.0.0.1:5432/${db}`);
    expect(file.source).not.toContain(role);
    expect(file.server?.versionNum).toBeGreaterThan(100000);
    expect(file.server?.maintenanceWorkMemBytes).toBeGreaterThan(0);
    expect(file.server?.maxParallelMaintenanceWorkers).toBeGreaterThanOrEqual(0);
    const orders = file.tables['public.orders']!;
    expect(orders.rows).toBe(20000);
    expect(orders.bytes).toBeGreaterThan(20000 * 30);
    expect(orders.indexBytes).toBeGreaterThan(0);
    expect(orders.totalBytes).toBeGreaterThanOrEqual(orders.bytes! + orders.indexBytes!);
    expect(orders.indexes!.map((i) => i.name).sort()).toEqual(['orders_customer_idx', 'orders_pkey']);
    expect(orders.indexes!.find((i) => i.name === 'orders_customer_idx')!.definition).toMatch(/CREATE INDEX orders_customer_idx ON public\.orders USING btree \(customer\)/);
    expect(orders.activity?.inserts).toBe(20000);
    // A partitioned table is priced for all of its partitions' data.
    expect(file.tables['public.events']!.rows).toBe(5000);
    expect(file.tables['public.events']!.bytes).toBe(file.tables['public.events_2024']!.bytes);
    // What it writes is a valid --table-stats file.
    expect(parseStatsFile(JSON.parse(JSON.stringify(file))).ok).toBe(true);
  });

  it('the CLI writes the file, and reports a refused connection in one line', () => {
    const cli = path.join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
    const out = path.join(work, 'stats.json');
    const ok = spawnSync(process.execPath, [cli, 'stats', '--database-url', url, '--output', out], { encoding: 'utf8' });
    expect(ok.stderr).toContain('wrote stats of');
    expect(ok.status).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.tables['public.orders'].rows).toBe(20000);

    const bad = spawnSync(process.execPath, [cli, 'stats', '--database-url', 'postgres://nobody:secret@127.0.0.1:1/x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^migration-guard: cannot connect to postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/x: /);
    expect(bad.stderr).not.toContain('secret');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('old hand-written files stay valid; a bad value is named', () => {
    expect(parseStatsFile({ 'public.orders': { rows: 40_000_000, bytes: 12884901888 } })).toEqual({
      ok: true,
      file: { version: 2, tables: { 'public.orders': { rows: 40_000_000, bytes: 12884901888 } } },
    });
    expect(parseStatsFile({ version: { rows: 3 } }).ok).toBe(true);
    const bad = parseStatsFile({ version: 2, tables: { 'public.orders': { rows: -1 } } });
    expect(bad).toMatchObject({ ok: false, path: 'tables.public.orders.rows' });
  });
});
