import type { RenameStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { describeLock, ident, onExistingTable, stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'renaming-table',
  risk: 'DANGEROUS',
  title: 'Renaming a table breaks the code that still uses the old name',
  docs: {
    why:
      'The application version that is running while the migration runs still queries the table by its old name. Once the rename commits, all of those queries fail with "relation does not exist" until every instance runs the new code.',
    lock: 'ACCESS EXCLUSIVE on the table: brief (catalog only), but it waits behind every running query on the table, and everything queued behind it waits too.',
    instead:
      'Rename the table and, in the same transaction, create a view with the old name (`CREATE VIEW old_name AS SELECT * FROM new_name`): a simple view is updatable, so old code keeps reading and writing through it. Drop the view in a later release, once no code uses the old name. Alternatively create the view under the new name first, move the code to it, then swap.',
    bad: 'ALTER TABLE customers RENAME TO clients;',
    good: 'CREATE VIEW clients AS SELECT * FROM customers;',
    equivalents: { squawk: 'renaming-table', strongMigrations: 'rename_table', pgfence: 'RENAME checks' },
  },
  statements: ['RenameStmt'],
  check({ statement, operations }) {
    const r = stmtNode<RenameStmt>(statement, 'RenameStmt');
    const op = operations[0];
    if (!executesNow(statement) || !r || op?.kind !== 'RENAME_TABLE' || !r.newname || !onExistingTable(op)) return [];
    const schema = r.relation?.schemaname;
    const oldRef = tableRef(op.table);
    const newRef = schema && schema !== 'public' ? `${ident(schema)}.${ident(r.newname)}` : ident(r.newname);
    const what = r.renameType === 'OBJECT_TABLE' ? 'table' : r.renameType === 'OBJECT_MATVIEW' ? 'materialized view' : r.renameType === 'OBJECT_VIEW' ? 'view' : 'table';
    const suggestion = r.renameType === 'OBJECT_TABLE'
      ? [
        'BEGIN;',
        `ALTER TABLE ${oldRef} RENAME TO ${ident(r.newname)};`,
        `CREATE VIEW ${oldRef} AS SELECT * FROM ${newRef};  -- old code keeps working through the view`,
        'COMMIT;',
        `-- in a later release, when no code uses ${oldRef}: DROP VIEW ${oldRef};`,
      ].join('\n')
      : `create the new name first (CREATE VIEW ${newRef} AS SELECT * FROM ${oldRef}), move the code to it, then drop the old name in a later release`;
    return [{
      operation: 0,
      message: `renaming the ${what} ${op.table} to ${r.newname} breaks every running query that uses the old name; it takes ${article(describeLock(op.lock))}`,
      suggestion,
    }];
  },
};

export default rule;
