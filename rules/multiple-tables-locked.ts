import type { Rule } from '../src/analyze/rule.js';
import type { Operation } from '../src/core/types.js';
import { inMigrationTransaction } from './_statement.js';
import { transactionSummary } from '../src/analyze/rule-helpers.js';

/** A table being dropped is no longer in use: holding its lock widens no window anyone waits in. */
const locks = (o: Operation) => !!o.table && o.lock === 'AccessExclusiveLock' && !o.targetIsNew && o.kind !== 'DROP_TABLE' && o.kind !== 'DROP_VIEW';

/** Tables the earlier statements of this transaction locked ACCESS EXCLUSIVE, in the order first locked. */
const heldTables = transactionSummary(() => new Set<string>(), (held, s) => {
  if (!inMigrationTransaction(s.statement)) return;
  for (const o of s.operations) if (locks(o)) held.add(o.table!);
});

export const rule: Rule = {
  id: 'multiple-tables-locked',
  risk: 'CAUTION',
  title: 'ACCESS EXCLUSIVE locks on several existing tables in one transaction',
  docs: {
    why:
      'Locks are held until the transaction ends. Once a transaction holds ACCESS EXCLUSIVE on one table, taking it on a second one means the first stays unreadable while the second lock is waited for (behind any long query on it) and while the rest runs; every application request that touches either table queues. Locking tables in an order other sessions do not expect can also deadlock. This holds when each change is instant (a nullable ADD COLUMN, a SET DEFAULT): the risk is the wait for the second lock while the first is held, not the work, so such changes are reported too, as eugene (E4, more statements after an ACCESS EXCLUSIVE lock) and pgfence (a lock window over two tables) report them; squawk and strong_migrations have no such check. A lock_timeout bounds the wait but does not end the overlap, so it does not silence the rule.',
    lock: 'ACCESS EXCLUSIVE on every table locked so far (blocks reads and writes), held until COMMIT.',
    instead:
      'Change one table per transaction (one migration per table, or COMMIT between them), each after SET lock_timeout so a blocked lock gives up instead of queueing traffic behind it.',
    bad: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN note text;\nCOMMIT;',
    good: 'ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN note text;',
    equivalents: { eugene: 'E4' },
  },
  check({ statement, operations, state }) {
    if (!state.tx.active || !inMigrationTransaction(statement)) return [];
    const held = heldTables(state);
    if (held.size !== 1) return [];
    const first = held.values().next().value!;
    const index = operations.findIndex((o) => locks(o) && o.table !== first);
    const table = operations[index]?.table;
    if (!table) return [];
    // One finding per transaction: at the second table.
    return [{
      operation: index,
      message: `${table} is locked ACCESS EXCLUSIVE while this transaction still holds the same lock on ${first}: both tables stay blocked for reads and writes until COMMIT, and the wait for this lock blocks ${first} too`,
      suggestion: `-- end the transaction before changing ${table} (or move it to its own migration), and SET lock_timeout = '5s' before each`,
    }];
  },
};

export default rule;
