// prefer-robust-stmts (opt-in, preset squawk): what makes a half-applied migration fail when run again.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf, runOnPostgres } from './part-a-support.js';

const ON = { settings: { 'prefer-robust-stmts': 'on' as const } };
const HISTORY = 'CREATE TABLE app_email (id bigint PRIMARY KEY, email text);\nCREATE UNIQUE INDEX email_idx ON app_email (email);';
const of = async (sql: string) => findingsOf(await lintSql(sql, { ...ON, history: HISTORY }), 'prefer-robust-stmts');

describe('prefer-robust-stmts', () => {
  it('flags a named ADD CONSTRAINT unless a DROP CONSTRAINT IF EXISTS of the name runs right before it', async () => {
    const add = 'ALTER TABLE app_email ADD CONSTRAINT email_uniq CHECK (email <> \'\') NOT VALID;';
    const [bare] = await of(add);
    expect(bare?.message).toContain('ADD CONSTRAINT email_uniq without a DROP CONSTRAINT IF EXISTS');
    await expect(runOnPostgres('robust_bare', HISTORY, [add, add])).rejects.toThrow('already exists');
    const guarded = `ALTER TABLE app_email DROP CONSTRAINT IF EXISTS email_uniq;\n${add}`;
    expect(await of(guarded)).toEqual([]);
    // Run twice on a real server: the guarded pair is re-runnable.
    await runOnPostgres('robust_guard', HISTORY, [guarded, guarded]);
    // Each drop guards one add: a second ADD of the same name is flagged (and always fails).
    const twice = await of(`${guarded}\n${add}`);
    expect(twice).toHaveLength(1);
    // A drop on another table is no guard for this one.
    expect((await of(`ALTER TABLE other DROP CONSTRAINT IF EXISTS email_uniq;\n${add}`)).map((f) => f.message)).toEqual([bare!.message]);
  });

  it('an unnamed constraint gets a fresh name on every run: not flagged', async () => {
    expect(await of('ALTER TABLE app_email ADD CHECK (id > 0) NOT VALID;')).toEqual([]);
  });

  it('a temporary table with ON COMMIT DROP needs no IF NOT EXISTS; one kept for the session does', async () => {
    expect(await of('CREATE TEMP TABLE test_table (id int) ON COMMIT DROP;')).toEqual([]);
    expect(await of('CREATE TEMPORARY TABLE test_table (id int);')).toHaveLength(1);
  });

  it('a DROP CONSTRAINT IF EXISTS does not make ADD CONSTRAINT ... USING INDEX re-runnable; building the index in the file first does', async () => {
    const pair = 'ALTER TABLE app_email DROP CONSTRAINT IF EXISTS email_uniq;\nALTER TABLE app_email ADD CONSTRAINT email_uniq UNIQUE USING INDEX email_idx;';
    const [f] = await of(pair);
    expect(f?.message).toContain('USING INDEX email_idx without building that index earlier in the file');
    // On a real server the second run fails: the first renamed email_idx to email_uniq, the drop removed both.
    await expect(runOnPostgres('robust_using_index', HISTORY, [pair, pair])).rejects.toThrow('"email_idx" does not exist');
    const built = `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS email_idx ON app_email (email);\n${pair}`;
    expect(await of(built)).toEqual([]);
    await runOnPostgres('robust_using_index_built', 'CREATE TABLE app_email (id bigint PRIMARY KEY, email text);', [built, built]);
    // Unnamed, the constraint keeps the index's name: a second run finds the index taken.
    expect((await of('ALTER TABLE app_email ADD UNIQUE USING INDEX email_idx;'))[0]?.message).toContain('without a constraint name');
  });

  it('flags RENAME and ATTACH / DETACH PARTITION, which fail when repeated; not a table rename guarded by IF EXISTS', async () => {
    const parts = 'CREATE TABLE pp (id int, d date) PARTITION BY RANGE (d);\nCREATE TABLE pp1 (id int, d date);';
    const attach = "ALTER TABLE pp ATTACH PARTITION pp1 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');";
    expect(await of(attach)).toHaveLength(1);
    await expect(runOnPostgres('robust_attach', parts, [attach, attach])).rejects.toThrow('already a partition');
    expect(await of('ALTER TABLE pp DETACH PARTITION pp1;')).toHaveLength(1);
    expect(await of('ALTER TABLE app_email RENAME COLUMN email TO address;')).toHaveLength(1);
    expect(await of('ALTER TABLE IF EXISTS app_email RENAME COLUMN email TO address;')).toHaveLength(1);
    expect(await of('ALTER TABLE app_email RENAME TO emails;')).toHaveLength(1);
    expect(await of('ALTER TABLE IF EXISTS app_email RENAME TO emails;')).toEqual([]);
    // Idempotent changes run again without error: not reported (squawk reports them).
    expect(await of('ALTER TABLE app_email ALTER COLUMN email SET NOT NULL;\nALTER TABLE app_email ENABLE ROW LEVEL SECURITY;')).toEqual([]);
  });

  it('an unnamed CREATE INDEX gets a fresh name on every run: not flagged (IF NOT EXISTS needs a name)', async () => {
    expect(await of('CREATE INDEX CONCURRENTLY ON app_email (email);')).toEqual([]);
  });
});
