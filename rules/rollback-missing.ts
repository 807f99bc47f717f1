import type { Rule } from '../src/analyze/rule.js';

// Raised by discovery (src/discover/discover.ts) when a layout that has rollbacks has none for a
// migration; no per-statement check. The risk is `rollbackMissingRisk` (default CAUTION),
// raised to DANGEROUS when the migration itself is DANGEROUS (see rollbackMissingRisk()).
export const rule: Rule = {
  id: 'rollback-missing',
  risk: 'CAUTION',
  title: 'The migration has no rollback',
  docs: {
    why:
      'When a deploy goes wrong the fastest fix is to roll the schema back, and the worst time to write that SQL is during the incident. ' +
      'Runners with rollbacks (golang-migrate, pop, Diesel, dbmate, goose, Sqitch, Flyway undo, Liquibase) expect one per migration; ' +
      'without it `migrate down` either fails or silently does nothing. A missing rollback on a DANGEROUS migration is reported as DANGEROUS: a risky change with no way back. ' +
      'Layouts without rollbacks by design (Prisma, Drizzle, Supabase, plain folders) report `not-required` unless the folder sets `requireRollback: true`.',
    instead:
      'Write the rollback next to the migration, in the layout\'s form: a `.down.sql` file, a `down.sql` in the migration folder, a `-- migrate:down` or `-- +goose Down` section, a `revert/` script, a `U` undo file, or `--rollback` lines. ' +
      'If the folder deliberately has no rollbacks, say so in `.migration-guard.yml` (`migrations: [{ path: db/migrations, requireRollback: false }]`).',
    bad: '# db/migrations/\n0042_add_orders_note.up.sql     ALTER TABLE orders ADD COLUMN note text;\n# (no 0042_add_orders_note.down.sql)',
    good: '# db/migrations/\n0042_add_orders_note.up.sql     ALTER TABLE orders ADD COLUMN note text;\n0042_add_orders_note.down.sql   ALTER TABLE orders DROP COLUMN note;',
  },
};

export default rule;
