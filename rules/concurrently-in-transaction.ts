import type { DropStmt, IndexStmt, ReindexStmt } from '@pgsql/types';
import { detachesConcurrently, optionOn } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { alterCmds, stmtNode } from '../src/analyze/rule-helpers.js';
import type { Statement } from '../src/core/types.js';
import { runsDuringMigration } from './_sql-build.js';
import { outOfTransactionAdvice, ownMigrationComment, runnerTransaction } from './_tx-advice.js';

/** The CONCURRENTLY command this statement is, if any: these refuse to run in a transaction block. */
function concurrentCommand(statement: Statement): string | undefined {
  if (stmtNode<IndexStmt>(statement, 'IndexStmt')?.concurrent) return 'CREATE INDEX CONCURRENTLY';
  const drop = stmtNode<DropStmt>(statement, 'DropStmt');
  if (drop?.concurrent && drop.removeType === 'OBJECT_INDEX') return 'DROP INDEX CONCURRENTLY';
  const reindex = stmtNode<ReindexStmt>(statement, 'ReindexStmt');
  if (reindex && optionOn(reindex.params, 'concurrently')) return 'REINDEX CONCURRENTLY';
  if (alterCmds(statement).some(detachesConcurrently)) return 'ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY';
  return undefined;
}

export const rule: Rule = {
  id: 'concurrently-in-transaction',
  risk: 'DANGEROUS',
  title: 'A CONCURRENTLY command inside a transaction block fails at run time',
  docs: {
    why:
      'CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY commit several times internally, so PostgreSQL refuses to run them inside a transaction block ("cannot run inside a transaction block") or a DO block / function. The migration fails when it is deployed, and with a wrapping runner everything before it in the file is rolled back. This holds even for a table created in the same migration.',
    instead:
      'Run the statement outside any transaction: put it in a migration of its own and tell the runner not to wrap it (golang-migrate: a file holding only this statement, since a file of several statements runs as one implicit transaction; dbmate `-- migrate:up transaction:false`; goose `-- +goose NO TRANSACTION`; Flyway a `<script>.sql.conf` with `executeInTransaction=false`; Liquibase `runInTransaction:false`). Prisma, Drizzle and Supabase always wrap: run the statement by hand outside the tool.',
    bad: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\nCOMMIT;',
    good: 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    equivalents: { squawk: 'ban-concurrent-index-creation-in-transaction', pgfence: 'CONCURRENTLY outside explicit transactions' },
  },
  statements: ['IndexStmt', 'DropStmt', 'ReindexStmt', 'AlterTableStmt'],
  check({ statement, state }) {
    if (!runsDuringMigration(statement)) return [];
    const command = concurrentCommand(statement);
    if (!command) return [];
    const inDoBlock = statement.nestedIn?.kind === 'do-block';
    if (!inDoBlock && !state.tx.active) return [];
    const where = inDoBlock ? 'inside a DO block' : state.tx.explicit ? 'inside the transaction the file opens with BEGIN' : `inside ${runnerTransaction(state)}`;
    return [{
      message: `${command} cannot run ${where}: PostgreSQL rejects it ("cannot run inside a transaction block") and the migration fails`,
      // The advice as a comment over the statement, so the SQL is verified where the comment sends it.
      suggestion: `-- ${outOfTransactionAdvice(state, inDoBlock)}:\n${statement.text.trim()};  ${ownMigrationComment(state)}`,
    }];
  },
};

export default rule;
