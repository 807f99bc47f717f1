// What the analyzer knows at a point in a migration run: objects created so far, the
// transaction the next statement runs in, timeouts set, the target version and table sizes.
// Rules only read it; `track.ts` advances it after each statement.
import type { TypeName, ViewStmt } from '@pgsql/types';
import { flattened } from '../core/strings.js';
import { makeObjectName } from '../core/object-name.js';
import type { LayoutName, Operation, Position, Statement, FileTransaction } from '../core/types.js';

export type { TableStats } from '../core/table-stats.js';
import type { TableStats } from '../core/table-stats.js';

/** A constraint added in this run, keyed by `table|name`. */
export interface KnownConstraint {
  table: string;
  name: string;
  kind: 'check' | 'foreign-key' | 'unique' | 'primary-key' | 'exclusion' | 'not-null';
  /** False while added NOT VALID and not yet validated. */
  validated: boolean;
  /**
   * Added NOT VALID by ALTER TABLE to a table new in this run: `validated` (no row to check), but
   * pg_constraint says not valid until VALIDATE CONSTRAINT, so PostgreSQL does not use it to skip
   * a later SET NOT NULL scan (tested on PostgreSQL 15).
   */
  catalogNotValid?: true;
  /** Transaction it was added in (see TransactionState.id); -1 when only its VALIDATE CONSTRAINT was seen (definition unknown). */
  addedInTx: number;
  /** For a CHECK with `col IS NOT NULL` among its top-level AND terms: the columns it proves not null. */
  notNullColumns?: string[];
  /** For CHECK: the columns its expression reads (ALTER COLUMN TYPE re-checks it over every row). */
  columns?: string[];
}

export interface TransactionState {
  /** True when the next statement runs inside a transaction block (explicit or runner-wrapped). */
  active: boolean;
  /** True when the SQL itself said BEGIN (not the runner). */
  explicit: boolean;
  /** Increases with every new transaction; autocommit statements each get their own id. */
  id: number;
  /** Where the open explicit transaction began. */
  beganAt?: Position;
  /** The current transaction has run DDL / DML so far. */
  hasDdl: boolean;
  hasDml: boolean;
  /** The timeouts as they were before the first SET LOCAL of this transaction (restored at its end). */
  timeoutsBefore?: { lockTimeout: boolean; statementTimeout: boolean };
  /**
   * Texts of the ALTER TABLE / rename statements that took ACCESS EXCLUSIVE on each pre-existing
   * table in the current transaction (a lock held until COMMIT spans all of them).
   */
  blockingStatements?: Map<string, string[]> | undefined;
}

/** A primary key dropped by ALTER TABLE ... DROP CONSTRAINT (see AnalysisState.fileDroppedKeys). */
export interface DroppedKey {
  table: string;
  name: string;
  /** DROP ... CASCADE: the foreign keys that reference it go too. */
  cascade: boolean;
  /** The transaction it ran in (TransactionState.id). */
  txId: number;
  position: Position;
}

/** A foreign key added in the file being analyzed, for checks at the end of the file. */
export interface ForeignKeyRef {
  /** Referencing table, schema-qualified. */
  table: string;
  columns: string[];
  referencedTable?: string;
  name?: string;
  /** Where the statement that added it starts. */
  position: Position;
}

