import type { ClusterStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { describeLock, ident, stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-cluster',
  risk: 'DANGEROUS',
  title: 'CLUSTER rewrites the table and blocks reads and writes',
  sizeSensitive: true,
  docs: {
    why:
      'CLUSTER writes a new copy of the table in index order, and rebuilds every index, while holding ACCESS EXCLUSIVE: nothing can read or write the table until it is done, which on a large table is minutes to hours, and it needs free disk space for the whole copy. Without a table name it re-clusters every previously clustered table. The order is not maintained afterwards, so it is usually repeated.',
    lock: 'ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes.',
    instead:
      'Record the clustering index with `ALTER TABLE ... CLUSTER ON index` (catalog only), then reorder the table online with pg_repack, which follows that index and takes an exclusive lock only for the final swap. Run it as an operations task, not in a migration.',
    bad: 'CLUSTER orders USING orders_created_at_idx;',
    good: 'ALTER TABLE orders CLUSTER ON orders_created_at_idx;',
    equivalents: { squawk: 'prefer-repack', eugene: 'E10', pgfence: 'table rewrites (CLUSTER)' },
  },
  statements: ['ClusterStmt'],
  check({ statement, operations }) {
    const c = stmtNode<ClusterStmt>(statement, 'ClusterStmt');
    const op = operations[0];
    if (!executesNow(statement) || !c || !op || op.targetIsNew) return [];
    if (!op.table) {
      return [{
        operation: 0,
        message: 'CLUSTER without a table rewrites every previously clustered table in the database, each under ACCESS EXCLUSIVE (blocks reads and writes)',
        suggestion: 'reorder tables online with pg_repack --table=<table> <database> as an operations task',
      }];
    }
    return [{
      operation: 0,
      message: `CLUSTER rewrites ${op.table} and all its indexes under ${article(describeLock(op.lock))} for the whole rewrite`,
      suggestion: [
        c.indexname ? `ALTER TABLE ${tableRef(op.table)} CLUSTER ON ${ident(c.indexname)};  -- catalog only` : '',
        `-- then, outside the migration: pg_repack --table=${op.table} <database>  (orders by the clustering index, locks only to swap)`,
      ].filter(Boolean).join('\n'),
    }];
  },
};

export default rule;
