import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'constraint-missing-not-valid';
const HISTORY = 'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric);';

describe(ID, () => {
  it('flags a CHECK on an existing table and suggests NOT VALID + VALIDATE', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);', { history: HISTORY }), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('ACCESS EXCLUSIVE lock on public.orders');
    expect(f?.suggestion).toBe('ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\n-- then, in a separate transaction (the next migration):\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;');
  });

  it('flags a FOREIGN KEY, names both locked tables, and names an unnamed constraint the way Postgres would', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;', { history: HISTORY }), ID);
    expect(f?.message).toContain('SHARE ROW EXCLUSIVE locks on public.orders and public.customers');
    expect(f?.suggestion).toContain('ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE NOT VALID;');
    expect(f?.suggestion).toContain('ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;');
  });

  // hoppscotch's 20251203202452_cascade_delete re-adds TeamCollection's parent key: one table, not 'both'.
  it('a self-referencing FOREIGN KEY locks one table', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD CONSTRAINT orders_parent_fk FOREIGN KEY (customer_id) REFERENCES orders (id);', { history: HISTORY }), ID);
    expect(f?.message).toContain('holding a SHARE ROW EXCLUSIVE lock on public.orders (writes to it wait)');
  });

  it('the suggested SQL runs on PostgreSQL 15 against the real tables', async () => {
    const out = await lintSql('ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id), ADD CHECK (total >= 0);', { history: HISTORY });
    const found = findingsOf(out, ID);
    expect(found).toHaveLength(2);
    await runOnPostgres('cmnv', `${HISTORY}\nINSERT INTO customers VALUES (1);\nINSERT INTO orders VALUES (1, 1, 10);`, found.map((f) => f.suggestion!));
  });

  it('flags CHECK written on a column added to an existing table, and a REFERENCES with a default', async () => {
    const sql = 'ALTER TABLE orders ADD COLUMN points integer DEFAULT 0 CHECK (points >= 0), ADD COLUMN tier_id integer DEFAULT 1 REFERENCES customers (id);';
    const found = findingsOf(await lintSql(sql, { history: HISTORY }), ID);
    expect(found).toHaveLength(2);
    expect(found[0]?.suggestion).toContain('ALTER TABLE orders ADD COLUMN points int DEFAULT 0;');
    expect(found[0]?.suggestion).toContain('ADD CONSTRAINT orders_points_check CHECK (points >= 0) NOT VALID;');
    expect(found[1]?.suggestion).toContain('ADD CONSTRAINT orders_tier_id_fkey FOREIGN KEY (tier_id) REFERENCES customers (id) NOT VALID;');
    for (const f of found) await expectValidSql(f.suggestion);
  });

  it('rates REFERENCES on a new column without a default CAUTION: no row is checked (all NULL), but both tables are locked', async () => {
    const found = findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN ref_id bigint REFERENCES customers (id);', { history: HISTORY }), ID);
    expect(found.map((f) => f.risk)).toEqual(['CAUTION']);
  });

  // Found replaying ory/kratos (20260422000000000000_pending_traits_changes_add_session): ADD
  // COLUMN and ADD CONSTRAINT ... FOREIGN KEY on it in one ALTER TABLE. PostgreSQL validates a
  // foreign key written as a table constraint even on a column that is all NULL: it reads every
  // row (measured on 15 and 18), and looks nothing up. Written on the ADD COLUMN, it reads nothing.
  it('a FOREIGN KEY on a column added in the same statement: every row is read, nothing looked up; the REFERENCES moves onto the column', async () => {
    const sql = 'ALTER TABLE orders\n  ADD COLUMN session_id bigint NULL,\n  ADD CONSTRAINT orders_session_fk FOREIGN KEY (session_id) REFERENCES customers (id) ON DELETE SET NULL,\n  ADD COLUMN flow_id bigint,\n  ADD CONSTRAINT orders_flow_fk FOREIGN KEY (flow_id) REFERENCES customers (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;';
    const found = findingsOf(await lintSql(sql, { history: HISTORY }), ID);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('orders_session_fk, orders_flow_fk on the new columns session_id, flow_id of public.orders');
    expect(f?.message).toContain('nothing is looked up in public.customers');
    expect(f?.message).toContain('SHARE ROW EXCLUSIVE locks on public.orders and public.customers (writes to both wait)');
    expect(f?.message).toContain('reading every row of public.orders');
    expect(f?.message).not.toContain('every existing row is checked');
    expect(f?.suggestion).toBe('ALTER TABLE orders ADD COLUMN session_id bigint NULL CONSTRAINT orders_session_fk REFERENCES customers (id) ON DELETE SET NULL, ADD COLUMN flow_id bigint CONSTRAINT orders_flow_fk REFERENCES customers (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;');
    // The suggestion is the same change: both constraints exist, valid, with their actions.
    await runOnPostgres('cmnv_newcol', `${HISTORY}\nINSERT INTO customers VALUES (1);\nINSERT INTO orders VALUES (1, 1, 10);`, [
      f!.suggestion!,
      "DO $$ BEGIN IF (SELECT count(*) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'f' AND convalidated AND ((conname = 'orders_session_fk' AND confdeltype = 'n') OR (conname = 'orders_flow_fk' AND confdeltype = 'c' AND condeferred))) <> 2 THEN RAISE EXCEPTION 'not the same constraints'; END IF; END $$",
    ]);
    // The moved form is CAUTION: a lock, no scan.
    expect(findingsOf(await lintSql(f!.suggestion!, { history: HISTORY }), ID).map((g) => g.risk)).toEqual(['CAUTION', 'CAUTION']);
  });

  it('a FOREIGN KEY on a column an earlier statement of the file added (what Prisma writes): the ADD COLUMN takes the REFERENCES and moves here', async () => {
    const sql = 'ALTER TABLE orders ADD COLUMN session_id bigint;\nCREATE INDEX customers_id_idx ON customers (id);\nALTER TABLE orders ADD CONSTRAINT orders_session_fk FOREIGN KEY (session_id) REFERENCES customers (id) ON DELETE SET NULL ON UPDATE CASCADE;';
    const [f] = findingsOf(await lintSql(sql, { history: HISTORY }), ID);
    expect(f?.line).toBe(3);
    expect(f?.message).toContain('the new column session_id of public.orders: the column is all NULL');
    expect(f?.suggestion).toBe('ALTER TABLE orders ADD COLUMN session_id bigint CONSTRAINT orders_session_fk REFERENCES customers (id) ON UPDATE CASCADE ON DELETE SET NULL;');
    expect(f?.alsoReplaces).toEqual([{ statement: 0, line: 1 }]);
    await runOnPostgres('cmnv_moved', `${HISTORY}\nINSERT INTO customers VALUES (1);\nINSERT INTO orders VALUES (1, 1, 10);`, [f!.suggestion!]);
  });

  it('foreign keys on new columns to two tables name the three locked tables', async () => {
    const sql = 'ALTER TABLE orders ADD COLUMN a bigint, ADD CONSTRAINT fa FOREIGN KEY (a) REFERENCES customers (id), ADD COLUMN b bigint, ADD CONSTRAINT fb FOREIGN KEY (b) REFERENCES items (id);';
    const [f] = findingsOf(await lintSql(sql, { history: `${HISTORY}\nCREATE TABLE items (id bigint PRIMARY KEY);` }), ID);
    expect(f?.message).toContain('SHARE ROW EXCLUSIVE locks on public.orders, public.customers and public.items (writes to all of them wait)');
  });

  it('an earlier ADD COLUMN with something on the table between keeps its place: NOT VALID, then VALIDATE', async () => {
    const sql = 'ALTER TABLE orders ADD COLUMN session_id bigint;\nCREATE INDEX orders_session_idx ON orders (session_id);\nALTER TABLE orders ADD CONSTRAINT orders_session_fk FOREIGN KEY (session_id) REFERENCES customers (id);';
    const [f] = findingsOf(await lintSql(sql, { history: HISTORY }), ID);
    expect(f?.message).toContain('the column is all NULL');
    expect(f?.alsoReplaces).toBeUndefined();
    expect(f?.suggestion).toContain('FOREIGN KEY (session_id) REFERENCES customers (id) NOT VALID;');
  });

  it('a column written after it was added is not all NULL: its rows are checked', async () => {
    for (const between of ['UPDATE orders SET session_id = customer_id;', 'SELECT fill_sessions();', 'ALTER TABLE orders ALTER COLUMN session_id TYPE int USING coalesce(session_id, 1);']) {
      const sql = `ALTER TABLE orders ADD COLUMN session_id bigint;\n${between}\nALTER TABLE orders ADD CONSTRAINT orders_session_fk FOREIGN KEY (session_id) REFERENCES customers (id);`;
      const [f] = findingsOf(await lintSql(sql, { history: HISTORY }), ID);
      expect(f?.message, between).toContain('every existing row is checked');
    }
    // So is a column added with a default, and a key of an old and a new column.
    for (const sql of [
      'ALTER TABLE orders ADD COLUMN session_id bigint DEFAULT 1, ADD CONSTRAINT orders_session_fk FOREIGN KEY (session_id) REFERENCES customers (id);',
      'ALTER TABLE orders ADD COLUMN session_id bigint, ADD CONSTRAINT orders_pair_fk FOREIGN KEY (customer_id, session_id) REFERENCES customers (id, id);',
    ]) expect(findingsOf(await lintSql(sql, { history: HISTORY }), ID)[0]?.message, sql).toContain('every existing row is checked');
  });

  it('REFERENCES with DEFAULT NULL on a new column: the DEFAULT turns the validation on, and the suggestion drops it', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN ref_id bigint DEFAULT NULL REFERENCES customers (id);', { history: HISTORY }), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('even DEFAULT NULL, PostgreSQL validates the foreign key and reads every row of public.orders');
    expect(f?.suggestion).toBe('ALTER TABLE orders ADD COLUMN ref_id bigint REFERENCES customers (id);  -- a new column is NULL without DEFAULT NULL');
    await expectValidSql(f?.suggestion);
  });

  it('is silent with NOT VALID, on a table created in this run, and for a new table referencing an existing one', async () => {
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID;', { history: HISTORY }), ID)).toEqual([]);
    expect(findingsOf(await lintSql('CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);', { earlier: ['CREATE TABLE t (a int);'] }), ID)).toEqual([]);
    expect(findingsOf(await lintSql('CREATE TABLE items (order_id bigint);\nALTER TABLE items ADD FOREIGN KEY (order_id) REFERENCES orders (id);', { history: HISTORY }), ID)).toEqual([]);
  });

  it('flags a constraint added inside a DO block, which runs during the migration', async () => {
    const sql = "DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN ALTER TABLE users ADD CONSTRAINT check_timezone_valid CHECK (timezone ~ '^[A-Za-z_/]+$'); END IF; END $$;";
    expect(findingsOf(await lintSql(sql), ID)).toHaveLength(1);
  });

  it('is size sensitive: CAUTION on a small table, DANGEROUS on a large one, naming the size', async () => {
    const sql = 'ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0);';
    const [small] = findingsOf(await lintSql(sql, { tableStats: { 'public.orders': { rows: 1000, bytes: 65536 } } }), ID);
    expect(small?.risk).toBe('CAUTION');
    expect(small?.message).toContain('1,000 rows, 64 kB');
    const [large] = findingsOf(await lintSql(sql, { tableStats: { 'public.orders': { rows: 20_000_000 } } }), ID);
    expect(large?.risk).toBe('DANGEROUS');
  });
});
