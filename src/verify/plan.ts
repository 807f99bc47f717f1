// Runs a plan document on a throwaway Postgres holding the base schema with seeded rows: phase
// by phase, each step the way it says (one transaction, or one statement at a time outside
// one), then compares the schema with the one the original migrations produce, and checks the
// observed locks against what the plan claims. Nothing here trusts the plan's prose.
import type { LockObservation, StatementTrace } from '../core/types.js';
import { lockRank } from '../core/risk.js';
import { applyBase, extensionsCreated, baseKey, makeProvider, type DryRunMigration, type DryRunOptions } from '../dryrun/run.js';
import { applyUntraced, executeTraced, relationsNow, type Limits } from '../dryrun/execute.js';
import type { Sandbox, SandboxProvider } from '../dryrun/sandbox.js';
import { toDbError } from '../dryrun/sandbox.js';
import { seedTables } from '../dryrun/seed.js';
import { diffSnapshots, takeSnapshot, type Snapshot } from '../dryrun/snapshot.js';
import { parseSource } from '../parse/index.js';
import type { PlanDocument, PlanDocumentStep } from '../plan/json.js';
import type { Verification } from '../plan/types.js';

export interface VerifyOptions extends Pick<DryRunOptions, 'engine' | 'databaseUrl' | 'cacheDir' | 'pgBinDir' | 'memoryLimitMb'> {
  /** Synthetic rows per pre-existing table (default 100): advice that only works on empty tables is not verified. */
  seedRows?: number;
  statementTimeoutMs?: number;
  totalTimeoutMs?: number;
}

/** The throwaway Postgres every verifier runs on: the dry-run's engine, with the caller's limits. */
export function verifierProvider(opts: VerifyOptions, statementTimeoutMs: number, seedRows: number): SandboxProvider {
  return makeProvider({
    engine: opts.engine, statementTimeoutMs, totalTimeoutMs: 0, seedRows,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    ...(opts.cacheDir !== undefined ? { cacheDir: opts.cacheDir } : {}),
    ...(opts.pgBinDir ? { pgBinDir: opts.pgBinDir } : {}),
    ...(opts.memoryLimitMb !== undefined ? { memoryLimitMb: opts.memoryLimitMb } : {}),
  });
}

export interface PlanVerification {
  plan: Verification;
  /** One per phase of the document, in order. */
  phases: Verification[];
}

export interface VerifyInput {
  /** The migrations before the ones the plan covers. */
  base: DryRunMigration[];
  /** The migrations the plan covers, in order: what the plan must end up equivalent to. */
  review: DryRunMigration[];
}

/** A sandbox with the base applied (from the snapshot cache when it has it), or why not. */
export async function openBase(provider: SandboxProvider, input: VerifyInput, limits: Limits): Promise<{ sandbox: Sandbox } | { reason: string }> {
  const extensions = extensionsCreated([...input.base, ...input.review]);
  const key = baseKey(input.base, extensions);
  const { sandbox, fromCache } = await provider.open(key, extensions);
  if (!fromCache) {
    const base = await applyBase(sandbox, input.base, limits, () => {});
    if (base.status !== 'ok') {
      await sandbox.close();
      const e = base.error!;
      return { reason: `the base history fails at ${e.path}:${e.line}:${e.column}: ${e.message}` };
    }
    if (input.base.length > 0) await provider.save(sandbox, key, base);
  }
  return { sandbox };
}

/** The schema after the review migrations as written, on a base with no rows. */
async function expectedSchema(sandbox: Sandbox, input: VerifyInput, limits: Limits): Promise<Snapshot | { reason: string }> {
  for (const m of input.review) {
    if (m.up.errors.length > 0) return { reason: `${m.migration.up.path} does not parse` };
    let err;
    try {
      err = await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits);
    } catch (e) {
      err = { ...toDbError(e), path: m.migration.up.path, line: 1, column: 1 };
    }
    if (err) return { reason: `the migration itself fails on the engine even without rows, at ${err.path}:${err.line}: ${err.message}` };
  }
  return takeSnapshot(sandbox);
}

/** Why the migrations as written fail on the base with seeded rows, or undefined when they apply. */
export async function originalFailsWithRows(provider: SandboxProvider, input: VerifyInput, limits: Limits, seedRows: number): Promise<string | undefined> {
  const opened = await openBase(provider, input, limits);
  if ('reason' in opened) return opened.reason;
  try {
    await seedTables(opened.sandbox, seedRows, limits.statementTimeoutMs);
    const r = await expectedSchema(opened.sandbox, input, limits);
    return r instanceof Map ? undefined : r.reason.replace('even without rows', 'with the seeded rows');
  } finally {
    await opened.sandbox.close();
  }
}

const SUE = lockRank('ShareUpdateExclusiveLock');

/**
 * What the step claims about locks, checked against what was observed: a step that only
 * validates takes nothing stronger than SHARE UPDATE EXCLUSIVE on tables that hold data; no
 * step rewrites a table with data unless its prose says it has no online alternative.
 */
