import type { Rule } from '../src/analyze/rule.js';
import { describeLock, earlierStepPasses } from '../src/analyze/rule-helpers.js';
import { article, longWhileBlocking } from './_blocking.js';
import { buildsNoIndex, executesNow } from './_statement.js';

/** An earlier statement of the file did long work while blocking, with no statement_timeout set. */
const earlierNeededOne = earlierStepPasses((s, state) => executesNow(s.statement) && !s.statementTimeout && s.operations.some((op) => longWhileBlocking(op, state)));

export const rule: Rule = {
  id: 'require-statement-timeout',
  risk: 'SAFE',
  title: 'Long work under a blocking lock without statement_timeout',
  docs: {
    why:
      'A statement that rewrites, scans or backfills a table while holding a lock that blocks others keeps that lock for as long as the work takes, which on a large table nobody measured can be far longer than expected. A statement_timeout caps that: past the limit, Postgres cancels the statement, releases the lock and the migration fails cleanly instead of blocking the table for an unknown time. This is advice (SAFE): the blocking itself is reported by the rule that matches the operation, at its own level. Reported once per file.',
    lock: 'Whatever the long statement takes; this rule looks at operations that hold a lock that blocks writes while their work grows with the table.',
    instead:
      "Measure the statement on a copy of production data, then set a limit above that before it: `SET statement_timeout = '15min';` (`SET LOCAL` inside a transaction). Better still, use the non-blocking form the other findings suggest; CREATE INDEX CONCURRENTLY and batched backfills need no tight limit because they do not block.",
    bad: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);',
    good: "SET statement_timeout = '15min';\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
    equivalents: { squawk: 'require-statement-timeout', pgfence: 'SET statement_timeout' },
  },
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.statementTimeout) return [];
    // An index that already exists is not built again: no work grows with the table.
    const i = buildsNoIndex(statement, state) ? -1 : operations.findIndex((op) => longWhileBlocking(op, state));
    if (i < 0) return [];
    if (earlierNeededOne(state)) return [];
    const op = operations[i]!;
    return [{
      operation: i,
      message: `no statement_timeout is set before this statement, whose work grows with ${op.table ?? 'the table'} while it holds ${article(describeLock(op.lock))}`,
      suggestion: `SET ${state.tx.active ? 'LOCAL ' : ''}statement_timeout = '15min';  -- pick a limit above its measured time on production-sized data`,
      suggestionRuns: 'before',
    }];
  },
};

export default rule;
