// Runs every finding's suggestion that is SQL meant to be run where it says it goes (in place
// of the statement it replaces, or just before the statement, which stays), followed by the
// rest of the migration, on the base with seeded rows. A suggestion that fails is taken back:
// the finding keeps the rule's advice in words and says why.
import type { AnalyzedMigration } from '../check/types.js';
import type { Finding, ParsedSource, Statement, SuggestionRuns, Verification } from '../core/types.js';
import type { DryRunMigration } from '../dryrun/run.js';
import { applyUntraced, type Limits } from '../dryrun/execute.js';
import { toDbError } from '../dryrun/sandbox.js';
import { txControl } from '../core/transaction.js';
import { cannotRunInTransaction } from '../dryrun/statements.js';
import { parseSource } from '../parse/index.js';
import type { VerifyOptions } from './plan.js';
import { sessionFor, type VerifySession } from './session.js';

/**
 * A value left for the reader to fill in, quoted so that the template still parses ('<existing
 * label>', "<constraint>"): until it is filled there is nothing to run.
 */
const PLACEHOLDER = /(['"])<[A-Za-z][\w .-]*>\1/;

/** The suggestion's statements when it is complete SQL (comments allowed), else undefined (prose, or a template). */
export function runnableSuggestion(text: string | undefined): Statement[] | undefined {
  if (!text || PLACEHOLDER.test(text)) return undefined;
  const parsed = parseSource({ path: 'suggestion.sql', text });
  if (parsed.errors.length > 0) return undefined;
  const top = parsed.statements.filter((s) => !s.nestedIn);
  return top.length > 0 ? top : undefined;
}

/**
 * The migration's text with the suggestion put in place of statement `index` (and the earlier
 * statements it also replaces taken out), or before it.
 */
function withSuggestion(m: AnalyzedMigration, index: number, replacement: Statement[], runs: SuggestionRuns, also: ReadonlySet<number>): string {
  const top = m.up.statements.filter((s) => !s.nestedIn && !also.has(s.index));
  const outside = replacement.some((s) => cannotRunInTransaction(s));
  return top
    .flatMap((s) => (s.index !== index ? [s] : runs === 'before' ? [...replacement, s] : replacement))
    // Advice that must run outside a transaction block says so; the file's BEGIN/COMMIT would stop it.
    .filter((s) => !(outside && txControl(s) !== null && !replacement.includes(s)))
    .map((s) => `${s.text.trim().replace(/;\s*$/, '')};`)
    .join('\n');
}

export interface SuggestionRun {
  /** Findings whose suggestion was run, with the result written into them. */
  verified: number;
  failed: number;
  notRun: number;
}

/**
 * Verifies the runnable suggestions of `review` (in place), each on a fresh database holding
 * `base` and the review migrations before its own, with seeded rows. At most `limit` run.
 */
export async function verifySuggestions(
  base: DryRunMigration[],
  review: AnalyzedMigration[],
  opts: VerifyOptions & { limit?: number; fallback: (f: Finding) => string | undefined },
): Promise<SuggestionRun> {
  const out: SuggestionRun = { verified: 0, failed: 0, notRun: 0 };
  const seedRows = opts.seedRows ?? 100;
  const limits: Limits = { statementTimeoutMs: opts.statementTimeoutMs ?? 10_000, deadline: Date.now() + (opts.totalTimeoutMs ?? 120_000) };
  const jobs = review.flatMap((m, i) =>
    m.report.findings
      // Only a top-level statement can be replaced (one inside a DO block runs with its parent).
      .filter((f) => f.statement !== undefined && (f.path === undefined || f.path === m.migration.up.path) && m.up.statements.some((s) => s.index === f.statement && !s.nestedIn))
      .map((f) => ({ m, i, f, sql: runnableSuggestion(f.suggestion) }))
      .filter((j): j is typeof j & { sql: Statement[] } => !!j.sql),
  );
  if (jobs.length === 0) return out;
  let own: VerifySession | undefined;
  try {
    const { session, owned } = sessionFor(opts);
    if (owned) own = session;
    let ran = 0;
    for (const job of jobs) {
      if (ran >= (opts.limit ?? 20) || Date.now() > limits.deadline) {
        job.f.suggestionVerification = { status: 'not-run', reason: 'the verification limit of this run was reached' };
        out.notRun++;
        continue;
      }
      ran++;
      job.f.suggestionVerification = await runOne(session, base, review.slice(0, job.i), job.m, job.f, job.sql, limits, seedRows);
      const v = job.f.suggestionVerification;
      if (v.status === 'verified') out.verified++;
      else if (v.status === 'not-run') out.notRun++;
      else {
        out.failed++;
        // Never shown as a recommendation: back to the rule's advice in words, saying why.
        const words = opts.fallback(job.f);
        delete job.f.suggestionRuns;
        delete job.f.alsoReplaces;
        job.f.suggestion = `(the suggested SQL failed when run on ${v.engine}: ${v.reason}, so it is not shown)${words ? ` ${words}` : ''}`;
      }
    }
  } catch (e) {
    for (const j of jobs) {
      if (!j.f.suggestionVerification) {
        j.f.suggestionVerification = { status: 'not-run', reason: `the verification engine failed: ${e instanceof Error ? e.message : String(e)}` };
        out.notRun++;
      }
    }
  } finally {
    await own?.dispose();
  }
  return out;
}

async function runOne(
  session: VerifySession,
  base: DryRunMigration[],
  before: AnalyzedMigration[],
  m: AnalyzedMigration,
  f: Finding,
  sql: Statement[],
  limits: Limits,
  seedRows: number,
): Promise<Verification> {
  const on = before.map((a) => ({ migration: a.migration, up: a.up, down: null }));
  const input = { base, review: [{ migration: m.migration, up: m.up, down: null }] };
  const opened = await session.openSeeded(input, limits, seedRows, on);
  if ('reason' in opened) return { status: 'not-run', reason: opened.reason };
  const sandbox = opened.sandbox;
  let failure: string;
  let result: Verification;
  try {
    const where = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, seededRows: opened.seed.tables.length > 0 ? seedRows : 0 };
    const text = withSuggestion(m, f.statement!, sql, f.suggestionRuns ?? 'instead', new Set((f.alsoReplaces ?? []).map((r) => r.statement)));
    const parsed: ParsedSource = parseSource({ path: m.migration.up.path, text });
    let err;
    try {
      err = await applyUntraced(sandbox, parsed, text, m.migration.transaction, limits);
    } catch (e) {
      err = { ...toDbError(e), line: 0 };
    }
    if (!err) return { status: 'verified', ...where };
    failure = `${err.message} (SQLSTATE ${err.sqlstate})`;
    result = { status: 'failed', ...where, reason: failure };
  } finally {
    await sandbox.close();
  }
  // Rows the migration as written cannot handle prove nothing about the advice.
  const own = await session.originalFailsWithRows(input, limits, seedRows, on);
  return own ? { status: 'not-run', reason: `${own}; the suggestion failed on them too (${failure})` } : result;
}
