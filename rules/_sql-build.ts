// Builds the SQL of suggestions from the statement's own nodes, so a suggestion names the user's
// real table, columns and constraint, and is valid Postgres. Shared by the rules in this folder;
// the leading underscore keeps it out of the generated rule registry.
import type { AlterTableCmd, ColumnDef, Constraint, Node } from '@pgsql/types';
import { as, stringList } from '../src/analyze/ast.js';
import { ident, sqlOf, tableRef } from '../src/analyze/rule-helpers.js';
import type { Statement } from '../src/core/types.js';

/** Statements inside a function body run when the function is called, not when the migration runs. */
export function runsDuringMigration(statement: Statement): boolean {
  return statement.nestedIn?.kind !== 'function-body';
}

export { sqlOf };

export function columnConstraints(def: ColumnDef | undefined): Constraint[] {
  return (def?.constraints ?? []).map((n) => as<Constraint>(n, 'Constraint')).filter((c): c is Constraint => !!c);
}

export function addColumnDef(cmd: AlterTableCmd | undefined): ColumnDef | undefined {
  return cmd?.subtype === 'AT_AddColumn' ? as<ColumnDef>(cmd.def, 'ColumnDef') : undefined;
}

export function addedConstraint(cmd: AlterTableCmd | undefined): Constraint | undefined {
  return cmd?.subtype === 'AT_AddConstraint' ? as<Constraint>(cmd.def, 'Constraint') : undefined;
}

/** The bare table name (no schema), as Postgres uses it when it names constraints. */
function bareTable(qualified: string): string {
  return qualified.split('.').slice(1).join('.') || qualified;
}

/** Postgres' own default constraint names: `orders_customer_id_fkey`, `orders_total_check`. */
export function defaultConstraintName(table: string, columns: string[], suffix: 'fkey' | 'check' | 'key' | 'pkey' | 'excl' | 'not_null'): string {
  const parts = suffix === 'pkey' ? [bareTable(table)] : [bareTable(table), ...columns];
  return `${parts.join('_')}_${suffix}`.slice(0, 63);
}

/** Columns a CHECK expression mentions, in order, without duplicates. */
export function columnsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => columnsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'ColumnRef') {
        const name = stringList((value as { fields?: Node[] }).fields).at(-1);
        if (name && !out.includes(name)) out.push(name);
      } else columnsIn(value, out);
    }
  }
  return out;
}

/**
 * A table-level constraint clause for `ALTER TABLE ... ADD`, always named, never NOT VALID:
 * `CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id)`.
 * `column` is set for a constraint written on a column (ADD COLUMN ... REFERENCES / CHECK).
 */
export function constraintClause(c: Constraint, table: string, column?: string): { name: string; sql: string } | undefined {
  const copy: Constraint = { ...c, skip_validation: false, initially_valid: true };
  let name = c.conname;
  if (c.contype === 'CONSTR_FOREIGN') {
    const cols = column ? [column] : stringList(c.fk_attrs);
    name ??= defaultConstraintName(table, cols, 'fkey');
    copy.fk_attrs = cols.map((sval) => ({ String: { sval } }) as Node);
  } else if (c.contype === 'CONSTR_CHECK') {
    name ??= defaultConstraintName(table, column ? [column] : columnsIn(c.raw_expr).slice(0, 1), 'check');
  } else if (c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY') {
    const cols = column ? [column] : stringList(c.keys);
    name ??= defaultConstraintName(table, cols, c.contype === 'CONSTR_PRIMARY' ? 'pkey' : 'key');
    copy.keys = cols.map((sval) => ({ String: { sval } }) as Node);
  } else {
    return undefined;
  }
  copy.conname = name;
  const sql = sqlOf({ Constraint: copy } as Node);
  return sql ? { name, sql } : undefined;
}

/** `ALTER TABLE orders` as the user would write it. */
export function alterTable(table: string): string {
  return `ALTER TABLE ${tableRef(table)}`;
}

export { ident, tableRef };
