import type { RenameStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { describeLock, ident, onExistingTable, stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'renaming-column',
  risk: 'DANGEROUS',
  title: 'Renaming a column breaks the code that still uses the old name',
  docs: {
    why:
      'The application version that is running while the migration runs (and for as long as a deploy takes, or a rollback needs) still reads and writes the column by its old name. The moment the rename commits, every one of those queries fails with "column does not exist". A migration cannot be deployed at exactly the same instant as the code.',
    lock: 'ACCESS EXCLUSIVE on the table: brief (catalog only), but it waits behind every running query on the table, and everything queued behind it waits too.',
    instead:
      'Expand and contract: add the new column, write to both (in the application or with a trigger), backfill the old rows in batches, move reads to the new column, stop writing the old one, and drop it in a later release. For a read-only rename period, a view can expose the column under both names.',
    bad: 'ALTER TABLE users RENAME COLUMN email TO email_address;',
    good: 'ALTER TABLE users ADD COLUMN email_address text;',
    equivalents: { squawk: 'renaming-column', strongMigrations: 'rename_column', pgfence: 'RENAME checks' },
  },
  statements: ['RenameStmt'],
  check({ statement, operations, state }) {
    const r = stmtNode<RenameStmt>(statement, 'RenameStmt');
    const op = operations[0];
    if (!executesNow(statement) || !r || r.renameType !== 'OBJECT_COLUMN' || !op || !r.subname || !r.newname) return [];
    if (!onExistingTable(op) || state.newColumns.has(`${op.table}.${r.subname}`)) return [];
    const t = tableRef(op.table);
    const type = state.facts.columnTypes.get(`${op.table}.${r.subname}`);
    return [{
      operation: 0,
      message: `renaming ${op.table}.${r.subname} to ${r.newname} breaks every running query that uses ${r.subname}; it takes ${article(describeLock(op.lock))}`,
      suggestion: [
        `ALTER TABLE ${t} ADD COLUMN ${ident(r.newname)} ${type ?? '<same type as ' + r.subname + '>'};`,
        `-- then: write both ${r.subname} and ${r.newname} from the application (or a trigger), backfill ${r.newname} from ${r.subname} in batches,`,
        `-- move reads to ${r.newname}, stop writing ${r.subname}, and in a later release: ALTER TABLE ${t} DROP COLUMN ${ident(r.subname)};`,
      ].join('\n'),
    }];
  },
};

export default rule;
