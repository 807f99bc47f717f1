// Destruction the rules knew in one spelling, written in another: a DELETE inside a
// data-modifying WITH query (or EXPLAIN ANALYZE, PREPARE) removes every row as the DELETE alone
// does, and DROP OWNED BY drops every object of the role, like DROP SCHEMA ... CASCADE for all
// schemas. Each passed as SAFE.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const HISTORY = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';
const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('dml-without-where: an UPDATE or DELETE that runs inside another statement', () => {
  it.each([
    'WITH d AS (DELETE FROM users RETURNING 1) SELECT count(*) FROM d;',
    'WITH d AS (DELETE FROM users) SELECT 1;',
    'WITH d AS (DELETE FROM users WHERE true RETURNING *) INSERT INTO users SELECT * FROM d WHERE false;',
    'INSERT INTO users WITH d AS (DELETE FROM users RETURNING *) SELECT * FROM d WHERE false;',
    'WITH d AS (DELETE FROM users RETURNING 1) UPDATE users SET email = email WHERE id = 0;',
    'EXPLAIN ANALYZE DELETE FROM users;',
    'PREPARE p AS DELETE FROM users;\nEXECUTE p;',
  ])('%s', async (sql) => {
    const [f] = of(await lintSql(sql, { history: HISTORY }), 'dml-without-where');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toMatch(/removes every row of public\.users/);
  });

  it('an UPDATE of every row so hidden is CAUTION, as the UPDATE alone is', async () => {
    const [f] = of(await lintSql('WITH u AS (UPDATE users SET email = NULL RETURNING 1) SELECT 1;', { history: HISTORY }), 'dml-without-where');
    expect(f?.risk).toBe('CAUTION');
  });

  it('is silent for a WHERE, for a table the migration made, and for what does not run now', async () => {
    expect(of(await lintSql('WITH d AS (DELETE FROM users WHERE id = 1 RETURNING 1) SELECT 1;', { history: HISTORY }), 'dml-without-where')).toEqual([]);
    expect(of(await lintSql('CREATE TABLE t (id int);\nWITH d AS (DELETE FROM t) SELECT 1;'), 'dml-without-where')).toEqual([]);
    expect(of(await lintSql('EXPLAIN DELETE FROM users;', { history: HISTORY }), 'dml-without-where')).toEqual([]);
    expect(of(await lintSql('CREATE RULE r AS ON UPDATE TO users DO ALSO DELETE FROM users;', { history: HISTORY }), 'dml-without-where')).toEqual([]);
  });
});

describe('ban-drop-schema: DROP OWNED BY', () => {
  it('drops every object the role owns: DANGEROUS', async () => {
    const [f] = of(await lintSql('DROP OWNED BY CURRENT_USER;', { history: HISTORY }), 'ban-drop-schema');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toMatch(/every table, view, function and type the role owns/);
  });
});
