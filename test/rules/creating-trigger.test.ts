// creating-trigger, refresh-matview-concurrently, ban-vacuum-full, ban-cluster,
// table-rewrite-settings, partition-attach-detach, ban-domain-constraint, identifier-too-long.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, runOnPostgres } from './part-a-support.js';
import { identifiersIn, truncateIdentifier } from '../../rules/identifier-too-long.js';

const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('creating-trigger', () => {
  it('flags CREATE TRIGGER on a pre-existing table, not on a new one', async () => {
    const [f] = of(await lintSql('CREATE TRIGGER t AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION f();'), 'creating-trigger');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('SHARE ROW EXCLUSIVE');
    const fresh = 'CREATE TABLE o (id bigint);\nCREATE TRIGGER t AFTER INSERT ON o FOR EACH ROW EXECUTE FUNCTION f();';
    expect(of(await lintSql(fresh), 'creating-trigger')).toEqual([]);
  });

  it('flags DISABLE TRIGGER ALL, mentioning foreign keys', async () => {
    const [f] = of(await lintSql('ALTER TABLE orders DISABLE TRIGGER ALL;'), 'creating-trigger');
    expect(f?.message).toContain('foreign-key checks');
  });
});

describe('refresh-matview-concurrently', () => {
  it('flags a plain refresh; table stats of a small view make it CAUTION', async () => {
    expect(of(await lintSql('REFRESH MATERIALIZED VIEW daily;'), 'refresh-matview-concurrently')[0]?.risk).toBe('DANGEROUS');
    const small = await lintSql('REFRESH MATERIALIZED VIEW daily;', { tableStats: { 'public.daily': { rows: 500 } } });
    expect(of(small, 'refresh-matview-concurrently')[0]?.risk).toBe('CAUTION');
  });

  it('is silent for CONCURRENTLY and for a view created in this run', async () => {
    expect(of(await lintSql('REFRESH MATERIALIZED VIEW CONCURRENTLY daily;'), 'refresh-matview-concurrently')).toEqual([]);
    const fresh = 'CREATE MATERIALIZED VIEW daily AS SELECT 1 AS x WITH NO DATA;\nREFRESH MATERIALIZED VIEW daily;';
    expect(of(await lintSql(fresh), 'refresh-matview-concurrently')).toEqual([]);
  });
});

describe('ban-vacuum-full and ban-cluster', () => {
  it('flags VACUUM FULL of a table and of the whole database', async () => {
    expect(of(await lintSql('VACUUM FULL orders;'), 'ban-vacuum-full')[0]?.suggestion).toContain('pg_repack');
    expect(of(await lintSql('VACUUM (FULL, ANALYZE);'), 'ban-vacuum-full')[0]?.message).toContain('every table in the database');
    expect(of(await lintSql('VACUUM orders;'), 'ban-vacuum-full')).toEqual([]);
  });

  it('flags CLUSTER and suggests CLUSTER ON plus pg_repack', async () => {
    const [f] = of(await lintSql('CLUSTER orders USING orders_created_idx;'), 'ban-cluster');
    expect(f?.suggestion).toContain('ALTER TABLE orders CLUSTER ON orders_created_idx;');
    expect(of(await lintSql('CREATE TABLE t (id bigint);\nCLUSTER t USING t_pkey;'), 'ban-cluster')).toEqual([]);
  });
});

describe('table-rewrite-settings', () => {
  it('flags SET TABLESPACE, SET LOGGED and SET UNLOGGED on pre-existing tables', async () => {
    expect(of(await lintSql('ALTER TABLE orders SET TABLESPACE fast;'), 'table-rewrite-settings')[0]?.suggestion).toContain('--tablespace=fast');
    expect(of(await lintSql('ALTER TABLE orders SET LOGGED;'), 'table-rewrite-settings')[0]?.message).toContain('WAL');
    expect(of(await lintSql('ALTER TABLE orders SET UNLOGGED;'), 'table-rewrite-settings')[0]?.message).toContain('not replicated');
    expect(of(await lintSql('CREATE UNLOGGED TABLE s (id bigint);\nALTER TABLE s SET LOGGED;'), 'table-rewrite-settings')).toEqual([]);
  });
});

