import type { Rule } from '../src/analyze/rule.js';
import { alterCmds, describeLock, ident, onExistingTable, tableRef } from '../src/analyze/rule-helpers.js';
import type { RuleHit } from '../src/analyze/rule.js';
import type { Operation } from '../src/core/types.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-drop-column',
  risk: 'DANGEROUS',
  title: 'Dropping a column loses its data and breaks code that still uses it',
  docs: {
    why:
      "The column's data is gone when the statement commits: rolling the migration back (or running its down migration) recreates an empty column, not the values. The application version that is running during the deploy still selects, inserts or updates the column and fails (`column does not exist`); ORMs that list every column in their INSERTs fail even if the code never reads it.",
    lock: 'ACCESS EXCLUSIVE on the table: brief (the column is only marked dropped), but it waits behind every running query on the table, and everything queued behind it waits too.',
    instead:
      'First deploy code that no longer reads or writes the column (and, for ORMs, tells the model to ignore it). Copy the data somewhere if you may need it again. Then drop the column in a later migration, with `-- migration-guard-ignore ban-drop-column` and a note saying why it is safe now.',
    bad: 'ALTER TABLE orders DROP COLUMN legacy_status;',
    good: '-- migration-guard-ignore ban-drop-column\n-- No code has used orders.legacy_status since release 42; the values are archived in orders_legacy_status_archive.\nALTER TABLE orders DROP COLUMN legacy_status;',
    equivalents: { squawk: 'ban-drop-column', strongMigrations: 'remove_column', pgfence: 'Destructive operation checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    // One hit per statement: `DROP COLUMN a, DROP COLUMN b, ...` is one change to deploy code
    // for, under one lock.
    const dropped: Array<{ operation: number; column: string }> = [];
    let on: Operation | undefined;
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      if (c.subtype !== 'AT_DropColumn' || !c.name || !op || !onExistingTable(op)) return;
      if (state.newColumns.has(`${op.table}.${c.name}`)) return;
      on ??= op;
      dropped.push({ operation: i, column: c.name });
    });
    if (!on || dropped.length === 0) return [];
    const t = tableRef(on.table);
    const names = dropped.map((d) => d.column);
    const many = names.length > 1;
    const hit: RuleHit = {
      ...(many ? { operations: dropped.map((d) => d.operation) } : { operation: dropped[0]!.operation }),
      message: many
        ? `dropping ${names.length} columns of ${on.table} (${names.join(', ')}) deletes their data for good (a rollback cannot bring the values back) and breaks running code that still uses them (${describeLock(on.lock)})`
        : `dropping ${on.table}.${names[0]} deletes its data for good (a rollback cannot bring the values back) and breaks running code that still uses it (${describeLock(on.lock)})`,
      suggestion: [
        `-- 1. deploy code that no longer reads or writes ${names.join(', ')} (ORMs: mark ${many ? 'them' : 'it'} ignored)`,
        `-- 2. keep the values if you may need them: CREATE TABLE ${ident(`${on.table?.split('.').pop()}_${many ? 'dropped_columns' : names[0]}_archive`)} AS SELECT <primary key>, ${names.map(ident).join(', ')} FROM ${t};`,
        `-- 3. in a later migration: ALTER TABLE ${t} ${names.map((n) => `DROP COLUMN ${ident(n)}`).join(', ')};`,
      ].join('\n'),
    };
    return [hit];
  },
};

export default rule;
