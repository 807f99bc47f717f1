// Reads, from a database holding the base schema, the columns whose type the migrations under
// review change, those an UPDATE sets, and the columns of a primary key they add, each as it is
// just before its migration: the plan's online type change carries their NOT NULL, DEFAULT,
// indexes and constraints over, and offers no swap without them; its batched UPDATE compares
// each column with its new value as the column's type; the rollback of a key attached USING
// INDEX makes the columns that were nullable nullable again.
import type { AlterTableCmd, AlterTableStmt, Constraint, RenameStmt, ResTarget, UpdateStmt } from '@pgsql/types';
import { as, nodeTag, relationName, stringList } from '../analyze/ast.js';
import { columnTypeSource } from '../analyze/column-type.js';
import type { AnalyzedMigration } from '../check/types.js';
import { columnShapeKey, type ColumnShape } from '../core/column-shape.js';
import { readColumnShape } from '../dryrun/column-shape.js';
import { applyUntraced, type Limits } from '../dryrun/execute.js';
import type { DryRunMigration } from '../dryrun/run.js';
import { takeSnapshot, type Queryable } from '../dryrun/snapshot.js';
import { ident } from '../plan/sql.js';
import type { VerifyOptions } from './plan.js';
import { sessionFor, type VerifySession } from './session.js';

/** `schema.table` as SQL. */
function relationOf(table: string): string {
  const dot = table.indexOf('.');
  return `${ident(table.slice(0, dot))}.${ident(table.slice(dot + 1))}`;
}

/**
 * The columns a migration changes the type of or renames, and the pre-existing columns its
 * UPDATEs set or its primary keys cover (under their names before the migration):
 * [schema-qualified table, column, relation as SQL].
 */
function shapeTargets(m: AnalyzedMigration): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  const beforeMigration = (index: number, table: string, column: string): void => {
    const source = columnTypeSource(m.up.statements, index, table, column);
    if (source && 'table' in source && !out.some(([tb, c]) => tb === source.table && c === source.column)) out.push([source.table, source.column, relationOf(source.table)]);
  };
  for (const s of m.up.statements) {
    if (s.nestedIn) continue;
    const t = nodeTag(s.ast);
    if (t?.[0] === 'UpdateStmt') {
      const table = relationName((t[1] as UpdateStmt).relation);
      for (const n of (t[1] as UpdateStmt).targetList ?? []) {
        const name = as<ResTarget>(n, 'ResTarget')?.name;
        if (table && name) beforeMigration(s.index, table, name);
      }
      continue;
    }
    if (t?.[0] === 'RenameStmt') {
      const r = t[1] as RenameStmt;
      if (r.renameType === 'OBJECT_COLUMN' && r.relation?.relname && r.subname) {
        const schema = r.relation.schemaname ?? 'public';
        out.push([`${schema}.${r.relation.relname}`, r.subname, `${ident(schema)}.${ident(r.relation.relname)}`]);
      }
      continue;
    }
    if (!t || t[0] !== 'AlterTableStmt') continue;
    const v = t[1] as AlterTableStmt;
    const rel = v.relation;
    if (!rel?.relname || (v.objtype !== undefined && v.objtype !== 'OBJECT_TABLE')) continue;
    const schema = rel.schemaname ?? 'public';
    for (const c of v.cmds ?? []) {
      const cmd = as<AlterTableCmd>(c, 'AlterTableCmd');
      if (cmd?.subtype === 'AT_AlterColumnType' && cmd.name) out.push([`${schema}.${rel.relname}`, cmd.name, `${ident(schema)}.${ident(rel.relname)}`]);
      const con = cmd?.subtype === 'AT_AddConstraint' ? as<Constraint>(cmd.def, 'Constraint') : undefined;
      if (con?.contype === 'CONSTR_PRIMARY') for (const k of stringList(con.keys)) beforeMigration(s.index, `${schema}.${rel.relname}`, k);
    }
  }
  return out;
}

/** Sets `m.columnShapes` from `db`, which holds the schema just before `m`. */
export async function readMigrationShapes(db: Queryable, m: AnalyzedMigration): Promise<void> {
  const shapes = new Map<string, ColumnShape>();
  for (const [table, column, relation] of shapeTargets(m)) {
    const shape = await readColumnShape(db, relation, column);
    if (shape) shapes.set(columnShapeKey(table, column), shape);
  }
  if (shapes.size > 0) m.columnShapes = shapes;
}

/** Whether `m` has columns whose shapes readColumnShapes reads. */
export function hasShapeTargets(m: AnalyzedMigration): boolean {
  return shapeTargets(m).length > 0;
}

/**
 * Sets `columnShapes` on each review migration that changes a column's type, unless the
 * session already read them (from the dry-run's database). Best effort: a base that does not
 * apply, or an engine that is not there, leaves them unset (the plan then says why it offers
 * no online swap). With a session, a pass that applied every migration also leaves it the
 * schema they produce, which the plan's verification compares with.
 */
export async function readColumnShapes(base: DryRunMigration[], review: AnalyzedMigration[], opts: VerifyOptions): Promise<void> {
  if (!review.some((m) => hasShapeTargets(m) && !opts.session?.shapesRead.has(m.migration.id))) return;
  const limits: Limits = { statementTimeoutMs: opts.statementTimeoutMs ?? 10_000, deadline: Date.now() + (opts.totalTimeoutMs ?? 120_000) };
  let own: VerifySession | undefined;
  try {
    const { session, owned } = sessionFor(opts);
    if (owned) own = session;
    const asDryRun = (m: AnalyzedMigration): DryRunMigration => ({ migration: m.migration, up: m.up, down: null });
    const input = { base, review: review.map(asDryRun) };
    const opened = await session.open(input, limits);
    if ('reason' in opened) return;
    const sandbox = opened.sandbox;
    try {
      let all = true;
      for (const m of review) {
        if (!session.shapesRead.has(m.migration.id)) await readMigrationShapes(sandbox, m);
        const err = m.up.errors.length > 0 ? { message: 'does not parse' } : await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits).catch(() => ({ message: 'failed' }));
        if (err) { all = false; break; }
      }
      if (all && !owned) session.rememberSchema(input, await takeSnapshot(sandbox));
    } finally {
      await sandbox.close();
    }
  } catch {
    // No database, no shapes: the plan says so.
  } finally {
    await own?.dispose();
  }
}
