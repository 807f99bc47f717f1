// Advances the analysis state past one statement: objects it created, constraints it added or
// validated, the transaction it opened or closed, timeouts it set. Rules see the state as it
// was before the statement; this runs after the rules.
import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, CreateFunctionStmt, CreateStmt, IndexElem, IndexStmt, Node, RangeVar, RenameStmt, TransactionStmt, TypeName, VariableSetStmt, ViewStmt } from '@pgsql/types';
import type { LayoutName, Operation, Statement, FileTransaction } from '../core/types.js';
import { constraintNamed, constraintsOn, FileSteps, KEY_NAME, primaryKeyName, sharedName, type AnalysisState, type ForeignKeyRef, type KnownConstraint, type SchemaFacts, type TableStats } from './state.js';
import { knownType } from './type-pool.js';
import { as, columnRefs, keyColumns, nodeTag, qualifiedFromList, qualifiedName, relationName, stringList, tagOnly, typeNameText } from './ast.js';

export function newFacts(): SchemaFacts {
  return { columnTypes: new Map(), columnTypeNames: new Map(), functionVolatility: new Map(), enums: new Set(), notNullColumns: new Set() };
}

/** The table `rel` names, as the run's one copy of its name (sharedName). */
function tableOf(state: AnalysisState, rel: Parameters<typeof relationName>[0]): string | undefined {
  const name = relationName(rel);
  return name === undefined ? undefined : sharedName(state, name);
}

/** Records (or, with no type, forgets) the type of `key` (`schema.table.column`). */
function setColumnType(state: AnalysisState, key: string, t: TypeName | undefined): void {
  if (!t) {
    state.facts.columnTypes.set(key, typeNameText(t));
    state.facts.columnTypeNames.delete(key);
    return;
  }
  const known = knownType(state.facts, t);
  state.facts.columnTypes.set(key, known.text);
  state.facts.columnTypeNames.set(key, known.declared);
}

function forgetColumn(state: AnalysisState, key: string): void {
  state.facts.columnTypes.delete(key);
  state.facts.columnTypeNames.delete(key);
  state.facts.notNullColumns.delete(key);
}

/** State for a whole run; `beginFile` resets the per-file parts. */
export function newRunState(opts: { pgVersion: number; pgMinorVersion?: number; pgVersionAssumed?: boolean; tableStats?: ReadonlyMap<string, TableStats>; facts?: SchemaFacts }): AnalysisState {
  return {
    pgVersion: opts.pgVersion,
    ...(opts.pgMinorVersion !== undefined ? { pgMinorVersion: opts.pgMinorVersion } : {}),
    ...(opts.pgVersionAssumed ? { pgVersionAssumed: true } : {}),
    path: '',
    runnerTransaction: 'none',
    tx: { active: false, explicit: false, id: 0, hasDdl: false, hasDml: false },
    newTables: new Set(),
    newIndexes: new Set(),
    newSchemas: new Set(),
    newTypes: new Set(),
    newColumns: new Set(),
    constraintsByTable: new Map(),
    indexedColumns: new Map(),
    lockTimeout: false,
    statementTimeout: false,
    tableStats: opts.tableStats ?? new Map(),
    statementCount: 0,
    earlierInFile: new FileSteps(),
    facts: opts.facts ?? newFacts(),
    learningOnly: false,
    routines: new Map(),
    names: new Map(),
  };
}

/**
 * `oneQueryString`: the runner sends the file as one query string of several statements
 * (core/transaction.ts sentAsOneQuery); `runner` is what its mode resolved to for this file.
 */
export function beginFile(state: AnalysisState, path: string, runner: FileTransaction, learningOnly: boolean, layout?: LayoutName, oneQueryString = false): void {
  state.path = path;
  if (layout) state.layout = layout;
  else delete state.layout;
  state.oneQueryString = oneQueryString;
  state.fileForeignKeys = [];
  state.fileDroppedKeys = [];
  state.runnerTransaction = runner;
  state.learningOnly = learningOnly;
  state.lockTimeout = false;
  state.statementTimeout = false;
  state.statementCount = 0;
  state.earlierInFile = new FileSteps();
  // In a query string of several statements, no statement runs outside a transaction block: the
  // file starts in an implicit one, as it does again after each COMMIT (trackTransaction).
  state.tx = { active: runner === 'wrapped' || oneQueryString, explicit: false, id: state.tx.id + 1, hasDdl: false, hasDml: false };
}

