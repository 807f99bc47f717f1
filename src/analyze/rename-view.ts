// Recognises the backward-compatible table rename: ALTER TABLE old RENAME TO new, then, in the
// same transaction, CREATE VIEW old AS SELECT ... FROM new (the fix renaming-table suggests).
// A single-table view is automatically updatable, so code still using the old name keeps
// reading and writing through it, and no other session ever sees the old name missing: the
// renaming-table finding of that rename describes a break that does not happen. A view created
// in a later transaction leaves a moment without the old name, so that rename stays reported; so
// does one that is not the renamed table passed through (a join, a filter, other columns made up,
// DISTINCT, LIMIT...): old code reading or writing it would not see the table it knew.
import type { Node, RangeVar, SelectStmt } from '@pgsql/types';
import { txControl } from '../core/transaction.js';
import type { Finding, Operation, Statement } from '../core/types.js';

type Json = Record<string, unknown>;

/** The name a table RENAME TO gives, or undefined for any other statement. */
function renamedTo(s: Statement | undefined): string | undefined {
  const r = (s?.ast as { RenameStmt?: { renameType?: string; newname?: string } } | undefined)?.RenameStmt;
  return r?.renameType === 'OBJECT_TABLE' ? r.newname : undefined;
}

/**
 * True for CREATE VIEW ... AS SELECT <columns or *> FROM <table> with nothing else (the view
 * PostgreSQL makes updatable and that shows every row): the renamed table under its old name.
 */
function passesThrough(s: Statement | undefined, table: string): boolean {
  const view = (s?.ast as { ViewStmt?: { query?: Node } } | undefined)?.ViewStmt;
  const select = (view?.query as { SelectStmt?: SelectStmt } | undefined)?.SelectStmt;
  if (!select || select.op !== 'SETOP_NONE' || select.fromClause?.length !== 1) return false;
  const extra: Array<keyof SelectStmt> = ['whereClause', 'groupClause', 'havingClause', 'distinctClause', 'limitCount', 'limitOffset', 'withClause', 'windowClause', 'valuesLists', 'sortClause', 'intoClause', 'lockingClause'];
  if (extra.some((k) => select[k] !== undefined)) return false;
  const from = (select.fromClause[0] as { RangeVar?: RangeVar }).RangeVar;
  if (!from || from.relname !== table || from.inh === false) return false;
  // Plain column references or *, no expressions (an expression column cannot be written).
  return (select.targetList ?? []).every((t) => {
    const val = ((t as { ResTarget?: { val?: Json } }).ResTarget?.val ?? {}) as Json;
    return Object.keys(val).length === 1 && 'ColumnRef' in val;
  });
}

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
    const newName = renamedTo(statements.find((s) => s.index === r.statement));
    const view = ops.find((o) => o.kind === 'CREATE_VIEW' && o.table === r.table && o.statement > r.statement && tx.get(o.statement) === at);
    if (view && newName && passesThrough(statements.find((s) => s.index === view.statement), newName)) covered.add(r.statement);
  }
  return findings.filter((f) => !(f.rule === 'renaming-table' && f.statement !== undefined && covered.has(f.statement)));
}
