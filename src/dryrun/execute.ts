// Runs one migration file statement by statement with its runner's transaction semantics,
// recording per statement: duration, the locks it took (pg_locks of our own backend, read
// inside the same transaction), how long each was held (until commit), the relations it
// rewrote (relfilenode changed) and the error, mapped to file:line:col.
import type { DryRunError, LockMode, LockObservation, ParsedSource, Statement, StatementTrace, TransactionMode } from '../core/types.js';
import { fileTransaction, sentAsOneQuery, txControl } from '../core/transaction.js';
import { LOCK_MODES } from '../core/types.js';
import { lockRank } from '../core/risk.js';
import { errorAt } from './positions.js';
import { DbError, ObservationError, SQLSTATE_CANCELED, SQLSTATE_PRIVILEGE, toDbError, type Sandbox } from './sandbox.js';
import { cannotRunInTransaction, refusal, refusedInSandbox, topLevel } from './statements.js';

/** A relation that existed before the migration, by oid. */
export interface PreRelation {
  name: string;
  kind: string;
  relfilenode: string;
}

export interface Limits {
  statementTimeoutMs: number;
  /** Date.now() value after which nothing more may run. */
  deadline: number;
}

export interface ExecuteInput {
  sandbox: Sandbox;
  parsed: ParsedSource;
  /** The text the statements' offsets point into (the SqlSource text). */
  sourceText: string;
  transaction: TransactionMode;
  pre: ReadonlyMap<number, PreRelation>;
  limits: Limits;
}

export interface ExecuteOutput {
  traces: StatementTrace[];
  error?: DryRunError;
  /** Set when a statement was refused before it ran (its error is in `error`). */
  refused?: string;
  timedOut?: boolean;
  /** One of our own queries failed while tracing: what the migration did is not known. */
  unobserved?: string;
}

export async function relationsNow(sandbox: Sandbox): Promise<Map<number, PreRelation>> {
  const rows = await sandbox.query<{ oid: number | string; name: string; kind: string; fn: string }>(
    `select c.oid::int8 as oid, n.nspname || '.' || c.relname as name, c.relkind::text as kind, c.relfilenode::text as fn
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.oid >= 16384 and c.relkind in ('r','p','i','I','m','S','t') and n.nspname not like 'pg_temp_%'`,
  );
  return new Map(rows.map((r) => [Number(r.oid), { name: r.name, kind: r.kind, relfilenode: r.fn }]));
}

/**
 * The pre-existing relations whose relfilenode is no longer the one given: `$1` their oids,
 * `$2` the relfilenodes last seen, in the same order. The arrays are literals (pinnedScript),
 * so Postgres reads each once when it plans the query; `$1::text::oid[]` went through text's
 * and oid[]'s I/O functions (array_in is only stable, so never folded) for every row of
 * pg_class: ~100 ms of PGlite CPU per statement on langfuse's 430 relations. And only the
 * rewritten ones come back, not every pre-existing relation's number after each statement.
 */
const CHANGED_FILENODES = `select p.oid::int8 as oid, c.relfilenode::text as fn
  from rows from (pg_catalog.unnest($1::oid[]), pg_catalog.unnest($2::oid[])) as p(oid, fn) join pg_class c on c.oid = p.oid
 where c.relfilenode <> p.fn`;

/** Our lock and rewrite probe: one round trip after each statement, inside its transaction. */
const PROBE = `
select 'l' as k, l.relation::int8 as oid, l.mode as v, n.nspname || '.' || c.relname as name, c.relkind::text as rk
  from pg_locks l left join pg_class c on c.oid = l.relation left join pg_namespace n on n.oid = c.relnamespace
 where l.pid = pg_backend_pid() and l.locktype = 'relation' and l.granted and l.relation >= 16384
   and l.database = (select oid from pg_database where datname = current_database())
union all
select 'f', oid, fn, null, null from (${CHANGED_FILENODES}) f`;

export function relationKind(relkind: string | undefined): NonNullable<LockObservation['kind']> {
  switch (relkind) {
    case 'r': case 'p': return 'table';
    case 'i': case 'I': return 'index';
    case 'S': return 'sequence';
    case 'm': return 'materialized view';
    case 't': return 'toast';
    default: return 'other';
  }
}

