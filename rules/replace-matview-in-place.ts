import type { CreateTableAsStmt, DropStmt, Node } from '@pgsql/types';
import { as, qualifiedFromList, qualifiedName, relationName } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { ident, stmtNode, stmtTag, tableRef } from '../src/analyze/rule-helpers.js';
import { sqlOf } from './_sql-build.js';
import { executesNow } from './_statement.js';

// A materialized view dropped and created again under its own name is missing (or locked) for as
// long as the new one takes to compute: CREATE MATERIALIZED VIEW runs its whole query before the
// statement ends. Built under another name and swapped in by two renames, it is unavailable only
// for the renames.

/** The materialized views a DROP MATERIALIZED VIEW names, schema-qualified. */
function droppedMatviews(ast: Node): string[] {
  const d = as<DropStmt>(ast, 'DropStmt');
  if (d?.removeType !== 'OBJECT_MATVIEW') return [];
  return (d.objects ?? []).flatMap((o) => {
    const name = qualifiedFromList(as<{ items?: Node[] }>(o, 'List')?.items);
    return name ? [name] : [];
  });
}

export const rule: Rule = {
  id: 'replace-matview-in-place',
  risk: 'CAUTION',
  title: 'A materialized view dropped and created again is unavailable while its query runs',
  sizeSensitive: true,
  docs: {
    why:
      'CREATE MATERIALIZED VIEW runs its whole query before it finishes (unless WITH NO DATA), so a migration that drops a materialized view and creates it again under the same name leaves it unavailable for as long as that query takes, which grows with the tables it reads: inside a transaction every read of the view waits behind the DROP\'s ACCESS EXCLUSIVE lock until COMMIT; without one, reads fail with "relation does not exist" in between.',
    lock: 'ACCESS EXCLUSIVE on the old materialized view from the DROP until the end of the transaction; the query itself only reads its tables (ACCESS SHARE).',
    instead:
      'Build the new view under another name (and its indexes), then swap the names in one short transaction (ALTER MATERIALIZED VIEW ... RENAME TO, twice) and drop the old view afterwards. Views built on the old one keep pointing at it: recreate them in the same swap.',
    bad: 'DROP MATERIALIZED VIEW order_totals;\nCREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;',
    good: 'CREATE MATERIALIZED VIEW order_totals_new AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;\nBEGIN;\nALTER MATERIALIZED VIEW order_totals RENAME TO order_totals_old;\nALTER MATERIALIZED VIEW order_totals_new RENAME TO order_totals;\nCOMMIT;\nDROP MATERIALIZED VIEW order_totals_old;',
  },
  statements: ['CreateTableAsStmt'],
  readsEarlierTree: (s) => stmtTag(s) === 'DropStmt',
  check({ statement, state }) {
    const c = stmtNode<CreateTableAsStmt>(statement, 'CreateTableAsStmt');
    if (!c || !executesNow(statement) || c.objtype !== 'OBJECT_MATVIEW' || c.into?.skipData) return [];
    const name = relationName(c.into?.rel);
    if (!name) return [];
    const drop = (state.earlierInFile ?? []).find((s) => droppedMatviews(s.statement.ast).includes(name));
    // One created earlier in this run is nobody's yet.
    if (!drop || state.newTables.has(name)) return [];
    const sameTransaction = drop.inTransaction && state.tx.active && drop.txId === state.tx.id;
    const bare = c.into!.rel!.relname!;
    const renamed = sqlOf({ CreateTableAsStmt: { ...c, into: { ...c.into, rel: { ...c.into!.rel, relname: `${bare}_new` } } } } as Node);
    const view = tableRef(name);
    // The view's name with a suffix, in its schema.
    const renamedTo = (suffix: string) => tableRef(qualifiedName(c.into!.rel!.schemaname, `${bare}${suffix}`));
    return [{
      message: `materialized view ${name}, dropped at line ${drop.statement.line}, is built again here: until its query has read every row it needs, ${sameTransaction ? `every read of ${view} waits behind the DROP's ACCESS EXCLUSIVE lock` : `reads of ${view} fail with "relation does not exist"`}`,
      ...(renamed
        ? {
            suggestion: [
              `${renamed};  -- instead of the DROP and this CREATE; create its indexes here too`,
              'BEGIN;',
              `ALTER MATERIALIZED VIEW ${view} RENAME TO ${ident(`${bare}_old`)};`,
              `ALTER MATERIALIZED VIEW ${renamedTo('_new')} RENAME TO ${ident(bare)};`,
              'COMMIT;',
              `DROP MATERIALIZED VIEW ${renamedTo('_old')};`,
            ].join('\n'),
          }
        : {}),
    }];
  },
};

export default rule;
