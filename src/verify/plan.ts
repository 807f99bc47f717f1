// Runs a plan document on a throwaway Postgres holding the base schema with seeded rows: phase
// by phase, each step the way it says (one transaction, or one statement at a time outside
// one), then compares the schema with the one the original migrations produce, and checks the
// observed locks against what the plan claims. A phase's rollback SQL is printed as something
// to run too: it runs right after its phase, in the same database, the way a user rolling the
// phase back would run it, must leave the schema the phase started from, and the phase then
// runs again so that the later phases start where the plan leaves them. Nothing here trusts
// the plan's prose.
import type { LockObservation, StatementTrace } from '../core/types.js';
import { lockRank } from '../core/risk.js';
import type { DryRunMigration, DryRunOptions } from '../dryrun/run.js';
import { applyUntraced, executeTraced, relationsNow, type Limits } from '../dryrun/execute.js';
import type { Sandbox } from '../dryrun/sandbox.js';
import { diffSnapshots, takeSnapshot, type Snapshot } from '../dryrun/snapshot.js';
import { parseSource, type ParseOptions } from '../parse/index.js';
import type { PlanDocument, PlanDocumentPhase, PlanDocumentStep } from '../plan/json.js';
import type { Verification } from '../plan/types.js';
import { sessionFor, type VerifySession } from './session.js';
import { templateOptions } from './suggestions.js';

/** The parse options of the migration at a path. */
type Parse = (path: string) => ParseOptions;

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
  /** One per phase of the document, in order: what running its rollbackSql after it proved (not-run for a phase without any). */
  rollbacks: Verification[];
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

async function runStep(sandbox: Sandbox, step: PlanDocumentStep, limits: Limits, parse: ParseOptions): Promise<{ error?: string; traces: StatementTrace[] }> {
  if (step.sql.length === 0) return { traces: [] };
  const text = step.sql.map((s) => `${s};`).join('\n');
  const parsed = parseSource({ path: `step ${step.id}`, text }, parse);
  if (parsed.errors.length > 0) return { error: `step ${step.id} does not parse: ${parsed.errors[0]!.message}`, traces: [] };
  const pre = await relationsNow(sandbox);
  const out = await executeTraced({ sandbox, parsed, sourceText: text, transaction: step.transaction === 'one' ? 'wrapped' : 'none', pre, limits });
  if (out.error) {
    const stmt = parsed.statements.find((s) => s.line === out.error!.line);
    return { error: `step ${step.id} failed: ${out.error.message} (SQLSTATE ${out.error.sqlstate})${stmt ? ` in: ${stmt.text.split('\n')[0]!.slice(0, 120)}` : ''}`, traces: out.traces };
  }
  return { traces: out.traces };
}

/** The phase's steps, in order: the first failure (a step's error, or a lock the plan does not own up to), if any. */
async function runPhase(sandbox: Sandbox, phase: PlanDocumentPhase, limits: Limits, base: ReadonlySet<string>, parse: Parse): Promise<{ failure: string; step: string } | undefined> {
  for (const step of phase.steps) {
    const r = await runStep(sandbox, step, limits, parse(step.source.path));
    const failure = r.error ?? lockViolation(step, r.traces, base);
    if (failure) return { failure, step: step.id };
  }
  return undefined;
}

/**
 * The phase's rollback as a user runs it after the phase: its statements in order, each on its
 * own outside a transaction block (the list holds DROP INDEX CONCURRENTLY), and the schema must
 * be the one the phase started from. Undefined when it did; else why not.
 */
async function runRollback(sandbox: Sandbox, phase: PlanDocumentPhase, before: Snapshot, limits: Limits, parse: Parse): Promise<string | undefined> {
  const text = (phase.rollbackSql ?? []).map((s) => `${s};`).join('\n');
  // The rollback of a phase whose steps come from a pop migration prints its Go template actions too.
  const pop = phase.steps.map((s) => parse(s.source.path)).find((o) => o.goTemplates) ?? {};
  const parsed = parseSource({ path: `rollback of ${phase.name}`, text }, pop);
  if (parsed.errors.length > 0) return `the rollback SQL does not parse: ${parsed.errors[0]!.message}`;
  const err = await applyUntraced(sandbox, parsed, text, 'none', limits, true);
  if (err) {
    const stmt = parsed.statements.find((s) => s.line === err.line);
    return `the rollback SQL failed: ${err.message} (SQLSTATE ${err.sqlstate})${stmt ? ` in: ${stmt.text.split('\n')[0]!.slice(0, 120)}` : ''}`;
  }
  const differences = diffSnapshots(before, await takeSnapshot(sandbox), 'after the rollback');
  if (differences.length === 0) return undefined;
  return `the rollback SQL does not undo the phase: ${differences.slice(0, 5).join('; ')}${differences.length > 5 ? ` (and ${differences.length - 5} more)` : ''}`;
}

