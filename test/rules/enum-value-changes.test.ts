// enum-value-changes: ADD VALUE by version and transaction, use in the same transaction, RENAME VALUE.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { runOnPostgres } from './part-a-support.js';

const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('enum-value-changes', () => {
  it('ADD VALUE inside a transaction fails before PostgreSQL 12', async () => {
    const [f] = of(await lintSql("BEGIN;\nALTER TYPE order_status ADD VALUE 'returned';\nCOMMIT;", { pgVersion: 11 }), 'enum-value-changes');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('before PostgreSQL 12');
    expect(f?.suggestion).toContain("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'returned';");
  });

  it('ADD VALUE in a runner-wrapped file is the same before 12, and fine from 12 when unused', async () => {
    expect(of(await lintSql("ALTER TYPE order_status ADD VALUE 'returned';", { pgVersion: 10, runner: 'wrapped' }), 'enum-value-changes')).toHaveLength(1);
    expect(of(await lintSql("ALTER TYPE order_status ADD VALUE 'returned';", { pgVersion: 12, runner: 'wrapped' }), 'enum-value-changes')).toEqual([]);
    expect(of(await lintSql("ALTER TYPE order_status ADD VALUE 'returned';", { pgVersion: 11 }), 'enum-value-changes')).toEqual([]);
  });

  it('using the new label later in the same transaction is CAUTION (PG 12+)', async () => {
    const sql = "BEGIN;\nALTER TYPE order_status ADD VALUE 'returned';\nUPDATE orders SET status = 'returned' WHERE id = 7;\nCOMMIT;";
    const [f] = of(await lintSql(sql), 'enum-value-changes');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.line).toBe(3);
    expect(f?.message).toContain('line 2');
  });

  it('using the label after COMMIT is fine', async () => {
    const sql = "BEGIN;\nALTER TYPE order_status ADD VALUE 'returned';\nCOMMIT;\nUPDATE orders SET status = 'returned' WHERE id = 7;";
    expect(of(await lintSql(sql), 'enum-value-changes')).toEqual([]);
  });

  it('RENAME VALUE of a pre-existing type is DANGEROUS, of a new type silent', async () => {
    const [f] = of(await lintSql("ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched';"), 'enum-value-changes');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.suggestion).toContain("ADD VALUE IF NOT EXISTS 'dispatched'");
    const fresh = "CREATE TYPE mood AS ENUM ('ok', 'sad');\nALTER TYPE mood RENAME VALUE 'sad' TO 'blue';";
    expect(of(await lintSql(fresh), 'enum-value-changes')).toEqual([]);
  });

  it('says where a new label goes by the target version: before 12 outside a transaction, since 12 committed before use', async () => {
    const rename = "ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched';";
    const [now] = of(await lintSql(rename, { pgVersion: 15 }), 'enum-value-changes');
    expect(now?.suggestion).toMatch(/^ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'dispatched';  -- in a migration of its own, committed before anything uses the label \(since PostgreSQL 12 it may run in a transaction/);
    expect(now?.suggestion).not.toMatch(/outside a transaction|does not wrap/);
    const [old] = of(await lintSql(rename, { pgVersion: 11 }), 'enum-value-changes');
    expect(old?.suggestion).toContain("ADD VALUE IF NOT EXISTS 'dispatched';  -- in a migration of its own that the runner does not wrap in a transaction (before PostgreSQL 12 ADD VALUE cannot run in one)");
    const [add] = of(await lintSql("BEGIN;\nALTER TYPE order_status ADD VALUE 'returned';\nCOMMIT;", { pgVersion: 11 }), 'enum-value-changes');
    expect(add?.suggestion).toContain('that the runner does not wrap in a transaction (before PostgreSQL 12');
    // Using the label in the same transaction: commit the ADD VALUE in an earlier migration (no
    // COMMIT; BEGIN; inside a runner's transaction, which would end the runner's own).
    const [use] = of(await lintSql("BEGIN;\nALTER TYPE order_status ADD VALUE 'returned';\nUPDATE orders SET status = 'returned' WHERE id = 7;\nCOMMIT;"), 'enum-value-changes');
    expect(use?.suggestion).toMatch(/^move the ADD VALUE to a migration of its own that runs, and commits, before this one/);
    expect(use?.suggestion).not.toContain('COMMIT; BEGIN;');
  });

  it('on PostgreSQL 15: ADD VALUE runs in a transaction block, its label is refused there until it commits', async () => {
    const setup = "CREATE TYPE order_status AS ENUM ('new', 'shipped'); CREATE TABLE orders (id int, status order_status); INSERT INTO orders VALUES (7, 'shipped');";
    await runOnPostgres('enum_add_in_tx', setup, ["BEGIN;\nALTER TYPE order_status ADD VALUE IF NOT EXISTS 'dispatched';\nCOMMIT;\nUPDATE orders SET status = 'dispatched' WHERE id = 7;"]);
    await expect(runOnPostgres('enum_use_in_tx', setup, ["BEGIN;\nALTER TYPE order_status ADD VALUE IF NOT EXISTS 'dispatched';\nUPDATE orders SET status = 'dispatched' WHERE id = 7;\nCOMMIT;"]))
      .rejects.toThrow(/unsafe use of new value "dispatched"/);
  });
});
