// Static rollback review: does the down migration undo what the up migration did? Compares the
// objects the up creates, adds or renames with what the down drops or renames back, and says
// plainly when the up destroys data no rollback can bring back. The dry-run checks the same
// thing for real (rollback-incomplete); this works without a database.
import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, CreateEnumStmt, DeleteStmt, IndexElem, IndexStmt, InsertStmt, Node, RangeVar, SelectStmt } from '@pgsql/types';
import { classify } from '../analyze/classify.js';
import { as, columnRefs, isAlwaysTrue, nodeTag, qualifiedFromList, relationName, stringList } from '../analyze/ast.js';
import { newRunState } from '../analyze/track.js';
import type { ServerVersion } from '../config/defaults.js';
import type { Finding, Migration, Operation, ParsedSource, Statement } from '../core/types.js';
import { needsNoRollback } from './needs-rollback.js';

export interface RollbackReview {
  findings: Finding[];
  /** The up migration destroys data: its rollback can restore structure, not contents. */
  irreversible: boolean;
  /**
   * The rollback-destroys-data findings with what each destroys (`schema.table` or
   * `schema.table.column`): one a later migration of the set creates was not there before this
   * migration ran (pop's split groups, whose downs pair in reverse), see laterCreated.
   */
  destroys?: ReadonlyArray<{ finding: Finding; object: string }>;
}

/** The tables and `table.column`s `ops` create: what a rollback of an earlier migration may drop without losing older data. */
export function createdObjects(ops: readonly Operation[]): string[] {
  const out: string[] = [];
  for (const o of ops) {
    if (!o.table) continue;
    if (o.kind === 'CREATE_TABLE' || o.kind === 'CREATE_MATERIALIZED_VIEW') out.push(o.table);
    else if (o.kind.startsWith('ADD_COLUMN') && o.columnName) out.push(`${o.table}.${o.columnName}`);
  }
  return out;
}

/** What an up migration leaves behind that its rollback must take away. */
interface Created {
  what: string;
  /** Any of these in the down undoes it. */
  undoneBy: string[];
  line: number;
  column: number;
  statement: number;
}

/**
 * The statements' operations, classified with no history before them: what they create, drop
 * and rename, which is what the review reads of a file it holds against another.
 */
export function classifyAlone(statements: readonly Statement[], version: ServerVersion): Array<{ s: Statement; ops: Operation[] }> {
  const state = newRunState(version);
  return statements.map((s) => ({ s, ops: classify(s, state) }));
}

export function reviewRollback(m: Migration, up: ParsedSource, down: ParsedSource | null, upOps: readonly Operation[], version: ServerVersion): RollbackReview {
  const findings: Finding[] = [];
  const destroying = upOps.filter((o) => ['DROP_TABLE', 'DROP_COLUMN', 'TRUNCATE', 'DELETE_ROWS', 'DROP_SCHEMA'].includes(o.kind) && !o.targetIsNew);
  const irreversible = destroying.length > 0;
  for (const o of destroying) {
    findings.push({
      rule: 'rollback-data-loss',
      risk: 'CAUTION',
      line: o.line,
      column: o.column,
      path: m.up.path,
      statement: o.statement,
      message: `${describeDestroy(o)}: a rollback can recreate the structure, not the data; this migration is irreversible`,
      suggestion: 'take a backup (or copy the data to an archive table) before running it, and say in the rollback that the data is gone',
    });
  }

  if (m.rollbackStatus !== 'present' || !down) return { findings, irreversible };
  const downStatements = down.statements.filter((s) => !s.nestedIn);
  if (downStatements.length === 0 && down.errors.length === 0) {
    // Nothing to undo, nothing undone: an empty rollback is the right rollback.
    if (needsNoRollback(up, upOps)) return { findings, irreversible };
    findings.push({
      rule: 'rollback-empty',
      risk: 'CAUTION',
      line: 1,
      column: 1,
      path: down.path,
      message: `the rollback ${down.path} has no statements, so rolling back does nothing`,
      suggestion: 'write the statements that undo the migration, or say in the layout configuration that this folder has no rollbacks',
    });
    return { findings, irreversible };
  }

  const opsByStatement = classifyAlone(downStatements, version);
  const downOps = opsByStatement.flatMap((x) => x.ops);
  const undone = new Set(downOps.flatMap(undoKeys).concat(downStatements.flatMap(undoKeysFromAst)));
  const destroys = destroyedByRollback(down.path, opsByStatement, up.statements, upOps);
  findings.push(...destroys.map((d) => d.finding));
  for (const c of createdBy(up.statements, upOps)) {
    if (c.undoneBy.some((k) => undone.has(k))) continue;
    findings.push({
      rule: 'rollback-mismatch',
      risk: 'CAUTION',
      line: c.line,
      column: c.column,
      path: m.up.path,
      statement: c.statement,
      message: `${c.what} is not undone by the rollback ${down.path}`,
      suggestion: `add to ${down.path} the statement that removes ${c.what}`,
    });
  }
  return { findings, irreversible, ...(destroys.length ? { destroys } : {}) };
}

