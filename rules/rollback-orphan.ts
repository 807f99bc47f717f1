import type { Rule } from '../src/analyze/rule.js';

// Raised by discovery (src/discover/discover.ts) for a rollback file that pairs with no
// migration; no per-statement check.
export const rule: Rule = {
  id: 'rollback-orphan',
  risk: 'CAUTION',
  title: 'A rollback file has no migration',
  docs: {
    why:
      'A rollback pairs with its migration by name. When the names drift apart (the up file was renamed, its timestamp regenerated after a rebase, or the migration deleted) ' +
      'the runner sees a version with only a down script: golang-migrate and pop fail or skip it, Sqitch ignores a revert with no plan entry, and the real migration is left without a rollback.',
    instead: 'Give the rollback exactly the migration\'s version and name (only `.up.`/`.down.`, `deploy/`/`revert/`, `V`/`U` may differ), or delete it if its migration is gone.',
    bad: '# db/migrations/\n20240102120000_add_index.up.sql\n20240101093000_add_index.down.sql   # timestamp from before the rebase',
    good: '# db/migrations/\n20240102120000_add_index.up.sql\n20240102120000_add_index.down.sql',
  },
};

export default rule;
