// Writing SQL for the plan: identifiers quoted the way Postgres needs, names chosen the way
// Postgres would choose them, and AST fragments printed back with pgsql-deparser (the SQL the
// plan proposes is rebuilt from the parsed statement, never pieced together from guesses).
import type { Node, RangeVar } from '@pgsql/types';
import { deparseSync } from '../parse/deparse.js';
import { ident } from '../analyze/rule-helpers.js';
import { makeObjectName } from '../core/object-name.js';

// The plan quotes identifiers as the rules' suggestions do (Postgres' quote_ident), and names
// what it creates as Postgres would (core/object-name.ts, which the analysis names keys by too).
export { ident, makeObjectName };

/** A relation as the migration wrote it: `orders`, `billing.invoices`. */
export function relationSql(rel: RangeVar): string {
  return rel.schemaname ? `${ident(rel.schemaname)}.${ident(rel.relname ?? '')}` : ident(rel.relname ?? '');
}

/** A relation in the same schema as `rel` (for functions and views the plan creates next to it). */
export function siblingSql(rel: RangeVar, name: string): string {
  return rel.schemaname ? `${ident(rel.schemaname)}.${ident(name)}` : ident(name);
}

/** Prints an AST node (statement, expression, type name) as SQL on one line. */
export function deparse(node: Node): string {
  return deparseSync(node, { pretty: false }).trim().replace(/;$/, '');
}

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}


