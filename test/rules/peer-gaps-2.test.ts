// Gaps found against diesel-guard's checks, atlas's migrate lint analyzers, squawk's
// cross-migration tests and safe-migrate's cascade rules: a primary key dropped, a NOT NULL
// proven by one AND term of a CHECK or by a VALIDATE of a constraint the history does not show,
// REFRESH ... WITH NO DATA, DROP TYPE ... CASCADE, and the statements of a DO block sharing one
// transaction. Each verdict was checked on PostgreSQL 15.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf, runOnPostgres } from './part-a-support.js';

describe('drop-primary-key', () => {
  it('reports dropping the primary key of an existing table, named or inline', async () => {
    for (const history of ['CREATE TABLE users (id bigint, email text, CONSTRAINT users_pkey PRIMARY KEY (id));', 'CREATE TABLE users (id bigint PRIMARY KEY, email text);', undefined]) {
      const [f] = findingsOf(await lintSql('ALTER TABLE users DROP CONSTRAINT users_pkey;', { history }), 'drop-primary-key');
      expect(f?.risk, String(history)).toBe('CAUTION');
      expect(f?.message).toMatch(/drops the primary key of public\.users, and the file adds no new one: UPDATE and DELETE fail while the table is published/);
    }
    const [custom] = findingsOf(await lintSql('ALTER TABLE users DROP CONSTRAINT pk_users CASCADE;', { history: 'CREATE TABLE users (id bigint, CONSTRAINT pk_users PRIMARY KEY (id));' }), 'drop-primary-key');
    expect(custom?.message).toMatch(/CASCADE silently drops every foreign key/);
  });

  it('is quiet for other constraints, new tables and a key swapped in the same transaction', async () => {
    const history = 'CREATE TABLE users (id bigint PRIMARY KEY, uuid uuid NOT NULL, email text CONSTRAINT users_email_key UNIQUE);';
    expect(findingsOf(await lintSql('ALTER TABLE users DROP CONSTRAINT users_email_key;', { history }), 'drop-primary-key')).toEqual([]);
    // The history shows the key under another name: users_old_pkey is not it.
    expect(findingsOf(await lintSql('ALTER TABLE users DROP CONSTRAINT users_old_pkey;', { history: 'CREATE TABLE users (id bigint, CONSTRAINT pk_users PRIMARY KEY (id));' }), 'drop-primary-key')).toEqual([]);
    expect(findingsOf(await lintSql('CREATE TABLE t (id bigint PRIMARY KEY);\nALTER TABLE t DROP CONSTRAINT t_pkey;'), 'drop-primary-key')).toEqual([]);
    const swap = 'ALTER TABLE users DROP CONSTRAINT users_pkey, ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_uuid_key;';
    expect(findingsOf(await lintSql(swap, { history, runner: 'none' }), 'drop-primary-key')).toEqual([]);
    const twoStatements = 'ALTER TABLE users DROP CONSTRAINT users_pkey;\nALTER TABLE users ADD PRIMARY KEY (uuid);';
    expect(findingsOf(await lintSql(twoStatements, { history, runner: 'wrapped' }), 'drop-primary-key')).toEqual([]);
    expect(findingsOf(await lintSql(`DO $$ BEGIN ${twoStatements} END $$;`, { history, runner: 'none' }), 'drop-primary-key')).toEqual([]);
    // CASCADE: the key comes back, the foreign keys it took do not.
    const [cascade] = findingsOf(await lintSql('ALTER TABLE users DROP CONSTRAINT users_pkey CASCADE;\nALTER TABLE users ADD PRIMARY KEY (uuid);', { history, runner: 'wrapped' }), 'drop-primary-key');
    expect(cascade?.message).toMatch(/CASCADE silently dropped every foreign key that referenced the old one/);
    // Dropped to free the name for a rebuilt table: the old table is renamed away (or dropped).
    const rebuild = 'ALTER TABLE users DROP CONSTRAINT users_pkey;\nALTER TABLE users RENAME TO users_backup;\nCREATE TABLE users (id bigint CONSTRAINT users_pkey PRIMARY KEY);';
    expect(findingsOf(await lintSql(rebuild, { history, runner: 'none' }), 'drop-primary-key')).toEqual([]);
    // In autocommit the table has no key between the two statements.
    const [apart] = findingsOf(await lintSql(twoStatements, { history, runner: 'none' }), 'drop-primary-key');
    expect(apart?.message).toMatch(/the key added later in the file runs in another transaction/);
  });

  // A key renamed away, and away and back, is followed under its names; a name PostgreSQL
  // made up for a key is the one it really makes: the table's name cut to fit 63 bytes, and
  // `_pkey1` when `_pkey` is taken in the schema (the table it was made for renamed away, an
  // index, another constraint). Each name checked on PostgreSQL 15 below.
  it('follows a key through renames and knows it by the name PostgreSQL gives it', async () => {
    const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text CONSTRAINT users_email_key UNIQUE);';
    const reported = async (sql: string, h = history) => findingsOf(await lintSql(sql, { history: h, runner: 'none' }), 'drop-primary-key').map((f) => f.message.slice(0, f.message.indexOf(' drops')));
    expect(await reported('ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk_old;\nALTER TABLE users DROP CONSTRAINT users_pk_old;')).toEqual(['DROP CONSTRAINT users_pk_old']);
    expect(await reported('ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_tmp;\nALTER TABLE users RENAME CONSTRAINT users_tmp TO users_pkey;\nALTER TABLE users DROP CONSTRAINT users_pkey;')).toEqual(['DROP CONSTRAINT users_pkey']);
    expect(await reported('ALTER INDEX users_pkey RENAME TO users_id_idx;\nALTER TABLE users DROP CONSTRAINT users_id_idx;')).toEqual(['DROP CONSTRAINT users_id_idx']);
    // The key renamed away and the unique constraint given its name: dropping that name drops no key.
    expect(await reported('ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk_old;\nALTER TABLE users RENAME CONSTRAINT users_email_key TO users_pkey;\nALTER TABLE users DROP CONSTRAINT users_pkey;')).toEqual([]);
    // Without any history a name made up for a key is taken for one, renamed or not.
    expect(await reported('ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk_old;\nALTER TABLE users DROP CONSTRAINT users_pk_old;', undefined)).toEqual(['DROP CONSTRAINT users_pk_old']);

    // The table rebuilt under its name: the old one keeps users_pkey, the new key is users_pkey1.
    const rebuilt = `${history}\nALTER TABLE users RENAME TO users_old;\nCREATE TABLE users (id bigint PRIMARY KEY);`;
    expect(await reported('ALTER TABLE users DROP CONSTRAINT users_pkey1;', rebuilt)).toEqual(['DROP CONSTRAINT users_pkey1']);
    expect(await reported('ALTER TABLE users DROP CONSTRAINT users_pkey;', rebuilt)).toEqual([]);
    expect(await reported('ALTER TABLE users_old DROP CONSTRAINT users_pkey;', rebuilt)).toEqual(['DROP CONSTRAINT users_pkey']);
    await expect(runOnPostgres('dpk_rebuilt', rebuilt, ['ALTER TABLE users DROP CONSTRAINT users_pkey1;', 'ALTER TABLE users_old DROP CONSTRAINT users_pkey;'])).resolves.toBeUndefined();
    await expect(runOnPostgres('dpk_rebuilt_no', rebuilt, ['ALTER TABLE users DROP CONSTRAINT users_pkey;'])).rejects.toThrow(/constraint "users_pkey" of relation "users" does not exist/);

    // An index, or a constraint of another table, already named orders_pkey; a CHECK of the same table too.
    for (const taken of ['CREATE TABLE other (id int);\nCREATE INDEX orders_pkey ON other (id);', 'CREATE TABLE other (id int CONSTRAINT orders_pkey CHECK (id > 0));']) {
      const h = `${taken}\nCREATE TABLE orders (id int);\nALTER TABLE orders ADD PRIMARY KEY (id);`;
      expect(await reported('ALTER TABLE orders DROP CONSTRAINT orders_pkey1;', h), taken).toEqual(['DROP CONSTRAINT orders_pkey1']);
      expect(await reported('ALTER TABLE orders DROP CONSTRAINT orders_pkey;', h), taken).toEqual([]);
      await expect(runOnPostgres('dpk_taken', h, ['ALTER TABLE orders DROP CONSTRAINT orders_pkey1;'])).resolves.toBeUndefined();
    }
    const checked = 'CREATE TABLE items (id int PRIMARY KEY, CONSTRAINT items_pkey CHECK (id > 0));';
    expect(await reported('ALTER TABLE items DROP CONSTRAINT items_pkey1;', checked)).toEqual(['DROP CONSTRAINT items_pkey1']);
    expect(await reported('ALTER TABLE items DROP CONSTRAINT items_pkey;', checked)).toEqual([]);
    await expect(runOnPostgres('dpk_checked', checked, ['ALTER TABLE items DROP CONSTRAINT items_pkey1;'])).resolves.toBeUndefined();

    // A table name of 63 bytes: the key's name keeps 58 of them (whole characters) and `_pkey`.
    const long = `é${'b'.repeat(61)}`;
    const key = `é${'b'.repeat(56)}_pkey`;
    const h = `CREATE TABLE "${long}" (id int PRIMARY KEY);`;
    expect(await reported(`ALTER TABLE "${long}" DROP CONSTRAINT "${key}";`, h)).toEqual([`DROP CONSTRAINT ${key}`]);
    await expect(runOnPostgres('dpk_long', h, [`ALTER TABLE "${long}" DROP CONSTRAINT "${key}";`])).resolves.toBeUndefined();
    // The table made again after a DROP TABLE: its old key's name is free again.
    expect(await reported('ALTER TABLE users DROP CONSTRAINT users_pkey;', `${history}\nDROP TABLE users;\nCREATE TABLE users (id bigint PRIMARY KEY);`)).toEqual(['DROP CONSTRAINT users_pkey']);
  }, 60_000);

  it('matches PostgreSQL: the drop fails under a foreign key, and UPDATE fails on a published table without a key', async () => {
    const setup = 'CREATE TABLE acc (id bigint PRIMARY KEY, v int);\nCREATE TABLE ref (id bigint PRIMARY KEY, acc_id bigint REFERENCES acc (id));\nINSERT INTO acc VALUES (1, 1);';
    await expect(runOnPostgres('dpk_fk', setup, ['ALTER TABLE acc DROP CONSTRAINT acc_pkey;'])).rejects.toThrow(/other objects depend on it/);
    await expect(runOnPostgres('dpk_pub', `${setup}\nCREATE PUBLICATION dpk_pub FOR TABLE acc;`, ['ALTER TABLE acc DROP CONSTRAINT acc_pkey CASCADE;', 'UPDATE acc SET v = 2 WHERE id = 1;'])).rejects.toThrow(/does not have a replica identity/);
  });
});

