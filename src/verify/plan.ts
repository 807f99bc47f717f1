// Runs a plan document on a throwaway Postgres holding the base schema with seeded rows: phase
// by phase, each step the way it says (one transaction, or one statement at a time outside
// one), then compares the schema with the one the original migrations produce, and checks the
// observed locks against what the plan claims. Nothing here trusts the plan's prose.
import type { LockObservation, StatementTrace } from '../core/types.js';
import { lockRank } from '../core/risk.js';
import type { DryRunMigration, DryRunOptions } from '../dryrun/run.js';
import { executeTraced, relationsNow, type Limits } from '../dryrun/execute.js';
import type { Sandbox } from '../dryrun/sandbox.js';
import { diffSnapshots, takeSnapshot } from '../dryrun/snapshot.js';
import { parseSource } from '../parse/index.js';
import type { PlanDocument, PlanDocumentStep } from '../plan/json.js';
import type { Verification } from '../plan/types.js';
import { sessionFor, type VerifySession } from './session.js';

export interface VerifyOptions extends Pick<DryRunOptions, 'engine' | 'databaseUrl' | 'cacheDir' | 'pgBinDir' | 'memoryLimitMb'> {
  /** Synthetic rows per pre-existing table (default 100): advice that only works on empty tables is not verified. */
  seedRows?: number;
  statementTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** The review's shared engine and images (session.ts); without one, the verifier makes its own. */
  session?: VerifySession;
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

const SUE = lockRank('ShareUpdateExclusiveLock');

/**
 * What the step claims about locks, checked against what was observed: a step that only
 * validates takes nothing stronger than SHARE UPDATE EXCLUSIVE on tables that hold data; no
 * step rewrites a table with data (`base`: one the plan did not create) unless its prose says it
 * has no online alternative. A table an earlier step created is the change's own, empty in
 * production (documenso's add_folders changes the key type of its new Folder table).
 */
function lockViolation(step: PlanDocumentStep, traces: StatementTrace[], base: ReadonlySet<string>): string | undefined {
  const maintenance = /No online alternative/i.test(step.prose);
  for (const t of traces) {
    const rewritten = (t.rewrittenTables ?? []).filter((r) => base.has(r));
    if (!maintenance && rewritten.length > 0) return `step ${step.id} rewrote ${rewritten.join(', ')}, which the plan does not say`;
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
  let own: VerifySession | undefined;
  let sandbox: Sandbox | undefined;
  try {
    const { session, owned } = sessionFor(opts);
    if (owned) own = session;
    const expected = await session.expectedSchema(input, limits);
    if (!(expected instanceof Map)) return notRun(expected.reason);

    const b = await session.openSeeded(input, limits, seedRows);
    if ('reason' in b) return notRun(b.reason);
    sandbox = b.sandbox;
    const rows = b.seed.tables.length > 0 ? seedRows : 0;
    const where = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, seededRows: rows };
    const base = new Set([...(await relationsNow(sandbox)).values()].map((r) => r.name));
    const phases: Verification[] = [];
    let failure: string | undefined;
    for (const phase of doc.phases) {
      if (failure) {
        phases.push({ status: 'not-run', reason: 'an earlier phase failed' });
        continue;
      }
      for (const step of phase.steps) {
        const r = await runStep(sandbox, step, limits);
        failure = r.error ?? lockViolation(step, r.traces, base);
        if (failure) {
          phases.push({ status: 'failed', ...where, reason: failure, step: step.id });
          break;
        }
      }
      if (!failure) phases.push({ status: 'verified', ...where });
    }
    if (failure) {
      await sandbox.close();
      sandbox = undefined;
      // Advice cannot be proven on rows the migration itself cannot handle (generated values
      // that break its casts or constraints): say that, rather than blame the plan.
      const fails = await session.originalFailsWithRows(input, limits, seedRows);
      if (fails) return notRun(`${fails}; the plan failed on them too (${failure})`);
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
    await sandbox?.close();
    await own?.dispose();
  }
}
