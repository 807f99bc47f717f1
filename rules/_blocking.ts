// Which operations of a statement make other sessions wait, shared by the timeout rules and
// the DDL-with-DML rule: a lock that conflicts with ordinary writes (SHARE or stronger) on
// something that existed before this run.
import { blocksWrites } from '../src/core/risk.js';
import type { Operation } from '../src/core/types.js';
import type { AnalysisState } from '../src/analyze/state.js';

/** The operation waits for, then holds, a lock that blocks writes on a pre-existing table or index. */
export function blocksExisting(op: Operation, state: Readonly<AnalysisState>): boolean {
  if (!op.lock || !blocksWrites(op.lock)) return false;
  if (op.table) return !op.targetIsNew;
  // DROP INDEX / REINDEX INDEX name only the index; the lock lands on its table.
  if (op.indexName) return !state.newIndexes.has(op.indexName);
  return false;
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
