import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, Node } from '@pgsql/types';
import { relationName, stringList } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import type { AnalysisState, FileStep } from '../src/analyze/state.js';
import { alterCmds, onExistingTable, stmtNode, stmtTag } from '../src/analyze/rule-helpers.js';
import type { Operation, Statement } from '../src/core/types.js';
import { addColumnDef, addedConstraint, alterTable, columnConstraints, constraintClause, ident, runsDuringMigration, sqlOf } from './_sql-build.js';

const SCANNED = new Set(['CONSTR_FOREIGN', 'CONSTR_CHECK']);

function isNullConst(expr: Node | undefined): boolean {
  return !!(expr as { A_Const?: { isnull?: boolean } } | undefined)?.A_Const?.isnull;
}

/**
 * An ADD COLUMN whose every value is NULL when the statement ends: no DEFAULT (not even DEFAULT
 * NULL), no identity, generation or serial type (the classifier's ADD_COLUMN_NULLABLE without a
 * default), no NOT NULL.
 */
function addsNullColumn(def: ColumnDef | undefined, op: Operation | undefined): boolean {
  return !!def?.colname && op?.kind === 'ADD_COLUMN_NULLABLE' && !columnConstraints(def).some((c) => c.contype === 'CONSTR_DEFAULT');
}

/**
 * Statements that write no row of an existing table (nor run code that could): between a column's
 * ADD COLUMN and a foreign key on it, the column stays all NULL. An ALTER COLUMN TYPE ... USING can
 * fill it, so ALTER TABLE counts only without one.
 */
const WRITES_NO_ROWS = new Set([
  'AlterTableStmt', 'IndexStmt', 'CommentStmt', 'GrantStmt', 'GrantRoleStmt', 'VariableSetStmt', 'TransactionStmt',
  'CreateStmt', 'CreateSeqStmt', 'AlterSeqStmt', 'CreateEnumStmt', 'AlterEnumStmt', 'CompositeTypeStmt', 'DropStmt',
  'RenameStmt', 'CreateFunctionStmt', 'CreateTrigStmt', 'CreatePolicyStmt', 'AlterOwnerStmt', 'ViewStmt',
  'CreateSchemaStmt', 'ConstraintsSetStmt', 'LockStmt', 'CreateDomainStmt',
]);

function writesNoRows(step: FileStep): boolean {
  return !step.statement.nestedIn && WRITES_NO_ROWS.has(stmtTag(step.statement)) && !step.operations.some((o) => o.kind === 'ALTER_COLUMN_TYPE');
}

/** Where a column that is still all NULL was added: this statement's command, or an earlier statement of the file. */
interface NullColumn {
  /** The earlier statement's step (absent: added by this statement). */
  step?: FileStep;
  /** Steps between that statement and this one touch the table (the ADD COLUMN cannot move here). */
  touchedBetween: boolean;
}

/** The columns of `table` that are all NULL when `statement` runs, each with where it was added. */
function nullColumns(table: string, cmds: readonly AlterTableCmd[], operations: readonly Operation[], state: Readonly<AnalysisState>): Map<string, NullColumn> {
  const out = new Map<string, NullColumn>();
  const steps = state.earlierInFile;
  let touched = false;
  for (let i = (steps?.length ?? 0) - 1; i >= 0; i--) {
    const step = steps!.at(i)!;
    if (!writesNoRows(step)) break;
    alterCmds(step.statement).forEach((cmd, k) => {
      const def = addColumnDef(cmd);
      const op = step.operations[k];
      if (op?.table === table && addsNullColumn(def, op) && !out.has(def!.colname!)) out.set(def!.colname!, { step, touchedBetween: touched });
    });
    if (step.operations.some((o) => o.table === table || o.kind === 'DO_BLOCK')) touched = true;
  }
  cmds.forEach((cmd, i) => {
    const def = addColumnDef(cmd);
    if (addsNullColumn(def, operations[i])) out.set(def!.colname!, { touchedBetween: false });
  });
  return out;
}

/** The constraint as a column constraint of its one column (no column list), or undefined when it cannot be one. */
function asColumnConstraint(c: Constraint): Node | undefined {
  if (stringList(c.fk_attrs).length !== 1 || (c.fk_del_set_cols?.length ?? 0) > 0) return undefined;
  const { fk_attrs: _columns, ...rest } = c;
  return { Constraint: rest } as Node;
}