/**
 * What the rollback destroys that its migration did not make: a table, a column or a schema it
 * drops, a table it truncates or deletes every row of. The migration's own objects (and those the
 * rollback itself creates) are its to drop.
 */
function destroyedByRollback(path: string, downOps: ReadonlyArray<{ s: Statement; ops: Operation[] }>, upStatements: readonly Statement[], upOps: readonly Operation[]): Array<{ finding: Finding; object: string }> {
  // The migration's tables: created (also by SELECT INTO), or renamed to (a backup of the old one).
  const tables = new Set<string>();
  for (const o of upOps) {
    if ((o.kind === 'CREATE_TABLE' || o.kind === 'CREATE_MATERIALIZED_VIEW') && o.table) tables.add(o.table);
    if (o.kind === 'RENAME_TABLE' && o.table && o.typeName) tables.add(`${o.table.split('.')[0]}.${o.typeName.toLowerCase()}`);
  }
  for (const st of upStatements) {
    const into = relationName(as<{ intoClause?: { rel?: RangeVar } }>(st.ast, 'SelectStmt')?.intoClause?.rel);
    if (into) tables.add(into);
  }
  const columns = new Set(upOps.filter((o) => o.kind.startsWith('ADD_COLUMN') && o.table && o.columnName).map((o) => `${o.table}.${o.columnName}`));
  const schemas = new Set(upStatements.map((st) => as<{ schemaname?: string }>(st.ast, 'CreateSchemaStmt')?.schemaname).filter((n): n is string => !!n));
  // A table the rollback renames is still the table it was: dropping it drops that one.
  const renamedFrom = new Map<string, string>();
  const original = (table: string): string => renamedFrom.get(table) ?? table;
  // Likewise a column it renames (hydra's rollbacks rename the migration's new `pk` to `pk_tmp`,
  // then drop `pk_tmp`): keyed `table.column` by the names the rollback gave, to the first name.
  const columnFrom = new Map<string, string>();
  const originalColumn = (table: string, column: string): string => columnFrom.get(`${original(table)}.${column}`) ?? column;
  const made = (table: string | undefined) => !table || tables.has(original(table)) || schemas.has(original(table).split('.')[0]!);
  // Emptied and then filled from a table of the migration's (a backup it took): restored, not lost.
  const restored = (table: string, from: number): boolean =>
    downOps.slice(from + 1).some(({ s }) => {
      const insert = as<InsertStmt>(s.ast, 'InsertStmt');
      if (!insert || relationName(insert.relation) !== table) return false;
      const sources = as<SelectStmt>(insert.selectStmt, 'SelectStmt')?.fromClause ?? [];
      return sources.some((n) => {
        const source = relationName(as<RangeVar>(n, 'RangeVar'));
        return source !== undefined && tables.has(original(source));
      });
    });
  const out: Array<{ finding: Finding; object: string }> = [];
  for (const [i, { s, ops }] of downOps.entries()) {
    for (const o of ops) {
      if (o.kind === 'RENAME_TABLE' && o.table && o.typeName) renamedFrom.set(`${o.table.split('.')[0]}.${o.typeName.toLowerCase()}`, original(o.table));
      if (o.kind === 'RENAME_COLUMN' && o.table && o.columnName && o.typeName) columnFrom.set(`${original(o.table)}.${o.typeName}`, originalColumn(o.table, o.columnName));
      if (o.targetIsNew) continue;
      let what: string | undefined;
      if (o.kind === 'DROP_TABLE' && !made(o.table)) what = `drops table ${o.table}`;
      else if (o.kind === 'TRUNCATE' && !made(o.table) && !restored(o.table!, i)) what = `empties table ${o.table}`;
      else if (o.kind === 'DROP_COLUMN' && !made(o.table) && !columns.has(`${original(o.table!)}.${originalColumn(o.table!, o.columnName!)}`)) what = `drops column ${o.columnName} of ${o.table}`;
      else if (o.kind === 'DROP_SCHEMA' && o.typeName && !schemas.has(o.typeName.split('.').pop()!)) what = `drops schema ${o.typeName.split('.').pop()} and everything in it`;
      else if (o.kind === 'DELETE_ROWS' && !made(o.table) && !restored(o.table!, i)) {
        const where = as<DeleteStmt>(s.ast, 'DeleteStmt')?.whereClause;
        if (!where || isAlwaysTrue(where)) what = `deletes every row of ${o.table}`;
      }
      if (!what) continue;
      const object = o.kind === 'DROP_SCHEMA' ? `${o.typeName!.split('.').pop()}` : o.kind === 'DROP_COLUMN' ? `${original(o.table!)}.${originalColumn(o.table!, o.columnName!)}` : original(o.table!);
      out.push({ object, finding: {
        rule: 'rollback-destroys-data',
        risk: 'DANGEROUS',
        line: s.line,
        column: s.column,
        path,
        statement: s.index,
        message: `the rollback ${what}, which its migration did not create: rolling back destroys data that was there before the migration ran`,
        suggestion: 'make the rollback undo only what its migration did: drop what it created, rename back what it renamed',
      } });
    }
  }
  return out;
}

