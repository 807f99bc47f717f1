// ban-drop-column, ban-drop-table, ban-drop-schema, ban-drop-database, ban-truncate.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('ban-drop-column', () => {
  it('flags a pre-existing column and says a rollback cannot restore the data', async () => {
    const [f] = of(await lintSql('ALTER TABLE orders DROP COLUMN legacy_status;'), 'ban-drop-column');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('a rollback cannot bring the values back');
    expect(f?.suggestion).toContain('ALTER TABLE orders DROP COLUMN legacy_status;');
  });

  it('marks only the dropping operation of a multi-command ALTER', async () => {
    const out = await lintSql('ALTER TABLE orders ADD COLUMN note text, DROP COLUMN legacy;');
    const ops = out.operations.filter((o) => o.table === 'public.orders');
    expect(ops.find((o) => o.kind === 'DROP_COLUMN')?.rules).toContain('ban-drop-column');
    expect(ops.find((o) => o.kind === 'ADD_COLUMN_NULLABLE')?.rules).not.toContain('ban-drop-column');
  });

  it('is silent for columns and tables created in this run', async () => {
    expect(of(await lintSql('ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders DROP COLUMN note;'), 'ban-drop-column')).toEqual([]);
    expect(of(await lintSql('ALTER TABLE t DROP COLUMN a;', { earlier: ['CREATE TABLE t (a int, b int);'] }), 'ban-drop-column')).toEqual([]);
  });

  it('a file-wide ignore silences it', async () => {
    const out = await lintSql('-- migration-guard-ignore-file ban-drop-column\nALTER TABLE a DROP COLUMN x;\nALTER TABLE b DROP COLUMN y;');
    expect(of(out, 'ban-drop-column')).toEqual([]);
    expect(of(out, 'unused-ignore')).toEqual([]);
  });
});

describe('ban-drop-table', () => {
  it('flags each pre-existing table and explains CASCADE', async () => {
    const found = of(await lintSql('CREATE TABLE scratch (id bigint);\nDROP TABLE scratch, legacy_events CASCADE;'), 'ban-drop-table');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('public.legacy_events');
    expect(found[0]?.message).toContain('CASCADE also drops');
  });

  it('pre-existing per the history is still pre-existing', async () => {
    expect(of(await lintSql('DROP TABLE t;', { history: 'CREATE TABLE t (id bigint);' }), 'ban-drop-table')).toHaveLength(1);
  });

  // vaultwarden's 2026-03-09-005927_add_archives: `DROP TABLE IF EXISTS archives;` before its
  // CREATE TABLE archives was DANGEROUS "deletes all of its rows", though no migration had made
  // archives (found replaying dani-garcia/vaultwarden).
  it('IF EXISTS of a table the history does not show drops nothing unless made outside the migrations: CAUTION', async () => {
    const guard = 'DROP TABLE IF EXISTS archives;\nCREATE TABLE archives (user_uuid char(36) REFERENCES users (uuid));';
    const [f] = of(await lintSql(guard, { history: 'CREATE TABLE users (uuid char(36) PRIMARY KEY);' }), 'ban-drop-table');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toBe('DROP TABLE IF EXISTS public.archives: no migration before it creates public.archives, so this drops nothing, unless the table was made outside the migrations (then its rows are gone for good)');
    // A table the history made, a DROP without IF EXISTS, or no history at all: DANGEROUS as before.
    expect(of(await lintSql('DROP TABLE IF EXISTS users;', { history: 'CREATE TABLE users (uuid char(36) PRIMARY KEY);' }), 'ban-drop-table')[0]?.risk).toBe('DANGEROUS');
    expect(of(await lintSql('DROP TABLE archives;', { history: 'CREATE TABLE users (uuid char(36) PRIMARY KEY);' }), 'ban-drop-table')[0]?.risk).toBe('DANGEROUS');
    expect(of(await lintSql('DROP TABLE IF EXISTS archives;'), 'ban-drop-table')[0]?.risk).toBe('DANGEROUS');
    // A table the history indexes was made where the files read do not show (synapse's
    // batch_events, renamed into being in a .sql.postgres delta): DANGEROUS.
    const indexed = 'CREATE TABLE users (uuid char(36) PRIMARY KEY);\nCREATE INDEX batch_events_room_id ON batch_events (room_id);';
    expect(of(await lintSql('DROP TABLE IF EXISTS batch_events;', { history: indexed }), 'ban-drop-table')[0]?.risk).toBe('DANGEROUS');
  });
});

describe('ban-drop-schema and ban-drop-database', () => {
  it('flags DROP SCHEMA ... CASCADE on a pre-existing schema', async () => {
    const [f] = of(await lintSql('DROP SCHEMA reporting CASCADE;'), 'ban-drop-schema');
    expect(f?.message).toContain('CASCADE deletes every table');
    expect(f?.suggestion).toContain('DROP SCHEMA reporting;');
  });

  it('is silent for a schema created in this run', async () => {
    expect(of(await lintSql('CREATE SCHEMA s;\nDROP SCHEMA s CASCADE;'), 'ban-drop-schema')).toEqual([]);
  });

  it('always flags DROP DATABASE', async () => {
    const [f] = of(await lintSql('DROP DATABASE IF EXISTS analytics;'), 'ban-drop-database');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('analytics');
  });
});

describe('ban-truncate', () => {
  it('flags TRUNCATE of a pre-existing table and says what CASCADE does', async () => {
    const [f] = of(await lintSql('TRUNCATE orders CASCADE;'), 'ban-truncate');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('CASCADE also empties every table with a foreign key');
    const [plain] = of(await lintSql('TRUNCATE TABLE orders;'), 'ban-truncate');
    expect(plain?.message).not.toContain('CASCADE');
  });

  it('is silent for a table created in this run', async () => {
    expect(of(await lintSql('CREATE TABLE staging (id bigint);\nTRUNCATE staging;'), 'ban-truncate')).toEqual([]);
  });
});

describe('ban-drop-column: one statement, one finding', () => {
  it('names every column one ALTER TABLE drops, with one suggestion for all of them', async () => {
    const out = await lintSql('ALTER TABLE orders DROP COLUMN a, ADD COLUMN note text, DROP COLUMN "B", DROP COLUMN c;');
    const found = of(out, 'ban-drop-column');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('dropping 3 columns of public.orders (a, B, c) deletes their data for good');
    expect(found[0]?.suggestion).toContain('ALTER TABLE orders DROP COLUMN a, DROP COLUMN "B", DROP COLUMN c;');
    expect(out.operations.filter((o) => o.rules.includes('ban-drop-column')).map((o) => o.columnName)).toEqual(['a', 'B', 'c']);
  });
});
