// An UPDATE or DELETE as a batch that can be repeated until no row is left, and the DO block that
// repeats it: the rules' suggestions and the plan's backfill phase give the same SQL. Rows are
// picked by ctid, which works for every table whatever its key type (or with no key at all); a
// key-range walk would assume an integer key. An UPDATE picks the rows not done yet as those
// whose set columns differ from their new values, each value compared as its column's type where
// the history or the migration tells it.
import type { DeleteStmt, Node, ResTarget, UpdateStmt } from '@pgsql/types';
import { as, columnRefs, functionsCalled, nodeTag } from './ast.js';
import { isUntypedLiteral, pendingComparison } from './column-type.js';
import { ident, sqlOf } from './rule-helpers.js';

export interface BatchOptions {
  /** Rows per batch. */
  size: number;
  /** The SQL type of a column the statement sets, when known. */
  typeOf: (column: string) => string | undefined;
}

/** One batch of the statement, or why repeating it batch by batch would not be the same change. */
export type OneBatch = { sql: string } | { why: string };

/** `ast`: the statement's tree (`{ UpdateStmt: ... }` or `{ DeleteStmt: ... }`). */
export function oneBatch(ast: Node, o: BatchOptions): OneBatch {
  const update = as<UpdateStmt>(ast, 'UpdateStmt');
  const del = as<DeleteStmt>(ast, 'DeleteStmt');
  const rel = update?.relation ?? del?.relation;
  if (!rel?.relname) return { why: 'it is not a plain UPDATE or DELETE of one table' };
  if (update?.withClause || del?.withClause || update?.returningClause || del?.returningClause) return { why: 'it has a WITH or RETURNING clause' };
  const table = rel.schemaname ? `${ident(rel.schemaname)}.${ident(rel.relname)}` : ident(rel.relname);
  const alias = rel.alias?.aliasname;
  const target = alias ? `${table} AS ${ident(alias)}` : table;
  const where = update?.whereClause ?? del?.whereClause;
  const whereSql = where ? sqlOf(where) : undefined;
  if (where && !whereSql) return { why: 'its WHERE clause cannot be printed back' };
  if (del) {
    if ((del.usingClause ?? []).length > 0) return { why: 'it joins other tables (USING)' };
    return { sql: `DELETE FROM ${target}\nWHERE ctid = ANY (ARRAY(SELECT ctid FROM ${target}${whereSql ? ` WHERE ${whereSql}` : ''} LIMIT ${o.size}))` };
  }
  if ((update!.fromClause ?? []).length > 0) return { why: 'it joins other tables (FROM)' };
  const targets = (update!.targetList ?? []).map((n) => as<ResTarget>(n, 'ResTarget'));
  if (targets.some((t) => !t?.name || (t.indirection ?? []).length > 0 || !t.val)) return { why: 'it sets array elements or fields' };
  const kinds = targets.map((t) => nodeTag(t!.val)?.[0]);
  if (kinds.includes('MultiAssignRef') || kinds.includes('SetToDefault')) return { why: 'it sets columns from a row or to DEFAULT' };
  const cols = targets.map((t) => t!.name!);
  // Rows not done yet are found by comparing each column with its new value: that only works
  // when the value does not depend on the row's own set columns nor on a function call (now(),
  // random(), nextval() give another value each time).
  const reads = new Set(columnRefs(targets.map((t) => t!.val)));
  if (cols.some((c) => reads.has(c))) return { why: 'a new value reads a column the statement sets' };
  if (functionsCalled(targets.map((t) => t!.val)).length > 0) return { why: 'a new value calls a function or subquery' };
  const values = targets.map((t) => sqlOf(t!.val!));
  if (values.some((v) => !v)) return { why: 'a new value cannot be printed back' };
  const set = cols.map((c, i) => `${ident(c)} = ${values[i]}`).join(', ');
  const pending = pendingComparison(cols.map((c, i) => ({ column: ident(c), value: values[i]!, type: o.typeOf(c), untyped: isUntypedLiteral(targets[i]!.val) })));
  return { sql: batchedUpdate(target, set, whereSql ? `(${whereSql}) AND ${pending}` : pending, o.size) };
}

/** `UPDATE target SET ... WHERE ctid = ANY (one batch of the pending rows)`: a TID scan per batch. */
export function batchedUpdate(target: string, setSql: string, pending: string, size: number): string {
  return `UPDATE ${target} SET ${setSql}\nWHERE ctid = ANY (ARRAY(SELECT ctid FROM ${target} WHERE ${pending} LIMIT ${size}))`;
}

/** A dollar-quote tag (`$batch$`, `$batch1$`, ...) that does not occur in `body`. */
export function dollarTag(body: string, base: string): string {
  let tag = base;
  for (let i = 1; body.includes(`$${tag}$`); i++) tag = `${base}${i}`;
  return `$${tag}$`;
}

/**
 * A DO block that repeats one batch statement until it touches no row, committing after each
 * batch and pausing so replicas and autovacuum keep up. Needs PostgreSQL 11+ (COMMIT inside DO)
 * and must run outside a transaction block. `explain`: say why on the COMMIT and pause lines
 * (a suggestion stands alone; the plan says it in its own words).
 */
export function batchLoop(batchStatement: string, { pauseSeconds = 0.1, explain = false } = {}): string {
  const body = [
    'DECLARE',
    '  batch_rows bigint;',
    'BEGIN',
    '  LOOP',
    `    ${batchStatement.split('\n').join('\n    ')};`,
    '    GET DIAGNOSTICS batch_rows = ROW_COUNT;',
    '    EXIT WHEN batch_rows = 0;',
    explain ? '    COMMIT;                 -- each batch holds its row locks only briefly' : '    COMMIT;',
    explain ? `    PERFORM pg_sleep(${pauseSeconds});  -- lets replicas and autovacuum keep up` : `    PERFORM pg_sleep(${pauseSeconds});`,
    '  END LOOP;',
    'END',
  ].join('\n');
  const tag = dollarTag(body, 'batch');
  return `DO ${tag}\n${body}\n${tag}`;
}
