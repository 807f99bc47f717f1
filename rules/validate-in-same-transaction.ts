import type { Constraint } from '@pgsql/types';
import { blocksWrites, lockModeSql } from '../src/core/risk.js';
import type { Operation } from '../src/core/types.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds } from '../src/analyze/rule-helpers.js';
import { constraintNamed, type AnalysisState, type KnownConstraint } from '../src/analyze/state.js';
import { addedConstraint, alterTable, ident, runsDuringMigration } from './_sql-build.js';
import { runnerTransaction } from './_tx-advice.js';

function heldLock(kind: KnownConstraint['kind'] | Constraint['contype'], table: string): string {
  return kind === 'foreign-key' || kind === 'CONSTR_FOREIGN'
    ? `the SHARE ROW EXCLUSIVE locks the ADD took on ${table} and the referenced table (writes to both wait)`
    : `the ACCESS EXCLUSIVE lock the ADD took on ${table} (reads and writes wait)`;
}

/** A lock that blocks writes, taken on `table` by `op`. */
function blocking(op: Operation | undefined, table: string): boolean {
  return !!op && op.table === table && !!op.lock && blocksWrites(op.lock);
}

/** `ADD COLUMN`, `SET NOT NULL`, ...: the operation kind as words, for messages. */
function what(op: Operation): string {
  return op.kind.toLowerCase().replace(/_/g, ' ');
}

export const rule: Rule = {
  id: 'validate-in-same-transaction',
  risk: 'DANGEROUS',
  title: 'VALIDATE CONSTRAINT in the same transaction as its NOT VALID add (or another blocking change to the table) scans under that lock',
  sizeSensitive: true,
  docs: {
    why:
      'Adding a constraint NOT VALID is quick, but it takes a strong lock (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a FOREIGN KEY), and a lock is held until the transaction ends. VALIDATE CONSTRAINT in the same transaction therefore scans the whole table while that strong lock is still held: exactly what NOT VALID was meant to avoid. The same holds after any other statement of the transaction that locked the table against writes (an ADD COLUMN, a SET DEFAULT), and for VALIDATE CONSTRAINT written in one ALTER TABLE with another sub-command (`VALIDATE CONSTRAINT c, DROP COLUMN old`): the statement takes the strongest lock of its sub-commands, and validates under it.',
    lock: 'The lock of the earlier ADD CONSTRAINT (ACCESS EXCLUSIVE or SHARE ROW EXCLUSIVE), or of the other statement or sub-command, held for the whole validation scan.',
    instead:
      'Commit after ADD CONSTRAINT ... NOT VALID and run VALIDATE CONSTRAINT in a new transaction: usually the next migration, or after a COMMIT when the file manages its own transactions. On its own, VALIDATE takes only SHARE UPDATE EXCLUSIVE, which lets reads and writes continue.',
    bad: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\nCOMMIT;',
    good: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nCOMMIT;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;',
    equivalents: { squawk: 'constraint-missing-not-valid', strongMigrations: 'validate_check_constraint' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    const cmds = alterCmds(statement);
    cmds.forEach((cmd, i) => {
      const op = operations[i];
      if (cmd.subtype !== 'AT_ValidateConstraint' || !cmd.name || !op?.table) return;
      const table = op.table;
      // NOT VALID added by an earlier sub-command of this same ALTER TABLE.
      const sameStatement = cmds.slice(0, i).map(addedConstraint).find((c) => c?.conname === cmd.name && c?.skip_validation);
      const known = constraintNamed(state, table, cmd.name);
      const earlier = known && !known.validated && state.tx.active && known.addedInTx === state.tx.id ? known : undefined;
      if (op.targetIsNew) return;
      if (!sameStatement && !earlier) {
        // Another blocking lock on the table, from a sub-command of this ALTER TABLE or an
        // earlier statement of this transaction: the scan runs under it just the same.
        const here = operations.find((o, j) => j !== i && blocking(o, table));
        const before = here || !state.tx.active ? undefined : firstInTransaction(state, (o) => blocking(o, table));
        const holder = here ?? before;
        if (!holder?.lock) return;
        const lockText = `${lockModeSql(holder.lock)} lock`;
        hits.push({
          operation: i,
          message: here
            ? `VALIDATE CONSTRAINT ${cmd.name} shares its ALTER TABLE with ${what(here)}, so the statement takes ${/^[AEIOU]/.test(lockText) ? 'an' : 'a'} ${lockText} on ${table} and the validation scans the whole table under it (${holder.lock === 'AccessExclusiveLock' ? 'reads and writes wait' : 'writes wait'})`
            : `VALIDATE CONSTRAINT ${cmd.name} runs in the transaction where ${what(before!)} took ${/^[AEIOU]/.test(lockText) ? 'an' : 'a'} ${lockText} on ${table}: the validation scans the whole table while that lock is held (${holder.lock === 'AccessExclusiveLock' ? 'reads and writes wait' : 'writes wait'})`,
          suggestion: here
            ? `-- validate on its own (it takes only SHARE UPDATE EXCLUSIVE), before or after the other change:\n${alterTable(table)} VALIDATE CONSTRAINT ${ident(cmd.name)};`
            : `-- move this to the next migration (or after a COMMIT), where it takes only SHARE UPDATE EXCLUSIVE:\n${alterTable(table)} VALIDATE CONSTRAINT ${ident(cmd.name)};`,
        });
        return;
      }
      const lock = heldLock(sameStatement ? sameStatement.contype : earlier!.kind, table);
      const where = sameStatement ? 'in the same ALTER TABLE statement' : state.tx.explicit ? 'in the transaction opened by BEGIN' : `in ${runnerTransaction(state)}`;
      const fix = sameStatement || !state.tx.explicit
        ? `-- keep ADD CONSTRAINT ... NOT VALID where it is; move this to the next migration:\n${alterTable(table)} VALIDATE CONSTRAINT ${ident(cmd.name)};`
        : `COMMIT;  -- end the transaction that added ${cmd.name} first\n${alterTable(table)} VALIDATE CONSTRAINT ${ident(cmd.name)};`;
      hits.push({
        operation: i,
        message: `VALIDATE CONSTRAINT ${cmd.name} runs ${where} as its NOT VALID add: the validation scans ${table} while still holding ${lock}`,
        suggestion: fix,
      });
    });
    return hits;
  },
};

export default rule;

/** The first operation of the current transaction's earlier steps that passes `test` (the steps of a transaction are the file's last ones). */
function firstInTransaction(state: Readonly<AnalysisState>, test: (o: Operation) => boolean): Operation | undefined {
  const steps = state.earlierInFile;
  let first: Operation | undefined;
  for (let j = (steps?.length ?? 0) - 1; j >= 0 && steps!.txIdAt(j) === state.tx.id; j--) {
    const step = steps!.at(j)!;
    if (!step.inTransaction) continue;
    const hit = step.operations.find(test);
    if (hit) first = hit;
  }
  return first;
}