/** `cmds` as an ALTER TABLE of `statement`'s table, or undefined when nothing is left. */
function alterWith(statement: Statement, cmds: readonly AlterTableCmd[]): string | undefined {
  const alter = stmtNode<AlterTableStmt>(statement, 'AlterTableStmt');
  if (!alter || cmds.length === 0) return undefined;
  const sql = sqlOf({ AlterTableStmt: { ...alter, cmds: cmds.map((c) => ({ AlterTableCmd: c }) as Node) } } as Node);
  return sql ? `${sql};` : undefined;
}

/** `cmds` with each moved foreign key written on its column's ADD COLUMN instead (column -> constraint). */
function withColumnConstraints(cmds: readonly AlterTableCmd[], moved: ReadonlyMap<string, Node>): AlterTableCmd[] {
  return cmds.map((cmd) => {
    const def = addColumnDef(cmd);
    const add = def?.colname ? moved.get(def.colname) : undefined;
    return add && def ? { ...cmd, def: { ColumnDef: { ...def, constraints: [...(def.constraints ?? []), add] } } as Node } : cmd;
  });
}

function lockText(c: Constraint, table: string): string {
  if (c.contype === 'CONSTR_FOREIGN') {
    const referenced = relationName(c.pktable);
    // A self-reference (a tree's parent key) locks one table.
    return referenced && referenced !== table ? `SHARE ROW EXCLUSIVE locks on ${table} and ${referenced} (writes to both wait)` : `a SHARE ROW EXCLUSIVE lock on ${table} (writes to it wait)`;
  }
  return `an ACCESS EXCLUSIVE lock on ${table} (reads and writes wait)`;
}

function twoStep(table: string, clause: { name: string; sql: string }): string {
  return `${alterTable(table)} ADD ${clause.sql} NOT VALID;\n-- then, in a separate transaction (the next migration):\n${alterTable(table)} VALIDATE CONSTRAINT ${ident(clause.name)};`;
}

