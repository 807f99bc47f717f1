import type { Rule } from '../src/analyze/rule.js';

export const rule: Rule = {
  id: 'transaction-not-committed',
  risk: 'DANGEROUS',
  title: 'BEGIN without COMMIT at the end of the file',
  docs: {
    why:
      'A transaction the file opens and never closes is not committed. Depending on the runner, its changes are rolled back when the connection closes (so the migration silently did nothing while being recorded as applied), or the connection goes back to a pool "idle in transaction", holding every lock the migration took, which blocks the tables it touched until someone kills the session.',
    instead: 'End the file with COMMIT (or remove the BEGIN and let the runner own the transaction).',
    bad: 'BEGIN;\nCREATE TABLE audit_log (id bigint PRIMARY KEY);',
    good: 'BEGIN;\nCREATE TABLE audit_log (id bigint PRIMARY KEY);\nCOMMIT;',
    equivalents: { squawk: 'ban-uncommitted-transaction' },
  },
  finish(state) {
    if (!state.tx.active || !state.tx.explicit || state.runnerTransaction === 'wrapped') return [];
    return [{
      ...(state.tx.beganAt ? { position: state.tx.beganAt } : {}),
      message: `the transaction opened${state.tx.beganAt ? ` at line ${state.tx.beganAt.line}` : ''} is never committed: its changes are rolled back when the connection closes, or the connection is left idle in transaction holding its locks`,
      suggestion: 'COMMIT;  -- at the end of the file',
    }];
  },
};

export default rule;
