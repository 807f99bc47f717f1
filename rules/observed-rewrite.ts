import type { Rule } from '../src/analyze/rule.js';

// Raised by the dry-run (src/dryrun/merge.ts) from what Postgres did, not from the SQL text.
export const rule: Rule = {
  id: 'observed-rewrite',
  risk: 'DANGEROUS',
  title: 'The dry-run saw this statement rewrite an existing table',
  docs: {
    why: 'The dry-run saw the relation get a new data file (pg_class.relfilenode changed): Postgres copied every row and rebuilt every index while holding ACCESS EXCLUSIVE on the table. On a production-sized table that is minutes to hours during which nothing can read or write it. This is measured, not guessed: it outranks a static rule that thought the statement was cheap.',
    lock: 'ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes.',
    instead: 'Avoid the rewrite: add a new column, backfill it in batches, switch reads and writes, then drop the old column; use a non-volatile default; widen types instead of changing them (varchar(n) → text, int → bigint on a new column).',
    bad: 'ALTER TABLE orders ALTER COLUMN id TYPE bigint;',
    good: 'ALTER TABLE orders ADD COLUMN id_new bigint;\n-- backfill in batches, then swap in a later migration',
    equivalents: { squawk: 'changing-column-type', strongMigrations: 'change_column' },
  },
};

export default rule;