const DML = new Set(['UPDATE_VALUES', 'DELETE_ROWS', 'INSERT_ROWS']);
const NOT_DDL = new Set(['TRANSACTION_CONTROL', 'SET_SETTING', 'OTHER', 'COMMENT', 'GRANT', 'UPDATE_VALUES', 'DELETE_ROWS', 'INSERT_ROWS', 'ANALYZE']);

/**
 * Advances the state past `stmt`. `remembered`: what earlierInFile keeps of it — the statement
 * itself when some rule reads its tree when it looks back (Rule.readsEarlierTree), else the
 * statement with its tree reduced to its tag (made here when not given).
 */
export function track(state: AnalysisState, stmt: Statement, ops: readonly Operation[], remembered?: Statement): void {
  state.statementCount++;
  const [tag, v] = nodeTag(stmt.ast) ?? ['', {}];
  const step = state.learningOnly ? stmt : remembered ?? { ...stmt, ast: tagOnly(stmt.ast) };

  if (tag === 'TransactionStmt') {
    recordStep(state, step, ops);
    trackTransaction(state, v as TransactionStmt, stmt);
    return;
  }
  // A statement outside any transaction block is its own transaction; the statements of a DO
  // block (or function body) run inside their parent's, which was tracked just before them.
  if (!state.tx.active && !stmt.nestedIn) {
    // No map of blocking statements until one is recorded (trackBlockingStatement): most statements record none.
    state.tx = { ...state.tx, id: state.tx.id + 1, blockingStatements: undefined, hasDdl: false, hasDml: false };
  }
  recordStep(state, step, ops);
  trackBlockingStatement(state, tag, stmt, ops);

  for (const op of ops) {
    if (DML.has(op.kind)) state.tx.hasDml = true;
    else if (!NOT_DDL.has(op.kind)) state.tx.hasDdl = true;
  }

  switch (tag) {
    case 'VariableSetStmt': return trackSetting(state, v as VariableSetStmt);
    case 'CreateStmt': return trackCreateTable(state, v as CreateStmt, stmt);
    case 'CreateTableAsStmt': {
      const name = tableOf(state, (v as { into?: { rel?: Parameters<typeof relationName>[0] } }).into?.rel);
      if (name && !state.learningOnly) state.newTables.add(name);
      if (name && (v as { objtype?: string }).objtype === 'OBJECT_MATVIEW') (state.views ??= new Set()).add(name), state.viewDefinitions?.delete(name);
      return;
    }
    case 'ViewStmt': {
      const view = v as { view?: Parameters<typeof relationName>[0]; replace?: boolean };
      const name = relationName(view.view);
      if (!name) return;
      // A plain CREATE VIEW fails if the view exists: it is new. OR REPLACE may replace one in use.
      if (!view.replace && !state.learningOnly) state.newTables.add(name);
      (state.views ??= new Set()).add(name);
      (state.viewDefinitions ??= new Map()).set(name, v as ViewStmt);
      return;
    }
    case 'DropStmt': {
      const d = v as { removeType?: string; objects?: Node[] };
      if (d.removeType === 'OBJECT_TABLE') {
        for (const o of d.objects ?? []) {
          const name = qualifiedFromList(as<{ items?: Node[] }>(o, 'List')?.items);
          if (name) forgetConstraints(state, name);
        }
      }
      const indexes = state.facts.indexTables;
      if (indexes && (d.removeType === 'OBJECT_INDEX' || d.removeType === 'OBJECT_TABLE')) {
        for (const o of d.objects ?? []) {
          const name = qualifiedFromList(as<{ items?: Node[] }>(o, 'List')?.items);
          if (!name) continue;
          if (d.removeType === 'OBJECT_INDEX') indexes.delete(name);
          // A dropped table takes its indexes with it.
          else for (const [index, table] of indexes) if (table === name) indexes.delete(index);
        }
        return;
      }
      if (d.removeType !== 'OBJECT_VIEW' && d.removeType !== 'OBJECT_MATVIEW') return;
      for (const o of d.objects ?? []) {
        const name = qualifiedFromList(as<{ items?: Node[] }>(o, 'List')?.items);
        if (name) state.views?.delete(name), state.viewDefinitions?.delete(name);
      }
      return;
    }
    case 'IndexStmt': return trackIndex(state, v as IndexStmt);
    case 'InsertStmt': case 'CopyStmt': {
      const table = tableOf(state, (v as { relation?: Parameters<typeof relationName>[0] }).relation);
      if (table && state.newTables.has(table)) (state.seededTables ??= new Set()).add(table);
      return;
    }
    case 'AlterTableStmt': return trackAlter(state, v as AlterTableStmt, stmt);
    case 'RenameStmt': return trackRename(state, v as RenameStmt);
    case 'CreateSchemaStmt': {
      const name = (v as { schemaname?: string }).schemaname;
      if (name && !state.learningOnly) state.newSchemas.add(name);
      return;
    }
    case 'CreateEnumStmt': {
      const name = qualifiedFromList((v as { typeName?: Node[] }).typeName);
      if (name) {
        state.facts.enums.add(name);
        if (!state.learningOnly) state.newTypes.add(name);
      }
      return;
    }
    case 'CompositeTypeStmt': case 'CreateDomainStmt': case 'CreateRangeStmt': {
      // CREATE DOMAIN names itself in `domainname`; its `typeName` is the base type (a TypeName, not a list).
      const list = tag === 'CreateDomainStmt' ? (v as { domainname?: Node[] }).domainname : (v as { typeName?: Node[] }).typeName;
      const name = qualifiedFromList(Array.isArray(list) ? list : undefined)
        ?? relationName((v as { typevar?: Parameters<typeof relationName>[0] }).typevar);
      if (name && !state.learningOnly) state.newTypes.add(name);
      return;
    }
    case 'CreateFunctionStmt': return trackFunction(state, v as CreateFunctionStmt);
    case 'CreateExtensionStmt': {
      const name = (v as { extname?: string }).extname?.toLowerCase();
      if (name) (state.facts.extensions ??= new Set()).add(name);
      return;
    }
    case 'DefineStmt': {
      const d = v as { kind?: string; defnames?: Node[] };
      const name = d.kind === 'OBJECT_AGGREGATE' ? stringList(d.defnames).at(-1)?.toLowerCase() : undefined;
      if (name) (state.facts.aggregates ??= new Set()).add(name);
      return;
    }
    case 'CreatePolicyStmt': {
      const table = tableOf(state, (v as { table?: Parameters<typeof relationName>[0] }).table);
      if (table) (state.facts.policyTables ??= new Set()).add(table);
      return;
    }
    default: return;
  }
}

