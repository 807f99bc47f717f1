import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf } from './part-a-support.js';

const ID = 'drop-not-null';

describe(ID, () => {
  it('flags DROP NOT NULL on an existing column as CAUTION', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;', { history: 'CREATE TABLE orders (status text NOT NULL);' }), ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('public.orders.status');
    expect(f?.message).toContain('instant');
  });

  it('is not size sensitive: a small table changes nothing', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;', { tableStats: { 'public.orders': { rows: 1 } } }), ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).not.toContain('per table stats');
  });

  it('is silent on tables created in this run', async () => {
    expect(findingsOf(await lintSql('CREATE TABLE orders (status text NOT NULL);\nALTER TABLE orders ALTER COLUMN status DROP NOT NULL;'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;', { earlier: ['CREATE TABLE orders (status text NOT NULL);'] }), ID)).toEqual([]);
  });
});
