// Writing SQL for the plan: identifiers quoted the way Postgres needs, names chosen the way
// Postgres would choose them, and AST fragments printed back with pgsql-deparser (the SQL the
// plan proposes is rebuilt from the parsed statement, never pieced together from guesses).
import type { Node, RangeVar } from '@pgsql/types';
import { deparseSync } from '../parse/deparse.js';
import { ident } from '../analyze/rule-helpers.js';

// The plan quotes identifiers as the rules' suggestions do (Postgres' quote_ident).
export { ident };

/** Postgres' NAMEDATALEN - 1: longer identifiers are truncated. */
const MAX_IDENT_BYTES = 63;

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

function truncateBytes(s: string, bytes: number): string {
  let out = s;
  while (Buffer.byteLength(out, 'utf8') > bytes) out = out.slice(0, -1);
  return out;
}

/**
 * Postgres' makeObjectName: `name1_name2_label`, shortening the longer of name1/name2 until
 * the whole fits 63 bytes. The plan names what it creates the way Postgres would have named
 * it, so the final schema matches what the original statement would have produced.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  const overhead = Buffer.byteLength(label) + 1 + (name2 ? 1 : 0);
  const avail = MAX_IDENT_BYTES - overhead;
  let n1 = Buffer.byteLength(name1);
  let n2 = name2 ? Buffer.byteLength(name2) : 0;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const parts = [truncateBytes(name1, n1)];
  if (name2) parts.push(truncateBytes(name2, n2));
  parts.push(label);
  return parts.join('_');
}

