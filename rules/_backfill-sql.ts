// The batched form of an UPDATE or DELETE, for suggestions: the DO block of
// src/analyze/batch-sql.ts, which repeats one batch of the statement until it touches no row
// (Postgres 11+, outside a transaction block), or in words why it cannot be batched as written.
import type { Node } from '@pgsql/types';
import { batchLoop, oneBatch } from '../src/analyze/batch-sql.js';
import type { SchemaFacts } from '../src/analyze/state.js';
import { tableRef } from '../src/analyze/rule-helpers.js';
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

/**
 * The statement as a self-repeating batched DO block, or (when repeating it could change a row
 * twice) advice in words: a runnable block is only given when it is the same change.
 */
export function batchedSql(statement: Statement, table: string | undefined, typeOf: ColumnTypeOf = () => undefined, batch = 10_000): string {
  const one = oneBatch(statement.ast, { size: batch, typeOf });
  if ('why' in one) {
    return `-- run it in its own migration outside a transaction block, in batches of about ${batch} rows of ${tableRef(table)} (by its primary key), committing between batches; it cannot be batched automatically because ${one.why}`;
  }
  return [
    `-- in a migration of its own, run outside a transaction block (PostgreSQL 11+); batches are picked by ctid, so any key type works`,
    `${batchLoop(one.sql, { explain: true })};`,
  ].join('\n');
}
