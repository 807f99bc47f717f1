// The state's per-table lists (indexes, expression-index columns, a transaction's blocking
// statements) grow in place once long, instead of being copied at every statement (a copy per
// index made 20,000 indexes on one table quadratic). Whatever their length, the rules that read
// them see every entry: a fact from the Nth entry reads as it does from the only one.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const N = 20;
const columns = Array.from({ length: N + 1 }, (_, i) => `c${i} bigint`).join(', ');
const history = `CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, ${columns});`;
const rulesOf = (out: Awaited<ReturnType<typeof lintSql>>, rule: string) => out.findings.filter((f) => f.rule === rule).map((f) => ({ line: f.line, message: f.message }));

describe('per-table lists of the analysis state, long ones', () => {
  it('foreign-key-without-index finds the index that is the Nth of its table', async () => {
    const indexes = Array.from({ length: N }, (_, i) => `CREATE INDEX CONCURRENTLY orders_c${i}_idx ON orders (c${i});`).join('\n');
    const fks = `ALTER TABLE orders ADD CONSTRAINT orders_c${N - 1}_fkey FOREIGN KEY (c${N - 1}) REFERENCES customers (id) NOT VALID;\nALTER TABLE orders ADD CONSTRAINT orders_c${N}_fkey FOREIGN KEY (c${N}) REFERENCES customers (id) NOT VALID;`;
    const out = await lintSql(`${indexes}\n${fks}`, { history });
    const hits = rulesOf(out, 'foreign-key-without-index');
    expect(hits.map((h) => h.message.includes(`c${N}`) && !h.message.includes(`c${N - 1}`))).toEqual([true]);
  });

  it('changing-column-type sees a column of the Nth expression index as it sees one of the only one', async () => {
    const exprIndexes = (n: number) => Array.from({ length: n }, (_, i) => `CREATE INDEX CONCURRENTLY orders_e${i}_idx ON orders ((c${N - n + i} + 1));`).join('\n');
    const change = `ALTER TABLE orders ALTER COLUMN c${N - 1} TYPE numeric;`;
    const many = await lintSql(`${exprIndexes(N)}\n${change}`, { history });
    const one = await lintSql(`${exprIndexes(1)}\n${change}`, { history });
    const hits = rulesOf(many, 'changing-column-type');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.message)).toEqual(rulesOf(one, 'changing-column-type').map((h) => h.message));
  });

  it('multiple-blocking-alters reports a transaction of many ALTERs of one table once, at the second', async () => {
    const alters = Array.from({ length: N }, (_, i) => `ALTER TABLE orders ALTER COLUMN c${i} SET DEFAULT 0;`).join('\n');
    const out = await lintSql(`BEGIN;\n${alters}\nCOMMIT;`, { history });
    expect(rulesOf(out, 'multiple-blocking-alters').map((h) => h.line)).toEqual([3]);
  });
});

describe('constraintsOn', () => {
  it('holds each table\'s constraints in the order they became known, through adds, validations and drops', async () => {
    const { fileTransaction } = await import('../../src/core/transaction.js');
    const { analyzeSource } = await import('../../src/analyze/analyze.js');
    const { beginFile, newRunState } = await import('../../src/analyze/track.js');
    const { constraintNamed, constraintsOn } = await import('../../src/analyze/state.js');
    const { initParser, parseSource } = await import('../../src/parse/index.js');
    const { allRules } = await import('../../rules/index.js');
    await initParser();
    const sql = [
      'CREATE TABLE a (x int CHECK (x > 0), y int, CONSTRAINT a_y_check CHECK (y IS NOT NULL));',
      'CREATE TABLE b (x int PRIMARY KEY);',
      'ALTER TABLE a ADD CONSTRAINT a_x2 CHECK (x < 10) NOT VALID;',
      'ALTER TABLE b ADD CONSTRAINT b_u UNIQUE (x);',
      'ALTER TABLE a VALIDATE CONSTRAINT a_x2;',
      'ALTER TABLE a VALIDATE CONSTRAINT a_unknown;',
      'ALTER TABLE a DROP CONSTRAINT a_y_check;',
      'ALTER TABLE a ADD CONSTRAINT a_y_check CHECK (y > 1);',
      'ALTER TABLE b DROP CONSTRAINT b_u;',
    ].join('\n');
    const state = newRunState({ pgVersion: 16 });
    const parsed = parseSource({ path: 'm.sql', text: sql });
    beginFile(state, 'm.sql', fileTransaction('none', parsed.statements), false);
    analyzeSource(parsed, sql, state, allRules);
    expect([...constraintsOn(state, 'public.a')].map((c) => c.name)).toEqual(['public.a#1', 'a_x2', 'a_unknown', 'a_y_check']);
    expect([...constraintsOn(state, 'public.a')].every((c) => c.table === 'public.a')).toBe(true);
    // b_u dropped; the key written on the column, under the name PostgreSQL gives it.
    expect([...constraintsOn(state, 'public.b')].map((c) => [c.name, c.kind])).toEqual([['b_pkey', 'primary-key']]);
    expect([...constraintsOn(state, 'public.c')]).toEqual([]);
    expect(constraintNamed(state, 'public.a', 'a_x2')?.validated).toBe(true);
    expect(constraintNamed(state, 'public.b', 'b_u')).toBeUndefined();
  });
});