export interface AnalysisState {
  pgVersion: number;
  /** The target's minor release, when the configuration names one (`pgVersion: "14.3"`). */
  pgMinorVersion?: number;
  /** pgVersion is the default guess, not the configuration's (Config.pgVersionSet false). */
  pgVersionAssumed?: boolean;
  /** The file being analyzed. */
  path: string;
  /** How the migration's runner executes this file. */
  runnerTransaction: FileTransaction;
  tx: TransactionState;
  /** Schema-qualified names created earlier in this run (this file or another new migration). */
  newTables: Set<string>;
  newIndexes: Set<string>;
  newSchemas: Set<string>;
  newTypes: Set<string>;
  /** Columns added earlier in this run, `table.column`. */
  newColumns: Set<string>;
  /**
   * Table -> constraint name -> the constraint, each table's in the order they became known
   * (constraintsOn); changed only through track.ts' setConstraint / deleteConstraint. By table:
   * a rule that asks for one table's constraints at every statement that changes a column made a
   * run of 10^4 constraints and 10^4 such statements quadratic over one list of them all.
   */
  constraintsByTable: Map<string, Map<string, KnownConstraint>>;
  /**
   * How many known constraints bear each schema-qualified name ending in `_pkey` or `_pkeyN`:
   * PostgreSQL names an unnamed primary key `<table>_pkey` unless a relation or a constraint of
   * the schema has that name already, then `_pkey1`, `_pkey2`... (primaryKeyName). Kept by
   * setConstraint / deleteConstraint.
   */
  keyNames?: Map<string, number>;
  /** Key columns of each named index seen in this run, `schema.index` -> columns (for ... USING INDEX). */
  indexDefinitions?: Map<string, string[]>;
  /** Indexed column lists per table seen in this run (first columns matter for FK lookups). */
  indexedColumns: Map<string, string[][]>;
  /**
   * Per table, the columns used by an expression index or a partial index (keys, expressions or
   * WHERE): PostgreSQL cannot prove such an index unchanged, so ALTER COLUMN TYPE on any of
   * these columns rebuilds it even when the table is not rewritten.
   */
  alwaysRebuiltIndexColumns?: Map<string, Set<string>>;
  /**
   * Views (plain and materialized) that exist at this point: from the history or created
   * earlier in this run, and not dropped since. CREATE OR REPLACE VIEW of one of them takes an
   * ACCESS EXCLUSIVE lock on it.
   */
  views?: Set<string>;
  /**
   * The CREATE [OR REPLACE] VIEW that last defined each of `views`, while nothing else changed
   * the view (ALTER VIEW, a rename of one of its columns): what a rollback of a later CREATE OR
   * REPLACE VIEW makes again (Operation.viewBefore).
   */
  viewDefinitions?: Map<string, ViewStmt>;
  /** `SET lock_timeout` / `statement_timeout` seen earlier in this file (and not reset to 0). */
  lockTimeout: boolean;
  statementTimeout: boolean;
  /** From --table-stats: schema-qualified table -> size. */
  tableStats: ReadonlyMap<string, TableStats>;
  /** Statements seen so far in this file (for file-level rules). */
  statementCount: number;
  /**
   * The statements of this file analyzed so far, oldest first, with the transaction and the
   * timeouts each ran under: for rules that look back (first occurrence in a file, DDL and DML
   * in one transaction, use of an enum value added earlier in the transaction).
   */
  earlierInFile?: FileSteps;
  /** Column types, function volatility and enums known from the history. */
  facts: SchemaFacts;
  /** True while analyzing base history (state is learned, nothing is reported). */
  learningOnly: boolean;
  /**
   * Routines (bare, lower-case) some migration of the repository creates, in any set and at any
   * point of its history: their bodies are in the repository for review, so a call of one is
   * not a call of unreviewed code (unreviewed-routine-call).
   */
  repositoryRoutines?: ReadonlySet<string>;
  /**
   * The statements of the routines the history and the reviewed migrations created, by bare
   * lower-case name, until a reviewed statement runs the routine: then they run, and are
   * analysed as running (analyze.ts).
   */
  routines: Map<string, Statement[]>;
  /**
   * Routines of `routines` whose statements were judged as a trigger's body (they run later, on
   * the writes that fire it): another trigger on one is not judged again; a direct call still
   * runs it in the migration.
   */
  triggerRun?: Set<string>;
  /** The layout of the migration being analyzed, when known (wording of transaction advice). */
  layout?: LayoutName;
  /**
   * True when the runner sends the file as one query string of several statements (the
   * `implicit` mode): every statement outside the file's own BEGIN ... COMMIT runs in an implicit
   * transaction block, however the mode resolved for the file.
   */
  oneQueryString?: boolean;
  /**
   * Tables created in this run that rows were then inserted into (INSERT, COPY): new, but not
   * empty, so an ADD COLUMN ... NOT NULL without a default fails on them too.
   */
  seededTables?: Set<string>;
  /** Foreign keys added in the current file (reset by beginFile). */
  fileForeignKeys?: ForeignKeyRef[];
  /** Primary keys of existing tables dropped in the current file (reset by beginFile). */
  fileDroppedKeys?: DroppedKey[];
  /** Every table name of the run, once (see sharedName). */
  names: Map<string, string>;
}

