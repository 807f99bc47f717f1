import type { DropStmt } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { describeLock, stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-drop-table',
  risk: 'DANGEROUS',
  title: 'Dropping a table loses its data and breaks code that still uses it',
  docs: {
    why:
      "All the table's rows are gone when the statement commits: rolling the migration back (or running its down migration) recreates an empty table at best. Code still running during the deploy fails with `relation does not exist`. With CASCADE, the views and foreign keys that depend on the table are dropped too, silently.",
    lock: 'ACCESS EXCLUSIVE on the table (and on the tables whose foreign keys reference it): it waits behind every running query on them, and everything queued behind it waits too.',
    instead:
      'First deploy code that no longer uses the table. Keep a copy of the data if you may need it (`pg_dump --table=...`, or rename it to a name nobody uses and drop it a release later). Then drop it, with `-- migration-guard-ignore ban-drop-table` and a note saying why it is safe now.',
    bad: 'DROP TABLE legacy_events;',
    good: '-- migration-guard-ignore ban-drop-table\n-- Unused since release 42; dumped to s3://backups/legacy_events.dump before this migration.\nDROP TABLE legacy_events;',
    equivalents: { squawk: 'ban-drop-table', pgfence: 'Destructive operation checks' },
  },
  statements: ['DropStmt'],
  check({ statement, operations }) {
    const d = stmtNode<DropStmt>(statement, 'DropStmt');
    if (!executesNow(statement) || !d) return [];
    const cascade = d.behavior === 'DROP_CASCADE';
    const hits: RuleHit[] = [];
    operations.forEach((op, i) => {
      if (op.kind !== 'DROP_TABLE' || !op.table || op.targetIsNew) return;
      hits.push({
        operation: i,
        message: `dropping ${op.table} deletes all of its rows for good (a rollback cannot bring them back) and breaks running code that still uses it${cascade ? '; CASCADE also drops every view and foreign key that depends on it' : ''} (${describeLock(op.lock)})`,
        suggestion: [
          `-- 1. deploy code that no longer uses ${tableRef(op.table)}`,
          `-- 2. keep the data if you may need it: pg_dump --table=${op.table} --format=custom <database> > ${op.table}.dump`,
          `-- 3. in a later migration: DROP TABLE ${tableRef(op.table)};${cascade ? '  -- without CASCADE, so Postgres refuses if something still depends on it' : ''}`,
        ].join('\n'),
      });
    });
    return hits;
  },
};

export default rule;
