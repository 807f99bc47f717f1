// Statement -> operations: what each statement does to the schema, on which table, under
// which table lock. Risk is not decided here (rules do that); every operation starts SAFE.
// Lock levels follow the PostgreSQL documentation ("Explicit Locking", and each command's page).
import type {
  AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, CreateStmt, DropStmt, IndexStmt, Node,
  RangeVar, ReindexStmt, RenameStmt, TypeName, VacuumStmt, VariableSetStmt, ViewStmt,
} from '@pgsql/types';
import type { LockMode, Operation, OperationKind, Statement } from '../core/types.js';
import { sharedName, type AnalysisState } from './state.js';
import { as, functionsCalled, isAlwaysFalse, isConstantExpr, nodeTag, optionOn, qualifiedFromList, relationName, stringList, typeBase, typeNameText } from './ast.js';
import { passedThrough } from './rename-view.js';
import { sqlOf } from './rule-helpers.js';
import { serialType } from './serial-types.js';
import { expressionVolatility } from './volatility.js';

type Draft = Omit<Operation, 'risk' | 'rules' | 'statement' | 'line' | 'column'>;

/** Most operations no rule names: they share one empty, frozen list (a file holds 10^5 operations); a rule's hit gives its operations lists of their own. */
const NO_RULES: readonly string[] = Object.freeze([]);

export function classify(stmt: Statement, state: Readonly<AnalysisState>): Operation[] {
  const drafts = classifyNode(stmt.ast, state);
  return drafts.map((d) => {
    const o: Operation = { ...d, risk: 'SAFE', rules: NO_RULES, statement: stmt.index, line: stmt.line, column: stmt.column };
    // Assigned, not spread from a second object literal: one operation per statement of a large
    // file. A draft with a table has the key, so `table` keeps its place among the draft's keys.
    if (d.table !== undefined) {
      o.table = sharedName(state, d.table);
      o.targetIsNew = isNewTable(d.table, state) || d.targetIsNew === true;
    }
    return o;
  });
}

function isNewTable(table: string, state: Readonly<AnalysisState>): boolean {
  return state.newTables.has(table) || (state.newSchemas.size > 0 && state.newSchemas.has(table.split('.')[0] ?? ''));
}

/**
 * The SQL that undoes CREATE OR REPLACE VIEW `name` (Operation.viewBefore): DROP VIEW when the
 * run knows no view of that name; the view's previous definition made again when the run saw it
 * (in place, CREATE OR REPLACE, when both definitions name the same columns: OR REPLACE keeps
 * the view's grants and what depends on it, but cannot take columns away; else dropped and
 * created); undefined when a view exists whose definition the run does not know.
 */
function viewBefore(view: ViewStmt, name: string, state: Readonly<AnalysisState>): string[] | undefined {
  const at = sqlOf({ RangeVar: view.view } as Node)?.replace(/^\s*/, '');
  if (!at) return undefined;
  if (!state.views?.has(name)) return [`DROP VIEW IF EXISTS ${at}`];
  const old = state.viewDefinitions?.get(name);
  if (!old) return undefined;
  const oldColumns = viewColumns(old);
  const same = oldColumns !== undefined && oldColumns.join('\0') === viewColumns(view)?.join('\0');
  const make = sqlOf({ ViewStmt: { ...old, view: view.view, replace: same } } as Node);
  if (!make) return undefined;
  return same ? [make] : [`DROP VIEW IF EXISTS ${at}`, make];
}

