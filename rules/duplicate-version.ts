import type { Rule } from '../src/analyze/rule.js';

// Raised by discovery (src/discover/discover.ts) when two migrations in one folder share a
// version; no per-statement check.
export const rule: Rule = {
  id: 'duplicate-version',
  risk: 'DANGEROUS',
  title: 'Two migrations in one folder have the same version',
  docs: {
    why:
      'Runners key their history by version. Two migrations with one version (two branches that took the same next number, or `0042` and `42`) make golang-migrate, goose, dbmate, Flyway and Diesel refuse to start, ' +
      'and runners that do not check apply one and record the other as done, so it never runs.',
    instead: 'Renumber the newer migration to a version after every existing one, and make its rollback follow the new name.',
    bad: '# db/migrations/\n0042_add_orders_note.up.sql\n0042_add_users_index.up.sql',
    good: '# db/migrations/\n0042_add_orders_note.up.sql\n0043_add_users_index.up.sql',
  },
};

export default rule;