describe('set-not-null-without-check', () => {
  const T = 'CREATE TABLE t (id bigint PRIMARY KEY, a int, b int, c int);';

  it.each([
    'CHECK (c > 10 AND c IS NOT NULL)',
    'CHECK (c IS NOT NULL AND c <> 0)',
    'CHECK ((a > 0 AND b > 0) AND (c IS NOT NULL))',
    'CHECK (NOT (c IS NULL))',
  ])('a validated %s proves c NOT NULL (no scan on 12+)', async (check) => {
    const history = `${T}\nALTER TABLE t ADD CONSTRAINT c_chk ${check};`;
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN c SET NOT NULL;', { history }), 'set-not-null-without-check')).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN c SET NOT NULL;', { history, pgVersion: 11 }), 'set-not-null-without-check')).toHaveLength(1);
  });

  it('one CHECK can prove several columns; an OR or a strict comparison alone proves none', async () => {
    const both = `${T}\nALTER TABLE t ADD CONSTRAINT ab_nn CHECK (a IS NOT NULL AND b IS NOT NULL);`;
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN a SET NOT NULL;\nALTER TABLE t ALTER COLUMN b SET NOT NULL;', { history: both }), 'set-not-null-without-check')).toEqual([]);
    for (const check of ['CHECK (c > 10)', 'CHECK (c IS NOT NULL OR id < 0)']) {
      const history = `${T}\nALTER TABLE t ADD CONSTRAINT c_chk ${check};`;
      expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN c SET NOT NULL;', { history }), 'set-not-null-without-check'), check).toHaveLength(1);
    }
  });

  it('a CHECK added NOT VALID by ALTER TABLE to a new table proves nothing until validated (pg_constraint keeps it not valid)', async () => {
    const history = `${T}\nALTER TABLE t ADD CONSTRAINT c_chk CHECK (c > 0 AND c IS NOT NULL) NOT VALID;`;
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN c SET NOT NULL;', { history }), 'set-not-null-without-check')).toHaveLength(1);
    expect(findingsOf(await lintSql('ALTER TABLE t VALIDATE CONSTRAINT c_chk;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;', { history, runner: 'none' }), 'set-not-null-without-check')).toEqual([]);
    // CREATE TABLE ignores NOT VALID on a CHECK: valid from the start.
    const created = 'CREATE TABLE t (id bigint PRIMARY KEY, c int, CONSTRAINT c_chk CHECK (c IS NOT NULL) NOT VALID);';
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN c SET NOT NULL;', { history: created }), 'set-not-null-without-check')).toEqual([]);
  });

  it('a VALIDATE of a constraint the history does not show, named after the column, makes it CAUTION on 12+', async () => {
    const sql = 'ALTER TABLE foo VALIDATE CONSTRAINT foo_bar_not_null;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;';
    const [f] = findingsOf(await lintSql(sql, { runner: 'none' }), 'set-not-null-without-check');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toMatch(/the history does not show the definition of foo_bar_not_null/);
    expect(findingsOf(await lintSql(sql, { runner: 'none', pgVersion: 11 }), 'set-not-null-without-check')[0]?.risk).toBe('DANGEROUS');
    const other = 'ALTER TABLE foo VALIDATE CONSTRAINT foo_amount_positive;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;';
    expect(findingsOf(await lintSql(other, { runner: 'none' }), 'set-not-null-without-check')[0]?.risk).toBe('DANGEROUS');
    // A foreign key's or a key's name that holds the column, or a column name inside another word, is no hint.
    for (const name of ['foo_bar_fkey', 'foo_bar_key', 'foo_bar_pkey', 'foo_barcode_check']) {
      const validate = `ALTER TABLE foo VALIDATE CONSTRAINT ${name};\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;`;
      expect(findingsOf(await lintSql(validate, { runner: 'none' }), 'set-not-null-without-check')[0]?.risk, name).toBe('DANGEROUS');
    }
    expect(findingsOf(await lintSql('ALTER TABLE foo VALIDATE CONSTRAINT foo_bar_check;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;', { runner: 'none' }), 'set-not-null-without-check')[0]?.risk).toBe('CAUTION');
  });
});

