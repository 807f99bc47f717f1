// Small readers shared by several rules of part B: whether a statement runs during the
// migration, and the column definitions a statement creates.
import type { AlterTableCmd, ColumnDef, Constraint, CreateStmt, Node, TypeName } from '@pgsql/types';
import { as, keyColumns, relationName, stringList } from '../src/analyze/ast.js';
import { alterCmds, stmtNode } from '../src/analyze/rule-helpers.js';
import type { Statement } from '../src/core/types.js';

/**
 * False for statements found inside a function body: they run when the function is called,
 * not when the migration runs, so rules about what the migration does skip them.
 */
export function executesNow(statement: Statement): boolean {
  return statement.nestedIn?.kind !== 'function-body';
}

/** A column a statement defines: in CREATE TABLE, ADD COLUMN, or ALTER COLUMN ... TYPE. */
export interface ColumnSpec {
  table: string | undefined;
  name: string;
  type: TypeName | undefined;
  /** Column-level constraints (PRIMARY KEY, REFERENCES, DEFAULT, ...). */
  constraints: Constraint[];
  /** True when a table-level PRIMARY KEY or FOREIGN KEY of the same statement includes it. */
  inTableKey: boolean;
  via: 'create-table' | 'add-column' | 'alter-type';
  /** Index into the statement's operations (ALTER TABLE only). */
  operation?: number;
  /** The column definition as parsed (CREATE TABLE and ADD COLUMN), for suggestions that rewrite it. */
  def?: ColumnDef;
}

function constraintsOf(def: ColumnDef | undefined): Constraint[] {
  return (def?.constraints ?? []).map((n: Node) => as<Constraint>(n, 'Constraint')).filter((c): c is Constraint => !!c);
}

// Several rules ask for the same statement's columns; compute them once per statement.
const specsCache = new WeakMap<Statement, ColumnSpec[]>();

export function columnSpecs(statement: Statement): ColumnSpec[] {
  let specs = specsCache.get(statement);
  if (!specs) {
    specs = computeColumnSpecs(statement);
    specsCache.set(statement, specs);
  }
  return specs;
}

function computeColumnSpecs(statement: Statement): ColumnSpec[] {
  const create = stmtNode<CreateStmt>(statement, 'CreateStmt');
  if (create) {
    const table = relationName(create.relation);
    const tableCons = (create.tableElts ?? []).map((n) => as<Constraint>(n, 'Constraint')).filter((c): c is Constraint => !!c);
    const keyed = new Set<string>();
    for (const c of tableCons) {
      if (c.contype === 'CONSTR_PRIMARY') keyColumns(c.keys).forEach((k) => keyed.add(k));
      if (c.contype === 'CONSTR_FOREIGN') keyColumns(c.fk_attrs).forEach((k) => keyed.add(k));
    }
    return (create.tableElts ?? [])
      .map((n) => as<ColumnDef>(n, 'ColumnDef'))
      .filter((d): d is ColumnDef => !!d?.colname)
      .map((d) => ({ table, name: d.colname!, type: d.typeName, constraints: constraintsOf(d), inTableKey: keyed.has(d.colname!), via: 'create-table' as const, def: d }));
  }
  const cmds = alterCmds(statement);
  const table = relationName(stmtNode<{ relation?: Parameters<typeof relationName>[0] }>(statement, 'AlterTableStmt')?.relation);
  const out: ColumnSpec[] = [];
  cmds.forEach((c: AlterTableCmd, i) => {
    const def = as<ColumnDef>(c.def, 'ColumnDef');
    if (c.subtype === 'AT_AddColumn' && def?.colname) {
      out.push({ table, name: def.colname, type: def.typeName, constraints: constraintsOf(def), inTableKey: false, via: 'add-column', operation: i, def });
    } else if (c.subtype === 'AT_AlterColumnType' && c.name) {
      out.push({ table, name: c.name, type: def?.typeName, constraints: [], inTableKey: false, via: 'alter-type', operation: i });
    }
  });
  return out;
}

/** The type's own name as the parser resolved it: `int4`, `bpchar`, `varchar`, `serial`, `json`. */
export function rawTypeName(type: TypeName | undefined): string {
  return (stringList(type?.names).at(-1) ?? '').toLowerCase();
}

export function isArrayType(type: TypeName | undefined): boolean {
  return (type?.arrayBounds ?? []).length > 0;
}

/** The integer modifier of a type: 255 for varchar(255). */
export function typeLength(type: TypeName | undefined): number | undefined {
  const first = type?.typmods?.[0];
  const c = as<{ ival?: { ival?: number } }>(first, 'A_Const');
  return c?.ival?.ival;
}

/** Replaces the type written after a column name in the statement text, or undefined when it cannot be found. */
export function retypeColumn(text: string, column: string, typePattern: RegExp, replacement: string): string | undefined {
  // Cheap pre-check: most statements do not mention the column by that spelling at all.
  if (!text.toLowerCase().includes(column.toLowerCase())) return undefined;
  const name = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`((?:^|[\\s,(])"?${name}"?\\s+(?:TYPE\\s+|SET\\s+DATA\\s+TYPE\\s+)?)${typePattern.source}`, 'i');
  const replaced = text.replace(re, `$1${replacement}`);
  return replaced === text ? undefined : replaced;
}
