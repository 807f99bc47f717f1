import type { Rule } from '../src/analyze/rule.js';

// Raised by the static rollback review (src/rollback/review.ts), which compares the up and
// down migrations as a whole; it has no per-statement check.
export const rule: Rule = {
  id: 'rollback-destroys-data',
  risk: 'DANGEROUS',
  title: 'The rollback destroys data its migration did not create',
  docs: {
    why: 'A rollback undoes its migration: it drops what the migration created and puts back what it changed. One that drops a table, a column or a schema the migration did not create, truncates a table or deletes all of its rows destroys data that was there before the migration ran. Nobody reviews a rollback the way they review a deploy, and it runs at the worst moment, in an incident, so a destructive statement there (`DROP TABLE users` in a sqitch revert script or a down migration) is a trap set for whoever rolls back.',
    instead: 'Make the rollback undo exactly what its migration did: drop only the tables and columns it created, rename back what it renamed, and leave every other object and row alone.',
    bad: '-- up\nALTER TABLE orders ADD COLUMN note text;\n-- down\nALTER TABLE orders DROP COLUMN note;\nDROP TABLE customers;',
    good: '-- up\nALTER TABLE orders ADD COLUMN note text;\n-- down\nALTER TABLE orders DROP COLUMN note;',
  },
};

export default rule;
