import type { Rule } from '../src/analyze/rule.js';
import { describeLock, earlierStepPasses } from '../src/analyze/rule-helpers.js';
import { article, blocksExisting } from './_blocking.js';
import { executesNow } from './_statement.js';

/** An earlier statement of the file took a lock that blocks, with no statement_timeout set. */
const earlierNeededOne = earlierStepPasses((s, state) => executesNow(s.statement) && !s.statementTimeout && s.operations.some((op) => blocksExisting(op, state)));

export const rule: Rule = {
  id: 'statement-timeout-before-lock',
  risk: 'SAFE',
  title: 'A lock-taking statement with no statement_timeout set before it',
  enabledByDefault: false,
  presets: ['squawk'],
  docs: {
    why:
      'Any statement that takes a lock blocking writes can run longer than planned (a table larger than expected, a slow disk, a trigger), and holds the lock all that time. A statement_timeout set before it bounds that.',
    lock: 'Whatever the statement takes: SHARE or stronger on a table that existed before the migration.',
    policy: 'Off by default: require-statement-timeout already reports the statements whose work grows with the table, and a timeout before an instant catalog change adds nothing; turn it on (or use `preset: squawk`) to require one before every lock-taking statement, as squawk does. Reported once per file.',
    instead: "Start the migration with `SET statement_timeout = '...'` (a limit above the measured time of its slowest statement), or SET LOCAL inside its transaction.",
    bad: 'ALTER TABLE orders ADD COLUMN note text;',
    good: "SET statement_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    equivalents: { squawk: 'require-timeout-settings', pgfence: 'SET statement_timeout' },
  },
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.statementTimeout) return [];
    const i = operations.findIndex((op) => blocksExisting(op, state));
    if (i < 0) return [];
    if (earlierNeededOne(state)) return [];
    const op = operations[i]!;
    return [{
      operation: i,
      message: `no statement_timeout is set before this statement, which takes ${article(describeLock(op.lock, op.table))}`,
      suggestion: `SET ${state.tx.active ? 'LOCAL ' : ''}statement_timeout = '30s';  -- above the measured time of the slowest statement`,
      suggestionRuns: 'before',
    }];
  },
};

export default rule;
