// One statement of a migration -> the steps of the plan. Statements that are already safe stay
// as written, in the phase their kind belongs to; risky ones on tables that hold data are
// rewritten into their online form (see columns.ts and constraints.ts).
import type {
  AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, CreateSeqStmt, CreateTableAsStmt, DropStmt, IndexStmt, Node,
  RangeVar, ReindexStmt, RenameStmt, VariableSetStmt, ViewStmt,
} from '@pgsql/types';
import { as, nodeTag, optionOn, qualifiedFromList, relationName, stringList } from '../analyze/ast.js';
import { refusedInTransactionBlock } from '../analyze/transaction-block.js';
import { oneBatch } from '../analyze/batch-sql.js';
import type { Operation, OperationKind } from '../core/types.js';
import { planAddColumn, planRenameColumn, planTypeChange, renameInPlace } from './columns.js';
import { planSetNotNull, planUniqueUsingIndex, planValidatedConstraint } from './constraints.js';
import { RETRY_ADVICE, absorbDrop, batchedSql, blocking, constraintKey, draft, isExisting, lockTimeoutSql, qualified, type Draft, type StatementContext } from './context.js';
import { columnTypesAt } from './pending.js';
import { deparse, ident, makeObjectName, relationSql, siblingSql } from './sql.js';
import type { PhaseName } from './types.js';

export const CONTRACT_KINDS: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'DROP_TABLE', 'DROP_COLUMN', 'DROP_INDEX', 'DROP_INDEX_CONCURRENTLY', 'DROP_CONSTRAINT', 'DROP_TYPE',
  'DROP_SCHEMA', 'DROP_SEQUENCE', 'DROP_EXTENSION', 'DROP_DATABASE', 'TRUNCATE', 'DETACH_PARTITION',
  'RENAME_TABLE', 'RENAME_COLUMN', 'RENAME_SCHEMA', 'ALTER_TYPE_RENAME_VALUE',
]);
const BACKFILL_KINDS = new Set<OperationKind>(['UPDATE_VALUES', 'DELETE_ROWS', 'INSERT_ROWS']);
const VALIDATE_KINDS = new Set<OperationKind>(['VALIDATE_CONSTRAINT', 'SET_NOT_NULL', 'ADD_EXCLUSION']);
/** Operations with no online alternative in core Postgres. */
const MAINTENANCE_KINDS = new Map<OperationKind, string>([
  ['VACUUM_FULL', 'VACUUM FULL rewrites the table under ACCESS EXCLUSIVE; pg_repack does the same online'],
  ['CLUSTER', 'CLUSTER rewrites the table under ACCESS EXCLUSIVE; pg_repack can reorder it online'],
  ['SET_TABLESPACE', 'SET TABLESPACE copies the table under ACCESS EXCLUSIVE'],
  ['SET_LOGGED', 'SET LOGGED rewrites the table under ACCESS EXCLUSIVE'],
  ['SET_UNLOGGED', 'SET UNLOGGED rewrites the table under ACCESS EXCLUSIVE'],
  ['ADD_EXCLUSION', 'an EXCLUDE constraint cannot be added NOT VALID nor attached USING INDEX, so it is built and checked under ACCESS EXCLUSIVE'],
]);

function phaseOfKind(kind: OperationKind): PhaseName {
  if (CONTRACT_KINDS.has(kind)) return 'contract';
  if (BACKFILL_KINDS.has(kind)) return 'backfill';
  if (VALIDATE_KINDS.has(kind)) return 'validate';
  return 'expand';
}

/** The phase of a statement kept as written: new objects stay in order with their creation. */
function asIsPhase(ctx: StatementContext, ops: Operation[]): PhaseName {
  if (ops.length === 0) return 'expand';
  if (ops.every((o) => o.targetIsNew)) return 'expand';
  const phases = ops.map((o) => phaseOfKind(o.kind));
  for (const p of ['contract', 'validate', 'backfill'] as const) if (phases.includes(p)) return p;
  void ctx;
  return 'expand';
}

/**
 * Statements PostgreSQL refuses inside a transaction block (analyze/transaction-block.ts). The
 * plan does not know which tables are partitioned, so a REINDEX or CLUSTER refused only on a
 * partitioned table keeps its transaction.
 */
function runsOutsideTransaction(ctx: StatementContext, ast: Node): boolean {
  return refusedInTransactionBlock(ast, ctx.pgVersion);
}

function doBody(v: Record<string, unknown>): string {
  const args = (v.args as Node[] | undefined) ?? [];
  for (const a of args) {
    const d = as<{ defname?: string; arg?: Node }>(a, 'DefElem');
    if (d?.defname === 'as') return as<{ sval?: string }>(d.arg, 'String')?.sval ?? '';
  }
  return '';
}

