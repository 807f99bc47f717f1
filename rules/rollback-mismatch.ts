import type { Rule } from '../src/analyze/rule.js';

// Raised by the static rollback review (src/rollback/review.ts), which compares the up and
// down migrations as a whole; it has no per-statement check.
export const rule: Rule = {
  id: 'rollback-mismatch',
  risk: 'CAUTION',
  title: 'The rollback does not undo everything the migration did',
  docs: {
    why: 'When the rollback forgets an object the migration created (a table, a column, an index, a constraint, a type) or a rename it made, rolling back leaves the schema in a state no version of the application expects, and re-applying the migration then fails because the object already exists.',
    instead: 'For every object the up migration creates, the down migration drops it (or renames it aside and drops it there); for every rename, the down renames it back (or drops the new name and re-creates the old). The dry-run (`--dry-run`) checks the same thing on a real database and names every difference.',
    bad: '-- up\nALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n-- down\nALTER TABLE orders DROP COLUMN note;',
    good: '-- up\nALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n-- down\nDROP INDEX CONCURRENTLY orders_note_idx;\nALTER TABLE orders DROP COLUMN note;',
  },
};

export default rule;
