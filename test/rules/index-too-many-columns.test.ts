// index-too-many-columns: strong_migrations' best practice of at most three columns in a non-unique index.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'index-too-many-columns';
const HISTORY = 'CREATE TABLE users (id bigint PRIMARY KEY, name text, city text, country text, deleted_at timestamptz);';

describe(ID, () => {
  it('flags a non-unique index on more than three columns, concurrent or not, on new tables too, with the extra columns moved to INCLUDE', async () => {
    const sql = 'CREATE INDEX CONCURRENTLY index_users_on_name_and_city_and_country_and_deleted_at ON users (name, city, country, deleted_at);';
    const [f] = findingsOf(await lintSql(sql, { history: HISTORY }), ID);
    expect(f?.risk).toBe('SAFE');
    expect(f?.message).toContain('has 4 key columns (name, city, country, deleted_at)');
    expect(f?.suggestion).toContain('(name, city, country) INCLUDE (deleted_at);');
    await expectValidSql(f?.suggestion);
    await runOnPostgres('wide_idx', HISTORY, [f!.suggestion!]);
    expect(findingsOf(await lintSql('CREATE TABLE t (a int, b int, c int, d int);\nCREATE INDEX t_abcd ON t (a, b, c, d);'), ID)).toHaveLength(1);
  });

  it('passes unique indexes, three columns, and INCLUDE columns; an expression cannot move to INCLUDE', async () => {
    for (const sql of [
      'CREATE UNIQUE INDEX CONCURRENTLY u ON users (name, city, country, deleted_at);',
      'CREATE INDEX CONCURRENTLY i ON users (name, city, country) INCLUDE (deleted_at, id);',
    ]) expect(findingsOf(await lintSql(sql, { history: HISTORY }), ID), sql).toEqual([]);
    const [f] = findingsOf(await lintSql('CREATE INDEX CONCURRENTLY i ON users (name, city, country, lower(name));', { history: HISTORY }), ID);
    expect(f?.message).toContain('(expression)');
    expect(f?.suggestion).toBe('keep the two or three leading columns queries filter on');
  });
});
