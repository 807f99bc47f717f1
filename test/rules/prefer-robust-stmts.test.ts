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
});
