// What every planner shares: the statement being planned, its operations, the options, what
// earlier statements in the plan created, and the small builders for steps, lock-timeout
// preambles and batched backfills.
import type { RangeVar } from '@pgsql/types';
import type { AnalyzedMigration } from '../check/types.js';
import { blocksWrites } from '../core/risk.js';
import type { LockMode, Operation, OperationKind, Statement } from '../core/types.js';
import { batchLoop, batchedUpdate as batchedUpdateSql } from '../analyze/batch-sql.js';
import type { PhaseName, PlanStep } from './types.js';

/** A step and the phase it belongs to, plus what the app must do before that phase ends. */
export interface Draft {
  phase: PhaseName;
  step: PlanStep;
  appMustDo?: string;
  /** Set when a later step took this step's SQL over (a drop that a re-add of the same name needs first). */
  absorbed?: true;
}

/** Facts that grow as the plan walks the migrations in order. */
export interface PlanMemory {
  /** Schema-qualified tables created in the migrations under review. */
  newTables: Set<string>;
  /** Schema-qualified indexes created in the migrations under review. */
  newIndexes: Set<string>;
  /** `schema.table|column` with a CHECK (column IS NOT NULL) added in the migrations under review. */
  notNullChecks: Set<string>;
  /**
   * Drops of constraints (`constraint schema.table.name`) and indexes (`index schema.name`)
   * planned so far: a later re-add of the same name must run after the drop, not phases later.
   */
  drops: Map<string, Draft>;
  /** The table of each constraint drop in `drops` (`constraint schema.table.name` -> `schema.table`). */
  constraintDropTables?: Map<string, string>;
  notes: string[];
}

export interface StatementContext {
  migration: AnalyzedMigration;
  statement: Statement;
  /** The operations of this statement, in the classifier's order. */
  ops: Operation[];
  pgVersion: number;
  batchSize: number;
  lockTimeout: string;
  memory: PlanMemory;
}

export const RETRY_ADVICE =
  'The lock_timeout stops it from queueing every query behind it while it waits for the lock; if it times out nothing changed: retry it a few times, with a pause.';

export function qualified(rel: RangeVar | undefined): string | undefined {
  if (!rel?.relname) return undefined;
  return `${rel.schemaname ?? 'public'}.${rel.relname}`;
}

/** True when the table existed before the migrations under review (only such tables hold data). */
export function isExisting(ctx: StatementContext, rel: RangeVar | undefined, op?: Operation): boolean {
  if (op?.targetIsNew) return false;
  const name = qualified(rel);
  return !(name && ctx.memory.newTables.has(name));
}

export function draft(
  ctx: StatementContext,
  phase: PhaseName,
  kind: OperationKind,
  description: string,
  sql: string[],
  opts: { transactional?: boolean; replaces?: boolean; rollback?: string[]; appMustDo?: string } = {},
): Draft {
  const step: PlanStep = {
    migrationPath: ctx.migration.report.path,
    line: ctx.statement.line,
    operationKind: kind,
    description,
    sql,
    transactional: opts.transactional ?? true,
  };
  if (opts.replaces) step.replaces = ctx.statement.text;
  if (opts.rollback && opts.rollback.length > 0) step.rollback = opts.rollback;
  return opts.appMustDo ? { phase, step, appMustDo: opts.appMustDo } : { phase, step };
}

export function lockTimeoutSql(ctx: StatementContext): string {
  return `SET lock_timeout = '${ctx.lockTimeout.replace(/'/g, "''")}'`;
}

/** True when `lock` on a table that already holds data blocks writes (or reads) while held. */
export function blocking(lock: LockMode | undefined): boolean {
  return lock !== undefined && blocksWrites(lock);
}

/** The batch as SQL the user can run: a self-looping DO block, or one batch to repeat before PG 11. */
export function batchedSql(ctx: StatementContext, batchStatement: string): { sql: string; how: string } {
  if (ctx.pgVersion >= 11) {
    return {
      sql: batchLoop(batchStatement),
      how: `in batches of ${ctx.batchSize} rows, committing and pausing between batches`,
    };
  }
  return {
    sql: batchStatement,
    how: `in batches of ${ctx.batchSize} rows: run the statement again until it reports 0 rows (PostgreSQL ${ctx.pgVersion} cannot COMMIT inside a DO block)`,
  };
}

/** `UPDATE rel SET ... WHERE ctid = ANY (one batch of the pending rows)`, batches of the plan's size. */
export function batchedUpdate(ctx: StatementContext, relSql: string, setSql: string, pending: string): string {
  return batchedUpdateSql(relSql, setSql, pending, ctx.batchSize);
}

/**
 * The drop of `key` planned earlier, taken out of its phase so the re-add of the same name can
 * run it first (in the same transaction where it can): without this the re-add fails with
 * "already exists" and the later drop removes what was re-added.
 */
export function absorbDrop(ctx: StatementContext, key: string): string[] {
  const d = ctx.memory.drops.get(key);
  if (!d || d.absorbed) return [];
  d.absorbed = true;
  ctx.memory.drops.delete(key);
  return d.step.sql.filter((s) => !/^SET\s+lock_timeout\b/i.test(s));
}

export function constraintKey(rel: RangeVar, name: string): string {
  return `constraint ${qualified(rel)}.${name}`;
}