export const rule: Rule = {
  id: 'constraint-missing-not-valid',
  risk: 'DANGEROUS',
  title: 'Adding a FOREIGN KEY or CHECK to an existing table without NOT VALID scans it under a blocking lock',
  sizeSensitive: true,
  docs: {
    why:
      'When a FOREIGN KEY or CHECK constraint is added to a table that already has rows, PostgreSQL checks every row before the statement finishes, and holds its lock the whole time. For a CHECK that lock is ACCESS EXCLUSIVE, so nothing can read or write the table; for a FOREIGN KEY it is SHARE ROW EXCLUSIVE on both the table and the table it references, so writes to both wait. The same happens when the constraint is written on a column added to an existing table (ADD COLUMN ... REFERENCES, what ORMs emit for a new foreign key): with a DEFAULT (DEFAULT NULL included) every row is checked; without one nothing is checked, but the referenced table is still locked (CAUTION). A FOREIGN KEY written as a table constraint (ADD CONSTRAINT ... FOREIGN KEY) on a column just added is validated all the same: the column is all NULL, so nothing is looked up, but every row is read under both locks; written on the ADD COLUMN itself it is not validated, and that is the suggestion. A FOREIGN KEY from a table created in this migration is not flagged: that table is empty or unused, and the referenced table is locked only briefly.',
    lock: 'CHECK: ACCESS EXCLUSIVE on the table (blocks reads and writes). FOREIGN KEY: SHARE ROW EXCLUSIVE on the table and the referenced table (blocks writes to both). Held while every row is checked.',
    instead:
      'Add the constraint with NOT VALID (new and updated rows are checked from then on; the lock is brief), then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate transaction. VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock, so reads and writes continue while it scans.',
    bad: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);',
    good: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;',
    equivalents: { squawk: 'constraint-missing-not-valid, adding-foreign-key-constraint', strongMigrations: 'add_check_constraint, add_foreign_key, add_reference', eugene: 'E1', pgfence: 'ADD CONSTRAINT checks' },
  },
  statements: ['AlterTableStmt'],
  // An earlier ADD COLUMN a foreign key of this statement may be moved onto (see nullColumns).
  readsEarlierTree: (s, ops) => stmtTag(s) === 'AlterTableStmt' && ops.some((o) => o.kind === 'ADD_COLUMN_NULLABLE'),
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits: RuleHit[] = [];
    const cmds = alterCmds(statement);
    let nulls: Map<string, NullColumn> | undefined;
    const onNew: Array<{ i: number; con: Constraint }> = [];
    cmds.forEach((cmd, i) => {
      const op = operations[i];
      if (!op?.table || !onExistingTable(op)) return;
      const table = op.table;
      const con = addedConstraint(cmd);
      if (con && SCANNED.has(con.contype ?? '') && !con.skip_validation) {
        if (con.contype === 'CONSTR_FOREIGN') {
          nulls ??= nullColumns(table, cmds, operations, state);
          const columns = stringList(con.fk_attrs);
          if (columns.length > 0 && columns.every((c) => nulls!.has(c))) {
            onNew.push({ i, con });
            return;
          }
        }
        const clause = constraintClause(con, table);
        const kind = con.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK';
        hits.push({
          operation: i,
          message: `${kind}${con.conname ? ` ${con.conname}` : ''} is added to ${table} without NOT VALID: every existing row is checked while holding ${lockText(con, table)}`,
          ...(clause ? { suggestion: twoStep(table, clause) } : {}),
        });
        return;
      }
      const def = addColumnDef(cmd);
      // A REFERENCES on a new column without a default checks nothing: every value is NULL and
      // PostgreSQL skips the validation (measured on PG 15 and 18: no row read). With any DEFAULT,
      // DEFAULT NULL included, it validates: every row is read. A CHECK is evaluated on every row regardless.
      const defaults = columnConstraints(def).filter((c) => c.contype === 'CONSTR_DEFAULT');
      const hasDefault = defaults.length > 0;
      const inline = columnConstraints(def).filter((c) => c.contype === 'CONSTR_CHECK' || (c.contype === 'CONSTR_FOREIGN' && hasDefault));
      const lightFk = columnConstraints(def).find((c) => c.contype === 'CONSTR_FOREIGN' && !hasDefault);
      if (def?.colname && lightFk && inline.length === 0) {
        // Still a foreign-key creation: it locks the referenced table, only no row is checked.
        const clause = constraintClause(lightFk, table, def.colname);
        const bare: ColumnDef = { ...def, constraints: (def.constraints ?? []).filter((n) => (n as { Constraint?: Constraint }).Constraint !== lightFk) };
        const columnSql = sqlOf({ ColumnDef: bare } as Node);
        const referenced = relationName(lightFk.pktable);
        hits.push({
          operation: i,
          risk: 'CAUTION',
          message: `ADD COLUMN ${def.colname} ... REFERENCES ${referenced ?? ''} on the existing table ${table} creates a foreign key: it takes ${lockText(lightFk, table)} (no row is checked, the new column is all NULL, but the locks queue behind running transactions on both tables)`,
          ...(columnSql && clause ? { suggestion: `${alterTable(table)} ADD COLUMN ${columnSql};\n${twoStep(table, clause)}` } : {}),
        });
        return;
      }
      if (!def?.colname || inline.length === 0) return;
      const column = def.colname;
      if (inline.every((c) => c.contype === 'CONSTR_FOREIGN') && defaults.every((c) => isNullConst(c.raw_expr)) && !columnConstraints(def).some((c) => c.contype === 'CONSTR_NOTNULL')) {
        // DEFAULT NULL changes no value, but it turns the validation on.
        const withoutDefault: ColumnDef = { ...def, constraints: (def.constraints ?? []).filter((n) => (n as { Constraint?: Constraint }).Constraint?.contype !== 'CONSTR_DEFAULT') };
        const columnSql = sqlOf({ ColumnDef: withoutDefault } as Node);
        hits.push({
          operation: i,
          message: `ADD COLUMN ${column} DEFAULT NULL with REFERENCES on the existing table ${table}: the column is all NULL, so nothing is looked up in ${inline.map((c) => relationName(c.pktable)).join(' and ')}, but with a DEFAULT clause, even DEFAULT NULL, PostgreSQL validates the foreign key and reads every row of ${table} while holding ${lockText(inline[0]!, table)}; without it the new column's REFERENCES is not validated at all`,
          ...(columnSql ? { suggestion: `${alterTable(table)} ADD COLUMN ${columnSql};  -- a new column is NULL without DEFAULT NULL` } : {}),
        });
        return;
      }
      const bare: ColumnDef = { ...def, constraints: (def.constraints ?? []).filter((n) => !inline.some((c) => (n as { Constraint?: Constraint }).Constraint === c)) };
      const columnSql = sqlOf({ ColumnDef: bare } as Node);
      const clauses = inline.map((c) => constraintClause(c, table, column)).filter((c): c is { name: string; sql: string } => !!c);
      const kinds = [...new Set(inline.map((c) => (c.contype === 'CONSTR_FOREIGN' ? 'REFERENCES' : 'CHECK')))].join(' and ');
      hits.push({
        operation: i,
        message: `ADD COLUMN ${column} with ${kinds} on the existing table ${table}: the constraint is checked against every row while holding ${lockText(inline[0]!, table)}`,
        ...(columnSql && clauses.length === inline.length
          ? { suggestion: [`${alterTable(table)} ADD COLUMN ${columnSql};`, ...clauses.map((c) => twoStep(table, c))].join('\n') }
          : {}),
      });
    });
    if (onNew.length > 0) hits.push(newColumnForeignKeys(statement, cmds, operations[onNew[0]!.i]!.table!, onNew, nulls!));
    return hits;
  },
};

