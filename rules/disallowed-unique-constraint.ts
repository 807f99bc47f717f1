import type { Constraint } from '@pgsql/types';
import { stringList } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable } from '../src/analyze/rule-helpers.js';
import { addColumnDef, addedConstraint, alterTable, columnConstraints, defaultConstraintName, ident, runsDuringMigration, sqlOf, tableRef } from './_sql-build.js';
import { ownMigrationComment } from './_tx-advice.js';

/** `CREATE UNIQUE INDEX CONCURRENTLY` + `ADD CONSTRAINT ... USING INDEX` for the same key. */
function viaIndex(table: string, c: Constraint, columns: string[], pgVersion: number, ownComment: string): string {
  const primary = c.contype === 'CONSTR_PRIMARY';
  const name = c.conname ?? defaultConstraintName(table, columns, primary ? 'pkey' : 'key');
  const cols = columns.map(ident).join(', ');
  const include = stringList(c.including);
  const nullsNotDistinct = (c as { nulls_not_distinct?: boolean }).nulls_not_distinct ? ' NULLS NOT DISTINCT' : '';
  const lines = [
    `CREATE UNIQUE INDEX CONCURRENTLY ${ident(name)} ON ${tableRef(table)} (${cols})${include.length ? ` INCLUDE (${include.map(ident).join(', ')})` : ''}${nullsNotDistinct};  ${ownComment}`,
  ];
  if (primary) {
    lines.push(pgVersion >= 12
      ? `-- PRIMARY KEY also needs NOT NULL on ${cols}: without it the next step scans the table; prove it first with CHECK (... IS NOT NULL) NOT VALID + VALIDATE CONSTRAINT, then SET NOT NULL`
      : `-- PRIMARY KEY also needs NOT NULL on ${cols}: before PostgreSQL 12 setting it scans the table under ACCESS EXCLUSIVE`);
  }
  lines.push(`${alterTable(table)} ADD CONSTRAINT ${ident(name)} ${primary ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${ident(name)};`);
  return lines.join('\n');
}

export const rule: Rule = {
  id: 'disallowed-unique-constraint',
  risk: 'DANGEROUS',
  title: 'Adding a UNIQUE or PRIMARY KEY constraint to an existing table builds its index under an ACCESS EXCLUSIVE lock',
  sizeSensitive: true,
  docs: {
    why:
      'ALTER TABLE ... ADD UNIQUE / PRIMARY KEY builds a new unique index over the whole table while holding an ACCESS EXCLUSIVE lock: nothing can read or write the table until the index is built (and the statement fails on the first duplicate). The same happens when a column added to an existing table is declared UNIQUE or PRIMARY KEY.',
    lock: 'ACCESS EXCLUSIVE on the table (blocks reads and writes) for the whole index build.',
    instead:
      'Build the unique index first with CREATE UNIQUE INDEX CONCURRENTLY (writes continue), then attach it with ALTER TABLE ... ADD CONSTRAINT name UNIQUE USING INDEX name (or PRIMARY KEY USING INDEX), which is instant. For a primary key, make the columns NOT NULL first without a long lock (validated CHECK, then SET NOT NULL).',
    bad: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
    good: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
    equivalents: { squawk: 'disallowed-unique-constraint', strongMigrations: 'add_unique_constraint', eugene: 'E7', pgfence: 'ADD CONSTRAINT checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      if (!op?.table || !onExistingTable(op)) return;
      const table = op.table;
      const con = addedConstraint(cmd);
      if (con && (con.contype === 'CONSTR_UNIQUE' || con.contype === 'CONSTR_PRIMARY') && !con.indexname) {
        const what = con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
        const columns = stringList(con.keys);
        hits.push({
          operation: i,
          message: `ADD ${what}${con.conname ? ` ${con.conname}` : ''} (${columns.join(', ')}) on the existing table ${table} builds a unique index under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build`,
          suggestion: viaIndex(table, con, columns, state.pgVersion, ownMigrationComment(state)),
        });
        return;
      }
      const def = addColumnDef(cmd);
      const inline = columnConstraints(def).find((c) => c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY');
      if (!def?.colname || !inline) return;
      const what = inline.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
      const bare = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !['CONSTR_UNIQUE', 'CONSTR_PRIMARY'].includes((n as { Constraint?: { contype?: string } }).Constraint?.contype ?? '')) } } as never);
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} ... ${what} on the existing table ${table} builds a unique index over every row under an ACCESS EXCLUSIVE lock`,
        suggestion: `${alterTable(table)} ADD COLUMN ${bare ?? ident(def.colname)};\n${viaIndex(table, inline, [def.colname], state.pgVersion, ownMigrationComment(state))}`,
      });
    });
    return hits;
  },
};

export default rule;
