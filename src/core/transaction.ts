// A runner's transaction mode as it applies to one file. `implicit` runners (golang-migrate)
// send the whole file as one query string; Postgres runs the statements of one query string as
// one transaction ("implicit transaction block") unless the string holds a single statement. So
// a file with an UPDATE after an ALTER TABLE holds the ALTER's lock through the UPDATE, and
// CREATE INDEX CONCURRENTLY fails in any file but one of its own. A file with its own BEGIN or
// COMMIT resolves to 'none' (no transaction around the whole file), and its statements outside
// its own blocks still run in implicit blocks: Postgres opens one for the statements before a
// BEGIN (which the BEGIN takes over) and after each COMMIT (checked on PostgreSQL 15:
// `BEGIN; ...; COMMIT; CREATE INDEX CONCURRENTLY ...` sent as one query fails); the analysis
// opens them too (analyze/track.ts beginFile and trackTransaction, given sentAsOneQuery).
import type { FileTransaction, Statement, TransactionMode } from './types.js';

export type TxControl = 'begin' | 'commit' | 'rollback' | 'savepoint' | 'other';

/** What a statement does to the transaction, or null when it is no transaction control statement. */
export function txControl(stmt: Statement): TxControl | null {
  const t = (stmt.ast as { TransactionStmt?: { kind?: string } }).TransactionStmt;
  if (!t) return null;
  switch (t.kind) {
    case 'TRANS_STMT_BEGIN':
    case 'TRANS_STMT_START':
      return 'begin';
    case 'TRANS_STMT_COMMIT':
    case 'TRANS_STMT_COMMIT_PREPARED':
    case 'TRANS_STMT_PREPARE':
      return 'commit';
    case 'TRANS_STMT_ROLLBACK':
    case 'TRANS_STMT_ROLLBACK_PREPARED':
      return 'rollback';
    case 'TRANS_STMT_SAVEPOINT':
    case 'TRANS_STMT_RELEASE':
    case 'TRANS_STMT_ROLLBACK_TO':
      return 'savepoint';
    default:
      return 'other';
  }
}

/** BEGIN, COMMIT or ROLLBACK: the file takes over the transaction (a savepoint does not). */
function controlsTransaction(s: Statement): boolean {
  const c = txControl(s);
  return c === 'begin' || c === 'commit' || c === 'rollback';
}

/**
 * True when the runner sends the file as one query string of several statements (implicit mode):
 * then no statement of it runs outside a transaction block.
 */
export function sentAsOneQuery(mode: TransactionMode, statements: readonly Statement[]): boolean {
  return mode === 'implicit' && statements.filter((s) => !s.nestedIn).length > 1;
}

/** `mode` for this file: `implicit` becomes `wrapped` or `none` by the file's statements. */
export function fileTransaction(mode: TransactionMode, statements: readonly Statement[]): FileTransaction {
  if (mode !== 'implicit') return mode;
  const top = statements.filter((s) => !s.nestedIn);
  if (top.length <= 1 || top.some(controlsTransaction)) return 'none';
  return 'wrapped';
}

/**
 * The words a suggestion's SQL comment uses when the SQL must go into a migration of its own
 * (CREATE INDEX CONCURRENTLY in a file the runner wraps in a transaction; an enum label that
 * must be committed before it is used). The verifier reads them (src/verify/suggestions.ts):
 * such a suggestion is run as a migration of its own, between the statements before and after
 * it, each part the way the runner runs it; any other suggestion runs in the file's place, in
 * the file's transaction.
 */
export const OWN_MIGRATION = 'in a migration of its own';

/** Whether a suggestion's SQL says, in a comment, that it goes into a migration of its own (or "in its own migration"). */
export function saysOwnMigration(sql: string): boolean {
  return /--[^\n]*\bin (?:a migration of its own|its own migration)\b/i.test(sql);
}

/** Whether it also says that migration runs outside a transaction (rules/_tx-advice.ts ownMigrationComment). */
export function saysOutsideTransaction(sql: string): boolean {
  return /--[^\n]*\b(?:does not wrap in a transaction|one statement per file|outside a transaction)\b/i.test(sql);
}
