// Issue 13: the hazards the peers (squawk, eugene, strong_migrations, pgfence) catch that the
// rules missed, and their false alarms. One test per bullet of the issue.
import { describe, expect, it } from 'vitest';
import { mergeDryRun } from '../../src/dryrun/index.js';
import type { DryRunResult, MigrationReport } from '../../src/core/types.js';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf } from './part-a-support.js';

const USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name varchar(50));';

describe('misses', () => {
  it('ADD COLUMN ... REFERENCES is a foreign-key creation: CAUTION without a default, DANGEROUS with one, with the split as advice', async () => {
    const history = `${USERS}\nCREATE TABLE emails (id bigint PRIMARY KEY);`;
    const [light] = findingsOf(await lintSql('ALTER TABLE emails ADD COLUMN user_id bigint REFERENCES users (id);', { history }), 'constraint-missing-not-valid');
    expect(light?.risk).toBe('CAUTION');
    expect(light?.message).toMatch(/SHARE ROW EXCLUSIVE locks on public\.emails and public\.users/);
    expect(light?.suggestion).toContain('NOT VALID');
    expect(light?.suggestion).toContain('VALIDATE CONSTRAINT');
    await expectValidSql(light?.suggestion);
    const [heavy] = findingsOf(await lintSql('ALTER TABLE emails ADD COLUMN user_id bigint DEFAULT 1 REFERENCES users (id);', { history }), 'constraint-missing-not-valid');
    expect(heavy?.risk).toBe('DANGEROUS');
  });

  it('PRIMARY KEY USING INDEX over a column the history shows nullable is the implicit SET NOT NULL scan', async () => {
    const history = 'CREATE TABLE items (code text, label text);';
    const sql = 'CREATE UNIQUE INDEX CONCURRENTLY items_code_key ON items (code);\nALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_code_key;';
    const [f] = findingsOf(await lintSql(sql, { history, pgVersion: 15 }), 'set-not-null-without-check');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toMatch(/code is nullable in the history/);
    expect(f?.suggestion).toContain('CHECK (code IS NOT NULL) NOT VALID');
    await expectValidSql(f?.suggestion);
    // NOT NULL in the history, or proven by a validated CHECK on 12+: no scan, no finding.
    const notNull = 'CREATE TABLE items (code text NOT NULL, label text);';
    expect(findingsOf(await lintSql(sql, { history: notNull }), 'set-not-null-without-check')).toEqual([]);
    const checked = `${history}\nALTER TABLE items ADD CONSTRAINT items_code_nn CHECK (code IS NOT NULL);`;
    expect(findingsOf(await lintSql(sql, { history: checked }), 'set-not-null-without-check')).toEqual([]);
  });

  it('reads option values: REINDEX (CONCURRENTLY false) blocks, VACUUM (FULL false) does not', async () => {
    const history = 'CREATE TABLE t (id bigint PRIMARY KEY);';
    expect(findingsOf(await lintSql('REINDEX (CONCURRENTLY false) TABLE t;', { history }), 'require-concurrent-reindex')).toHaveLength(1);
    expect(findingsOf(await lintSql('REINDEX (CONCURRENTLY) TABLE t;', { history }), 'require-concurrent-reindex')).toEqual([]);
    expect(findingsOf(await lintSql('REINDEX (CONCURRENTLY true) TABLE t;', { history }), 'require-concurrent-reindex')).toEqual([]);
    expect(findingsOf(await lintSql('VACUUM (FULL false) t;', { history }), 'ban-vacuum-full')).toEqual([]);
    expect(findingsOf(await lintSql('VACUUM (FULL off, ANALYZE) t;', { history }), 'ban-vacuum-full')).toEqual([]);
    expect(findingsOf(await lintSql('VACUUM (FULL 1) t;', { history }), 'ban-vacuum-full')).toHaveLength(1);
    // In a transaction, REINDEX (CONCURRENTLY false) runs fine: it is not a CONCURRENTLY command.
    expect(findingsOf(await lintSql('REINDEX (CONCURRENTLY false) TABLE t;', { history, runner: 'wrapped' }), 'concurrently-in-transaction')).toEqual([]);
  });

  it.each([
    'WHERE 1 = 1', 'WHERE true', 'WHERE NOT false', 'WHERE NULL IS NULL', "WHERE 'a' = 'a'", 'WHERE 2 > 1', 'WHERE id > 0 OR true', "WHERE 't'::boolean",
  ])('an always-true %s is a missing WHERE', async (where) => {
    const history = 'CREATE TABLE t (id bigint PRIMARY KEY, a int);';
    const [del] = findingsOf(await lintSql(`DELETE FROM t ${where};`, { history }), 'dml-without-where');
    expect(del?.risk).toBe('DANGEROUS');
    expect(del?.message).toMatch(/WHERE that is always true/);
    expect(findingsOf(await lintSql(`UPDATE t SET a = 1 ${where};`, { history }), 'dml-without-where')).toHaveLength(1);
  });

  it('a real WHERE, or a constant one that is false, is not reported', async () => {
    const history = 'CREATE TABLE t (id bigint PRIMARY KEY, a int);';
    for (const where of ['WHERE id = 1', 'WHERE 1 = 2', 'WHERE a IS NULL', 'WHERE true AND id < 10']) {
      expect(findingsOf(await lintSql(`DELETE FROM t ${where};`, { history }), 'dml-without-where'), where).toEqual([]);
    }
  });

  it('DROP TRIGGER on an existing table takes ACCESS EXCLUSIVE', async () => {
    const history = 'CREATE TABLE orders (id bigint PRIMARY KEY);';
    const [f] = findingsOf(await lintSql('DROP TRIGGER orders_audit ON orders;', { history }), 'creating-trigger');
    expect(f?.message).toMatch(/DROP TRIGGER on public\.orders takes an ACCESS EXCLUSIVE lock/);
    expect(findingsOf(await lintSql('CREATE TABLE x (id int);\nDROP TRIGGER x_audit ON x;'), 'creating-trigger')).toEqual([]);
  });

  it('a long query or DO block after an ACCESS EXCLUSIVE lock in the same transaction extends the lock', async () => {
    const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, total int);\nCREATE TABLE events (id bigint);';
    const sql = 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nSELECT count(*) FROM events;\nCOMMIT;';
    const [f] = findingsOf(await lintSql(sql, { history }), 'dml-in-ddl-transaction');
    expect(f?.line).toBe(3);
    expect(f?.message).toMatch(/a query that reads a table runs in the same transaction as `ALTER TABLE orders ADD COLUMN note text` \(line 2\)/);
    const doBlock = 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nDO $$ BEGIN FOR i IN 1..1000 LOOP PERFORM 1; END LOOP; END $$;\nCOMMIT;';
    expect(findingsOf(await lintSql(doBlock, { history }), 'dml-in-ddl-transaction')).toHaveLength(1);
    // A DO block of static statements (what drizzle emits) is analyzed statement by statement.
    const staticDo = "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nDO $$ BEGIN ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID; EXCEPTION WHEN duplicate_object THEN null; END $$;\nCOMMIT;";
    expect(findingsOf(await lintSql(staticDo, { history }), 'dml-in-ddl-transaction')).toEqual([]);
    // A table being dropped is not a lock anyone waits behind.
    expect(findingsOf(await lintSql('BEGIN;\nDROP TABLE orders;\nSELECT count(*) FROM events;\nCOMMIT;', { history }), 'dml-in-ddl-transaction')).toEqual([]);
    // A catalog query, or no lock held before it: nothing to report.
    expect(findingsOf(await lintSql('BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nSELECT setval(\'s\', 1);\nSELECT relname FROM pg_class;\nCOMMIT;', { history }), 'dml-in-ddl-transaction')).toEqual([]);
    expect(findingsOf(await lintSql('SELECT count(*) FROM events;\nALTER TABLE orders ADD COLUMN note text;', { history }), 'dml-in-ddl-transaction')).toEqual([]);
  });

  it('several tables locked ACCESS EXCLUSIVE in one transaction', async () => {
    const history = 'CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE customers (id bigint PRIMARY KEY);';
    const sql = 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN note text;\nCOMMIT;';
    const found = findingsOf(await lintSql(sql, { history }), 'multiple-tables-locked');
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(3);
    expect(found[0]?.message).toMatch(/public\.customers is locked .* public\.orders/);
    expect(findingsOf(await lintSql('BEGIN;\nDROP TABLE orders;\nALTER TABLE customers ADD COLUMN note text;\nCOMMIT;', { history }), 'multiple-tables-locked')).toEqual([]);
    // Autocommit: each lock ends with its statement.
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN note text;', { history }), 'multiple-tables-locked')).toEqual([]);
  });

  it('ALTER COLUMN TYPE on a column a CHECK uses re-checks every row even without a rewrite', async () => {
    const history = 'CREATE TABLE users (id bigint PRIMARY KEY, name varchar(50) CHECK (name <> \'\'));';
    const [f] = findingsOf(await lintSql('ALTER TABLE users ALTER COLUMN name TYPE varchar(100);', { history }), 'changing-column-type');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toMatch(/does not rewrite the table, but the CHECK constraint .* checked again against every row/);
    const tableLevel = 'CREATE TABLE users (id bigint PRIMARY KEY, name varchar(50));\nALTER TABLE users ADD CONSTRAINT users_name_check CHECK (length(name) > 1);';
    expect(findingsOf(await lintSql('ALTER TABLE users ALTER COLUMN name TYPE text;', { history: tableLevel }), 'changing-column-type')[0]?.message).toContain('users_name_check');
    // No CHECK on the column: a widening change is silent.
    expect(findingsOf(await lintSql('ALTER TABLE users ALTER COLUMN name TYPE varchar(100);', { history: USERS }), 'changing-column-type')).toEqual([]);
  });

  it('a table created and seeded in the same file is not empty', async () => {
    const sql = "CREATE TABLE plans (id bigint PRIMARY KEY);\nINSERT INTO plans (id) VALUES (1);\nALTER TABLE plans ADD COLUMN name text NOT NULL;";
    const [f] = findingsOf(await lintSql(sql), 'adding-not-null-column-without-default');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toMatch(/created and already inserted rows into/);
    expect(findingsOf(await lintSql('CREATE TABLE plans (id bigint PRIMARY KEY);\nALTER TABLE plans ADD COLUMN name text NOT NULL;'), 'adding-not-null-column-without-default')).toEqual([]);
  });

  it.each([
    ['UPDATE t SET a = 1, a = 2 WHERE id = 1;', 'multiple assignments to same column'],
    ['INSERT INTO t (a, a) VALUES (1, 2);', 'column specified more than once'],
    ['CREATE TABLE t2 (a int, a text);', 'column specified more than once'],
    ['ALTER TABLE t ADD COLUMN b int, ADD COLUMN b text;', 'column already exists'],
    ['INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1, a = 2;', 'multiple assignments to same column'],
  ])('duplicate column names fail at run time: %s', async (sql, error) => {
    const [f] = findingsOf(await lintSql(sql, { history: 'CREATE TABLE t (id bigint PRIMARY KEY, a int[]);' }), 'duplicate-column');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain(error);
  });

  it('assignments to different elements of one column are not duplicates', async () => {
    expect(findingsOf(await lintSql('UPDATE t SET a[1] = 1, a[2] = 2 WHERE id = 1;'), 'duplicate-column')).toEqual([]);
  });

  it('identifier-too-long leaves DROP statements alone: PostgreSQL truncates the reference as it truncated the definition', async () => {
    const name = 'orders_customer_id_created_at_status_shipping_country_code_partial_idx';
    expect(findingsOf(await lintSql(`DROP INDEX CONCURRENTLY ${name};`), 'identifier-too-long')).toEqual([]);
    expect(findingsOf(await lintSql(`DROP INDEX IF EXISTS ${name};`), 'identifier-too-long')).toEqual([]);
  });

  it('ADD VALUE without BEFORE/AFTER, and ALTER COLUMN TYPE varchar(n) / timestamp, raise the advisory rules', async () => {
    const history = "CREATE TYPE size AS ENUM ('s', 'l');\nCREATE TABLE t (id bigint PRIMARY KEY, a text, b timestamptz);";
    expect(findingsOf(await lintSql("ALTER TYPE size ADD VALUE 'm';", { history }), 'require-enum-value-ordering')[0]?.risk).toBe('SAFE');
    expect(findingsOf(await lintSql("ALTER TYPE size ADD VALUE 'm' AFTER 's';", { history }), 'require-enum-value-ordering')).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN a TYPE varchar(20);', { history }), 'prefer-text-field')).toHaveLength(1);
    const [ts] = findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN b TYPE timestamp;', { history }), 'prefer-timestamptz');
    expect(ts?.suggestion).toBe('ALTER TABLE t ALTER COLUMN b TYPE timestamptz;');
  });

  it('a foreign key whose table history is unknown is CAUTION: no index is visible in the reviewed files', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;'), 'foreign-key-without-index');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('no index on orders(user_id) is visible in the reviewed files');
  });
});