describe('refresh-matview-concurrently', () => {
  it('REFRESH ... WITH NO DATA empties the view: reported as such, not as a long query', async () => {
    const history = 'CREATE TABLE sales (id bigint PRIMARY KEY, amount int);\nCREATE MATERIALIZED VIEW mv AS SELECT id, amount FROM sales;';
    const [f] = findingsOf(await lintSql('REFRESH MATERIALIZED VIEW mv WITH NO DATA;', { history }), 'refresh-matview-concurrently');
    expect(f?.message).toMatch(/WITH NO DATA empties the view: every SELECT from it fails/);
    await expect(runOnPostgres('mv_nodata', `${history}\nINSERT INTO sales VALUES (1, 1);\nREFRESH MATERIALIZED VIEW mv;`, ['REFRESH MATERIALIZED VIEW mv WITH NO DATA;', 'SELECT * FROM mv;'])).rejects.toThrow(/has not been populated/);
  });
});

describe('drop-type-cascade', () => {
  it('DROP TYPE / DOMAIN ... CASCADE of a type a known column uses is DANGEROUS and names the columns', async () => {
    const [f] = findingsOf(await lintSql('DROP TYPE mood CASCADE;', { history: "CREATE TYPE mood AS ENUM ('a', 'b');\nCREATE TABLE t (id bigint PRIMARY KEY, m mood, ms mood[]);" }), 'drop-type-cascade');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toMatch(/drops the columns public\.t\.m, public\.t\.ms/);
    const [d] = findingsOf(await lintSql('DROP DOMAIN dx CASCADE;', { history: 'CREATE DOMAIN dx AS int;\nCREATE TABLE t (id bigint PRIMARY KEY, q dx);' }), 'drop-type-cascade');
    expect(d?.risk).toBe('DANGEROUS');
    await expect(runOnPostgres('dtc', "CREATE TYPE mood AS ENUM ('a');\nCREATE TABLE t (id bigint PRIMARY KEY, m mood);\nINSERT INTO t VALUES (1, 'a');", ['DROP TYPE mood CASCADE;', 'SELECT m FROM t;'])).rejects.toThrow(/column "m" does not exist/);
  });

  it('the enum swap that retyped every column first, a DROP without CASCADE and a new type are not reported; an unknown type is CAUTION', async () => {
    const history = "CREATE TYPE mood AS ENUM ('a', 'b');\nCREATE TABLE t (id bigint PRIMARY KEY, m mood);";
    const swap = "CREATE TYPE mood_new AS ENUM ('a', 'b', 'c');\nALTER TABLE t ALTER COLUMN m TYPE mood_new USING m::text::mood_new;\nDROP TYPE mood CASCADE;\nALTER TYPE mood_new RENAME TO mood;";
    expect(findingsOf(await lintSql(swap, { history }), 'drop-type-cascade')).toEqual([]);
    expect(findingsOf(await lintSql('DROP TYPE mood;', { history }), 'drop-type-cascade')).toEqual([]);
    expect(findingsOf(await lintSql("CREATE TYPE x AS ENUM ('a');\nDROP TYPE x CASCADE;"), 'drop-type-cascade')).toEqual([]);
    expect(findingsOf(await lintSql('DROP TYPE mood CASCADE;'), 'drop-type-cascade')[0]?.risk).toBe('CAUTION');
  });
});
