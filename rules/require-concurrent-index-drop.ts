import type { DropStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { runsDuringMigration } from './_sql-build.js';
import { ownMigrationComment } from './_tx-advice.js';

/** `public.orders_created_at_idx` -> `orders_created_at_idx`, other schemas kept. */
function indexRef(qualified: string): string {
  return qualified.startsWith('public.') ? qualified.slice('public.'.length) : qualified;
}

export const rule: Rule = {
  id: 'require-concurrent-index-drop',
  risk: 'CAUTION',
  title: 'DROP INDEX without CONCURRENTLY locks the table against reads and writes',
  docs: {
    why:
      'A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index\'s table. Removing the index itself is quick, but the lock has to wait until every running query on the table has finished, and while it waits every new query on the table queues behind it. On a busy table with one long query that is a stall of everything; inside a transaction the lock is also held until COMMIT.',
    lock: 'ACCESS EXCLUSIVE on the table: blocks reads and writes while it waits and until the transaction ends.',
    instead:
      'Use DROP INDEX CONCURRENTLY (one index per statement, no CASCADE), in a migration that is not wrapped in a transaction. It waits for running queries without blocking new ones. Indexes that back a UNIQUE or PRIMARY KEY constraint must be dropped with ALTER TABLE ... DROP CONSTRAINT instead. An index of a partitioned table cannot be dropped concurrently at all: it is not reported here; drop it under a short lock_timeout.',
    bad: 'DROP INDEX orders_created_at_idx;',
    good: 'DROP INDEX CONCURRENTLY orders_created_at_idx;',
    equivalents: { squawk: 'require-concurrent-index-deletion', strongMigrations: 'remove_index', pgfence: 'CREATE INDEX / DROP INDEX checks' },
  },
  statements: ['DropStmt'],
  check({ statement, operations, state }) {
    const drop = stmtNode<DropStmt>(statement, 'DropStmt');
    if (!drop || drop.removeType !== 'OBJECT_INDEX' || drop.concurrent || !runsDuringMigration(statement)) return [];
    const existing = operations
      .map((op, i) => ({ op, i }))
      // An index of a partitioned table has no CONCURRENTLY drop (concurrent-index-partitioned-table).
      .filter(({ op }) => op.indexName && !state.newIndexes.has(op.indexName) && !state.facts.partitionedIndexes?.has(op.indexName));
    if (existing.length === 0) return [];
    const ifExists = drop.missing_ok ? 'IF EXISTS ' : '';
    const suggestion = existing.map(({ op }) => `DROP INDEX CONCURRENTLY ${ifExists}${indexRef(op.indexName!)};`).join('\n')
      + `\n${ownMigrationComment(state)}; one index per statement`;
    return existing.map(({ op, i }) => ({
      operation: i,
      message: `DROP INDEX ${indexRef(op.indexName!)} without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table: every query on the table waits behind it${drop.behavior === 'DROP_CASCADE' ? ' (CASCADE also drops the objects that depend on the index)' : ''}`,
      suggestion,
    }));
  },
};

export default rule;
