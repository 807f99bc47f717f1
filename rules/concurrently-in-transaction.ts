import { transactionBlockRefusal, type TransactionBlockRefusal } from '../src/analyze/transaction-block.js';
import type { AnalysisState } from '../src/analyze/state.js';
import type { Rule } from '../src/analyze/rule.js';
import type { Statement } from '../src/core/types.js';
import { runsDuringMigration } from './_sql-build.js';
import { outOfTransactionAdvice, ownMigrationComment, runnerTransaction } from './_tx-advice.js';

/**
 * The command this statement is among those PostgreSQL refuses in a transaction block, if any
 * (analyze/transaction-block.ts). ALTER TYPE ... ADD VALUE before PostgreSQL 12 is left to
 * enum-value-changes, which knows what to do about the label; a REINDEX or CLUSTER refused only
 * on a partitioned table counts when the schema known so far says the table is one.
 */
function refusal(statement: Statement, state: Readonly<AnalysisState>): TransactionBlockRefusal | undefined {
  const r = transactionBlockRefusal(statement.ast, state.pgVersion);
  if (!r || r.command === 'ALTER TYPE ... ADD') return undefined;
  if (r.ifPartitioned) {
    const name = r.ifPartitioned.qualified;
    if (!state.facts.partitionedTables?.has(name) && !state.facts.partitionedIndexes?.has(name)) return undefined;
  }
  return r;
}

/** Server-wide objects: the advice is words only, so the verifier never runs them in its sandbox. */
const SERVER_WIDE = /DATABASE|TABLESPACE|SYSTEM$|SUBSCRIPTION|PREPARED/;

export const rule: Rule = {
  id: 'concurrently-in-transaction',
  risk: 'DANGEROUS',
  title: 'A statement PostgreSQL refuses inside a transaction block (CONCURRENTLY, VACUUM, ...) fails at run time',
  docs: {
    why:
      'CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY commit several times internally, so PostgreSQL refuses to run them inside a transaction block ("cannot run inside a transaction block") or a DO block / function. So does it with VACUUM (ANALYZE alone is fine), REINDEX SCHEMA, DATABASE or SYSTEM, CLUSTER without a table, REINDEX (14+) and CLUSTER (15+) of a partitioned table, DISCARD ALL, CREATE and DROP DATABASE, ALTER DATABASE SET TABLESPACE, CREATE and DROP TABLESPACE, ALTER SYSTEM, COMMIT and ROLLBACK PREPARED, CREATE SUBSCRIPTION that creates a slot, ALTER SUBSCRIPTION ... REFRESH or with refresh, and DROP SUBSCRIPTION of a subscription with a slot; a DO block that runs COMMIT fails in one too ("invalid transaction termination"). The migration fails when it is deployed, and with a wrapping runner everything before it in the file is rolled back. This holds even for a table created in the same migration. (ALTER TYPE ... ADD VALUE before PostgreSQL 12: see enum-value-changes.)',
    instead:
      'Run the statement outside any transaction: put it in a migration of its own and tell the runner not to wrap it (golang-migrate: a file holding only this statement, since a file of several statements runs as one implicit transaction; dbmate `-- migrate:up transaction:false`; goose `-- +goose NO TRANSACTION`; Flyway a `<script>.sql.conf` with `executeInTransaction=false`; Liquibase `runInTransaction:false`). Prisma, Drizzle and Supabase always wrap: run the statement by hand outside the tool.',
    bad: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\nCOMMIT;',
    good: 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    equivalents: { squawk: 'ban-concurrent-index-creation-in-transaction', pgfence: 'CONCURRENTLY outside explicit transactions' },
  },
  statements: [
    'IndexStmt', 'DropStmt', 'ReindexStmt', 'AlterTableStmt', 'VacuumStmt', 'ClusterStmt', 'DiscardStmt', 'CreatedbStmt',
    'DropdbStmt', 'AlterDatabaseStmt', 'CreateTableSpaceStmt', 'DropTableSpaceStmt', 'AlterSystemStmt', 'TransactionStmt',
    'CreateSubscriptionStmt', 'AlterSubscriptionStmt', 'DropSubscriptionStmt', 'DoStmt',
  ],
  check({ statement, state }) {
    if (!runsDuringMigration(statement)) return [];
    const r = refusal(statement, state);
    if (!r) return [];
    // PostgreSQL refuses these from a function too ("cannot be executed from a function").
    const inDoBlock = statement.nestedIn?.kind === 'do-block';
    if (!inDoBlock && !state.tx.active) return [];
    const where = inDoBlock ? 'inside a DO block' : state.tx.explicit ? 'inside the transaction the file opens with BEGIN' : `inside ${runnerTransaction(state)}`;
    const unless = r.unless ? ` unless ${r.unless}` : '';
    const advice = `-- ${outOfTransactionAdvice(state, inDoBlock)}:`;
    return [{
      message: `${r.command} cannot run ${where}: PostgreSQL rejects it ("${r.error ?? 'cannot run inside a transaction block'}")${unless} and the migration fails`,
      // The advice as a comment over the statement, so the SQL is verified where the comment sends it.
      suggestion: SERVER_WIDE.test(r.command) ? advice.replace(/:$/, '.') : `${advice}\n${statement.text.trim()};  ${ownMigrationComment(state)}`,
    }];
  },
};

export default rule;
