// Small readers shared by several rules of part B: whether a statement runs during the
// migration, and the column definitions a statement creates.
import type { AlterTableCmd, ColumnDef, Constraint, CreateStmt, IndexStmt, Node, TypeName } from '@pgsql/types';
import { as, keyColumns, qualifiedName, relationName } from '../src/analyze/ast.js';
import type { AnalysisState } from '../src/analyze/state.js';
import { alterCmds, stmtNode } from '../src/analyze/rule-helpers.js';
import { escapeRegExp } from '../src/core/strings.js';
import type { Statement } from '../src/core/types.js';

/**
 * False for statements found inside a function body: they run when the function is called,
 * not when the migration runs, so rules about what the migration does skip them.
 */
export function executesNow(statement: Statement): boolean {
  return statement.nestedIn?.kind !== 'function-body';
}

/**
 * False also for a routine body judged as running because a trigger the migration creates runs
 * it: it runs in the transactions of the writes that fire the trigger, so rules about what the
 * migration's own transaction holds skip it.
 */
export function inMigrationTransaction(statement: Statement): boolean {
  return executesNow(statement) && statement.nestedIn?.trigger !== true;
}

/**
 * CREATE INDEX IF NOT EXISTS of an index the history or the run made (and did not drop): the
 * statement takes its lock, says "already exists, skipping" and builds nothing.
 */
export function buildsNoIndex(statement: Statement, state: Readonly<AnalysisState>): boolean {
  const idx = stmtNode<IndexStmt>(statement, 'IndexStmt');
  return !!idx?.if_not_exists && !!idx.idxname && !!state.facts.indexTables?.has(qualifiedName(idx.relation?.schemaname, idx.idxname));
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
  // The last name that is not empty, as stringList(names).at(-1) has it, without building the
  // list: a dozen rules ask this of every column a statement defines.
  const names = type?.names ?? [];
  for (let i = names.length - 1; i >= 0; i--) {
    const name = as<{ sval?: string }>(names[i], 'String')?.sval;
    if (name) return name.toLowerCase();
  }
  return '';
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

/**
 * Replaces the type written after a column name in the statement text, or undefined when it
 * cannot be found: the first place matching
 * `((?:^|[\s,(])"?NAME"?\s+(?:TYPE\s+|SET\s+DATA\s+TYPE\s+)?)TYPE`, case-insensitively, gets
 * `$1` + `replacement` (where `$2`... are the type pattern's groups).
 */
export function retypeColumn(text: string, column: string, typePattern: RegExp, replacement: string): string | undefined {
  // Cheap pre-check: most statements do not mention the column by that spelling at all.
  const lower = text.toLowerCase();
  const name = column.toLowerCase();
  if (!lower.includes(name)) return undefined;
  // Case folding that changes lengths (non-ASCII) would shift the positions found in `lower`.
  if (lower.length !== text.length || name.length !== column.length) return retypeColumnByRegExp(text, column, typePattern, replacement);
  // The name is found with indexOf and only what follows it is a RegExp, one per type pattern:
  // V8 compiles every new RegExp when it first runs (about 0.2 ms for one with the name in it),
  // and this runs for every column of every CREATE TABLE some rules look at (the corpus: 1,810
  // times, 0.35 s).
  const sticky = afterName(typePattern);
  for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + 1)) {
    const quoted = at > 0 && text[at - 1] === '"';
    const before = quoted ? at - 1 : at;
    if (before > 0 && !/[\s,(]/.test(text[before - 1]!)) continue;
    sticky.lastIndex = at + name.length;
    const m = sticky.exec(text);
    if (!m) continue;
    // As String.replace would with the whole pattern: `$1` is everything from the character
    // before the name to the type, `$2`... are the type pattern's groups.
    const first = text.slice(before > 0 ? before - 1 : 0, m.index) + m[1]!;
    const type = replacement.replace(/\$([1-9])/g, (all, d: string) => (d === '1' ? first : Number(d) < m.length ? (m[Number(d)] ?? '') : all));
    const replaced = text.slice(0, m.index) + m[1]! + type + text.slice(m.index + m[0].length);
    return replaced === text ? undefined : replaced;
  }
  return undefined;
}

/** What follows the column name, then the type, as a sticky RegExp (to match at a place), one per type pattern. */
const afterNames = new Map<string, RegExp>();
function afterName(typePattern: RegExp): RegExp {
  let re = afterNames.get(typePattern.source);
  if (!re) {
    re = new RegExp(`("?\\s+(?:TYPE\\s+|SET\\s+DATA\\s+TYPE\\s+)?)${typePattern.source}`, 'iy');
    afterNames.set(typePattern.source, re);
  }
  return re;
}

function retypeColumnByRegExp(text: string, column: string, typePattern: RegExp, replacement: string): string | undefined {
  const name = escapeRegExp(column);
  const re = new RegExp(`((?:^|[\\s,(])"?${name}"?\\s+(?:TYPE\\s+|SET\\s+DATA\\s+TYPE\\s+)?)${typePattern.source}`, 'i');
  const replaced = text.replace(re, `$1${replacement}`);
  return replaced === text ? undefined : replaced;
}
