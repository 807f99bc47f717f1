import type { Rule } from '../src/analyze/rule.js';

// Raised by the dry-run (src/dryrun/merge.ts) from pg_locks, not from the SQL text.
export const rule: Rule = {
  id: 'observed-blocking-lock',
  risk: 'CAUTION',
  title: 'The dry-run saw this statement take a lock that blocks writes on an existing table',
  docs: {
    why: 'The dry-run read pg_locks after the statement and saw SHARE or a stronger lock on a table that existed before the migration. Inside a transaction that lock is held until COMMIT, so every later statement of the transaction extends the time writers (or, for ACCESS EXCLUSIVE, readers too) wait; while it waits for the lock, everything queued behind it waits as well.',
    lock: 'SHARE or stronger (SHARE blocks writes; ACCESS EXCLUSIVE blocks reads and writes) until the end of the transaction.',
    instead: 'Keep the blocking statement in a transaction of its own, set lock_timeout so it gives up instead of queueing, and move slow work (backfills, index builds, validation) out of the transaction that holds the lock: CREATE INDEX CONCURRENTLY, ADD CONSTRAINT … NOT VALID then VALIDATE CONSTRAINT.',
    bad: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nUPDATE orders SET note = \'\';\nCOMMIT;',
    good: "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;\n-- backfill in batches, each in its own short transaction",
    equivalents: { squawk: 'require-timeout-settings', eugene: 'E9' },
  },
};

export default rule;