/** ALTER TABLE / rename statements that lock a pre-existing table: the lock lasts until COMMIT. */
function trackBlockingStatement(state: AnalysisState, tag: string, stmt: Statement, ops: readonly Operation[]): void {
  if (tag !== 'AlterTableStmt' && tag !== 'RenameStmt') return;
  const tables = new Set(ops.filter((o) => o.table && o.lock === 'AccessExclusiveLock' && !o.targetIsNew).map((o) => o.table!));
  if (tables.size === 0) return;
  const byTable = (state.tx.blockingStatements ??= new Map());
  // Appended in place: a copy per statement made a transaction of 10^4 ALTERs of one table quadratic.
  for (const t of tables) {
    const list = byTable.get(t);
    if (list) list.push(stmt.text);
    else byTable.set(t, [stmt.text]);
  }
}

/** Foreign keys of this file, checked against the indexes at the end of the file. */
function recordForeignKey(state: AnalysisState, table: string, columns: string[], c: Constraint, stmt: Statement | undefined): void {
  if (state.learningOnly || !stmt || columns.length === 0) return;
  const ref: ForeignKeyRef = { table, columns, position: { line: stmt.line, column: stmt.column } };
  const referenced = relationName(c.pktable);
  if (referenced) ref.referencedTable = referenced;
  if (c.conname) ref.name = c.conname;
  (state.fileForeignKeys ??= []).push(ref);
}

/** Remembers the statement for rules that look back over the file (see AnalysisState.earlierInFile). */
function recordStep(state: AnalysisState, stmt: Statement, ops: readonly Operation[]): void {
  if (state.learningOnly) return;
  (state.earlierInFile ??= new FileSteps()).push({
    statement: stmt, operations: ops, txId: state.tx.id, inTransaction: state.tx.active,
    lockTimeout: state.lockTimeout, statementTimeout: state.statementTimeout,
  });
}

