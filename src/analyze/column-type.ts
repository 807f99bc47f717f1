// Where a column's type, as a statement sees it, is decided: by the migration itself (a CREATE
// TABLE, ADD COLUMN or ALTER COLUMN TYPE earlier in it) or by the schema before it, under the
// name the column had then (renames earlier in the migration followed back). SQL that repeats
// an UPDATE batch by batch compares each column with its new value, and only the column's type
// makes that comparison the one Postgres' assignment makes.
import type { AlterTableCmd, AlterTableStmt, ColumnDef, CreateStmt, Node, RenameStmt, TypeName } from '@pgsql/types';
import type { Statement } from '../core/types.js';
import { as, nodeTag, relationName, stringList } from './ast.js';
import { serialType } from './serial-types.js';

/** The column's type as written in the migration, or its name (`schema.table`, column) before the migration. */
export type ColumnTypeSource = { typeName: TypeName } | { table: string; column: string };


/** The type a column declared as `t` has: a serial's integer type, else `t`. */
export function declaredType(t: TypeName): TypeName {
  const names = stringList(t.names);
  const real = names.length === 1 ? serialType(names[0])?.internal : undefined;
  return real ? { ...t, names: [{ String: { sval: 'pg_catalog' } }, { String: { sval: real } }] } : t;
}

function columnDefs(v: CreateStmt): ColumnDef[] {
  return (v.tableElts ?? []).map((e) => as<ColumnDef>(e, 'ColumnDef')).filter((d): d is ColumnDef => !!d);
}

type Tag = NonNullable<ReturnType<typeof nodeTag>>;
const DECIDING = new Set(['RenameStmt', 'CreateStmt', 'AlterTableStmt']);
const decidingCache = new WeakMap<readonly Statement[], Array<{ index: number; tag: Tag }>>();

/**
 * The top-level statements that can decide a column's type (renames, CREATE TABLE, ALTER
 * TABLE), in file order, found once per file: columnTypeSource runs for every column of every
 * repeated UPDATE, and scanning the whole file each time made a file of UPDATEs quadratic.
 */
function decidingStatements(statements: readonly Statement[]): Array<{ index: number; tag: Tag }> {
  let found = decidingCache.get(statements);
  if (!found) {
    found = [];
    for (const s of statements) {
      const tag = s.nestedIn ? undefined : nodeTag(s.ast);
      if (tag && DECIDING.has(tag[0])) found.push({ index: s.index, tag });
    }
    decidingCache.set(statements, found);
  }
  return found;
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
  const deciding = decidingStatements(statements);
  for (let i = deciding.length - 1; i >= 0; i--) {
    const { index: at, tag } = deciding[i]!;
    if (at >= index) continue;
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
      return def?.typeName ? { typeName: declaredType(def.typeName) } : undefined;
    }
    if (tag[0] !== 'AlterTableStmt') continue;
    const v = tag[1] as AlterTableStmt;
    if (relationName(v.relation) !== t) continue;
    // The last command of the statement that decides the type wins.
    for (const cmdNode of [...(v.cmds ?? [])].reverse()) {
      const cmd = as<AlterTableCmd>(cmdNode, 'AlterTableCmd');
      const def = as<ColumnDef>(cmd?.def, 'ColumnDef');
      if (cmd?.subtype === 'AT_AddColumn' && def?.colname === c) return def.typeName ? { typeName: declaredType(def.typeName) } : undefined;
      if (cmd?.subtype === 'AT_AlterColumnType' && cmd.name === c) return def?.typeName ? { typeName: def.typeName } : undefined;
      if (cmd?.subtype === 'AT_DropColumn' && cmd.name === c) return undefined;
    }
  }
  return { table: t, column: c };
}

// Types without an equality operator (json, xml) or whose `=` is not identity (box compares
// areas): compared by their text, which is exact for two values of the same type.
const NO_IDENTITY_EQUALITY = new Set(['json', 'xml', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle']);

function baseName(type: string): string {
  const name = type.replace(/(\[\])+$/, '').replace(/\(.*$/, '').trim();
  return name.slice(name.lastIndexOf('.') + 1).replace(/^"|"$/g, '').toLowerCase();
}

/**
 * The condition that picks the rows a repeated UPDATE batch has not reached yet: some set
 * column differs from its new value. Postgres converts the new value to the column's type when
 * it assigns it (varchar column, numeric value); the comparison does the same when the type is
 * known (SQL), or it has no operator, or never sees a row as done. A quoted literal or NULL
 * (`untyped`) takes the column's type by itself. Columns and values are SQL.
 */
export function pendingComparison(sets: ReadonlyArray<{ column: string; value: string; type?: string | undefined; untyped?: boolean }>): string {
  const sides = sets.map(({ column, value, type, untyped }) => {
    if (!type) return { col: column, value };
    const cast = `CAST(${value} AS ${type})`;
    if (NO_IDENTITY_EQUALITY.has(baseName(type))) return { col: `${column}::text`, value: `${cast}::text` };
    return { col: column, value: untyped ? value : cast };
  });
  return sides.length === 1
    ? `${sides[0]!.col} IS DISTINCT FROM ${sides[0]!.value}`
    : `(${sides.map((s) => s.col).join(', ')}) IS DISTINCT FROM (${sides.map((s) => s.value).join(', ')})`;
}

/** A quoted literal or NULL: Postgres gives it the type of what it is compared with or assigned to. */
export function isUntypedLiteral(node: Node | undefined): boolean {
  const c = as<{ sval?: unknown; isnull?: boolean }>(node, 'A_Const');
  return !!c && (c.sval !== undefined || c.isnull === true);
}

