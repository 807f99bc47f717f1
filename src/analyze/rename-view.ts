// Recognises the backward-compatible table rename: ALTER TABLE old RENAME TO new, then, in the
// same transaction, CREATE VIEW old AS SELECT ... FROM new (the fix renaming-table suggests).
// A single-table view is automatically updatable, so code still using the old name keeps
// reading and writing through it, and no other session ever sees the old name missing: the
// renaming-table finding of that rename describes a break that does not happen. A view created
// in a later transaction leaves a moment without the old name, so that rename stays reported.
import { txControl } from '../core/transaction.js';
import type { Finding, Operation, Statement } from '../core/types.js';

/**
 * For each top-level statement index, the transaction it runs in (-1: autocommit, its own).
 * `wrapped`: the runner opens a transaction around the file.
 */
function transactionsOf(statements: readonly Statement[], wrapped: boolean): Map<number, number> {
  const out = new Map<number, number>();
  let id = 0;
  let active = wrapped;
  for (const s of statements) {
    if (s.nestedIn) continue;
    const control = txControl(s);
    const ends = control === 'commit' || control === 'rollback';
    if (control === 'begin') {
      if (!active) id++;
      active = true;
    } else if (ends) {
      active = false;
    }
    out.set(s.index, active ? id : -1);
    if (ends) id++;
  }
  return out;
}

/** The findings without renaming-table for each rename that a view under the old name covers in the same transaction. */
export function foldCompatViews(findings: readonly Finding[], ops: readonly Operation[], statements: readonly Statement[], wrapped: boolean): Finding[] {
  const renames = ops.filter((o) => o.kind === 'RENAME_TABLE' && o.table);
  if (renames.length === 0 || !ops.some((o) => o.kind === 'CREATE_VIEW')) return [...findings];
  const tx = transactionsOf(statements, wrapped);
  const covered = new Set<number>();
  for (const r of renames) {
    const at = tx.get(r.statement) ?? -1;
    if (at < 0) continue;
    const view = ops.find((o) => o.kind === 'CREATE_VIEW' && o.table === r.table && o.statement > r.statement && tx.get(o.statement) === at);
    if (view) covered.add(r.statement);
  }
  return findings.filter((f) => !(f.rule === 'renaming-table' && f.statement !== undefined && covered.has(f.statement)));
}
