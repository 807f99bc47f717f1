import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf } from './part-a-support.js';

const ID = 'require-concurrent-reindex';

describe(ID, () => {
  it('flags REINDEX INDEX and TABLE and suggests CONCURRENTLY on PostgreSQL 12+', async () => {
    const out = await lintSql('REINDEX INDEX orders_created_at_idx;\nREINDEX TABLE orders;', { pgVersion: 14 });
    const found = findingsOf(out, ID);
    expect(found.map((f) => f.risk)).toEqual(['DANGEROUS', 'DANGEROUS']);
    expect(found[0]?.suggestion).toContain('REINDEX INDEX CONCURRENTLY orders_created_at_idx;');
    expect(found[1]?.suggestion).toContain('REINDEX TABLE CONCURRENTLY orders;');
    expect(found[1]?.message).toContain('every index of orders');
    for (const f of found) await expectValidSql(f.suggestion);
  });

  it('keeps REINDEX options in the suggestion', async () => {
    const [f] = findingsOf(await lintSql('REINDEX (VERBOSE) TABLE orders;'), ID);
    expect(f?.suggestion).toContain('REINDEX (VERBOSE) TABLE CONCURRENTLY orders;');
    await expectValidSql(f?.suggestion);
  });

  it('says there is no online REINDEX before PostgreSQL 12', async () => {
    const [f] = findingsOf(await lintSql('REINDEX INDEX orders_created_at_idx;', { pgVersion: 11 }), ID);
    expect(f?.message).toContain('no online REINDEX');
    expect(f?.suggestion).toContain('pg_repack --index=public.orders_created_at_idx');
    expect(f?.suggestion).not.toContain('REINDEX INDEX CONCURRENTLY');
  });

  it('is silent for REINDEX ... CONCURRENTLY and for tables or indexes created in this run', async () => {
    expect(findingsOf(await lintSql('REINDEX TABLE CONCURRENTLY orders;'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('CREATE TABLE t (a int);\nREINDEX TABLE t;'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('REINDEX INDEX t_a_idx;', { earlier: ['CREATE TABLE t (a int);\nCREATE INDEX t_a_idx ON t (a);'] }), ID)).toEqual([]);
  });

  it('downgrades to CAUTION on a small table and names its size', async () => {
    const [f] = findingsOf(await lintSql('REINDEX TABLE orders;', { tableStats: { 'public.orders': { rows: 500 } } }), ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('500 rows');
    const [big] = findingsOf(await lintSql('REINDEX TABLE orders;', { tableStats: { 'public.orders': { rows: 50_000_000 } } }), ID);
    expect(big?.risk).toBe('DANGEROUS');
    expect(big?.message).toContain('50,000,000 rows');
  });
});
