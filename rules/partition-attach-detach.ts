import { constraintsOn } from '../src/analyze/state.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { as } from '../src/analyze/ast.js';
import { alterCmds, describeLock, onExistingTable, tableRef } from '../src/analyze/rule-helpers.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';
import { ownMigrationComment } from './_tx-advice.js';

export const rule: Rule = {
  id: 'partition-attach-detach',
  risk: 'CAUTION',
  title: 'ATTACH PARTITION scans the partition; DETACH PARTITION without CONCURRENTLY locks the parent',
  docs: {
    why:
      'ATTACH PARTITION checks every row of the new partition against the partition bound (and scans the default partition, if any, for rows that now belong to the new one) unless a valid CHECK constraint already proves it. Since PostgreSQL 12 the parent is only locked SHARE UPDATE EXCLUSIVE meanwhile, but before 12 the parent is locked ACCESS EXCLUSIVE for the whole scan, blocking every query on the partitioned table. DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the parent: brief, but it waits behind every running query on any partition and queues everything behind it. DETACH ... CONCURRENTLY (PG 14+) avoids that, but cannot run inside a transaction block.',
    lock: 'ATTACH: SHARE UPDATE EXCLUSIVE on the parent (ACCESS EXCLUSIVE before PG 12) and ACCESS EXCLUSIVE on the partition being attached. DETACH: ACCESS EXCLUSIVE on the parent, SHARE UPDATE EXCLUSIVE with CONCURRENTLY.',
    instead:
      'Before ATTACH, add a CHECK constraint matching the bound as NOT VALID, VALIDATE it (no blocking), attach, then drop the CHECK. For DETACH use `DETACH PARTITION ... CONCURRENTLY` (PG 14+) in a migration that runs outside a transaction; on older versions set a lock_timeout and retry.',
    bad: 'ALTER TABLE measurements DETACH PARTITION measurements_2023;',
    good: 'ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;',
    equivalents: { squawk: 'require-concurrent-partition-detach', pgfence: 'Partition operations (ATTACH/DETACH)' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      if (!op) return;
      const part = as<{ name?: { relname?: string; schemaname?: string }; concurrent?: boolean }>(c.def, 'PartitionCmd');
      const partName = op.typeName ?? (part?.name?.relname ? `${part.name.schemaname ?? 'public'}.${part.name.relname}` : 'the partition');
      if (c.subtype === 'AT_AttachPartition') {
        const partitionIsNew = state.newTables.has(partName);
        const proven = [...constraintsOn(state, partName)].some((k) => k.table === partName && k.kind === 'check' && k.validated);
        if (state.pgVersion < 12 && onExistingTable(op)) {
          hits.push({
            operation: i,
            risk: 'DANGEROUS',
            message: `before PostgreSQL 12 (target: ${state.pgVersion}) ATTACH PARTITION takes ${article(describeLock('AccessExclusiveLock', op.table))}${proven || partitionIsNew ? '' : ` while it scans ${partName}`}`,
            suggestion: `add a validated CHECK constraint on ${partName} matching the bound first (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT), set a lock_timeout, and attach in a quiet period`,
          });
        } else if (!proven && !partitionIsNew) {
          hits.push({
            operation: i,
            message: `ATTACH PARTITION scans every row of ${partName} (holding ACCESS EXCLUSIVE on it) to check the partition bound, since no validated CHECK constraint proves it`,
            suggestion: [
              `ALTER TABLE ${tableRef(partName)} ADD CONSTRAINT ${partName.split('.').pop()}_bound CHECK (<the partition bound as a condition>) NOT VALID;`,
              `ALTER TABLE ${tableRef(partName)} VALIDATE CONSTRAINT ${partName.split('.').pop()}_bound;  -- scans without blocking reads or writes`,
              `${statement.text.trim().replace(/;?$/, ';')}  -- now skips the scan`,
              `ALTER TABLE ${tableRef(partName)} DROP CONSTRAINT ${partName.split('.').pop()}_bound;`,
            ].join('\n'),
          });
        }
      } else if (c.subtype === 'AT_DetachPartition') {
        if (part?.concurrent) {
          if (state.tx.active) {
            hits.push({
              operation: i,
              risk: 'DANGEROUS',
              message: 'DETACH PARTITION ... CONCURRENTLY cannot run inside a transaction block: the migration fails',
              suggestion: 'move it to a migration of its own that the runner does not wrap in a transaction',
            });
          }
          return;
        }
        if (!onExistingTable(op)) return;
        hits.push({
          operation: i,
          message: `DETACH PARTITION ${partName} takes ${article(describeLock(op.lock, op.table))}: it waits behind every running query on the partitioned table, and everything queued behind it waits too`,
          suggestion: state.pgVersion >= 14
            ? `ALTER TABLE ${tableRef(op.table)} DETACH PARTITION ${tableRef(partName)} CONCURRENTLY;  ${ownMigrationComment(state)}`
            : `SET lock_timeout = '5s';  -- retry on timeout (DETACH ... CONCURRENTLY needs PostgreSQL 14)`,
          ...(state.pgVersion >= 14 ? {} : { suggestionRuns: 'before' as const }),
        });
      }
    });
    return hits;
  },
};

export default rule;
