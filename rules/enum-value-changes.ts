import type { AlterEnumStmt } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { qualifiedFromList } from '../src/analyze/ast.js';
import { stmtNode, stmtTag, transactionSummary } from '../src/analyze/rule-helpers.js';
import type { FileStep } from '../src/analyze/state.js';
import { executesNow } from './_statement.js';
import { ownMigrationComment } from './_tx-advice.js';
import { OWN_MIGRATION } from '../src/core/transaction.js';

/**
 * Where a new label goes, as a SQL comment the verifier reads (core/transaction.ts): before
 * PostgreSQL 12 ADD VALUE cannot run in a transaction block at all; since 12 it can, but the
 * label cannot be used until that transaction commits ("unsafe use of new value").
 */
function addValueComment(state: Parameters<typeof ownMigrationComment>[0]): string {
  if (state.pgVersion < 12) return `${ownMigrationComment(state)} (before PostgreSQL 12 ADD VALUE cannot run in one)`;
  return `-- ${OWN_MIGRATION}, committed before anything uses the label (since PostgreSQL 12 it may run in a transaction, but the label cannot be used until that transaction commits)`;
}

/** The ADD VALUEs among the earlier statements of this transaction. */
const labelsAdded = transactionSummary(() => [] as Array<{ s: FileStep; e: AlterEnumStmt }>, (added, s) => {
  const e = stmtNode<AlterEnumStmt>(s.statement, 'AlterEnumStmt');
  if (e?.newVal && e.oldVal === undefined) added.push({ s, e });
});

/** Every string constant in the statement's tree (where a new label would be used). */
function stringConstants(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => stringConstants(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'A_Const') {
        const s = (value as { sval?: { sval?: string } }).sval?.sval;
        if (s !== undefined) out.add(s);
      }
      stringConstants(value, out);
    }
  }
  return out;
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export const rule: Rule = {
  id: 'enum-value-changes',
  risk: 'CAUTION',
  title: 'Enum labels: ADD VALUE in a transaction, RENAME VALUE, and no way to remove one',
  docs: {
    why:
      'Before PostgreSQL 12, `ALTER TYPE ... ADD VALUE` cannot run inside a transaction block at all: the migration fails. Since 12 it can, but the new label cannot be used until that transaction commits ("unsafe use of new value"), so a migration that adds a label and then inserts or updates rows with it in the same transaction fails. `RENAME VALUE` commits instantly, and the running application, which still writes the old label, gets "invalid input value for enum" on every such write: like renaming a column, it is DANGEROUS. Removing a label is impossible: there is no DROP VALUE; it takes creating a new type, converting every column (a table rewrite under ACCESS EXCLUSIVE) and dropping the old one.',
    lock: 'ADD VALUE and RENAME VALUE change only the catalog (no table lock); converting columns to a new enum type rewrites each table under ACCESS EXCLUSIVE.',
    instead:
      'Add labels in a migration of their own that commits before any statement uses them: since PostgreSQL 12 that migration may run in a transaction (the label is usable once it commits); before 12 it must run outside one. Instead of renaming a label, add the new one, move the code and the rows to it, and stop using the old one (it stays in the type). If labels come and go, use a lookup table with a foreign key instead of an enum.',
    bad: "ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched';",
    good: "ALTER TYPE order_status ADD VALUE 'dispatched';",
    equivalents: { pgfence: 'ALTER TYPE ... ADD VALUE (enum)' },
  },
  readsEarlierTree: (s) => stmtTag(s) === 'AlterEnumStmt',
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    const e = stmtNode<AlterEnumStmt>(statement, 'AlterEnumStmt');
    const hits: RuleHit[] = [];
    if (e) {
      const type = qualifiedFromList(e.typeName) ?? 'the type';
      const name = type.replace(/^public\./, '');
      if (e.oldVal !== undefined && e.newVal !== undefined) {
        if (state.newTypes.has(type)) return [];
        return [{
          risk: 'DANGEROUS',
          operation: 0,
          message: `renaming label '${e.oldVal}' of ${type} to '${e.newVal}' breaks running code that still writes '${e.oldVal}' ("invalid input value for enum")`,
          suggestion: [
            `ALTER TYPE ${name} ADD VALUE IF NOT EXISTS ${sqlString(e.newVal)};  ${addValueComment(state)}`,
            `-- then deploy code that writes '${e.newVal}', move the rows in batches (UPDATE ... SET <column> = ${sqlString(e.newVal)} WHERE <column> = ${sqlString(e.oldVal)} AND id BETWEEN ...),`,
            `-- and stop using '${e.oldVal}' (a label cannot be removed without recreating the type)`,
          ].join('\n'),
        }];
      }
      if (e.newVal !== undefined && state.tx.active && state.pgVersion < 12) {
        return [{
          risk: 'DANGEROUS',
          operation: 0,
          message: `ALTER TYPE ${type} ADD VALUE cannot run inside a transaction block before PostgreSQL 12 (target: ${state.pgVersion}); the migration fails`,
          suggestion: `ALTER TYPE ${name} ADD VALUE IF NOT EXISTS ${sqlString(e.newVal)};  ${addValueComment(state)}`,
        }];
      }
      return hits;
    }
    // A label added earlier in this same transaction cannot be used before COMMIT (PG 12+).
    if (!state.tx.active) return hits;
    const added = labelsAdded(state);
    if (added.length === 0) return hits;
    const used = stringConstants(statement.ast);
    for (const { s, e: add } of added) {
      if (!used.has(add.newVal!)) continue;
      hits.push({
        message: `uses '${add.newVal}', the label added to ${qualifiedFromList(add.typeName)} at line ${s.statement.line} in the same transaction: Postgres refuses it until that transaction commits ("unsafe use of new value")`,
        suggestion: `move the ADD VALUE to a migration of its own that runs, and commits, before this one: since PostgreSQL 12 it may run in a transaction, but the label cannot be used until that transaction commits`,
        ...(operations.length ? { operation: 0 } : {}),
      });
      break;
    }
    return hits;
  },
};

export default rule;
