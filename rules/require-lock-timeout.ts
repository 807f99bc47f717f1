import type { Rule } from '../src/analyze/rule.js';
import type { AnalysisState } from '../src/analyze/state.js';
import type { LockMode, Operation, Statement } from '../src/core/types.js';
import { describeLock, earlierStepPasses } from '../src/analyze/rule-helpers.js';
import { article, blocksExisting, lockedBeyondNewTable } from './_blocking.js';
import { executesNow } from './_statement.js';

/** The first lock of the statement that makes other sessions' queries on a pre-existing table wait behind it. */
function waitingLock(statement: Statement, operations: readonly Operation[], state: Readonly<AnalysisState>): { operation: number; lock: LockMode; target: string; via?: 'foreign key' | 'partition' } | undefined {
  const i = operations.findIndex((op) => blocksExisting(op, state));
  if (i >= 0) {
    const op = operations[i]!;
    // DROP INDEX names only the index: its table as the history's CREATE INDEX gave it, when seen.
    const indexTable = op.indexName ? state.facts.indexTables?.get(op.indexName) : undefined;
    return { operation: i, lock: op.lock!, target: op.table ?? indexTable ?? `the table index ${op.indexName} is on` };
  }
  const other = lockedBeyondNewTable(statement, operations, state);
  return other && { operation: other.operation, lock: other.lock, target: other.table, via: other.via };
}

/** An earlier statement of the file took a lock that blocks, with no lock_timeout set. */
const earlierNeededOne = earlierStepPasses((s, state) => executesNow(s.statement) && !s.lockTimeout && waitingLock(s.statement, s.operations, state) !== undefined);

export const rule: Rule = {
  id: 'require-lock-timeout',
  risk: 'CAUTION',
  title: 'A blocking lock without lock_timeout can queue every query on the table',
  docs: {
    why:
      'Postgres grants locks in order. A migration statement that needs a strong lock waits behind any long query (or a transaction left idle) on the table, and while it waits every new query on that table, even a plain SELECT, queues behind it. A change that takes a millisecond can so stall the table for minutes. A lock_timeout makes the statement give up instead, so the migration fails fast and can be retried.',
    lock: 'Any lock that blocks writes (SHARE, SHARE ROW EXCLUSIVE, EXCLUSIVE, ACCESS EXCLUSIVE) on a table that already exists; ACCESS EXCLUSIVE also blocks reads. A view counts too: DROP VIEW and CREATE OR REPLACE VIEW of an existing view lock it ACCESS EXCLUSIVE, so queries on the view queue the same way. So does a foreign key on a new table: CREATE TABLE ... REFERENCES an existing table takes SHARE ROW EXCLUSIVE on the referenced one, and writes to it queue; and CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on the partitioned table.',
    instead:
      "Start the migration with `SET lock_timeout = '5s';` (or `SET LOCAL` inside a transaction). When it fails with `canceling statement due to lock timeout`, nothing was blocked for long: retry later, ideally automatically a few times with a pause. Reported once per file, at the first statement that needs it.",
    bad: 'ALTER TABLE orders ADD COLUMN note text;',
    good: "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    equivalents: { squawk: 'require-lock-timeout', eugene: 'E9', pgfence: 'SET lock_timeout' },
  },
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.lockTimeout) return [];
    const wait = waitingLock(statement, operations, state);
    if (!wait) return [];
    // Once per file: an earlier statement already needed a timeout it did not have.
    if (earlierNeededOne(state)) return [];
    const { target } = wait;
    return [{
      operation: wait.operation,
      message: wait.via === 'foreign key'
        ? `no lock_timeout is set before this statement takes ${article(describeLock(wait.lock))} on ${target}, the existing table its foreign key references: if ${target} is busy it waits, and every write to ${target} queues behind it`
        : wait.via === 'partition'
          ? `no lock_timeout is set before this statement takes ${article(describeLock(wait.lock))} on ${target}, the partitioned table it adds a partition to: if any query on ${target} is running it waits, and every query on ${target} queues behind it (ALTER TABLE ... ATTACH PARTITION of a table created apart needs only SHARE UPDATE EXCLUSIVE)`
          : `no lock_timeout is set before this statement takes ${article(describeLock(wait.lock))}: if ${target} is busy it waits, and every query on ${target} queues behind it`,
      suggestion: `SET ${state.tx.active ? 'LOCAL ' : ''}lock_timeout = '5s';  -- on "canceling statement due to lock timeout", retry the migration later`,
      suggestionRuns: 'before',
    }];
  },
};

export default rule;
