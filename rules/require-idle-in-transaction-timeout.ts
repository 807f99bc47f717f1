import { nodeTag } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { describeLock, stmtTag } from '../src/analyze/rule-helpers.js';
import type { FileStep } from '../src/analyze/state.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';

const SETTING = 'idle_in_transaction_session_timeout';

export const rule: Rule = {
  id: 'require-idle-in-transaction-timeout',
  risk: 'SAFE',
  title: 'An ACCESS EXCLUSIVE lock in a transaction with no idle_in_transaction_session_timeout',
  enabledByDefault: false,
  docs: {
    why:
      'Locks are held until the transaction ends. If the process running the migration stalls between statements (a paused deploy, a debugger, a lost connection that the server has not noticed yet), the transaction sits idle while it holds ACCESS EXCLUSIVE, and the table stays blocked for reads and writes until someone kills the session. idle_in_transaction_session_timeout ends such a session automatically.',
    lock: 'ACCESS EXCLUSIVE on a table that existed before the migration, held until COMMIT.',
    policy: 'Off by default: migration runners send their statements back to back, so this guards against an operational accident rather than the migration itself.',
    instead: "Set it at the start of the migration: `SET idle_in_transaction_session_timeout = '10s';` (or for the migration role: ALTER ROLE ... SET).",
    bad: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;',
    good: "SET idle_in_transaction_session_timeout = '10s';\nBEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;",
    equivalents: { pgfence: 'SET idle_in_transaction_session_timeout' },
  },
  readsEarlierTree: (s) => stmtTag(s) === 'VariableSetStmt',
  check({ statement, operations, state }) {
    if (!executesNow(statement) || !state.tx.active) return [];
    const i = operations.findIndex((o) => o.table && o.lock === 'AccessExclusiveLock' && !o.targetIsNew);
    if (i < 0) return [];
    const steps = state.earlierInFile ?? [];
    const setting = (s: FileStep) => {
      const [tag, v] = nodeTag(s.statement.ast) ?? ['', {}];
      return tag === 'VariableSetStmt' && String(v.name ?? '').toLowerCase() === SETTING;
    };
    if (steps.some(setting)) return [];
    // Once per file: at the first such lock.
    if (steps.some((s) => s.inTransaction && s.operations.some((o) => o.table && o.lock === 'AccessExclusiveLock' && !o.targetIsNew))) return [];
    const op = operations[i]!;
    return [{
      operation: i,
      message: `this transaction takes ${article(describeLock(op.lock, op.table))} and nothing ends it if the session stalls before COMMIT: no ${SETTING} is set`,
      suggestion: `SET ${SETTING} = '10s';  -- at the start of the migration`,
    }];
  },
};

export default rule;