function trackTransaction(state: AnalysisState, t: TransactionStmt, stmt: Statement): void {
  switch (t.kind) {
    case 'TRANS_STMT_BEGIN': case 'TRANS_STMT_START':
      // Postgres ignores a BEGIN inside an open transaction (with a warning): the same
      // transaction goes on, and from here the file's own COMMIT is what ends it. An implicit
      // block (a query string of several statements) is taken over without a warning.
      if (state.tx.active) {
        if (state.oneQueryString && !state.tx.explicit) state.tx.beganAt ??= { line: stmt.line, column: stmt.column };
        state.tx.explicit = true;
        return;
      }
      state.tx = { active: true, explicit: true, id: state.tx.id + 1, beganAt: { line: stmt.line, column: stmt.column }, hasDdl: false, hasDml: false };
      return;
    case 'TRANS_STMT_COMMIT': case 'TRANS_STMT_ROLLBACK': case 'TRANS_STMT_COMMIT_PREPARED': case 'TRANS_STMT_ROLLBACK_PREPARED': case 'TRANS_STMT_PREPARE':
      // SET LOCAL settings end with the transaction; plain SET persists for the session.
      if (state.tx.timeoutsBefore) {
        state.lockTimeout = state.tx.timeoutsBefore.lockTimeout;
        state.statementTimeout = state.tx.timeoutsBefore.statementTimeout;
      }
      // The next statement of a query string of several statements opens another implicit block.
      state.tx = { active: state.oneQueryString === true, explicit: false, id: state.tx.id + 1, hasDdl: false, hasDml: false };
      return;
    default:
      return;
  }
}

function settingValue(v: VariableSetStmt): string {
  const arg = v.args?.[0];
  const c = as<{ sval?: { sval?: string }; ival?: { ival?: number } }>(arg, 'A_Const');
  if (!c) return '';
  if (c.sval) return String(c.sval.sval ?? '');
  return String(c.ival?.ival ?? 0);
}

function trackSetting(state: AnalysisState, v: VariableSetStmt): void {
  const name = v.name?.toLowerCase();
  if (name !== 'lock_timeout' && name !== 'statement_timeout') {
    if (v.kind === 'VAR_RESET_ALL') { state.lockTimeout = false; state.statementTimeout = false; }
    return;
  }
  const on = v.kind === 'VAR_SET_VALUE' && !/^0(ms|s)?$/i.test(settingValue(v).trim());
  // SET LOCAL lasts until the transaction ends (outside one it does nothing at all).
  if (v.is_local) {
    if (!state.tx.active) return;
    state.tx.timeoutsBefore ??= { lockTimeout: state.lockTimeout, statementTimeout: state.statementTimeout };
  }
  if (name === 'lock_timeout') state.lockTimeout = on;
  else state.statementTimeout = on;
}

function recordIndex(state: AnalysisState, table: string, columns: string[]): void {
  // A short list is copied to a new one of the exact length: most tables have one or two, and a
  // list grown by push holds room for 16. A long one grows in place: a copy per index made a
  // file of 20,000 indexes on one table quadratic (21 s of the analysis of 60,000 statements).
  const list = state.indexedColumns.get(table);
  if (!list) state.indexedColumns.set(table, [columns]);
  else if (list.length < INDEX_LIST_COPIED) state.indexedColumns.set(table, [...list, columns]);
  else list.push(columns);
}

/** Index lists shorter than this are copied when they grow (see recordIndex). */
const INDEX_LIST_COPIED = 8;

function trackCreateTable(state: AnalysisState, v: CreateStmt, stmt?: Statement): void {
  const table = tableOf(state, v.relation);
  if (!table) return;
  if (!state.learningOnly) state.newTables.add(table);
  if (v.partspec) (state.facts.partitionedTables ??= new Set()).add(table);
  const parent = v.partbound ? tableOf(state, as<RangeVar>(v.inhRelations?.[0], 'RangeVar')) : undefined;
  if (parent) {
    const partitions = (state.facts.partitions ??= new Map());
    const list = partitions.get(parent);
    if (list) list.push(table);
    else partitions.set(parent, [table]);
  }
  // PostgreSQL builds the primary key's index after the table and its other constraints: a
  // CHECK named `<table>_pkey` makes the key `<table>_pkey1` wherever it is written.
  const keys: Constraint[] = [];
  for (const elt of v.tableElts ?? []) {
    const col = as<ColumnDef>(elt, 'ColumnDef');
    if (col?.colname) {
      const key = `${table}.${col.colname}`;
      setColumnType(state, key, col.typeName);
      const pk = trackColumnConstraints(state, table, key, col, true, stmt);
      if (pk) keys.push(pk);
    }
    const con = as<Constraint>(elt, 'Constraint');
    if (con?.contype === 'CONSTR_PRIMARY') keys.push(con);
    else if (con) trackConstraint(state, table, con, true);
    if (con?.contype === 'CONSTR_PRIMARY') for (const k of keyColumns(con.keys)) state.facts.notNullColumns.add(`${table}.${k}`);
    if (con?.contype === 'CONSTR_FOREIGN') recordForeignKey(state, table, keyColumns(con.fk_attrs), con, stmt);
  }
  for (const k of keys) trackConstraint(state, table, k, true);
}