/** Names that PostgreSQL's choice of a primary key's name (primaryKeyName) can collide with. */
export const KEY_NAME = /_pkey\d*$/;

/**
 * The name PostgreSQL gives an unnamed primary key of `table` (schema-qualified) at this point
 * of the run: ChooseRelationName(table, NULL, "pkey") — `<table>_pkey` within 63 bytes (the
 * table's name cut at a whole character), or `_pkey1`, `_pkey2`... while a relation of the
 * schema (a table, view or index the run knows) or a constraint of any of its tables has the name
 * (checked on PostgreSQL 15: a table renamed away keeps `users_pkey`, the new `users` gets
 * `users_pkey1`).
 */
export function primaryKeyName(state: Readonly<AnalysisState>, table: string): string {
  const dot = table.lastIndexOf('.');
  const schema = table.slice(0, dot);
  const relname = table.slice(dot + 1);
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(relname, undefined, pass === 0 ? 'pkey' : `pkey${pass}`);
    const q = `${schema}.${name}`;
    const taken = (state.keyNames?.get(q) ?? 0) > 0 || state.facts.indexTables?.has(q) === true || state.views?.has(q) === true
      || state.newTables.has(q) || state.constraintsByTable.has(q);
    if (!taken) return name;
  }
}

/** The constraints known on `table`, in the order they became known. */
export function constraintsOn(state: Readonly<AnalysisState>, table: string): Iterable<KnownConstraint> {
  return state.constraintsByTable.get(table)?.values() ?? [];
}

/** The constraint `name` known on `table`. */
export function constraintNamed(state: Readonly<AnalysisState>, table: string, name: string): KnownConstraint | undefined {
  return state.constraintsByTable.get(table)?.get(name);
}

/**
 * `name` as one string shared by the whole run: a table's name is made anew for every statement
 * that names it (`schema.table`, held as V8's concatenation of the parts), and each operation and
 * entry of the state kept its own copy (10^5 operations of a 20 MB file held 17 MB of them).
 */
export function sharedName(state: Readonly<AnalysisState>, name: string): string {
  const known = state.names.get(name);
  if (known !== undefined) return known;
  const flat = flattened(name);
  state.names.set(flat, flat);
  return flat;
}

/** Facts learned from base history and earlier migrations that outlive one file. */
export interface SchemaFacts {
  /** `schema.table.column` -> canonical type, e.g. `varchar(255)`, `int4`, `numeric(10,2)`. */
  columnTypes: Map<string, string>;
  /**
   * `schema.table.column` -> the type as declared, to print back into SQL (a serial as its
   * integer type): a batched UPDATE casts each new value to it. Absent for columns whose type
   * is not known.
   */
  columnTypeNames: Map<string, TypeName>;
  /** Function name (lower-case, unqualified) -> volatility created in the history: i, s or v. */
  functionVolatility: Map<string, 'i' | 's' | 'v'>;
  /** Enum type names (schema-qualified). */
  enums: Set<string>;
  /**
   * `schema.table.column` of the known columns that are NOT NULL (declared, primary key, or SET
   * NOT NULL); a column in `columnTypes` but not here is known to be nullable.
   */
  notNullColumns: Set<string>;
  /** Tables (schema-qualified) that have at least one row-level security policy. */
  policyTables?: Set<string>;
  /** Extensions created (lower-case names): their functions exist without a CREATE FUNCTION. */
  extensions?: Set<string>;
  /** Aggregates created (lower-case, unqualified): routines a CREATE FUNCTION did not make. */
  aggregates?: Set<string>;
  /** A routine whose body creates routines with EXECUTE: their names are known only when it runs. */
  routinesMadeDynamically?: true;
  /** Partitioned tables (CREATE TABLE ... PARTITION BY), schema-qualified. */
  partitionedTables?: Set<string>;
  /** Partitioned table -> its partitions made with CREATE TABLE ... PARTITION OF, in order. */
  partitions?: Map<string, string[]>;
  /** Indexes on partitioned tables (schema-qualified): no CONCURRENTLY build or drop for them. */
  partitionedIndexes?: Set<string>;
  /**
   * Named indexes that exist (schema-qualified) -> the table each is on, from CREATE INDEX, until
   * a DROP INDEX or DROP TABLE; renames followed. A DROP INDEX names only the index; a CREATE
   * INDEX IF NOT EXISTS of one of them builds nothing.
   */
  indexTables?: Map<string, string>;
}

