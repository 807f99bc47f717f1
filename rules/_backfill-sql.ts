// The batched form of an UPDATE or DELETE, for suggestions: a DO block that repeats one batch
// of the statement, picked by ctid, until a batch touches no row, committing between batches
// (Postgres 11+, outside a transaction block). ctid works for every table whatever its key
// type (or with no key at all); a key-range walk would assume an integer key. Rows not done
// yet are those whose set columns differ from their new values, each value cast to its
// column's type where the history or the migration tells it.
import type { DeleteStmt, Node, ResTarget, UpdateStmt } from '@pgsql/types';
import { as, columnRefs, functionsCalled, nodeTag } from '../src/analyze/ast.js';
import { isUntypedLiteral, pendingComparison } from '../src/analyze/column-type.js';
import type { SchemaFacts } from '../src/analyze/state.js';
import { ident, stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import type { Statement } from '../src/core/types.js';
import { sqlOf } from './_sql-build.js';

/** The SQL type of a column the statement sets, when known (see columnTypeIn). */
export type ColumnTypeOf = (column: string) => string | undefined;

/** The types the analysis knows for the columns of `table` (from the history and the migration so far). */
export function columnTypeIn(facts: SchemaFacts, table: string | undefined): ColumnTypeOf {
  return (column) => {
    const t = table ? facts.columnTypeNames.get(`${table}.${column}`) : undefined;
    return t ? sqlOf({ TypeName: t } as Node) : undefined;
  };
}

/** One batch of the statement, or why it cannot be repeated batch by batch. */
function oneBatch(statement: Statement, batch: number, typeOf: ColumnTypeOf): { sql: string } | { why: string } {
  const update = stmtNode<UpdateStmt>(statement, 'UpdateStmt');
  const del = stmtNode<DeleteStmt>(statement, 'DeleteStmt');
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
    return { sql: `DELETE FROM ${target}\nWHERE ctid = ANY (ARRAY(SELECT ctid FROM ${target}${whereSql ? ` WHERE ${whereSql}` : ''} LIMIT ${batch}))` };
  }
  if ((update!.fromClause ?? []).length > 0) return { why: 'it joins other tables (FROM)' };
  const targets = (update!.targetList ?? []).map((n) => as<ResTarget>(n, 'ResTarget'));
  if (targets.some((t) => !t?.name || (t.indirection ?? []).length > 0 || !t.val)) return { why: 'it sets array elements or fields' };
  const kinds = targets.map((t) => nodeTag(t!.val)?.[0]);
  if (kinds.includes('MultiAssignRef') || kinds.includes('SetToDefault')) return { why: 'it sets columns from a row or to DEFAULT' };
  const cols = targets.map((t) => t!.name!);
  // The loop picks "rows not done yet" by comparing each column with its new value: that only
  // works when the value does not depend on the row's own set columns nor on a function call
  // (now(), random(), nextval() give another value each time).
  const reads = new Set(columnRefs(targets.map((t) => t!.val)));
  if (cols.some((c) => reads.has(c))) return { why: 'a new value reads a column the statement sets' };
  if (functionsCalled(targets.map((t) => t!.val)).length > 0) return { why: 'a new value calls a function or subquery' };
  const values = targets.map((t) => sqlOf(t!.val!));
  if (values.some((v) => !v)) return { why: 'a new value cannot be printed back' };
  const set = cols.map((c, i) => `${ident(c)} = ${values[i]}`).join(', ');
  const pending = pendingComparison(cols.map((c, i) => ({ column: ident(c), value: values[i]!, type: typeOf(c), untyped: isUntypedLiteral(targets[i]!.val) })));
  const cond = whereSql ? `(${whereSql}) AND ${pending}` : pending;
  return { sql: `UPDATE ${target} SET ${set}\nWHERE ctid = ANY (ARRAY(SELECT ctid FROM ${target} WHERE ${cond} LIMIT ${batch}))` };
}

/**
 * The statement as a self-repeating batched DO block, or (when repeating it could change a row
 * twice) advice in words: a runnable block is only given when it is the same change.
 */
export function batchedSql(statement: Statement, table: string | undefined, typeOf: ColumnTypeOf = () => undefined, batch = 10_000): string {
  const one = oneBatch(statement, batch, typeOf);
  if ('why' in one) {
    return `-- run it in its own migration outside a transaction block, in batches of about ${batch} rows of ${tableRef(table)} (by its primary key), committing between batches; it cannot be batched automatically because ${one.why}`;
  }
  const body = [
    'DECLARE',
    '  batch_rows bigint;',
    'BEGIN',
    '  LOOP',
    `    ${one.sql.replace(/\n/g, '\n    ')};`,
    '    GET DIAGNOSTICS batch_rows = ROW_COUNT;',
    '    EXIT WHEN batch_rows = 0;',
    '    COMMIT;                 -- each batch holds its row locks only briefly',
    '    PERFORM pg_sleep(0.1);  -- lets replicas and autovacuum keep up',
    '  END LOOP;',
    'END',
  ].join('\n');
  let tag = '$batch$';
  for (let i = 1; body.includes(tag); i++) tag = `$batch${i}$`;
  return [
    `-- in a migration of its own, run outside a transaction block (PostgreSQL 11+); batches are picked by ctid, so any key type works`,
    `DO ${tag}`,
    body,
    `${tag};`,
  ].join('\n');
}
