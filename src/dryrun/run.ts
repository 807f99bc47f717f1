// The dry-run: apply the base history (from the snapshot cache when it has it), optionally
// seed rows (once after the base, or before each migration: `seedBefore`), then each
// migration under review, traced; its rollback, compared with the
// schema before it; and the migration again. Engine trouble and broken base histories
// become statuses with reasons, never exceptions.
import type { DryRunError, DryRunResult, Migration, ParsedSource, Statement } from '../core/types.js';
import { txControl } from '../core/transaction.js';
import { errorAt } from './positions.js';
import { cannotRunInTransaction, refusal, refusedInSandbox, topLevel } from './statements.js';
import { hashKey, imageCache, resolveCacheDir } from './cache.js';
import { applyUntraced, executeTraced, relationsNow, type Limits } from './execute.js';
import { LocalProvider } from './engines/local.js';
import { PgliteProvider, pgliteExtensionsFor, pgliteVersion } from './engines/pglite.js';
import { nodeTag } from '../analyze/ast.js';
import { UrlProvider } from './engines/url.js';
import { ObservationError, SQLSTATE_CANCELED, toDbError, type EngineName, type Sandbox, type SandboxProvider } from './sandbox.js';
import { createRunnerTables } from './runner-tables.js';
import { Seeder, type SeedOutcome } from './seed.js';
import { diffSnapshots, enumValuesKept, takeSnapshot, type Queryable, type Snapshot } from './snapshot.js';

export interface DryRunMigration {
  migration: Migration;
  up: ParsedSource;
  down: ParsedSource | null;
}

export interface DryRunProgress {
  stage: 'dry-run';
  done: number;
  total: number;
  label?: string;
}

export interface DryRunOptions {
  engine: EngineName;
  /** Admin URL of the server for the `url` engine (a role that may create roles and databases). */
  databaseUrl?: string;
  statementTimeoutMs: number;
  totalTimeoutMs: number;
  /** Synthetic rows per pre-existing table; 0 = none. */
  seedRows: number;
  /**
   * Which tables get seeded rows. `base`: those the base history made (a change's migrations
   * deploy together, so a table one of them creates is empty when the next runs). `each`: the
   * tables that exist before each reviewed migration, including those earlier reviewed ones
   * created (a whole-history review replays a history that ran on live data). Default `base`.
   */
  seedBefore?: 'base' | 'each';
  /** Process RSS (MB) above which a PGlite request is stopped; default 2048. */
  memoryLimitMb?: number;
  /** Where snapshots are kept; null = no disk cache; default node_modules/.cache/migration-guard or $XDG_CACHE_HOME/migration-guard. */
  cacheDir?: string | null;
  /** Directory of initdb/postgres for the `local` engine. */
  pgBinDir?: string;
  /** The target Postgres major version: the `local` engine prefers its binaries. */
  targetMajor?: number;
  onProgress?: (e: DryRunProgress) => void;
  /** The engine to open sandboxes with, when the caller keeps one for later work (it disposes it). */
  provider?: SandboxProvider;
  /** Reads of the database while it is what the migrations as written make of the base: see DryRunObserver. */
  observe?: DryRunObserver;
}

/**
 * Read-only looks at the dry-run's database while it holds exactly the base plus the reviewed
 * migrations applied so far as written, with no seeded rows: every one passed, and its
 * rollback, when it has one, restored the schema exactly and the migration applied again. A
 * later verifier would otherwise build that same database again to read it. A hook that
 * throws only loses its own reading.
 */
export interface DryRunObserver {
  /** Before the migration `m` runs. */
  before?(db: Queryable, m: DryRunMigration): Promise<void>;
  /** After the last reviewed migration; `base`: the history the database was built from (DryRunInput). */
  after?(db: Queryable, base: readonly DryRunMigration[]): Promise<void>;
}

export interface DryRunInput {
  base: DryRunMigration[];
  review: DryRunMigration[];
  /**
   * The base built another way, tried when `base` fails: each migration set that keeps its whole
   * schema beside its versioned migrations (memos' LATEST.sql, as the base branch has it) starts
   * from that file instead of its history, whose first migration may assume a schema no file
   * builds.
   */
  snapshotBase?: DryRunMigration[];
}

