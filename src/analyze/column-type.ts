// Where a column's type, as a statement sees it, is decided: by the migration itself (a CREATE
// TABLE, ADD COLUMN or ALTER COLUMN TYPE earlier in it) or by the schema before it, under the
// name the column had then (renames earlier in the migration followed back). SQL that repeats
// an UPDATE batch by batch compares each column with its new value, and only the column's type
// makes that comparison the one Postgres' assignment makes.
import type { AlterTableCmd, AlterTableStmt, ColumnDef, CreateStmt, RenameStmt, TypeName } from '@pgsql/types';
import type { Statement } from '../core/types.js';
import { as, nodeTag, relationName, stringList } from './ast.js';

/** The column's type as written in the migration, or its name (`schema.table`, column) before the migration. */
export type ColumnTypeSource = { typeName: TypeName } | { table: string; column: string };

// A serial is a type only in CREATE TABLE / ADD COLUMN; its values are of these.
const SERIALS: Record<string, string> = {
  serial: 'int4', serial4: 'int4', bigserial: 'int8', serial8: 'int8', smallserial: 'int2', serial2: 'int2',
};

function declared(t: TypeName): TypeName {
  const names = stringList(t.names);
  const real = names.length === 1 ? SERIALS[names[0]!] : undefined;
  return real ? { ...t, names: [{ String: { sval: 'pg_catalog' } }, { String: { sval: real } }] } : t;
}

function columnDefs(v: CreateStmt): ColumnDef[] {
  return (v.tableElts ?? []).map((e) => as<ColumnDef>(e, 'ColumnDef')).filter((d): d is ColumnDef => !!d);
}

/**
 * Where the type of `table.column` (schema-qualified table) is decided for the statement at
 * `index`, reading the top-level statements before it from the last one back; undefined when a
 * statement before it changes the table in ways this cannot follow (a DO block or function
 * body does not count: what runs inside one is not followed).
 */
export function columnTypeSource(statements: readonly Statement[], index: number, table: string, column: string): ColumnTypeSource | undefined {
  let t = table;
  let c = column;
  const before = statements.filter((s) => !s.nestedIn && s.index < index).reverse();
  for (const s of before) {
    const tag = nodeTag(s.ast);
    if (!tag) continue;
    if (tag[0] === 'RenameStmt') {
      const r = tag[1] as RenameStmt;
      const rel = relationName(r.relation);
      if (r.renameType === 'OBJECT_COLUMN' && rel === t && r.newname === c && r.subname) c = r.subname;
      else if (r.renameType === 'OBJECT_TABLE' && r.relation?.relname && r.newname && `${r.relation.schemaname ?? 'public'}.${r.newname}` === t) t = rel!;
      continue;
    }
    if (tag[0] === 'CreateStmt') {
      const v = tag[1] as CreateStmt;
      if (relationName(v.relation) !== t) continue;
      const def = columnDefs(v).find((d) => d.colname === c);
      return def?.typeName ? { typeName: declared(def.typeName) } : undefined;
    }
    if (tag[0] !== 'AlterTableStmt') continue;
    const v = tag[1] as AlterTableStmt;
    if (relationName(v.relation) !== t) continue;
    // The last command of the statement that decides the type wins.
    for (const cmdNode of [...(v.cmds ?? [])].reverse()) {
      const cmd = as<AlterTableCmd>(cmdNode, 'AlterTableCmd');
      const def = as<ColumnDef>(cmd?.def, 'ColumnDef');
      if (cmd?.subtype === 'AT_AddColumn' && def?.colname === c) return def.typeName ? { typeName: declared(def.typeName) } : undefined;
      if (cmd?.subtype === 'AT_AlterColumnType' && cmd.name === c) return def?.typeName ? { typeName: def.typeName } : undefined;
      if (cmd?.subtype === 'AT_DropColumn' && cmd.name === c) return undefined;
    }
  }
  return { table: t, column: c };
}
