import { constraintsOn } from '../src/analyze/state.js';
import type { ColumnDef, Node, VariableSetStmt } from '@pgsql/types';
import { as, stringList, typeNameText } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable, stmtTag } from '../src/analyze/rule-helpers.js';
import { alterTable, defaultConstraintName, ident, runsDuringMigration, sqlOf, tableRef } from './_sql-build.js';
import { typeChange } from './_type-change.js';

/** `USING col` or `USING col::type` changes nothing beyond the type change itself. */
function trivialUsing(expr: Node | undefined, column: string): boolean {
  if (!expr) return true;
  const cast = as<{ arg?: Node }>(expr, 'TypeCast');
  const ref = as<{ fields?: Node[] }>(cast ? cast.arg : expr, 'ColumnRef');
  return !!ref && stringList(ref.fields).at(-1) === column;
}

function expandContract(table: string, column: string, newType: string, valueSql: string): string {
  const t = alterTable(table);
  const col = ident(column);
  const tmp = ident(`${column}_new`.slice(0, 63));
  const ref = tableRef(table);
  return [
    `${t} ADD COLUMN ${tmp} ${newType};`,
    `-- keep ${tmp} in step with ${col} for new writes (trigger or application), then backfill in batches:`,
    `UPDATE ${ref} SET ${tmp} = ${valueSql} WHERE ctid IN (SELECT ctid FROM ${ref} WHERE ${tmp} IS NULL AND ${col} IS NOT NULL LIMIT 10000);`,
    `-- once the application reads ${tmp}, swap in one short transaction:`,
    `${t} RENAME COLUMN ${col} TO ${ident(`${column}_old`.slice(0, 63))};`,
    `${t} RENAME COLUMN ${tmp} TO ${col};`,
  ].join('\n');
}

const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'zulu', 'z', 'universal', 'etc/universal', 'utc0', '+00', '0']);

/**
 * The session time zone a SET timezone earlier in the file (still in force) chose: 'utc' (then
 * timestamp -> timestamptz does not rewrite), 'other' (it does), or undefined when the file
 * does not say (the server's default decides).
 */
function sessionTimeZone(state: Parameters<NonNullable<Rule['check']>>[0]['state']): 'utc' | 'other' | undefined {
  let zone: 'utc' | 'other' | undefined;
  for (const s of state.earlierInFile ?? []) {
    const set = as<VariableSetStmt>(s.statement.ast, 'VariableSetStmt');
    if (!set || set.name?.toLowerCase() !== 'timezone') continue;
    // SET LOCAL ends with its transaction: only count it inside the current one.
    if (set.is_local && !(s.inTransaction && s.txId === state.tx.id && state.tx.active)) continue;
    if (set.kind !== 'VAR_SET_VALUE') { zone = undefined; continue; }
    const value = as<{ sval?: { sval?: string }; ival?: { ival?: number } }>(set.args?.[0], 'A_Const');
    const text = value?.sval?.sval ?? (value ? String(value.ival?.ival ?? 0) : '');
    zone = UTC_NAMES.has(text.toLowerCase()) ? 'utc' : 'other';
  }
  return zone;
}