/** Keeps SQL as written, with a lock_timeout first when it takes a blocking lock on a table with data. */
function asIs(ctx: StatementContext, ops: Operation[], sqlText: string, ast: Node, extra = ''): Draft {
  const phase = asIsPhase(ctx, ops);
  const main = ops[0]?.kind ?? 'OTHER';
  const transactional = !runsOutsideTransaction(ctx, ast);
  const blocks = transactional && ops.some((o) => !o.targetIsNew && o.table !== undefined && blocking(o.lock) && !isNewName(ctx, o.table));
  const maintenance = ops.map((o) => (o.targetIsNew ? undefined : MAINTENANCE_KINDS.get(o.kind))).find((m) => m !== undefined);
  if (maintenance) {
    ctx.memory.notes.push(
      `${ctx.migration.report.path}:${ctx.statement.line}: no safe online alternative — ${maintenance}. Run it in a maintenance window (or on a new table that you fill and swap in).`,
    );
  }
  const parts: string[] = [];
  if (maintenance) parts.push(`No online alternative: ${maintenance}. Run it in a maintenance window.`);
  else parts.push(describeAsIs(phase, ops));
  if (extra) parts.push(extra);
  if (blocks) parts.push(RETRY_ADVICE);
  if (!transactional) parts.push('It cannot run inside a transaction block: give it its own migration with the runner\'s transaction turned off.');
  return draft(ctx, phase, main, parts.join(' '), blocks ? [lockTimeoutSql(ctx), sqlText] : [sqlText], { transactional, rollback: undoOf(ctx, ast, ops) });
}

function isNewName(ctx: StatementContext, table: string): boolean {
  return ctx.memory.newTables.has(table);
}

function describeAsIs(phase: PhaseName, ops: Operation[]): string {
  const kind = ops[0]?.kind;
  if (ops.length > 0 && ops.every((o) => o.targetIsNew)) return 'Unchanged: it only touches objects created in this change, which hold no data yet.';
  switch (phase) {
    case 'contract':
      return 'Destructive: run it in a later release, after deploying code that no longer reads or writes what it removes.';
    case 'backfill':
      return kind === 'INSERT_ROWS' ? 'Data change, run after the schema changes and outside the DDL transaction.' : 'Data change, run outside the DDL transaction.';
    case 'validate':
      return 'Unchanged: it checks existing rows without blocking reads or writes.';
    default:
      return 'Unchanged: additive and brief.';
  }
}

