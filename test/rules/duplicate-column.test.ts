// duplicate-column: every statement that names one column twice fails at run time. Each bad
// case is also run on this machine's PostgreSQL server, which must refuse it with the error the
// finding quotes; each good case must run there.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf, runOnPostgres } from './part-a-support.js';

const HISTORY = [
  'CREATE TYPE pair AS (x int, y int);',
  'CREATE TABLE k (id bigint PRIMARY KEY, a pair, b int, arr int[], "A" int);',
  'CREATE TABLE j (id bigint PRIMARY KEY);',
].join('\n');

const BAD: [string, string][] = [
  ['UPDATE k SET a = ROW(1, 2), a.x = 1 WHERE id = 1;', 'multiple assignments to same column'],
  ['UPDATE k SET (b, arr) = (1, NULL), b = 3 WHERE id = 1;', 'multiple assignments to same column'],
  ['MERGE INTO k USING j ON k.id = j.id WHEN NOT MATCHED THEN INSERT (id, b, b) VALUES (j.id, 1, 2);', 'column specified more than once'],
  ['MERGE INTO k USING j ON k.id = j.id WHEN MATCHED THEN UPDATE SET b = 1, b = 2;', 'multiple assignments to same column'],
  ['CREATE VIEW v (c, c) AS SELECT 1, 2;', 'column specified more than once'],
  ['CREATE VIEW v AS SELECT 1 AS c, 2 AS c;', 'column specified more than once'],
  ['CREATE VIEW v AS SELECT 1, 2;', 'column specified more than once'],
  ['CREATE VIEW v AS SELECT k.b, j.id AS b FROM k, j;', 'column specified more than once'],
  ['CREATE VIEW v AS SELECT count(*), count(id) FROM k;', 'column specified more than once'],
  ['CREATE VIEW v AS SELECT 1 AS e, 2 AS e UNION ALL SELECT 3 AS c, 4 AS d;', 'column specified more than once'],
  ['CREATE MATERIALIZED VIEW mv AS SELECT b, b FROM k;', 'column specified more than once'],
  ['CREATE TABLE z AS SELECT 1, 2;', 'column specified more than once'],
  ['SELECT 1 AS c, 2 AS c INTO z;', 'column specified more than once'],
  ['CREATE FOREIGN TABLE ft (c int, c text) SERVER s;', 'column specified more than once'],
];

describe('duplicate-column', () => {
  it.each(BAD)('flags %s', async (sql, error) => {
    const [f] = findingsOf(await lintSql(sql, { history: HISTORY }), 'duplicate-column');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain(error);
  });

  it('PostgreSQL refuses every flagged statement with the quoted error', { timeout: 60_000 }, async () => {
    const setup = `${HISTORY}\nCREATE FOREIGN DATA WRAPPER w;\nCREATE SERVER s FOREIGN DATA WRAPPER w;`;
    for (const [sql, error] of BAD) {
      // PostgreSQL names the column inside its message: column "b" specified more than once.
      await expect(runOnPostgres('dupcol', setup, [sql]), sql).rejects.toThrow(new RegExp(error.replace(/column/, 'column( "[^"]+")?')));
    }
  });

  it('passes parts of one column, a rename list that resolves the clash, and names it cannot see', { timeout: 60_000 }, async () => {
    const good = [
      'UPDATE k SET a.x = 1, a.y = 2 WHERE id = 1;',
      'UPDATE k SET arr[1] = 1, arr[2] = 2 WHERE id = 1;',
      'UPDATE k SET b = 1, "A" = 2 WHERE id = 1;',
      'INSERT INTO k (id, a.x, a.y) VALUES (1, 1, 2);',
      'CREATE VIEW v (c, d) AS SELECT 1 AS c, 2 AS c;',
      'CREATE VIEW v2 AS SELECT 1 AS c, 2 AS d UNION ALL SELECT 3 AS e, 4 AS e;',
      'CREATE VIEW v3 AS SELECT * FROM k;',
      'CREATE VIEW v4 AS SELECT 1::int AS c, 2::text AS d;',
      'SELECT 1 AS c, 2 AS d INTO z;',
    ];
    for (const sql of good) expect(findingsOf(await lintSql(sql, { history: HISTORY }), 'duplicate-column'), sql).toEqual([]);
    await runOnPostgres('dupcol_ok', HISTORY, good);
  });
});
