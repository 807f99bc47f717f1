import type { ColumnDef, Constraint, Node } from '@pgsql/types';
import { relationName } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable } from '../src/analyze/rule-helpers.js';
import { addColumnDef, addedConstraint, alterTable, columnConstraints, constraintClause, ident, runsDuringMigration, sqlOf } from './_sql-build.js';

const SCANNED = new Set(['CONSTR_FOREIGN', 'CONSTR_CHECK']);

function isNullConst(expr: Node | undefined): boolean {
  return !!(expr as { A_Const?: { isnull?: boolean } } | undefined)?.A_Const?.isnull;
}

function lockText(c: Constraint, table: string): string {
  if (c.contype === 'CONSTR_FOREIGN') {
    const referenced = relationName(c.pktable);
    return `SHARE ROW EXCLUSIVE locks on ${table}${referenced && referenced !== table ? ` and ${referenced}` : ''} (writes to both wait)`;
  }
  return `an ACCESS EXCLUSIVE lock on ${table} (reads and writes wait)`;
}

function twoStep(table: string, clause: { name: string; sql: string }): string {
  return `${alterTable(table)} ADD ${clause.sql} NOT VALID;\n-- then, in a separate transaction (the next migration):\n${alterTable(table)} VALIDATE CONSTRAINT ${ident(clause.name)};`;
}

export const rule: Rule = {
  id: 'constraint-missing-not-valid',
  risk: 'DANGEROUS',
  title: 'Adding a FOREIGN KEY or CHECK to an existing table without NOT VALID scans it under a blocking lock',
  sizeSensitive: true,
  docs: {
    why:
      'When a FOREIGN KEY or CHECK constraint is added to a table that already has rows, PostgreSQL checks every row before the statement finishes, and holds its lock the whole time. For a CHECK that lock is ACCESS EXCLUSIVE, so nothing can read or write the table; for a FOREIGN KEY it is SHARE ROW EXCLUSIVE on both the table and the table it references, so writes to both wait. The same happens when the constraint is written on a column added to an existing table (ADD COLUMN ... REFERENCES, what ORMs emit for a new foreign key): with a DEFAULT every row is checked; without one nothing is checked, but the referenced table is still locked (CAUTION). A FOREIGN KEY from a table created in this migration is not flagged: that table is empty or unused, and the referenced table is locked only briefly.',
    lock: 'CHECK: ACCESS EXCLUSIVE on the table (blocks reads and writes). FOREIGN KEY: SHARE ROW EXCLUSIVE on the table and the referenced table (blocks writes to both). Held while every row is checked.',
    instead:
      'Add the constraint with NOT VALID (new and updated rows are checked from then on; the lock is brief), then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate transaction. VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock, so reads and writes continue while it scans.',
    bad: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);',
    good: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;',
    equivalents: { squawk: 'constraint-missing-not-valid, adding-foreign-key-constraint', strongMigrations: 'add_check_constraint, add_foreign_key, add_reference', eugene: 'E1', pgfence: 'ADD CONSTRAINT checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      if (!op?.table || !onExistingTable(op)) return;
      const table = op.table;
      const con = addedConstraint(cmd);
      if (con && SCANNED.has(con.contype ?? '') && !con.skip_validation) {
        const clause = constraintClause(con, table);
        const kind = con.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK';
        hits.push({
          operation: i,
          message: `${kind}${con.conname ? ` ${con.conname}` : ''} is added to ${table} without NOT VALID: every existing row is checked while holding ${lockText(con, table)}`,
          ...(clause ? { suggestion: twoStep(table, clause) } : {}),
        });
        return;
      }
      const def = addColumnDef(cmd);
      // A REFERENCES on a new column without a default checks nothing: every value is NULL
      // (measured on PG 15: no scan). A CHECK is evaluated on every row regardless.
      const hasDefault = columnConstraints(def).some((c) => c.contype === 'CONSTR_DEFAULT' && !isNullConst(c.raw_expr));
      const inline = columnConstraints(def).filter((c) => c.contype === 'CONSTR_CHECK' || (c.contype === 'CONSTR_FOREIGN' && hasDefault));
      const lightFk = columnConstraints(def).find((c) => c.contype === 'CONSTR_FOREIGN' && !hasDefault);
      if (def?.colname && lightFk && inline.length === 0) {
        // Still a foreign-key creation: it locks the referenced table, only no row is checked.
        const clause = constraintClause(lightFk, table, def.colname);
        const bare: ColumnDef = { ...def, constraints: (def.constraints ?? []).filter((n) => (n as { Constraint?: Constraint }).Constraint !== lightFk) };
        const columnSql = sqlOf({ ColumnDef: bare } as Node);
        const referenced = relationName(lightFk.pktable);
        hits.push({
          operation: i,
          risk: 'CAUTION',
          message: `ADD COLUMN ${def.colname} ... REFERENCES ${referenced ?? ''} on the existing table ${table} creates a foreign key: it takes ${lockText(lightFk, table)} (no row is checked, the new column is all NULL, but the locks queue behind running transactions on both tables)`,
          ...(columnSql && clause ? { suggestion: `${alterTable(table)} ADD COLUMN ${columnSql};\n${twoStep(table, clause)}` } : {}),
        });
        return;
      }
      if (!def?.colname || inline.length === 0) return;
      const column = def.colname;
      const bare: ColumnDef = { ...def, constraints: (def.constraints ?? []).filter((n) => !inline.some((c) => (n as { Constraint?: Constraint }).Constraint === c)) };
      const columnSql = sqlOf({ ColumnDef: bare } as Node);
      const clauses = inline.map((c) => constraintClause(c, table, column)).filter((c): c is { name: string; sql: string } => !!c);
      const kinds = [...new Set(inline.map((c) => (c.contype === 'CONSTR_FOREIGN' ? 'REFERENCES' : 'CHECK')))].join(' and ');
      hits.push({
        operation: i,
        message: `ADD COLUMN ${column} with ${kinds} on the existing table ${table}: the constraint is checked against every row while holding ${lockText(inline[0]!, table)}`,
        ...(columnSql && clauses.length === inline.length
          ? { suggestion: [`${alterTable(table)} ADD COLUMN ${columnSql};`, ...clauses.map((c) => twoStep(table, c))].join('\n') }
          : {}),
      });
    });
    return hits;
  },
};

export default rule;
