import type { Rule } from '../src/analyze/rule.js';

// Raised by the dry-run (src/dryrun/merge.ts): it runs the migration, then its rollback, and
// compares the schema from the catalogs with the schema before the migration.
export const rule: Rule = {
  id: 'rollback-incomplete',
  risk: 'CAUTION',
  title: 'The rollback does not restore the schema the migration found',
  docs: {
    why: 'The dry-run ran the migration and then its rollback, and the schema afterwards differs from the schema before the migration (tables, columns with types, defaults and nullability, constraints, indexes, sequences, enums, views, functions, triggers, extensions). Rolling back in production would leave the same leftovers, and re-running the migration later may fail on them or silently keep stale objects.',
    instead: 'Undo every object the migration creates or changes, in reverse order: drop what it created (indexes too), restore what it altered (types, defaults, NOT NULL), recreate what it dropped.',
    bad: '-- up\nCREATE INDEX orders_created_at_idx ON orders (created_at);\nALTER TABLE orders ADD COLUMN note text;\n-- down\nALTER TABLE orders DROP COLUMN note;',
    good: '-- up\nCREATE INDEX orders_created_at_idx ON orders (created_at);\nALTER TABLE orders ADD COLUMN note text;\n-- down\nALTER TABLE orders DROP COLUMN note;\nDROP INDEX orders_created_at_idx;',
  },
};

export default rule;
