// The inputs and outputs of one review run (discover -> parse -> analyze -> dry-run -> report).
// Every surface (CLI, Action, App) calls `runCheck` (check/run.ts) with these and renders the
// result; none re-implements a stage.
import type { SuppressedFinding } from '../analyze/analyze.js';
import type { Config } from '../config/defaults.js';
import type { ColumnShape } from '../core/column-shape.js';
import type { FileChange, FileTransaction, Migration, MigrationReport, ParsedSource, Report, ReportNote, RepoFiles, Verification } from '../core/types.js';
import type { Plan, PlanChecks } from '../plan/types.js';

export type CheckScope =
  /** Every migration found in the tree is under review. */
  | { kind: 'all' }
  /** Exactly these files (or folders), outside any layout unless one is detected around them. */
  | { kind: 'paths'; paths: string[] }
  /** The migrations these changes touch; `base` is the tree at the merge base (for history and edits). */
  /** `notes`: what the comparison itself could not do as usual, reported as they are. */
  | { kind: 'changes'; changes: FileChange[]; base: RepoFiles | null; readBase?: (path: string) => Promise<string | null>; notes?: ReportNote[] };

export interface ProgressEvent {
  stage: 'discover' | 'parse' | 'analyze' | 'dry-run';
  done: number;
  total: number;
  label?: string;
}

export interface CheckOptions {
  /** The tree under review (the head of the pull request). */
  files: RepoFiles;
  config: Config;
  scope: CheckScope;
  /** Run the migrations on a throwaway Postgres (config.dryRun says how). */
  dryRun?: boolean;
  /** Keep the parsed base history in the result (`history`) without a dry-run: the plan's verification replays it. */
  keepHistory?: boolean;
  /**
   * The caller renders from the reports and the statements' positions and text only (every
   * format but markdown, whose plan reads the trees; no dry-run, no plan): each statement's
   * tree is dropped once analyzed — its `ast` is then the empty NO_TREE, or for a file analysed
   * as it was parsed its tag alone (check/analyze-set.ts) — and a large input is analyzed on
   * worker threads too (check/parallel.ts).
   * Ignored with `dryRun` or `keepHistory`.
   */
  withoutTrees?: boolean;
  onProgress?: (event: ProgressEvent) => void;
}

/** One migration under review with everything the renderers and the plan need. */
export interface AnalyzedMigration {
  migration: Migration;
  up: ParsedSource;
  down: ParsedSource | null;
  report: MigrationReport;
  /**
   * How the runner runs this file (its layout's mode, `implicit` resolved by the file's statements
   * while their trees were at hand: core/transaction.ts).
   */
  transaction: FileTransaction;
  /** Findings silenced by `migration-guard-ignore` directives (the GitHub gate re-checks who added them). */
  suppressed?: SuppressedFinding[];
  /**
   * Rule ids of the rollback review's findings left out because the rollback, which the change
   * left as it was, had them with the up as the base branch had it (Migration.rollbackAsBase).
   */
  preexisting?: string[];
  /**
   * The columns this migration changes the type of, as they were before it (key from
   * columnShapeKey): read from a database by src/verify when one is at hand. The plan carries
   * each one's attributes over to the new column, and offers no online swap without them.
   */
  columnShapes?: Map<string, ColumnShape>;
}

export interface CheckResult {
  report: Report;
  /** Same order as report.migrations. */
  migrations: AnalyzedMigration[];
  /** Source text by path, for renderers that quote the SQL. */
  sources: Map<string, string>;
  /** The migrations before the ones under review (the base the verifier and dry-run start from). */
  history?: Array<{ migration: Migration; up: ParsedSource; down: ParsedSource | null }>;
  /** With a dry-run: the safe plan run phase by phase (src/verify), one entry per phase of buildPlan's plan. */
  planVerification?: PlanChecks;
  /** The plan `planVerification` ran: what the renderers show when it is there, so the SQL shown is the SQL run. */
  plan?: Plan;
}

/** An approval recorded in the sticky comment (Action and App). */
export interface ApprovalRecord {
  approver: string;
  reason?: string;
  /** sha256 over the reviewed migrations' paths and contents at `headSha`. */
  contentHash: string;
  headSha: string;
  /** ISO 8601. */
  at: string;
}