export interface BaseOutcome {
  status: 'ok' | 'failed';
  error?: DryRunError;
  applied: number;
  skipped?: string[];
  /** The base was built from `snapshotBase` because the history failed with `historyError`. */
  fromSnapshot?: { historyError: DryRunError };
  /**
   * By migration id, for the reviewed migrations replayed as history (`historyFollows`) that
   * have a rollback: that rollback's round trip, run in their place (rollbackInPlace).
   */
  historyRollbacks?: Record<string, DryRunResult>;
}

export interface DryRunOutput {
  base: BaseOutcome;
  /** The history the reviewed migrations ran after: `base`, or `snapshotBase` when that was used. */
  baseUsed: DryRunMigration[];
  results: Map<string, DryRunResult>;
}

export function makeProvider(opts: Pick<DryRunOptions, 'engine' | 'databaseUrl' | 'cacheDir' | 'pgBinDir' | 'memoryLimitMb' | 'targetMajor'>): SandboxProvider {
  switch (opts.engine) {
    case 'pglite':
      return new PgliteProvider(imageCache(resolveCacheDir(opts.cacheDir)), opts.memoryLimitMb);
    case 'url':
      if (!opts.databaseUrl) throw new Error('the url dry-run engine needs a database URL (dryRun.databaseUrl)');
      return new UrlProvider(opts.databaseUrl);
    case 'local':
      return new LocalProvider({ ...(opts.pgBinDir ? { binDir: opts.pgBinDir } : {}), ...(opts.targetMajor !== undefined ? { targetMajor: opts.targetMajor } : {}) });
  }
}

/** Key of the database after `base`: engine build plus every base file's path and text. */
export function baseKey(base: readonly DryRunMigration[], extensions: readonly string[] = []): string {
  // Only the extensions PGlite actually loads change the image: the names a pull request's
  // migration writes are its author's to choose, and each new one would cost a new image.
  const loaded = pgliteExtensionsFor(extensions).map(([name]) => name);
  return hashKey([
    'pglite', pgliteVersion(), loaded.sort().join(','),
    ...base.flatMap((m) => [
      m.migration.id, m.migration.transaction, m.migration.up.path, m.migration.up.text,
      // Its rollback's round trip is part of the outcome kept with the image (applyBase).
      ...(m.migration.historyFollows && m.migration.down ? ['down', m.migration.down.path, m.migration.down.text] : []),
    ]),
  ]);
}

/** Extension names the migrations create (base and review alike: the image must load them all). */
export function extensionsCreated(migrations: readonly DryRunMigration[]): string[] {
  const names = new Set<string>();
  for (const m of migrations) {
    for (const p of [m.up, m.down]) {
      for (const s of p?.statements ?? []) {
        const t = nodeTag(s.ast);
        if (t && t[0] === 'CreateExtensionStmt' && typeof t[1].extname === 'string') names.add(t[1].extname);
      }
    }
  }
  return [...names].sort();
}

function parseFailure(m: DryRunMigration, p: ParsedSource): DryRunError | null {
  const e = p.errors[0];
  return e ? { sqlstate: '42601', message: `does not parse: ${e.message}`, path: e.path, line: e.line, column: e.column } : null;
}

function where(e: DryRunError): string {
  return `${e.path}:${e.line}:${e.column}`;
}

/**
 * Applies the base history. With `roundTrips`, a reviewed migration replayed as history
 * (`historyFollows`: unchanged migrations come after it) that has a rollback gets that rollback
 * run in its place (rollbackInPlace): the change changed it, and it is no migration's to run
 * otherwise.
 */
