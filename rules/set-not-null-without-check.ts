import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable } from '../src/analyze/rule-helpers.js';
import { primaryKeyColumns } from '../src/analyze/track.js';
import { constraintsOn, type AnalysisState, type KnownConstraint } from '../src/analyze/state.js';
import { addedConstraint, alterTable, defaultConstraintName, ident, runsDuringMigration } from './_sql-build.js';

/** Columns of the key the history shows nullable and not proven NOT NULL by a validated CHECK (12+). */
function nullableKeyColumns(state: Readonly<AnalysisState>, table: string, columns: string[]): string[] {
  return columns.filter((c) => state.facts.columnTypes.has(`${table}.${c}`) && !state.facts.notNullColumns.has(`${table}.${c}`)
    && !(state.pgVersion >= 12 && notNullChecks(state, table, c).some((k) => k.validated)));
}

/** The CHECKs proving `column` NOT NULL, each as PostgreSQL sees it (validated in pg_constraint or not). */
function notNullChecks(state: Readonly<AnalysisState>, table: string, column: string): KnownConstraint[] {
  return [...constraintsOn(state, table)]
    .filter((c) => c.table === table && (c.notNullColumns ?? []).includes(column))
    .map((c) => (c.catalogNotValid ? { ...c, validated: false } : c));
}

function safeSteps(state: Readonly<AnalysisState>, table: string, column: string): string {
  const name = defaultConstraintName(table, [column], 'not_null');
  const t = alterTable(table);
  const col = ident(column);
  if (state.pgVersion >= 18) {
    return `${t} ADD CONSTRAINT ${ident(name)} NOT NULL ${col} NOT VALID;\n-- then, in a separate transaction (the next migration): scans without blocking reads or writes\n${t} VALIDATE CONSTRAINT ${ident(name)};`;
  }
  if (state.pgVersion >= 12) {
    return `${t} ADD CONSTRAINT ${ident(name)} CHECK (${col} IS NOT NULL) NOT VALID;\n-- then, in a separate transaction (the next migration):\n${t} VALIDATE CONSTRAINT ${ident(name)};\n${t} ALTER COLUMN ${col} SET NOT NULL;  -- no scan: the validated CHECK proves it\n${t} DROP CONSTRAINT ${ident(name)};`;
  }
  return `-- PostgreSQL ${state.pgVersion}: SET NOT NULL always scans the table; enforce it with a CHECK instead\n${t} ADD CONSTRAINT ${ident(name)} CHECK (${col} IS NOT NULL) NOT VALID;\n-- then, in a separate transaction (the next migration):\n${t} VALIDATE CONSTRAINT ${ident(name)};`;
}