/**
 * Constraints written on a column (CREATE TABLE or ADD COLUMN): NOT NULL, keys, CHECK, REFERENCES.
 * `key`: the column's `table.column`, the one string every set and map of the column shares.
 * Returns a PRIMARY KEY written on the column, as a table constraint on it, for the caller to
 * track once the table's other constraints are (its name depends on theirs).
 */
function trackColumnConstraints(state: AnalysisState, table: string, key: string, def: ColumnDef, tableIsNew: boolean, stmt: Statement | undefined): Constraint | undefined {
  const column = def.colname!;
  let pk: Constraint | undefined;
  for (const c of (def.constraints ?? []).map((n) => as<Constraint>(n, 'Constraint'))) {
    if (c?.contype === 'CONSTR_UNIQUE') recordIndex(state, table, [column]);
    if (c?.contype === 'CONSTR_PRIMARY' || c?.contype === 'CONSTR_NOTNULL') state.facts.notNullColumns.add(key);
    if (c?.contype === 'CONSTR_PRIMARY') pk = { ...c, keys: [{ String: { sval: column } }] };
    if (c?.contype === 'CONSTR_FOREIGN') recordForeignKey(state, table, [column], c, stmt);
    if (c?.contype === 'CONSTR_CHECK') trackConstraint(state, table, c, tableIsNew);
  }
  return pk;
}

/** Index columns of a PRIMARY KEY, also for PRIMARY KEY USING INDEX (columns from the index seen earlier). */
export function primaryKeyColumns(state: Readonly<AnalysisState>, table: string, c: Constraint): string[] {
  const keys = keyColumns(c.keys);
  if (keys.length > 0 || !c.indexname) return keys;
  const schema = table.split('.')[0] ?? 'public';
  return state.indexDefinitions?.get(`${schema}.${c.indexname}`) ?? [];
}

function trackIndex(state: AnalysisState, v: IndexStmt): void {
  const table = tableOf(state, v.relation);
  if (!table) return;
  // A partial index cannot serve every lookup on its columns (foreign-key checks, for one).
  if (!v.whereClause) recordIndex(state, table, keyColumns(v.indexParams));
  if (v.idxname && !state.learningOnly) state.newIndexes.add(qualifiedName(v.relation?.schemaname, v.idxname));
  if (v.idxname) (state.indexDefinitions ??= new Map()).set(qualifiedName(v.relation?.schemaname, v.idxname), keyColumns(v.indexParams));
  // IF NOT EXISTS of an index that exists leaves it (and its table) as it was.
  if (v.idxname && !(v.if_not_exists && state.facts.indexTables?.has(qualifiedName(v.relation?.schemaname, v.idxname)))) (state.facts.indexTables ??= new Map()).set(qualifiedName(v.relation?.schemaname, v.idxname), table);
  if (v.idxname && state.facts.partitionedTables?.has(table)) (state.facts.partitionedIndexes ??= new Set()).add(qualifiedName(v.relation?.schemaname, v.idxname));
  const elems = (v.indexParams ?? []).map((p) => as<IndexElem>(p, 'IndexElem'));
  if (v.whereClause || elems.some((e) => e?.expr)) {
    const columns = columnRefs([elems.map((e) => e?.expr), v.whereClause]).concat(elems.map((e) => e?.name).filter((n): n is string => !!n));
    const map = (state.alwaysRebuiltIndexColumns ??= new Map());
    // Added to in place, not copied per index (quadratic in the expression indexes of one table).
    let set = map.get(table);
    if (!set) map.set(table, (set = new Set()));
    for (const c of columns) set.add(c);
  }
}

function trackConstraint(state: AnalysisState, table: string, c: Constraint, tableIsNew: boolean, added = false): void {
  const kinds: Record<string, KnownConstraint['kind']> = {
    CONSTR_CHECK: 'check', CONSTR_FOREIGN: 'foreign-key', CONSTR_UNIQUE: 'unique', CONSTR_PRIMARY: 'primary-key', CONSTR_EXCLUSION: 'exclusion', CONSTR_NOTNULL: 'not-null',
  };
  const kind = kinds[c.contype ?? ''];
  if (!kind) return;
  if (kind === 'unique' || kind === 'primary-key') recordIndex(state, table, keyColumns(c.keys));
  // An unnamed key is known by the name PostgreSQL gives it (USING INDEX: the index's).
  const name = c.conname ?? (kind === 'primary-key' ? c.indexname ?? primaryKeyName(state, table) : `${table}#${state.statementCount}`);
  const known: KnownConstraint = {
    table, name, kind,
    validated: !c.skip_validation || tableIsNew,
    addedInTx: state.tx.id,
  };
  // CREATE TABLE ignores NOT VALID on a CHECK; ALTER TABLE ... ADD keeps it, new table or not.
  if (added && c.skip_validation && tableIsNew) known.catalogNotValid = true;
  const notNullColumns = kind === 'check' ? notNullChecked(c.raw_expr) : [];
  if (notNullColumns.length > 0) known.notNullColumns = notNullColumns;
  if (kind === 'check') known.columns = columnRefs(c.raw_expr);
  setConstraint(state, table, name, known);
}

