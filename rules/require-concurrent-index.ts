import type { IndexStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { describeLock, onExistingTable, stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { onPartitionedTable, partitionedIndexRecipe } from './_partition-index.js';
import { ownMigrationComment } from './_tx-advice.js';
import { buildsNoIndex } from './_statement.js';

export const rule: Rule = {
  id: 'require-concurrent-index',
  risk: 'DANGEROUS',
  title: 'CREATE INDEX without CONCURRENTLY blocks writes to the table',
  sizeSensitive: true,
  docs: {
    why:
      'A plain CREATE INDEX reads the whole table while holding a SHARE lock: every INSERT, UPDATE and DELETE waits until the index is built, which takes as long as reading the table. On a large, busy table that is an outage.',
    lock: 'SHARE on the table: reads continue, all writes wait for the whole build.',
    instead:
      'Build it with CREATE INDEX CONCURRENTLY, in a migration of its own that the runner does not wrap in a transaction (CONCURRENTLY cannot run inside one). If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY and build it again. A partitioned table has no CONCURRENTLY build: create the index ON ONLY the parent, build it CONCURRENTLY on each partition and ATTACH each one (the suggestion spells it out for the partitions the history shows). CREATE INDEX IF NOT EXISTS of an index the history made (and did not drop) builds nothing and is not reported.',
    bad: 'CREATE INDEX orders_created_at_idx ON orders (created_at);',
    good: 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    equivalents: { squawk: 'require-concurrent-index-creation', strongMigrations: 'add_index', eugene: 'E6', pgfence: 'CREATE INDEX / DROP INDEX checks' },
  },
  statements: ['IndexStmt'],
  check({ statement, operations, state }) {
    const idx = stmtNode<IndexStmt>(statement, 'IndexStmt');
    const op = operations[0];
    if (!idx || idx.concurrent || !op || !onExistingTable(op) || buildsNoIndex(statement, state)) return [];
    const name = idx.idxname ? `${idx.idxname} ` : '';
    // ON ONLY a partitioned table builds nothing; on the table itself there is no CONCURRENTLY.
    if (op.table && state.facts.partitionedTables?.has(op.table)) {
      if (!onPartitionedTable(state, idx, op.table)) return [];
      return [{
        operation: 0,
        message: `CREATE INDEX ${name}on ${op.table} without CONCURRENTLY takes a ${describeLock(op.lock)} on every partition for the whole build; a partitioned table has no CONCURRENTLY build, so build it partition by partition`,
        suggestion: partitionedIndexRecipe(state, idx, op.table, statement.text),
      }];
    }
    return [{
      operation: 0,
      message: `CREATE INDEX ${name}on ${op.table} without CONCURRENTLY takes a ${describeLock(op.lock)} for the whole build`,
      suggestion: `${statement.text.replace(/^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+/i, (m) => `${m.trimEnd()} CONCURRENTLY `)};  ${ownMigrationComment(state)}`,
    }];
  },
};

export default rule;