function describeDestroy(o: Operation): string {
  switch (o.kind) {
    case 'DROP_TABLE': return `drops table ${o.table}`;
    case 'DROP_COLUMN': return `drops column ${o.columnName} of ${o.table}`;
    case 'TRUNCATE': return `empties table ${o.table}`;
    case 'DELETE_ROWS': return `deletes rows of ${o.table}`;
    default: return 'drops a schema and everything in it';
  }
}

function createdBy(statements: readonly Statement[], ops: readonly Operation[]): Created[] {
  const out: Created[] = [];
  const at = (o: Operation) => ({ line: o.line, column: o.column, statement: o.statement });
  const newTables = new Set(ops.filter((o) => o.kind === 'CREATE_TABLE' && o.table).map((o) => o.table!));
  const byIndex = new Map(statements.map((s) => [s.index, s]));
  for (const o of ops) {
    const dropTable = o.table ? [`table:${o.table}`] : [];
    switch (o.kind) {
      case 'CREATE_TABLE': case 'CREATE_MATERIALIZED_VIEW':
        if (o.table) out.push({ what: `table ${o.table}`, undoneBy: [`table:${o.table}`, `schema:${o.table.split('.')[0]}`], ...at(o) });
        break;
      case 'ADD_COLUMN_NULLABLE': case 'ADD_COLUMN_NOT_NULL': case 'ADD_COLUMN_VOLATILE_DEFAULT':
        if (o.table && o.columnName && !newTables.has(o.table)) out.push({ what: `column ${o.table}.${o.columnName}`, undoneBy: [`column:${o.table}.${o.columnName}`, ...dropTable], ...at(o) });
        break;
      // Postgres drops the indexes and constraints that involve a column with the column.
      case 'CREATE_INDEX': case 'CREATE_INDEX_CONCURRENTLY':
        if (o.indexName && o.table && !newTables.has(o.table)) out.push({ what: `index ${o.indexName}`, undoneBy: [`index:${o.indexName}`, `index:public.${o.indexName.split('.').pop()}`, ...dropTable, ...droppedWith(o.table, indexColumns(byIndex.get(o.statement)))], ...at(o) });
        break;
      case 'ADD_FOREIGN_KEY': case 'ADD_CHECK': case 'ADD_UNIQUE': case 'ADD_PRIMARY_KEY': case 'ADD_EXCLUSION':
        if (o.constraintName && o.table && !newTables.has(o.table)) out.push({ what: `constraint ${o.constraintName} on ${o.table}`, undoneBy: [`constraint:${o.table}.${o.constraintName}`, ...dropTable, ...droppedWith(o.table, constraintColumns(byIndex.get(o.statement), o.constraintName))], ...at(o) });
        break;
      case 'CREATE_VIEW':
        if (o.table) out.push({ what: `view ${o.table}`, undoneBy: [`table:${o.table}`], ...at(o) });
        break;
      // Renamed back, or the new name dropped (a rollback that rebuilds the old table and drops
      // the new one). When the up dropped what had the new name first (lemmy's
      // no-individual-inboxes: DROP COLUMN inbox_url, RENAME shared_inbox_url TO inbox_url), the
      // rollback that adds the old name back restores the shape: both names, as before.
      case 'RENAME_TABLE':
        if (o.table && o.typeName) {
          const renamed = `${o.table.split('.')[0]}.${o.typeName}`;
          const replaced = droppedBefore(ops, o, (d) => d.kind === 'DROP_TABLE' && d.table === renamed);
          out.push({ what: `the rename of ${o.table} to ${o.typeName}`, undoneBy: [`rename:${renamed}->${o.table.split('.').pop()}`, `table:${renamed}`, ...(replaced ? [`create-table:${o.table}`] : [])], ...at(o) });
        }
        break;
      case 'RENAME_COLUMN':
        if (o.table && o.columnName && o.typeName) {
          const replaced = droppedBefore(ops, o, (d) => d.kind === 'DROP_COLUMN' && d.table === o.table && d.columnName === o.typeName);
          out.push({ what: `the rename of column ${o.table}.${o.columnName} to ${o.typeName}`, undoneBy: [`rename-column:${o.table}.${o.typeName}->${o.columnName}`, `column:${o.table}.${o.typeName}`, ...dropTable, ...(replaced ? [`add-column:${o.table}.${o.columnName}`] : [])], ...at(o) });
        }
        break;
      default:
        break;
    }
  }
  for (const s of statements) {
    if (s.nestedIn) continue;
    const e = as<CreateEnumStmt>(s.ast, 'CreateEnumStmt');
    const typeName = e ? qualifiedFromList(e.typeName) : qualifiedFromList(as<{ typeName?: Node[] }>(s.ast, 'CompositeTypeStmt')?.typeName);
    if (typeName) out.push({ what: `type ${typeName}`, undoneBy: [`type:${typeName}`, `schema:${typeName.split('.')[0]}`], line: s.line, column: s.column, statement: s.index });
  }
  return out;
}

