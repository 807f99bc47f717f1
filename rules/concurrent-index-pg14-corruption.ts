import type { IndexStmt, ReindexStmt } from '@pgsql/types';
import { optionOn } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { runsDuringMigration } from './_sql-build.js';

/** PostgreSQL 14.0 to 14.3: the releases whose concurrent index builds can miss rows (fixed in 14.4). */
function affected(pgVersion: number, minor: number | undefined): boolean {
  return pgVersion === 14 && minor !== undefined && minor < 4;
}

export const rule: Rule = {
  id: 'concurrent-index-pg14-corruption',
  risk: 'DANGEROUS',
  title: 'On PostgreSQL 14.0 to 14.3, CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY can build a corrupt index',
  docs: {
    why:
      'PostgreSQL 14.0 to 14.3 have a bug (fixed in 14.4, June 2022) in CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY: rows updated while the index is built can be left out of it. The index is valid as far as Postgres knows, so queries that use it silently miss rows and a unique index can let duplicates in. The rule needs the minor release to tell, so it reports only when the configuration names one (`pgVersion: "14.3"`); with `pgVersion: 14` it stays quiet, as most 14 servers have long been updated.',
    instead:
      'Update the server to 14.4 or later before building indexes concurrently. Indexes built concurrently on 14.0 to 14.3 should be rebuilt after the update (REINDEX INDEX CONCURRENTLY); `pg_amcheck --heapallindexed` finds the damaged ones.',
    bad: '-- pgVersion: "14.3"\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    good: '-- pgVersion: "14.4" (or later)\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    equivalents: { strongMigrations: 'add_index_corruption' },
  },
  statements: ['IndexStmt', 'ReindexStmt'],
  check({ statement, state }) {
    if (!affected(state.pgVersion, state.pgMinorVersion) || !runsDuringMigration(statement)) return [];
    const index = stmtNode<IndexStmt>(statement, 'IndexStmt');
    const reindex = stmtNode<ReindexStmt>(statement, 'ReindexStmt');
    const what = index?.concurrent ? 'CREATE INDEX CONCURRENTLY' : reindex && optionOn(reindex.params, 'concurrently') ? 'REINDEX CONCURRENTLY' : undefined;
    if (!what) return [];
    return [{
      operation: 0,
      message: `${what} on PostgreSQL 14.${state.pgMinorVersion}: releases 14.0 to 14.3 can leave rows updated during the build out of the index (fixed in 14.4), and nothing reports it`,
      suggestion: '-- update the server to PostgreSQL 14.4 or later first, then run this migration',
      suggestionRuns: 'before',
    }];
  },
};

export default rule;
