// A runner's transaction mode as it applies to one file. `implicit` runners (golang-migrate)
// send the whole file as one query string; Postgres runs the statements of one query string as
// one transaction ("implicit transaction block"), unless the string holds a single statement, or
// its own BEGIN/COMMIT take over. So a file with an UPDATE after an ALTER TABLE holds the ALTER's
// lock through the UPDATE, and CREATE INDEX CONCURRENTLY fails in any file but one of its own.
import type { FileTransaction, Statement, TransactionMode } from './types.js';

const CONTROL = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START', 'TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_COMMIT_PREPARED', 'TRANS_STMT_PREPARE', 'TRANS_STMT_ROLLBACK_PREPARED']);

function controlsTransaction(s: Statement): boolean {
  const t = (s.ast as { TransactionStmt?: { kind?: string } }).TransactionStmt;
  return t !== undefined && CONTROL.has(t.kind ?? '');
}

/** `mode` for this file: `implicit` becomes `wrapped` or `none` by the file's statements. */
export function fileTransaction(mode: TransactionMode, statements: readonly Statement[]): FileTransaction {
  if (mode !== 'implicit') return mode;
  const top = statements.filter((s) => !s.nestedIn);
  if (top.length <= 1 || top.some(controlsTransaction)) return 'none';
  return 'wrapped';
}
