// require-lock-timeout and require-statement-timeout: once per file, reset per file, SET / RESET.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('require-lock-timeout', () => {
  it('DROP VIEW and CREATE OR REPLACE VIEW of a view that exists lock it ACCESS EXCLUSIVE; a view new in the run does not count', async () => {
    const history = 'CREATE TABLE t (id bigint PRIMARY KEY, c text);\nCREATE VIEW v AS SELECT * FROM t;\nCREATE MATERIALIZED VIEW mv AS SELECT * FROM t;';
    for (const sql of ['DROP VIEW v;', 'DROP MATERIALIZED VIEW mv;', 'CREATE OR REPLACE VIEW v AS SELECT id, c, 1 AS one FROM t;']) {
      const [f] = of(await lintSql(sql, { history }), 'require-lock-timeout');
      expect(f?.message, sql).toContain('ACCESS EXCLUSIVE lock (blocks reads and writes): if public.');
    }
    for (const sql of [
      'CREATE OR REPLACE VIEW w AS SELECT id FROM t;',
      'CREATE VIEW w AS SELECT id FROM t;\nDROP VIEW w;',
      'CREATE VIEW w AS SELECT id FROM t;\nCREATE OR REPLACE VIEW w AS SELECT id, c FROM t;',
    ]) expect(of(await lintSql(sql, { history }), 'require-lock-timeout'), sql).toEqual([]);
  });

  it('a foreign key on a new table locks the existing table it references SHARE ROW EXCLUSIVE (squawk analyze.rs, pg_locks on 15)', async () => {
    const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';
    for (const sql of [
      'CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));',
      'CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint, FOREIGN KEY (user_id) REFERENCES users (id));',
      'CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint);\nALTER TABLE invoices ADD CONSTRAINT invoices_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
      'CREATE TABLE invoices (id bigint PRIMARY KEY);\nALTER TABLE invoices ADD COLUMN user_id bigint REFERENCES users (id);',
    ]) {
      const [f] = of(await lintSql(sql, { history }), 'require-lock-timeout');
      expect(f?.message, sql).toContain('SHARE ROW EXCLUSIVE lock (blocks writes) on public.users, the existing table its foreign key references');
      expect(f?.message, sql).toContain('every write to public.users queues behind it');
    }
    // The referenced table new in the run, a self-reference, a timeout set before: nothing to wait for.
    for (const sql of [
      'CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id), parent bigint REFERENCES b (id));',
      "SET lock_timeout = '2s';\nCREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));",
      'CREATE TABLE invoices (id bigint PRIMARY KEY, email text);',
    ]) expect(of(await lintSql(sql, { history }), 'require-lock-timeout'), sql).toEqual([]);
  });

  it('CREATE TABLE ... PARTITION OF locks the existing partitioned table ACCESS EXCLUSIVE (pg_locks on 15); ATTACH PARTITION does not', async () => {
    const history = 'CREATE TABLE parted (id bigint, k int) PARTITION BY RANGE (k);\nCREATE TABLE p1 PARTITION OF parted FOR VALUES FROM (0) TO (100);';
    const [f] = of(await lintSql('CREATE TABLE p2 PARTITION OF parted FOR VALUES FROM (100) TO (200);', { history }), 'require-lock-timeout');
    expect(f?.message).toContain('ACCESS EXCLUSIVE lock (blocks reads and writes) on public.parted, the partitioned table it adds a partition to');
    for (const sql of [
      "SET lock_timeout = '2s';\nCREATE TABLE p2 PARTITION OF parted FOR VALUES FROM (100) TO (200);",
      'CREATE TABLE p2 (LIKE parted);\nALTER TABLE parted ATTACH PARTITION p2 FOR VALUES FROM (100) TO (200);',
      'CREATE TABLE np (id bigint, k int) PARTITION BY RANGE (k);\nCREATE TABLE np1 PARTITION OF np FOR VALUES FROM (0) TO (10);',
    ]) expect(of(await lintSql(sql, { history }), 'require-lock-timeout'), sql).toEqual([]);
  });

  it('reports only the first blocking statement of a file', async () => {
    const out = await lintSql('ALTER TABLE orders ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;\nCREATE INDEX i ON items (x);');
    const found = of(out, 'require-lock-timeout');
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(1);
    expect(found[0]?.suggestion).toContain("SET lock_timeout = '5s';");
  });

  it('is satisfied by SET lock_timeout earlier in the file, and not by a value of 0', async () => {
    expect(of(await lintSql("SET lock_timeout = '3s';\nALTER TABLE orders ADD COLUMN a text;"), 'require-lock-timeout')).toEqual([]);
    expect(of(await lintSql('SET lock_timeout = 0;\nALTER TABLE orders ADD COLUMN a text;'), 'require-lock-timeout')).toHaveLength(1);
  });

  it('reports after RESET ALL when nothing blocked before it', async () => {
    const out = await lintSql("SET lock_timeout = '3s';\nRESET ALL;\nALTER TABLE orders ADD COLUMN a text;");
    expect(of(out, 'require-lock-timeout').map((f) => f.line)).toEqual([3]);
  });

  it('ignores tables created in this run and locks that do not block writes', async () => {
    expect(of(await lintSql('CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN a text;'), 'require-lock-timeout')).toEqual([]);
    expect(of(await lintSql('CREATE INDEX CONCURRENTLY i ON orders (x);'), 'require-lock-timeout')).toEqual([]);
  });

  it('covers DROP INDEX of a pre-existing index, which locks its table', async () => {
    expect(of(await lintSql('DROP INDEX orders_idx;'), 'require-lock-timeout')).toHaveLength(1);
    expect(of(await lintSql('CREATE INDEX CONCURRENTLY orders_idx ON orders (x);\nDROP INDEX orders_idx;'), 'require-lock-timeout')).toEqual([]);
  });

  it('names the table of a dropped index when the history created it, else words it for an index', async () => {
    const [known] = of(await lintSql('DROP INDEX IF EXISTS orders_idx;', { history: 'CREATE TABLE orders (x int);\nCREATE INDEX orders_idx ON orders (x);' }), 'require-lock-timeout');
    expect(known?.message).toContain('if public.orders is busy it waits');
    const [qualified] = of(await lintSql('DROP INDEX app.orders_idx;', { history: 'CREATE TABLE app.orders (x int);\nCREATE INDEX orders_idx ON app.orders (x);' }), 'require-lock-timeout');
    expect(qualified?.message).toContain('if app.orders is busy it waits, and every query on app.orders queues behind it');
    const [unknown] = of(await lintSql('DROP INDEX orders_idx;'), 'require-lock-timeout');
    expect(unknown?.message).toContain('if the table index public.orders_idx is on is busy it waits');
    expect(unknown?.message).not.toContain('the table of');
  });

  it('suggests SET LOCAL inside a transaction', async () => {
    const [f] = of(await lintSql('ALTER TABLE orders ADD COLUMN a text;', { runner: 'wrapped' }), 'require-lock-timeout');
    expect(f?.suggestion).toContain('SET LOCAL lock_timeout');
  });

  it('reports again in the next file', async () => {
    const out = await lintSql('ALTER TABLE users ADD COLUMN b text;', { earlier: ['ALTER TABLE orders ADD COLUMN a text;'] });
    expect(of(out, 'require-lock-timeout')).toHaveLength(1);
  });
});

describe('require-statement-timeout', () => {
  it('is SAFE advice for long work under a blocking lock, once per file', async () => {
    const out = await lintSql('ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0);\nCREATE INDEX i ON orders (x);');
    const found = of(out, 'require-statement-timeout');
    expect(found).toHaveLength(1);
    expect(found[0]?.risk).toBe('SAFE');
  });

  it('ignores brief catalog changes and non-blocking work', async () => {
    expect(of(await lintSql('ALTER TABLE orders ADD COLUMN a text;'), 'require-statement-timeout')).toEqual([]);
    expect(of(await lintSql('ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID;'), 'require-statement-timeout')).toEqual([]);
    expect(of(await lintSql('CREATE INDEX CONCURRENTLY i ON orders (x);'), 'require-statement-timeout')).toEqual([]);
  });

  it('is satisfied by SET statement_timeout earlier in the file', async () => {
    expect(of(await lintSql("SET statement_timeout = '10min';\nCREATE INDEX i ON orders (x);"), 'require-statement-timeout')).toEqual([]);
  });
});