/**
 * Foreign keys written as table constraints on columns that are new and all NULL: PostgreSQL
 * still validates them, reading every row (one sequential scan, nothing looked up in the
 * referenced table: measured on PG 15 and 18). Written on the column's own ADD COLUMN, the
 * same constraint is not validated at all; that is the suggestion, when the ADD COLUMN is in
 * this statement or can move here (nothing between touches the table).
 */
function newColumnForeignKeys(statement: Statement, cmds: readonly AlterTableCmd[], table: string, fks: ReadonlyArray<{ i: number; con: Constraint }>, nulls: ReadonlyMap<string, NullColumn>): RuleHit {
  const names = fks.map(({ con }) => con.conname).filter((n): n is string => !!n);
  const columns = fks.flatMap(({ con }) => stringList(con.fk_attrs));
  const referenced = [...new Set(fks.map(({ con }) => relationName(con.pktable)).filter((r): r is string => !!r && r !== table))];
  const message = `FOREIGN KEY${names.length ? ` ${names.join(', ')}` : ''} on ${columns.length === 1 ? 'the new column' : 'the new columns'} ${columns.join(', ')} of ${table}: ${columns.length === 1 ? 'the column is' : 'they are'} all NULL, so nothing is looked up in ${referenced.join(' and ') || table}, but PostgreSQL still validates ${fks.length === 1 ? 'the constraint' : 'the constraints'} by reading every row of ${table} while holding ${referenced.length > 1 ? `SHARE ROW EXCLUSIVE locks on ${table}, ${referenced.join(' and ')} (writes to all of them wait)` : lockText(fks[0]!.con, table)}. A REFERENCES written on the ADD COLUMN itself is not validated (the column is known to be NULL), so nothing is read`;
  const moved = new Map<string, Node>();
  const earlier = new Set<FileStep>();
  for (const { con } of fks) {
    const column = stringList(con.fk_attrs)[0]!;
    const where = nulls.get(column)!;
    const asColumn = asColumnConstraint(con);
    if (!asColumn || where.touchedBetween) break;
    if (where.step) earlier.add(where.step);
    moved.set(column, asColumn);
  }
  const movedCmds = new Set(fks.map(({ i }) => cmds[i]));
  if (moved.size === fks.length && earlier.size <= 1) {
    const [step] = [...earlier];
    const here = withColumnConstraints(cmds.filter((c) => !movedCmds.has(c)), moved);
    const parts = [step ? alterWith(step.statement, withColumnConstraints(alterCmds(step.statement), moved)) : undefined, alterWith(statement, here)];
    if (parts.every((p, k) => p !== undefined || (k === 0 ? !step : here.length === 0))) {
      return {
        operation: fks[0]!.i,
        message,
        suggestion: parts.filter((p): p is string => !!p).join('\n'),
        ...(step ? { alsoReplaces: [{ statement: step.statement.index, line: step.statement.line }] } : {}),
      };
    }
  }
  const clauses = fks.map(({ con }) => constraintClause(con, table)).filter((c): c is { name: string; sql: string } => !!c);
  return { operation: fks[0]!.i, message, ...(clauses.length === fks.length ? { suggestion: clauses.map((c) => twoStep(table, c)).join('\n') } : {}) };
}

export default rule;
