import type { Rule } from '../src/analyze/rule.js';
import { describeLock, earlierStepPasses } from '../src/analyze/rule-helpers.js';
import { article, blocksExisting } from './_blocking.js';
import { executesNow } from './_statement.js';

/** An earlier statement of the file took a lock that blocks, with no lock_timeout set. */
const earlierNeededOne = earlierStepPasses((s, state) => executesNow(s.statement) && !s.lockTimeout && s.operations.some((op) => blocksExisting(op, state)));

export const rule: Rule = {
  id: 'require-lock-timeout',
  risk: 'CAUTION',
  title: 'A blocking lock without lock_timeout can queue every query on the table',
  docs: {
    why:
      'Postgres grants locks in order. A migration statement that needs a strong lock waits behind any long query (or a transaction left idle) on the table, and while it waits every new query on that table, even a plain SELECT, queues behind it. A change that takes a millisecond can so stall the table for minutes. A lock_timeout makes the statement give up instead, so the migration fails fast and can be retried.',
    lock: 'Any lock that blocks writes (SHARE, SHARE ROW EXCLUSIVE, EXCLUSIVE, ACCESS EXCLUSIVE) on a table that already exists; ACCESS EXCLUSIVE also blocks reads. A view counts too: DROP VIEW and CREATE OR REPLACE VIEW of an existing view lock it ACCESS EXCLUSIVE, so queries on the view queue the same way.',
    instead:
      "Start the migration with `SET lock_timeout = '5s';` (or `SET LOCAL` inside a transaction). When it fails with `canceling statement due to lock timeout`, nothing was blocked for long: retry later, ideally automatically a few times with a pause. Reported once per file, at the first statement that needs it.",
    bad: 'ALTER TABLE orders ADD COLUMN note text;',
    good: "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    equivalents: { squawk: 'require-lock-timeout', eugene: 'E9', pgfence: 'SET lock_timeout' },
  },
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.lockTimeout) return [];
    const i = operations.findIndex((op) => blocksExisting(op, state));
    if (i < 0) return [];
    // Once per file: an earlier statement already needed a timeout it did not have.
    if (earlierNeededOne(state)) return [];
    const op = operations[i]!;
    // DROP INDEX names only the index: its table as the history's CREATE INDEX gave it, when seen.
    const indexTable = op.indexName ? state.facts.indexTables?.get(op.indexName) : undefined;
    const target = op.table ?? indexTable ?? `the table index ${op.indexName} is on`;
    return [{
      operation: i,
      message: `no lock_timeout is set before this statement takes ${article(describeLock(op.lock))}: if ${target} is busy it waits, and every query on ${target} queues behind it`,
      suggestion: `SET ${state.tx.active ? 'LOCAL ' : ''}lock_timeout = '5s';  -- on "canceling statement due to lock timeout", retry the migration later`,
      suggestionRuns: 'before',
    }];
  },
};

export default rule;
