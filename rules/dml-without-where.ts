import type { DeleteStmt, UpdateStmt } from '@pgsql/types';
import { isAlwaysTrue } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { batchedSql, columnTypeIn } from './_backfill-sql.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'dml-without-where',
  risk: 'DANGEROUS',
  title: 'UPDATE or DELETE without WHERE on an existing table',
  docs: {
    why:
      'An UPDATE without WHERE (or with one that is always true, such as WHERE 1 = 1) rewrites every row of the table in one transaction: each row gets a new version (the table can double in size until vacuum), every row stays locked until the statement commits, so application writes to any row wait, and replicas fall behind while they replay it. A DELETE without WHERE deletes every row: that is data loss, and a rollback of the migration cannot bring the rows back once it committed.',
    lock: 'ROW EXCLUSIVE on the table (does not block reads), plus a row lock on every row until COMMIT, which blocks concurrent updates and deletes of those rows.',
    instead:
      'Backfill in batches of a few thousand rows by primary-key range, committing after each batch and pausing between them, from a migration that runs outside a transaction (or a one-off job). Add `WHERE new_column IS NULL` so a re-run skips rows already done. For a DELETE, say which rows in a WHERE clause; to empty a table on purpose, see ban-truncate.',
    bad: "UPDATE orders SET status = 'new';",
    good: "UPDATE orders SET status = 'new' WHERE id > 0 AND id <= 10000 AND status IS NULL;",
    equivalents: { pgfence: 'Destructive operation checks' },
  },
  statements: ['UpdateStmt', 'DeleteStmt'],
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    const update = stmtNode<UpdateStmt>(statement, 'UpdateStmt');
    const del = stmtNode<DeleteStmt>(statement, 'DeleteStmt');
    const op = operations[0];
    if ((!update && !del) || !op?.table || op.targetIsNew) return [];
    const where = update?.whereClause ?? del?.whereClause;
    // `WHERE 1 = 1` and friends select every row: the same as no WHERE at all.
    if (where && !isAlwaysTrue(where)) return [];
    const what = where ? 'with a WHERE that is always true' : 'without WHERE';
    if (del) {
      return [{
        operation: 0,
        message: `DELETE ${what} removes every row of ${op.table}; once committed, a rollback cannot bring them back`,
        suggestion: `-- say which rows: DELETE FROM ${tableRef(op.table)} WHERE <condition>;  in batches for many rows:\n${batchedSql(statement, op.table)}`,
      }];
    }
    return [{
      risk: 'CAUTION',
      operation: 0,
      message: `UPDATE ${what} rewrites every row of ${op.table} in one transaction: all rows stay locked until it commits, the table bloats and replicas lag`,
      suggestion: batchedSql(statement, op.table, columnTypeIn(state.facts, op.table)),
    }];
  },
};

export default rule;
