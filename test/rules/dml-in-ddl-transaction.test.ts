// dml-in-ddl-transaction and dml-without-where: both orders, runner wrapping, risk levels.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { runOnPostgres } from './part-a-support.js';

const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('dml-in-ddl-transaction', () => {
  it('DDL then backfill under ACCESS EXCLUSIVE on a pre-existing table is DANGEROUS', async () => {
    const out = await lintSql("BEGIN;\nALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new' WHERE status IS NULL;\nCOMMIT;");
    const [f] = of(out, 'dml-in-ddl-transaction');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.line).toBe(3);
    expect(f?.message).toContain('line 2');
    expect(f?.suggestion).toContain("WHERE ctid = ANY (ARRAY(SELECT ctid FROM orders WHERE (status IS NULL) AND status IS DISTINCT FROM 'new' LIMIT 10000))");
  });

  it('the batch loop works on a table whose key is TEXT (runs on PostgreSQL)', async () => {
    const sql = "BEGIN;\nALTER TABLE docs ADD COLUMN slug text;\nUPDATE docs SET slug = 'x' WHERE slug IS NULL;\nCOMMIT;";
    const [f] = of(await lintSql(sql, { history: 'CREATE TABLE docs (id text PRIMARY KEY, title text);' }), 'dml-in-ddl-transaction');
    expect(f?.suggestion).not.toMatch(/<[a-z ]+>/);
    await runOnPostgres('batch_text_key', "CREATE TABLE docs (id text PRIMARY KEY, title text, slug text);\nINSERT INTO docs SELECT 'k' || g, 't' FROM generate_series(1, 25000) g;", [
      f!.suggestion!,
      "DO $$ BEGIN IF EXISTS (SELECT 1 FROM docs WHERE slug IS DISTINCT FROM 'x') THEN RAISE EXCEPTION 'rows left'; END IF; END $$",
    ]);
  });

  it('an UPDATE that reads the column it sets gets advice in words, not a loop that would change rows twice', async () => {
    const [f] = of(await lintSql('BEGIN;\nALTER TABLE orders ADD COLUMN n int;\nUPDATE orders SET total = total + 1;\nCOMMIT;'), 'dml-in-ddl-transaction');
    expect(f?.suggestion).toMatch(/^-- /);
    expect(f?.suggestion).not.toContain('DO $');
  });

  it('names the DDL on the backfilled table, not the first table the transaction locked', async () => {
    const sql = "BEGIN;\nALTER TABLE customers ADD COLUMN tier text;\nALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new' WHERE status IS NULL;\nCOMMIT;";
    const [f] = of(await lintSql(sql), 'dml-in-ddl-transaction');
    expect(f?.message).toContain('`ALTER TABLE orders ADD COLUMN status text` (line 3)');
    expect(f?.message).toContain('public.orders');
    // A backfill of a table no DDL of the transaction touched names the other table's lock.
    const [g] = of(await lintSql("BEGIN;\nALTER TABLE customers ADD COLUMN tier text;\nUPDATE orders SET status = 'new' WHERE status IS NULL;\nCOMMIT;"), 'dml-in-ddl-transaction');
    expect(g?.message).toContain('(line 2)');
  });

  it('a lock that blocks only writes makes it CAUTION', async () => {
    const out = await lintSql("BEGIN;\nCREATE INDEX orders_status_idx ON orders (status);\nUPDATE orders SET status = 'new' WHERE status IS NULL;\nCOMMIT;");
    expect(of(out, 'dml-in-ddl-transaction')[0]?.risk).toBe('CAUTION');
  });

  it('backfill then DDL is CAUTION, on the DDL statement', async () => {
    const out = await lintSql("BEGIN;\nUPDATE orders SET status = 'new' WHERE status IS NULL;\nALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';\nCOMMIT;");
    const [f] = of(out, 'dml-in-ddl-transaction');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.line).toBe(3);
  });

  it('a runner-wrapped file is one transaction', async () => {
    const out = await lintSql("ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new';", { runner: 'wrapped' });
    const [f] = of(out, 'dml-in-ddl-transaction');
    expect(f?.message).toContain('the runner wraps this file in');
  });

  it('is silent without a transaction, across transactions, and for seed data', async () => {
    expect(of(await lintSql("ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new';"), 'dml-in-ddl-transaction')).toEqual([]);
    expect(of(await lintSql("BEGIN;\nALTER TABLE orders ADD COLUMN status text;\nCOMMIT;\nBEGIN;\nUPDATE orders SET status = 'new';\nCOMMIT;"), 'dml-in-ddl-transaction')).toEqual([]);
    expect(of(await lintSql("BEGIN;\nCREATE TABLE kinds (id bigint PRIMARY KEY, name text);\nINSERT INTO kinds VALUES (1, 'a');\nCOMMIT;"), 'dml-in-ddl-transaction')).toEqual([]);
  });

  // lemmy's 2025-08-01-000041 marks a table's indexes not ready around its bulk UPDATE: a write
  // to the system catalog is metadata, not a backfill to batch (security-sensitive-sql reports it).
  it('an UPDATE of the system catalog is not a backfill: the real backfill after it is the one named', async () => {
    const sql = [
      'ALTER TABLE comment ADD COLUMN score int NOT NULL DEFAULT 0;',
      "UPDATE pg_index SET indisready = false WHERE indrelid = (SELECT oid FROM pg_class WHERE relname = 'comment');",
      'UPDATE comment SET score = 1 WHERE id < 10;',
      'UPDATE pg_catalog.pg_index SET indisready = true WHERE indrelid = 0;',
      'REINDEX TABLE comment;',
    ].join('\n');
    const out = await lintSql(sql, { runner: 'wrapped', history: 'CREATE TABLE comment (id bigint PRIMARY KEY);' });
    const found = of(out, 'dml-in-ddl-transaction');
    expect(found.map((f) => f.line)).toEqual([3, 5]);
    expect(found[1]?.message).toContain('the backfill at line 3');
    expect(out.findings.filter((f) => f.rule === 'security-sensitive-sql').map((f) => f.line)).toEqual([2, 4]);
  });

  it('flags INSERT ... SELECT after a blocking DDL', async () => {
    const out = await lintSql('BEGIN;\nALTER TABLE orders ADD COLUMN copy_of bigint;\nINSERT INTO order_archive SELECT * FROM orders;\nCOMMIT;');
    expect(of(out, 'dml-in-ddl-transaction')).toHaveLength(1);
  });
});

