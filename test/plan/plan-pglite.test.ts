// The plan for each risky statement, run on PGlite: every proposed statement parses, the plan
// executes phase by phase on a table with data, and it ends in the schema the original
// statement produces (and, where data moves, with the same data).
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, renderPlanText } from '../../src/plan/index.js';
import { allPlanSql, analyzeMigrations, assertParses, catalog, openDb, resetDb, runPlan, runStatements, withShapes } from './helpers.js';

const BASE = `
CREATE TABLE customers (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, amount integer, note text, ref text, status text);
CREATE TABLE events (id bigint, payload text, during tstzrange);
CREATE TABLE "user" (id bigint PRIMARY KEY, "Name" text);
`;
// Backfills run in batches (analyze/batch-sql.ts, batchLoop), each followed by a pause that PGlite
// spends partly spinning: 290 orders in batches of 150 go through the loop as 2,500 in the
// default 1,000 did (full batches, a partial one, an empty pass that ends it; the 190 rows over
// amount 1000 too), with a tenth of the rows to write and one pause less per backfill.
const BATCH_SIZE = 150;
const ROWS = `
INSERT INTO customers SELECT g, 'c' || g || '@example.com' FROM generate_series(1, 50) g;
INSERT INTO orders SELECT g, 1 + g % 50, g * 10, 'note ' || g, 'ref-' || g, 'new' FROM generate_series(1, 290) g;
INSERT INTO events SELECT g, 'p' || g, NULL FROM generate_series(1, 100) g;
INSERT INTO "user" SELECT g, 'n' || g FROM generate_series(1, 10) g;
`;

interface Case {
  name: string;
  sql: string;
  /** Insert rows before the migration (false when the original only succeeds on an empty table). */
  rows?: boolean;
  /** A query whose result must match between the original and the plan. */
  data?: string;
  /** Phases expected in the plan, in order. */
  phases: string[];
  /** Text the plan's SQL must contain. */
  contains?: string[];
  pgVersion?: number;
  /** Text one of the plan's notes must contain. */
  note?: string;
  /** SQL that ran before the migration (the objects it drops and re-adds). */
  before?: string;
  /** The expand phase replaces an object of the base: its rollback cannot bring the old one back. */
  noRollback?: boolean;
}

