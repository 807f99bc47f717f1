import type { InsertStmt, SelectStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import type { AnalysisState, FileStep } from '../src/analyze/state.js';
import { blocksWrites } from '../src/core/risk.js';
import { as, functionsCalled } from '../src/analyze/ast.js';
import { describeLock, stmtNode, stmtTag, transactionSummary } from '../src/analyze/rule-helpers.js';
import type { Operation, Statement } from '../src/core/types.js';
import { batchedSql, columnTypeIn } from './_backfill-sql.js';
import { isCatalogTable } from './_catalog.js';
import { blocksExisting } from './_blocking.js';
import { inMigrationTransaction } from './_statement.js';
import { runnerTransaction } from './_tx-advice.js';

const DML_TAGS = new Set(['UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/**
 * A data change that touches many rows: UPDATE/DELETE/MERGE on an existing table, or INSERT ...
 * SELECT. Not one into the system catalog: a few rows of metadata (lemmy's migrations flip
 * pg_index.indisready around a bulk load), which no batching applies to.
 */
function isBackfill(statement: Statement, ops: readonly Operation[]): boolean {
  const tag = stmtTag(statement);
  if (DML_TAGS.has(tag)) return ops.some((o) => !!o.table && !o.targetIsNew && !isCatalogTable(o.table));
  if (tag === 'InsertStmt') {
    if (ops.some((o) => o.table && isCatalogTable(o.table))) return false;
    const select = as<SelectStmt>(stmtNode<InsertStmt>(statement, 'InsertStmt')?.selectStmt, 'SelectStmt');
    return !!select && !select.valuesLists;
  }
  return false;
}

/** Tables a query reads, skipping the system catalogs (cheap, and no user data). */
function readsUserTables(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(readsUserTables);
  if (!node || typeof node !== 'object') return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'RangeVar') {
      const r = value as { schemaname?: string; relname?: string };
      if (r.schemaname !== 'pg_catalog' && r.schemaname !== 'information_schema' && !/^pg_/.test(r.relname ?? '')) return true;
    } else if (readsUserTables(value)) return true;
  }
  return false;
}

/**
 * Text that can call pg_sleep: the name as written (any case, quoted or not), or a U&"..."
 * identifier, whose escapes can spell it. Walking the tree of every query in a transaction for
 * its calls took more time than the rest of this rule.
 */
const MAY_SLEEP = /pg_sleep|u&/i;

/**
 * Work that is not a data change but can take long: a query that reads a table, CREATE TABLE AS,
 * a DO block or procedure call (any amount of work), pg_sleep. Run after an ACCESS EXCLUSIVE lock
 * in the same transaction, it keeps that lock held for as long as it runs.
 */
function longOtherWork(statement: Statement): string | undefined {
  const tag = stmtTag(statement);
  if (tag === 'SelectStmt' || tag === 'CreateTableAsStmt') {
    if (MAY_SLEEP.test(statement.text) && functionsCalled(statement.ast).includes('pg_sleep')) return 'a pg_sleep';
    return readsUserTables(tag === 'SelectStmt' ? (statement.ast as { SelectStmt: SelectStmt }).SelectStmt.fromClause : (statement.ast as { CreateTableAsStmt: { query?: unknown } }).CreateTableAsStmt.query)
      ? (tag === 'SelectStmt' ? 'a query that reads a table' : 'CREATE TABLE ... AS, which reads a table') : undefined;
  }
  // A DO block's static statements are analyzed one by one; only a loop or a sleep in it is
  // work whose length nobody can see from here.
  if (tag === 'DoStmt') return /\b(LOOP|pg_sleep)\b/i.test(statement.text) ? 'a DO block with a loop' : undefined;
  if (tag === 'CallStmt') return 'a procedure call (any amount of work)';
  return undefined;
}

/** DDL operations holding a lock that blocks writes on something that existed before the run. */
/**
 * The earlier statements of this transaction that matter here: those with an operation that can
 * be locking DDL (whether it is depends on the state at the time of asking: an index created
 * since is new), and the first backfill.
 */
const earlierInTransaction = transactionSummary(
  (): { ddl: FileStep[]; firstBackfill?: FileStep } => ({ ddl: [] }),
  (summary, s) => {
    if (!inMigrationTransaction(s.statement)) return;
    if (s.operations.some(mayLockExisting)) summary.ddl.push(s);
    if (!summary.firstBackfill && isBackfill(s.statement, s.operations)) summary.firstBackfill = s;
  },
);

/** True for every operation lockingDdl can return, in any state (see blocksExisting). */
function mayLockExisting(o: Operation): boolean {
  if (o.kind === 'UPDATE_VALUES' || o.kind === 'DELETE_ROWS' || o.kind === 'INSERT_ROWS' || !o.lock || !blocksWrites(o.lock)) return false;
  return o.table ? !o.targetIsNew : !!o.indexName;
}

function lockingDdl(ops: readonly Operation[], state: Readonly<AnalysisState>): Operation[] {
  return ops.filter((o) => o.kind !== 'UPDATE_VALUES' && o.kind !== 'DELETE_ROWS' && o.kind !== 'INSERT_ROWS' && blocksExisting(o, state));
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

export const rule: Rule = {
  id: 'dml-in-ddl-transaction',
  risk: 'DANGEROUS',
  title: 'A backfill in the same transaction as DDL holds the DDL locks for the whole backfill',
  docs: {
    why:
      'Locks are held until the transaction ends. When an ALTER TABLE and an UPDATE of many rows share a transaction, the ALTER\'s lock (ACCESS EXCLUSIVE for most ALTER TABLE forms) stays held for as long as the UPDATE runs, so the table is unreadable and unwritable for the whole backfill, and every row the backfill touched stays locked until the end too. In the other order (backfill, then DDL) the backfill\'s row locks are kept while the DDL waits for its lock, and if the DDL fails the whole backfill is rolled back. A long query, CREATE TABLE AS, DO block or procedure call after an ACCESS EXCLUSIVE lock extends it in the same way. A runner that wraps each migration in a transaction (Flyway, Rails, Django...) does this to every DDL and DML in the same file. A DDL after a backfill is reported once per transaction, at the first one: the later ones hold the same rows the same way.',
    lock: 'The DDL\'s lock on the table (ACCESS EXCLUSIVE blocks reads and writes; SHARE and stronger block writes), held until COMMIT, plus the backfill\'s row locks.',
    instead:
      'Put the backfill in its own migration that runs outside a transaction, in batches that each commit, after the DDL migration has committed (and the NOT NULL or constraint that depends on it in a migration after that).',
    bad: "BEGIN;\nALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new';\nCOMMIT;",
    good: "ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new' WHERE id BETWEEN 1 AND 10000;",
    equivalents: { eugene: 'E4', strongMigrations: 'backfill in the same transaction (add_column + update)' },
  },
  // isBackfill reads an earlier INSERT's query; one it is true for is the only one worth keeping.
  readsEarlierTree: (s, ops) => stmtTag(s) === 'InsertStmt' && isBackfill(s, ops),
  check({ statement, operations, state }) {
    if (!inMigrationTransaction(statement) || !state.tx.active) return [];
    const sameTx = earlierInTransaction(state);
    const wrapper = state.tx.explicit ? 'the same transaction' : runnerTransaction(state);

    if (isBackfill(statement, operations)) {
      const ddl = sameTx.ddl.flatMap((s) => lockingDdl(s.operations, state).map((op) => ({ op, s })));
      if (ddl.length === 0) return [];
      const target = operations.find((o) => o.table)?.table;
      // The lock that matters most is the backfilled table's own: readers and writers of the
      // rows being changed wait for the whole backfill. Another table's lock is named only when
      // the backfilled one holds none.
      const onTarget = ddl.filter((d) => d.op.table === target);
      const pool = onTarget.length > 0 ? onTarget : ddl;
      const strongest = pool.find((d) => d.op.lock === 'AccessExclusiveLock') ?? pool[0]!;
      return [{
        risk: strongest.op.lock === 'AccessExclusiveLock' ? 'DANGEROUS' : 'CAUTION',
        message: `this backfill runs in ${wrapper} as \`${firstLine(strongest.s.statement.text)}\` (line ${strongest.s.statement.line}), whose ${describeLock(strongest.op.lock, strongest.op.table)} is held until COMMIT, so for the whole backfill`,
        suggestion: stmtTag(statement) === 'InsertStmt'
          ? `move this INSERT ... SELECT to its own migration that runs outside a transaction, copying the source rows in key ranges (WHERE id > :last AND id <= :last + 10000), one COMMIT per batch`
          : batchedSql(statement, target, columnTypeIn(state.facts, target)),
      }];
    }

    const other = longOtherWork(statement);
    if (other) {
      const held = sameTx.ddl.flatMap((s) => lockingDdl(s.operations, state).filter((op) => op.lock === 'AccessExclusiveLock' && op.kind !== 'DROP_TABLE' && op.kind !== 'DROP_VIEW').map((op) => ({ op, s })))[0];
      if (!held) return [];
      return [{
        risk: 'CAUTION',
        message: `${other} runs in ${wrapper} as \`${firstLine(held.s.statement.text)}\` (line ${held.s.statement.line}), whose ${describeLock(held.op.lock, held.op.table)} is held until COMMIT, so for as long as this runs`,
        suggestion: 'commit the DDL first (end the transaction right after it), or run this work before the statement that takes the lock',
      }];
    }

    const locking = lockingDdl(operations, state);
    if (locking.length === 0) return [];
    const backfill = sameTx.firstBackfill;
    if (!backfill) return [];
    // Once per transaction, at its first locking DDL after the backfill: every later one holds
    // the same rows the same way, and the fix (commit the backfill first) is one decision. A
    // file of 300 ALTERs after one UPDATE (DSpace's Hibernate migration) gave 300 findings.
    if (sameTx.ddl.some((s) => s.statement.index > backfill.statement.index && lockingDdl(s.operations, state).length > 0)) return [];
    const op = locking[0]!;
    return [{
      risk: 'CAUTION',
      operation: operations.indexOf(op),
      message: `this DDL, and any after it in ${state.tx.explicit ? 'this transaction' : 'the file'}, runs in ${wrapper} as the backfill at line ${backfill.statement.line}: the backfilled rows stay locked while it waits for its ${describeLock(op.lock, op.table)}, and if it fails the whole backfill is rolled back`,
      suggestion: 'commit the backfill first: move this statement to the next migration, which runs after the backfill has committed',
    }];
  },
};

export default rule;