export async function applyBase(sandbox: Sandbox, base: readonly DryRunMigration[], limits: Limits, tick: (label: string) => void, roundTrips = false): Promise<BaseOutcome> {
  let applied = 0;
  let historyRollbacks: Record<string, DryRunResult> | undefined;
  const outcome = (o: BaseOutcome): BaseOutcome => (historyRollbacks ? { ...o, historyRollbacks } : o);
  for (const m of base) {
    const parseError = parseFailure(m, m.up);
    if (parseError) return outcome({ status: 'failed', error: parseError, applied });
    const trip = roundTrips && m.migration.historyFollows === true && m.down !== null && m.migration.down !== null;
    // The rollback undoes the changesets the change added: the base branch's ones stand before it.
    const { kept, own } = trip ? splitBaseChangesets(m) : { kept: null, own: m };
    let before: Snapshot | null = null;
    let error: DryRunError | null = null;
    try {
      if (kept) error = await applyUntraced(sandbox, kept, m.migration.up.text, m.migration.transaction, limits);
      before = trip && !error ? await takeSnapshot(sandbox).catch(() => null) : null;
      error ??= await applyUntraced(sandbox, own.up, m.migration.up.text, m.migration.transaction, limits);
    } catch (e) {
      const err = toDbError(e);
      error = { sqlstate: err.sqlstate, message: err.message, path: m.migration.up.path, line: 1, column: 1 };
    }
    if (error) return outcome({ status: 'failed', error, applied });
    if (trip) {
      (historyRollbacks ??= {})[m.migration.id] = await rollbackInPlace(sandbox, own, before, limits);
      if (!sandbox.alive) {
        return outcome({ status: 'failed', applied, error: { sqlstate: SQLSTATE_CANCELED, message: 'the dry-run engine was stopped while it ran the rollback', path: m.migration.down!.path, line: 1, column: 1 } });
      }
    }
    applied += 1;
    tick(m.migration.id);
  }
  return outcome({ status: 'ok', applied });
}

/**
 * The rollback of `m`, just applied as history, run and compared with the schema before `m`,
 * and `m` applied again, all in one transaction that is then rolled back: the history goes on
 * from the database as it was. The file's own BEGIN and COMMIT are part of that transaction; a
 * rollback Postgres would not run in one (CONCURRENTLY, its own ROLLBACK) is not run, and says so.
 */