const CASES: Case[] = [
  { name: 'CREATE INDEX', sql: 'CREATE INDEX orders_customer_id_idx ON orders (customer_id);', phases: ['expand'], contains: ['CREATE INDEX CONCURRENTLY orders_customer_id_idx'] },
  { name: 'CREATE UNIQUE INDEX, unnamed, with expression and predicate', sql: "CREATE UNIQUE INDEX ON orders (lower(ref)) WHERE status = 'new';", phases: ['expand'], contains: ['CONCURRENTLY'] },
  { name: 'ADD FOREIGN KEY', sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;', phases: ['expand', 'validate'], contains: ['NOT VALID', 'VALIDATE CONSTRAINT orders_customer_fk'] },
  { name: 'ADD FOREIGN KEY, unnamed', sql: 'ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);', phases: ['expand', 'validate'], contains: ['orders_customer_id_fkey'] },
  { name: 'ADD CHECK', sql: 'ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0);', phases: ['expand', 'validate'], contains: ['NOT VALID'] },
  { name: 'ADD CHECK, unnamed', sql: 'ALTER TABLE orders ADD CHECK (amount >= 0 AND amount < 1000000);', phases: ['expand', 'validate'], contains: ['orders_amount_check'] },
  { name: 'SET NOT NULL', sql: 'ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;', phases: ['validate'], contains: ['CHECK (customer_id IS NOT NULL) NOT VALID', 'SET NOT NULL'] },
  { name: 'ADD COLUMN NOT NULL without default', sql: 'ALTER TABLE orders ADD COLUMN priority integer NOT NULL;', rows: false, phases: ['expand', 'backfill', 'validate'] },
  { name: 'ADD COLUMN NOT NULL with a volatile default', sql: 'ALTER TABLE orders ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();', phases: ['expand', 'backfill', 'validate'], data: 'SELECT count(*) AS missing FROM orders WHERE token IS NULL' },
  { name: 'ADD COLUMN with a volatile default', sql: 'ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();', phases: ['expand', 'backfill'], data: 'SELECT count(*) AS missing FROM orders WHERE seen_at IS NULL' },
  { name: 'ADD COLUMN with inline FK and CHECK', sql: 'ALTER TABLE orders ADD COLUMN buyer_id bigint DEFAULT 1 REFERENCES customers (id) CHECK (buyer_id > 0);', phases: ['expand', 'validate'], contains: ['orders_buyer_id_fkey', 'orders_buyer_id_check'] },
  { name: 'ALTER COLUMN TYPE', sql: 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint;', phases: ['expand', 'backfill', 'deploy', 'contract'], data: 'SELECT id, amount FROM orders ORDER BY id' },
  { name: 'ALTER COLUMN TYPE ... USING', sql: "ALTER TABLE orders ALTER COLUMN ref TYPE integer USING (replace(ref, 'ref-', ''))::integer;", phases: ['expand', 'backfill', 'deploy', 'contract'], data: 'SELECT id, ref FROM orders ORDER BY id' },
  { name: 'RENAME COLUMN', sql: 'ALTER TABLE orders RENAME COLUMN note TO comment;', phases: ['expand', 'backfill', 'deploy', 'contract'], data: 'SELECT id, comment FROM orders ORDER BY id' },
  { name: 'RENAME COLUMN with quoted names', sql: 'ALTER TABLE "user" RENAME COLUMN "Name" TO "full name";', phases: ['expand', 'backfill', 'deploy', 'contract'], data: 'SELECT id, "full name" FROM "user" ORDER BY id' },
  { name: 'RENAME TABLE', sql: 'ALTER TABLE events RENAME TO audit_events;', phases: ['expand', 'deploy', 'contract'], data: 'SELECT count(*) FROM audit_events' },
  { name: 'ADD UNIQUE', sql: 'ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref);', phases: ['expand', 'validate'], contains: ['CREATE UNIQUE INDEX CONCURRENTLY orders_ref_key', 'UNIQUE USING INDEX orders_ref_key'] },
  { name: 'ADD UNIQUE, unnamed, two columns', sql: 'ALTER TABLE orders ADD UNIQUE (customer_id, ref);', phases: ['expand', 'validate'], contains: ['orders_customer_id_ref_key'] },
  { name: 'ADD PRIMARY KEY', sql: 'ALTER TABLE events ADD PRIMARY KEY (id);', phases: ['expand', 'validate'], contains: ['PRIMARY KEY USING INDEX events_pkey'] },
  { name: 'DROP COLUMN', sql: 'ALTER TABLE orders DROP COLUMN note;', phases: ['deploy', 'contract'], contains: ["SET lock_timeout = '5s'"] },
  { name: 'DROP TABLE', sql: 'DROP TABLE events;', phases: ['deploy', 'contract'] },
  { name: 'DROP INDEX', sql: 'DROP INDEX orders_pkey_copy;', phases: ['deploy', 'contract'], contains: ['DROP INDEX CONCURRENTLY'] },
  { name: 'REINDEX', sql: 'REINDEX INDEX orders_pkey;', phases: ['expand'], contains: ['CONCURRENTLY'] },
  { name: 'UPDATE', sql: "UPDATE orders SET status = 'archived' WHERE amount > 1000;", phases: ['backfill'], data: 'SELECT status, count(*) FROM orders GROUP BY status ORDER BY status' },
  { name: 'UPDATE that is not repeatable stays as written', sql: 'UPDATE orders SET amount = amount + 1;', phases: ['backfill'], data: 'SELECT sum(amount) FROM orders' },
  { name: 'DELETE', sql: 'DELETE FROM orders o WHERE o.amount < 500;', phases: ['backfill'], data: 'SELECT count(*) FROM orders' },
  { name: 'DROP and re-ADD a foreign key of the same name (Prisma)', before: 'ALTER TABLE orders ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES customers (id);',
    sql: 'ALTER TABLE "orders" DROP CONSTRAINT "orders_customer_id_fkey";\nALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;',
    phases: ['expand', 'validate'], contains: ['DROP CONSTRAINT "orders_customer_id_fkey"', 'NOT VALID'] },
  { name: 'DROP and re-ADD a unique constraint of the same name', before: 'ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref);',
    sql: 'ALTER TABLE orders DROP CONSTRAINT orders_ref_key;\nALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref, customer_id);',
    phases: ['expand', 'validate'], contains: ['UNIQUE USING INDEX orders_ref_key_new'] },
  { name: 'DROP and re-CREATE an index of the same name', before: 'CREATE INDEX orders_status_idx ON orders (status);',
    sql: 'DROP INDEX "orders_status_idx";\nCREATE INDEX "orders_status_idx" ON "orders"("status", "amount");',
    phases: ['expand', 'deploy', 'contract'], contains: ['CREATE INDEX CONCURRENTLY orders_status_idx_new', 'ALTER INDEX orders_status_idx_new RENAME TO orders_status_idx'] },
  { name: 'DROP COLUMN and ADD COLUMN of the same name', sql: "ALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders ADD COLUMN note varchar(32) NOT NULL DEFAULT '';",
    phases: ['expand', 'deploy'], noRollback: true },
  { name: 'DROP VIEW and CREATE VIEW of the same name', before: 'CREATE VIEW order_refs AS SELECT id, ref FROM orders;',
    sql: 'DROP VIEW order_refs;\nCREATE VIEW order_refs AS SELECT id, ref, status FROM orders;', phases: ['expand'] },
  // The enum swap (coder's 000499): the old type's drop waits for the contract phase, and the
  // new type takes its name there, after it (and after the old column the online route keeps).
  { name: 'enum swap: new type, column moved to it, old type dropped, new type renamed to the old name', before: "CREATE TYPE order_state AS ENUM ('new', 'done');\nALTER TABLE orders ADD COLUMN state order_state;",
    sql: "CREATE TYPE new_order_state AS ENUM ('new', 'done', 'void');\nALTER TABLE orders ALTER COLUMN state TYPE new_order_state USING state::text::new_order_state;\nDROP TYPE order_state;\nALTER TYPE new_order_state RENAME TO order_state;",
    phases: ['expand', 'backfill', 'deploy', 'contract'], contains: ['ALTER TYPE new_order_state RENAME TO order_state'] },
  { name: 'a type dropped and created again under its name', before: "CREATE TYPE order_state AS ENUM ('new', 'done');\nALTER TABLE orders ADD COLUMN state order_state;",
    sql: "ALTER TABLE orders DROP COLUMN state;\nDROP TYPE order_state;\nCREATE TYPE order_state AS ENUM ('new', 'done', 'void');\nALTER TABLE orders ADD COLUMN state order_state;",
    phases: ['expand', 'deploy'], noRollback: true },
  { name: 'ALTER COLUMN TYPE carries NOT NULL, DEFAULT, indexes and constraints over to the new column',
    before: "ALTER TABLE orders ALTER COLUMN amount SET DEFAULT 0, ALTER COLUMN amount SET NOT NULL;\nCREATE INDEX orders_amount_idx ON orders (amount) WHERE amount > 0;\nALTER TABLE orders ADD CONSTRAINT orders_amount_check CHECK (amount >= 0), ADD CONSTRAINT orders_ref_amount_key UNIQUE (ref, amount);",
    sql: 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint;', phases: ['expand', 'backfill', 'validate', 'deploy', 'contract'],
    contains: ['SET DEFAULT 0', 'CHECK (amount_new IS NOT NULL) NOT VALID', 'CREATE INDEX CONCURRENTLY orders_amount_idx_new ON public.orders (amount_new) WHERE amount_new > 0', 'UNIQUE USING INDEX orders_ref_amount_key_new', 'RENAME CONSTRAINT orders_amount_check_new TO orders_amount_check'],
    data: 'SELECT id, amount FROM orders ORDER BY id' },
  { name: 'ALTER COLUMN TYPE of a foreign key column re-adds the key NOT VALID and validates it',
    before: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
    sql: 'ALTER TABLE orders ALTER COLUMN customer_id TYPE integer;', phases: ['expand', 'backfill', 'validate', 'deploy', 'contract'],
    contains: ['VALIDATE CONSTRAINT orders_customer_fk_new'], data: 'SELECT id, customer_id FROM orders ORDER BY id' },
  { name: 'ALTER COLUMN TYPE of a serial primary key keeps the key, the default and the sequence',
    before: "CREATE TABLE counters (id serial PRIMARY KEY, n int);\nINSERT INTO counters (n) SELECT g FROM generate_series(1, 30) g;",
    sql: 'ALTER TABLE counters ALTER COLUMN id TYPE bigint;', phases: ['expand', 'backfill', 'validate', 'deploy', 'contract'],
    contains: ['PRIMARY KEY USING INDEX counters_pkey_new', 'OWNED BY counters.id'], data: 'SELECT id, n FROM counters ORDER BY id' },
  { name: 'ALTER COLUMN TYPE of an identity column has no online route', before: "CREATE TABLE tickets (id int GENERATED BY DEFAULT AS IDENTITY, t text);\nINSERT INTO tickets (t) VALUES ('a');",
    sql: 'ALTER TABLE tickets ALTER COLUMN id TYPE bigint;', phases: ['expand'], note: 'it is an identity column' },
  { name: 'ADD COLUMN serial has no online route, and the plan says so', sql: 'ALTER TABLE orders ADD COLUMN seq serial;', phases: ['expand'], note: 'maintenance window' },
  { name: 'RENAME COLUMN, then ADD COLUMN of the old name', sql: "ALTER TABLE orders RENAME COLUMN note TO remark;\nALTER TABLE orders ADD COLUMN note varchar(32) NOT NULL DEFAULT '';",
    phases: ['expand'], data: 'SELECT id, remark, note FROM orders ORDER BY id', noRollback: true },
  { name: 'DROP COLUMN, then RENAME another column to its name', sql: 'ALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders RENAME COLUMN ref TO note;',
    phases: ['deploy', 'contract'], data: 'SELECT id, note FROM orders ORDER BY id' },
  { name: 'ADD COLUMN, fill it, DROP the old column, RENAME the new one to its name', sql: 'ALTER TABLE orders ADD COLUMN note_tmp text;\nUPDATE orders SET note_tmp = note;\nALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders RENAME COLUMN note_tmp TO note;',
    phases: ['expand', 'backfill', 'deploy', 'contract'], data: 'SELECT id, note FROM orders ORDER BY id', noRollback: true },
  { name: 'DROP TABLE, then CREATE VIEW of its name', before: 'CREATE TABLE legacy_refs (id bigint, ref text);',
    sql: 'DROP TABLE legacy_refs;\nCREATE VIEW legacy_refs AS SELECT id, ref FROM orders;', phases: ['expand'] },
  { name: 'table rebuild: rename away, create again under the same constraint and index names, copy, drop',
    before: "CREATE TABLE tokens (id bigint CONSTRAINT tokens_pkey PRIMARY KEY, username text);\nCREATE UNIQUE INDEX tokens_username_key ON tokens (username);\nINSERT INTO tokens SELECT g, 'u' || g FROM generate_series(1, 20) g;",
    sql: 'ALTER TABLE tokens DROP CONSTRAINT IF EXISTS tokens_pkey;\nALTER TABLE tokens RENAME TO _bkp_tokens;\nDROP INDEX IF EXISTS tokens_username_key;\nCREATE TABLE tokens (id bigint CONSTRAINT tokens_pkey PRIMARY KEY, username text NOT NULL);\nCREATE UNIQUE INDEX tokens_username_key ON tokens (username);\nINSERT INTO tokens SELECT id, username FROM _bkp_tokens;\nDROP TABLE _bkp_tokens;',
    phases: ['expand', 'deploy', 'contract'], data: 'SELECT id, username FROM tokens ORDER BY id' },
  { name: 'RENAME COLUMN of a NOT NULL column with a default is renamed in place', before: "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new', ALTER COLUMN status SET NOT NULL;",
    sql: 'ALTER TABLE orders RENAME COLUMN status TO state;', phases: ['expand'], contains: ['RENAME COLUMN status TO state'], data: 'SELECT id, state FROM orders ORDER BY id' },
  // documenso's add_organisation_sso_portal: the new table's temporary column was dropped in the
  // expand phase, before the backfill (moved to its own phase) that joins on it.
  { name: 'a new table\'s temporary column, read by an old table\'s backfill, is dropped after it',
    sql: 'CREATE TABLE portals (id bigint PRIMARY KEY, order_id bigint);\nINSERT INTO portals SELECT id + 1000, id FROM orders;\nALTER TABLE orders ADD COLUMN portal_id bigint;\nUPDATE orders o SET portal_id = p.id FROM portals p WHERE p.order_id = o.id AND o.portal_id IS NULL;\nALTER TABLE portals DROP COLUMN order_id;',
    phases: ['expand', 'backfill'], data: 'SELECT id, portal_id FROM orders ORDER BY id' },
  { name: 'EXCLUDE (no online alternative)', sql: 'ALTER TABLE events ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);', phases: ['validate'], note: 'maintenance window' },
  { name: 'mixed: new table, its index, data and a constraint on an old table', sql: `
CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL, total integer);
CREATE INDEX invoices_order_id_idx ON invoices (order_id);
INSERT INTO invoices SELECT id, id, amount FROM orders WHERE id <= 10;
ALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE orders ADD COLUMN invoiced boolean DEFAULT false, ALTER COLUMN customer_id SET NOT NULL;
`, phases: ['expand', 'validate'], data: 'SELECT count(*) FROM invoices' },
];

let db: PGlite;
beforeAll(async () => {
  db = await openDb();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

async function setup(rows: boolean, before?: string): Promise<void> {
  await resetDb(db);
  await db.exec(BASE);
  await db.exec('CREATE INDEX orders_pkey_copy ON orders (id)');
  if (rows) await db.exec(ROWS);
  if (before) await db.exec(before);
}

describe('plan on PGlite ends in the schema of the original statement', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [m] = await analyzeMigrations([{ path: 'db/0001_change.up.sql', sql: c.sql }], c.pgVersion ?? 16);
      expect(m!.up.errors).toEqual([]);
      const rows = c.rows ?? true;
      await setup(rows, c.before);
      await withShapes(db, [m!]);
      const plan = buildPlan([m!], { pgVersion: c.pgVersion ?? 16, batchSize: BATCH_SIZE });
      expect(plan.phases.map((p) => p.name)).toEqual(c.phases);
      const sql = allPlanSql(plan);
      for (const s of sql) assertParses(s);
      for (const want of c.contains ?? []) expect(sql.join('\n')).toContain(want);
      expect(renderPlanText(plan)).toContain('Phase 1.');
      if (c.note) expect(plan.notes.join('\n')).toContain(c.note);

      await db.exec(c.sql);
      const expected = await catalog(db);
      const expectedData = c.data ? (await db.query(c.data)).rows : undefined;

      await setup(rows, c.before);
      await runPlan(db, plan);
      expect(await catalog(db)).toEqual(expected);
      if (c.data) expect((await db.query(c.data)).rows).toEqual(expectedData);
    });
  }
});

describe('rolling back the expand phase restores the schema', () => {
  // A step that replaces an object of the same name has no SQL rollback (the old definition is the base's).
  for (const c of CASES.filter((k) => !k.name.startsWith('mixed') && !k.name.startsWith('EXCLUDE') && !k.before && !k.noRollback)) {
    it(c.name, async () => {
      const [m] = await analyzeMigrations([{ path: 'db/0001_change.up.sql', sql: c.sql }]);
      await setup(c.rows ?? true, c.before);
      await withShapes(db, [m!]);
      const plan = buildPlan([m!], { pgVersion: 16, batchSize: BATCH_SIZE });
      const expand = plan.phases.find((p) => p.name === 'expand');
      if (!expand?.rollbackSql) return;
      const before = await catalog(db);
      await runPlan(db, plan, ['expand']);
      for (const s of expand.rollbackSql) await runStatements(db, [s], !/CONCURRENTLY/.test(s));
      expect(await catalog(db)).toEqual(before);
    });
  }
});
