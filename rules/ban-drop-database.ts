import type { DropdbStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { ident, stmtNode } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-drop-database',
  risk: 'DANGEROUS',
  title: 'Dropping a database from a migration',
  docs: {
    why:
      'DROP DATABASE deletes every table and all data in that database, and a rollback cannot bring any of it back. Migrations run automatically in every environment they reach; a database is not something one of them should be able to delete.',
    lock: 'Needs every connection to the database to be closed (WITH (FORCE) terminates them).',
    instead:
      'Drop databases by hand, as an operations task with a backup taken first, never from an application migration.',
    bad: 'DROP DATABASE analytics;',
    good: 'ALTER DATABASE analytics WITH ALLOW_CONNECTIONS false;',
    equivalents: { squawk: 'ban-drop-database', pgfence: 'Destructive operation checks' },
  },
  statements: ['DropdbStmt'],
  check({ statement }) {
    const d = stmtNode<DropdbStmt>(statement, 'DropdbStmt');
    if (!executesNow(statement) || !d?.dbname) return [];
    return [{
      message: `DROP DATABASE ${d.dbname} deletes the whole database and all its data for good; a rollback cannot bring it back`,
      suggestion: `-- remove this statement from the migration; as an operations task, after a backup (pg_dump --format=custom ${d.dbname}):\n-- DROP DATABASE ${ident(d.dbname)};`,
    }];
  },
};

export default rule;