/** Records a constraint in its table's list (constraintsOn). */
function setConstraint(state: AnalysisState, table: string, name: string, known: KnownConstraint): void {
  let onTable = state.constraintsByTable.get(table);
  if (!onTable) state.constraintsByTable.set(table, (onTable = new Map()));
  if (!onTable.has(name)) countKeyName(state, table, name, 1);
  onTable.set(name, known);
}

function deleteConstraint(state: AnalysisState, table: string, name: string): void {
  if (state.constraintsByTable.get(table)?.delete(name)) countKeyName(state, table, name, -1);
}

/** Keeps AnalysisState.keyNames: constraints named like a primary key PostgreSQL named, by schema. */
function countKeyName(state: AnalysisState, table: string, name: string, by: 1 | -1): void {
  if (!KEY_NAME.test(name)) return;
  const q = `${table.slice(0, table.lastIndexOf('.'))}.${name}`;
  const n = (state.keyNames?.get(q) ?? 0) + by;
  if (n > 0) (state.keyNames ??= new Map()).set(q, n);
  else state.keyNames?.delete(q);
}

/** The table's constraints go with it (a DROP TABLE): their names are free again. */
function forgetConstraints(state: AnalysisState, table: string): void {
  for (const c of [...constraintsOn(state, table)]) deleteConstraint(state, table, c.name);
  state.constraintsByTable.delete(table);
}

/** A PRIMARY KEY that the run does not know, by its name alone: one PostgreSQL made up for some table (`..._pkey`, `..._pkey1`). */
function keyByNameOnly(state: Readonly<AnalysisState>, table: string, name: string): boolean {
  return KEY_NAME.test(name) && ![...constraintsOn(state, table)].some((c) => c.kind === 'primary-key');
}

/**
 * Forgets the constraint DROP CONSTRAINT `name` drops and returns its kind, when known. Keys are
 * known by their real names (an unnamed one by the name PostgreSQL gives it, renames followed);
 * on a table with no key known (no history), a name PostgreSQL makes up for keys is taken for
 * the primary key.
 */
function dropConstraint(state: AnalysisState, table: string, name: string): KnownConstraint['kind'] | undefined {
  const known = constraintNamed(state, table, name);
  if (known) {
    deleteConstraint(state, table, name);
    return known.kind;
  }
  return keyByNameOnly(state, table, name) ? 'primary-key' : undefined;
}

/**
 * The columns a CHECK proves NOT NULL: each `col IS NOT NULL` (or `NOT (col IS NULL)`) among the
 * expression's top-level AND terms. PostgreSQL proves SET NOT NULL from such a term whatever the
 * other terms say (`CHECK (c > 10 AND c IS NOT NULL)` skips the scan; tested on PostgreSQL 15),
 * while `CHECK (c > 10)` alone passes a NULL and proves nothing.
 */
export function notNullChecked(expr: Node | undefined): string[] {
  const bool = as<{ boolop?: string; args?: Node[] }>(expr, 'BoolExpr');
  if (bool?.boolop === 'AND_EXPR') return (bool.args ?? []).flatMap((a) => notNullChecked(a));
  let test = as<{ arg?: Node; nulltesttype?: string }>(expr, 'NullTest');
  let wanted = 'IS_NOT_NULL';
  if (bool?.boolop === 'NOT_EXPR' && bool.args?.length === 1) {
    test = as<{ arg?: Node; nulltesttype?: string }>(bool.args[0], 'NullTest');
    wanted = 'IS_NULL';
  }
  if (!test || test.nulltesttype !== wanted) return [];
  const parts = stringList(as<{ fields?: Node[] }>(test.arg, 'ColumnRef')?.fields);
  const column = parts[parts.length - 1];
  return column ? [column] : [];
}

