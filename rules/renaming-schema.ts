import type { RenameStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { ident, stmtNode } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'renaming-schema',
  risk: 'DANGEROUS',
  title: 'Renaming a schema breaks the code that still uses the old name',
  docs: {
    why:
      'Every qualified name the running application uses (`old_schema.table`), every search_path that lists the old schema, and every function body that names it stops resolving the moment the rename commits.',
    lock: 'No table lock: it only changes the catalog, but every query that names the old schema fails at once.',
    instead:
      'Keep the old name while code moves: create the new schema, move the code to names it resolves through search_path (listing both schemas), move the objects with ALTER TABLE ... SET SCHEMA one at a time, and drop the old schema when nothing uses it. Or simply keep the name.',
    bad: 'ALTER SCHEMA billing RENAME TO invoicing;',
    good: 'CREATE SCHEMA invoicing;',
    equivalents: { strongMigrations: 'rename_schema', pgfence: 'RENAME checks' },
  },
  statements: ['RenameStmt'],
  check({ statement, state }) {
    const r = stmtNode<RenameStmt>(statement, 'RenameStmt');
    if (!executesNow(statement) || r?.renameType !== 'OBJECT_SCHEMA' || !r.subname || !r.newname) return [];
    if (state.newSchemas.has(r.subname)) return [];
    return [{
      message: `renaming schema ${r.subname} to ${r.newname} breaks every running query, search_path and function that names ${r.subname}`,
      suggestion: [
        `CREATE SCHEMA ${ident(r.newname)};`,
        `-- deploy code that resolves names through search_path = ${r.newname}, ${r.subname}; then move objects one by one:`,
        `-- ALTER TABLE ${ident(r.subname)}.<table> SET SCHEMA ${ident(r.newname)};  and drop ${r.subname} when it is empty`,
      ].join('\n'),
    }];
  },
};

export default rule;
