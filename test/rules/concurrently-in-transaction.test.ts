import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analyze/analyze.js';
import { beginFile, newRunState } from '../../src/analyze/track.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import { allRules } from '../../rules/index.js';
import type { LayoutName } from '../../src/core/types.js';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf } from './part-a-support.js';

const ID = 'concurrently-in-transaction';

async function lintWithLayout(sql: string, layout: LayoutName) {
  await initParser();
  const state = newRunState({ pgVersion: 16 });
  beginFile(state, 'm.sql', 'wrapped', false, layout);
  return analyzeSource(parseSource({ path: 'm.sql', text: sql }), sql, state, allRules);
}

describe(ID, () => {
  const statements = [
    'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    'DROP INDEX CONCURRENTLY orders_created_at_idx;',
    'REINDEX INDEX CONCURRENTLY orders_created_at_idx;',
    'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
  ];

  it.each(statements)('flags %s inside BEGIN ... COMMIT as DANGEROUS', async (stmt) => {
    const [f] = findingsOf(await lintSql(`BEGIN;\n${stmt}\nCOMMIT;`), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.line).toBe(2);
    expect(f?.message).toContain('cannot run inside the transaction the file opens with BEGIN');
    expect(f?.suggestion).toContain('line 1');
  });

  it.each(statements)('flags %s when the runner wraps the file, and not when it does not', async (stmt) => {
    expect(findingsOf(await lintSql(stmt, { runner: 'wrapped' }), ID)).toHaveLength(1);
    expect(findingsOf(await lintSql(stmt, { runner: 'none' }), ID)).toEqual([]);
  });

  it('fails even on a table created in the same migration (the error does not depend on the table)', async () => {
    const out = await lintSql('BEGIN;\nCREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\nCOMMIT;');
    expect(findingsOf(out, ID)).toHaveLength(1);
  });

  it('is silent after COMMIT closes the explicit transaction', async () => {
    const out = await lintSql('BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);');
    expect(findingsOf(out, ID)).toEqual([]);
  });

  it('flags CONCURRENTLY inside a DO block', async () => {
    const [f] = findingsOf(await lintSql("DO $$ BEGIN EXECUTE 'select 1'; CREATE INDEX CONCURRENTLY i ON orders (a); END $$;"), ID);
    expect(f?.message).toContain('inside a DO block');
  });

  it.each<[LayoutName, string]>([
    ['dbmate', '-- migrate:up transaction:false'],
    ['goose', '-- +goose NO TRANSACTION'],
    ['flyway', 'executeInTransaction=false'],
    ['liquibase-sql', 'runInTransaction:false'],
    ['prisma', 'prisma migrate resolve --applied'],
    ['drizzle', 'by hand'],
  ])('tells how to opt out of the wrapping for %s', async (layout, words) => {
    const [f] = findingsOf(await lintWithLayout('CREATE INDEX CONCURRENTLY i ON orders (a);', layout), ID);
    expect(f?.suggestion).toContain(words);
  });

  it('lists every runner when the layout is unknown', async () => {
    const [f] = findingsOf(await lintSql('CREATE INDEX CONCURRENTLY i ON orders (a);', { runner: 'wrapped' }), ID);
    expect(f?.suggestion).toContain('-- +goose NO TRANSACTION');
    expect(f?.suggestion).toContain('transaction:false');
  });

  // The rest of PostgreSQL's list (analyze/transaction-block.ts, checked on the engines there).
  it.each([
    ['VACUUM orders;', 'VACUUM'],
    ['VACUUM (ANALYZE) orders;', 'VACUUM'],
    ['REINDEX SCHEMA public;', 'REINDEX SCHEMA'],
    ['CLUSTER;', 'CLUSTER'],
    ['DISCARD ALL;', 'DISCARD ALL'],
    ["DO $$ BEGIN UPDATE orders SET a = 1 WHERE id < 100; COMMIT; END $$;", 'a DO block that commits'],
  ])('flags %s in a wrapped file, with the statement to move', async (stmt, command) => {
    const [f] = findingsOf(await lintSql(stmt, { runner: 'wrapped' }), ID);
    expect(f?.message).toMatch(new RegExp(`^${command.replace(/[()]/g, '\\$&')} cannot run inside the transaction the runner wraps`));
    expect(f?.suggestion).toContain(stmt.replace(/;$/, ''));
    expect(findingsOf(await lintSql(stmt, { runner: 'none' }), ID)).toEqual([]);
  });

  it('names the error a DO block that commits gets', async () => {
    const [f] = findingsOf(await lintSql('DO $$ BEGIN COMMIT; END $$;', { runner: 'wrapped' }), ID);
    expect(f?.message).toContain('("invalid transaction termination")');
  });

  it('is silent on what PostgreSQL runs in a block: ANALYZE, DISCARD PLANS, CLUSTER of a plain table, a DO block that only mentions COMMIT', async () => {
    for (const stmt of ['ANALYZE orders;', 'DISCARD PLANS;', 'CLUSTER orders USING orders_pkey;', 'REINDEX TABLE orders;', "DO $$ BEGIN RAISE NOTICE 'COMMIT'; END $$;"]) {
      expect(findingsOf(await lintSql(stmt, { runner: 'wrapped' }), ID)).toEqual([]);
    }
  });

  it('flags REINDEX TABLE and CLUSTER of a table it knows is partitioned', async () => {
    const history = 'CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);\nCREATE INDEX events_at_idx ON events (at);';
    const reindex = findingsOf(await lintSql('REINDEX TABLE events;', { runner: 'wrapped', history }), ID);
    expect(reindex[0]?.message).toMatch(/^REINDEX TABLE cannot run/);
    expect(findingsOf(await lintSql('CLUSTER events USING events_at_idx;', { runner: 'wrapped', history }), ID)).toHaveLength(1);
    expect(findingsOf(await lintSql('CLUSTER events USING events_at_idx;', { runner: 'wrapped', history, pgVersion: 14 }), ID)).toEqual([]);
  });

  it('gives words only for server-wide statements, so nothing verifies them in a sandbox', async () => {
    const [f] = findingsOf(await lintSql("ALTER SYSTEM SET work_mem = '64MB';", { runner: 'wrapped' }), ID);
    expect(f?.message).toMatch(/^ALTER SYSTEM cannot run/);
    expect(f?.suggestion).not.toContain('work_mem');
    const [drop] = findingsOf(await lintSql('DROP SUBSCRIPTION orders_sub;', { runner: 'wrapped' }), ID);
    expect(drop?.message).toContain('unless the subscription has no replication slot (slot_name = NONE)');
  });

  it('leaves ALTER TYPE ... ADD VALUE before PostgreSQL 12 to enum-value-changes', async () => {
    const out = await lintSql("ALTER TYPE mood ADD VALUE 'meh';", { runner: 'wrapped', pgVersion: 11, history: "CREATE TYPE mood AS ENUM ('ok');" });
    expect(findingsOf(out, ID)).toEqual([]);
    expect(findingsOf(out, 'enum-value-changes')).toHaveLength(1);
  });
});
