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

/**
 * The table a view's query passes through (SELECT <columns or *> FROM <table> with nothing else:
 * no join, filter, expression, DISTINCT, LIMIT...), as written (`schema.name` or `name`), or
 * undefined. Read when the view is classified: the trees may be gone by the time findings fold.
 */
export function passedThrough(query: Node | undefined): string | undefined {
  const select = (query as { SelectStmt?: SelectStmt } | undefined)?.SelectStmt;
  if (!select || select.op !== 'SETOP_NONE' || select.fromClause?.length !== 1) return undefined;
  const extra: Array<keyof SelectStmt> = ['whereClause', 'groupClause', 'havingClause', 'distinctClause', 'limitCount', 'limitOffset', 'withClause', 'windowClause', 'valuesLists', 'sortClause', 'intoClause', 'lockingClause'];
  if (extra.some((k) => select[k] !== undefined)) return undefined;
  const from = (select.fromClause[0] as { RangeVar?: RangeVar }).RangeVar;
  if (!from?.relname || from.inh === false) return undefined;
  // Plain column references or *, no expressions (an expression column cannot be written).
  const plain = (select.targetList ?? []).every((t) => {
    const val = ((t as { ResTarget?: { val?: Json } }).ResTarget?.val ?? {}) as Json;
    return Object.keys(val).length === 1 && 'ColumnRef' in val;
  });
  return plain ? (from.schemaname ? `${from.schemaname}.${from.relname}` : from.relname) : undefined;
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
    // RENAME TO keeps the schema: the view must read the new name there.
    const schema = r.table!.includes('.') ? r.table!.slice(0, r.table!.lastIndexOf('.')) : undefined;
    const renamed = r.typeName;
    const view = ops.find((o) => o.kind === 'CREATE_VIEW' && o.table === r.table && o.statement > r.statement && tx.get(o.statement) === at);
    const through = view?.viewOf;
    if (renamed && through && (through === renamed || (schema !== undefined && through === `${schema}.${renamed}`))) covered.add(r.statement);
  }
  return findings.filter((f) => !(f.rule === 'renaming-table' && f.statement !== undefined && covered.has(f.statement)));
}
