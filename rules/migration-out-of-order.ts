import type { Rule } from '../src/analyze/rule.js';

// Raised by change detection (src/discover/changes.ts) when a new migration sorts before one
// that already exists on the base branch; no per-statement check.
export const rule: Rule = {
  id: 'migration-out-of-order',
  risk: 'CAUTION',
  title: 'A new migration sorts before existing ones',
  docs: {
    why:
      'Runners apply migrations in version order and remember the highest one applied. A new migration whose version is lower than one already merged (typically a timestamp generated before a rebase) ' +
      'is skipped by golang-migrate and drizzle on databases that are past it, refused by goose, Flyway ("detected resolved migration not applied") and supabase db push, or applied out of sequence, against a schema it was not written for. ' +
      'diesel, sqlx, dbmate, Prisma, pop and Liquibase apply every migration they have not recorded: there the finding is SAFE, as only the order differs between old and new databases.',
    instead: 'Give the migration a version after every existing one: regenerate its timestamp (or take the next number) after rebasing on the base branch.',
    bad: '# main has 20240105120000_add_status.up.sql; the PR adds\n20240103090000_add_index.up.sql',
    good: '# after rebasing, the PR adds\n20240106100000_add_index.up.sql',
  },
};

export default rule;