/** The names of a view's columns, in order, where the statement says them all (no `*`, no unnamed expression). */
function viewColumns(view: ViewStmt): string[] | undefined {
  const select = as<{ targetList?: Node[]; op?: string }>(view.query, 'SelectStmt');
  if (!select?.targetList || (select.op && select.op !== 'SETOP_NONE')) return undefined;
  const names: string[] = [];
  for (const t of select.targetList) {
    const r = as<{ name?: string; val?: Node }>(t, 'ResTarget');
    // A column reference is named after its column; `*` or an expression has no name to compare.
    const last = as<{ fields?: Node[] }>(r?.val, 'ColumnRef')?.fields?.at(-1);
    const name = r?.name ?? as<{ sval?: string }>(last, 'String')?.sval;
    if (!name) return undefined;
    names.push(name);
  }
  const aliases = stringList(view.aliases);
  return names.map((n, i) => aliases[i] ?? n);
}

function op(kind: OperationKind, fields: Partial<Draft> = {}): Draft {
  return { kind, ...fields };
}

function classifyNode(ast: Node, state: Readonly<AnalysisState>): Draft[] {
  const t = nodeTag(ast);
  if (!t) return [op('OTHER')];
  const [tag, v] = t;
  switch (tag) {
    case 'CreateStmt': return [createTable(v as CreateStmt)];
    case 'CreateTableAsStmt': {
      const into = (v as { into?: { rel?: RangeVar } ; objtype?: string }).into;
      const kind = (v as { objtype?: string }).objtype === 'OBJECT_MATVIEW' ? 'CREATE_MATERIALIZED_VIEW' : 'CREATE_TABLE';
      return [op(kind, { table: relationName(into?.rel) })];
    }
    case 'AlterTableStmt': return alterTable(v as AlterTableStmt, state);
    case 'IndexStmt': return [createIndex(v as IndexStmt)];
    case 'DropStmt': return drop(v as DropStmt);
    case 'RenameStmt': return [rename(v as RenameStmt)];
    case 'ReindexStmt': return [reindex(v as ReindexStmt)];
    case 'VacuumStmt': return vacuum(v as VacuumStmt);
    case 'ClusterStmt': return [op('CLUSTER', { table: relationName((v as { relation?: RangeVar }).relation), lock: 'AccessExclusiveLock' })];
    case 'TruncateStmt': {
      const rels = ((v as { relations?: Node[] }).relations ?? []).map((r) => relationName(as<RangeVar>(r, 'RangeVar')));
      return rels.map((table) => op('TRUNCATE', { table, lock: 'AccessExclusiveLock' }));
    }
    case 'UpdateStmt': return [op('UPDATE_VALUES', { table: relationName((v as { relation?: RangeVar }).relation), lock: 'RowExclusiveLock' })];
    // A WHERE no row can pass (`NULL IS NOT NULL`, `false`) deletes nothing: no rows to lose or restore.
    case 'DeleteStmt': return [op(isAlwaysFalse((v as { whereClause?: Node }).whereClause) ? 'OTHER' : 'DELETE_ROWS', { table: relationName((v as { relation?: RangeVar }).relation), lock: 'RowExclusiveLock' })];
    case 'InsertStmt': return [op('INSERT_ROWS', { table: relationName((v as { relation?: RangeVar }).relation), lock: 'RowExclusiveLock' })];
    case 'MergeStmt': return [op('UPDATE_VALUES', { table: relationName((v as { relation?: RangeVar }).relation), lock: 'RowExclusiveLock' })];
    case 'CopyStmt': return [op('INSERT_ROWS', { table: relationName((v as { relation?: RangeVar }).relation), lock: 'RowExclusiveLock' })];
    case 'CompositeTypeStmt': return [op('CREATE_TYPE', { typeName: relationName((v as { typevar?: RangeVar }).typevar) })];
    case 'CreateEnumStmt': case 'CreateRangeStmt': return [op('CREATE_TYPE', { typeName: qualifiedFromList((v as { typeName?: Node[] }).typeName) })];
    case 'AlterEnumStmt': {
      const e = v as { oldVal?: string; newVal?: string };
      return [op(e.oldVal ? 'ALTER_TYPE_RENAME_VALUE' : 'ALTER_TYPE_ADD_VALUE', { typeName: qualifiedFromList((v as { typeName?: Node[] }).typeName) })];
    }
    case 'CreateDomainStmt': return [op('CREATE_DOMAIN', { typeName: qualifiedFromList((v as { domainname?: Node[] }).domainname) })];
    case 'AlterDomainStmt': return [op('ALTER_DOMAIN', { typeName: qualifiedFromList((v as { typeName?: Node[] }).typeName) })];
    case 'ViewStmt': {
      // CREATE OR REPLACE VIEW of a view that exists locks it ACCESS EXCLUSIVE (measured on 15).
      const view = v as ViewStmt;
      const name = relationName(view.view);
      const viewOf = passedThrough(view.query);
      const before = view.replace && name ? viewBefore(view, name, state) : undefined;
      return [op('CREATE_VIEW', { table: name, ...(view.replace && name && state.views?.has(name) ? { lock: 'AccessExclusiveLock' as const } : {}), ...(viewOf ? { viewOf } : {}), ...(before ? { viewBefore: before } : {}) })];
    }
    case 'RefreshMatViewStmt': {
      const r = v as { concurrent?: boolean; relation?: RangeVar };
      return [op('REFRESH_MATERIALIZED_VIEW', { table: relationName(r.relation), lock: r.concurrent ? 'ExclusiveLock' : 'AccessExclusiveLock' })];
    }
    // CREATE RULE rewrites the table's queries: ACCESS EXCLUSIVE on it (pg_locks on 15).
    case 'RuleStmt': return [op('OTHER', { table: relationName((v as { relation?: RangeVar }).relation), lock: 'AccessExclusiveLock' })];
    case 'AlterObjectSchemaStmt': {
      // ALTER TABLE / VIEW / SEQUENCE ... SET SCHEMA moves the relation under ACCESS EXCLUSIVE (pg_locks on 15).
      const a = v as { objectType?: string; relation?: RangeVar };
      const relation = a.objectType === 'OBJECT_TABLE' || a.objectType === 'OBJECT_VIEW' || a.objectType === 'OBJECT_MATVIEW' || a.objectType === 'OBJECT_FOREIGN_TABLE';
      return [op('OTHER', relation ? { table: relationName(a.relation), lock: 'AccessExclusiveLock' } : {})];
    }
    case 'CreateFunctionStmt': return [op('CREATE_FUNCTION')];
    case 'CreateTrigStmt': return [op('CREATE_TRIGGER', { table: relationName((v as { relation?: RangeVar }).relation), lock: 'ShareRowExclusiveLock' })];
    case 'CreateExtensionStmt': return [op('CREATE_EXTENSION')];
    case 'CreateSchemaStmt': return [op('CREATE_SCHEMA')];
    case 'CreateSeqStmt': return [op('CREATE_SEQUENCE')];
    case 'AlterSeqStmt': return [op('ALTER_SEQUENCE')];
    case 'CreatePolicyStmt': case 'AlterPolicyStmt':
      return [op('CREATE_POLICY', { table: relationName((v as { table?: RangeVar }).table), lock: 'AccessExclusiveLock' })];
    case 'GrantStmt': case 'GrantRoleStmt': case 'AlterDefaultPrivilegesStmt': return [op('GRANT')];
    case 'CommentStmt': return [op('COMMENT')];
    case 'VariableSetStmt': return [op('SET_SETTING', { columnName: (v as VariableSetStmt).name })];
    case 'TransactionStmt': return [op('TRANSACTION_CONTROL')];
    case 'DoStmt': return [op('DO_BLOCK')];
    case 'DropdbStmt': return [op('DROP_DATABASE')];
    case 'AlterOwnerStmt': return [op('ALTER_OWNER')];
    case 'CreatedbStmt': case 'CreateRoleStmt': case 'AlterRoleStmt': case 'DropRoleStmt':
    case 'SelectStmt': case 'CallStmt': case 'LockStmt': case 'NotifyStmt': case 'ExplainStmt':
    default:
      return [op('OTHER', tag === 'LockStmt' ? lockStmt(v) : {})];
  }
}

