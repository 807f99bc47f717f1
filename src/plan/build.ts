// Builds the plan from the analyzed migrations; apart from index.ts so that a renderer that
// needs only this (the markdown summary, on every lint that prints it) does not load the plan's
// JSON schema, which is zod.
import type { AnalyzedMigration } from '../check/types.js';
import type { Draft, PlanMemory, StatementContext } from './context.js';
import { DropOrder, HeldConstraintDrops, afterDeferred } from './order.js';
import { assemblePhases } from './phases.js';
import { planStatement } from './statements.js';
import { placeholderStandIns } from '../parse/index.js';
import type { PhaseName, Plan, PlanOptions } from './types.js';

export function buildPlan(migrations: AnalyzedMigration[], opts: PlanOptions): Plan {
  const memory: PlanMemory = { newTables: new Set(), newIndexes: new Set(), notNullChecks: new Set(), drops: new Map(), notes: [] };
  const drafts: Draft[] = [];
  let outsideTx = false;
  const dropOrder = new DropOrder();
  const held = new HeldConstraintDrops();
  for (const m of migrations) {
    // Its up runs as the base branch has it, or it ran before migrations that stay: nothing of it is this change's to plan.
    if (m.migration.upAsBase || m.migration.historyFollows) continue;
    for (const e of m.up.errors) {
      memory.notes.push(`${e.path}:${e.line}:${e.column}: does not parse (${e.message}); the plan leaves this migration out until it does.`);
    }
    if (m.up.errors.length > 0) continue;
    let latest: PhaseName | undefined;
    const opsByStatement = new Map<number, typeof m.report.operations>();
    for (const op of m.report.operations) {
      const list = opsByStatement.get(op.statement) ?? [];
      list.push(op);
      opsByStatement.set(op.statement, list);
    }
    // The plan prints a placeholder as written (`${schema}`), not the parser's stand-in for it.
    const standIns = m.up.unknownPlaceholders?.length ? placeholderStandIns(m.up.unknownPlaceholders) : undefined;
    for (const statement of m.up.statements) {
      // Statements inside DO blocks and function bodies run with their parent.
      if (statement.nestedIn) continue;
      // A base changeset of a changelog the change added changesets to ran with the base branch.
      if (m.migration.baseChangesets?.some(([a, b]) => statement.start >= a && statement.start < b)) continue;
      const ctx: StatementContext = {
        migration: m,
        statement,
        ops: opsByStatement.get(statement.index) ?? [],
        pgVersion: opts.pgVersion,
        batchSize: opts.batchSize ?? 1000,
        lockTimeout: opts.lockTimeout ?? '5s',
        memory,
      };
      held.learn(statement.ast);
      const out = planStatement(ctx);
      if (standIns) for (const d of out) restoreStep(d, standIns);
      held.release(ctx.ops, out, memory);
      afterDeferred(ctx.ops, out, latest);
      dropOrder.add(ctx.ops, out);
      latest = latestPhase(out, latest);
      if (out.some((d) => !d.step.transactional && d.step.sql.length > 0)) outsideTx = true;
      drafts.push(...out);
    }
  }
  const notes = [...new Set(memory.notes)];
  if (outsideTx) {
    notes.push(
      'Steps marked "outside a transaction" need a migration of their own with the runner\'s transaction turned off (golang-migrate: one statement per file, since a multi-statement file runs as one implicit transaction; Flyway: executeInTransaction=false; goose: -- +goose NO TRANSACTION; dbmate: -- migrate:up transaction:false; Liquibase: runInTransaction:false; Rails: disable_ddl_transaction!).',
    );
  }
  return { phases: assemblePhases(drafts.filter((d) => !d.absorbed)), notes };
}

/**
 * `since`, or the backfill phase when one of these drafts' steps is in it: a data change there
 * may read what a later statement of its migration drops. A validation or what waits for the
 * contract phase does not wait for anything new.
 */
function latestPhase(drafts: readonly Draft[], since: PhaseName | undefined): PhaseName | undefined {
  return since ?? (drafts.some((d) => !d.absorbed && d.step.sql.length > 0 && d.phase === 'backfill') ? 'backfill' : undefined);
}

function restoreStep(d: Draft, standIns: ReturnType<typeof placeholderStandIns>): void {
  const r = (t: string) => standIns.restoreInNames(t);
  d.step.sql = d.step.sql.map(r);
  d.step.description = r(d.step.description);
  if (d.step.replaces !== undefined) d.step.replaces = r(d.step.replaces);
  if (d.step.rollback) d.step.rollback = d.step.rollback.map(r);
}
