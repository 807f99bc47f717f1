import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { typeChange } from '../../rules/_type-change.js';
import { expectValidSql, findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'changing-column-type';
const history = (type: string) => `CREATE TABLE orders (id bigint, c ${type});`;

describe(ID, () => {
  it.each([
    ['varchar(50)', 'varchar(100)'], ['varchar(50)', 'text'], ['varchar(50)', 'varchar'], ['varchar', 'text'], ['text', 'varchar'],
    ['numeric(10,2)', 'numeric(12,2)'], ['numeric(10,2)', 'numeric'], ['bit varying(4)', 'bit varying(8)'], ['cidr', 'inet'],
    ['timestamp(3)', 'timestamp(6)'], ['integer', 'int4'], ['character varying(20)', 'character varying(30)'],
  ])('does not flag %s -> %s (no rewrite)', async (from, to) => {
    const out = await lintSql(`ALTER TABLE orders ALTER COLUMN c TYPE ${to};`, { history: history(from) });
    expect(findingsOf(out, ID)).toEqual([]);
  });

  it.each([
    ['integer', 'bigint'], ['text', 'integer'], ['numeric(10,2)', 'numeric(10,4)'], ['timestamptz(6)', 'timestamptz(3)'], ['char(5)', 'char(10)'], ['varchar(10)[]', 'varchar(20)[]'],
  ])('flags %s -> %s as a rewrite', async (from, to) => {
    const [f] = findingsOf(await lintSql(`ALTER TABLE orders ALTER COLUMN c TYPE ${to};`, { history: history(from) }), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('rewritten');
    expect(f?.suggestion).toContain('ADD COLUMN c_new');
    await expectValidSql(f?.suggestion);
  });

  it('suggests a length CHECK for a varchar shrink or text -> varchar(n), and says it can fail', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN c TYPE varchar(20);', { history: history('varchar(100)') }), ID);
    expect(f?.message).toContain('fails if any value is longer than 20');
    expect(f?.suggestion).toContain('ALTER TABLE orders ADD CONSTRAINT orders_c_check CHECK (char_length(c) <= 20) NOT VALID;');
    await runOnPostgres('ct', `${history('varchar(100)')} INSERT INTO orders VALUES (1, 'short');`, [f!.suggestion!]);
  });

  it('treats timestamp -> timestamptz as CAUTION on PostgreSQL 12+ (UTC only) and a rewrite before', async () => {
    const sql = 'ALTER TABLE orders ALTER COLUMN c TYPE timestamptz;';
    const [pg12] = findingsOf(await lintSql(sql, { history: history('timestamp'), pgVersion: 12 }), ID);
    expect(pg12?.risk).toBe('CAUTION');
    expect(pg12?.message).toContain('TimeZone is UTC');
    expect(pg12?.suggestion).toContain("SET timezone = 'UTC';");
    const [pg11] = findingsOf(await lintSql(sql, { history: history('timestamp'), pgVersion: 11 }), ID);
    expect(pg11?.risk).toBe('DANGEROUS');
  });

  it('a SET timezone to another zone earlier in the file makes timestamp -> timestamptz a rewrite; UTC makes it none', async () => {
    const sql = 'ALTER TABLE orders ALTER COLUMN c TYPE timestamptz;';
    const [la] = findingsOf(await lintSql(`SET timezone = 'America/Los_Angeles';\n${sql}`, { history: history('timestamp') }), ID);
    expect(la?.risk).toBe('DANGEROUS');
    expect(la?.message).toContain('is not UTC');
    expect(findingsOf(await lintSql(`SET timezone = 'UTC';\n${sql}`, { history: history('timestamp') }), ID)).toEqual([]);
    // RESET hands the choice back to the server's default: unknown again.
    const [reset] = findingsOf(await lintSql(`SET timezone = 'UTC';\nRESET timezone;\n${sql}`, { history: history('timestamp') }), ID);
    expect(reset?.risk).toBe('CAUTION');
  });

  it('a change without a rewrite still rebuilds the expression and partial indexes that use the column', async () => {
    const sql = 'ALTER TABLE orders ALTER COLUMN c TYPE varchar(30);';
    for (const index of ['CREATE INDEX orders_lower_c ON orders (lower(c));', "CREATE INDEX orders_c_open ON orders (id) WHERE c <> 'closed';", "CREATE INDEX orders_c_part ON orders (c) WHERE id > 0;"]) {
      const [f] = findingsOf(await lintSql(sql, { history: `${history('varchar(20)')}\n${index}` }), ID);
      expect(f?.risk, index).toBe('DANGEROUS');
      expect(f?.message).toContain('expression or partial indexes that use c');
    }
    // A plain index on the column keeps its storage, and an expression index on another column is not touched.
    expect(findingsOf(await lintSql(sql, { history: `${history('varchar(20)')}\nCREATE INDEX orders_c ON orders (c);\nCREATE INDEX orders_lower_id ON orders ((id + 1));` }), ID)).toEqual([]);
  });

  it('PostgreSQL rebuilds an expression index on a binary-coercible type change and keeps a plain one', async () => {
    const db = `ruletest_ct_rebuild_${process.pid}`;
    const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${db}`);
      await admin.query(`CREATE DATABASE ${db}`);
      const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: db });
      await client.connect();
      try {
        await client.query(`${history('varchar(20)')} CREATE INDEX orders_c ON orders (c); CREATE INDEX orders_lower_c ON orders (lower(c)); CREATE INDEX orders_c_part ON orders (c) WHERE id > 0;`);
        const files = async () => Object.fromEntries((await client.query("SELECT relname, relfilenode FROM pg_class WHERE relname IN ('orders', 'orders_c', 'orders_lower_c', 'orders_c_part')")).rows.map((r: { relname: string; relfilenode: number }) => [r.relname, r.relfilenode]));
        const before = await files();
        await client.query('ALTER TABLE orders ALTER COLUMN c TYPE varchar(30);');
        const after = await files();
        expect(after.orders).toBe(before.orders);
        expect(after.orders_c).toBe(before.orders_c);
        expect(after.orders_lower_c).not.toBe(before.orders_lower_c);
        expect(after.orders_c_part).not.toBe(before.orders_c_part);
      } finally {
        await client.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${db}`);
      await admin.end();
    }
  });

  it('flags a USING expression that computes something, but not USING col::type', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN c TYPE text USING lower(c);', { history: history('varchar(10)') }), ID);
    expect(f?.message).toContain('USING lower(c)');
    expect(f?.suggestion).toContain('SET c_new = lower(c)');
    expect(findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN c TYPE text USING c::text;', { history: history('varchar(10)') }), ID)).toEqual([]);
  });

  it('keeps DANGEROUS and says so when the old type is unknown', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN c TYPE text;'), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('not known from the history');
  });

  it('learns the old type from an earlier migration of the run', async () => {
    const earlier = ['ALTER TABLE orders ADD COLUMN c varchar(10);'];
    expect(findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN c TYPE varchar(40);', { earlier }), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN c TYPE bigint USING c::bigint;', { earlier }), ID)).toHaveLength(1);
  });

  it('is silent on a table created in this run', async () => {
    expect(findingsOf(await lintSql('CREATE TABLE orders (c int);\nALTER TABLE orders ALTER COLUMN c TYPE bigint;'), ID)).toEqual([]);
  });

  it('is size sensitive', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN c TYPE bigint;', { history: history('integer'), tableStats: { 'public.orders': { rows: 100 } } }), ID);
    expect(f?.risk).toBe('CAUTION');
  });

  it('classifies type pairs directly', () => {
    expect(typeChange('varchar(5)', 'varchar(4)', 16)).toEqual({ effect: 'rewrite', mayFail: true, limit: 4 });
    expect(typeChange('numeric', 'numeric(10,2)', 16).effect).toBe('rewrite');
    expect(typeChange('timestamp', 'timestamptz(3)', 16).effect).toBe('rewrite');
  });
});
