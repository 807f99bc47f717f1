import type { ColumnDef, Node } from '@pgsql/types';
import { functionsCalled, isConstantExpr, typeBase } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable } from '../src/analyze/rule-helpers.js';
import { serialType } from '../src/analyze/serial-types.js';
import { expressionVolatility, functionVolatility } from '../src/analyze/volatility.js';
import { addColumnDef, alterTable, columnConstraints, ident, runsDuringMigration, sqlOf, tableRef } from './_sql-build.js';

function isNullConst(expr: Node | undefined): boolean {
  return !!(expr as { A_Const?: { isnull?: boolean } } | undefined)?.A_Const?.isnull;
}

/** Identity, generated and serial columns belong to adding-serial-or-identity-column. */
function generatesValues(def: ColumnDef): boolean {
  return serialType(typeBase(def.typeName)) !== undefined || columnConstraints(def).some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
}

export const rule: Rule = {
  id: 'volatile-default',
  risk: 'DANGEROUS',
  title: 'ADD COLUMN with a volatile DEFAULT (or any DEFAULT before PostgreSQL 11) rewrites the table',
  sizeSensitive: true,
  docs: {
    why:
      'Since PostgreSQL 11, ADD COLUMN with a non-volatile DEFAULT (a constant, now(), CURRENT_TIMESTAMP) only records the default in the catalog. A volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval(), or a user function not declared STABLE or IMMUTABLE) has to be computed for every existing row, so PostgreSQL rewrites the whole table and its indexes while holding an ACCESS EXCLUSIVE lock. Before PostgreSQL 11 every non-NULL default rewrites the table.',
    lock: 'ACCESS EXCLUSIVE on the table (blocks reads and writes) for the whole rewrite.',
    instead:
      'Add the column without the default, then ALTER COLUMN ... SET DEFAULT (applies to new rows only, instant), and backfill the existing rows in small batches outside the migration transaction.',
    bad: 'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();',
    good: 'ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();',
    equivalents: { squawk: 'adding-field-with-default', strongMigrations: 'add_column_default', pgfence: 'ADD COLUMN checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      const def = addColumnDef(cmd);
      if (!def?.colname || !op?.table || !onExistingTable(op) || generatesValues(def)) return;
      const defaultExpr = columnConstraints(def).find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
      if (!defaultExpr || isNullConst(defaultExpr)) return;
      const volatile = !isConstantExpr(defaultExpr) && expressionVolatility(defaultExpr, state.facts) === 'v';
      const oldServer = state.pgVersion < 11;
      if (!volatile && !oldServer) return;
      const table = op.table;
      const col = ident(def.colname);
      const exprSql = sqlOf(defaultExpr) ?? 'the default';
      let reason: string;
      if (volatile) {
        const fns = [...new Set(functionsCalled(defaultExpr).filter((f) => functionVolatility(f, state.facts) === 'v'))];
        const unknown = fns.filter((f) => !state.facts.functionVolatility.has(f) && !['random', 'clock_timestamp', 'gen_random_uuid', 'nextval', 'uuid_generate_v4', 'uuid_generate_v1', 'timeofday', '(subquery)'].includes(f));
        reason = `DEFAULT ${exprSql} is volatile${fns.length ? ` (${fns.join(', ')})` : ''}${unknown.length ? `; ${unknown.join(', ')} is not known to be STABLE or IMMUTABLE, and user functions are VOLATILE unless declared otherwise` : ''}, so every existing row gets its own value`;
      } else {
        reason = `PostgreSQL ${state.pgVersion} stores any non-NULL DEFAULT by writing it into every row (the catalog-only default arrived in 11)`;
      }
      const notNull = columnConstraints(def).some((c) => c.contype === 'CONSTR_NOTNULL');
      const bare = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !['CONSTR_DEFAULT', 'CONSTR_NOTNULL'].includes((n as { Constraint?: { contype?: string } }).Constraint?.contype ?? '')) } } as Node);
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} on ${table}: ${reason}; PostgreSQL rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
        suggestion: [
          `${alterTable(table)} ADD COLUMN ${bare ?? col};`,
          `${alterTable(table)} ALTER COLUMN ${col} SET DEFAULT ${exprSql};  -- new rows only, no rewrite`,
          `-- backfill existing rows in batches, each in its own transaction, until it updates 0 rows:`,
          `UPDATE ${tableRef(table)} SET ${col} = ${exprSql} WHERE ctid IN (SELECT ctid FROM ${tableRef(table)} WHERE ${col} IS NULL LIMIT 10000);`,
          ...(notNull ? [`-- then enforce NOT NULL with CHECK (${col} IS NOT NULL) NOT VALID + VALIDATE CONSTRAINT (see set-not-null-without-check)`] : []),
        ].join('\n'),
      });
    });
    return hits;
  },
};

export default rule;