export async function verifyPlan(doc: PlanDocument, input: VerifyInput, opts: VerifyOptions): Promise<PlanVerification> {
  const notRun = (reason: string): PlanVerification => ({ plan: { status: 'not-run', reason }, phases: doc.phases.map(() => ({ status: 'not-run', reason })), rollbacks: doc.phases.map(() => ({ status: 'not-run', reason })) });
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
    // A step prints its migration's placeholders as written: read it as that migration was read.
    const layouts = new Map(input.review.map((r) => [r.migration.up.path, r.migration.layout]));
    const parse: Parse = (path) => templateOptions(layouts.get(path) ?? 'plain');
    const where = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, seededRows: rows };
    const base = new Set([...(await relationsNow(sandbox)).values()].map((r) => r.name));
    const phases: Verification[] = [];
    const rollbacks: Verification[] = [];
    let failure: string | undefined;
    for (const [i, phase] of doc.phases.entries()) {
      if (failure) {
        phases.push({ status: 'not-run', reason: 'an earlier phase failed' });
        rollbacks.push({ status: 'not-run', reason: 'an earlier phase failed' });
        continue;
      }
      const undo = (phase.rollbackSql ?? []).length > 0;
      const before = undo ? await takeSnapshot(sandbox) : undefined;
      const ran = await runPhase(sandbox, phase, limits, base, parse);
      if (ran) {
        failure = ran.failure;
        phases.push({ status: 'failed', ...where, reason: ran.failure, step: ran.step });
        rollbacks.push({ status: 'not-run', reason: 'the phase failed' });
        continue;
      }
      phases.push({ status: 'verified', ...where });
      if (!before) {
        rollbacks.push({ status: 'not-run', reason: 'the phase has no rollback SQL' });
        continue;
      }
      let broke = await runRollback(sandbox, phase, before, limits, parse);
      if (!broke) {
        // Back to where the plan leaves the database, for the phases after it: the phase again.
        const again = await runPhase(sandbox, phase, limits, base, parse);
        if (again) broke = `after the rollback, the phase does not run again: ${again.failure}`;
      }
      if (broke && Date.now() >= limits.deadline) {
        // The time limit stopped it, not the rollback: nothing is proven either way, and no time is
        // left to rebuild the database for the phases after it.
        const reason = 'the verification total time limit was reached';
        const rest = doc.phases.slice(i + 1).map(() => ({ status: 'not-run' as const, reason }));
        return { plan: { status: 'not-run', reason }, phases: [...phases, ...rest], rollbacks: [...rollbacks, { status: 'not-run', reason }, ...rest] };
      }
      rollbacks.push(broke ? { status: 'failed', ...where, reason: broke } : { status: 'verified', ...where });
      if (broke) {
        // This database is no longer where the plan leaves it: the phases so far again, on a fresh one.
        await sandbox.close();
        sandbox = undefined;
        const fresh = await session.openSeeded(input, limits, seedRows);
        if ('reason' in fresh) return { ...notRun(fresh.reason), rollbacks: [...rollbacks, ...doc.phases.slice(i + 1).map(() => ({ status: 'not-run' as const, reason: fresh.reason }))] };
        sandbox = fresh.sandbox;
        for (const done of doc.phases.slice(0, i + 1)) {
          const r = await runPhase(sandbox, done, limits, base, parse);
          if (r) throw new Error(`phase ${done.name} failed when run again on a fresh database: ${r.failure}`);
        }
      }
    }
    if (failure) {
      await sandbox.close();
      sandbox = undefined;
      // Advice cannot be proven on rows the migration itself cannot handle (generated values
      // that break its casts or constraints): say that, rather than blame the plan.
      const fails = await session.originalFailsWithRows(input, limits, seedRows);
      if (fails) return notRun(`${fails}; the plan failed on them too (${failure})`);
      return { plan: { status: 'failed', ...where, reason: failure }, phases, rollbacks };
    }
    const differences = diffSnapshots(expected, await takeSnapshot(sandbox), 'after the plan');
    if (differences.length > 0) {
      const reason = `the schema after the last phase differs from what the migration produces: ${differences.slice(0, 5).join('; ')}${differences.length > 5 ? ` (and ${differences.length - 5} more)` : ''}`;
      return { plan: { status: 'failed', ...where, reason }, phases, rollbacks };
    }
    return { plan: { status: 'verified', ...where }, phases, rollbacks };
  } catch (e) {
    return notRun(`the verification engine failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await sandbox?.close();
    await own?.dispose();
  }
}
