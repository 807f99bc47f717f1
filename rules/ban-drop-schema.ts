import type { DropStmt } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { as } from '../src/analyze/ast.js';
import { ident, stmtNode } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-drop-schema',
  risk: 'DANGEROUS',
  title: 'Dropping a schema loses everything in it',
  docs: {
    why:
      'DROP SCHEMA ... CASCADE drops every table, view, function and type in the schema, with their data, in one statement; a rollback cannot bring the data back. Without CASCADE it fails unless the schema is already empty, which is the safe form. DROP OWNED BY is the same for every schema: it drops every object the role owns in the database, and the migration\'s role owns the application\'s tables.',
    lock: 'ACCESS EXCLUSIVE on every table in the schema while they are dropped.',
    instead:
      'Drop the objects one by one in earlier migrations (each reviewed on its own), keep a dump of anything you may need, and drop the empty schema without CASCADE, so Postgres refuses if something is still in it.',
    bad: 'DROP SCHEMA reporting CASCADE;',
    good: 'CREATE SCHEMA scratch;\nDROP SCHEMA scratch;',
    equivalents: { pgfence: 'Destructive operation checks' },
  },
  statements: ['DropStmt', 'DropOwnedStmt'],
  check({ statement, state }) {
    // DROP OWNED BY drops every object the roles own in the database, in every schema: the
    // migration's own role owns the application's tables, so it is DROP SCHEMA ... CASCADE for all.
    if (executesNow(statement) && stmtNode(statement, 'DropOwnedStmt')) {
      return [{
        message: 'DROP OWNED BY drops every table, view, function and type the role owns in this database, in every schema, with their data, for good (a rollback cannot bring them back)',
        suggestion: '-- drop what must go one object at a time in reviewed migrations; to hand objects over, REASSIGN OWNED BY <old role> TO <new role>;',
      }];
    }
    const d = stmtNode<DropStmt>(statement, 'DropStmt');
    if (!executesNow(statement) || d?.removeType !== 'OBJECT_SCHEMA') return [];
    const cascade = d.behavior === 'DROP_CASCADE';
    const hits: RuleHit[] = [];
    for (const o of d.objects ?? []) {
      const name = as<{ sval?: string }>(o, 'String')?.sval;
      if (!name || state.newSchemas.has(name)) continue;
      hits.push({
        message: cascade
          ? `DROP SCHEMA ${name} CASCADE deletes every table, view and function in ${name}, with their data, for good (a rollback cannot bring them back)`
          : `dropping schema ${name} deletes it for good; it fails unless ${name} is empty, but running code that names ${name} breaks`,
        suggestion: `-- drop the objects in ${name} one by one in reviewed migrations (keep a dump: pg_dump --schema=${name} <database>), then:\nDROP SCHEMA ${ident(name)};  -- without CASCADE: Postgres refuses while anything is left`,
      });
    }
    return hits;
  },
};

export default rule;
