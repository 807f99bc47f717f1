import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const HISTORY = `
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text, total int, note varchar(20));
CREATE TABLE customers (id bigint PRIMARY KEY);
`;

async function ops(sql: string, opts: Parameters<typeof lintSql>[1] = {}) {
  const out = await lintSql(sql, { history: HISTORY, ...opts });
  return out.operations.map((o) => ({ kind: o.kind, table: o.table, lock: o.lock }));
}

describe('classify: operation kinds and the lock Postgres takes', () => {
  it.each([
    ['CREATE INDEX i ON orders (status)', 'CREATE_INDEX', 'ShareLock'],
    ['CREATE INDEX CONCURRENTLY i ON orders (status)', 'CREATE_INDEX_CONCURRENTLY', 'ShareUpdateExclusiveLock'],
    ['DROP INDEX i', 'DROP_INDEX', 'AccessExclusiveLock'],
    ['DROP INDEX CONCURRENTLY i', 'DROP_INDEX_CONCURRENTLY', 'ShareUpdateExclusiveLock'],
    ['ALTER TABLE orders ADD COLUMN c int', 'ADD_COLUMN_NULLABLE', 'AccessExclusiveLock'],
    ['ALTER TABLE orders ADD COLUMN c int NOT NULL', 'ADD_COLUMN_NOT_NULL', 'AccessExclusiveLock'],
    ['ALTER TABLE orders ADD COLUMN c uuid DEFAULT gen_random_uuid()', 'ADD_COLUMN_VOLATILE_DEFAULT', 'AccessExclusiveLock'],
    ['ALTER TABLE orders ADD COLUMN c timestamptz DEFAULT now()', 'ADD_COLUMN_NULLABLE', 'AccessExclusiveLock'],
    ['ALTER TABLE orders ADD COLUMN c bigserial', 'ADD_COLUMN_VOLATILE_DEFAULT', 'AccessExclusiveLock'],
    ['ALTER TABLE orders ALTER COLUMN total TYPE bigint', 'ALTER_COLUMN_TYPE', 'AccessExclusiveLock'],
    ['ALTER TABLE orders ALTER COLUMN status SET NOT NULL', 'SET_NOT_NULL', 'AccessExclusiveLock'],
    ['ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id)', 'ADD_FOREIGN_KEY', 'ShareRowExclusiveLock'],
    ['ALTER TABLE orders VALIDATE CONSTRAINT fk', 'VALIDATE_CONSTRAINT', 'ShareUpdateExclusiveLock'],
    ['ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX i', 'ADD_UNIQUE', 'AccessExclusiveLock'],
    ['REINDEX TABLE orders', 'REINDEX', 'ShareLock'],
    ['REINDEX TABLE CONCURRENTLY orders', 'REINDEX', 'ShareUpdateExclusiveLock'],
    ['VACUUM FULL orders', 'VACUUM_FULL', 'AccessExclusiveLock'],
    ['CLUSTER orders USING orders_pkey', 'CLUSTER', 'AccessExclusiveLock'],
    ['TRUNCATE orders', 'TRUNCATE', 'AccessExclusiveLock'],
    ['UPDATE orders SET status = 1', 'UPDATE_VALUES', 'RowExclusiveLock'],
    ['CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION f()', 'CREATE_TRIGGER', 'ShareRowExclusiveLock'],
    ['REFRESH MATERIALIZED VIEW CONCURRENTLY mv', 'REFRESH_MATERIALIZED_VIEW', 'ExclusiveLock'],
    ['ALTER TABLE orders SET UNLOGGED', 'SET_UNLOGGED', 'AccessExclusiveLock'],
    ['ALTER TABLE orders DETACH PARTITION orders_2020 CONCURRENTLY', 'DETACH_PARTITION', 'ShareUpdateExclusiveLock'],
    // The table a trigger, policy or rule hangs on is locked ACCESS EXCLUSIVE to drop or rename
    // it, to create a rule, and to move the table to another schema (pg_locks on 15).
    ['DROP POLICY p ON orders', 'OTHER', 'AccessExclusiveLock'],
    ['ALTER POLICY p ON orders RENAME TO p2', 'OTHER', 'AccessExclusiveLock'],
    ['ALTER TRIGGER t ON orders RENAME TO t2', 'OTHER', 'AccessExclusiveLock'],
    ['DROP RULE r ON orders', 'OTHER', 'AccessExclusiveLock'],
    ['ALTER RULE r ON orders RENAME TO r2', 'OTHER', 'AccessExclusiveLock'],
    ['CREATE RULE r AS ON INSERT TO orders DO ALSO NOTIFY orders', 'OTHER', 'AccessExclusiveLock'],
    ['ALTER TABLE orders SET SCHEMA archive', 'OTHER', 'AccessExclusiveLock'],
  ])('%s -> %s under %s', async (sql, kind, lock) => {
    const [first] = await ops(`${sql};`);
    expect(first).toMatchObject({ kind, lock });
  });

  it('gives each ALTER TABLE sub-command its own operation', async () => {
    const list = await ops('ALTER TABLE orders ADD COLUMN a int, DROP COLUMN note, ALTER COLUMN total TYPE bigint;');
    expect(list.map((o) => o.kind)).toEqual(['ADD_COLUMN_NULLABLE', 'DROP_COLUMN', 'ALTER_COLUMN_TYPE']);
    expect(new Set(list.map((o) => o.table))).toEqual(new Set(['public.orders']));
  });

  it('marks NOT VALID and USING INDEX constraints', async () => {
    const out = await lintSql(
      'ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID; ALTER TABLE orders ADD CONSTRAINT p PRIMARY KEY USING INDEX orders_id_idx;',
      { history: HISTORY },
    );
    expect(out.operations[0]).toMatchObject({ kind: 'ADD_CHECK', notValid: true, constraintName: 'c' });
    expect(out.operations[1]).toMatchObject({ kind: 'ADD_PRIMARY_KEY', usingIndex: true });
  });

  it('knows volatility of functions the history created', async () => {
    const history = `${HISTORY} CREATE FUNCTION stable_code() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'x' $$;`;
    const out = await lintSql("ALTER TABLE orders ADD COLUMN code text DEFAULT stable_code();", { history });
    expect(out.operations[0]!.kind).toBe('ADD_COLUMN_NULLABLE');
    const unknown = await lintSql("ALTER TABLE orders ADD COLUMN code text DEFAULT make_code();", { history });
    expect(unknown.operations[0]!.kind).toBe('ADD_COLUMN_VOLATILE_DEFAULT');
  });

  it('marks operations on tables created earlier in the run as new', async () => {
    const out = await lintSql('CREATE INDEX i ON fresh (a);', { history: HISTORY, earlier: ['CREATE TABLE fresh (a int);'] });
    expect(out.operations[0]).toMatchObject({ kind: 'CREATE_INDEX', targetIsNew: true });
    const old = await lintSql('CREATE INDEX i ON orders (status);', { history: HISTORY });
    expect(old.operations[0]).toMatchObject({ targetIsNew: false });
  });

  it('looks inside DO blocks: an ALTER TABLE there is still an ALTER TABLE', async () => {
    const out = await lintSql("DO $$ BEGIN ALTER TABLE orders ADD COLUMN c int NOT NULL; END $$;", { history: HISTORY });
    expect(out.operations.map((o) => o.kind)).toEqual(['DO_BLOCK', 'ADD_COLUMN_NOT_NULL']);
  });
});
