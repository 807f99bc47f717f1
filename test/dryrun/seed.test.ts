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
