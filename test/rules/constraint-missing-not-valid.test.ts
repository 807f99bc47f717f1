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
