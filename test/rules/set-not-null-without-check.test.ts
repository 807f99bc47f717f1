import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'set-not-null-without-check';
const SET = 'ALTER TABLE orders ALTER COLUMN status SET NOT NULL;';

describe(ID, () => {
  it('flags SET NOT NULL on an existing column with the CHECK route for PostgreSQL 12-17', async () => {
    const [f] = findingsOf(await lintSql(SET, { pgVersion: 14 }), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('scans every row under an ACCESS EXCLUSIVE lock');
    expect(f?.suggestion).toContain('ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;');
    expect(f?.suggestion).toContain('ALTER TABLE orders ALTER COLUMN status SET NOT NULL;');
  });

  it('the PostgreSQL 12+ route runs on PostgreSQL 15', async () => {
    const [f] = findingsOf(await lintSql(SET, { pgVersion: 15 }), ID);
    await runOnPostgres('snn', "CREATE TABLE orders (id int, status text);\nINSERT INTO orders VALUES (1, 'new');", [f!.suggestion!]);
  });

  it('suggests NOT NULL ... NOT VALID on PostgreSQL 18, and no shortcut before 12', async () => {
    const [pg18] = findingsOf(await lintSql(SET, { pgVersion: 18 }), ID);
    expect(pg18?.suggestion).toContain('ADD CONSTRAINT orders_status_not_null NOT NULL status NOT VALID;');
    const [pg11] = findingsOf(await lintSql(SET, { pgVersion: 11 }), ID);
    expect(pg11?.suggestion).toContain('SET NOT NULL always scans');
    expect(pg11?.suggestion).not.toContain('SET NOT NULL;');
  });

  it('is silent on PostgreSQL 12+ when a validated CHECK (col IS NOT NULL) exists, in the history or earlier in the run', async () => {
    const history = 'CREATE TABLE orders (status text);\nALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_status_nn;';
    expect(findingsOf(await lintSql(SET, { history, pgVersion: 12 }), ID)).toEqual([]);
    const earlier = ['ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL) NOT VALID;', 'ALTER TABLE orders VALIDATE CONSTRAINT orders_status_nn;'];
    expect(findingsOf(await lintSql(SET, { earlier }), ID)).toEqual([]);
    // Before 12 the check does not help.
    const [old] = findingsOf(await lintSql(SET, { history, pgVersion: 11 }), ID);
    expect(old?.message).toContain('does not help before PostgreSQL 12');
  });

  it('points at the existing CHECK when it is not validated yet', async () => {
    const [f] = findingsOf(await lintSql(`ALTER TABLE orders ADD CONSTRAINT nn CHECK (status IS NOT NULL) NOT VALID;\n${SET}`), ID);
    expect(f?.message).toContain('VALIDATE CONSTRAINT nn');
    expect(f?.suggestion).toContain('ALTER TABLE orders VALIDATE CONSTRAINT nn;');
  });

  it('flags the PostgreSQL 18 ADD CONSTRAINT ... NOT NULL form unless it says NOT VALID', async () => {
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD CONSTRAINT nn NOT NULL status;'), ID)).toHaveLength(1);
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD CONSTRAINT nn NOT NULL status NOT VALID;'), ID)).toEqual([]);
  });

  it('is silent on tables created in this run', async () => {
    expect(findingsOf(await lintSql(`CREATE TABLE orders (status text);\n${SET}`), ID)).toEqual([]);
    expect(findingsOf(await lintSql(SET, { earlier: ['CREATE TABLE orders (status text);'] }), ID)).toEqual([]);
  });

  it('downgrades on a small table', async () => {
    const [f] = findingsOf(await lintSql(SET, { tableStats: { 'public.orders': { rows: 10 } } }), ID);
    expect(f?.risk).toBe('CAUTION');
  });

  it('ADD PRIMARY KEY USING INDEX: CAUTION when the history does not show the index or its columns, nothing when they are NOT NULL', async () => {
    const sql = 'ALTER TABLE books ADD PRIMARY KEY USING INDEX books_pkey;';
    const [unknown] = findingsOf(await lintSql(sql), ID);
    expect(unknown?.risk).toBe('CAUTION');
    expect(unknown?.message).toContain("the history does not show the index's columns");
    expect(unknown?.suggestion).toContain(sql);
    const known = 'CREATE TABLE books (isbn text NOT NULL);\nCREATE UNIQUE INDEX books_pkey ON books (isbn);';
    expect(findingsOf(await lintSql(sql, { history: known }), ID)).toEqual([]);
    const nullable = 'CREATE TABLE books (isbn text);\nCREATE UNIQUE INDEX books_pkey ON books (isbn);';
    expect(findingsOf(await lintSql(sql, { history: nullable }), ID)[0]?.risk).toBe('DANGEROUS');
  });
});

describe(`${ID}: a column already NOT NULL`, () => {
  it('is silent: PostgreSQL reads no row (checked on the server), and a nullable one still scans', async () => {
    const history = 'CREATE TABLE t (id int PRIMARY KEY, c int NOT NULL, d int);';
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN c SET NOT NULL, ALTER COLUMN id SET NOT NULL;', { history }), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN d SET NOT NULL;', { history }), ID)).toHaveLength(1);
    // DROP NOT NULL earlier in the run makes it nullable again.
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN c DROP NOT NULL;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;', { history }), ID)).toHaveLength(1);
    // The backend's scan counter may hold earlier transactions' scans: counted from a baseline.
    const scans = (n: number) => `DO $$ BEGIN IF (SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 't') - (SELECT n FROM scans_before) <> ${n} THEN RAISE EXCEPTION 'expected ${n} scans'; END IF; END $$;`;
    await runOnPostgres('set_not_null_again', `${history} INSERT INTO t SELECT g, g, g FROM generate_series(1, 100) g;`, [
      'BEGIN;', "CREATE TEMP TABLE scans_before AS SELECT seq_scan AS n FROM pg_stat_xact_user_tables WHERE relname = 't';",
      'ALTER TABLE t ALTER COLUMN c SET NOT NULL;', scans(0), 'ALTER TABLE t ALTER COLUMN d SET NOT NULL;', scans(1), 'COMMIT;',
    ]);
  });
});
