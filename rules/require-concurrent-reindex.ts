import type { ReindexStmt } from '@pgsql/types';
import { optionOn } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { runsDuringMigration } from './_sql-build.js';
import { ownMigrationComment } from './_tx-advice.js';

const KIND_WORD: Record<string, string> = {
  REINDEX_OBJECT_INDEX: 'INDEX', REINDEX_OBJECT_TABLE: 'TABLE', REINDEX_OBJECT_SCHEMA: 'SCHEMA',
  REINDEX_OBJECT_DATABASE: 'DATABASE', REINDEX_OBJECT_SYSTEM: 'SYSTEM',
};

function shortName(qualified: string): string {
  return qualified.startsWith('public.') ? qualified.slice('public.'.length) : qualified;
}

export const rule: Rule = {
  id: 'require-concurrent-reindex',
  risk: 'DANGEROUS',
  title: 'REINDEX without CONCURRENTLY blocks writes and most reads while it rebuilds',
  sizeSensitive: true,
  docs: {
    why:
      'A plain REINDEX rebuilds the index from scratch while holding a SHARE lock on the table (all writes wait) and an ACCESS EXCLUSIVE lock on each index it rebuilds. Because the planner locks every index of a table when it plans a query, almost every read of the table waits too. The wait lasts as long as reading the table and building the index.',
    lock: 'SHARE on the table (blocks writes) and ACCESS EXCLUSIVE on the index being rebuilt (blocks the reads that plan against it) for the whole rebuild.',
    instead:
      'On PostgreSQL 12 and later use REINDEX ... CONCURRENTLY, outside a transaction block. Before 12 there is no online REINDEX: build a replacement with CREATE INDEX CONCURRENTLY, drop the old index with DROP INDEX CONCURRENTLY and rename the new one (constraint-backing indexes need ALTER TABLE ... ADD CONSTRAINT ... USING INDEX), or use pg_repack.',
    bad: 'REINDEX INDEX orders_created_at_idx;',
    good: 'REINDEX INDEX CONCURRENTLY orders_created_at_idx;',
    equivalents: { squawk: 'require-concurrent-reindex', pgfence: 'REINDEX (non-concurrent)' },
  },
  statements: ['ReindexStmt'],
  check({ statement, operations, state }) {
    const r = stmtNode<ReindexStmt>(statement, 'ReindexStmt');
    const op = operations[0];
    if (!r || !op || !runsDuringMigration(statement)) return [];
    if (optionOn(r.params, 'concurrently')) return [];
    const kind = KIND_WORD[r.kind ?? ''] ?? 'INDEX';
    if (kind === 'SYSTEM') return []; // system catalogs cannot be reindexed concurrently; not a migration concern
    if (kind === 'INDEX' && op.indexName && state.newIndexes.has(op.indexName)) return [];
    if (kind !== 'INDEX' && op.targetIsNew) return [];
    const target = shortName(op.indexName ?? op.table ?? r.name ?? '');
    const what = kind === 'INDEX' ? `index ${target}` : kind === 'TABLE' ? `every index of ${target}` : `every index in ${kind.toLowerCase()} ${target}`;
    if (state.pgVersion < 12) {
      const qualified = op.indexName ?? op.table ?? target;
      const suggestion = kind === 'INDEX'
        ? `-- no online REINDEX before PostgreSQL 12: rebuild it with pg_repack (outside the migration)\npg_repack --index=${qualified}\n-- or build a twin with CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY ${target}, and rename the twin`
        : kind === 'TABLE'
          ? `-- no online REINDEX before PostgreSQL 12: rebuild the indexes with pg_repack (outside the migration)\npg_repack --table=${qualified} --only-indexes`
          : `-- no online REINDEX before PostgreSQL 12: rebuild table by table with pg_repack --table=<table> --only-indexes, outside the migration`;
      return [{
        operation: 0,
        message: `REINDEX ${kind} rebuilds ${what} while blocking writes and the reads that use it; PostgreSQL ${state.pgVersion} has no online REINDEX (CONCURRENTLY arrived in 12)`,
        suggestion,
      }];
    }
    const concurrently = statement.text.replace(/^\s*REINDEX\s*(\([^)]*\)\s*)?(INDEX|TABLE|SCHEMA|DATABASE)\s+/i, (m) => `${m.trimEnd()} CONCURRENTLY `);
    return [{
      operation: 0,
      message: `REINDEX ${kind} without CONCURRENTLY rebuilds ${what} while blocking writes to the table and the reads that plan against the index`,
      suggestion: `${concurrently};  ${ownMigrationComment(state)}`,
    }];
  },
};

export default rule;