function trackAlter(state: AnalysisState, v: AlterTableStmt, stmt?: Statement): void {
  const table = tableOf(state, v.relation);
  // ALTER VIEW (or ALTER TABLE naming a view): its definition no longer says all it is.
  if (table) state.viewDefinitions?.delete(table);
  if (!table || (v.objtype && v.objtype !== 'OBJECT_TABLE')) return;
  const isNew = state.newTables.has(table);
  for (const cmdNode of v.cmds ?? []) {
    const c = as<AlterTableCmd>(cmdNode, 'AlterTableCmd');
    if (!c) continue;
    switch (c.subtype) {
      case 'AT_AddColumn': {
        const def = as<ColumnDef>(c.def, 'ColumnDef');
        if (!def?.colname) break;
        const key = `${table}.${def.colname}`;
        setColumnType(state, key, def.typeName);
        if (!state.learningOnly) state.newColumns.add(key);
        const pk = trackColumnConstraints(state, table, key, def, isNew, stmt);
        if (pk) trackConstraint(state, table, pk, isNew, true);
        break;
      }
      case 'AT_SetNotNull':
        if (c.name) state.facts.notNullColumns.add(`${table}.${c.name}`);
        break;
      case 'AT_DropNotNull':
        if (c.name) state.facts.notNullColumns.delete(`${table}.${c.name}`);
        break;
      case 'AT_DropColumn':
        if (c.name) forgetColumn(state, `${table}.${c.name}`);
        break;
      case 'AT_AlterColumnType': {
        const def = as<ColumnDef>(c.def, 'ColumnDef');
        if (c.name) setColumnType(state, `${table}.${c.name}`, def?.typeName);
        break;
      }
      case 'AT_AddConstraint': {
        const con = as<Constraint>(c.def, 'Constraint');
        if (con) trackConstraint(state, table, con, isNew, true);
        // A primary key makes its columns NOT NULL (PostgreSQL adds the constraint itself).
        if (con?.contype === 'CONSTR_PRIMARY') for (const k of primaryKeyColumns(state, table, con)) state.facts.notNullColumns.add(`${table}.${k}`);
        if (con?.contype === 'CONSTR_FOREIGN') recordForeignKey(state, table, keyColumns(con.fk_attrs), con, stmt);
        break;
      }
      case 'AT_ValidateConstraint': {
        const known = c.name ? constraintNamed(state, table, c.name) : undefined;
        if (known) {
          known.validated = true;
          delete known.catalogNotValid;
        }
        else if (c.name) setConstraint(state, table, c.name, { table, name: c.name, kind: 'check', validated: true, addedInTx: -1 });
        break;
      }
      case 'AT_DropConstraint': {
        if (!c.name) break;
        const dropped = dropConstraint(state, table, c.name);
        if (dropped === 'primary-key' && !isNew && !state.learningOnly && stmt && stmt.nestedIn?.kind !== 'function-body') {
          (state.fileDroppedKeys ??= []).push({
            table, name: c.name, cascade: c.behavior === 'DROP_CASCADE', txId: state.tx.id, position: { line: stmt.line, column: stmt.column },
          });
        }
        break;
      }

      default:
        break;
    }
  }
}