async function rollbackInPlace(sandbox: Sandbox, m: DryRunMigration, before: Snapshot | null, limits: Limits): Promise<DryRunResult> {
  const t0 = Date.now();
  const common = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, statements: [] as DryRunResult['statements'] };
  const down = m.down!;
  const downPath = m.migration.down!.path;
  const notRun = (why: string): DryRunResult => ({
    ...common, status: 'passed', durationMs: Date.now() - t0, rollback: { status: 'not-run', differences: [], reapply: 'not-run' },
    unobserved: `its rollback ${downPath} was not run: ${why}`,
  });
  const downParse = parseFailure(m, down);
  if (downParse) return { ...common, status: 'passed', durationMs: 0, rollback: { status: 'failed', differences: [], reapply: 'not-run', error: downParse } };
  if (!before) return notRun('the schema before the migration could not be read');
  const inOne = (p: ParsedSource) => topLevel(p.statements).filter(({ stmt }) => txControl(stmt) !== 'begin' && txControl(stmt) !== 'commit');
  const statements = inOne(down);
  // A REINDEX or CLUSTER refused only on a partitioned table: the sandbox's catalog tells.
  const outsideOne = async (stmt: Statement) => (txControl(stmt) !== null && txControl(stmt) !== 'savepoint') || await refusedInSandbox(sandbox, stmt);
  let blocker: (typeof statements)[number] | undefined;
  for (const s of statements) {
    if (await outsideOne(s.stmt) || refusal(s.stmt, s.nested) !== null) {
      blocker = s;
      break;
    }
  }
  if (blocker) {
    const at = `${blocker.stmt.path}:${blocker.stmt.line}:${blocker.stmt.column}`;
    return notRun(`the dry-run runs it inside a transaction that it rolls back, so that the history after the migration goes on as it was, and the statement at ${at} does not run inside one (or is refused)`);
  }
  const left = () => Math.min(limits.statementTimeoutMs, Math.max(1, limits.deadline - Date.now()));
  const result: DryRunResult = { ...common, status: 'passed', durationMs: 0, rollback: { status: 'exact', differences: [], reapply: 'not-run' } };
  try {
    await sandbox.exec('BEGIN', 10_000);
    for (const { stmt } of statements) {
      try {
        await sandbox.exec(stmt.text, left());
      } catch (e) {
        result.rollback = { status: 'failed', differences: [], reapply: 'not-run', error: errorAt(toDbError(e), stmt, m.migration.down!.text) };
        return result;
      }
    }
    const after = await takeSnapshot(sandbox);
    const differences = diffSnapshots(before, after, 'after rollback', { enumValuesStay: true });
    result.rollback = { status: differences.length ? 'incomplete' : 'exact', differences, reapply: 'not-run' };
    const up = inOne(m.up);
    let reapplies = enumValuesKept(before, after).length === 0;
    // Asked without the database: after the rollback, a partitioned table the migration creates
    // is gone, so the catalog would call its REINDEX fine and the re-apply would fail falsely.
    for (const { stmt } of up) if (reapplies && ((txControl(stmt) !== null && txControl(stmt) !== 'savepoint') || cannotRunInTransaction(stmt, sandbox.serverVersion))) reapplies = false;
    if (reapplies) {
      result.rollback.reapply = 'passed';
      for (const { stmt } of up) {
        try {
          await sandbox.exec(stmt.text, left());
        } catch (e) {
          result.rollback.reapply = 'failed';
          result.rollback.error = errorAt(toDbError(e), stmt, m.migration.up.text);
          break;
        }
      }
    }
    return result;
  } catch (e) {
    return notRun(`the dry-run's own work around it failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    result.durationMs = Date.now() - t0;
    if (sandbox.alive) await sandbox.exec('ROLLBACK', 10_000).catch(() => undefined);
  }
}

/** The migration ran (or began to) but the dry-run could not see what it did. */
function unobservedResult(common: Pick<DryRunResult, 'engine' | 'serverVersion'>, why: string, durationMs: number, statements: DryRunResult['statements'] = []): DryRunResult {
  return { ...common, status: 'failed', unobserved: why, reason: `the dry-run could not observe this migration: ${why}`, statements, durationMs };
}

/**
 * A migration under review the dry-run never ran (the base failed, an earlier migration
 * stopped the run, the engine stopped): what it does is as unknown as for one it could not
 * observe, so it carries `unobserved` too (a dry-run-unobserved finding, never a pass).
 */
function notRun(engine: EngineName, serverVersion: string, reason: string, status: DryRunResult['status'] = 'skipped'): DryRunResult {
  return { engine, serverVersion, status, reason, unobserved: reason, statements: [], durationMs: 0 };
}

/**
 * `stop`: the migration itself did not apply, so the ones after it cannot be judged.
 * `rebuild`: it applied, but its rollback round trip left a schema no migration expects; the
 * run goes on from a rebuilt database (base + the migrations applied so far).
 */
async function reviewOne(sandbox: Sandbox, whole: DryRunMigration, limits: Limits, seed: SeedOutcome | null, fromCache: boolean): Promise<{ result: DryRunResult; stop: boolean; rebuild?: boolean }> {
  const t0 = Date.now();
  const common = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, ...(seed ? { seed } : {}), ...(fromCache ? { baseFromCache: true } : {}) };
  const parseError = parseFailure(whole, whole.up);
  if (parseError) {
    return { result: { ...common, status: 'skipped', reason: `the migration does not parse (${where(parseError)})`, statements: [], durationMs: 0 }, stop: true };
  }
  // A changelog the change added changesets to: a database that ran it has the base branch's
  // changesets, so those go in untraced as history, and the new ones are what is run and rolled back.
  const { kept, own: m } = splitBaseChangesets(whole);
  if (kept) {
    let error: DryRunError | null;
    try {
      error = await applyUntraced(sandbox, kept, m.migration.up.text, m.migration.transaction, limits);
    } catch (e) {
      const err = toDbError(e);
      error = { sqlstate: err.sqlstate, message: err.message, path: m.migration.up.path, line: 1, column: 1 };
    }
    if (error) {
      return { result: { ...common, status: 'failed', reason: `the base branch's changesets of the file failed at ${where(error)}: ${error.message} (SQLSTATE ${error.sqlstate})`, statements: [], error, durationMs: Date.now() - t0, rollback: { status: 'not-run', differences: [], reapply: 'not-run' } }, stop: true };
    }
  }
  const pre = await relationsNow(sandbox);
  // The schema its rollback must restore: only a migration with a rollback needs it.
  const before = m.down && m.migration.down ? await takeSnapshot(sandbox) : null;
  const up = await executeTraced({ sandbox, parsed: m.up, sourceText: m.migration.up.text, transaction: m.migration.transaction, pre, limits });
  if (up.unobserved) {
    return { result: unobservedResult(common, up.unobserved, Date.now() - t0, up.traces), stop: true };
  }
  if (up.error) {
    const reason = up.refused
      ? `refused before running: ${up.refused} (${where(up.error)})`
      : up.timedOut
        ? `stopped at the time limit at ${where(up.error)}: ${up.error.message}`
        : `failed at ${where(up.error)}: ${up.error.message} (SQLSTATE ${up.error.sqlstate})`;
    return {
      result: {
        ...common, status: 'failed', reason, statements: up.traces, error: up.error, durationMs: Date.now() - t0,
        ...(up.refused ? { refused: up.refused } : {}), ...(up.timedOut ? { timedOut: true } : {}),
        rollback: { status: 'not-run', differences: [], reapply: 'not-run' },
      },
      // A refused migration changed nothing, but the ones after it may build on it.
      stop: true,
    };
  }
  const result: DryRunResult = { ...common, status: 'passed', statements: up.traces, durationMs: 0, rollback: { status: 'not-run', differences: [], reapply: 'not-run' } };
  let rebuild = false;
  const down = m.down;
  if (down && m.migration.down && before) {
    const downParse = parseFailure(m, down);
    if (downParse) {
      result.rollback = { status: 'failed', differences: [], reapply: 'not-run', error: downParse };
    } else {
      const preDown = await relationsNow(sandbox);
      const rb = await executeTraced({ sandbox, parsed: down, sourceText: m.migration.down.text, transaction: m.migration.transaction, pre: preDown, limits });
      result.rollbackStatements = rb.traces;
      if (rb.unobserved) {
        return { result: unobservedResult(common, `the rollback: ${rb.unobserved}`, Date.now() - t0, up.traces), stop: true };
      }
      if (rb.error) {
        result.rollback = { status: 'failed', differences: [], reapply: 'not-run', error: rb.error };
        if (rb.timedOut) result.timedOut = true;
        // A rollback that failed half-way leaves a schema the next migrations were not written for.
        rebuild = !sandbox.alive || rb.traces.length > 1;
      } else {
        const after = await takeSnapshot(sandbox);
        const differences = diffSnapshots(before, after, 'after rollback', { enumValuesStay: true });
        // Values the migration added to an enum stay (there is no DROP VALUE), so applying it
        // again would only meet them: "already exists" says nothing about the rollback.
        const enumsKept = enumValuesKept(before, after).length > 0;
        result.rollback = { status: differences.length ? 'incomplete' : 'exact', differences, reapply: enumsKept ? 'not-run' : 'passed' };
        let again: DryRunError | null = null;
        if (!enumsKept) {
          try {
            again = await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits);
          } catch (e) {
            const err = toDbError(e);
            again = { sqlstate: err.sqlstate, message: err.message, path: m.up.path, line: 1, column: 1 };
          }
        }
        if (again) {
          result.rollback.reapply = 'failed';
          result.rollback.error = again;
          rebuild = true;
        }
      }
    }
  }
  result.durationMs = Date.now() - t0;
  return { result, stop: false, rebuild };
}

