import type { Rule } from '../src/analyze/rule.js';

// Raised by the static rollback review (src/rollback/review.ts), which compares the up and
// down migrations as a whole; it has no per-statement check.
export const rule: Rule = {
  id: 'rollback-data-loss',
  risk: 'CAUTION',
  title: 'The migration destroys data no rollback can restore',
  docs: {
    why: 'Dropping a table or a column, truncating or deleting rows destroys data. The rollback can recreate the table or the column, but empty: the contents are gone. Such a migration is irreversible, whatever its down file says. A statement whose own finding already says its data is gone for good (ban-drop-column, ban-drop-table, ban-truncate, ban-drop-schema, dml-without-where, reported or silenced by an ignore directive) is not reported again here; the migration is still marked irreversible.',
    instead: 'Stop reading and writing the data in the application first (contract phase), keep a copy (an archive table or a backup) until you are sure, and say in the rollback that it restores the structure only.',
    bad: 'ALTER TABLE orders DROP COLUMN legacy_status;',
    good: '-- after the code no longer reads it, and with a copy kept:\nCREATE TABLE orders_legacy_status AS SELECT id, legacy_status FROM orders;\nALTER TABLE orders DROP COLUMN legacy_status;',
  },
};

export default rule;