export const rule: Rule = {
  id: 'changing-column-type',
  risk: 'DANGEROUS',
  title: 'ALTER COLUMN TYPE on an existing table rewrites it and rebuilds its indexes under an ACCESS EXCLUSIVE lock',
  sizeSensitive: true,
  docs: {
    why:
      'Changing a column\'s type makes PostgreSQL rewrite every row and rebuild every index of the table while it holds an ACCESS EXCLUSIVE lock, so nothing can read or write the table until it is done. Only a few changes skip the rewrite (the binary-coercible casts of pg_cast and the typmod rules): varchar(n) to a longer varchar, varchar or text; text to varchar without a limit; text or varchar to and from citext (indexes on the column are still rebuilt, citext compares differently); numeric(p,s) to a larger precision with the same scale or to plain numeric; a longer bit varying; cidr to inet; a higher or removed timestamp/time/interval precision; and, since PostgreSQL 12, timestamp to timestamptz when the session time zone is UTC (a SET timezone = UTC earlier in the file counts; a SET to another zone makes it a rewrite). A USING clause that computes something always rewrites. Shrinking a varchar also fails if a longer value exists. Even without a rewrite, every CHECK constraint that uses the column is checked again against all rows under the same lock, and every expression or partial index that uses the column is rebuilt (PostgreSQL cannot prove its expressions unchanged).',
    lock: 'ACCESS EXCLUSIVE on the table (blocks reads and writes) for the rewrite and the index rebuilds.',
    instead:
      'Expand and contract: add a new column of the new type, keep it in step for new writes (trigger or application), backfill it in batches, switch readers, then swap the names and drop the old column. To limit a text length, keep the type and add CHECK (char_length(col) <= n) NOT VALID, then VALIDATE CONSTRAINT.',
    bad: 'ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;',
    good: 'ALTER TABLE orders ADD COLUMN quantity_new bigint;',
    equivalents: { squawk: 'changing-column-type', strongMigrations: 'change_column', eugene: 'E5', pgfence: 'ALTER COLUMN checks' },
  },
  statements: ['AlterTableStmt'],
  // sessionTimeZone reads the SET timezone statements before it.
  readsEarlierTree: (s) => stmtTag(s) === 'VariableSetStmt',
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      if (cmd.subtype !== 'AT_AlterColumnType' || !cmd.name || !op?.table || !onExistingTable(op)) return;
      const def = as<ColumnDef>(cmd.def, 'ColumnDef');
      const newType = typeNameText(def?.typeName);
      const table = op.table;
      const column = cmd.name;
      const oldType = state.facts.columnTypes.get(`${table}.${column}`);
      const usingSql = def?.raw_default && !trivialUsing(def.raw_default, column) ? sqlOf(def.raw_default) : undefined;
      const cast = `${ident(column)}::${newType}`;
      const where = `${table}.${column}`;
      if (usingSql) {
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} USING ${usingSql} on ${table}: a USING expression is computed for every row, so the table is rewritten and its indexes rebuilt under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
          suggestion: expandContract(table, column, newType, usingSql),
        });
        return;
      }
      if (!oldType) {
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} on ${table}: the old type of ${where} is not known from the history, so this is assumed to rewrite the table and rebuild its indexes under an ACCESS EXCLUSIVE lock (only widening changes such as varchar(50) to varchar(100) or text skip the rewrite)`,
          suggestion: expandContract(table, column, newType, cast),
        });
        return;
      }
      const change = typeChange(oldType, newType, state.pgVersion);
      const zone = change.effect === 'utc-only' ? sessionTimeZone(state) : undefined;
      if (change.effect !== 'rewrite' && zone !== 'other') {
        // No rewrite, but PostgreSQL drops and re-adds the constraints that use the column, and a
        // re-added CHECK is validated against every row under the ACCESS EXCLUSIVE lock.
        const checks = [...constraintsOn(state, table)].filter((c) => c.table === table && c.kind === 'check' && c.validated && (c.columns ?? []).includes(column));
        if (checks.length > 0) {
          hits.push({
            operation: i,
            message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table} does not rewrite the table, but the CHECK constraint${checks.length > 1 ? 's' : ''} ${checks.map((c) => c.name.includes('#') ? '(unnamed)' : c.name).join(', ')} on ${column} ${checks.length > 1 ? 'are' : 'is'} checked again against every row under an ACCESS EXCLUSIVE lock (reads and writes wait for the scan)`,
            suggestion: `-- drop the CHECK first, change the type, then add the CHECK back NOT VALID and validate it separately:\n${alterTable(table)} DROP CONSTRAINT ${ident(checks[0]!.name.includes('#') ? '<constraint>' : checks[0]!.name)}, ALTER COLUMN ${ident(column)} TYPE ${newType};\n-- ADD CONSTRAINT ... CHECK (...) NOT VALID; then, in a separate transaction, VALIDATE CONSTRAINT ...`,
          });
          return;
        }
      }
      // No rewrite: an expression or partial index on the column is still rebuilt (PostgreSQL
      // does not compare expressions or predicates), and a plain one too when the operator class changes.
      const noRewrite = change.effect === 'none' || change.effect === 'index-rebuild' || (change.effect === 'utc-only' && zone === 'utc');
      if (noRewrite) {
        const exprIndexed = state.alwaysRebuiltIndexColumns?.get(table)?.has(column) ?? false;
        const plainIndexed = change.effect === 'index-rebuild' && (state.indexedColumns.get(table) ?? []).some((cols) => cols.includes(column));
        if (!exprIndexed && !plainIndexed) return;
        const why = plainIndexed ? `the indexes on ${column} change operator class` : `the expression or partial indexes that use ${column} cannot be proven unchanged`;
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table} does not rewrite the table, but ${why} and are rebuilt under an ACCESS EXCLUSIVE lock (reads and writes wait for the rebuild)`,
          suggestion: expandContract(table, column, newType, cast),
        });
        return;
      }
      if (change.effect === 'utc-only' && zone === undefined) {
        hits.push({
          operation: i,
          risk: 'CAUTION',
          message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table}: PostgreSQL skips the rewrite only when the session's TimeZone is UTC, and then reads the stored values as UTC; in any other time zone it rewrites the table under an ACCESS EXCLUSIVE lock`,
          suggestion: `SET timezone = 'UTC';  -- in the same session, right before it; only correct if the stored values are UTC\n${statement.text.trim()};`,
        });
        return;
      }
      if (change.effect === 'utc-only') {
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table}: the SET timezone earlier in this file is not UTC, so PostgreSQL converts every value from that zone and rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
          suggestion: expandContract(table, column, newType, cast),
        });
        return;
      }
      if (change.mayFail && change.limit !== undefined) {
        const check = defaultConstraintName(table, [column], 'check');
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table}: a shorter limit rewrites the table under an ACCESS EXCLUSIVE lock and fails if any value is longer than ${change.limit}`,
          suggestion: `-- keep the type and enforce the limit with a constraint, without a rewrite:\n${alterTable(table)} ADD CONSTRAINT ${ident(check)} CHECK (char_length(${ident(column)}) <= ${change.limit}) NOT VALID;\n-- then, in a separate transaction:\n${alterTable(table)} VALIDATE CONSTRAINT ${ident(check)};`,
        });
        return;
      }
      hits.push({
        operation: i,
        message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table}: the table is rewritten and its indexes rebuilt under an ACCESS EXCLUSIVE lock (reads and writes wait)${change.mayFail ? '; values that do not fit the new type make it fail' : ''}`,
        suggestion: expandContract(table, column, newType, cast),
      });
    });
    return hits;
  },
};

export default rule;
