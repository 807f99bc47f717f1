import type { Constraint } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds } from '../src/analyze/rule-helpers.js';
import type { KnownConstraint } from '../src/analyze/state.js';
import { addedConstraint, alterTable, ident, runsDuringMigration } from './_sql-build.js';
import { runnerTransaction } from './_tx-advice.js';

function heldLock(kind: KnownConstraint['kind'] | Constraint['contype'], table: string): string {
  return kind === 'foreign-key' || kind === 'CONSTR_FOREIGN'
    ? `the SHARE ROW EXCLUSIVE locks the ADD took on ${table} and the referenced table (writes to both wait)`
    : `the ACCESS EXCLUSIVE lock the ADD took on ${table} (reads and writes wait)`;
}

export const rule: Rule = {
  id: 'validate-in-same-transaction',
  risk: 'DANGEROUS',
  title: 'VALIDATE CONSTRAINT in the same transaction as its NOT VALID add keeps the blocking lock during the scan',
  sizeSensitive: true,
  docs: {
    why:
      'Adding a constraint NOT VALID is quick, but it takes a strong lock (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a FOREIGN KEY), and a lock is held until the transaction ends. VALIDATE CONSTRAINT in the same transaction therefore scans the whole table while that strong lock is still held: exactly what NOT VALID was meant to avoid.',
    lock: 'The lock of the earlier ADD CONSTRAINT (ACCESS EXCLUSIVE or SHARE ROW EXCLUSIVE), held for the whole validation scan.',
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
      const known = state.constraints.get(`${table}|${cmd.name}`);
      const earlier = known && !known.validated && state.tx.active && known.addedInTx === state.tx.id ? known : undefined;
      if (!sameStatement && !earlier) return;
      if (op.targetIsNew) return;
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