/** True when an operation before `o` (in an earlier statement, or earlier in the same one) matches. */
function droppedBefore(ops: readonly Operation[], o: Operation, match: (d: Operation) => boolean): boolean {
  const at = ops.indexOf(o);
  return ops.some((d, i) => i < at && d.statement <= o.statement && match(d));
}

/** Undo keys of the columns whose drop takes an index or constraint with it. */
function droppedWith(table: string, columns: readonly string[]): string[] {
  return columns.map((c) => `column:${table}.${c}`);
}

/** The columns a CREATE INDEX involves: its keys, expressions and predicate. */
function indexColumns(s: Statement | undefined): string[] {
  const ix = s ? as<IndexStmt>(s.ast, 'IndexStmt') : undefined;
  if (!ix) return [];
  return columnRefs(ix.whereClause, elemColumns(ix.indexParams));
}

/** The columns index elements (of an index or an EXCLUDE constraint) name or read. */
function elemColumns(elems: unknown, out: string[] = []): string[] {
  if (Array.isArray(elems)) elems.forEach((e) => elemColumns(e, out));
  else if (elems && typeof elems === 'object') {
    const e = as<IndexElem>(elems as Node, 'IndexElem');
    if (!e) Object.values(elems).forEach((v) => elemColumns(v, out));
    else {
      if (e.name && !out.includes(e.name)) out.push(e.name);
      if (e.expr) columnRefs(e.expr, out);
    }
  }
  return out;
}