function trackRename(state: AnalysisState, v: RenameStmt): void {
  const table = tableOf(state, v.relation);
  if (!table || !v.newname) return;
  trackViewRename(state, v, table);
  if (v.renameType === 'OBJECT_TABCONSTRAINT' && v.subname) {
    // The constraint keeps what it is under its new name; one the run does not know is a key
    // when its name says so and the table has none known (as DROP CONSTRAINT judges it).
    const known = constraintNamed(state, table, v.subname);
    if (known || keyByNameOnly(state, table, v.subname)) {
      deleteConstraint(state, table, v.subname);
      setConstraint(state, table, v.newname, known ? { ...known, name: v.newname } : { table, name: v.newname, kind: 'primary-key', validated: true, addedInTx: -1 });
    }
  }
  if (v.renameType === 'OBJECT_TABLE') {
    // Its constraints go with it, names and all (a key keeps `<old name>_pkey`).
    const to = qualifiedName(v.relation?.schemaname, v.newname);
    const onTable = state.constraintsByTable.get(table);
    if (onTable && to !== table) {
      // What the run still held under the new name belonged to a table gone since.
      forgetConstraints(state, to);
      state.constraintsByTable.delete(table);
      for (const c of onTable.values()) c.table = to;
      state.constraintsByTable.set(to, onTable);
    }
  }
  if (v.renameType === 'OBJECT_INDEX' && (state.keyNames?.get(table) ?? 0) > 0) {
    // ALTER INDEX of a key's index renames the key too.
    const old = table.slice(table.lastIndexOf('.') + 1);
    const schema = table.slice(0, table.lastIndexOf('.'));
    for (const [on, constraints] of state.constraintsByTable) {
      const c = on.slice(0, on.lastIndexOf('.')) === schema ? constraints.get(old) : undefined;
      if (c?.kind !== 'primary-key' && c?.kind !== 'unique') continue;
      deleteConstraint(state, on, old);
      setConstraint(state, on, v.newname, { ...c, name: v.newname });
      break;
    }
  }
  const indexes = state.facts.indexTables;
  if (indexes && v.renameType === 'OBJECT_INDEX') {
    // ALTER INDEX's relation is the index: the index keeps its table under the new name.
    const on = indexes.get(table);
    if (on !== undefined) indexes.delete(table), indexes.set(qualifiedName(v.relation?.schemaname, v.newname), on);
  }
  if (indexes && v.renameType === 'OBJECT_TABLE') {
    const to = qualifiedName(v.relation?.schemaname, v.newname);
    for (const [index, on] of indexes) if (on === table) indexes.set(index, to);
  }
  if (v.renameType === 'OBJECT_TABLE' && state.newTables.has(table)) {
    state.newTables.add(qualifiedName(v.relation?.schemaname, v.newname));
  }
  if (v.renameType === 'OBJECT_COLUMN' && v.subname) {
    const type = state.facts.columnTypes.get(`${table}.${v.subname}`);
    if (type) state.facts.columnTypes.set(`${table}.${v.newname}`, type);
    const typeName = state.facts.columnTypeNames.get(`${table}.${v.subname}`);
    if (typeName) state.facts.columnTypeNames.set(`${table}.${v.newname}`, typeName);
  }
  // The columns of a renamed table go with it.
  if (v.renameType === 'OBJECT_TABLE') {
    const to = qualifiedName(v.relation?.schemaname, v.newname);
    if (state.facts.partitionedTables?.delete(table)) state.facts.partitionedTables.add(to);
    const moved = (key: string) => (key.startsWith(`${table}.`) && !key.slice(table.length + 1).includes('.') ? `${to}.${key.slice(table.length + 1)}` : undefined);
    for (const map of [state.facts.columnTypes, state.facts.columnTypeNames] as Array<Map<string, unknown>>) {
      for (const [key, value] of [...map.entries()]) {
        const k = moved(key);
        if (k) map.delete(key), map.set(k, value);
      }
    }
    for (const key of [...state.facts.notNullColumns]) {
      const k = moved(key);
      if (k) state.facts.notNullColumns.delete(key), state.facts.notNullColumns.add(k);
    }
  }
}

/** A view renamed (ALTER VIEW or ALTER TABLE ... RENAME TO) keeps its definition under its new name; one whose column is renamed no longer has the definition the run saw. */
function trackViewRename(state: AnalysisState, v: RenameStmt, view: string): void {
  if (!state.views?.has(view)) return;
  const def = state.viewDefinitions?.get(view);
  state.viewDefinitions?.delete(view);
  if (v.renameType === 'OBJECT_COLUMN' || !['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(v.renameType ?? '')) return;
  const to = qualifiedName(v.relation?.schemaname, v.newname!);
  state.views.delete(view);
  state.views.add(to);
  if (def?.view) state.viewDefinitions!.set(to, { ...def, view: { ...def.view, relname: v.newname! } });
}

function trackFunction(state: AnalysisState, v: CreateFunctionStmt): void {
  const name = stringList(v.funcname).at(-1)?.toLowerCase();
  if (!name) return;
  let vol: 'i' | 's' | 'v' = 'v';
  for (const o of v.options ?? []) {
    const d = as<{ defname?: string; arg?: Node }>(o, 'DefElem');
    if (d?.defname === 'volatility') {
      const val = as<{ sval?: string }>(d.arg, 'String')?.sval;
      vol = val === 'immutable' ? 'i' : val === 'stable' ? 's' : 'v';
    } else if (d?.defname === 'as' && !state.facts.routinesMadeDynamically) {
      // hsadmin's rbac.generateRbacRoleDescriptors: EXECUTE of a built `create or replace function`.
      const body = stringList(as<{ items?: Node[] }>(d.arg, 'List')?.items).join('\n');
      if (/\bexecute\b/i.test(body) && /\bcreate\s+(?:or\s+replace\s+)?(?:function|procedure)\b/i.test(body)) state.facts.routinesMadeDynamically = true;
    }
  }
  state.facts.functionVolatility.set(name, vol);
}

/**
 * Makes everything created so far count as pre-existing: used between migrations that deploy
 * separately (a whole-repository review judges each migration against the history before it).
 */
export function settleNewObjects(state: AnalysisState): void {
  state.newTables.clear();
  state.newIndexes.clear();
  state.newSchemas.clear();
  state.newTypes.clear();
  state.newColumns.clear();
  state.seededTables?.clear();
}