describe('beyond the misses: pgfence footguns', () => {
  it('REPLICA IDENTITY FULL on an existing table multiplies WAL', async () => {
    const history = 'CREATE TABLE orders (id bigint PRIMARY KEY);';
    expect(findingsOf(await lintSql('ALTER TABLE orders REPLICA IDENTITY FULL;', { history }), 'replica-identity-full')[0]?.risk).toBe('CAUTION');
    expect(findingsOf(await lintSql('ALTER TABLE orders REPLICA IDENTITY DEFAULT;', { history }), 'replica-identity-full')).toEqual([]);
  });
});

describe('beyond the misses: row level security', () => {
  it('ENABLE ROW LEVEL SECURITY with no policy in sight is CAUTION; a policy in the history or later in the file satisfies it', async () => {
    const history = 'CREATE TABLE docs (id bigint PRIMARY KEY, owner_id bigint);';
    const [f] = findingsOf(await lintSql('ALTER TABLE docs ENABLE ROW LEVEL SECURITY;', { history }), 'enable-rls-without-policy');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.line).toBe(1);
    const later = 'ALTER TABLE docs ENABLE ROW LEVEL SECURITY;\nCREATE POLICY docs_owner ON docs USING (owner_id = 1);';
    expect(findingsOf(await lintSql(later, { history }), 'enable-rls-without-policy')).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE docs ENABLE ROW LEVEL SECURITY;', { history: `${history}\nCREATE POLICY p ON docs USING (true);` }), 'enable-rls-without-policy')).toEqual([]);
  });
});

