// The safe plan: the operations of the migrations under review, ordered into phases that can
// each ship on their own, with the SQL to run instead of every risky statement.
import type { OperationKind, Verification } from '../core/types.js';

export const PHASE_NAMES = ['expand', 'backfill', 'validate', 'deploy', 'contract'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

export interface PlanStep {
  migrationPath: string;
  /** Line of the original statement in `migrationPath`. */
  line: number;
  operationKind: OperationKind;
  /** What this step does and why, in a sentence or two. */
  description: string;
  /** Statements to run, in order, without trailing `;`. Empty when the step is application work. */
  sql: string[];
  /**
   * True: run the statements together in one transaction. False: each statement on its own,
   * outside any transaction block (CONCURRENTLY, batched backfills that COMMIT).
   */
  transactional: boolean;
  /** The original statement text this step replaces, when the plan rewrote it. */
  replaces?: string;
  /** SQL that undoes this step (run in reverse step order to roll the phase back). */
  rollback?: string[];
}

export interface PlanPhase {
  name: PhaseName;
  title: string;
  steps: PlanStep[];
  /** What the application must do before the next phase starts. */
  appMustDo?: string;
  /** How to roll this phase back, in words. */
  rollback: string;
  /** The statements that roll this phase back, in the order to run them. */
  rollbackSql?: string[];
}

export interface Plan {
  /** Only phases with something in them, in PHASE_NAMES order. */
  phases: PlanPhase[];
  notes: string[];
}

/** What running a plan proved: the whole, each phase, and each phase's rollback SQL (index by index with the phases). */
export interface PlanChecks {
  plan: Verification;
  phases: Verification[];
  /** Absent from a result made before rollbacks were run: then no rollback SQL is marked verified. */
  rollbacks?: Verification[];
}

export interface PlanOptions {
  /** Target Postgres major version. */
  pgVersion: number;
  /** Rows per batch in generated backfills (default 1000). */
  batchSize?: number;
  /** `lock_timeout` for steps that still take a blocking lock (default '5s'). */
  lockTimeout?: string;
}

export type { Verification } from '../core/types.js';