/** The columns the constraint `name` added by this ALTER TABLE involves (its keys, its CHECK, or the column it is declared on). */
function constraintColumns(s: Statement | undefined, name: string): string[] {
  const out: string[] = [];
  for (const cmd of (s ? as<AlterTableStmt>(s.ast, 'AlterTableStmt')?.cmds : undefined) ?? []) {
    const c = as<AlterTableCmd>(cmd, 'AlterTableCmd');
    const def = as<ColumnDef>(c?.def, 'ColumnDef');
    const constraints = def ? (def.constraints ?? []).map((n) => as<Constraint>(n, 'Constraint')) : [as<Constraint>(c?.def, 'Constraint')];
    for (const k of constraints) {
      if (!k || (k.conname !== undefined && k.conname !== name)) continue;
      if (def?.colname && !out.includes(def.colname)) out.push(def.colname);
      for (const list of [k.keys, k.fk_attrs, k.including]) for (const n of stringList(list)) if (!out.includes(n)) out.push(n);
      columnRefs(k.raw_expr, out);
      elemColumns(k.exclusions, out);
    }
  }
  return out;
}

function undoKeys(o: Operation): string[] {
  switch (o.kind) {
    case 'DROP_TABLE': case 'DROP_VIEW': return o.table ? [`table:${o.table}`] : [];
    case 'DROP_COLUMN': return o.table && o.columnName ? [`column:${o.table}.${o.columnName}`] : [];
    case 'DROP_INDEX': case 'DROP_INDEX_CONCURRENTLY': return o.indexName ? [`index:${o.indexName}`] : [];
    case 'DROP_CONSTRAINT': return o.table && o.constraintName ? [`constraint:${o.table}.${o.constraintName}`] : [];
    case 'DROP_TYPE': return o.typeName ? [`type:${o.typeName}`] : [];
    case 'DROP_SCHEMA': return o.typeName ? [`schema:${o.typeName.split('.').pop()}`] : [];
    // A rename takes the old name away as a drop does: what the up created under it is gone
    // (renamed aside and dropped, or renamed back to the name the up had replaced).
    case 'RENAME_TABLE': return o.table && o.typeName ? [`rename:${o.table}->${o.typeName}`, `table:${o.table}`] : [];
    case 'RENAME_COLUMN': return o.table && o.columnName && o.typeName ? [`rename-column:${o.table}.${o.columnName}->${o.typeName}`, `column:${o.table}.${o.columnName}`] : [];
    case 'RENAME_INDEX': return o.indexName ? [`index:${o.indexName}`] : [];
    // What the rollback brings back under a name a rename took over (see createdBy).
    case 'ADD_COLUMN_NULLABLE': case 'ADD_COLUMN_NOT_NULL': case 'ADD_COLUMN_VOLATILE_DEFAULT': return o.table && o.columnName ? [`add-column:${o.table}.${o.columnName}`] : [];
    case 'CREATE_TABLE': return o.table ? [`create-table:${o.table}`] : [];
    default: return [];
  }
}

/**
 * DROP VIEW / MATERIALIZED VIEW name their relation differently from tables, and ALTER TYPE ...
 * RENAME TO classifies as no operation; read them here.
 */
function undoKeysFromAst(s: Statement): string[] {
  const t = nodeTag(s.ast);
  if (t?.[0] === 'RenameStmt') {
    const r = t[1] as { renameType?: string; object?: Node };
    if (r.renameType !== 'OBJECT_TYPE' && r.renameType !== 'OBJECT_DOMAIN') return [];
    const name = qualifiedFromList(as<{ items?: Node[] }>(r.object, 'List')?.items);
    return name ? [`type:${name}`] : [];
  }
  if (t?.[0] !== 'DropStmt') return [];
  const d = t[1] as { removeType?: string; objects?: Node[] };
  if (d.removeType !== 'OBJECT_MATVIEW') return [];
  return (d.objects ?? []).map((o) => `table:${qualifiedFromList(as<{ items?: Node[] }>(o, 'List')?.items) ?? ''}`);
}