describe('false alarms: binary-coercible type changes', () => {
  const history = 'CREATE EXTENSION IF NOT EXISTS citext;\nCREATE TABLE t (id bigint PRIMARY KEY, a text, v varchar(40), c citext, ts timestamp(3), tz timestamptz(3), tm time(2), iv interval(3), ivd interval);';
  it.each([
    ['a TYPE citext'], ['c TYPE text'], ['c TYPE varchar'], ['v TYPE citext'], ['ts TYPE timestamp(6)'], ['ts TYPE timestamp'],
    ['tz TYPE timestamptz'], ['tm TYPE time(5)'], ['iv TYPE interval(6)'], ['iv TYPE interval'],
  ])('ALTER COLUMN %s does not rewrite', async (change) => {
    expect(findingsOf(await lintSql(`ALTER TABLE t ALTER COLUMN ${change};`, { history }), 'changing-column-type')).toEqual([]);
  });

  it.each([['c TYPE varchar(10)'], ['tz TYPE timestamptz(0)'], ['ivd TYPE interval(3)'], ['iv TYPE interval day']])('ALTER COLUMN %s still rewrites', async (change) => {
    expect(findingsOf(await lintSql(`ALTER TABLE t ALTER COLUMN ${change};`, { history }), 'changing-column-type')).toHaveLength(1);
  });

  it('text -> citext on an indexed column rebuilds the index, without a rewrite', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN a TYPE citext;', { history: `${history}\nCREATE INDEX t_a_idx ON t (a);` }), 'changing-column-type');
    expect(f?.message).toMatch(/does not rewrite the table, but the indexes on a change operator class/);
  });

  it('timestamp -> timestamptz on 12+ is CAUTION and says it needs TimeZone UTC', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN ts TYPE timestamptz(3);', { history, pgVersion: 15 }), 'changing-column-type');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toMatch(/only when the session's TimeZone is UTC/);
    expect(findingsOf(await lintSql('ALTER TABLE t ALTER COLUMN ts TYPE timestamptz(3);', { history, pgVersion: 11 }), 'changing-column-type')[0]?.risk).toBe('DANGEROUS');
    // The file set the session's time zone to UTC first: no rewrite, nothing to say.
    expect(findingsOf(await lintSql("SET timezone = 'UTC';\nALTER TABLE t ALTER COLUMN ts TYPE timestamptz(3);", { history, pgVersion: 15 }), 'changing-column-type')).toEqual([]);
    expect(findingsOf(await lintSql("SET TIME ZONE 'Europe/Oslo';\nALTER TABLE t ALTER COLUMN ts TYPE timestamptz(3);", { history, pgVersion: 15 }), 'changing-column-type')).toHaveLength(1);
  });

  it('where the dry-run observed no rewrite, the finding does not say the table is rewritten', () => {
    const message = 'ALTER COLUMN quantity TYPE bigint (from integer) on public.orders: the table is rewritten and its indexes rebuilt under an ACCESS EXCLUSIVE lock (reads and writes wait)';
    const report: MigrationReport = {
      path: 'db/2.up.sql', risk: 'DANGEROUS', rollback: { path: null, status: 'missing' },
      operations: [{ kind: 'ALTER_COLUMN_TYPE', risk: 'DANGEROUS', line: 1, column: 1, table: 'public.orders', lock: 'AccessExclusiveLock', rules: ['changing-column-type'], statement: 0 }],
      findings: [{ rule: 'changing-column-type', risk: 'DANGEROUS', line: 1, column: 1, message, statement: 0 }],
    };
    const result: DryRunResult = {
      engine: 'pglite', serverVersion: '18.6', status: 'passed', durationMs: 5,
      statements: [{ statement: 0, path: 'db/2.up.sql', line: 1, column: 1, durationMs: 1, locks: [], rewrites: [] }],
    };
    const merged = mergeDryRun(report, result);
    const f = merged.findings.find((x) => x.rule === 'changing-column-type')!;
    expect(f.message).not.toMatch(/is rewritten/);
    expect(f.message).toMatch(/^ALTER COLUMN quantity TYPE bigint \(from integer\) on public\.orders: .*saw none \(relfilenode unchanged\)/);
  });
});