function noteRewrite(trace: StatementTrace, rel: PreRelation): void {
  trace.rewrites.push(rel.name);
  const kind = relationKind(rel.kind);
  if (kind === 'table' || kind === 'materialized view') (trace.rewrittenTables ??= []).push(rel.name);
}

const isLockMode = (m: string): m is LockMode => (LOCK_MODES as readonly string[]).includes(m);

class Tracer {
  readonly traces: StatementTrace[] = [];
  /** Strongest mode held per oid in the current transaction. */
  private held = new Map<number, LockMode>();
  /** Traces of the current transaction with their durations, for the held-until-commit times. */
  private txTraces: StatementTrace[] = [];
  private readonly filenodes: Map<number, string>;
  /** CHANGED_FILENODES' two arrays for `filenodes`; null after a rewrite changed one. */
  private seen: [string, string] | null = null;

  constructor(private readonly input: ExecuteInput) {
    this.filenodes = new Map([...input.pre].map(([oid, r]) => [oid, r.relfilenode]));
  }

  private filenodeParams(): [string, string] {
    this.seen ??= [`{${[...this.filenodes.keys()].join(',')}}`, `{${[...this.filenodes.values()].join(',')}}`];
    return this.seen;
  }

  /** A rewrite of the pre-existing relation `oid` seen: it now has relfilenode `fn`. */
  private rewritten(trace: StatementTrace, oid: number, fn: string): void {
    const before = this.filenodes.get(oid);
    if (before === undefined || before === fn) return;
    noteRewrite(trace, this.input.pre.get(oid)!);
    this.filenodes.set(oid, fn);
    this.seen = null;
  }

  private timeLimit(): number {
    const left = this.input.limits.deadline - Date.now();
    if (left <= 0) throw new DbError({ sqlstate: SQLSTATE_CANCELED, message: 'the dry-run total time limit was reached' });
    return Math.min(this.input.limits.statementTimeoutMs, left);
  }

  newTrace(stmt: Statement): StatementTrace {
    const t: StatementTrace = { statement: stmt.index, path: stmt.path, line: stmt.line, column: stmt.column, durationMs: 0, locks: [], rewrites: [] };
    this.traces.push(t);
    return t;
  }

  /** Runs our own statement (BEGIN/COMMIT), returns its duration. */
  async control(sql: string): Promise<number> {
    const t0 = performance.now();
    await this.input.sandbox.exec(sql, this.timeLimit());
    return performance.now() - t0;
  }

  async run(stmt: Statement, trace: StatementTrace): Promise<void> {
    const t0 = performance.now();
    try {
      await this.input.sandbox.exec(stmt.text, this.timeLimit());
    } finally {
      trace.durationMs = round(performance.now() - t0);
    }
  }

  /** Reads locks and relfilenodes after `trace`'s statement ran inside the open transaction. */
  async probe(trace: StatementTrace): Promise<void> {
    const rows = await this.input.sandbox.query<{ k: string; oid: number | string; v: string; name: string | null; rk: string | null }>(PROBE, this.filenodeParams());
    const strongest = new Map<number, { mode: LockMode; name: string | null; rk: string | null }>();
    for (const r of rows) {
      const oid = Number(r.oid);
      if (r.k === 'f') {
        this.rewritten(trace, oid, r.v);
        continue;
      }
      if (!isLockMode(r.v)) continue;
      const cur = strongest.get(oid);
      if (!cur || lockRank(r.v) > lockRank(cur.mode)) strongest.set(oid, { mode: r.v, name: r.name, rk: r.rk });
    }
    for (const [oid, { mode, name, rk }] of strongest) {
      const had = this.held.get(oid);
      if (had && lockRank(had) >= lockRank(mode)) continue;
      this.held.set(oid, mode);
      const pre = this.input.pre.get(oid);
      const relation = pre?.name ?? name;
      if (!relation) continue;
      trace.locks.push({ relation, mode, heldMs: 0, preExisting: pre !== undefined, kind: relationKind(pre?.kind ?? rk ?? undefined), heldAcross: 0 });
    }
    this.txTraces.push(trace);
  }

  /** The transaction ended (commit or rollback after `endMs`): each lock was held from its statement until now. */
  endTransaction(endMs: number): void {
    let tail = endMs;
    for (let i = this.txTraces.length - 1; i >= 0; i--) {
      const t = this.txTraces[i]!;
      tail += t.durationMs;
      for (const l of t.locks) {
        l.heldMs = round(tail);
        l.heldAcross = this.txTraces.length - 1 - i;
      }
    }
    this.txTraces = [];
    this.held.clear();
  }

