// Reads, from a database holding the base schema, the columns whose type the migrations under
// review change, and those an UPDATE sets, each as it is just before its migration: the plan's
// online type change carries their NOT NULL, DEFAULT, indexes and constraints over, and offers
// no swap without them; its batched UPDATE compares each column with its new value as the
// column's type.
import type { AlterTableCmd, AlterTableStmt, RenameStmt, ResTarget, UpdateStmt } from '@pgsql/types';
import { as, nodeTag, relationName } from '../analyze/ast.js';
import { columnTypeSource } from '../analyze/column-type.js';
import type { AnalyzedMigration } from '../check/types.js';
import { columnShapeKey, type ColumnShape } from '../core/column-shape.js';
import { readColumnShape } from '../dryrun/column-shape.js';
import { applyUntraced, type Limits } from '../dryrun/execute.js';
import type { DryRunMigration } from '../dryrun/run.js';
import type { SandboxProvider } from '../dryrun/sandbox.js';
import type { Queryable } from '../dryrun/snapshot.js';
import { ident } from '../plan/sql.js';
import { openBase, verifierProvider, type VerifyOptions } from './plan.js';

/** `schema.table` as SQL. */
function relationOf(table: string): string {
  const dot = table.indexOf('.');
  return `${ident(table.slice(0, dot))}.${ident(table.slice(dot + 1))}`;
}

/**
 * The columns a migration changes the type of or renames, and the pre-existing columns its
 * UPDATEs set (under their names before the migration): [schema-qualified table, column, relation as SQL].
 */
function shapeTargets(m: AnalyzedMigration): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const s of m.up.statements) {
    if (s.nestedIn) continue;
    const t = nodeTag(s.ast);
    if (t?.[0] === 'UpdateStmt') {
      const table = relationName((t[1] as UpdateStmt).relation);
      for (const n of (t[1] as UpdateStmt).targetList ?? []) {
        const name = as<ResTarget>(n, 'ResTarget')?.name;
        const source = table && name ? columnTypeSource(m.up.statements, s.index, table, name) : undefined;
        if (source && 'table' in source && !out.some(([tb, c]) => tb === source.table && c === source.column)) out.push([source.table, source.column, relationOf(source.table)]);
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

/**
 * Sets `columnShapes` on each review migration that changes a column's type. Best effort: a
 * base that does not apply, or an engine that is not there, leaves them unset (the plan then
 * says why it offers no online swap).
 */
export async function readColumnShapes(base: DryRunMigration[], review: AnalyzedMigration[], opts: VerifyOptions): Promise<void> {
  if (!review.some((m) => shapeTargets(m).length > 0)) return;
  const limits: Limits = { statementTimeoutMs: opts.statementTimeoutMs ?? 10_000, deadline: Date.now() + (opts.totalTimeoutMs ?? 120_000) };
  let provider: SandboxProvider | undefined;
  try {
    provider = verifierProvider(opts, limits.statementTimeoutMs, 0);
    const asDryRun = (m: AnalyzedMigration): DryRunMigration => ({ migration: m.migration, up: m.up, down: null });
    const opened = await openBase(provider, { base, review: review.map(asDryRun) }, limits);
    if ('reason' in opened) return;
    const sandbox = opened.sandbox;
    try {
      for (const m of review) {
        await readMigrationShapes(sandbox, m);
        if (m.up.errors.length > 0) break;
        const err = await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits).catch(() => ({ message: 'failed' }));
        if (err) break;
      }
    } finally {
      await sandbox.close();
    }
  } catch {
    // No database, no shapes: the plan says so.
  } finally {
    await provider?.dispose().catch(() => undefined);
  }
}
