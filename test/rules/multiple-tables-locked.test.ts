// multiple-tables-locked looks back over the transaction through transactionSummary: what one
// transaction locked must not carry into the next, and each gets its own finding.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const HISTORY = ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => `CREATE TABLE ${t} (id int PRIMARY KEY);`).join('\n');
const alter = (t: string) => `ALTER TABLE ${t} ADD COLUMN note text;`;

describe('multiple-tables-locked', () => {
  it('reports the second table of each transaction, and forgets a transaction once it ends', async () => {
    const sql = [
      'BEGIN;', alter('a'), alter('b'), 'COMMIT;',
      'BEGIN;', alter('c'), 'COMMIT;',
      'BEGIN;', alter('d'), alter('d'), alter('e'), alter('f'), 'COMMIT;',
    ].join('\n');
    const out = await lintSql(sql, { history: HISTORY });
    const hits = out.findings.filter((f) => f.rule === 'multiple-tables-locked');
    expect(hits.map((f) => f.line)).toEqual([3, 11]);
    expect(hits[1]!.message).toMatch(/^public\.e is locked ACCESS EXCLUSIVE while this transaction still holds the same lock on public\.d/);
  });

  it('sees the whole file as one transaction when the runner wraps it', async () => {
    const out = await lintSql([alter('a'), 'SELECT 1;', alter('b'), alter('c')].join('\n'), { history: HISTORY, runner: 'wrapped' });
    expect(out.findings.filter((f) => f.rule === 'multiple-tables-locked').map((f) => f.line)).toEqual([3]);
  });
});
