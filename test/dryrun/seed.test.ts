// seedRows fills the existing tables (parents first, within their constraints) so failures
// that depend on rows show up in the dry-run.
import { describe, expect, it } from 'vitest';
import { runDryRun } from '../../src/dryrun/index.js';
import { mig, options, ready } from './helpers.js';

await ready();

const BASE = [mig('0001_shop', `CREATE TYPE state AS ENUM ('new', 'paid');
CREATE TABLE customers (id serial PRIMARY KEY, email varchar(40) NOT NULL UNIQUE, born date);
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers (id),
  total numeric NOT NULL CHECK (total >= 0),
  state state NOT NULL,
  meta jsonb
);
CREATE TABLE odd (id int PRIMARY KEY, p point NOT NULL);`)];

describe('seedRows', () => {
  it('fills tables within their constraints, names the ones it cannot fill, and surfaces row-dependent failures', async () => {
    const out = await runDryRun(
      { base: BASE, review: [mig('0002_not_null', 'ALTER TABLE orders ADD COLUMN paid_at timestamptz NOT NULL;')] },
      options('pglite', { seedRows: 20 }),
    );
    const r = out.results.get('0002_not_null')!;
    expect(r.seed?.tables).toEqual(expect.arrayContaining(['public.customers', 'public.orders']));
    expect(r.seed?.skipped).toEqual([expect.objectContaining({ table: 'public.odd', reason: expect.stringMatching(/no generator for column p/) })]);
    expect(r.status).toBe('failed');
    expect(r.error?.sqlstate).toBe('23502');
  });
});

describe('seedRows before each reviewed migration', () => {
  const history = [
    mig('0001_users', 'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);'),
    mig('0002_users_age', 'ALTER TABLE users ADD COLUMN age int NOT NULL;'),
  ];

  it('a whole-history review (seedBefore each) fills the tables earlier migrations created, so NOT NULL without a default fails', async () => {
    const out = await runDryRun({ base: [], review: history }, options('pglite', { seedRows: 5, seedBefore: 'each' }));
    const first = out.results.get('0001_users')!;
    expect(first.status).toBe('passed');
    expect(first.seed).toMatchObject({ rows: 5, tables: [], reason: 'no table exists before this migration' });
    const second = out.results.get('0002_users_age')!;
    expect(second.seed).toMatchObject({ rows: 5, tables: ['public.users'], skipped: [] });
    expect(second.seed?.reason).toBeUndefined();
    expect(second.status).toBe('failed');
    expect(second.error?.sqlstate).toBe('23502');
    expect(second.reason).toMatch(/column "age" of relation "users" contains null values/);
  });

  it('a change (seedBefore base) seeds only what the base history made, and says why nothing was', async () => {
    const out = await runDryRun({ base: [], review: history }, options('pglite', { seedRows: 5 }));
    for (const id of ['0001_users', '0002_users_age']) {
      expect(out.results.get(id)!.seed).toMatchObject({ tables: [], reason: expect.stringMatching(/^the base history creates no table/) });
    }
    // The table is new in the change: empty when the next migration of the same deploy runs.
    expect(out.results.get('0002_users_age')!.status).toBe('passed');
  });

  it('a table filled once is not filled again when a later migration renames it', async () => {
    const out = await runDryRun(
      {
        base: [],
        review: [
          mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY);'),
          mig('0002_rename', 'ALTER TABLE t RENAME TO u;'),
          // 3 rows in u only if it was seeded once (a second pass would add 3 more ids 1..3 and fail on the key).
          mig('0003_check', `DO $$ BEGIN IF (SELECT count(*) FROM u) <> 3 THEN RAISE EXCEPTION 'u has % rows', (SELECT count(*) FROM u); END IF; END $$;`),
        ],
      },
      options('pglite', { seedRows: 3, seedBefore: 'each' }),
    );
    expect(out.results.get('0003_check')!.seed).toMatchObject({ tables: ['public.u'], skipped: [] });
    expect(out.results.get('0003_check')!.status, out.results.get('0003_check')!.reason).toBe('passed');
  });
});