/**
 * A Liquibase changelog the change added changesets to (Migration.baseChangesets): the statements
 * of the base branch's changesets (null when it is no such file), and the migration with the
 * others alone, at their places in the file.
 */
function splitBaseChangesets(m: DryRunMigration): { kept: ParsedSource | null; own: DryRunMigration } {
  const ranges = m.migration.baseChangesets;
  if (!ranges) return { kept: null, own: m };
  const inBase = (s: Statement) => ranges.some(([a, b]) => s.start >= a && s.start < b);
  return {
    kept: { ...m.up, statements: m.up.statements.filter(inBase) },
    own: { ...m, up: { ...m.up, statements: m.up.statements.filter((s) => !inBase(s)) } },
  };
}

/** A new sandbox holding the base history and the reviewed migrations applied so far (forward only). */
async function rebuildForward(
  provider: SandboxProvider,
  key: string,
  extensions: readonly string[],
  base: readonly DryRunMigration[],
  applied: readonly DryRunMigration[],
  limits: Limits,
  opts: DryRunOptions,
): Promise<{ sandbox: Sandbox; seeder: Seeder | null } | null> {
  const { sandbox, fromCache } = await provider.open(key, extensions);
  try {
    await createRunnerTables(sandbox, [...base, ...applied], limits.statementTimeoutMs);
    if (!fromCache && (await applyBase(sandbox, base, limits, () => {})).status !== 'ok') throw new Error('base history');
    const seeder = opts.seedRows > 0 ? new Seeder(opts.seedRows, opts.statementTimeoutMs) : null;
    // The rows the first run had when each of these migrations ran.
    for (const [i, m] of applied.entries()) {
      if (seeder && (i === 0 || opts.seedBefore === 'each')) await seeder.before(sandbox);
      if (await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits)) throw new Error(m.migration.id);
    }
    return { sandbox, seeder };
  } catch {
    await sandbox.close();
    return null;
  }
}