/** One statement already analyzed in the current file (see AnalysisState.earlierInFile). */
export interface FileStep {
  statement: Statement;
  operations: readonly Operation[];
  /** The transaction it ran in (TransactionState.id); compare only when both ran in a block. */
  txId: number;
  /** True when it ran inside a transaction block (explicit or runner-wrapped). */
  inTransaction: boolean;
  /** Whether lock_timeout / statement_timeout were set when it ran. */
  lockTimeout: boolean;
  statementTimeout: boolean;
}

/**
 * The steps of a file (AnalysisState.earlierInFile), packed: a file of 10^5 statements held an
 * object per step and an array of its operations for the whole file (about 130 bytes a step, a
 * third of the analysis's own memory on a 20 MB file); here a step is a few numbers in typed
 * arrays, a reference to its statement and one to each of its operations (about 30 bytes). A
 * FileStep is made when one is read, so a rule may keep it; steps never change once recorded.
 */
export class FileSteps implements Iterable<FileStep> {
  private count = 0;
  private readonly statements: Statement[] = [];
  /** Every step's operations, in order; step i's end at `ends[i]`, its start at `ends[i - 1]` (0 for the first). */
  private readonly operations: Operation[] = [];
  private ends = new Int32Array(64);
  private txIds = new Float64Array(64);
  /** IN_TRANSACTION | LOCK_TIMEOUT | STATEMENT_TIMEOUT. */
  private flags = new Uint8Array(64);

  get length(): number {
    return this.count;
  }

  push(step: FileStep): void {
    const i = this.count;
    if (i === this.ends.length) {
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.ends = grow(this.ends);
      this.txIds = grow(this.txIds);
      this.flags = grow(this.flags);
    }
    this.statements.push(step.statement);
    for (const o of step.operations) this.operations.push(o);
    this.ends[i] = this.operations.length;
    this.txIds[i] = step.txId;
    this.flags[i] = (step.inTransaction ? IN_TRANSACTION : 0) | (step.lockTimeout ? LOCK_TIMEOUT : 0) | (step.statementTimeout ? STATEMENT_TIMEOUT : 0);
    this.count++;
  }

  /** The step at `i` (negative: from the end, as Array.prototype.at); undefined outside. */
  at(i: number): FileStep | undefined {
    if (i < 0) i += this.count;
    if (i < 0 || i >= this.count) return undefined;
    const flags = this.flags[i]!;
    return {
      statement: this.statements[i]!,
      operations: this.operations.slice(i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!),
      txId: this.txIds[i]!,
      inTransaction: (flags & IN_TRANSACTION) !== 0,
      lockTimeout: (flags & LOCK_TIMEOUT) !== 0,
      statementTimeout: (flags & STATEMENT_TIMEOUT) !== 0,
    };
  }

  /** Step `i`'s statement, without making the step. */
  statementAt(i: number): Statement | undefined {
    return i >= 0 && i < this.count ? this.statements[i] : undefined;
  }

  /** The transaction step `i` ran in, without making the step (transactionSummary walks back by it). */
  txIdAt(i: number): number {
    return this.txIds[i]!;
  }

  /** Whether some step from `from` on passes `test`, in order. */
  some(test: (step: FileStep) => boolean, from = 0): boolean {
    for (let i = Math.max(0, from); i < this.count; i++) if (test(this.at(i)!)) return true;
    return false;
  }

  /** The first step that passes `test`. */
  find(test: (step: FileStep) => boolean): FileStep | undefined {
    for (let i = 0; i < this.count; i++) {
      const step = this.at(i)!;
      if (test(step)) return step;
    }
    return undefined;
  }

  *[Symbol.iterator](): Iterator<FileStep> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }
}

const IN_TRANSACTION = 1;
const LOCK_TIMEOUT = 2;
const STATEMENT_TIMEOUT = 4;
