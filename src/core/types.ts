// The shared vocabulary of every stage. Everything here is plain data: no stage reaches into
// another stage's internals, it reads these shapes. The JSON report contract (docs/design.md) is
// the `Report` type at the bottom; renaming a field there breaks other tools.
import type { Node } from '@pgsql/types';

export const RISKS = ['SAFE', 'CAUTION', 'DANGEROUS'] as const;
export type Risk = (typeof RISKS)[number];

/** Table-level lock modes, weakest first, named as in pg_locks.mode. */
export const LOCK_MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;
export type LockMode = (typeof LOCK_MODES)[number];

export const OPERATION_KINDS = [
  'CREATE_TABLE', 'DROP_TABLE', 'RENAME_TABLE',
  'ADD_COLUMN_NULLABLE', 'ADD_COLUMN_NOT_NULL', 'ADD_COLUMN_VOLATILE_DEFAULT',
  'DROP_COLUMN', 'RENAME_COLUMN', 'ALTER_COLUMN_TYPE',
  'SET_NOT_NULL', 'DROP_NOT_NULL', 'SET_DEFAULT', 'DROP_DEFAULT',
  'CREATE_INDEX', 'CREATE_INDEX_CONCURRENTLY', 'DROP_INDEX', 'DROP_INDEX_CONCURRENTLY', 'REINDEX',
  'ADD_FOREIGN_KEY', 'ADD_CHECK', 'ADD_UNIQUE', 'ADD_PRIMARY_KEY', 'ADD_EXCLUSION',
  'VALIDATE_CONSTRAINT', 'DROP_CONSTRAINT',
  'CREATE_TYPE', 'ALTER_TYPE_ADD_VALUE', 'DROP_TYPE',
  'CREATE_VIEW', 'DROP_VIEW', 'REFRESH_MATERIALIZED_VIEW',
  'CREATE_FUNCTION', 'CREATE_TRIGGER', 'CREATE_EXTENSION', 'CREATE_SCHEMA', 'DROP_SCHEMA',
  'TRUNCATE', 'UPDATE_VALUES', 'DELETE_ROWS', 'INSERT_ROWS',
  'VACUUM_FULL', 'CLUSTER', 'SET_LOGGED', 'SET_UNLOGGED', 'SET_TABLESPACE',
  'ATTACH_PARTITION', 'DETACH_PARTITION', 'GRANT', 'COMMENT', 'SET_SETTING',
  'TRANSACTION_CONTROL', 'DO_BLOCK', 'OTHER',
  // Additions beyond docs/design.md's minimum (allowed: "add more where needed, never rename").
  'RENAME_SCHEMA', 'RENAME_INDEX', 'RENAME_CONSTRAINT', 'DROP_DATABASE', 'DROP_TRIGGER',
  'DROP_FUNCTION', 'CREATE_DOMAIN', 'ALTER_DOMAIN', 'ALTER_TYPE_RENAME_VALUE', 'CREATE_SEQUENCE',
  'ALTER_SEQUENCE', 'DROP_SEQUENCE', 'CREATE_POLICY', 'ENABLE_RLS', 'ALTER_TABLE_OTHER',
  'CREATE_MATERIALIZED_VIEW', 'VACUUM', 'ANALYZE', 'DROP_EXTENSION', 'ALTER_OWNER',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** Where a piece of SQL is: 1-based line and column (in characters), plus string offsets. */
export interface Position {
  line: number;
  column: number;
}

/** One SQL text to parse: a whole file, or one section of a file (dbmate up, goose down...). */
export interface SqlSource {
  /** Path relative to the repository root (or as the user gave it), with forward slashes. */
  path: string;
  /**
   * The SQL. For a section of a file this is the whole file with everything outside the
   * section blanked to spaces (newlines kept), so positions need no translation.
   */
  text: string;
}

export interface Statement {
  /** Index in the parsed source, in order; nested statements get their own index after the parent. */
  index: number;
  path: string;
  /** Position of the statement's first token. */
  line: number;
  column: number;
  /** JavaScript string offsets of the statement text in the source (end exclusive, no `;`). */
  start: number;
  end: number;
  text: string;
  /** The parsed statement, e.g. `{ AlterTableStmt: {...} }`. */
  ast: Node;
  /** Comments between the previous statement and this one, without their `--` or `/* *\/`. */
  comments: readonly string[];
  /** Set when the statement was found inside the static SQL of a DO block or function body. */
  nestedIn?: {
    statement: number;
    kind: 'do-block' | 'function-body';
    /**
     * A routine body judged as running because a trigger the migration creates runs it: it runs
     * in the transactions of the writes that fire the trigger, after the migration, not in the
     * migration's own transaction, and the migration itself changes no data with it.
     */
    trigger?: true;
  };
}

export interface ParseError {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** Something the parser changed or skipped on purpose (a psql meta-command, a placeholder). */
export interface ParseNote {
  path: string;
  line: number;
  column: number;
  message: string;
}

/**
 * A psql meta-command in the file (`\ir lib.sql`, `\gexec`): psql runs it, Postgres' parser never
 * sees it (the parse stage blanks it and notes it).
 */
export interface MetaCommand {
  line: number;
  column: number;
  /** The command without its backslash: `ir`, `gexec`, `set`. */
  name: string;
  /** The rest of its line, trimmed. */
  argument: string;
  /** For a command that sends the query buffer (`\g`, `\gexec`, ...): the text of the statement it sends. */
  sends?: string;
}

export interface ParsedSource {
  path: string;
  statements: Statement[];
  errors: ParseError[];
  notes: ParseNote[];
  /** psql meta-commands in the file, in order; absent when there are none. */
  metaCommands?: MetaCommand[];
  /**
   * `${name}` placeholders (pop: Go template actions) without a known value, each once; absent
   * when there are none. `written`: as the file has it; `standIn`: the identifier parsed in its place.
   */
  unknownPlaceholders?: Array<UnknownPlaceholder & { line: number; column: number; written: string; standIn: string }>;
}

/**
 * What fills a placeholder in: a runner's `${name}` (Flyway, Liquibase), a Go template action
 * (pop), or an environment variable (goose ENVSUB).
 */
export type PlaceholderKind = 'placeholder' | 'go-template' | 'environment';

/** A placeholder without a value the review knows: its kind, the name a value is given by, and how a message shows it. */
export interface UnknownPlaceholder {
  kind: PlaceholderKind;
  name: string;
  shown: string;
}

export interface Operation {
  kind: OperationKind;
  risk: Risk;
  line: number;
  column: number;
  /** Schema-qualified target table, `public.orders`, when the statement targets one table. */
  table?: string;
  /** The heaviest table lock Postgres takes for it. */
  lock?: LockMode;
  /** Ids of the rules that hit it; a list is never changed in place (operations share the empty one). */
  rules: readonly string[];
  notValid?: true;
  usingIndex?: true;
  /** Index of the statement (Statement.index) this operation comes from. */
  statement: number;
  /** Names the plan and messages need; absent when the statement has none. */
  columnName?: string;
  constraintName?: string;
  indexName?: string;
  /** SQL text of a new column type or definition, as written. */
  typeName?: string;
  /**
   * CREATE VIEW that passes one table through (SELECT columns or * FROM it, nothing else: the view
   * PostgreSQL makes updatable, showing every row): that table's name as written.
   */
  viewOf?: string;
  /**
   * CREATE OR REPLACE VIEW: the SQL that leaves the view as it was before the statement, where
   * the run knows it: its previous definition made again (the history defined it), or DROP VIEW
   * when the history has no view of that name. Absent when a view of that name exists whose
   * definition the run does not know.
   */
  viewBefore?: string[];
  /** True when the target object was created earlier in this run (new objects are safe to touch). */
  targetIsNew?: boolean;
  /** How long it runs and locks on production, when the table's size is known (src/estimate). */
  estimate?: OperationEstimate;
}

/** Estimated cost of one operation on a table of known size; ms rounded to two digits. */
export interface OperationEstimate {
  /** Central estimate of how long the statement runs. */
  durationMs: number;
  /** How long it holds a lock that blocks reads or writes (0 when its lock blocks neither). */
  lockMs: number;
  lock: LockMode;
  /** What the lock blocks for ordinary traffic. */
  blocks: 'reads and writes' | 'writes' | 'none';
  /** What the figure is based on: the work, the table size, the measured rates. */
  basis: string;
  low?: number;
  high?: number;
}

/** The impact summary of one migration (src/estimate/impact.ts). */
export interface MigrationImpact {
  risk: Risk;
  /** Estimated time ordinary traffic is blocked, summed over the migration; absent when no size is known. */
  blockingMs?: number;
  blockingLow?: number;
  blockingHigh?: number;
  /** The table and lock behind most of the blocking time. */
  blockingOn?: { table: string; lock: LockMode };
  /** `none`, or what is lost for good: dropped tables/columns, deleted rows. */
  dataLoss: 'none' | 'irreversible';
  dataLossDetail?: string;
  /** Heap and index bytes the migration rewrites or reads, and the WAL it writes (from the table stats). */
  bytesRewritten?: number;
  bytesScanned?: number;
  walBytes?: number;
  rollback: 'schema-only' | 'needs-data-restore' | 'impossible';
  prerequisites: string[];
}

/** A statement of the same file, by index (its place among the parsed statements) and line. */
export interface StatementRef {
  statement: number;
  line: number;
}

/**
 * Where a finding's suggestion goes: in place of the statement, just before it, or after it
 * (after the file's statements for a finding about the file as a whole), everything kept: SQL
 * to run as well, such as an index for a foreign key the file adds.
 */
export type SuggestionRuns = 'instead' | 'before' | 'after';

export interface Finding {
  rule: string;
  risk: Risk;
  line: number;
  column: number;
  message: string;
  suggestion?: string;
  /**
   * How the suggestion applies: `instead` of the statement (the default, when absent), run
   * `before` it, the statement kept (a SET lock_timeout ahead of a blocking ALTER), or run
   * `after` it (or after the file), as well (the index a foreign key needs).
   */
  suggestionRuns?: SuggestionRuns;
  /**
   * Earlier statements the suggestion takes the place of too (one ALTER TABLE for two): it
   * stands where the finding's statement is, and these go. Only with a suggestion run instead.
   */
  alsoReplaces?: StatementRef[];
  /** Index of the statement the finding is about, when there is one. */
  statement?: number;
  /** The path of the file the finding is in (a rollback finding can point at the down file). */
  path?: string;
  /**
   * Set when the suggestion is SQL meant to be run and the verifier ran it where it applies (in
   * place of the statement, or before it) followed by the rest of the migration (check
   * --dry-run). A failed one is no longer in `suggestion`.
   */
  suggestionVerification?: Verification;
}

/**
 * What running SQL on a throwaway Postgres proved: `verified` (it ran, and for a plan ended in
 * the schema the original migration produces with locks no stronger than claimed), `failed`
 * (with Postgres' error or the difference found), or `not-run` (with the reason it could not).
 */
export type Verification =
  | { status: 'verified'; engine: string; serverVersion: string; seededRows: number }
  | { status: 'failed'; engine: string; serverVersion: string; seededRows: number; reason: string; step?: string }
  | { status: 'not-run'; reason: string };


// ---------------------------------------------------------------------------------------------
// Discovery

export const LAYOUTS = [
  'golang-migrate', 'directory-pairs', 'flyway', 'dbmate', 'goose', 'liquibase-sql', 'sqitch',
  'prisma', 'drizzle', 'supabase', 'versioned-rollbacks', 'pop', 'sqlx', 'plain',
] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/**
 * How the runner executes a migration: `wrapped` = the runner opens one transaction per
 * migration; `implicit` = it sends the whole file as one query string (golang-migrate), which
 * Postgres runs as one transaction when it holds more than one statement and no BEGIN/COMMIT of
 * its own (see core/transaction.ts); `none` = statements autocommit unless the SQL says BEGIN.
 */
export type TransactionMode = 'wrapped' | 'implicit' | 'none';

/** A runner's mode as it applies to one file: `implicit` resolved by the file's statements (core/transaction.ts). */
export type FileTransaction = Exclude<TransactionMode, 'implicit'>;

export type ChangeKind = 'added' | 'modified' | 'renamed' | 'deleted' | 'unchanged';

export type RollbackStatus = 'present' | 'missing' | 'not-required';

export interface Migration {
  /** Stable id: the layout's version plus name, e.g. `0042_add_orders_index`. */
  id: string;
  /** The version the layout orders by, as written (`0042`, `1.2.0`, `20240101120000`). */
  version: string;
  name: string;
  layout: LayoutName;
  /** Folder of migrations this one belongs to, relative to the repo root. */
  dir: string;
  up: SqlSource;
  /** The rollback SQL, when the layout has one for this migration. */
  down: SqlSource | null;
  rollbackStatus: RollbackStatus;
  transaction: TransactionMode;
  /** Set by change detection; `unchanged` for base history. */
  change: ChangeKind;
  /** For renamed migrations, the old path. */
  previousPath?: string;
  /**
   * Set by change detection: the path of this migration's up on the base branch (its old path for
   * a rename). Unset when the base branch has no such migration, also when the file was there but
   * was no migration (a fixture moved into the migrations folder): nothing in it was reviewed as one.
   */
  basePath?: string;
  /**
   * A change modified it, but its up runs the statements the base branch has (only the rollback,
   * comments or spacing changed): the base branch already reviewed, and probably ran, them.
   */
  upAsBase?: true;
  /**
   * A change edited its up but left its rollback file as the base branch has it (its statements
   * as they were): the base branch's up, to tell the rollback's problems the base branch already
   * had from those the edit brought.
   */
  rollbackAsBase?: { baseUp: string };
  /**
   * A change edited its up (it was on the base branch): the up as the base branch has it. A
   * statement the edit left as it was ran (or not) with the migration before; only what the edit
   * brought is this change's to review.
   */
  baseUp?: string;
  /**
   * Under review, but migrations the change leaves alone come after it (an old migration edited,
   * reformatted or given a new rollback): the dry-run replays it as history, and the plan skips it.
   */
  historyFollows?: true;
  /**
   * The rollback's ranges of text in the order the runner runs them, when that is not the file's:
   * Liquibase rolls a changelog's changesets back last first. Its statements run in this order,
   * each at its place in the file.
   */
  downOrder?: Array<[number, number]>;
  /**
   * Liquibase: a changelog the base branch has, to which the change only added changesets (every
   * changeset of the base branch's file is still there with its author:id and its SQL as it was).
   * Liquibase keys and checksums each changeset, not the file, so a database that ran the file
   * runs only the new ones: the up's statements in these ranges are the base branch's changesets,
   * not this change's to review, and the rollback under review is the new changesets'.
   */
  baseChangesets?: Array<[number, number]>;
  /** The rollback exists but holds no SQL (an empty down file or section); rollback review flags it. */
  rollbackEmpty?: boolean;
  /** The runner re-applies it whenever it changes (Flyway `R__`, Liquibase `runOnChange`), so editing it is expected. */
  repeatable?: boolean;
  /** `${name}` values the file itself defines (Liquibase `--property`); configured placeholders win. */
  placeholders?: Record<string, string>;
  /** goose `-- +goose ENVSUB ON`: the runner substitutes the environment into the SQL (parse's `envsub`). */
  envsub?: true;
}

// ---------------------------------------------------------------------------------------------
// Dry-run

export interface LockObservation {
  /** Schema-qualified relation name. */
  relation: string;
  mode: LockMode;
  /** How long the lock was held, ms: until commit when inside a transaction. */
  heldMs: number;
  /** True when the relation existed before the migration (only those can block anyone). */
  preExisting: boolean;
  /** What the relation is: table, partitioned table, index, sequence, materialized view, toast. */
  kind?: 'table' | 'index' | 'sequence' | 'materialized view' | 'toast' | 'other';
  /** How many later statements of the same transaction ran while the lock was held. */
  heldAcross?: number;
}

export interface StatementTrace {
  statement: number;
  path: string;
  line: number;
  column: number;
  durationMs: number;
  locks: LockObservation[];
  /** Relations whose relfilenode changed: the table or index was rewritten. */
  rewrites: string[];
  /** The tables (and materialized views) among `rewrites`. */
  rewrittenTables?: string[];
  error?: DryRunError;
}

export interface DryRunError {
  sqlstate: string;
  message: string;
  path: string;
  line: number;
  column: number;
}

export type DryRunStatus = 'passed' | 'failed' | 'skipped' | 'base-failed';

export interface DryRunResult {
  engine: 'pglite' | 'url' | 'local';
  serverVersion: string;
  /** The major version the migrations are meant for (`pgVersion`); the engine may run another. */
  targetPgVersion?: number;
  status: DryRunStatus;
  /** Why the dry-run was skipped or failed, in a sentence. */
  reason?: string;
  statements: StatementTrace[];
  rollback?: {
    status: 'exact' | 'incomplete' | 'failed' | 'not-run';
    differences: string[];
    reapply: 'passed' | 'failed' | 'not-run';
    error?: DryRunError;
  };
  durationMs: number;
  /** The error that failed the migration (also set on its statement's trace). */
  error?: DryRunError;
  /** Why a statement was refused before anything ran (COPY … PROGRAM). */
  refused?: string;
  /** True when a statement or the total time limit stopped the dry-run. */
  timedOut?: boolean;
  /**
   * Why the dry-run could not observe this migration (one of its own queries failed, the
   * engine died, a resource cap was hit): its locks, rewrites and errors are unknown. Set with
   * status `failed`, and with `skipped` or `base-failed` for a migration the dry-run never ran
   * (the base could not be built, an earlier migration stopped the run); the gate treats it as a
   * finding, never as a pass.
   */
  unobserved?: string;
  /** Traces of the rollback's statements, same shape as `statements`. */
  rollbackStatements?: StatementTrace[];
  /**
   * Synthetic rows in the tables that existed when the migration ran (`seedRows`): `rows` per
   * table in `tables`; `reason` says why no table holds any.
   */
  seed?: { rows: number; tables: string[]; skipped: Array<{ table: string; reason: string }>; reason?: string };
  /** True when the database after the base history came from the snapshot cache. */
  baseFromCache?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Report (the JSON contract; see docs/design.md)

export interface MigrationReport {
  path: string;
  risk: Risk;
  rollback: { path: string | null; status: RollbackStatus };
  operations: Operation[];
  findings: Finding[];
  dryRun?: DryRunResult;
  /** Fields beyond the contract's minimum. */
  id?: string;
  layout?: LayoutName;
  change?: ChangeKind;
  irreversible?: boolean;
  notes?: ParseNote[];
  impact?: MigrationImpact;
}

/**
 * A problem reported outside any reviewed migration. Without `rule` it is a parse error (only
 * SQL Postgres cannot parse, or a file that is not text); with `rule` it keeps its own class
 * (`rollback-orphan`, `migration-edited` on a deleted file, `file-unreadable`, `layout-error`...)
 * and its own risk.
 */
export interface ReportError {
  path: string;
  line: number;
  column: number;
  message: string;
  rule?: string;
  /** DANGEROUS when absent. */
  risk?: Risk;
}

/** Something said once about the repository, not about the change: never fails a run. */
export interface ReportNote {
  message: string;
  /** The folder or file it is about, when there is one. */
  path?: string;
}

export interface Report {
  version: 1;
  risk: Risk;
  migrations: MigrationReport[];
  errors: ReportError[];
  /** Target Postgres major version the analysis assumed. */
  pgVersion?: number;
  /** What was left alone and why (other databases' migrations, files a sparse checkout lacks,
   * problems of the base branch the change did not cause). */
  notes?: ReportNote[];
}

// ---------------------------------------------------------------------------------------------
// Repository access: discovery reads files through this, so the CLI (a checkout on disk), the
// Action (a checkout) and the App (GitHub's API, no clone) share one code path.

export interface RepoFiles {
  /** Every file path in the tree, relative, with forward slashes. */
  list(): Promise<string[]>;
  /** The file's bytes; rejects when the file does not exist. */
  read(path: string): Promise<Uint8Array>;
  /**
   * Every symbolic link among the listed files: its path -> the repository path whose bytes
   * `read` returns for it (the end of its chain), or null when it leads outside the repository or
   * nowhere. A change that edits only a link's target changes what the link runs.
   */
  links?(): Promise<Map<string, string | null>>;
}

/** One file a change touched, as git or GitHub's pull-request files list reports it. */
export interface FileChange {
  path: string;
  status: 'added' | 'modified' | 'renamed' | 'deleted';
  previousPath?: string;
  /**
   * The git object the path holds after the change, as GitHub lists it: a file's blob, or for a
   * submodule the commit it points to (what no file of the review shows). Absent for a deletion
   * and where the change comes from elsewhere (git in a work tree).
   */
  object?: string;
}
