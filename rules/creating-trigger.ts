import type { CreateTrigStmt } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, describeLock, onExistingTable, stmtNode } from '../src/analyze/rule-helpers.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';

const TOGGLES: Record<string, string> = {
  AT_EnableTrig: 'ENABLE TRIGGER', AT_EnableAlwaysTrig: 'ENABLE ALWAYS TRIGGER', AT_EnableReplicaTrig: 'ENABLE REPLICA TRIGGER',
  AT_EnableTrigAll: 'ENABLE TRIGGER ALL', AT_EnableTrigUser: 'ENABLE TRIGGER USER',
  AT_DisableTrig: 'DISABLE TRIGGER', AT_DisableTrigAll: 'DISABLE TRIGGER ALL', AT_DisableTrigUser: 'DISABLE TRIGGER USER',
};

export const rule: Rule = {
  id: 'creating-trigger',
  risk: 'CAUTION',
  title: 'Adding, dropping, enabling or disabling a trigger on an existing table',
  docs: {
    why:
      'A trigger adds work to every write on the table (each row of a bulk UPDATE fires it), hides logic from whoever reads the application code, and an error in it fails the application\'s writes. Creating, enabling or disabling one takes a SHARE ROW EXCLUSIVE lock: brief, but it waits behind running writes and queues all other writes behind it. Disabling a trigger silently skips what it did (audit rows, denormalised columns); DISABLE TRIGGER ALL also turns off foreign-key enforcement. DROP TRIGGER takes an ACCESS EXCLUSIVE lock on the table: brief, but while it waits behind a long query even reads queue behind it.',
    lock: 'SHARE ROW EXCLUSIVE on the table to create, enable or disable one (blocks writes, not reads); ACCESS EXCLUSIVE to drop one (blocks reads and writes), while waiting for and holding it.',
    instead:
      "Set a lock_timeout before it (`SET lock_timeout = '5s';`) and retry on timeout; measure the trigger's cost on a busy table; prefer doing the work in application code or an asynchronous job when it need not be in the same transaction. Re-enable disabled triggers in the same migration.",
    bad: 'CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_row();',
    good: 'CREATE TABLE order_events (id bigint PRIMARY KEY, payload jsonb);\nCREATE TRIGGER order_events_audit AFTER INSERT ON order_events FOR EACH ROW EXECUTE FUNCTION audit_row();',
    equivalents: { pgfence: 'Trigger operations' },
  },
  statements: ['CreateTrigStmt', 'DropStmt', 'AlterTableStmt'],
  check({ statement, operations }) {
    if (!executesNow(statement)) return [];
    const trig = stmtNode<CreateTrigStmt>(statement, 'CreateTrigStmt');
    const op = operations[0];
    if (trig) {
      if (!op || !onExistingTable(op)) return [];
      return [{
        operation: 0,
        message: `trigger ${trig.trigname ?? ''} on ${op.table} adds work to every ${trig.row ? 'row written' : 'write'} and takes ${article(describeLock(op.lock))} to be created`,
        suggestion: `SET lock_timeout = '5s';  -- retry on timeout; measure the trigger's cost on a production-sized copy of ${op.table}`,
        suggestionRuns: 'before',
      }];
    }
    const hits: RuleHit[] = [];
    operations.forEach((o, i) => {
      if (o.kind !== 'DROP_TRIGGER' || !onExistingTable(o)) return;
      hits.push({
        operation: i,
        message: `DROP TRIGGER on ${o.table} takes ${article(describeLock(o.lock, o.table))}; while it waits for running queries, every read and write of ${o.table} queues behind it`,
        suggestion: "SET lock_timeout = '5s';  -- retry on timeout",
        suggestionRuns: 'before',
      });
    });
    alterCmds(statement).forEach((c, i) => {
      const what = TOGGLES[c.subtype ?? ''];
      const o = operations[i];
      if (!what || !o || !onExistingTable(o)) return;
      const disabling = what.startsWith('DISABLE');
      hits.push({
        operation: i,
        message: `${what}${c.name ? ` ${c.name}` : ''} on ${o.table} takes ${article(describeLock(o.lock))}${disabling ? '; while disabled, whatever the trigger did is silently skipped' : ''}${what === 'DISABLE TRIGGER ALL' ? ', including foreign-key checks' : ''}`,
        suggestion: disabling
          ? 're-enable it in the same migration (ENABLE TRIGGER), and set lock_timeout before both statements'
          : "SET lock_timeout = '5s';  -- retry on timeout",
        ...(disabling ? {} : { suggestionRuns: 'before' as const }),
      });
    });
    return hits;
  },
};

export default rule;
