// How to get a statement out of a transaction block, worded for the migration tool that runs
// the file: each runner has its own switch (or none at all).
import type { AnalysisState } from '../src/analyze/state.js';
import type { LayoutName } from '../src/core/types.js';
import { OWN_MIGRATION } from '../src/core/transaction.js';

const RUNNER_OPT_OUT: Partial<Record<LayoutName, string>> = {
  dbmate: 'dbmate wraps each section in a transaction: write the header as `-- migrate:up transaction:false`',
  goose: 'goose wraps each file in a transaction: add `-- +goose NO TRANSACTION` at the top of the file',
  flyway: 'Flyway runs each script in a transaction: add a script config file next to it (`<script>.sql.conf`) containing `executeInTransaction=false`',
  'liquibase-sql': 'Liquibase runs each changeset in a transaction: add `runInTransaction:false` to its `--changeset` line',
  prisma: 'Prisma Migrate cannot run a migration outside a transaction: run this statement by hand (psql) outside the tool, then mark the migration applied with `prisma migrate resolve --applied`',
  drizzle: 'drizzle-kit runs migrations in a transaction and has no opt-out: run this statement by hand (psql) outside the tool',
  supabase: 'the Supabase CLI runs each migration in a transaction: run this statement by hand (psql) outside the CLI',
  'golang-migrate': 'golang-migrate sends the whole file as one query, which Postgres runs as one transaction when it holds more than one statement: give the statement a file of its own, alone (no other statement, no BEGIN/COMMIT)',
  sqitch: 'Sqitch runs the script as written: remove the BEGIN/COMMIT around this statement',
  sqlx: 'sqlx migrate run wraps each file in a transaction: start the file with the line `-- no-transaction`',
};

const ALL_RUNNERS =
  'golang-migrate: a file holding only this statement; sqlx: `-- no-transaction` as the first line; dbmate: `-- migrate:up transaction:false`; goose: `-- +goose NO TRANSACTION`; Flyway: a `<script>.sql.conf` with `executeInTransaction=false`; Liquibase: `runInTransaction:false` on the changeset; Prisma / Drizzle / Supabase: no opt-out, run it by hand outside the tool';

/**
 * The transaction the runner runs this file in, named as its author knows it: a runner in the
 * `implicit` mode (golang-migrate) opens none, but sends the file as one query string, which
 * Postgres runs as one transaction.
 */
export function runnerTransaction(state: Readonly<AnalysisState>): string {
  if (!state.oneQueryString) return 'the transaction the runner wraps this file in';
  const runner = state.layout === 'golang-migrate' ? 'golang-migrate' : 'the runner';
  if (state.runnerTransaction === 'wrapped') return `the one transaction Postgres runs this file in (${runner} sends the file as one query)`;
  return `the implicit transaction Postgres runs the statements outside the file's own BEGIN ... COMMIT in (${runner} sends the file as one query)`;
}

/** Why the statement is inside a transaction block, and how to take it out, for this file's runner. */
export function outOfTransactionAdvice(state: Readonly<AnalysisState>, doBlock: boolean): string {
  if (doBlock) return 'a DO block runs as one function call inside a transaction: move the statement out of the DO block and run it as a plain statement';
  if (state.tx.explicit) {
    return `the file's own BEGIN${state.tx.beganAt ? ` (line ${state.tx.beganAt.line})` : ''} opened a transaction: end it with COMMIT before this statement, or put the statement in a migration of its own without BEGIN/COMMIT`;
  }
  const layout = state.layout;
  // golang-migrate's advice is about its one query string; configured to wrap, it is any wrapping runner.
  const specific = layout && (layout !== 'golang-migrate' || state.oneQueryString) ? RUNNER_OPT_OUT[layout] : undefined;
  if (specific) return `${specific}; keep the statement in a migration of its own`;
  return `the runner wraps this migration in a transaction: put the statement in a migration of its own and turn the wrapping off (${ALL_RUNNERS})`;
}

/**
 * The SQL comment that sends a suggestion to a migration of its own that runs outside a
 * transaction (CONCURRENTLY): the verifier reads it (core/transaction.ts saysOwnMigration) and
 * runs the suggestion so, between the statements before and after it. golang-migrate runs a
 * file of several statements as one transaction, so there it is one statement per file.
 */
export function ownMigrationComment(state: Readonly<AnalysisState>): string {
  if (state.layout === 'golang-migrate' || state.oneQueryString) {
    return `-- ${OWN_MIGRATION}, one statement per file (${state.layout === 'golang-migrate' ? 'golang-migrate' : 'the runner'} runs a file of several statements as one transaction)`;
  }
  return `-- ${OWN_MIGRATION} that the runner does not wrap in a transaction`;
}
