// Recognises the rename-and-replace table rebuild in one migration, also inside DO blocks:
// the table is renamed away, a new table takes its old name, and the renamed table is dropped
// after (usually after copying its rows). The name the application uses never disappears, so
// the per-statement findings (renaming-table, ban-drop-table, rollback-data-loss) describe a
// different, wrong migration; one table-rebuild finding says what it really costs.
import type { Finding, Operation } from '../core/types.js';
import { rule as tableRebuild } from '../../rules/table-rebuild.js';

interface TableRebuild {
  table: string;
  renamedTo: string;
  rename: Operation;
  create: Operation;
  /** Absent when the migration keeps the renamed table (an archive copy). */
  drop?: Operation;
}

const before = (a: Operation, b: Operation): boolean => a.line < b.line || (a.line === b.line && a.column < b.column);

function findTableRebuilds(ops: readonly Operation[]): TableRebuild[] {
  const out: TableRebuild[] = [];
  for (const rename of ops) {
    if (rename.kind !== 'RENAME_TABLE' || !rename.table || !rename.typeName) continue;
    const schema = rename.table.slice(0, rename.table.indexOf('.'));
    const renamedTo = `${schema}.${rename.typeName.toLowerCase()}`;
    const create = ops.find((o) => o.kind === 'CREATE_TABLE' && o.table === rename.table && before(rename, o));
    if (!create) continue;
    const drop = ops.find((o) => o.kind === 'DROP_TABLE' && o.table === renamedTo && before(create, o));
    out.push({ table: rename.table, renamedTo, rename, create, ...(drop ? { drop } : {}) });
  }
  return out;
}

/** The findings with each rebuild's piecemeal findings replaced by one table-rebuild finding. */
export function foldTableRebuilds(findings: readonly Finding[], ops: readonly Operation[], path: string, wrapped: boolean): Finding[] {
  const rebuilds = findTableRebuilds(ops);
  if (rebuilds.length === 0) return [...findings];
  const replaced = (f: Finding): boolean =>
    rebuilds.some(
      (r) =>
        (f.rule === 'renaming-table' && f.statement === r.rename.statement) ||
        ((f.rule === 'ban-drop-table' || f.rule === 'rollback-data-loss') && r.drop !== undefined && f.statement === r.drop.statement),
    );
  const kept = findings.filter((f) => !replaced(f));
  for (const r of rebuilds) {
    const fate = r.drop ? `recreated and dropped after the copy` : `recreated (the old rows stay in ${r.renamedTo})`;
    kept.push({
      rule: tableRebuild.id,
      risk: tableRebuild.risk,
      line: r.rename.line,
      column: r.rename.column,
      statement: r.rename.statement,
      path,
      message: wrapped
        ? `${r.table} is rebuilt: renamed to ${r.renamedTo}, ${fate}; the application's table name never disappears, but the rename holds ACCESS EXCLUSIVE on it until commit, so reads and writes wait for the whole copy`
        : `${r.table} is rebuilt: renamed to ${r.renamedTo}, ${fate}; the application's table name never disappears, but between the CREATE and the end of the copy it sees the new table empty or half filled, and rows written to ${r.renamedTo} meanwhile are lost`,
      suggestion: `change ${r.table} in place where Postgres can; otherwise build it under a new name, copy in batches while a trigger keeps it in sync, swap the two names in one short transaction, and drop the old table in a later release (no view under the old name: the new table has it)`,
    });
  }
  return kept;
}
