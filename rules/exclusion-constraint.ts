import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable } from '../src/analyze/rule-helpers.js';
import { addedConstraint, runsDuringMigration, sqlOf } from './_sql-build.js';

export const rule: Rule = {
  id: 'exclusion-constraint',
  risk: 'DANGEROUS',
  title: 'Adding an EXCLUDE constraint to an existing table builds its index under an ACCESS EXCLUSIVE lock, with no online alternative',
  sizeSensitive: true,
  docs: {
    why:
      'ALTER TABLE ... ADD EXCLUDE builds the constraint\'s index over every row and checks every pair of conflicting rows while holding an ACCESS EXCLUSIVE lock: nothing can read or write the table until it is done, and it fails on the first conflict. Unlike UNIQUE, there is no online route: an exclusion constraint cannot be attached to an index built CONCURRENTLY, and it cannot be added NOT VALID.',
    lock: 'ACCESS EXCLUSIVE on the table (blocks reads and writes) for the whole index build.',
    instead:
      'Plan a maintenance window: set a lock_timeout so the statement gives up instead of queueing everyone behind it, and run it when the table is quiet. On a very large table, alternatives are building a new table with the constraint and moving the data over, or enforcing the rule in a trigger or the application until a window is available.',
    bad: 'ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);',
    good: 'CREATE TABLE bookings_v2 (room_id int, during tstzrange, CONSTRAINT bookings_v2_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&));',
    equivalents: { strongMigrations: 'add_exclusion_constraint', eugene: 'E8', pgfence: 'ADD CONSTRAINT checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      const con = addedConstraint(cmd);
      if (con?.contype !== 'CONSTR_EXCLUSION' || !op?.table || !onExistingTable(op)) return;
      hits.push({
        operation: i,
        message: `ADD ${sqlOf({ Constraint: con } as never) ?? 'EXCLUDE'} on the existing table ${op.table} builds its index under an ACCESS EXCLUSIVE lock (reads and writes wait), and there is no online way to add an exclusion constraint`,
        suggestion: `-- run it in a maintenance window, giving up rather than queueing traffic behind the lock:\nSET lock_timeout = '5s';\n${statement.text.trim()};`,
      });
    });
    return hits;
  },
};

export default rule;