/** Reverse SQL for statements kept as written, where it is obvious. */
function undoOf(ctx: StatementContext, ast: Node, ops: Operation[]): string[] {
  const t = nodeTag(ast);
  if (!t) return [];
  const [tag, v] = t;
  if (tag === 'CreateStmt') {
    const rel = (v as { relation?: RangeVar }).relation;
    return rel ? [`DROP TABLE IF EXISTS ${relationSql(rel)}`] : [];
  }
  if (tag === 'CreateSeqStmt') {
    const seq = (v as CreateSeqStmt).sequence;
    return seq ? [`DROP SEQUENCE IF EXISTS ${relationSql(seq)}`] : [];
  }
  if (tag === 'ViewStmt') {
    const s = v as ViewStmt;
    if (!s.view) return [];
    if (!s.replace) return [`DROP VIEW IF EXISTS ${relationSql(s.view)}`];
    // CREATE OR REPLACE may replace a view of the base: the analysis knows what it replaced, or
    // that the history has no view of that name, or neither.
    const before = ops.find((o) => o.kind === 'CREATE_VIEW')?.viewBefore;
    if (!before) {
      ctx.memory.notes.push(`${ctx.migration.report.path}:${ctx.statement.line}: CREATE OR REPLACE VIEW ${relationSql(s.view)} replaces a view whose definition the migrations before it do not show (created by a routine, dynamic SQL or outside the migrations, or changed by ALTER VIEW since): the plan has no SQL that puts it back.`);
      return [];
    }
    return before;
  }
  if (tag === 'RenameStmt' || tag === 'AlterEnumStmt') {
    const back = renamedBack(tag, v);
    return back ? [back] : [];
  }
  if (tag === 'CreateTableAsStmt') {
    const s = v as CreateTableAsStmt;
    const rel = s.into?.rel;
    if (!rel) return [];
    return [`DROP ${s.objtype === 'OBJECT_MATVIEW' ? 'MATERIALIZED VIEW' : 'TABLE'} IF EXISTS ${relationSql(rel)}`];
  }
  if (tag === 'IndexStmt') {
    const s = v as IndexStmt;
    if (!s.idxname || !s.relation) return [];
    const name = siblingSql(s.relation, s.idxname);
    return [s.concurrent ? `DROP INDEX CONCURRENTLY IF EXISTS ${name}` : `DROP INDEX IF EXISTS ${name}`];
  }
  if (tag === 'AlterTableStmt') {
    const s = v as AlterTableStmt;
    if (!s.relation || s.objtype !== 'OBJECT_TABLE') return [];
    const table = relationSql(s.relation);
    const out: string[] = [];
    for (const c of (s.cmds ?? []).map((n) => as<AlterTableCmd>(n, 'AlterTableCmd'))) {
      if (!c) continue;
      if (c.subtype === 'AT_AddColumn') {
        const col = as<ColumnDef>(c.def, 'ColumnDef')?.colname;
        if (col) out.unshift(`ALTER TABLE ${table} DROP COLUMN IF EXISTS ${ident(col)}`);
      } else if (c.subtype === 'AT_AddConstraint') {
        const name = as<Constraint>(c.def, 'Constraint')?.conname;
        if (name) out.unshift(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(name)}`);
      }
    }
    return out;
  }
  return [];
}

/**
 * The rename that undoes a rename (the same statement with the two names swapped), or undefined
 * for one this cannot say: an enum value rename is ALTER TYPE ... RENAME VALUE the other way;
 * the objects named by a list (types, domains, schemas' routines) take the new last name.
 */
function renamedBack(tag: 'RenameStmt' | 'AlterEnumStmt', v: unknown): string | undefined {
  if (tag === 'AlterEnumStmt') {
    const e = v as { oldVal?: string; newVal?: string; typeName?: Node[] };
    if (!e.oldVal || !e.newVal) return undefined;
    return deparse({ AlterEnumStmt: { ...e, oldVal: e.newVal, newVal: e.oldVal } } as Node);
  }
  const r = v as RenameStmt;
  if (!r.newname) return undefined;
  const swap = (node: RenameStmt): string | undefined => {
    try {
      return deparse({ RenameStmt: node } as Node);
    } catch {
      return undefined;
    }
  };
  switch (r.renameType) {
    case 'OBJECT_TABLE': case 'OBJECT_VIEW': case 'OBJECT_MATVIEW': case 'OBJECT_FOREIGN_TABLE': case 'OBJECT_INDEX': case 'OBJECT_SEQUENCE':
      return r.relation?.relname ? swap({ ...r, relation: { ...r.relation, relname: r.newname }, newname: r.relation.relname }) : undefined;
    case 'OBJECT_COLUMN': case 'OBJECT_TABCONSTRAINT': case 'OBJECT_TRIGGER': case 'OBJECT_POLICY': case 'OBJECT_ATTRIBUTE': case 'OBJECT_SCHEMA':
      return r.subname ? swap({ ...r, subname: r.newname, newname: r.subname }) : undefined;
    case 'OBJECT_TYPE': case 'OBJECT_DOMAIN': {
      const items = as<{ items?: Node[] }>(r.object, 'List')?.items;
      const last = as<{ sval?: string }>(items?.at(-1), 'String')?.sval;
      if (!items || !last) return undefined;
      return swap({ ...r, object: { List: { items: [...items.slice(0, -1), { String: { sval: r.newname } }] } } as Node, newname: last });
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

export function planStatement(ctx: StatementContext): Draft[] {
  const t = nodeTag(ctx.statement.ast);
  if (!t) return [];
  const [tag, v] = t;
  switch (tag) {
    case 'TransactionStmt':
      // The plan decides where transactions go.
      return [];
    case 'VariableSetStmt': {
      const name = (v as VariableSetStmt).name ?? '';
      if (!['lock_timeout', 'statement_timeout'].includes(name)) {
        ctx.memory.notes.push(`${ctx.migration.report.path}:${ctx.statement.line}: the migration sets ${name || 'a setting'}; run each step of the plan with the same setting.`);
      }
      return [];
    }
    case 'CreateStmt': {
      const name = qualified((v as { relation?: RangeVar }).relation);
      if (name) ctx.memory.newTables.add(name);
      return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast)];
    }
    case 'AlterTableStmt':
      return planAlterTable(ctx, v as AlterTableStmt);
    case 'IndexStmt':
      return [planCreateIndex(ctx, v as IndexStmt)];
    case 'RenameStmt':
      return planRename(ctx, v as RenameStmt);
    case 'DropStmt':
      return [planDrop(ctx, v as DropStmt)];
    case 'ReindexStmt':
      return [planReindex(ctx, v as ReindexStmt)];
    case 'UpdateStmt':
    case 'DeleteStmt':
      return [planDml(ctx, tag, v)];
    case 'DoStmt':
      return [planDo(ctx, v)];
    default:
      return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast)];
  }
}

// ---------------------------------------------------------------------------------------------
// ALTER TABLE: one decision per sub-command (the classifier makes one operation per sub-command)

type CmdPlan = { kind: 'as-is'; cmd: AlterTableCmd; op?: Operation } | { kind: 'rewritten'; drafts: Draft[] };

function planAlterTable(ctx: StatementContext, v: AlterTableStmt): Draft[] {
  const rel = v.relation;
  if (!rel || (v.objtype !== undefined && v.objtype !== 'OBJECT_TABLE')) return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast)];
  const cmds = (v.cmds ?? []).map((c) => as<AlterTableCmd>(c, 'AlterTableCmd')).filter((c): c is AlterTableCmd => !!c);
  const aligned = ctx.ops.length === cmds.length;
  const plans: CmdPlan[] = cmds.map((cmd, i) => {
    const op = aligned ? ctx.ops[i] : undefined;
    const drafts = isExisting(ctx, rel, op) ? planAlterCmd(ctx, rel, cmd, op) : undefined;
    if (!drafts) noteConstraint(ctx, rel, cmd);
    return drafts ? { kind: 'rewritten', drafts } : { kind: 'as-is', cmd, ...(op ? { op } : {}) };
  });
  if (plans.every((p) => p.kind === 'as-is')) {
    return [...stopUsingColumns(ctx, rel, cmds), sameNameConstraints(ctx, rel, cmds, asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast, dropColumnAdvice(ctx, rel, cmds)))];
  }
  const out: Draft[] = [];
  for (const p of plans) {
    if (p.kind === 'rewritten') {
      out.push(...p.drafts);
      continue;
    }
    const single: Node = { AlterTableStmt: { ...v, cmds: [{ AlterTableCmd: p.cmd }] } } as Node;
    out.push(...stopUsingColumns(ctx, rel, [p.cmd]));
    out.push(sameNameConstraints(ctx, rel, [p.cmd], asIs(ctx, p.op ? [p.op] : [], deparse(single), single, dropColumnAdvice(ctx, rel, [p.cmd]))));
  }
  return out;
}

/**
 * A constraint dropped in a later phase and re-added under the same name: remember a lone
 * DROP CONSTRAINT kept for the contract phase, and put an earlier drop in front of the re-add
 * (same step, same transaction), so the re-add does not fail with "already exists" and the
 * table is never left without the constraint.
 */
function sameNameConstraints(ctx: StatementContext, rel: RangeVar, cmds: AlterTableCmd[], d: Draft): Draft {
  const only = cmds.length === 1 ? cmds[0] : undefined;
  if (only?.subtype === 'AT_DropConstraint' && only.name && d.phase === 'contract') {
    ctx.memory.drops.set(constraintKey(rel, only.name), d);
    (ctx.memory.constraintDropTables ??= new Map()).set(constraintKey(rel, only.name), qualified(rel)!);
  }
  const dropFirst = cmds.flatMap((c) => {
    const name = c.subtype === 'AT_AddConstraint' ? as<Constraint>(c.def, 'Constraint')?.conname : undefined;
    return name ? absorbDrop(ctx, constraintKey(rel, name)) : [];
  });
  if (dropFirst.length > 0) {
    d.step.sql.splice(d.step.sql.length - 1, 0, ...dropFirst);
    d.step.description += ' The migration dropped a constraint of the same name first: that drop runs here, in the same transaction, so the table is never without it.';
  }
  return d;
}

function indexKey(rel: RangeVar | undefined, name: string): string {
  return `index ${rel?.schemaname ?? 'public'}.${name}`;
}

/**
 * An index dropped (in the contract phase) and re-created under the same name: the new one is
 * built under a temporary name, and renamed right after the old one is dropped.
 */
function renameAfterDrop(ctx: StatementContext, rel: RangeVar | undefined, name: string): string | undefined {
  const d = ctx.memory.drops.get(indexKey(rel, name));
  if (!d || d.absorbed || !rel) return undefined;
  ctx.memory.drops.delete(indexKey(rel, name));
  const tmp = makeObjectName(name, undefined, 'new');
  d.step.sql.push(`ALTER INDEX ${siblingSql(rel, tmp)} RENAME TO ${ident(name)}`);
  d.step.description += ` Then the index built in the expand phase as ${ident(tmp)} takes the name back.`;
  return tmp;
}

function noteConstraint(ctx: StatementContext, rel: RangeVar, cmd: AlterTableCmd): void {
  if (cmd.subtype !== 'AT_AddConstraint') return;
  const con = as<Constraint>(cmd.def, 'Constraint');
  const t = as<{ arg?: Node; nulltesttype?: string }>(con?.raw_expr, 'NullTest');
  if (con?.contype !== 'CONSTR_CHECK' || t?.nulltesttype !== 'IS_NOT_NULL') return;
  const col = stringList(as<{ fields?: Node[] }>(t.arg, 'ColumnRef')?.fields).pop();
  const table = qualified(rel);
  if (col && table) ctx.memory.notNullChecks.add(`${table}|${col}`);
}

/** DROP COLUMN on a live table: the code must stop using the column in the release before. */
function stopUsingColumns(ctx: StatementContext, rel: RangeVar, cmds: AlterTableCmd[]): Draft[] {
  const dropped = cmds.filter((c) => c.subtype === 'AT_DropColumn' && c.name).map((c) => ident(c.name!));
  if (dropped.length === 0 || !isExisting(ctx, rel)) return [];
  const table = relationSql(rel);
  const what = dropped.map((c) => `${table}.${c}`).join(', ');
  return [
    draft(ctx, 'deploy', 'DROP_COLUMN', `Deploy code that no longer reads or writes ${what} (ORMs that cache the column list need it marked ignored first).`, [], {
      appMustDo: `Stop reading and writing ${what}.`,
    }),
  ];
}

function dropColumnAdvice(ctx: StatementContext, rel: RangeVar, cmds: AlterTableCmd[]): string {
  const dropped = cmds.filter((c) => c.subtype === 'AT_DropColumn' && c.name).map((c) => ident(c.name!));
  if (dropped.length === 0 || !isExisting(ctx, rel)) return '';
  return `The deploy phase stopped all use of ${dropped.join(', ')}; dropping it is a catalog change under a brief ACCESS EXCLUSIVE lock.`;
}

function planAlterCmd(ctx: StatementContext, rel: RangeVar, cmd: AlterTableCmd, op: Operation | undefined): Draft[] | undefined {
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      const def = as<ColumnDef>(cmd.def, 'ColumnDef');
      return def ? planAddColumn(ctx, rel, def, op, cmd.missing_ok === true) : undefined;
    }
    case 'AT_AlterColumnType':
      return typeChangeRewrites(ctx, op) ? planTypeChange(ctx, rel, cmd) : undefined;
    case 'AT_SetNotNull': {
      const key = `${qualified(rel)}|${cmd.name}`;
      return cmd.name && !ctx.memory.notNullChecks.has(key) ? planSetNotNull(ctx, rel, cmd.name, 'SET_NOT_NULL') : undefined;
    }
    case 'AT_AddConstraint': {
      const con = as<Constraint>(cmd.def, 'Constraint');
      if (!con) return undefined;
      if ((con.contype === 'CONSTR_FOREIGN' || con.contype === 'CONSTR_CHECK') && !con.skip_validation) {
        return planValidatedConstraint(ctx, rel, con, con.contype === 'CONSTR_FOREIGN' ? 'ADD_FOREIGN_KEY' : 'ADD_CHECK');
      }
      if ((con.contype === 'CONSTR_UNIQUE' || con.contype === 'CONSTR_PRIMARY') && !con.indexname && (con.keys ?? []).length > 0) {
        return planUniqueUsingIndex(ctx, rel, con, con.contype === 'CONSTR_UNIQUE' ? 'ADD_UNIQUE' : 'ADD_PRIMARY_KEY');
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A type change rewrites unless the rules judged it safe; the dry-run's rewrite trace settles it. */
function typeChangeRewrites(ctx: StatementContext, op: Operation | undefined): boolean {
  const trace = ctx.migration.report.dryRun?.statements.find((s) => s.statement === ctx.statement.index);
  if (trace && trace.rewrites.length > 0) return true;
  if (trace && !trace.error) return op?.risk !== 'SAFE';
  return op === undefined || op.risk !== 'SAFE' || op.rules.length === 0;
}

// ---------------------------------------------------------------------------------------------

function planCreateIndex(ctx: StatementContext, stmt: IndexStmt): Draft {
  let v = stmt;
  const op = ctx.ops[0];
  if (v.idxname && !isExisting(ctx, v.relation, op)) {
    // On a table created in this change there is no old index to keep serving queries: the
    // drop of the same name the migration made earlier simply runs first.
    const d = ctx.memory.drops.get(indexKey(v.relation, v.idxname));
    if (d && !d.absorbed) {
      ctx.memory.drops.delete(indexKey(v.relation, v.idxname));
      if (d.phase !== 'expand') d.phase = 'expand';
    }
  }
  const tmp = v.idxname && isExisting(ctx, v.relation, op) ? renameAfterDrop(ctx, v.relation, v.idxname) : undefined;
  if (tmp) v = { ...v, idxname: tmp };
  if ((v.concurrent || !isExisting(ctx, v.relation, op)) && !tmp) {
    if (v.idxname && v.relation) ctx.memory.newIndexes.add(`${v.relation.schemaname ?? 'public'}.${v.idxname}`);
    return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
  }
  const node = { IndexStmt: { ...v, concurrent: true } } as Node;
  const table = v.relation ? relationSql(v.relation) : '';
  const name = v.idxname && v.relation ? siblingSql(v.relation, v.idxname) : undefined;
  const invalid = name
    ? `drop it with DROP INDEX CONCURRENTLY ${name}`
    : `find it with SELECT indexrelid::regclass FROM pg_index WHERE indrelid = '${table.replace(/'/g, "''")}'::regclass AND NOT indisvalid, drop it with DROP INDEX CONCURRENTLY`;
  return draft(
    ctx,
    'expand',
    'CREATE_INDEX',
    `Build the index CONCURRENTLY: writes to ${table} continue while it builds (a plain CREATE INDEX holds a SHARE lock that blocks every write until it finishes). It cannot run inside a transaction block: give it its own migration with the runner's transaction turned off. If the build fails it leaves an INVALID index behind: ${invalid}, and run this again. On a partitioned table, build it CONCURRENTLY on each partition, then CREATE INDEX ON ONLY the parent and ATTACH each one.`,
    [deparse(node)],
    { transactional: false, replaces: true, rollback: name ? [`DROP INDEX CONCURRENTLY IF EXISTS ${name}`] : [] },
  );
}

/**
 * Why a rename cannot keep both names alive for a while (expand/contract), or undefined: the
 * migration gives the old name to something else later, or the new name belonged to something
 * it dropped earlier. Then old and new code cannot share the table anyway, and the rename runs
 * as written, in order with the statements around it.
 */
function nameReused(ctx: StatementContext, v: RenameStmt): string | undefined {
  const op = ctx.ops[0];
  if (!op?.table || !v.newname) return undefined;
  const ops = ctx.migration.report.operations;
  const later = ops.filter((o) => o.statement > ctx.statement.index);
  const earlier = ops.filter((o) => o.statement < ctx.statement.index);
  if (v.renameType === 'OBJECT_COLUMN' && v.subname) {
    const takesOld = later.some((o) => o.table === op.table && ((o.kind.startsWith('ADD_COLUMN') && o.columnName === v.subname) || (o.kind === 'RENAME_COLUMN' && o.typeName === v.subname)));
    if (takesOld) return `the migration adds another column named ${ident(v.subname)} after this rename`;
    const freedNew = earlier.some((o) => o.table === op.table && ((o.kind === 'DROP_COLUMN' && o.columnName === v.newname) || (o.kind === 'RENAME_COLUMN' && o.columnName === v.newname)));
    if (freedNew) return `the migration dropped the column ${ident(v.newname)} this rename takes the name of`;
  }
  if (v.renameType === 'OBJECT_TABLE') {
    const schema = op.table.split('.').slice(0, -1).join('.') || 'public';
    const takesOld = later.some((o) => (o.table === op.table && (o.kind === 'CREATE_TABLE' || o.kind === 'CREATE_VIEW')) || (o.kind === 'RENAME_TABLE' && o.typeName !== undefined && `${(o.table ?? '').split('.').slice(0, -1).join('.') || 'public'}.${o.typeName}` === op.table));
    if (takesOld) return `the migration creates another relation named ${ident(v.relation?.relname ?? '')} after this rename`;
    const freedNew = earlier.some((o) => (o.kind === 'DROP_TABLE' || o.kind === 'DROP_VIEW') && o.table === `${schema}.${v.newname}`);
    if (freedNew) return `the migration dropped the relation ${ident(v.newname)} this rename takes the name of`;
  }
  return undefined;
}

/**
 * A type renamed to the name of a type the migration dropped before it (the enum swap: create
 * the new type, move the columns to it, drop the old one, give the new one the old name). The
 * drop waits for the contract phase, so until then the name is taken: the rename follows it
 * there. Pulling the drop forward instead fails while a column moved by the online route still
 * holds the old type (it is dropped in the contract phase too, before the type).
 */
function typeRenameAfterDrop(ctx: StatementContext, v: RenameStmt): Draft | undefined {
  if ((v.renameType !== 'OBJECT_TYPE' && v.renameType !== 'OBJECT_DOMAIN') || !v.newname) return undefined;
  const from = qualifiedFromList(as<{ items?: Node[] }>(v.object, 'List')?.items);
  if (!from) return undefined;
  const to = `${from.slice(0, from.lastIndexOf('.'))}.${v.newname}`;
  const drop = ctx.migration.report.operations.find((o) => o.statement < ctx.statement.index && o.kind === 'DROP_TYPE' && o.typeName === to);
  if (!drop) return undefined;
  return draft(
    ctx,
    'contract',
    ctx.ops[0]?.kind ?? 'OTHER',
    `Renamed right after the DROP TYPE at line ${drop.line}, which frees the name ${ident(v.newname)} and waits for this phase; until then the type keeps the name ${ident(from.slice(from.lastIndexOf('.') + 1))}, so code that names the type must accept both until this release.`,
    [ctx.statement.text.trim().replace(/;\s*$/, '')],
  );
}

function planRename(ctx: StatementContext, v: RenameStmt): Draft[] {
  const op = ctx.ops[0];
  const afterDrop = typeRenameAfterDrop(ctx, v);
  if (afterDrop) return [afterDrop];
  const reused = nameReused(ctx, v);
  if (reused) {
    return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast, `It runs as written, in order with the statements around it: ${reused}, so the old and the new name cannot both stay in use for a release. Deploy the code that uses the new names together with this migration.`)];
  }
  const existing = v.relation !== undefined && isExisting(ctx, v.relation, op);
  if (existing && v.renameType === 'OBJECT_COLUMN' && v.relationType === 'OBJECT_TABLE' && v.subname && v.newname) {
    const inPlace = renameInPlace(ctx, v.relation!, v.subname);
    if (!inPlace) return planRenameColumn(ctx, v);
    // In order with what follows (later statements use the new name), but after the data
    // changes the migration made to the table before it (they use the old one).
    const afterData = ctx.migration.report.operations.some((o) => o.statement < ctx.statement.index && BACKFILL_KINDS.has(o.kind) && o.table === qualified(v.relation));
    return [draft(ctx, afterData ? 'backfill' : 'expand', 'RENAME_COLUMN',
      `Renamed in place, a catalog change under a brief ACCESS EXCLUSIVE lock: ${inPlace}. Old code that uses the old name breaks at once: deploy the code that uses ${ident(v.newname)} together with this migration (or add the new column, keep both in sync with a trigger and re-create on it what ${ident(v.subname)} carries, by hand). ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), ctx.statement.text.trim().replace(/;\s*$/, '')],
      { rollback: [`ALTER TABLE ${relationSql(v.relation!)} RENAME COLUMN ${ident(v.newname)} TO ${ident(v.subname)}`] })];
  }
  if (existing && v.renameType === 'OBJECT_TABLE' && v.relation && v.newname) {
    const old = relationSql(v.relation);
    const renamed = siblingSql(v.relation, v.newname);
    return [
      draft(
        ctx,
        'expand',
        'RENAME_TABLE',
        `Rename the table and leave a view under the old name in the same transaction: a simple view is updatable, so old code keeps reading and writing through it while new code uses ${renamed}. ${RETRY_ADVICE}`,
        [lockTimeoutSql(ctx), `ALTER TABLE ${old} RENAME TO ${ident(v.newname)}`, `CREATE VIEW ${old} AS SELECT * FROM ${renamed}`],
        { replaces: true, rollback: [`DROP VIEW IF EXISTS ${old}`, `ALTER TABLE ${renamed} RENAME TO ${ident(v.relation.relname ?? '')}`] },
      ),
      draft(ctx, 'deploy', 'RENAME_TABLE', `Deploy code that uses ${renamed}; the view ${old} only lists the columns the table had when it was created.`, [], {
        appMustDo: `Use ${renamed}, never ${old}.`,
      }),
      draft(ctx, 'contract', 'DROP_VIEW', `In a later release, drop the compatibility view ${old}.`, [`DROP VIEW ${old}`]),
    ];
  }
  if (v.renameType === 'OBJECT_TABLE' && v.relation && v.newname) {
    const name = qualified(v.relation);
    if (name && ctx.memory.newTables.has(name)) ctx.memory.newTables.add(`${v.relation.schemaname ?? 'public'}.${v.newname}`);
  }
  return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast)];
}

function planDrop(ctx: StatementContext, v: DropStmt): Draft {
  const names = (v.objects ?? []).map((o) => stringList(as<{ items?: Node[] }>(o, 'List')?.items));
  if (v.removeType === 'OBJECT_INDEX' && !v.concurrent && names.length === 1 && v.behavior !== 'DROP_CASCADE') {
    const parts = names[0]!;
    const qualifiedName = parts.length > 1 ? parts.join('.') : `public.${parts[0]}`;
    if (!ctx.memory.newIndexes.has(qualifiedName)) {
      const node = { DropStmt: { ...v, concurrent: true } } as Node;
      const d = draft(
        ctx,
        'contract',
        'DROP_INDEX',
        'Drop the index CONCURRENTLY, in its own migration outside a transaction: a plain DROP INDEX takes ACCESS EXCLUSIVE on the table and blocks reads and writes while it waits. Make sure no query still relies on it (check pg_stat_user_indexes.idx_scan).',
        [deparse(node)],
        { transactional: false, replaces: true },
      );
      ctx.memory.drops.set(`index ${qualifiedName}`, d);
      return d;
    }
  }
  if (v.removeType === 'OBJECT_INDEX' && names.length === 1) {
    const parts = names[0]!;
    const d = asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
    if (d.phase === 'contract') ctx.memory.drops.set(`index ${parts.length > 1 ? parts.join('.') : `public.${parts[0]}`}`, d);
    return d;
  }
  if (v.removeType === 'OBJECT_TABLE') {
    const tables = names.map((p) => (p.length > 1 ? p.join('.') : `public.${p[0]}`));
    if (tables.some((t) => !ctx.memory.newTables.has(t))) {
      return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast, 'First deploy code that no longer uses the table; take a backup, the data goes with it.');
    }
  }
  return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
}

function planReindex(ctx: StatementContext, v: ReindexStmt): Draft {
  const concurrent = optionOn(v.params, 'concurrently');
  const system = v.kind === 'REINDEX_OBJECT_SYSTEM';
  if (concurrent || system || ctx.pgVersion < 12) return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
  const params = [...(v.params ?? []).filter((p) => as<{ defname?: string }>(p, 'DefElem')?.defname !== 'concurrently'), { DefElem: { defname: 'concurrently', defaction: 'DEFELEM_UNSPEC' } }];
  return draft(
    ctx,
    'expand',
    'REINDEX',
    'REINDEX CONCURRENTLY builds a new copy of the index and swaps it in, so writes continue (plain REINDEX blocks them, and blocks reads that use the index). It cannot run inside a transaction block; a failed run leaves an INVALID *_ccnew index to drop.',
    [deparse({ ReindexStmt: { ...v, params } } as Node)],
    { transactional: false, replaces: true },
  );
}

// ---------------------------------------------------------------------------------------------
// UPDATE / DELETE on tables with data: batched when the statement can be repeated safely

function planDml(ctx: StatementContext, tag: 'UpdateStmt' | 'DeleteStmt', v: Record<string, unknown>): Draft {
  const rel = v.relation as RangeVar | undefined;
  const op = ctx.ops[0];
  if (!rel || !isExisting(ctx, rel, op)) return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
  const one = oneBatch(ctx.statement.ast, { size: ctx.batchSize, typeOf: columnTypesAt(ctx, relationName(rel)) });
  if ('why' in one) {
    return asIs(
      ctx,
      ctx.ops,
      ctx.statement.text,
      ctx.statement.ast,
      `In one statement it locks every matching row until it commits and bloats the table at once: run it in batches of ${ctx.batchSize} by primary-key range, committing between batches (it cannot be batched blindly because ${one.why}).`,
    );
  }
  const how = batchedSql(ctx, one.sql);
  return draft(
    ctx,
    'backfill',
    tag === 'UpdateStmt' ? 'UPDATE_VALUES' : 'DELETE_ROWS',
    `The same change ${how.how}, outside the DDL transaction: each batch holds its row locks briefly and autovacuum keeps up.`,
    [how.sql],
    { transactional: false, replaces: true },
  );
}

// ---------------------------------------------------------------------------------------------

/** A DO block runs as written; its phase follows what it does, and risky statements inside are named. */
function planDo(ctx: StatementContext, v: Record<string, unknown>): Draft {
  const nested = ctx.migration.up.statements.filter((s) => s.nestedIn?.statement === ctx.statement.index);
  const nestedOps = ctx.migration.report.operations.filter((o) => nested.some((s) => s.index === o.statement));
  const risky = nestedOps.filter((o) => o.risk !== 'SAFE');
  const extra = risky.length
    ? `It runs ${risky.map((o) => `${o.kind}${o.table ? ` on ${o.table}` : ''} (${o.risk})`).join(', ')} inside the block: take ${risky.length > 1 ? 'those' : 'that'} out and apply the plan's steps for ${risky.length > 1 ? 'them' : 'it'} instead.`
    : '';
  const kinds = nestedOps.map((o) => o.kind);
  const ops: Operation[] = kinds.length > 0 ? nestedOps : ctx.ops;
  // A DO block that commits is a batched data job already; one that only does DDL stays in order.
  const phase: PhaseName = kinds.some((k) => BACKFILL_KINDS.has(k)) || (nested.length === 0 && /\bUPDATE\b|\bDELETE\b|\bINSERT\b/i.test(doBody(v))) ? 'backfill' : asIsPhase(ctx, ops.filter((o) => !BACKFILL_KINDS.has(o.kind)));
  const d = asIs(ctx, ops.length ? ops : ctx.ops, ctx.statement.text, ctx.statement.ast, extra);
  d.phase = phase;
  d.step.operationKind = 'DO_BLOCK';
  return d;
}
