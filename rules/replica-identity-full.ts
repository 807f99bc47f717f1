import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable } from '../src/analyze/rule-helpers.js';
import { alterTable } from './_sql-build.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'replica-identity-full',
  risk: 'CAUTION',
  title: 'REPLICA IDENTITY FULL writes the whole old row to WAL on every UPDATE and DELETE',
  docs: {
    why:
      'With REPLICA IDENTITY FULL, every UPDATE and DELETE of the table logs the complete old row instead of its primary key. On a busy or wide table that multiplies WAL volume: replicas and logical-replication consumers (Debezium, pglogical, subscriptions) fall behind, disks fill faster, and a subscriber without a matching index scans the whole table for every change it applies.',
    instead: 'Keep the default (the primary key), or point the identity at a unique index on NOT NULL columns: ALTER TABLE ... REPLICA IDENTITY USING INDEX name. Use FULL only for a table with no possible key, and measure the WAL it adds first.',
    bad: 'ALTER TABLE orders REPLICA IDENTITY FULL;',
    good: 'ALTER TABLE orders REPLICA IDENTITY USING INDEX orders_uuid_key;',
    equivalents: { pgfence: 'REPLICA IDENTITY FULL' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations }) {
    if (!executesNow(statement)) return [];
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      const def = (c.def as { ReplicaIdentityStmt?: { identity_type?: string } } | undefined)?.ReplicaIdentityStmt;
      if (c.subtype !== 'AT_ReplicaIdentity' || def?.identity_type !== 'f' || !op?.table || !onExistingTable(op)) return;
      hits.push({
        operation: i,
        message: `REPLICA IDENTITY FULL on ${op.table}: from now on every UPDATE and DELETE writes the whole old row to WAL, multiplying WAL volume and replication lag on a busy table`,
        suggestion: `${alterTable(op.table)} REPLICA IDENTITY USING INDEX <unique index on NOT NULL columns>;  -- or keep the primary key (DEFAULT)`,
      });
    });
    return hits;
  },
};

export default rule;
