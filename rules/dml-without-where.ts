import type { DeleteStmt, MergeStmt, Node, UpdateStmt } from '@pgsql/types';
import { isAlwaysTrue, optionOn, relationName } from '../src/analyze/ast.js';
import type { AnalysisState } from '../src/analyze/state.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { stmtNode, tableRef } from '../src/analyze/rule-helpers.js';
import { batchedSql, columnTypeIn } from './_backfill-sql.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'dml-without-where',
  risk: 'DANGEROUS',
  title: 'UPDATE or DELETE without WHERE on an existing table',
  docs: {
    why:
      'An UPDATE without WHERE (or with one that is always true, such as WHERE 1 = 1, WHERE id = id or WHERE x IS NULL OR x IS NOT NULL) rewrites every row of the table in one transaction: each row gets a new version (the table can double in size until vacuum), every row stays locked until the statement commits, so application writes to any row wait, and replicas fall behind while they replay it. A DELETE without WHERE deletes every row: that is data loss, and a rollback of the migration cannot bring the rows back once it committed; so does a MERGE whose join condition is always true with WHEN MATCHED THEN DELETE. The same UPDATE or DELETE inside another statement counts as written: a data-modifying WITH query (`WITH d AS (DELETE FROM t) SELECT 1`), EXPLAIN ANALYZE, CREATE TABLE AS, and PREPARE (for the EXECUTE that runs it).',
    lock: 'ROW EXCLUSIVE on the table (does not block reads), plus a row lock on every row until COMMIT, which blocks concurrent updates and deletes of those rows.',
    instead:
      'Backfill in batches of a few thousand rows by primary-key range, committing after each batch and pausing between them, from a migration that runs outside a transaction (or a one-off job). Add `WHERE new_column IS NULL` so a re-run skips rows already done. For a DELETE, say which rows in a WHERE clause; to empty a table on purpose, see ban-truncate.',
    bad: "UPDATE orders SET status = 'new';",
    good: "UPDATE orders SET status = 'new' WHERE id > 0 AND id <= 10000 AND status IS NULL;",
    equivalents: { pgfence: 'Destructive operation checks' },
  },
  statements: ['UpdateStmt', 'DeleteStmt', 'SelectStmt', 'InsertStmt', 'MergeStmt', 'ExplainStmt', 'CreateTableAsStmt', 'PrepareStmt'],
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    const nested = nestedHits(statement.ast, state);
    const update = stmtNode<UpdateStmt>(statement, 'UpdateStmt');
    const del = stmtNode<DeleteStmt>(statement, 'DeleteStmt');
    const op = operations[0];
    const merge = stmtNode<MergeStmt>(statement, 'MergeStmt');
    // MERGE … ON true WHEN MATCHED THEN DELETE: every row matches, so every row goes.
    if (merge && op?.table && !op.targetIsNew && isAlwaysTrue(merge.joinCondition) && mergeDeletesMatched(merge)) {
      return [...nested, {
        operation: 0,
        message: `MERGE with a join condition that is always true and WHEN MATCHED THEN DELETE removes every row of ${op.table} (when the source has a row); once committed, a rollback cannot bring them back`,
        suggestion: `-- join on the key, so only the rows the source names are deleted:
MERGE INTO ${tableRef(op.table)} t USING <source> s ON t.id = s.id WHEN MATCHED THEN DELETE;`,
      }];
    }
    if ((!update && !del) || !op?.table || op.targetIsNew) return nested;
    const where = update?.whereClause ?? del?.whereClause;
    // `WHERE 1 = 1` and friends select every row: the same as no WHERE at all.
    if (where && !isAlwaysTrue(where)) return nested;
    const what = where ? 'with a WHERE that is always true' : 'without WHERE';
    if (del) {
      return [...nested, {
        operation: 0,
        message: `DELETE ${what} removes every row of ${op.table}; once committed, a rollback cannot bring them back`,
        suggestion: `-- say which rows: DELETE FROM ${tableRef(op.table)} WHERE <condition>;  in batches for many rows:\n${batchedSql(statement, op.table)}`,
      }];
    }
    return [...nested, {
      risk: 'CAUTION',
      operation: 0,
      message: `UPDATE ${what} rewrites every row of ${op.table} in one transaction: all rows stay locked until it commits, the table bloats and replicas lag`,
      suggestion: batchedSql(statement, op.table, columnTypeIn(state.facts, op.table)),
    }];
  },
};

