import type { DropStmt, IndexStmt } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { partitionedIndexRecipe } from './_partition-index.js';
import { runsDuringMigration } from './_sql-build.js';

export const rule: Rule = {
  id: 'concurrent-index-partitioned-table',
  risk: 'DANGEROUS',
  title: 'CREATE INDEX CONCURRENTLY and DROP INDEX CONCURRENTLY fail on a partitioned table',
  docs: {
    why:
      'PostgreSQL cannot build or drop an index concurrently on a partitioned table: CREATE INDEX CONCURRENTLY on the parent fails with "cannot create index on partitioned table ... concurrently", and DROP INDEX CONCURRENTLY of the parent\'s index with "cannot drop partitioned index ... concurrently" (every release up to 18). The migration stops there. The rule knows a table is partitioned from its CREATE TABLE ... PARTITION BY in the history.',
    instead:
      'Create the index on the parent alone with CREATE INDEX ... ON ONLY (instant; the index stays INVALID), build it on each partition with CREATE INDEX CONCURRENTLY outside a transaction, and attach each one with ALTER INDEX ... ATTACH PARTITION: the parent\'s index turns valid when every partition has one. A partitioned index can only be dropped without CONCURRENTLY: set lock_timeout first, as it locks the parent and every partition ACCESS EXCLUSIVE (briefly).',
    bad: "CREATE TABLE measurements (id bigint, device_id bigint, taken_on date) PARTITION BY RANGE (taken_on);\nCREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\n-- later, in a migration without a transaction:\nCREATE INDEX CONCURRENTLY measurements_device_idx ON measurements (device_id);",
    good: "CREATE TABLE measurements (id bigint, device_id bigint, taken_on date) PARTITION BY RANGE (taken_on);\nCREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\n-- later, in a migration without a transaction:\nCREATE INDEX IF NOT EXISTS measurements_device_idx ON ONLY measurements (device_id);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS measurements_2026_device_idx ON measurements_2026 (device_id);\nALTER INDEX measurements_device_idx ATTACH PARTITION measurements_2026_device_idx;",
  },
  statements: ['IndexStmt', 'DropStmt'],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const idx = stmtNode<IndexStmt>(statement, 'IndexStmt');
    const table = operations[0]?.table;
    if (idx?.concurrent && table && state.facts.partitionedTables?.has(table)) {
      return [{
        operation: 0,
        message: `CREATE INDEX CONCURRENTLY on ${table}, a partitioned table: PostgreSQL refuses it ("cannot create index on partitioned table concurrently") and the migration fails`,
        suggestion: partitionedIndexRecipe(state, idx, table, statement.text),
      }];
    }
    const drop = stmtNode<DropStmt>(statement, 'DropStmt');
    if (drop?.removeType !== 'OBJECT_INDEX' || !drop.concurrent) return [];
    const hits: RuleHit[] = [];
    operations.forEach((op, i) => {
      if (!op.indexName || !state.facts.partitionedIndexes?.has(op.indexName)) return;
      hits.push({
        operation: i,
        message: `DROP INDEX CONCURRENTLY ${op.indexName}, an index of a partitioned table: PostgreSQL refuses it ("cannot drop partitioned index concurrently") and the migration fails`,
        suggestion: `SET lock_timeout = '2s';\n${statement.text.trim().replace(/;$/, '').replace(/\bCONCURRENTLY\s+/i, '')};  -- locks the parent and every partition ACCESS EXCLUSIVE, briefly`,
      });
    });
    return hits;
  },
};

export default rule;
