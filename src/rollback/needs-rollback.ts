// Whether an up migration leaves anything for a rollback to undo. Some migrations change
// nothing a rollback could restore: an up file with no statements (the placeholder a multi-engine
// project keeps for "only for sqlite"), or only statements whose effect needs no undo —
// VALIDATE CONSTRAINT proves what the rows already satisfy, ANALYZE and VACUUM refresh
// statistics, SET and transaction control end with the session, and an enum value added with
// ALTER TYPE ... ADD VALUE cannot be taken away (Postgres has no DROP VALUE), so the honest
// rollback of it is empty. Rows deleted (DELETE, TRUNCATE) are gone for good: no rollback can
// put them back, so its honest rollback is empty too (rollback-data-loss says the data is gone).
import type { Operation, OperationKind, ParsedSource } from '../core/types.js';

const NO_UNDO: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'VALIDATE_CONSTRAINT', 'ANALYZE', 'VACUUM', 'SET_SETTING', 'TRANSACTION_CONTROL', 'ALTER_TYPE_ADD_VALUE',
  'DELETE_ROWS', 'TRUNCATE',
]);

const UNDO_FREE = 1;
const NEEDS_UNDO = 2;

export function needsNoRollback(up: ParsedSource, upOps: readonly Operation[]): boolean {
  if (up.errors.length > 0) return false;
  // Per statement index: UNDO_FREE while every operation of it so far needs no undo, NEEDS_UNDO
  // once one does, 0 when it has none. One pass over the operations (filtering them for each
  // statement was quadratic in a file of such statements), into a typed array (a Map of 10^5
  // statements cost 0.6 s on a 20 MB file); an operation of an index past the file's is never asked for.
  let size = 0;
  for (const s of up.statements) size = Math.max(size, s.index + 1);
  const undo = new Uint8Array(size);
  for (const o of upOps) {
    if (o.statement >= 0 && o.statement < size && undo[o.statement] !== NEEDS_UNDO) undo[o.statement] = NO_UNDO.has(o.kind) ? UNDO_FREE : NEEDS_UNDO;
  }
  return up.statements.every((s) => !!s.nestedIn || undo[s.index] === UNDO_FREE);
}
