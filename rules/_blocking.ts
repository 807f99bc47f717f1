// Which operations of a statement make other sessions wait, shared by the timeout rules and
// the DDL-with-DML rule: a lock that conflicts with ordinary writes (SHARE or stronger) on
// something that existed before this run.
import type { Constraint, CreateStmt, RangeVar } from '@pgsql/types';
import { blocksWrites } from '../src/core/risk.js';
import type { LockMode, Operation, Statement } from '../src/core/types.js';
import type { AnalysisState } from '../src/analyze/state.js';
import { as, relationName } from '../src/analyze/ast.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { columnSpecs } from './_statement.js';

/** The operation waits for, then holds, a lock that blocks writes on a pre-existing table or index. */
export function blocksExisting(op: Operation, state: Readonly<AnalysisState>): boolean {
  if (!op.lock || !blocksWrites(op.lock)) return false;
  if (op.table) return !op.targetIsNew;
  // DROP INDEX / REINDEX INDEX name only the index; the lock lands on its table.
  if (op.indexName) return !state.newIndexes.has(op.indexName);
  return false;
}

/**
 * A statement on a table this run creates can still lock a table that existed before: a foreign
 * key takes SHARE ROW EXCLUSIVE on the table it references (blocking its writes), also when the
 * key belongs to a new table (CREATE TABLE ... REFERENCES, ALTER TABLE new_table ADD FOREIGN
 * KEY), and CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on the partitioned table
 * (pg_locks on PostgreSQL 15 for each; ATTACH PARTITION needs only SHARE UPDATE EXCLUSIVE there).
 * The first such pre-existing table, with the lock, why, and the operation to report it on.
 */
export function lockedBeyondNewTable(statement: Statement, operations: readonly Operation[], state: Readonly<AnalysisState>): { operation: number; table: string; lock: LockMode; via: 'foreign key' | 'partition' } | undefined {
  const existing = (table: string | undefined): table is string => !!table && !state.newTables.has(table);
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i]!;
    // On a pre-existing table the key's own table is locked too: blocksExisting reports that one.
    if (op.kind === 'ADD_FOREIGN_KEY' && op.targetIsNew && existing(op.typeName)) return { operation: i, table: op.typeName, lock: 'ShareRowExclusiveLock', via: 'foreign key' };
  }
  const create = stmtNode<CreateStmt>(statement, 'CreateStmt');
  const parent = create?.partbound ? relationName(as<RangeVar>(create.inhRelations?.[0], 'RangeVar')) : undefined;
  if (existing(parent)) return { operation: 0, table: parent, lock: 'AccessExclusiveLock', via: 'partition' };
  const own = relationName(create?.relation);
  const tableKeys = (create?.tableElts ?? []).map((n) => as<Constraint>(n, 'Constraint')).filter((c): c is Constraint => !!c);
  const specs = columnSpecs(statement).filter((c) => c.via === 'create-table' || (c.via === 'add-column' && operations[c.operation ?? -1]?.targetIsNew));
  for (const c of [...tableKeys, ...specs.flatMap((spec) => spec.constraints)]) {
    const referenced = c.contype === 'CONSTR_FOREIGN' ? relationName(c.pktable) : undefined;
    if (referenced !== own && existing(referenced)) {
      const spec = specs.find((x) => x.constraints.includes(c));
      return { operation: spec?.operation ?? 0, table: referenced, lock: 'ShareRowExclusiveLock', via: 'foreign key' };
    }
  }
  return undefined;
}

/** Operations whose work grows with the table: a rewrite, an index build, or a scan to validate. */
const LONG_KINDS = new Set<Operation['kind']>([
  'ALTER_COLUMN_TYPE', 'ADD_COLUMN_VOLATILE_DEFAULT', 'CREATE_INDEX', 'REINDEX', 'SET_NOT_NULL',
  'VACUUM_FULL', 'CLUSTER', 'SET_LOGGED', 'SET_UNLOGGED', 'SET_TABLESPACE', 'REFRESH_MATERIALIZED_VIEW',
  'ADD_EXCLUSION', 'ATTACH_PARTITION', 'UPDATE_VALUES', 'DELETE_ROWS',
]);

/** Work that grows with the table, done while holding a lock that blocks others. */
export function longWhileBlocking(op: Operation, state: Readonly<AnalysisState>): boolean {
  if (!blocksExisting(op, state) && !(op.kind === 'ATTACH_PARTITION' && op.lock === 'AccessExclusiveLock')) {
    return false;
  }
  if (LONG_KINDS.has(op.kind)) return true;
  // Adding a constraint scans the table unless it is NOT VALID or reuses an existing index.
  if (op.kind === 'ADD_FOREIGN_KEY' || op.kind === 'ADD_CHECK') return !op.notValid;
  if (op.kind === 'ADD_UNIQUE' || op.kind === 'ADD_PRIMARY_KEY') return !op.usingIndex;
  return false;
}

/** `an ACCESS EXCLUSIVE lock ...` / `a SHARE lock ...`, for messages. */
export function article(phrase: string): string {
  return `${/^[AEIOU]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