  /** Locks seen from the second connection while a no-transaction statement ran. */
  addWatched(trace: StatementTrace, locks: ReadonlyArray<{ oid: number; mode: LockMode }>): void {
    const strongest = new Map<number, LockMode>();
    for (const l of locks) {
      const cur = strongest.get(l.oid);
      if (!cur || lockRank(l.mode) > lockRank(cur)) strongest.set(l.oid, l.mode);
    }
    for (const [oid, mode] of strongest) {
      const pre = this.input.pre.get(oid);
      if (pre) trace.locks.push({ relation: pre.name, mode, heldMs: trace.durationMs, preExisting: true, kind: relationKind(pre.kind), heldAcross: 0 });
    }
  }

  /** Relfilenodes after a statement that ran outside any transaction of ours. */
  async rewritesAfter(trace: StatementTrace): Promise<void> {
    const rows = await this.input.sandbox.query<{ oid: number | string; fn: string }>(CHANGED_FILENODES, this.filenodeParams());
    for (const r of rows) this.rewritten(trace, Number(r.oid), r.fn);
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export async function executeTraced(input: ExecuteInput): Promise<ExecuteOutput> {
  const { sandbox, parsed, sourceText } = input;
  const tracer = new Tracer(input);
  const statements = topLevel(parsed.statements);
  // The transaction the analysis resolves for this file (check/analyze-set.ts): the runner's
  // own around the whole file (`wrapped`), and whether the file goes to Postgres as one query
  // string of several statements, which runs every statement outside the file's own BEGIN ...
  // COMMIT in an implicit block (core/transaction.ts). An implicit block is played as a block
  // of ours: what Postgres refuses in one (CONCURRENTLY, VACUUM, a DO block that commits) it
  // refuses here, and a lock is held until the block ends, as in production.
  const runner = fileTransaction(input.transaction, parsed.statements);
  const oneQuery = sentAsOneQuery(input.transaction, parsed.statements);
  let inTx = false;
  // One query string: after each COMMIT, the next statement opens another implicit block.
  let reopen = false;
  let current: Statement | undefined;

  // Refuse before anything runs: a refused statement must not be half-applied either.
  for (const { stmt, nested } of statements) {
    const why = refusal(stmt, nested);
    if (why) {
      return {
        traces: [],
        refused: why,
        error: { sqlstate: SQLSTATE_PRIVILEGE, message: `refused: ${why}`, path: stmt.path, line: stmt.line, column: stmt.column },
      };
    }
  }

  try {
    if ((runner === 'wrapped' || oneQuery) && statements.length > 0) {
      await tracer.control('BEGIN');
      inTx = true;
    }
    for (const { stmt } of statements) {
      current = stmt;
      if (reopen && !inTx) {
        await tracer.control('BEGIN');
        inTx = true;
      }
      reopen = false;
      const trace = tracer.newTrace(stmt);
      const ctl = txControl(stmt);
      if (ctl === 'begin') {
        // Inside an open block (the runner's, or an implicit one) the file's BEGIN takes it over:
        // Postgres goes on with the same transaction, as it does here.
        await tracer.run(stmt, trace);
        inTx = true;
      } else if (ctl === 'commit' || ctl === 'rollback') {
        await tracer.run(stmt, trace);
        if (inTx) tracer.endTransaction(trace.durationMs);
        inTx = false;
        reopen = oneQuery;
      } else if (ctl !== null) {
        await tracer.run(stmt, trace);
      } else if (inTx) {
        await tracer.run(stmt, trace);
        await tracer.probe(trace);
      } else if (await refusedInSandbox(sandbox, stmt)) {
        if (sandbox.execWatched) {
          const t0 = performance.now();
          try {
            const locks = await sandbox.execWatched(stmt.text, Math.min(input.limits.statementTimeoutMs, input.limits.deadline - Date.now()));
            trace.durationMs = round(performance.now() - t0);
            tracer.addWatched(trace, locks);
          } finally {
            trace.durationMs = round(performance.now() - t0);
          }
        } else {
          await tracer.run(stmt, trace);
        }
        await tracer.rewritesAfter(trace);
      } else {
        // Autocommit: its own transaction, so its locks can be read before they are released.
        await tracer.control('BEGIN');
        inTx = true;
        await tracer.run(stmt, trace);
        await tracer.probe(trace);
        const commitMs = await tracer.control('COMMIT');
        inTx = false;
        tracer.endTransaction(commitMs);
      }
    }
    current = undefined;
    if (inTx) {
      // The runner's COMMIT, or the file's missing one (the analyzer reports that).
      const commitMs = await tracer.control('COMMIT');
      inTx = false;
      tracer.endTransaction(commitMs);
    }
    return { traces: tracer.traces };
  } catch (e) {
    if (inTx && sandbox.alive) await sandbox.exec('ROLLBACK', 10_000).catch(() => undefined);
    if (e instanceof ObservationError) {
      const at = current ? ` after the statement at ${current.path}:${current.line}:${current.column}` : '';
      return { traces: tracer.traces, unobserved: `${e.message}${at}` };
    }
    const err = toDbError(e);
    const at = current ?? statements[statements.length - 1]?.stmt;
    const error: DryRunError = at
      ? errorAt(err, at, sourceText)
      : { sqlstate: err.sqlstate, message: err.message, path: parsed.path, line: 1, column: 1 };
    const last = tracer.traces[tracer.traces.length - 1];
    if (last && current && last.statement === current.index) last.error = error;
    return { traces: tracer.traces, error, ...(err.sqlstate === SQLSTATE_CANCELED ? { timedOut: true } : {}) };
  }
}

/**
 * Applies a file without tracing (the base history, a re-apply): the whole file in one
 * round trip when it can run as one transaction, statement by statement otherwise or to
 * find the statement that failed. `oneAtATime`: never as one round trip (SQL we tell a user
 * to run one statement at a time is run that way).
 */
export async function applyUntraced(sandbox: Sandbox, parsed: ParsedSource, sourceText: string, transaction: TransactionMode, limits: Limits, oneAtATime = false): Promise<DryRunError | null> {
  const statements = topLevel(parsed.statements);
  for (const { stmt, nested } of statements) {
    const why = refusal(stmt, nested);
    if (why) return { sqlstate: SQLSTATE_PRIVILEGE, message: `refused: ${why}`, path: stmt.path, line: stmt.line, column: stmt.column };
  }
  if (statements.length === 0) return null;
  const left = () => {
    const ms = limits.deadline - Date.now();
    if (ms <= 0) throw new DbError({ sqlstate: SQLSTATE_CANCELED, message: 'the dry-run total time limit was reached' });
    return ms;
  };
  const batchable = !oneAtATime && !statements.some(({ stmt }) => txControl(stmt) !== null || cannotRunInTransaction(stmt, sandbox.serverVersion));
  if (batchable) {
    try {
      // A multi-statement simple query is one implicit transaction: all or nothing.
      await sandbox.exec(statements.map(({ stmt }) => stmt.text).join(';\n'), left());
      return null;
    } catch (e) {
      if (!sandbox.alive || toDbError(e).sqlstate === SQLSTATE_CANCELED) {
        const err = toDbError(e);
        return { sqlstate: err.sqlstate, message: err.message, path: parsed.path, line: statements[0]!.stmt.line, column: statements[0]!.stmt.column };
      }
      // Fall through: run statement by statement to find (or, for autocommit runners, not hit) the failure.
    }
  }
  let inTx = false;
  // Only a batch that failed gets here batchable: run it as the runner would, to find the statement.
  if (batchable && fileTransaction(transaction, parsed.statements) === 'wrapped') {
    await sandbox.exec('BEGIN', 10_000);
    inTx = true;
  }
  for (const { stmt } of statements) {
    try {
      await sandbox.exec(stmt.text, Math.min(limits.statementTimeoutMs, left()));
      const ctl = txControl(stmt);
      if (ctl === 'begin') inTx = true;
      if (ctl === 'commit' || ctl === 'rollback') inTx = false;
    } catch (e) {
      if (inTx && sandbox.alive) await sandbox.exec('ROLLBACK', 10_000).catch(() => undefined);
      return errorAt(toDbError(e), stmt, sourceText);
    }
  }
  if (inTx) await sandbox.exec('COMMIT', 10_000);
  return null;
}
