import type { TruncateStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-truncate',
  risk: 'DANGEROUS',
  title: 'TRUNCATE deletes every row of an existing table',
  docs: {
    why:
      'TRUNCATE removes all rows at once; once the migration commits, a rollback cannot bring them back. With CASCADE it also empties every table that has a foreign key to it, and the tables referencing those, without listing them. It takes ACCESS EXCLUSIVE, so it also waits behind every running query and blocks all reads and writes meanwhile.',
    lock: 'ACCESS EXCLUSIVE on each table truncated (with CASCADE, on the referencing tables too): blocks reads and writes.',
    instead:
      'Delete only the rows you mean, with a WHERE clause, in batches. If emptying the table is really intended, keep a copy first, name every table explicitly instead of CASCADE, and mark the statement with `-- migration-guard-ignore ban-truncate` and a note saying why.',
    bad: 'TRUNCATE orders CASCADE;',
    good: 'CREATE TABLE import_staging (id bigint PRIMARY KEY, payload jsonb);\nTRUNCATE import_staging;',
    equivalents: { squawk: 'ban-truncate-cascade', pgfence: 'Destructive operation checks' },
  },
  statements: ['TruncateStmt'],
  check({ statement, operations }) {
    const t = stmtNode<TruncateStmt>(statement, 'TruncateStmt');
    if (!executesNow(statement) || !t) return [];
    const existing = operations.filter((o) => o.table && !o.targetIsNew);
    if (existing.length === 0) return [];
    const cascade = t.behavior === 'DROP_CASCADE';
    const names = existing.map((o) => o.table).join(', ');
    return [{
      ...(existing.length === 1 ? { operation: operations.indexOf(existing[0]!) } : {}),
      message: `TRUNCATE deletes every row of ${names} for good (a rollback cannot bring them back)${cascade ? ', and CASCADE also empties every table with a foreign key to it, recursively' : ''}; it takes ACCESS EXCLUSIVE meanwhile`,
      suggestion: [
        `-- keep a copy first: CREATE TABLE ${existing[0]!.table!.split('.').pop()}_backup AS TABLE ${tableRef(existing[0]!.table)};`,
        `-- delete only what you mean: DELETE FROM ${tableRef(existing[0]!.table)} WHERE <condition>;  (in batches)`,
        cascade ? '-- name every table to empty instead of CASCADE, so nothing is emptied by surprise' : '',
      ].filter(Boolean).join('\n'),
    }];
  },
};

export default rule;
