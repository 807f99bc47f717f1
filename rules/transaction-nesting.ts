import type { TransactionStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'transaction-nesting',
  risk: 'CAUTION',
  title: 'BEGIN inside a transaction, or COMMIT/ROLLBACK without one',
  docs: {
    why:
      'Postgres has no nested transactions. A BEGIN inside an open transaction (one the file opened, or the one a runner such as Flyway or Rails wraps every migration in) only prints a warning, and the next COMMIT then commits the outer transaction early: the statements after it run outside any transaction, so a failure half-way leaves the migration half applied and the runner\'s bookkeeping out of step. A ROLLBACK in a runner-wrapped file silently discards everything before it while the runner records the migration as applied. A COMMIT with no transaction open does nothing but warn; it usually means the author expected a transaction that is not there.',
    instead:
      'Let one party own the transaction: either the runner (then remove BEGIN/COMMIT from the file) or the file (then tell the runner not to wrap it, e.g. Flyway `executeInTransaction=false`, dbmate/goose `transaction:false`). Use SAVEPOINT for a nested scope.',
    bad: 'BEGIN;\nCREATE TABLE invoices (id bigint PRIMARY KEY);\nBEGIN;\nCREATE TABLE invoice_lines (id bigint PRIMARY KEY);\nCOMMIT;',
    good: 'BEGIN;\nCREATE TABLE invoices (id bigint PRIMARY KEY);\nCREATE TABLE invoice_lines (id bigint PRIMARY KEY);\nCOMMIT;',
    equivalents: { squawk: 'transaction-nesting' },
  },
  statements: ['TransactionStmt'],
  check({ statement, state }) {
    const t = stmtNode<TransactionStmt>(statement, 'TransactionStmt');
    if (!t || !executesNow(statement)) return [];
    const wrapped = state.runnerTransaction === 'wrapped';
    switch (t.kind) {
      case 'TRANS_STMT_BEGIN': case 'TRANS_STMT_START': {
        // In a query string of several statements, BEGIN takes over the implicit block it is in.
        if (!state.tx.active || (state.oneQueryString && !state.tx.explicit)) return [];
        const outer = state.tx.explicit
          ? `the transaction opened at line ${state.tx.beganAt?.line ?? '?'} is still open`
          : 'the runner already wraps this file in a transaction';
        return [{
          message: `BEGIN inside a transaction: ${outer}; Postgres only warns, and the next COMMIT ends the outer transaction early, so what follows runs without one`,
          suggestion: state.tx.explicit
            ? 'remove this BEGIN (or COMMIT the first transaction before it); use SAVEPOINT name for a nested scope'
            : 'remove BEGIN/COMMIT from the file and let the runner own the transaction, or configure the runner not to wrap this migration',
        }];
      }
      case 'TRANS_STMT_COMMIT': case 'TRANS_STMT_ROLLBACK': {
        const word = t.kind === 'TRANS_STMT_COMMIT' ? 'COMMIT' : 'ROLLBACK';
        if (state.tx.explicit) return [];
        if (state.tx.active && state.oneQueryString && !wrapped) {
          // Postgres warns "there is no transaction in progress", then ends the implicit block
          // the statements since the last BEGIN or COMMIT ran in.
          return [{
            ...(word === 'ROLLBACK' ? { risk: 'DANGEROUS' as const } : { risk: 'SAFE' as const }),
            message: word === 'ROLLBACK'
              ? 'ROLLBACK without a BEGIN in a file sent as one query: it discards the statements before it since the last COMMIT (they ran in one implicit transaction), while the runner records the migration as applied'
              : 'COMMIT without a BEGIN in a file sent as one query: it commits the implicit transaction the statements before it ran in (Postgres warns), and the statements after it run in another',
            suggestion: word === 'ROLLBACK' ? 'remove it, or put the statements it should undo between BEGIN and ROLLBACK' : `add BEGIN where the transaction should start, or remove this ${word}`,
          }];
        }
        if (state.tx.active && wrapped) {
          return [{
            ...(word === 'ROLLBACK' ? { risk: 'DANGEROUS' as const } : {}),
            message: word === 'ROLLBACK'
              ? 'ROLLBACK in a file the runner wraps in a transaction discards every change before it, while the runner records the migration as applied'
              : 'COMMIT in a file the runner wraps in a transaction ends the runner\'s transaction early: the statements after it run without one',
            suggestion: 'remove it and let the runner own the transaction, or configure the runner not to wrap this migration and write BEGIN/COMMIT yourself',
          }];
        }
        return [{
          risk: 'SAFE',
          message: `${word} without a BEGIN: no transaction is open here, so it only makes Postgres warn${wrapped ? '' : '; the statements before it ran one by one, each committed on its own'}`,
          suggestion: `add BEGIN where the transaction should start, or remove this ${word}`,
        }];
      }
      default:
        return [];
    }
  },
};

export default rule;
