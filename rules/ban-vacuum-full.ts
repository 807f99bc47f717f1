import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { describeLock } from '../src/analyze/rule-helpers.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-vacuum-full',
  risk: 'DANGEROUS',
  title: 'VACUUM FULL rewrites the table and blocks reads and writes',
  sizeSensitive: true,
  docs: {
    why:
      'VACUUM FULL writes a complete new copy of the table and its indexes while holding ACCESS EXCLUSIVE: nothing can read or write the table until the copy is done, which on a large table is minutes to hours. It also needs free disk space for the whole copy. Without a table name it does this to every table in the database, one after the other. It cannot run inside a transaction block either.',
    lock: 'ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes.',
    instead:
      'Plain VACUUM (no FULL) reclaims space for reuse without blocking. To give space back to the operating system online, use pg_repack or pg_squeeze, which rebuild the table beside the live one and take an exclusive lock only for the final swap; run them as an operations task, not in a migration.',
    bad: 'VACUUM FULL orders;',
    good: 'VACUUM (ANALYZE) orders;',
    equivalents: { squawk: 'prefer-repack', eugene: 'E10', pgfence: 'table rewrites (VACUUM FULL)' },
  },
  statements: ['VacuumStmt'],
  check({ statement, operations }) {
    if (!executesNow(statement)) return [];
    const hits: RuleHit[] = [];
    operations.forEach((op, i) => {
      if (op.kind !== 'VACUUM_FULL' || op.targetIsNew) return;
      hits.push({
        operation: i,
        message: op.table
          ? `VACUUM FULL rewrites ${op.table} and its indexes under ${article(describeLock(op.lock))} for the whole rewrite`
          : 'VACUUM FULL without a table rewrites every table in the database, each under ACCESS EXCLUSIVE (blocks reads and writes)',
        suggestion: op.table
          ? `VACUUM (ANALYZE) ${op.table};  -- non-blocking; to shrink the file online instead: pg_repack --no-order --table=${op.table} <database>`
          : 'VACUUM (ANALYZE);  -- non-blocking; shrink individual tables online with pg_repack --no-order --table=<table> <database>',
      });
    });
    return hits;
  },
};

export default rule;