function lockStmt(v: Record<string, unknown>): Partial<Draft> {
  const rels = ((v.relations as Node[] | undefined) ?? []).map((r) => relationName(as<RangeVar>(r, 'RangeVar')));
  const modes: LockMode[] = ['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];
  const mode = modes[((v.mode as number | undefined) ?? 8) - 1] ?? 'AccessExclusiveLock';
  return { table: rels[0], lock: mode };
}

function createTable(v: CreateStmt): Draft {
  const table = relationName(v.relation);
  if (v.partbound) return op('ATTACH_PARTITION', { table, targetIsNew: true, lock: 'ShareUpdateExclusiveLock' });
  return op('CREATE_TABLE', { table });
}

function createIndex(v: IndexStmt): Draft {
  const table = relationName(v.relation);
  const indexName = v.idxname ? qualifiedName2(v.relation?.schemaname, v.idxname) : undefined;
  return v.concurrent
    ? op('CREATE_INDEX_CONCURRENTLY', { table, indexName, lock: 'ShareUpdateExclusiveLock' })
    : op('CREATE_INDEX', { table, indexName, lock: 'ShareLock' });
}

function qualifiedName2(schema: string | undefined, name: string): string {
  return `${schema ?? 'public'}.${name}`;
}

function dropObjects(v: DropStmt): string[] {
  return (v.objects ?? []).map((o) => {
    const list = as<{ items?: Node[] }>(o, 'List');
    if (list) return qualifiedFromList(list.items) ?? '';
    const s = as<{ sval?: string }>(o, 'String');
    if (s) return s.sval ?? '';
    const tn = as<TypeName>(o, 'TypeName');
    if (tn) return qualifiedFromList(tn.names) ?? '';
    const owa = as<{ objname?: Node[] }>(o, 'ObjectWithArgs');
    if (owa) return qualifiedFromList(owa.objname) ?? '';
    return '';
  });
}

function drop(v: DropStmt): Draft[] {
  const names = dropObjects(v);
  const each = (kind: OperationKind, fields: (name: string) => Partial<Draft>) => names.map((n) => op(kind, fields(n)));
  switch (v.removeType) {
    case 'OBJECT_TABLE': case 'OBJECT_FOREIGN_TABLE': return each('DROP_TABLE', (n) => ({ table: n, lock: 'AccessExclusiveLock' }));
    case 'OBJECT_INDEX':
      return each(v.concurrent ? 'DROP_INDEX_CONCURRENTLY' : 'DROP_INDEX', (n) => ({
        indexName: n, lock: v.concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock',
      }));
    case 'OBJECT_VIEW': case 'OBJECT_MATVIEW': return each('DROP_VIEW', (n) => ({ table: n, lock: 'AccessExclusiveLock' }));
    case 'OBJECT_SCHEMA': return each('DROP_SCHEMA', (n) => ({ typeName: n }));
    case 'OBJECT_TYPE': case 'OBJECT_DOMAIN': return each('DROP_TYPE', (n) => ({ typeName: n }));
    case 'OBJECT_TRIGGER': case 'OBJECT_POLICY': case 'OBJECT_RULE': {
      // DROP TRIGGER / POLICY / RULE name ON table: the list is [schema?, table, name], and each
      // locks its table ACCESS EXCLUSIVE (pg_locks on 15).
      return (v.objects ?? []).map((o) => {
        const parts = stringList(as<{ items?: Node[] }>(o, 'List')?.items);
        const table = parts.length >= 2 ? qualifiedFromList(parts.slice(0, -1).map((sval) => ({ String: { sval } }) as Node)) : undefined;
        return op(v.removeType === 'OBJECT_TRIGGER' ? 'DROP_TRIGGER' : 'OTHER', { table, lock: 'AccessExclusiveLock' });
      });
    }
    case 'OBJECT_FUNCTION': case 'OBJECT_PROCEDURE': case 'OBJECT_ROUTINE': return each('DROP_FUNCTION', () => ({}));
    case 'OBJECT_SEQUENCE': return each('DROP_SEQUENCE', () => ({}));
    case 'OBJECT_EXTENSION': return each('DROP_EXTENSION', () => ({}));
    default: return [op('OTHER')];
  }
}

function rename(v: RenameStmt): Draft {
  const table = relationName(v.relation);
  switch (v.renameType) {
    case 'OBJECT_TABLE': case 'OBJECT_VIEW': case 'OBJECT_MATVIEW': case 'OBJECT_FOREIGN_TABLE':
      return op('RENAME_TABLE', { table, lock: 'AccessExclusiveLock', typeName: v.newname });
    case 'OBJECT_COLUMN':
      return op('RENAME_COLUMN', { table, columnName: v.subname, typeName: v.newname, lock: 'AccessExclusiveLock' });
    case 'OBJECT_SCHEMA': return op('RENAME_SCHEMA', { typeName: v.newname });
    case 'OBJECT_INDEX': return op('RENAME_INDEX', { indexName: table, lock: 'ShareUpdateExclusiveLock' });
    case 'OBJECT_TABCONSTRAINT': return op('RENAME_CONSTRAINT', { table, constraintName: v.subname, lock: 'AccessExclusiveLock' });
    case 'OBJECT_TYPE': case 'OBJECT_DOMAIN': return op('OTHER');
    // ALTER TRIGGER / POLICY / RULE ... ON table RENAME: ACCESS EXCLUSIVE on the table (pg_locks on 15).
    case 'OBJECT_TRIGGER': case 'OBJECT_POLICY': case 'OBJECT_RULE': return op('OTHER', { table, lock: 'AccessExclusiveLock' });
    default: return op('OTHER', { table });
  }
}

function reindex(v: ReindexStmt): Draft {
  const concurrently = optionOn(v.params, 'concurrently');
  const target = relationName(v.relation) ?? v.name;
  const isIndex = v.kind === 'REINDEX_OBJECT_INDEX';
  return op('REINDEX', {
    ...(isIndex ? { indexName: target } : { table: target }),
    lock: concurrently ? 'ShareUpdateExclusiveLock' : isIndex ? 'AccessExclusiveLock' : 'ShareLock',
  });
}

function vacuum(v: VacuumStmt): Draft[] {
  const full = optionOn(v.options, 'full');
  const rels = (v.rels ?? []).map((r) => relationName(as<{ relation?: RangeVar }>(r, 'VacuumRelation')?.relation));
  const kind: OperationKind = !v.is_vacuumcmd ? 'ANALYZE' : full ? 'VACUUM_FULL' : 'VACUUM';
  const lock: LockMode = full ? 'AccessExclusiveLock' : 'ShareUpdateExclusiveLock';
  if (rels.length === 0) return [op(kind, { lock })];
  return rels.map((table) => op(kind, { table, lock }));
}

// ---------------------------------------------------------------------------------------------
// ALTER TABLE: one operation per sub-command

function alterTable(v: AlterTableStmt, state: Readonly<AnalysisState>): Draft[] {
  const table = relationName(v.relation);
  if (v.objtype === 'OBJECT_INDEX') {
    return [op('OTHER', { indexName: table, lock: 'ShareUpdateExclusiveLock' })];
  }
  if (v.objtype === 'OBJECT_TYPE') return [op('OTHER', { typeName: table })];
  const cmds = (v.cmds ?? []).map((c) => as<AlterTableCmd>(c, 'AlterTableCmd')).filter((c): c is AlterTableCmd => !!c);
  return cmds.map((c) => alterCmd(c, table, state));
}

function alterCmd(c: AlterTableCmd, table: string | undefined, state: Readonly<AnalysisState>): Draft {
  const base = { table, columnName: c.name };
  const AEL: LockMode = 'AccessExclusiveLock';
  switch (c.subtype) {
    case 'AT_AddColumn': return addColumn(as<ColumnDef>(c.def, 'ColumnDef'), table, state);
    case 'AT_DropColumn': return op('DROP_COLUMN', { ...base, lock: AEL });
    case 'AT_AlterColumnType': {
      const def = as<ColumnDef>(c.def, 'ColumnDef');
      return op('ALTER_COLUMN_TYPE', { ...base, typeName: typeNameText(def?.typeName), lock: AEL });
    }
    case 'AT_SetNotNull': return op('SET_NOT_NULL', { ...base, lock: AEL });
    case 'AT_DropNotNull': return op('DROP_NOT_NULL', { ...base, lock: AEL });
    case 'AT_ColumnDefault': return op(c.def ? 'SET_DEFAULT' : 'DROP_DEFAULT', { ...base, lock: AEL });
    case 'AT_AddConstraint': return addConstraint(as<Constraint>(c.def, 'Constraint'), table, state);
    case 'AT_ValidateConstraint': return op('VALIDATE_CONSTRAINT', { table, constraintName: c.name, lock: 'ShareUpdateExclusiveLock' });
    case 'AT_DropConstraint': return op('DROP_CONSTRAINT', { table, constraintName: c.name, lock: AEL });
    case 'AT_SetLogged': return op('SET_LOGGED', { table, lock: AEL });
    case 'AT_SetUnLogged': return op('SET_UNLOGGED', { table, lock: AEL });
    case 'AT_SetTableSpace': return op('SET_TABLESPACE', { table, lock: AEL });
    case 'AT_AttachPartition': {
      const cmd = as<{ name?: RangeVar }>(c.def, 'PartitionCmd');
      // Since PG 12 ATTACH takes SHARE UPDATE EXCLUSIVE on the parent; before, ACCESS EXCLUSIVE.
      return op('ATTACH_PARTITION', { table, typeName: relationName(cmd?.name), lock: state.pgVersion >= 12 ? 'ShareUpdateExclusiveLock' : AEL });
    }
    case 'AT_DetachPartition': {
      const cmd = as<{ name?: RangeVar; concurrent?: boolean }>(c.def, 'PartitionCmd');
      return op('DETACH_PARTITION', { table, typeName: relationName(cmd?.name), lock: cmd?.concurrent ? 'ShareUpdateExclusiveLock' : AEL });
    }
    case 'AT_DetachPartitionFinalize': return op('DETACH_PARTITION', { table, lock: 'ShareUpdateExclusiveLock' });
    case 'AT_EnableRowSecurity': case 'AT_ForceRowSecurity': return op('ENABLE_RLS', { table, lock: AEL });
    case 'AT_AddIdentity': return op('ALTER_TABLE_OTHER', { ...base, lock: AEL });
    case 'AT_SetStatistics': case 'AT_SetOptions': case 'AT_ResetOptions': case 'AT_ClusterOn': case 'AT_DropCluster':
    case 'AT_SetRelOptions': case 'AT_ResetRelOptions':
      return op('ALTER_TABLE_OTHER', { ...base, lock: 'ShareUpdateExclusiveLock' });
    case 'AT_EnableTrig': case 'AT_DisableTrig': case 'AT_EnableAlwaysTrig': case 'AT_EnableReplicaTrig':
    case 'AT_EnableTrigAll': case 'AT_DisableTrigAll': case 'AT_EnableTrigUser': case 'AT_DisableTrigUser':
    case 'AT_AddInherit': case 'AT_DropInherit':
      return op('ALTER_TABLE_OTHER', { ...base, lock: 'ShareRowExclusiveLock' });
    case 'AT_ChangeOwner': return op('ALTER_OWNER', { table, lock: AEL });
    default: return op('ALTER_TABLE_OTHER', { ...base, lock: AEL });
  }
}

function columnConstraints(def: ColumnDef | undefined): Constraint[] {
  return (def?.constraints ?? []).map((n) => as<Constraint>(n, 'Constraint')).filter((c): c is Constraint => !!c);
}


function addColumn(def: ColumnDef | undefined, table: string | undefined, state: Readonly<AnalysisState>): Draft {
  const cons = columnConstraints(def);
  const columnName = def?.colname;
  const typeName = typeNameText(def?.typeName);
  const lock: LockMode = 'AccessExclusiveLock';
  const defaultExpr = cons.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
  const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
  const identity = cons.some((c) => c.contype === 'CONSTR_IDENTITY');
  const storedGenerated = cons.some((c) => c.contype === 'CONSTR_GENERATED' && (c.generated_when === 'a' || c.generated_when === undefined) && !isVirtualGenerated(c));
  // A serial is an integer column with a sequence default: a rewrite when added.
  const serial = serialType(typeBase(def?.typeName)) !== undefined;
  const fields = { table, columnName, typeName, lock };
  if (identity || storedGenerated || serial) return op('ADD_COLUMN_VOLATILE_DEFAULT', fields);
  if (defaultExpr && !isConstantExpr(defaultExpr) && expressionVolatility(defaultExpr, state.facts) === 'v') {
    return op('ADD_COLUMN_VOLATILE_DEFAULT', fields);
  }
  if (notNull) return op('ADD_COLUMN_NOT_NULL', fields);
  return op('ADD_COLUMN_NULLABLE', fields);
}

function isVirtualGenerated(c: Constraint): boolean {
  // PG 18: GENERATED ALWAYS AS (...) VIRTUAL is the default there, STORED must be spelled out.
  return (c as { generated_kind?: string }).generated_kind === 'v';
}

function addConstraint(c: Constraint | undefined, table: string | undefined, state: Readonly<AnalysisState>): Draft {
  if (!c) return op('ALTER_TABLE_OTHER', { table, lock: 'AccessExclusiveLock' });
  const notValid = c.skip_validation ? ({ notValid: true } as const) : {};
  const base = { table, constraintName: c.conname, ...notValid };
  switch (c.contype) {
    case 'CONSTR_FOREIGN':
      return op('ADD_FOREIGN_KEY', { ...base, typeName: relationName(c.pktable), lock: 'ShareRowExclusiveLock' });
    case 'CONSTR_CHECK': return op('ADD_CHECK', { ...base, lock: 'AccessExclusiveLock' });
    case 'CONSTR_UNIQUE': case 'CONSTR_PRIMARY': {
      const usingIndex = c.indexname ? ({ usingIndex: true } as const) : {};
      return op(c.contype === 'CONSTR_UNIQUE' ? 'ADD_UNIQUE' : 'ADD_PRIMARY_KEY', {
        ...base, ...usingIndex, indexName: c.indexname, lock: 'AccessExclusiveLock',
      });
    }
    case 'CONSTR_EXCLUSION': return op('ADD_EXCLUSION', { ...base, lock: 'AccessExclusiveLock' });
    case 'CONSTR_NOTNULL': return op('SET_NOT_NULL', { ...base, columnName: stringList(c.keys)[0], lock: 'AccessExclusiveLock' });
    default: void state; return op('ALTER_TABLE_OTHER', { ...base, lock: 'AccessExclusiveLock' });
  }
}

/** Exposed for rules that need the parsed pieces of an ADD COLUMN. */
export function addColumnParts(def: ColumnDef | undefined): { constraints: Constraint[]; defaultExpr?: Node; functions: string[] } {
  const constraints = columnConstraints(def);
  const defaultExpr = constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
  return { constraints, ...(defaultExpr ? { defaultExpr } : {}), functions: functionsCalled(defaultExpr) };
}
