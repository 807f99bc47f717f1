import type { Rule } from '../src/analyze/rule.js';

// Raised by the static rollback review (src/rollback/review.ts), which compares the up and
// down migrations as a whole; it has no per-statement check.
export const rule: Rule = {
  id: 'rollback-empty',
  risk: 'CAUTION',
  title: 'The rollback is empty',
  docs: {
    why: 'A rollback file that exists but runs nothing gives a false sense of safety: the day the migration has to be undone, running the rollback changes nothing and the schema stays as the migration left it.',
    instead: 'Write the statements that undo the migration. If the folder deliberately has no rollbacks, configure that (`migrations: [{ path, requireRollback: false }]`) instead of leaving empty files.',
    bad: '-- 0042_add_orders_note.down.sql\n-- (nothing)',
    good: '-- 0042_add_orders_note.down.sql\nALTER TABLE orders DROP COLUMN note;',
  },
};

export default rule;