export const rule: Rule = {
  id: 'set-not-null-without-check',
  risk: 'DANGEROUS',
  title: 'SET NOT NULL on an existing column scans the whole table under an ACCESS EXCLUSIVE lock',
  sizeSensitive: true,
  docs: {
    why:
      'ALTER COLUMN ... SET NOT NULL reads every row to prove there is no NULL, holding an ACCESS EXCLUSIVE lock the whole time: nothing can read or write the table until the scan ends, and the statement fails if a NULL is found. Since PostgreSQL 12 the scan is skipped when a validated CHECK (column IS NOT NULL) constraint already proves it. ADD PRIMARY KEY USING INDEX does the same implicit SET NOT NULL on any key column the history shows nullable (CAUTION when the history does not show the index or its columns, so nullability is unknown). Any top-level AND term of the CHECK counts (CHECK (c > 0 AND c IS NOT NULL) proves it; CHECK (c > 0) alone lets NULL through and proves nothing). When the file validates a constraint whose definition the history does not show and whose name mentions the column, the scan may be skipped: CAUTION.',
    lock: 'ACCESS EXCLUSIVE on the table (blocks reads and writes) for a full scan.',
    instead:
      'PostgreSQL 12+: add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate transaction (no blocking), then SET NOT NULL (instant, it uses the check) and drop the CHECK. PostgreSQL 18+: ADD CONSTRAINT ... NOT NULL column NOT VALID, then VALIDATE CONSTRAINT. Before 12 there is no online way: keep the validated CHECK as the constraint, or run SET NOT NULL in a maintenance window.',
    bad: 'ALTER TABLE orders ALTER COLUMN status SET NOT NULL;',
    good: 'ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;',
    equivalents: { squawk: 'adding-not-nullable-field', strongMigrations: 'change_column_null', eugene: 'E2, W14', pgfence: 'ALTER COLUMN checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    const cmds = alterCmds(statement);
    operations.forEach((op, i) => {
      // PRIMARY KEY USING INDEX reuses the index, but makes its columns NOT NULL the slow way.
      const con = op.kind === 'ADD_PRIMARY_KEY' && op.usingIndex && op.table && onExistingTable(op) ? addedConstraint(cmds[i]) : undefined;
      if (con && op.table) {
        const table = op.table;
        const keys = primaryKeyColumns(state, table, con);
        const nullable = nullableKeyColumns(state, table, keys);
        // The history does not show the index (or its columns): whether the implicit SET NOT NULL scans is unknown.
        const unknown = keys.length === 0 || keys.some((c) => !state.facts.columnTypes.has(`${table}.${c}`));
        if (nullable.length === 0 && unknown) {
          hits.push({
            operation: i,
            risk: 'CAUTION',
            message: `ADD PRIMARY KEY USING INDEX ${con.indexname ?? ''} on ${table}: the history does not show ${keys.length === 0 ? 'the index\'s columns' : 'whether its columns are NOT NULL'}; any nullable key column gets an implicit SET NOT NULL first, which scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
            suggestion: `-- make sure every key column is NOT NULL first (on PostgreSQL 12+: a CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL), then:\n${statement.text.trim().replace(/;?$/, ';')}`,
          });
        }
        if (nullable.length > 0) {
          hits.push({
            operation: i,
            message: `ADD PRIMARY KEY USING INDEX ${con.indexname ?? ''} on ${table}: ${nullable.join(', ')} ${nullable.length > 1 ? 'are' : 'is'} nullable in the history, so PostgreSQL first runs an implicit SET NOT NULL that scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait) and fails if a NULL is left`,
            suggestion: `${nullable.map((c) => safeSteps(state, table, c)).join('\n')}\n-- then:\n${statement.text.trim().replace(/;?$/, ';')}`,
          });
        }
        return;
      }
      if (op.kind !== 'SET_NOT_NULL' || op.notValid || !op.columnName || !op.table || !onExistingTable(op)) return;
      const table = op.table;
      const column = op.columnName;
      // Already NOT NULL (declared, a primary key, or set earlier): PostgreSQL has nothing to
      // check and reads no row.
      if (state.facts.notNullColumns.has(`${table}.${column}`)) return;
      const checks = notNullChecks(state, table, column);
      const validated = checks.find((c) => c.validated);
      if (validated && state.pgVersion >= 12) return;
      // VALIDATE CONSTRAINT of a constraint whose definition the history does not show (added in
      // a migration outside the reviewed files): whether it proves the column NOT NULL is unknown.
      // Its name is the one hint that it is the CHECK (col IS NOT NULL) step: it must name the
      // column as a word and read as a CHECK (not a key's, a foreign key's or an exclusion's name,
      // which VALIDATE can name too, and not a name the history gave an unnamed constraint).
      const unseen = state.pgVersion >= 12 && !validated
        ? [...constraintsOn(state, table)].find((c) => c.table === table && c.validated && c.addedInTx === -1 && looksLikeNotNullCheck(c.name, column))
        : undefined;
      if (unseen) {
        hits.push({
          operation: i,
          risk: 'CAUTION',
          message: `SET NOT NULL on ${table}.${column}: the history does not show the definition of ${unseen.name}, validated before it; if it is CHECK (${column} IS NOT NULL) PostgreSQL skips the scan, otherwise SET NOT NULL scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
          suggestion: safeSteps(state, table, column),
        });
        return;
      }
      const note = validated
        ? ` (the validated CHECK ${validated.name} does not help before PostgreSQL 12)`
        : checks[0] && !checks[0].name.includes('#')
          ? ` (CHECK ${checks[0].name} proves it only once validated: run VALIDATE CONSTRAINT ${checks[0].name} in an earlier transaction)`
          : '';
      hits.push({
        operation: i,
        message: `SET NOT NULL on ${table}.${column} scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait) and fails if a NULL is left${note}`,
        suggestion: checks[0] && !checks[0].validated && !checks[0].name.includes('#') && state.pgVersion >= 12
          ? `${alterTable(table)} VALIDATE CONSTRAINT ${ident(checks[0].name)};  -- in an earlier, separate transaction\n${alterTable(table)} ALTER COLUMN ${ident(column)} SET NOT NULL;`
          : safeSteps(state, table, column),
      });
    });
    return hits;
  },
};

export default rule;

/** A constraint name that reads as a CHECK on the column: the column as a word, and `check` or `not_null`/`notnull`/`nn` in it, no key suffix. */
function looksLikeNotNullCheck(name: string, column: string): boolean {
  const n = name.toLowerCase();
  if (n.includes('#') || /_(?:p?key|fkey|excl)$/.test(n)) return false;
  const words = n.split(/[^a-z0-9]+/);
  const col = column.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const at = words.findIndex((_, i) => col.every((w, j) => words[i + j] === w));
  return at >= 0 && /check|not_?null|(?:^|_)nn(?:_|$)/.test(n);
}
