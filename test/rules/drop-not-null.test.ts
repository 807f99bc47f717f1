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

describe(`${ID}: one finding per statement`, () => {
  it('names every column one ALTER TABLE relaxes, in one finding that marks each of its operations', async () => {
    const history = 'CREATE TABLE orders (a text NOT NULL, b text NOT NULL, c text NOT NULL, d text);';
    const report = await lintSql('ALTER TABLE orders ALTER COLUMN a DROP NOT NULL, ALTER COLUMN b DROP NOT NULL, ALTER COLUMN d SET DEFAULT \'x\', ALTER COLUMN c DROP NOT NULL;', { history });
    const found = findingsOf(report, ID);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('public.orders (3 columns: a, b, c)');
    expect(found[0]?.suggestion).toContain('NULL in a, b, c');
    const ops = report.operations;
    expect(ops.filter((o) => o.rules.includes(ID)).map((o) => o.kind)).toEqual(['DROP_NOT_NULL', 'DROP_NOT_NULL', 'DROP_NOT_NULL']);
    expect(ops.find((o) => o.kind !== 'DROP_NOT_NULL')?.rules ?? []).not.toContain(ID);
  });

  it('keeps statements apart: two statements are two findings', async () => {
    const history = 'CREATE TABLE orders (a text NOT NULL, b text NOT NULL);';
    expect(findingsOf(await lintSql('ALTER TABLE orders ALTER COLUMN a DROP NOT NULL;\nALTER TABLE orders ALTER COLUMN b DROP NOT NULL;', { history }), ID)).toHaveLength(2);
  });
});