describe('policy rules', () => {
  it('timeout-too-long: lock_timeout over 10 seconds is CAUTION; a few seconds is fine', async () => {
    expect(findingsOf(await lintSql("SET lock_timeout = '5min';"), 'timeout-too-long')[0]?.risk).toBe('CAUTION');
    expect(findingsOf(await lintSql('SET lock_timeout = 60000;'), 'timeout-too-long')).toHaveLength(1);
    expect(findingsOf(await lintSql("SET lock_timeout = '3s';"), 'timeout-too-long')).toEqual([]);
  });

  it('off-by-default rules stay silent until turned on', async () => {
    const sql = 'CREATE INDEX CONCURRENTLY orders_idx ON orders (created_at);';
    expect(findingsOf(await lintSql(sql), 'prefer-robust-stmts')).toEqual([]);
    expect(findingsOf(await lintSql(sql, { settings: { 'prefer-robust-stmts': 'on' } }), 'prefer-robust-stmts')).toHaveLength(1);
    // In a transaction a failed run rolls back entirely: nothing to re-run half-way.
    expect(findingsOf(await lintSql('CREATE TABLE a (id bigint);', { runner: 'wrapped', settings: { 'prefer-robust-stmts': 'on' } }), 'prefer-robust-stmts')).toEqual([]);
    expect(findingsOf(await lintSql('CREATE TABLE a (id bigint, n integer);', { settings: { 'prefer-bigint-over-int': 'on' } }), 'prefer-bigint-over-int')).toHaveLength(1);
    // squawk's fix_array_types: an array's elements overflow the same way.
    const [arr] = findingsOf(await lintSql('CREATE TABLE a (ids int[], small smallint[], big bigint[]);', { settings: { 'prefer-bigint-over-int': 'on' } }), 'prefer-bigint-over-int').map((f) => f.suggestion);
    expect(arr).toBe('ids bigint[]');
    expect(findingsOf(await lintSql('CREATE TABLE a (ids int[], small smallint[], big bigint[]);', { settings: { 'prefer-bigint-over-int': 'on' } }), 'prefer-bigint-over-int')).toHaveLength(2);
    expect(findingsOf(await lintSql('CREATE TABLE a (id bigint);', { settings: { 'require-table-schema': 'on' } }), 'require-table-schema')).toHaveLength(1);
    // squawk's drop_table_err / drop_table_ok: each bare name of a DROP TABLE, not a qualified one.
    expect(findingsOf(await lintSql('DROP TABLE a, app.b;', { settings: { 'require-table-schema': 'on' } }), 'require-table-schema').map((f) => f.message)).toEqual([expect.stringMatching(/^a has no schema/)]);
    expect(findingsOf(await lintSql('ALTER TABLE a ADD COLUMN n text;', { settings: { 'statement-timeout-before-lock': 'on' } }), 'statement-timeout-before-lock')).toHaveLength(1);
    expect(findingsOf(await lintSql('BEGIN;\nALTER TABLE a ADD COLUMN n text;\nCOMMIT;', { settings: { 'require-idle-in-transaction-timeout': 'on' } }), 'require-idle-in-transaction-timeout')).toHaveLength(1);
  });
});

describe('syntax newer than the parser', () => {
  it('REPACK (PostgreSQL 19) is "not supported by this parser version", not a syntax error; a typo still is one', async () => {
    const out = await lintSql('-- compact the table\nREPACK orders;\nSELEC 1;');
    const messages = (out.errors as Array<{ line: number; message: string }>).map((e) => `${e.line}: ${e.message}`);
    expect(messages[0]).toMatch(/^2: REPACK \(PostgreSQL 19\) is not supported by this parser version/);
    expect(messages[0]).not.toMatch(/syntax error/);
    expect(messages[1]).toBe('3: syntax error at or near "SELEC"');
  });
});

describe('newer syntax: the statement-start check stays linear', () => {
  it('a long run of whitespace before a syntax error is handled at once', async () => {
    const out = await lintSql(`SELECT 1;${' '.repeat(200_000)}x REPACK;`);
    expect((out.errors as Array<{ message: string }>)[0]?.message).toMatch(/^syntax error/);
    const repack = await lintSql(`SELECT 1;${' \n'.repeat(100_000)}REPACK t;`);
    expect((repack.errors as Array<{ message: string }>)[0]?.message).toMatch(/not supported by this parser version/);
  });
});
