import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { constraintsOn } from '../src/analyze/state.js';
import { tableRef } from './_sql-build.js';

export const rule: Rule = {
  id: 'drop-primary-key',
  risk: 'CAUTION',
  title: 'Dropping a primary key breaks replication of UPDATE and DELETE and the foreign keys that use it',
  docs: {
    why:
      'A primary key is the default replica identity: once it is dropped, every UPDATE and DELETE on a table that is in a publication (logical replication, Debezium and other CDC) fails with "cannot update table because it does not have a replica identity", and the table no longer rejects duplicate rows. Foreign keys that reference the key depend on its index: the DROP fails while they exist, and DROP ... CASCADE silently drops them too, taking an ACCESS EXCLUSIVE lock on each referencing table as well. ORMs that identify rows by the key stop working. The drop itself takes an ACCESS EXCLUSIVE lock on the table (tested on PostgreSQL 15).',
    lock: 'ACCESS EXCLUSIVE on the table, briefly (and on every referencing table with CASCADE).',
    instead:
      'Add the new key first (CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX, in one ALTER TABLE with the DROP when swapping keys), move the foreign keys to it, point REPLICA IDENTITY at a unique index on NOT NULL columns if the table is published, and drop the old key last, in the same transaction as adding the new one (or in one ALTER TABLE). A key dropped and re-added in one transaction (block or ALTER TABLE), or dropped from a table the file then renames away or drops, is not reported, unless CASCADE took foreign keys with it.',
    bad: 'ALTER TABLE users DROP CONSTRAINT users_pkey;',
    good: 'BEGIN;\nALTER TABLE users DROP CONSTRAINT users_pkey;\nALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_uuid_key;\nCOMMIT;',
  },
  finish(state) {
    const hits: RuleHit[] = [];
    const drops = state.fileDroppedKeys ?? [];
    if (drops.length === 0) return hits;
    // A table renamed away or dropped later in the file: the key was dropped to free its name
    // (a rebuild under the old name) or goes with the table; nothing keeps using it keyless.
    const leaves: Array<{ table: string; line: number; column: number }> = [];
    for (const step of state.earlierInFile ?? []) {
      for (const op of step.operations) {
        if ((op.kind === 'RENAME_TABLE' || op.kind === 'DROP_TABLE') && op.table) leaves.push({ table: op.table, line: step.statement.line, column: step.statement.column });
      }
    }
    for (const d of drops) {
      if (leaves.some((l) => l.table === d.table && (l.line > d.position.line || (l.line === d.position.line && l.column > d.position.column)))) continue;
      // A new key added in the same transaction (a key swap in one transaction block or one
      // ALTER TABLE; an autocommit statement is its own transaction) leaves no moment without one.
      const key = [...constraintsOn(state, d.table)].find((c) => c.kind === 'primary-key');
      const swapped = !!key && key.addedInTx === d.txId;
      if (swapped && !d.cascade) continue;
      if (swapped) {
        // The key comes back, but the foreign keys CASCADE took with it do not.
        hits.push({
          position: d.position,
          message: `DROP CONSTRAINT ${d.name} CASCADE on ${d.table}: the new primary key replaces it, but CASCADE silently dropped every foreign key that referenced the old one (ACCESS EXCLUSIVE on each referencing table), and nothing re-creates them`,
          suggestion: `-- drop and re-create the referencing foreign keys explicitly (ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT), and drop ${d.name} without CASCADE`,
        });
        continue;
      }
      hits.push({
        position: d.position,
        message: `DROP CONSTRAINT ${d.name} drops the primary key of ${d.table}${key ? ' (the key added later in the file runs in another transaction)' : ', and the file adds no new one'}: UPDATE and DELETE fail while the table is published for logical replication (no replica identity left), duplicates are no longer rejected${d.cascade ? ', and CASCADE silently drops every foreign key that references it (ACCESS EXCLUSIVE on each referencing table)' : ', and the DROP fails while a foreign key references it'}`,
        suggestion: `-- build the replacement key first: CREATE UNIQUE INDEX CONCURRENTLY <new index> ON ${tableRef(d.table)} (<columns>); then swap in one statement:\nALTER TABLE ${tableRef(d.table)} DROP CONSTRAINT ${d.name}, ADD CONSTRAINT ${d.name} PRIMARY KEY USING INDEX <new index>;`,
      });
    }
    return hits;
  },
};

export default rule;
