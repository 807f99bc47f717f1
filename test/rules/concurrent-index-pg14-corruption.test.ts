// concurrent-index-pg14-corruption: concurrent index builds on PostgreSQL 14.0 to 14.3 (strong_migrations' add_index_corruption).
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf } from './part-a-support.js';

const ID = 'concurrent-index-pg14-corruption';
const SQL = 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\nREINDEX INDEX CONCURRENTLY orders_pkey;';
const HISTORY = 'CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);';

describe(ID, () => {
  it('flags CREATE INDEX and REINDEX CONCURRENTLY when the target is 14.0 to 14.3', async () => {
    const found = findingsOf(await lintSql(SQL, { pgVersion: 14, pgMinorVersion: 3, history: HISTORY }), ID);
    expect(found.map((f) => f.risk)).toEqual(['DANGEROUS', 'DANGEROUS']);
    expect(found[0]?.message).toContain('CREATE INDEX CONCURRENTLY on PostgreSQL 14.3');
    expect(found[1]?.message).toContain('REINDEX CONCURRENTLY');
    expect(found[0]?.suggestionRuns).toBe('before');
    expect(findingsOf(await lintSql(SQL, { pgVersion: 14, pgMinorVersion: 0, history: HISTORY }), ID)).toHaveLength(2);
  });

  it('stays quiet on 14.4 and later, on other majors, and when the minor release is not known', async () => {
    expect(findingsOf(await lintSql(SQL, { pgVersion: 14, pgMinorVersion: 4, history: HISTORY }), ID)).toEqual([]);
    expect(findingsOf(await lintSql(SQL, { pgVersion: 15, pgMinorVersion: 2, history: HISTORY }), ID)).toEqual([]);
    expect(findingsOf(await lintSql(SQL, { pgVersion: 14, history: HISTORY }), ID)).toEqual([]);
    // A plain build is not concurrent: require-concurrent-index's business, not this rule's.
    expect(findingsOf(await lintSql('CREATE INDEX orders_created_at_idx ON orders (created_at);', { pgVersion: 14, pgMinorVersion: 3, history: HISTORY }), ID)).toEqual([]);
  });
});
