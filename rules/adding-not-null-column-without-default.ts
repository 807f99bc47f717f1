import type { ColumnDef, Node } from '@pgsql/types';
import { typeBase } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable } from '../src/analyze/rule-helpers.js';
import { serialType } from '../src/analyze/serial-types.js';
import { addColumnDef, alterTable, columnConstraints, defaultConstraintName, ident, runsDuringMigration, sqlOf } from './_sql-build.js';

/** True when Postgres fills the column itself for existing rows (default, identity, generated, serial). */
function producesValues(def: ColumnDef): boolean {
  if (serialType(typeBase(def.typeName))) return true;
  return columnConstraints(def).some((c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
}

/** A constant of the column's type, as an example default: valid SQL, value to be chosen by the author. */
function exampleDefault(type: string): string | undefined {
  const base = type.replace(/\(.*$/, '').replace(/\[\]$/, '[]');
  if (base.endsWith('[]')) return "'{}'";
  if (['smallint', 'integer', 'bigint', 'numeric', 'decimal', 'real', 'double precision', 'int', 'int2', 'int4', 'int8', 'float4', 'float8'].includes(base)) return '0';
  if (base === 'boolean') return 'false';
  if (['text', 'varchar', 'char', 'citext'].includes(base)) return "''";
  if (base === 'timestamptz' || base === 'timestamp') return 'now()';
  if (base === 'date') return 'CURRENT_DATE';
  if (base === 'jsonb' || base === 'json') return "'{}'";
  if (base === 'uuid') return "'00000000-0000-0000-0000-000000000000'";
  return undefined;
}

export const rule: Rule = {
  id: 'adding-not-null-column-without-default',
  risk: 'DANGEROUS',
  title: 'ADD COLUMN ... NOT NULL without a DEFAULT fails on a table that has rows',
  docs: {
    why:
      'The existing rows have no value for the new column, so PostgreSQL would have to store NULL in a NOT NULL column: the statement fails with "column ... contains null values" as soon as the table has a single row. It passes on an empty development database and breaks the deploy. A table created earlier in the same migration counts as having rows once something was inserted into it.',
    lock: 'ACCESS EXCLUSIVE on the table while it runs (then the migration fails).',
    instead:
      'Give the column a DEFAULT (on PostgreSQL 11+ a non-volatile default is stored in the catalog, no rewrite), or add it as nullable, backfill it in batches, and make it NOT NULL afterwards through a validated CHECK (column IS NOT NULL).',
    bad: 'ALTER TABLE orders ADD COLUMN status text NOT NULL;',
    good: "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'pending';",
    equivalents: { squawk: 'adding-required-field', pgfence: 'ADD COLUMN checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    const columns: string[] = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      const def = addColumnDef(cmd);
      // A table created in this run is empty, unless the run already inserted rows into it.
      const seeded = !!op?.table && (state.seededTables?.has(op.table) ?? false);
      if (!def?.colname || !op?.table || (!onExistingTable(op) && !seeded)) return;
      const cons = columnConstraints(def);
      if (!cons.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY') || producesValues(def)) return;
      const table = op.table;
      const col = ident(def.colname);
      const nullable = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !('Constraint' in n) || !['CONSTR_NOTNULL', 'CONSTR_PRIMARY'].includes((n as { Constraint: { contype?: string } }).Constraint.contype ?? '')) } } as Node);
      const check = defaultConstraintName(table, [def.colname], 'not_null');
      const example = exampleDefault(op.typeName ?? '');
      const rows = state.tableStats.get(table)?.rows;
      columns.push(`${def.colname} ${op.typeName ?? ''}`.trim());
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} ${op.typeName ?? ''} NOT NULL without a DEFAULT on ${seeded ? `${table}, which this migration created and already inserted rows into` : `the existing table ${table}`}: it fails with "contains null values" as soon as the table has a row${rows === 0 ? ' (the table stats show it empty now, so it passes today and fails on any database that has rows)' : ''}`.replace(/  +/g, ' '),
        ...(rows === 0 ? { risk: 'CAUTION' as const } : {}),
        suggestion: [
          ...(example
            ? [`-- either give it a default (choose the value; PostgreSQL 11+ adds a non-volatile default without a rewrite):`,
              `${alterTable(table)} ADD COLUMN ${sqlOf({ ColumnDef: def } as Node) ?? col} DEFAULT ${example};`]
            : []),
          `-- or add it nullable, backfill in batches, then enforce NOT NULL without a long lock:`,
          `${alterTable(table)} ADD COLUMN ${nullable ?? col};`,
          `${alterTable(table)} ADD CONSTRAINT ${ident(check)} CHECK (${col} IS NOT NULL) NOT VALID;`,
          `-- backfill ${col}, then in a separate transaction:`,
          `${alterTable(table)} VALIDATE CONSTRAINT ${ident(check)};`,
          ...(state.pgVersion >= 12 ? [`${alterTable(table)} ALTER COLUMN ${col} SET NOT NULL;`, `${alterTable(table)} DROP CONSTRAINT ${ident(check)};`] : []),
        ].join('\n'),
      });
    });
    if (hits.length < 2) return hits;
    // One statement fails once, for all its columns: one hit naming them, the steps for each.
    const first = hits[0]!;
    return [{
      ...(first.risk ? { risk: first.risk } : {}),
      operations: hits.map((h) => h.operation!),
      message: first.message.replace(/^ADD COLUMN .*? NOT NULL without a DEFAULT/, `ADD COLUMN ${columns.join(', ')}, each NOT NULL without a DEFAULT,`),
      suggestion: hits.map((h) => h.suggestion).join('\n\n'),
    }];
  },
};

export default rule;
