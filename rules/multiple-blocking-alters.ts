import type { Rule } from '../src/analyze/rule.js';
import type { AlterTableCmd, ColumnDef } from '@pgsql/types';
import { FileSteps } from '../src/analyze/state.js';
import { as } from '../src/analyze/ast.js';
import { alterCmds, stmtTag } from '../src/analyze/rule-helpers.js';
import type { Statement } from '../src/core/types.js';
import { alterTable, columnConstraints, ident, runsDuringMigration } from './_sql-build.js';

/**
 * A column one statement adds with no value for existing rows (no DEFAULT, identity or
 * generation expression) that a statement makes NOT NULL: combined or not, that fails on a
 * table with rows, so combining is not the advice to give.
 */
function nullThenNotNull(statements: Statement[]): string | undefined {
  const cmds: AlterTableCmd[] = statements.flatMap((s) => alterCmds(s));
  const empty = new Set<string>();
  for (const c of cmds) {
    const def = c.subtype === 'AT_AddColumn' ? as<ColumnDef>(c.def, 'ColumnDef') : undefined;
    if (!def?.colname) continue;
    const filled = columnConstraints(def).some((k) => k.contype === 'CONSTR_DEFAULT' || k.contype === 'CONSTR_IDENTITY' || k.contype === 'CONSTR_GENERATED');
    if (!filled) empty.add(def.colname);
  }
  return cmds.find((c) => c.subtype === 'AT_SetNotNull' && c.name && empty.has(c.name))?.name;
}

const ALTER_PREFIX = /^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?:"(?:[^"]|"")*"|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|[\w$]+))?\s+/i;

/** The sub-commands of an `ALTER TABLE t ...` text, or undefined for other statements (RENAME, ...). */
function subcommands(text: string): string | undefined {
  const m = ALTER_PREFIX.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length).trim().replace(/;$/, '');
  return /^RENAME\b/i.test(rest) ? undefined : rest;
}

export const rule: Rule = {
  id: 'multiple-blocking-alters',
  risk: 'CAUTION',
  title: 'Several ALTER TABLE statements on one table in a transaction hold its ACCESS EXCLUSIVE lock across all of them',
  docs: {
    why:
      'Each of these ALTER TABLE statements takes an ACCESS EXCLUSIVE lock on the table, and inside one transaction the lock is kept until COMMIT. Reads and writes of the table wait from the first statement until the end of the transaction, including everything run in between; each statement may also scan or rewrite the table on its own, where one combined ALTER TABLE does it once.',
    lock: 'ACCESS EXCLUSIVE on the table (blocks reads and writes) from the first ALTER until the transaction ends.',
    instead:
      'Combine the changes into one ALTER TABLE with comma-separated sub-commands, so the lock is taken once and any scan or rewrite happens once. If they must stay separate, run them in separate transactions, each after SET lock_timeout, so that no lock is held for longer than one statement.',
    bad: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders ALTER COLUMN status SET DEFAULT \'new\';\nCOMMIT;',
    good: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text, ALTER COLUMN status SET DEFAULT \'new\';\nCOMMIT;',
    equivalents: { eugene: 'W12' },
  },
  statements: ['AlterTableStmt', 'RenameStmt'],
  // nullThenNotNull reads the earlier blocking ALTER TABLE (as state.tx.blockingStatements records it).
  readsEarlierTree: (s, ops) => stmtTag(s) === 'AlterTableStmt' && ops.some((o) => o.table && o.lock === 'AccessExclusiveLock' && !o.targetIsNew),
  check({ statement, operations, state }) {
    if (!state.tx.active || !runsDuringMigration(statement)) return [];
    const tag = stmtTag(statement);
    if (tag !== 'AlterTableStmt' && tag !== 'RenameStmt') return [];
    const index = operations.findIndex((o) => o.table && o.lock === 'AccessExclusiveLock' && !o.targetIsNew);
    const table = operations[index]?.table;
    if (!table) return [];
    // Report the second statement only: one finding per table and transaction is enough.
    const earlier = state.tx.blockingStatements?.get(table) ?? [];
    if (earlier.length !== 1) return [];
    const parts = [...earlier, statement.text].map(subcommands);
    // The first ALTER itself: the last statement of the file with its text.
    const steps = state.earlierInFile ?? new FileSteps();
    let at = steps.length - 1;
    while (at >= 0 && steps.statementAt(at)!.text !== earlier[0]) at--;
    const first = steps.statementAt(at);
    const unfilled = nullThenNotNull(first ? [first, statement] : [statement]);
    // The combined statement stands here and the first one goes: its changes move past what runs
    // between them, so only when nothing between touches the table (an UPDATE that fills a column
    // the first one added, an index on it) or may (a DO block).
    const between = at < 0 || steps.some((s) => s.operations.some((o) => o.table === table || o.kind === 'DO_BLOCK'), at + 1);
    const combined = first && !between && !unfilled && parts.every((p): p is string => !!p) ? `${alterTable(table)}\n  ${parts.join(',\n  ')};` : undefined;
    return [{
      operation: index,
      ...(combined && first ? { alsoReplaces: [{ statement: first.index, line: first.line }] } : {}),
      message: `a second ALTER TABLE on ${table} in the same transaction: the ACCESS EXCLUSIVE lock taken by the first one is still held, so reads and writes of ${table} wait until COMMIT`,
      suggestion: combined
        ? `-- one statement, one lock:\n${combined}`
        : unfilled
          ? `-- do not combine these: ${ident(unfilled)} is added without a value for existing rows and then made NOT NULL, which fails on a table with rows either way. Add it with a DEFAULT, or add it nullable, backfill it in batches, then add CHECK (${ident(unfilled)} IS NOT NULL) NOT VALID, VALIDATE it, and SET NOT NULL, each in its own transaction after SET lock_timeout = '5s'`
          : `-- run each statement in its own transaction, after SET lock_timeout = '5s', so no lock outlives its statement`,
    }];
  },
};

export default rule;
