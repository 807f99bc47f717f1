import type { Rule } from '../src/analyze/rule.js';

// Raised by the dry-run (src/dryrun/merge.ts) when a statement fails on a throwaway database.
export const rule: Rule = {
  id: 'dry-run-failed',
  risk: 'DANGEROUS',
  title: 'The migration fails when run against the schema it will meet',
  docs: {
    why: 'The dry-run applied the base history to a throwaway Postgres and then this migration, and Postgres rejected a statement (the SQLSTATE and message are Postgres\' own). In production the deploy would fail at the same place; for a runner that does not wrap migrations in a transaction, the statements before it stay applied and the schema is left half-migrated. A statement or total time limit that stopped the dry-run is reported here too (SQLSTATE 57014), as is a rollback that fails.',
    instead: 'Fix the statement at the reported line and column. If it fails only because of rows (NOT NULL, CHECK, UNIQUE, a cast), clean or backfill the data first, or add the constraint NOT VALID and validate it later.',
    bad: 'ALTER TABLE orders ADD COLUMN total numeric NOT NULL; -- existing rows have no value',
    good: 'ALTER TABLE orders ADD COLUMN total numeric NOT NULL DEFAULT 0;',
  },
};

export default rule;
