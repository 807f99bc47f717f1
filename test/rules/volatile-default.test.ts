import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'volatile-default';

describe(ID, () => {
  it.each(['gen_random_uuid()', 'random()', 'clock_timestamp()', "nextval('orders_seq')", 'my_func()'])('flags DEFAULT %s on an existing table', async (expr) => {
    const [f] = findingsOf(await lintSql(`ALTER TABLE orders ADD COLUMN v text DEFAULT ${expr};`), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('rewrites the whole table');
    expect(f?.suggestion).toContain('ALTER TABLE orders ADD COLUMN v text;');
    expect(f?.suggestion).toContain('SET DEFAULT');
    await expectValidSql(f?.suggestion);
  });

  it('explains that an unknown user function is assumed volatile, and trusts the history when it says STABLE', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN v int DEFAULT my_func();'), ID);
    expect(f?.message).toContain('my_func is not known to be STABLE or IMMUTABLE');
    const history = 'CREATE FUNCTION my_func() RETURNS int LANGUAGE sql STABLE AS $$ SELECT 1 $$;';
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN v int DEFAULT my_func();', { history }), ID)).toEqual([]);
  });

  it('is silent for a non-volatile default on PostgreSQL 11+, and flags any default on 10', async () => {
    for (const expr of ['0', "'x'", 'now()', 'CURRENT_TIMESTAMP', 'false']) {
      expect(findingsOf(await lintSql(`ALTER TABLE orders ADD COLUMN v text DEFAULT ${expr};`, { pgVersion: 11 }), ID)).toEqual([]);
      const [f] = findingsOf(await lintSql(`ALTER TABLE orders ADD COLUMN v text DEFAULT ${expr};`, { pgVersion: 10 }), ID);
      expect(f?.message).toContain('PostgreSQL 10 stores any non-NULL DEFAULT');
    }
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN v text DEFAULT NULL;', { pgVersion: 10 }), ID)).toEqual([]);
  });

  it('leaves serial, identity and generated columns to adding-serial-or-identity-column', async () => {
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN n bigserial;'), ID)).toEqual([]);
  });

  it('is silent on tables created in this run', async () => {
    expect(findingsOf(await lintSql('CREATE TABLE orders (id int);\nALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();', { earlier: ['CREATE TABLE orders (id int);'] }), ID)).toEqual([]);
  });

  it('the suggested steps run on PostgreSQL 15 and fill every row', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();'), ID);
    await runOnPostgres('vd', 'CREATE TABLE orders (id int);\nINSERT INTO orders SELECT generate_series(1, 50);', [f!.suggestion!, 'DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE token IS NULL) THEN RAISE EXCEPTION \'not filled\'; END IF; END $$;']);
  });

  it('is size sensitive', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();', { tableStats: { 'public.orders': { bytes: 1024 } } }), ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('1.0 kB');
  });
});
