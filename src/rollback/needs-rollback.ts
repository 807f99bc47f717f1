// Whether an up migration leaves anything for a rollback to undo. Some migrations change
// nothing a rollback could restore: an up file with no statements (the placeholder a multi-engine
// project keeps for "only for sqlite"), or only statements whose effect needs no undo —
// VALIDATE CONSTRAINT proves what the rows already satisfy, ANALYZE and VACUUM refresh
// statistics, SET and transaction control end with the session.
import type { Operation, OperationKind, ParsedSource } from '../core/types.js';

const NO_UNDO: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'VALIDATE_CONSTRAINT', 'ANALYZE', 'VACUUM', 'SET_SETTING', 'TRANSACTION_CONTROL',
]);

export function needsNoRollback(up: ParsedSource, upOps: readonly Operation[]): boolean {
  if (up.errors.length > 0) return false;
  const top = up.statements.filter((s) => !s.nestedIn);
  return top.every((s) => {
    const ops = upOps.filter((o) => o.statement === s.index);
    return ops.length > 0 && ops.every((o) => NO_UNDO.has(o.kind));
  });
}