/**
 * Opens a sandbox holding `base`: from the snapshot cache when it has it, else applied (and
 * saved when it applied). A base that fails leaves the sandbox open with an outcome saying where;
 * the sandbox is closed when opening it throws.
 */
async function openBase(
  provider: SandboxProvider,
  base: readonly DryRunMigration[],
  all: readonly DryRunMigration[],
  extensions: readonly string[],
  limits: Limits,
  tick: (label: string) => void,
  fromSnapshot?: BaseOutcome['fromSnapshot'],
): Promise<{ sandbox: Sandbox; fromCache: boolean; key: string; outcome: BaseOutcome }> {
  const key = baseKey(base, extensions);
  const opened = await provider.open(key, extensions);
  const sandbox = opened.sandbox;
  try {
    await createRunnerTables(sandbox, all, limits.statementTimeoutMs);
    const cached = opened.fromCache ? (opened.cachedMeta as BaseOutcome | undefined) : undefined;
    if (cached) {
      for (const m of base) tick(m.migration.id);
      return { sandbox, fromCache: true, key, outcome: cached };
    }
    const outcome: BaseOutcome = { ...(await applyBase(sandbox, base, limits, tick, true)), ...(fromSnapshot ? { fromSnapshot } : {}) };
    if (outcome.status === 'ok' && base.length > 0) await provider.save(sandbox, key, outcome);
    return { sandbox, fromCache: opened.fromCache, key, outcome };
  } catch (e) {
    await sandbox.close();
    throw e;
  }
}