describe('partition-attach-detach', () => {
  it('DETACH without CONCURRENTLY: suggests CONCURRENTLY on 14+, a lock_timeout before', async () => {
    const sql = 'ALTER TABLE m DETACH PARTITION m_2023;';
    expect(of(await lintSql(sql, { pgVersion: 14 }), 'partition-attach-detach')[0]?.suggestion).toContain('DETACH PARTITION m_2023 CONCURRENTLY');
    expect(of(await lintSql(sql, { pgVersion: 13 }), 'partition-attach-detach')[0]?.suggestion).toContain('lock_timeout');
  });

  it('DETACH ... CONCURRENTLY inside a transaction fails', async () => {
    const out = await lintSql('ALTER TABLE m DETACH PARTITION m_2023 CONCURRENTLY;', { runner: 'wrapped' });
    expect(of(out, 'partition-attach-detach')[0]?.risk).toBe('DANGEROUS');
    expect(of(await lintSql('ALTER TABLE m DETACH PARTITION m_2023 CONCURRENTLY;'), 'partition-attach-detach')).toEqual([]);
  });

  it('ATTACH scans unless a validated CHECK proves the bound; before 12 it locks the parent', async () => {
    const attach = "ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');";
    expect(of(await lintSql(attach), 'partition-attach-detach')[0]?.risk).toBe('CAUTION');
    expect(of(await lintSql(attach, { pgVersion: 11 }), 'partition-attach-detach')[0]?.risk).toBe('DANGEROUS');
    const proven = "ALTER TABLE m_2024 ADD CONSTRAINT b CHECK (at >= '2024-01-01' AND at < '2025-01-01') NOT VALID;\nALTER TABLE m_2024 VALIDATE CONSTRAINT b;\n" + attach;
    expect(of(await lintSql(proven), 'partition-attach-detach')).toEqual([]);
  });
});

describe('ban-domain-constraint', () => {
  it('flags CREATE DOMAIN with CHECK and ALTER DOMAIN ADD CONSTRAINT, not NOT VALID', async () => {
    expect(of(await lintSql('CREATE DOMAIN pos AS int CHECK (VALUE > 0);'), 'ban-domain-constraint')).toHaveLength(1);
    expect(of(await lintSql('CREATE DOMAIN pos AS int;'), 'ban-domain-constraint')).toEqual([]);
    const [f] = of(await lintSql('ALTER DOMAIN pos ADD CONSTRAINT pos_check CHECK (VALUE > 0);'), 'ban-domain-constraint');
    expect(f?.suggestion).toContain('NOT VALID;');
    expect(of(await lintSql('ALTER DOMAIN pos ADD CONSTRAINT pos_check CHECK (VALUE > 0) NOT VALID;'), 'ban-domain-constraint')).toEqual([]);
  });

  it('flags ALTER DOMAIN SET NOT NULL (the same scan of every column of the domain), with a NOT VALID check as the way out; passes the other ALTER DOMAIN forms', async () => {
    const history = 'CREATE DOMAIN pos AS int CONSTRAINT pos_check CHECK (VALUE > 0);\nCREATE TABLE t (id bigint PRIMARY KEY, n pos);';
    const [f] = of(await lintSql('ALTER DOMAIN pos SET NOT NULL;', { history }), 'ban-domain-constraint');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('SET NOT NULL checks every column');
    expect(f?.suggestion).toContain('ALTER DOMAIN pos ADD CONSTRAINT pos_not_null CHECK (VALUE IS NOT NULL) NOT VALID;');
    await expectValidSql(f?.suggestion);
    const other = 'ALTER DOMAIN pos DROP NOT NULL;\nALTER DOMAIN pos RENAME CONSTRAINT pos_check TO pos_positive;\nALTER DOMAIN pos DROP CONSTRAINT pos_positive;';
    expect(of(await lintSql(other, { history }), 'ban-domain-constraint')).toEqual([]);
    // A domain created in the same migration has no columns yet.
    expect(of(await lintSql('CREATE DOMAIN fresh AS int;\nALTER DOMAIN fresh SET NOT NULL;'), 'ban-domain-constraint')).toEqual([]);
  });

  it('flags ALTER DOMAIN ... VALIDATE CONSTRAINT: unlike ALTER TABLE ... VALIDATE it holds SHARE (writes wait) on the tables it scans', async () => {
    const setup = "CREATE DOMAIN dd AS text;\nCREATE TABLE dt (x dd);\nALTER DOMAIN dd ADD CONSTRAINT c CHECK (VALUE <> '') NOT VALID;";
    const [f] = of(await lintSql('ALTER DOMAIN dd VALIDATE CONSTRAINT c;', { history: setup }), 'ban-domain-constraint');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('SHARE lock');
    // The lock, as PostgreSQL takes it.
    const holdsShare = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE relation = 'dt'::regclass AND pid = pg_backend_pid() AND mode = 'ShareLock') THEN RAISE EXCEPTION 'no SHARE lock on dt'; END IF; END $$;";
    await runOnPostgres('domain_validate', setup, ['BEGIN;', 'ALTER DOMAIN dd VALIDATE CONSTRAINT c;', holdsShare, 'COMMIT;']);
    expect(of(await lintSql(`CREATE DOMAIN fresh AS int;\nALTER DOMAIN fresh ADD CONSTRAINT p CHECK (VALUE > 0) NOT VALID;\nALTER DOMAIN fresh VALIDATE CONSTRAINT p;`), 'ban-domain-constraint')).toEqual([]);
  });
});

