import type { DropStmt } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import type { AnalysisState } from '../src/analyze/state.js';
import { describeLock, stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-drop-table',
  risk: 'DANGEROUS',
  title: 'Dropping a table loses its data and breaks code that still uses it',
  docs: {
    why:
      "All the table's rows are gone when the statement commits: rolling the migration back (or running its down migration) recreates an empty table at best. Code still running during the deploy fails with `relation does not exist`. With CASCADE, the views and foreign keys that depend on the table are dropped too, silently. DROP TABLE IF EXISTS of a table the history does not show (no migration before it creates, indexes or constrains it), in a history that shows other tables (the guard before a CREATE TABLE of the same name), drops nothing unless the table was made outside the migrations: CAUTION.",
    lock: 'ACCESS EXCLUSIVE on the table (and on the tables whose foreign keys reference it): it waits behind every running query on them, and everything queued behind it waits too.',
    instead:
      'First deploy code that no longer uses the table. Keep a copy of the data if you may need it (`pg_dump --table=...`, or rename it to a name nobody uses and drop it a release later). Then drop it, with `-- migration-guard-ignore ban-drop-table` and a note saying why it is safe now.',
    bad: 'DROP TABLE legacy_events;',
    good: '-- migration-guard-ignore ban-drop-table\n-- Unused since release 42; dumped to s3://backups/legacy_events.dump before this migration.\nDROP TABLE legacy_events;',
    equivalents: { squawk: 'ban-drop-table', pgfence: 'Destructive operation checks' },
  },
  statements: ['DropStmt'],
  check({ statement, operations, state }) {
    const d = stmtNode<DropStmt>(statement, 'DropStmt');
    if (!executesNow(statement) || !d) return [];
    const cascade = d.behavior === 'DROP_CASCADE';
    const hits: RuleHit[] = [];
    operations.forEach((op, i) => {
      if (op.kind !== 'DROP_TABLE' || !op.table || op.targetIsNew) return;
      // DROP TABLE IF EXISTS of a table no migration before it made, in a history that shows
      // tables (vaultwarden's `DROP TABLE IF EXISTS archives;` before its CREATE TABLE archives):
      // it drops nothing, unless the table was made outside the migrations.
      if (d.missing_ok && historyShowsTables(state) && !historyShows(state, op.table)) {
        hits.push({
          operation: i,
          risk: 'CAUTION',
          message: `DROP TABLE IF EXISTS ${op.table}: no migration before it creates ${op.table}, so this drops nothing, unless the table was made outside the migrations (then its rows are gone for good)`,
          suggestion: `-- if ${tableRef(op.table)} can exist outside the migrations, keep its data first: pg_dump --table=${op.table} --format=custom <database> > ${op.table}.dump`,
          suggestionRuns: 'before',
        });
        return;
      }
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

/** The history gives the run tables with known columns: a table it does not show is not one of them. */
function historyShowsTables(state: Readonly<AnalysisState>): boolean {
  return state.facts.columnTypes.size > 0;
}

/**
 * The history (or this run) shows the table: made it (its columns are known), or indexed or
 * constrained it, which a table made outside the files read still shows (synapse renamed
 * chunk_events to batch_events in a .sql.postgres delta, then indexed batch_events in a .sql one).
 */
function historyShows(state: Readonly<AnalysisState>, table: string): boolean {
  if (state.newTables.has(table) || state.indexedColumns.has(table) || state.constraintsByTable.has(table)) return true;
  const prefix = `${table}.`;
  for (const key of state.facts.columnTypes.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

export default rule;