function lockViolation(step: PlanDocumentStep, traces: StatementTrace[]): string | undefined {
  const maintenance = /No online alternative/i.test(step.prose);
  for (const t of traces) {
    if (!maintenance && (t.rewrittenTables ?? []).length > 0) return `step ${step.id} rewrote ${t.rewrittenTables!.join(', ')}, which the plan does not say`;
  }
  const validatesOnly = step.sql.every((s) => /^\s*ALTER\s+TABLE\b[^;]*\bVALIDATE\s+CONSTRAINT\b/i.test(s));
  if (validatesOnly) {
    const strong = traces.flatMap((t) => t.locks).find((l: LockObservation) => l.preExisting && l.kind === 'table' && lockRank(l.mode) > SUE);
    if (strong) return `step ${step.id} took ${strong.mode} on ${strong.relation}; the plan says SHARE UPDATE EXCLUSIVE`;
  }
  return undefined;
}

async function runStep(sandbox: Sandbox, step: PlanDocumentStep, limits: Limits): Promise<{ error?: string; traces: StatementTrace[] }> {
  if (step.sql.length === 0) return { traces: [] };
  const text = step.sql.map((s) => `${s};`).join('\n');
  const parsed = parseSource({ path: `step ${step.id}`, text });
  if (parsed.errors.length > 0) return { error: `step ${step.id} does not parse: ${parsed.errors[0]!.message}`, traces: [] };
  const pre = await relationsNow(sandbox);
  const out = await executeTraced({ sandbox, parsed, sourceText: text, transaction: step.transaction === 'one' ? 'wrapped' : 'none', pre, limits });
  if (out.error) {
    const stmt = parsed.statements.find((s) => s.line === out.error!.line);
    return { error: `step ${step.id} failed: ${out.error.message} (SQLSTATE ${out.error.sqlstate})${stmt ? ` in: ${stmt.text.split('\n')[0]!.slice(0, 120)}` : ''}`, traces: out.traces };
  }
  return { traces: out.traces };
}

export async function verifyPlan(doc: PlanDocument, input: VerifyInput, opts: VerifyOptions): Promise<PlanVerification> {
  const notRun = (reason: string): PlanVerification => ({ plan: { status: 'not-run', reason }, phases: doc.phases.map(() => ({ status: 'not-run', reason })) });
  if (doc.phases.every((p) => p.steps.every((s) => s.sql.length === 0))) return notRun('the plan has no SQL to run');
  const seedRows = opts.seedRows ?? 100;
  const limits: Limits = { statementTimeoutMs: opts.statementTimeoutMs ?? 10_000, deadline: Date.now() + (opts.totalTimeoutMs ?? 120_000) };
  let provider: SandboxProvider | undefined;
  const open: Sandbox[] = [];
  try {
    provider = verifierProvider(opts, limits.statementTimeoutMs, seedRows);
    const a = await openBase(provider, input, limits);
    if ('reason' in a) return notRun(a.reason);
    open.push(a.sandbox);
    const expected = await expectedSchema(a.sandbox, input, limits);
    if (!(expected instanceof Map)) return notRun(expected.reason);
    await a.sandbox.close();
    open.pop();

    const b = await openBase(provider, input, limits);
    if ('reason' in b) return notRun(b.reason);
    const sandbox = b.sandbox;
    open.push(sandbox);
    const seed = await seedTables(sandbox, seedRows, limits.statementTimeoutMs);
    const rows = seed.tables.length > 0 ? seedRows : 0;
    const where = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, seededRows: rows };
    const phases: Verification[] = [];
    let failure: string | undefined;
    for (const phase of doc.phases) {
      if (failure) {
        phases.push({ status: 'not-run', reason: 'an earlier phase failed' });
        continue;
      }
      for (const step of phase.steps) {
        const r = await runStep(sandbox, step, limits);
        failure = r.error ?? lockViolation(step, r.traces);
        if (failure) {
          phases.push({ status: 'failed', ...where, reason: failure, step: step.id });
          break;
        }
      }
      if (!failure) phases.push({ status: 'verified', ...where });
    }
    if (failure) {
      // Advice cannot be proven on rows the migration itself cannot handle (generated values
      // that break its casts or constraints): say that, rather than blame the plan.
      const own = await originalFailsWithRows(provider, input, limits, seedRows);
      if (own) return notRun(`${own}; the plan failed on them too (${failure})`);
      return { plan: { status: 'failed', ...where, reason: failure }, phases };
    }
    const differences = diffSnapshots(expected, await takeSnapshot(sandbox), 'after the plan');
    if (differences.length > 0) {
      const reason = `the schema after the last phase differs from what the migration produces: ${differences.slice(0, 5).join('; ')}${differences.length > 5 ? ` (and ${differences.length - 5} more)` : ''}`;
      return { plan: { status: 'failed', ...where, reason }, phases };
    }
    return { plan: { status: 'verified', ...where }, phases };
  } catch (e) {
    return notRun(`the verification engine failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    for (const s of open) await s.close();
    await provider?.dispose().catch(() => undefined);
  }
}