describe('dml-without-where', () => {
  it('UPDATE without WHERE is CAUTION with a batched rewrite', async () => {
    const [f] = of(await lintSql("UPDATE orders SET status = 'new';"), 'dml-without-where');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.suggestion).toContain('DO $batch$');
    expect(f?.suggestion).toContain("UPDATE orders SET status = 'new'");
    expect(f?.suggestion).toContain("WHERE ctid = ANY (ARRAY(SELECT ctid FROM orders WHERE status IS DISTINCT FROM 'new' LIMIT 10000))");
    expect(f?.suggestion).toContain('COMMIT;');
  });

  it('DELETE without WHERE is DANGEROUS', async () => {
    const [f] = of(await lintSql('DELETE FROM orders;'), 'dml-without-where');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('removes every row of public.orders');
  });

  it('is silent with a WHERE clause, on new tables, and inside function bodies', async () => {
    expect(of(await lintSql('DELETE FROM orders WHERE id < 100;'), 'dml-without-where')).toEqual([]);
    expect(of(await lintSql("CREATE TABLE t (id bigint, s text);\nUPDATE t SET s = 'x';"), 'dml-without-where')).toEqual([]);
    const fn = "CREATE FUNCTION reset_orders() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM orders; END $$;";
    expect(of(await lintSql(fn), 'dml-without-where')).toEqual([]);
  });

  it('flags statements in a DO block, which run now', async () => {
    const out = await lintSql("DO $$ BEGIN DELETE FROM orders; END $$;");
    expect(of(out, 'dml-without-where')).toHaveLength(1);
  });
});

describe('dml-in-ddl-transaction: DDL after a backfill', () => {
  it('is reported once per transaction, at the first locking DDL after the backfill', async () => {
    const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, status text, note text, kind text);';
    const sql = [
      'BEGIN;',
      "UPDATE orders SET status = 'new' WHERE status IS NULL;",
      "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';",
      'ALTER TABLE orders DROP COLUMN note;',
      'ALTER TABLE orders ALTER COLUMN kind SET NOT NULL;',
      'COMMIT;',
      'BEGIN;',
      "UPDATE orders SET kind = 'a' WHERE kind IS NULL;",
      'ALTER TABLE orders DROP COLUMN kind;',
      'COMMIT;',
    ].join('\n');
    const found = of(await lintSql(sql, { history }), 'dml-in-ddl-transaction');
    expect(found.map((f) => [f.line, f.risk])).toEqual([[3, 'CAUTION'], [9, 'CAUTION']]);
    expect(found[0]?.message).toContain('this DDL, and any after it in this transaction, runs in the same transaction as the backfill at line 2');
  });

  it('a backfill after the DDL is still reported for each backfill', async () => {
    const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, status text, kind text);';
    const sql = "ALTER TABLE orders ADD COLUMN extra text;\nUPDATE orders SET status = 'a' WHERE status IS NULL;\nUPDATE orders SET kind = 'b' WHERE kind IS NULL;";
    expect(of(await lintSql(sql, { history, runner: 'wrapped' }), 'dml-in-ddl-transaction').map((f) => f.line)).toEqual([2, 3]);
  });
});