type Json = Record<string, unknown>;

/** A `WHEN MATCHED [AND <always true>] THEN DELETE` clause. */
function mergeDeletesMatched(merge: MergeStmt): boolean {
  return (merge.mergeWhenClauses ?? []).some((n) => {
    const c = (n as { MergeWhenClause?: { matchKind?: string; commandType?: string; condition?: Node } }).MergeWhenClause;
    return c?.matchKind === 'MERGE_WHEN_MATCHED' && c.commandType === 'CMD_DELETE' && (c.condition === undefined || isAlwaysTrue(c.condition));
  });
}
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An UPDATE or DELETE that runs inside another statement: a data-modifying WITH query (of a
 * SELECT, INSERT, UPDATE, DELETE or MERGE, at any depth), the query of EXPLAIN ANALYZE, of
 * CREATE TABLE AS or of PREPARE. `WITH d AS (DELETE FROM users) SELECT 1` empties the table as surely as the
 * DELETE alone. Rule actions and function bodies are not followed: they run later, if ever.
 */
function nestedHits(ast: Node, state: Readonly<AnalysisState>): RuleHit[] {
  const found: Array<{ kind: 'DELETE' | 'UPDATE'; table: string; always: boolean }> = [];
  const visitStatement = (node: unknown, top: boolean): void => {
    if (!isObject(node)) return;
    for (const [tag, value] of Object.entries(node)) {
      if (!isObject(value)) continue;
      if (!top && (tag === 'DeleteStmt' || tag === 'UpdateStmt')) {
        const table = relationName(value.relation as Parameters<typeof relationName>[0]);
        const where = value.whereClause as Node | undefined;
        if (table && (!where || isAlwaysTrue(where))) found.push({ kind: tag === 'DeleteStmt' ? 'DELETE' : 'UPDATE', table, always: where !== undefined });
      }
      if (tag === 'ExplainStmt') {
        // EXPLAIN runs the query only with ANALYZE on (`ANALYZE false` plans it, as plain EXPLAIN).
        if (optionOn(value.options as Node[] | undefined, 'analyze')) visitStatement(value.query, false);
        continue;
      }
      // CREATE TABLE AS runs its query now; PREPARE's runs at EXECUTE, in this migration or never.
      if (tag === 'CreateTableAsStmt' || tag === 'PrepareStmt') visitStatement(value.query, false);
      if (tag === 'InsertStmt') visitStatement(value.selectStmt, false);
      if (tag === 'SelectStmt') {
        visitStatement(value.larg, false);
        visitStatement(value.rarg, false);
      }
      const withClause = value.withClause as Json | undefined;
      const ctes = isObject(withClause) && Array.isArray(withClause.ctes) ? withClause.ctes : [];
      for (const cte of ctes) if (isObject(cte) && isObject(cte.CommonTableExpr)) visitStatement(cte.CommonTableExpr.ctequery, false);
    }
  };
  visitStatement(ast, true);
  return found
    .filter((f) => !state.newTables.has(f.table) && !state.newSchemas.has(f.table.split('.')[0] ?? ''))
    .map((f) => {
      const what = f.always ? 'with a WHERE that is always true' : 'without WHERE';
      return f.kind === 'DELETE'
        ? { message: `a DELETE ${what} inside this statement (a data-modifying WITH query, EXPLAIN ANALYZE or CREATE TABLE AS runs it; PREPARE, at EXECUTE) removes every row of ${f.table}; once committed, a rollback cannot bring them back` }
        : { risk: 'CAUTION' as const, message: `an UPDATE ${what} inside this statement (a data-modifying WITH query, EXPLAIN ANALYZE or CREATE TABLE AS runs it; PREPARE, at EXECUTE) rewrites every row of ${f.table} in one transaction` };
    });
}

export default rule;
