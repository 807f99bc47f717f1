import { describe, expect, it } from 'vitest';
import { lintSql, ruleIds } from '../support/lint-sql.js';

const HISTORY = 'CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);';
const BAD_INDEX = 'CREATE INDEX orders_created_at_idx ON orders (created_at);';
const only = (out: Awaited<ReturnType<typeof lintSql>>, rule: string) => out.findings.filter((f) => f.rule === rule);

describe('analyze: suppression', () => {
  it('an ignore comment silences the named rule on the next statement only', async () => {
    const out = await lintSql(`-- migration-guard-ignore require-concurrent-index\n${BAD_INDEX}\n${BAD_INDEX.replace('_idx', '_idx2')}`, { history: HISTORY });
    const hits = only(out, 'require-concurrent-index');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.line).toBe(3);
    expect(ruleIds(out)).not.toContain('unused-ignore');
  });

  it('an ignore-file comment silences the rule in the whole file', async () => {
    const out = await lintSql(`${BAD_INDEX}\n-- migration-guard-ignore-file require-concurrent-index\n${BAD_INDEX.replace('_idx', '_idx2')}`, { history: HISTORY });
    expect(only(out, 'require-concurrent-index')).toHaveLength(0);
  });

  it('an ignore that suppresses nothing is itself reported, at its own line', async () => {
    const out = await lintSql(`SELECT 1;\n-- migration-guard-ignore require-concurrent-index\nCREATE INDEX CONCURRENTLY i ON orders (created_at);`, { history: HISTORY });
    const unused = only(out, 'unused-ignore');
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({ line: 2, column: 1, risk: 'SAFE' });
  });

  it('of a statement ignore and a later ignore-file that both apply, the first in the file is the one used', async () => {
    const out = await lintSql(
      `-- migration-guard-ignore require-concurrent-index\n${BAD_INDEX}\n-- migration-guard-ignore-file require-concurrent-index\nSELECT 1;`,
      { history: HISTORY },
    );
    expect(only(out, 'require-concurrent-index')).toHaveLength(0);
    expect(only(out, 'unused-ignore').map((f) => f.line)).toEqual([3]);
  });

  it('an ignore inside a statement (here a string) is not a directive', async () => {
    const out = await lintSql(`SELECT '-- migration-guard-ignore require-concurrent-index';\n${BAD_INDEX}`, { history: HISTORY });
    expect(only(out, 'require-concurrent-index')).toHaveLength(1);
    expect(ruleIds(out)).not.toContain('unused-ignore');
  });

  it('the silenced rule no longer raises the operation risk', async () => {
    const out = await lintSql(`-- migration-guard-ignore require-concurrent-index\n${BAD_INDEX}`, { history: HISTORY });
    expect(out.operations[0]!.rules).not.toContain('require-concurrent-index');
  });
});

describe('analyze: configuration and context', () => {
  it('a rule turned off does not run; a risk override changes the level', async () => {
    const off = await lintSql(BAD_INDEX, { history: HISTORY, settings: { 'require-concurrent-index': 'off' } });
    expect(only(off, 'require-concurrent-index')).toHaveLength(0);
    const caution = await lintSql(BAD_INDEX, { history: HISTORY, settings: { 'require-concurrent-index': 'CAUTION' } });
    expect(only(caution, 'require-concurrent-index')[0]!.risk).toBe('CAUTION');
    expect(caution.operations[0]!.risk).toBe('CAUTION');
  });

  it('table stats: a small table is CAUTION and the finding says how small; a large one stays DANGEROUS', async () => {
    const small = await lintSql(BAD_INDEX, { history: HISTORY, tableStats: { 'public.orders': { rows: 40 } } });
    const hit = only(small, 'require-concurrent-index')[0]!;
    expect(hit.risk).toBe('CAUTION');
    expect(hit.message).toContain('40 rows');
    expect(hit.message).toContain('small table');
    const large = await lintSql(BAD_INDEX, { history: HISTORY, tableStats: { 'public.orders': { rows: 40_000_000, bytes: 12 * 1024 ** 3 } } });
    const big = only(large, 'require-concurrent-index')[0]!;
    expect(big.risk).toBe('DANGEROUS');
    expect(big.message).toContain('40,000,000 rows, 12 GB');
  });

  it('indexing a table created earlier in the same migration is SAFE', async () => {
    const out = await lintSql(`CREATE TABLE fresh (a int);\nCREATE INDEX fresh_a ON fresh (a);`);
    expect(only(out, 'require-concurrent-index')).toHaveLength(0);
    expect(out.operations.every((o) => o.risk === 'SAFE')).toBe(true);
  });

  it('indexing a table created by another new migration of the same run is SAFE', async () => {
    const out = await lintSql('CREATE INDEX fresh_a ON fresh (a);', { earlier: ['CREATE TABLE fresh (a int);'] });
    expect(only(out, 'require-concurrent-index')).toHaveLength(0);
  });

  it('history objects are pre-existing: indexing them is DANGEROUS', async () => {
    const out = await lintSql(BAD_INDEX, { history: HISTORY });
    expect(only(out, 'require-concurrent-index')[0]).toMatchObject({ risk: 'DANGEROUS', line: 1, column: 1 });
  });

  it('the suggestion is the same statement with CONCURRENTLY', async () => {
    const out = await lintSql(BAD_INDEX, { history: HISTORY });
    expect(only(out, 'require-concurrent-index')[0]!.suggestion).toContain('CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at)');
  });
});

describe('analyze: what runs now and for how long settings last', () => {
  it('SET LOCAL lock_timeout covers its transaction only', async () => {
    const sql = [
      'BEGIN;',
      "SET LOCAL lock_timeout = '5s';",
      'ALTER TABLE orders ADD COLUMN a int;',
      'COMMIT;',
      'ALTER TABLE orders ADD COLUMN b int;',
    ].join('\n');
    const out = await lintSql(sql, { history: HISTORY });
    expect(only(out, 'require-lock-timeout').map((f) => f.line)).toEqual([5]);
  });

  it('SET LOCAL outside a transaction sets nothing', async () => {
    const out = await lintSql("SET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN a int;", { history: HISTORY });
    expect(only(out, 'require-lock-timeout')).toHaveLength(1);
  });

  it('statements in a function body run when it is called, not now: no operations, no findings', async () => {
    const out = await lintSql(
      "CREATE FUNCTION archive() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM orders; ALTER TABLE orders ADD COLUMN c int NOT NULL; END $$;",
      { history: HISTORY },
    );
    expect(out.operations.map((o) => o.kind)).toEqual(['CREATE_FUNCTION']);
    expect(out.findings.filter((f) => f.risk !== 'SAFE')).toEqual([]);
  });
});