export async function runDryRun(input: DryRunInput, opts: DryRunOptions): Promise<DryRunOutput> {
  const results = new Map<string, DryRunResult>();
  const limits: Limits = { statementTimeoutMs: opts.statementTimeoutMs, deadline: Date.now() + opts.totalTimeoutMs };
  const total = input.base.length + input.review.length;
  let done = 0;
  const tick = (label: string) => opts.onProgress?.({ stage: 'dry-run', done: ++done, total, label });
  const engineName = opts.engine;
  const failAll = (reason: string, status: DryRunResult['status'] = 'skipped', version = 'unknown') => {
    for (const m of input.review) if (!results.has(m.migration.id)) results.set(m.migration.id, notRun(engineName, version, reason, status));
  };

  let provider: SandboxProvider | null = null;
  let sandbox: Sandbox | null = null;
  let base: BaseOutcome = { status: 'ok', applied: 0 };
  let baseUsed = input.base;
  // Whether the database is still the base plus the reviewed migrations as written (DryRunObserver).
  let clean = true;
  const look = async (read: () => Promise<void> | undefined) => {
    if (!clean) return;
    try { await read(); } catch { /* the observer's loss only */ }
  };
  try {
    provider = opts.provider ?? makeProvider(opts);
    const extensions = extensionsCreated([...input.base, ...(input.snapshotBase ?? []), ...input.review]);
    let opened = await openBase(provider, input.base, [...input.base, ...input.review], extensions, limits, tick);
    sandbox = opened.sandbox;
    base = opened.outcome;
    if (base.status === 'failed' && input.snapshotBase && input.snapshotBase.length > 0) {
      // The history cannot build the base from nothing: start from the whole-schema files.
      const historyError = base.error!;
      await sandbox.close();
      sandbox = null;
      opened = await openBase(provider, input.snapshotBase, [...input.snapshotBase, ...input.review], extensions, limits, () => {}, { historyError });
      sandbox = opened.sandbox;
      base = opened.outcome.status === 'ok' ? opened.outcome : { ...opened.outcome, fromSnapshot: { historyError } };
      baseUsed = input.snapshotBase;
    }
    const key = opened.key;
    if (base.status === 'failed') {
      const e = base.error!;
      const history = base.fromSnapshot
        ? `the base history fails at ${where(base.fromSnapshot.historyError)}: ${base.fromSnapshot.historyError.message}, and the base built from the whole schema fails at ${where(e)}: ${e.message}`
        : `the base history fails at ${where(e)}: ${e.message}`;
      failAll(`${history}; the migrations under review were not run`, 'base-failed', sandbox.serverVersion);
      return { base, baseUsed, results };
    }
    let seeder = opts.seedRows > 0 ? new Seeder(opts.seedRows, opts.statementTimeoutMs) : null;
    let seed: SeedOutcome | null = null;
    let stoppedBy: string | null = null;
    const applied: DryRunMigration[] = [];
    for (const m of input.review) {
      if (stoppedBy || !sandbox) {
        results.set(m.migration.id, notRun(engineName, sandbox?.serverVersion ?? 'unknown', stoppedBy ?? 'not run'));
      } else if (!sandbox.alive) {
        stoppedBy = 'the dry-run engine was stopped at a time limit';
        results.set(m.migration.id, notRun(sandbox.engine, sandbox.serverVersion, stoppedBy));
      } else {
        let outcome: Awaited<ReturnType<typeof reviewOne>>;
        try {
          if (seeder && (seed === null || opts.seedBefore === 'each')) {
            seed = await seeder.before(sandbox);
            if (opts.seedBefore !== 'each' && seed.reason && seed.tables.length === 0 && seed.skipped.length === 0) {
              seed.reason = 'the base history creates no table (a table this change creates is empty when its next migration runs)';
            }
          }
          if (!sandbox.alive) {
            stoppedBy = 'not run: the dry-run engine was stopped at a time limit while seeding rows';
            results.set(m.migration.id, notRun(sandbox.engine, sandbox.serverVersion, stoppedBy));
            tick(m.migration.id);
            continue;
          }
          if (seed && seed.tables.length > 0) clean = false;
          const db = sandbox;
          await look(() => opts.observe?.before?.(db, m));
          outcome = await reviewOne(sandbox, m, limits, seed, opened.fromCache);
        } catch (e) {
          // Our own work around the migration failed (a snapshot, a relation list, the engine):
          // whatever the cause, this migration was not observed, and that is not a pass.
          const why = e instanceof ObservationError ? e.message : `the dry-run engine failed: ${e instanceof Error ? e.message : String(e)}`;
          outcome = { result: unobservedResult({ engine: sandbox.engine, serverVersion: sandbox.serverVersion }, why, 0), stop: true };
        }
        const { result, stop, rebuild } = outcome;
        results.set(m.migration.id, result);
        applied.push(m);
        const rb = result.rollback;
        if (result.status !== 'passed' || (rb && rb.status !== 'not-run' && (rb.status !== 'exact' || rb.reapply !== 'passed'))) clean = false;
        if (stop) stoppedBy = result.unobserved
          ? `not run: the dry-run could not observe the earlier migration ${m.migration.id}`
          : `not run: the earlier migration ${m.migration.id} did not apply cleanly`;
        else if (rebuild && m !== input.review.at(-1)) {
          await sandbox.close();
          sandbox = null;
          const rebuilt = await rebuildForward(provider, key, extensions, baseUsed, applied, limits, opts);
          sandbox = rebuilt?.sandbox ?? null;
          seeder = rebuilt?.seeder ?? null;
          if (!sandbox) stoppedBy = `not run: the database could not be rebuilt after the rollback of ${m.migration.id}`;
        }
      }
      tick(m.migration.id);
    }
    if (sandbox?.alive && input.review.length > 0 && results.size === input.review.length) {
      const db = sandbox;
      await look(() => opts.observe?.after?.(db, baseUsed));
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Fail closed: a migration under review that the engine never got to observe is unknown.
    for (const m of input.review) {
      if (!results.has(m.migration.id)) results.set(m.migration.id, unobservedResult({ engine: engineName, serverVersion: sandbox?.serverVersion ?? 'unknown' }, `the dry-run engine failed: ${message}`, 0));
    }
    if (!results.size && input.review.length === 0) base = { status: 'failed', applied: base.applied, error: { sqlstate: 'XX000', message, path: '', line: 0, column: 0 } };
  } finally {
    await sandbox?.close();
    if (!opts.provider) await provider?.dispose().catch(() => undefined);
  }
  return { base, baseUsed, results };
}
