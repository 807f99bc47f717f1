import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'adding-not-null-column-without-default';
const BAD = 'ALTER TABLE orders ADD COLUMN status text NOT NULL;';

describe(ID, () => {
  it('flags ADD COLUMN NOT NULL without DEFAULT on an existing table as DANGEROUS', async () => {
    const [f] = findingsOf(await lintSql(BAD), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('contains null values');
    expect(f?.suggestion).toContain("ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT '';");
    expect(f?.suggestion).toContain('ALTER TABLE orders ADD COLUMN status text;');
    await expectValidSql(f?.suggestion);
  });

  it('the suggested nullable route runs on PostgreSQL 15 on a table with rows', async () => {
    const [f] = findingsOf(await lintSql(BAD, { pgVersion: 15 }), ID);
    const steps = f!.suggestion!.split('\n').filter((l) => !l.startsWith('--') && !l.includes("DEFAULT ''"));
    await runOnPostgres('nnc', 'CREATE TABLE orders (id int);', [steps.slice(0, 2).join('\n'), "UPDATE orders SET status = 'x';", steps.slice(2).join('\n')]);
  });

  it('is silent with a DEFAULT, for identity/serial/generated columns, and on new tables', async () => {
    expect(findingsOf(await lintSql("ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';"), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN n bigint NOT NULL GENERATED ALWAYS AS IDENTITY;'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN n bigserial NOT NULL;'), ID)).toEqual([]);
    expect(findingsOf(await lintSql(`CREATE TABLE orders (id int);\n${BAD}`), ID)).toEqual([]);
    expect(findingsOf(await lintSql(BAD, { earlier: ['CREATE TABLE orders (id int);'] }), ID)).toEqual([]);
  });

  it('is DANGEROUS for a table from the history and says so for PRIMARY KEY columns too', async () => {
    const out = await lintSql('ALTER TABLE orders ADD COLUMN code text PRIMARY KEY;', { history: 'CREATE TABLE orders (id int);' });
    expect(findingsOf(out, ID)).toHaveLength(1);
  });

  it('becomes CAUTION when table stats say the table is empty, and says why', async () => {
    const [f] = findingsOf(await lintSql(BAD, { tableStats: { 'public.orders': { rows: 0 } } }), ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('empty now');
    const [big] = findingsOf(await lintSql(BAD, { tableStats: { 'public.orders': { rows: 10 } } }), ID);
    expect(big?.risk).toBe('DANGEROUS');
  });
});

describe('adding-not-null-column-without-default: one statement, one finding', () => {
  it('names every such column of one ALTER TABLE, with the steps for each', async () => {
    const out = await lintSql('ALTER TABLE orders ADD COLUMN a text NOT NULL, ADD COLUMN b int NOT NULL DEFAULT 0, ADD COLUMN c bigint NOT NULL;', { history: 'CREATE TABLE orders (id bigint PRIMARY KEY);' });
    const found = out.findings.filter((f) => f.rule === 'adding-not-null-column-without-default');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('ADD COLUMN a text, c bigint, each NOT NULL without a DEFAULT, on the existing table public.orders: it fails');
    expect(found[0]?.suggestion).toContain('ADD COLUMN a text;');
    expect(found[0]?.suggestion).toContain('ADD COLUMN c bigint;');
    expect(out.operations.filter((o) => o.rules.includes('adding-not-null-column-without-default')).map((o) => o.columnName)).toEqual(['a', 'c']);
  });
});
