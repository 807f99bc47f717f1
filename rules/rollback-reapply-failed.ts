import type { Rule } from '../src/analyze/rule.js';

// Raised by the dry-run (src/dryrun/merge.ts) after the rollback round trip.
export const rule: Rule = {
  id: 'rollback-reapply-failed',
  risk: 'CAUTION',
  title: 'The migration cannot be applied again after its rollback',
  docs: {
    why: 'The dry-run applied the migration, ran its rollback, and applied the migration again; the second apply failed. After a rollback in production, deploying the fix forward would fail the same way, usually because the rollback left an object behind (an index, a type, a sequence) that the migration creates without IF NOT EXISTS.',
    instead: 'Make the rollback remove everything the migration creates, so up → down → up works; the rollback-incomplete finding names the leftovers.',
    bad: '-- up\nCREATE TYPE status AS ENUM (\'new\', \'done\');\nALTER TABLE orders ADD COLUMN status status;\n-- down\nALTER TABLE orders DROP COLUMN status;',
    good: '-- up\nCREATE TYPE status AS ENUM (\'new\', \'done\');\nALTER TABLE orders ADD COLUMN status status;\n-- down\nALTER TABLE orders DROP COLUMN status;\nDROP TYPE status;',
  },
};

export default rule;
