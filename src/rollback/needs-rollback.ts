// Whether an up migration leaves anything for a rollback to undo. Some migrations change
// nothing a rollback could restore: an up file with no statements (the placeholder a multi-engine
// project keeps for "only for sqlite"), or only statements whose effect needs no undo —
// VALIDATE CONSTRAINT proves what the rows already satisfy, ANALYZE and VACUUM refresh
// statistics, SET and transaction control end with the session, and an enum value added with
// ALTER TYPE ... ADD VALUE cannot be taken away (Postgres has no DROP VALUE), so the honest
// rollback of it is empty.
import type { Operation, OperationKind, ParsedSource } from '../core/types.js';

const NO_UNDO: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'VALIDATE_CONSTRAINT', 'ANALYZE', 'VACUUM', 'SET_SETTING', 'TRANSACTION_CONTROL', 'ALTER_TYPE_ADD_VALUE',
]);

export function needsNoRollback(up: ParsedSource, upOps: readonly Operation[]): boolean {
  if (up.errors.length > 0) return false;
  // Per statement: true while every operation of it so far needs no undo (absent: it has none).
  // One pass over the operations: filtering them for each statement was quadratic in a file of such statements.
  const undoFree = new Map<number, boolean>();
  for (const o of upOps) undoFree.set(o.statement, (undoFree.get(o.statement) ?? true) && NO_UNDO.has(o.kind));
  return up.statements.every((s) => !!s.nestedIn || undoFree.get(s.index) === true);
}
