import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { onExistingTable } from '../src/analyze/rule-helpers.js';
import { runsDuringMigration } from './_sql-build.js';

export const rule: Rule = {
  id: 'drop-not-null',
  risk: 'CAUTION',
  title: 'DROP NOT NULL lets NULLs into a column that running code expects to be filled',
  docs: {
    why:
      'DROP NOT NULL is instant (a catalog change under a brief ACCESS EXCLUSIVE lock), but from then on NULLs can be written, and readers that assumed the column is always filled (application code, reports, other services, a NOT NULL column in a replica or warehouse) start failing or mis-counting. Undoing it later means SET NOT NULL again: a full scan under an ACCESS EXCLUSIVE lock that fails if a NULL was written in the meantime.',
    lock: 'ACCESS EXCLUSIVE on the table, briefly (catalog only).',
    instead:
      'First ship code that handles NULL in every reader of the column, then drop the constraint. Make sure the rollback of this migration does not need to restore NOT NULL on data that now has NULLs. Reported once per statement and table, naming every column it relaxes.',
    bad: 'ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;',
    good: 'ALTER TABLE orders ALTER COLUMN status SET DEFAULT \'pending\';',
    equivalents: { squawk: 'ban-drop-not-null', pgfence: 'ALTER COLUMN checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations }) {
    if (!runsDuringMigration(statement)) return [];
    // One hit per statement and table: an ALTER TABLE that relaxes 19 columns is one decision
    // for its author, not 19.
    const byTable = new Map<string, number[]>();
    operations.forEach((op, i) => {
      if (op.kind !== 'DROP_NOT_NULL' || !op.table || !op.columnName || !onExistingTable(op)) return;
      const list = byTable.get(op.table);
      if (list) list.push(i);
      else byTable.set(op.table, [i]);
    });
    const hits: RuleHit[] = [];
    for (const [table, indexes] of byTable) {
      const columns = indexes.map((i) => operations[i]!.columnName!);
      const what = columns.length === 1 ? `${table}.${columns[0]}` : `${table} (${columns.length} columns: ${columns.join(', ')})`;
      hits.push({
        ...(indexes.length === 1 ? { operation: indexes[0] } : { operations: indexes }),
        message: `DROP NOT NULL on ${what}: instant, but code that reads ${columns.length === 1 ? 'the column' : 'these columns'} may not expect NULLs, and restoring NOT NULL later needs a full scan that fails once a NULL exists`,
        suggestion: `-- deploy readers that handle NULL in ${columns.join(', ')} before this migration runs; keep the statement as is`,
      });
    }
    return hits;
  },
};

export default rule;
