// Readers rules share: the statement's node, the ALTER TABLE sub-commands aligned with the
// operations the classifier made of them, and the wording of tables and locks in messages.
import type { AlterTableCmd, AlterTableStmt, Node } from '@pgsql/types';
import { QuoteUtils } from '@pgsql/quotes';
import { deparseSync } from '../parse/deparse.js';
import type { LockMode, Operation, Statement } from '../core/types.js';
import { lockModeSql } from '../core/risk.js';
import { as, nodeTag } from './ast.js';
import { FileSteps, type AnalysisState, type FileStep } from './state.js';

/** The statement's node when it has this tag: `stmtNode<IndexStmt>(s, 'IndexStmt')`. */
export function stmtNode<T>(statement: Statement, tag: string): T | undefined {
  return as<T>(statement.ast, tag);
}

export function stmtTag(statement: Statement): string {
  return nodeTag(statement.ast)?.[0] ?? '';
}

/** ALTER TABLE sub-commands; `cmds[i]` is the command behind `operations[i]`. */
export function alterCmds(statement: Statement): AlterTableCmd[] {
  const alter = stmtNode<AlterTableStmt>(statement, 'AlterTableStmt');
  return (alter?.cmds ?? []).map((c: Node) => as<AlterTableCmd>(c, 'AlterTableCmd')).filter((c): c is AlterTableCmd => !!c);
}

/** True when the operation touches a table that already existed before this run. */
export function onExistingTable(op: Operation): boolean {
  return !!op.table && !op.targetIsNew;
}

/** True when the statement runs inside a transaction block (explicit BEGIN or runner-wrapped). */
export function inTransaction(state: Readonly<AnalysisState>): boolean {
  return state.tx.active;
}

/** `ACCESS EXCLUSIVE lock on public.orders (blocks reads and writes)`. */
export function describeLock(mode: LockMode | undefined, table?: string): string {
  if (!mode) return 'no table lock';
  const what =
    mode === 'AccessExclusiveLock' ? 'blocks reads and writes'
    : mode === 'ExclusiveLock' || mode === 'ShareRowExclusiveLock' || mode === 'ShareLock' ? 'blocks writes'
    : mode === 'ShareUpdateExclusiveLock' ? 'blocks other schema changes and VACUUM, not reads or writes'
    : 'does not block reads or writes';
  return `${lockModeSql(mode)} lock${table ? ` on ${table}` : ''} (${what})`;
}

/** SQL text of a node on one line, or undefined when the deparser cannot print it. */
export function sqlOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  // Printed once per shape: a generated file repeats `status varchar(20) DEFAULT 'new'` 10^4
  // times at other places, and printing each took a tenth of its analysis. The deparser reads
  // no numeric `location` (only CREATE TABLESPACE's, a string), so the key leaves those out.
  const key = shapeKey(node);
  const known = printed.get(key);
  if (known !== undefined || printed.has(key)) return known;
  let sql: string | undefined;
  try {
    sql = deparseSync(node, { pretty: false }).trim();
  } catch {
    sql = undefined;
  }
  if (key.length <= PRINTED_KEY_MAX) {
    if (printed.size >= PRINTED_MAX) printed.clear();
    printed.set(key, sql);
  }
  return sql;
}

/** sqlOf's memory: at most PRINTED_MAX nodes of at most PRINTED_KEY_MAX characters of JSON (a few MB). */
const printed = new Map<string, string | undefined>();
const PRINTED_MAX = 2048;
const PRINTED_KEY_MAX = 2048;

/**
 * The node's JSON without its numeric `location`s. Cut from the plain JSON text, not left out by
 * a replacer function: V8 stringifies without a replacer on a fast path, and the key cost a
 * replacer call per property (this was most of sqlOf's time on a large file). The pattern
 * cannot match inside a string value, where every `"` is escaped; a string `location` stays.
 */
function shapeKey(node: Node): string {
  return JSON.stringify(node).replace(LOCATION, '');
}

const LOCATION = /"location":-?\d+/g;

/**
 * Quotes an identifier only when Postgres needs it, as its quote_ident does: also a reserved
 * word (`order`, `user`, `group`), which unquoted is a syntax error or, worse, means something
 * else (`user IS NOT NULL` tests CURRENT_USER, not the column).
 */
export function ident(name: string): string {
  return name === '' ? '""' : QuoteUtils.quoteIdentifier(name);
}

/** `public.orders` -> `orders`, other schemas kept: the way a user writes it in a migration. */
export function tableRef(qualified: string | undefined): string {
  if (!qualified) return '<table>';
  const [schema, ...rest] = qualified.split('.');
  const name = rest.join('.');
  return schema === 'public' ? ident(name) : `${ident(schema ?? '')}.${ident(name)}`;
}

/**
 * `state.earlierInFile.some(test)` for a test that reads the state, so that its answer for a
 * step may change as the run goes on. Each such look-back keeps the step that passed last time
 * and tests it first: while it still passes, the answer is true at once. Otherwise every step is
 * tested, as before. A rule that asks at every statement whether an earlier one already needed
 * what it needs walked the file from its start each time: quadratic once the first step that
 * passes comes late (10^5 INSERTs, then 10^4 ALTERs of existing tables).
 */
export function earlierStepPasses(test: (step: FileStep, state: Readonly<AnalysisState>) => boolean): (state: Readonly<AnalysisState>) => boolean {
  const passed = new WeakMap<FileSteps, number>();
  return (state) => {
    const steps = state.earlierInFile;
    if (!steps) return false;
    const last = passed.get(steps);
    if (last !== undefined && last < steps.length && test(steps.at(last)!, state)) return true;
    for (let i = 0; i < steps.length; i++) {
      if (test(steps.at(i)!, state)) {
        passed.set(steps, i);
        return true;
      }
    }
    return false;
  };
}

/**
 * A rule's running summary of the earlier steps of the current transaction block: `add` sees
 * each such step once, in file order, so a rule that looks back over the transaction at every
 * statement costs each step once, not once per later statement (filtering earlierInFile at
 * every statement made a file its runner wraps in one transaction quadratic: 1 MB took 27 s).
 * `add` may only read the step itself, which never changes once recorded.
 */
export function transactionSummary<T>(start: () => T, add: (summary: T, step: FileStep) => void): (state: Readonly<AnalysisState>) => T {
  const memo = new WeakMap<FileSteps, { txId: number; seen: number; summary: T }>();
  const none = new FileSteps();
  return (state) => {
    const steps = state.earlierInFile ?? none;
    let m = memo.get(steps);
    if (!m || m.txId !== state.tx.id || m.seen > steps.length) {
      // Transaction ids only grow and steps are recorded in order, so the steps of the current
      // transaction are the last ones: walk back to its first.
      let first = steps.length;
      while (first > 0 && steps.txIdAt(first - 1) === state.tx.id) first--;
      m = { txId: state.tx.id, seen: first, summary: start() };
      memo.set(steps, m);
    }
    for (; m.seen < steps.length; m.seen++) {
      const step = steps.at(m.seen)!;
      if (step.inTransaction && step.txId === state.tx.id) add(m.summary, step);
    }
    return m.summary;
  };
}