describe('identifier-too-long', () => {
  it('counts bytes, not characters', async () => {
    const name = 'é'.repeat(32); // 64 bytes, 32 characters
    const [f] = of(await lintSql(`CREATE TABLE "${name}" (id bigint);`), 'identifier-too-long');
    expect(f?.message).toContain('64 bytes');
    expect(of(await lintSql(`CREATE TABLE "${'é'.repeat(31)}" (id bigint);`), 'identifier-too-long')).toEqual([]);
  });

  it('flags long column and constraint names, not strings or comments', async () => {
    const long = 'a'.repeat(64);
    expect(of(await lintSql(`ALTER TABLE t ADD COLUMN ${long} text;`), 'identifier-too-long')).toHaveLength(1);
    expect(of(await lintSql(`ALTER TABLE t ADD COLUMN c text DEFAULT '${long}'; -- ${long}`), 'identifier-too-long')).toEqual([]);
  });

  it('flags names a statement creates, not the long names it refers to', async () => {
    const table = `t_${'a'.repeat(70)}`;
    const index = `i_${'c'.repeat(70)}`;
    const created = await lintSql(`CREATE INDEX ${index} ON ${table} (id);\nALTER TABLE ${table} RENAME COLUMN ${'b'.repeat(70)} TO ${'d'.repeat(70)};`, { history: `CREATE TABLE ${table} (id bigint, ${'b'.repeat(70)} int);` });
    // The index's name and the new column name; the table (a reference) and the old column name are not.
    expect(of(created, 'identifier-too-long').map((f) => f.message.slice(1, 11))).toEqual([index.slice(0, 10), 'd'.repeat(10)]);
    const refs = await lintSql(`DROP INDEX IF EXISTS ${index};\nALTER TABLE orders ADD CONSTRAINT orders_fk FOREIGN KEY (x) REFERENCES ${table} (id) NOT VALID;\nSELECT 1 FROM ${table};`);
    expect(of(refs, 'identifier-too-long')).toEqual([]);
    expect(of(await lintSql(`ALTER TABLE orders ADD CONSTRAINT ${'k'.repeat(70)} CHECK (x > 0) NOT VALID;`), 'identifier-too-long')).toHaveLength(1);
    expect(of(await lintSql(`CREATE FUNCTION f(${'p'.repeat(70)} int) RETURNS int LANGUAGE sql AS 'SELECT 1';`), 'identifier-too-long')).toHaveLength(1);
    // PostgreSQL cuts a reference to the same 63 bytes as the definition: a DROP INDEX IF EXISTS
    // of the long name, even with a different tail past byte 63, drops the index it created.
    await runOnPostgres('long_reference', `CREATE TABLE ${table} (id bigint); CREATE INDEX ${index} ON ${table} (id);`, [
      `DROP INDEX IF EXISTS ${index}_other_tail;`,
      `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_class WHERE relname LIKE 'i\\_ccc%') THEN RAISE EXCEPTION 'index still there'; END IF; END $$;`,
    ]);
  });

  it('reads identifiers the way Postgres does', () => {
    expect(identifiersIn(`SELECT "Mixed""Case", Plain, 'str', $q$ body $q$ /* c */ FROM x`)).toEqual(['select', 'Mixed"Case', 'plain', 'from', 'x']);
    // Only the names of at least minChars code units; a quoted name may run to the end of the text.
    expect(identifiersIn(`SELECT "Mixed""Case", LongerName, 'LongerString' FROM "unclosed`, 8)).toEqual(['Mixed"Case', 'longername', 'unclosed']);
    expect(truncateIdentifier('é'.repeat(40))).toBe('é'.repeat(31));
  });
});
