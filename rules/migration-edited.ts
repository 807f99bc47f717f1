import type { Rule } from '../src/analyze/rule.js';

// Raised by change detection (src/discover/changes.ts) when a pull request modifies, renames or
// deletes a migration that exists on the base branch; no per-statement check.
export const rule: Rule = {
  id: 'migration-edited',
  risk: 'DANGEROUS',
  title: 'A migration that already exists on the base branch was edited or deleted',
  docs: {
    why:
      'A migration on the base branch has probably run in production already. Runners record what they applied and never run it again, so the edit never reaches those databases: ' +
      'production and fresh databases silently diverge. Flyway and Liquibase compare checksums and refuse to migrate at all ("checksum mismatch"); renaming changes the version, so the runner applies it a second time; ' +
      'deleting it makes new databases differ from old ones. Editing only a rollback, a Flyway `R__` repeatable or a Liquibase `runOnChange` changeset is expected and not reported, nor is adding changesets to a Liquibase changelog whose own changesets stay as they were (Liquibase checksums each changeset, not the file), nor is an edit of only comments or spacing for a runner that keeps no checksum (golang-migrate, goose, dbmate, Sqitch...): the statements every database runs are the same.',
    instead: 'Leave the applied migration exactly as it is and put the change in a new migration after it. To fix a migration that has not been deployed anywhere yet, check that with the team first, then say so in the review.',
    bad: '# db/migrations/0007_create_orders.up.sql, already on main, edited in the PR:\n CREATE TABLE orders (\n   id bigint PRIMARY KEY,\n-  total numeric\n+  total numeric NOT NULL\n );',
    good: '# leave 0007_create_orders.up.sql untouched; add db/migrations/0042_orders_total_not_null.up.sql:\nALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total IS NOT NULL) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_not_null;',
  },
};

export default rule;
