import type { RefreshMatViewStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { describeLock, onExistingTable, stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'refresh-matview-concurrently',
  risk: 'DANGEROUS',
  title: 'REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view',
  sizeSensitive: true,
  docs: {
    why:
      'A plain REFRESH MATERIALIZED VIEW re-runs the whole query while holding ACCESS EXCLUSIVE on the view: every SELECT from it waits until the refresh is done, which takes as long as the query. REFRESH ... CONCURRENTLY builds the new contents beside the old and swaps the differences in, so reads continue.',
    lock: 'ACCESS EXCLUSIVE on the materialized view for the whole refresh (CONCURRENTLY: EXCLUSIVE, which lets reads continue).',
    instead:
      'Use REFRESH MATERIALIZED VIEW CONCURRENTLY. It needs a UNIQUE index on the view that covers all rows (no WHERE clause, column names only), and the view must have been populated once; it is slower in total, so run it where a slower refresh is acceptable. REFRESH ... WITH NO DATA runs no query, but leaves the view unreadable until the next refresh: every SELECT from it fails, so it is reported too.',
    bad: 'REFRESH MATERIALIZED VIEW daily_sales;',
    good: 'REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;',
    equivalents: { pgfence: 'REFRESH MATERIALIZED VIEW' },
  },
  statements: ['RefreshMatViewStmt'],
  check({ statement, operations }) {
    const r = stmtNode<RefreshMatViewStmt>(statement, 'RefreshMatViewStmt');
    const op = operations[0];
    if (!executesNow(statement) || !r || r.concurrent || !op || !onExistingTable(op)) return [];
    // WITH NO DATA runs no query: the lock is brief, but the view is left empty and unreadable
    // (CONCURRENTLY cannot be combined with it; both tested on PostgreSQL 15).
    if (r.skipData) {
      return [{
        operation: 0,
        message: `REFRESH MATERIALIZED VIEW ${op.table} WITH NO DATA empties the view: every SELECT from it fails ("has not been populated") until a later REFRESH fills it again`,
        suggestion: `REFRESH MATERIALIZED VIEW CONCURRENTLY ${tableRef(op.table)};  -- keeps the view readable; or DROP MATERIALIZED VIEW if nothing reads it any more`,
      }];
    }
    return [{
      operation: 0,
      message: `REFRESH MATERIALIZED VIEW ${op.table} takes ${article(describeLock(op.lock))} for as long as its query runs`,
      suggestion: `REFRESH MATERIALIZED VIEW CONCURRENTLY ${tableRef(op.table)};  -- needs a unique index on ${tableRef(op.table)}: CREATE UNIQUE INDEX CONCURRENTLY ON ${tableRef(op.table)} (<key columns>);`,
    }];
  },
};

export default rule;
