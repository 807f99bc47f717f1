import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'adding-serial-or-identity-column';

describe(ID, () => {
  it.each([
    ['ALTER TABLE orders ADD COLUMN seq bigserial;', 'serial'],
    ['ALTER TABLE orders ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;', 'identity'],
    ['ALTER TABLE orders ADD COLUMN doubled numeric GENERATED ALWAYS AS (total * 2) STORED;', 'stored generated'],
  ])('flags %s', async (sql, kind) => {
    const [f] = findingsOf(await lintSql(sql), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain(`(${kind})`);
    await expectValidSql(f?.suggestion);
  });

  it('a type that shares a name with an object member (constructor, toString) is no serial', async () => {
    for (const type of ['"constructor"', '"toString"', '"__proto__"']) {
      const result = await lintSql(`ALTER TABLE orders ADD COLUMN c ${type};`);
      expect(findingsOf(result, ID)).toEqual([]);
    }
  });

  it('suggests a sequence default and a batched backfill that run on PostgreSQL 15', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE app.orders ADD COLUMN seq serial;'), ID);
    expect(f?.suggestion).toContain('ALTER TABLE app.orders ADD COLUMN seq integer;');
    expect(f?.suggestion).toContain('CREATE SEQUENCE app.orders_seq_seq AS integer OWNED BY app.orders.seq;');
    await runOnPostgres('serial', 'CREATE SCHEMA app; CREATE TABLE app.orders (id int); INSERT INTO app.orders SELECT generate_series(1, 20);', [f!.suggestion!]);
  });

  it('a NOT NULL stored generated column: the copy is added nullable, backfilled, then made NOT NULL, and it runs on PostgreSQL with rows', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE sessions ADD COLUMN session_key text NOT NULL GENERATED ALWAYS AS (user_id || \':\' || id) STORED;'), ID);
    expect(f?.suggestion).toContain('ALTER TABLE sessions ADD COLUMN session_key text;');
    expect(f?.suggestion).toContain('ALTER TABLE sessions ALTER COLUMN session_key SET NOT NULL;');
    await runOnPostgres('generated_not_null', "CREATE TABLE sessions (id int, user_id text); INSERT INTO sessions SELECT g, 'u' || g FROM generate_series(1, 20) g;", [f!.suggestion!]);
  });

  it('offers a VIRTUAL generated column on PostgreSQL 18 only', async () => {
    const sql = 'ALTER TABLE orders ADD COLUMN doubled numeric GENERATED ALWAYS AS (total * 2) STORED;';
    const [pg18] = findingsOf(await lintSql(sql, { pgVersion: 18 }), ID);
    expect(pg18?.suggestion).toContain('GENERATED ALWAYS AS (total * 2) VIRTUAL');
    const [pg16] = findingsOf(await lintSql(sql, { pgVersion: 16 }), ID);
    expect(pg16?.suggestion).not.toContain('VIRTUAL');
  });

  it('is silent for a VIRTUAL generated column and on new tables', async () => {
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN d numeric GENERATED ALWAYS AS (total * 2) VIRTUAL;', { pgVersion: 18 }), ID)).toEqual([]);
    expect(findingsOf(await lintSql('CREATE TABLE orders (id int);\nALTER TABLE orders ADD COLUMN seq bigserial;'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN seq bigserial;', { earlier: ['CREATE TABLE orders (id int);'] }), ID)).toEqual([]);
  });

  it('is size sensitive', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN seq bigserial;', { tableStats: { 'public.orders': { rows: 5_000_000 } } }), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('5,000,000 rows');
  });
});

describe(`${ID}: one statement, one rewrite`, () => {
  it('names every column one ALTER TABLE adds so, in one finding whose steps cover each', async () => {
    const out = await lintSql('ALTER TABLE orders ADD COLUMN seq bigserial, ADD COLUMN note text, ADD COLUMN doubled numeric GENERATED ALWAYS AS (total * 2) STORED;', { history: 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);' });
    const found = findingsOf(out, ID);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('ADD COLUMN seq (serial), doubled (stored generated) on the existing table public.orders: every row needs values');
    expect(found[0]?.suggestion).toContain('seq');
    expect(found[0]?.suggestion).toContain('doubled');
    await expectValidSql(found[0]?.suggestion);
    expect(out.operations.filter((o) => o.rules.includes(ID)).map((o) => o.columnName)).toEqual(['seq', 'doubled']);
  });
});
