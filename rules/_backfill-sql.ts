// The batched form of an UPDATE or DELETE, for suggestions: a DO block that walks the primary
// key in ranges and commits between them (Postgres 11+, outside a transaction block).
import type { DeleteStmt, UpdateStmt } from '@pgsql/types';
import { stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import type { Statement } from '../src/core/types.js';

/**
 * The statement rewritten into key-range batches. Assumes an integer key column `id`; the
 * comment says so, because the user's key may differ.
 */
export function batchedSql(statement: Statement, table: string | undefined, batch = 10_000): string {
  const ref = tableRef(table);
  const text = statement.text.trim().replace(/;\s*$/, '');
  const update = stmtNode<UpdateStmt>(statement, 'UpdateStmt');
  const del = stmtNode<DeleteStmt>(statement, 'DeleteStmt');
  const hasWhere = !!(update?.whereClause ?? del?.whereClause);
  const range = `id > last_id AND id <= last_id + ${batch}`;
  let body: string;
  const wheres = text.match(/\bWHERE\b/gi)?.length ?? 0;
  if (!hasWhere && wheres === 0) body = `${text}\n    WHERE ${range}`;
  else if (hasWhere && wheres === 1) body = text.replace(/\bWHERE\s+/i, `WHERE ${range} AND (`) + ')';
  else body = `-- your statement, limited to the rows with ${range}`;
  return [
    `-- in a migration of its own, run outside a transaction block; assumes ${ref} has an integer key "id"`,
    'DO $$',
    'DECLARE',
    '  last_id bigint := 0;',
    '  max_id bigint;',
    'BEGIN',
    `  SELECT max(id) INTO max_id FROM ${ref};`,
    '  WHILE last_id < max_id LOOP',
    `    ${body.replace(/\n/g, '\n    ')};`,
    `    last_id := last_id + ${batch};`,
    '    COMMIT;                 -- each batch holds its row locks only briefly',
    '    PERFORM pg_sleep(0.1);  -- lets replicas and autovacuum keep up',
    '  END LOOP;',
    'END $$;',
  ].join('\n');
}
