// Runs every finding's suggestion that is SQL meant to be run where it says it goes (in place
// of the statement it replaces, or just before the statement, which stays), with the rest of the
// migration, on the base with seeded rows, the way the migration's runner would run it (the
// file's transaction); or, when its comment says it goes into a migration of its own, as one,
// between the statements before and after it (suggestionParts). A suggestion that fails is taken
// back: the finding keeps the rule's advice in words and says why.
import type { AnalyzedMigration } from '../check/types.js';
import type { DryRunError, Finding, ParsedSource, Statement, SuggestionRuns, TransactionMode, Verification } from '../core/types.js';
import type { DryRunMigration } from '../dryrun/run.js';
import { applyUntraced, executeTraced, relationsNow, type Limits } from '../dryrun/execute.js';
import { toDbError, type Sandbox } from '../dryrun/sandbox.js';
import { saysOutsideTransaction, saysOwnMigration } from '../core/transaction.js';
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

/** One part of a run: SQL text run as one migration, the way the runner runs it. */
interface Part {
  text: string;
  transaction: TransactionMode;
  /** The suggestion's own statements are in it and include one Postgres refuses in a transaction block. */
  faithful: boolean;
}

function sqlOf(list: readonly Statement[]): string {
  return list.map((s) => `${s.text.trim().replace(/;\s*$/, '')};`).join('\n');
}

/**
 * Where the suggestion runs and how. A finding about no one statement (`index` undefined: an index
 * for a foreign key the file adds, reported at the end of the file) adds its SQL after the file's
 * statements. Otherwise, by default in the file, in place of statement `index` (the
 * earlier statements it also replaces taken out), before it or after it, the whole file the way the runner
 * runs it: in a file the runner wraps in a transaction, CREATE INDEX CONCURRENTLY fails, as it
 * would in production. A suggestion whose comment says it goes into a migration of its own
 * (saysOwnMigration) runs as one, between two migrations holding the statements before and after
 * it; outside a transaction when its comment says so (it must when it holds a statement Postgres
 * refuses in one: CONCURRENTLY), else in the runner's.
 */
export function suggestionParts(m: AnalyzedMigration, index: number | undefined, replacement: Statement[], suggestion: string, runs: SuggestionRuns, also: ReadonlySet<number>): Part[] {
  const top = m.up.statements.filter((s) => !s.nestedIn && !also.has(s.index));
  const at = index === undefined ? top.length : top.findIndex((s) => s.index === index);
  // `after` keeps the statement (a finding about the whole file: after its last statement).
  const before = top.slice(0, runs === 'after' ? at + 1 : at);
  const after = runs === 'before' ? top.slice(at) : top.slice(at + 1);
  const mode = m.migration.transaction;
  const outside = replacement.some((s) => cannotRunInTransaction(s));
  if (!saysOwnMigration(suggestion)) return [{ text: sqlOf([...before, ...replacement, ...after]), transaction: mode, faithful: outside }];
  return [
    { text: sqlOf(before), transaction: mode, faithful: false },
    { text: sqlOf(replacement), transaction: outside || saysOutsideTransaction(suggestion) ? 'none' : mode, faithful: outside },
    { text: sqlOf(after), transaction: mode, faithful: false },
  ].filter((p) => p.text !== '');
}

/**
 * Runs one part. The migration's own statements run as the history does (applyUntraced, which
 * lets a CONCURRENTLY of the file itself out of the runner's transaction); a part holding the
 * suggestion's own CONCURRENTLY (or another statement refused in a transaction block) runs
 * exactly as the runner would run it (executeTraced), so advice that only works outside a
 * transaction is not verified inside one.
 */
async function runPart(sandbox: Sandbox, path: string, part: Part, limits: Limits): Promise<DryRunError | null> {
  const parsed: ParsedSource = parseSource({ path, text: part.text });
  if (!part.faithful) return applyUntraced(sandbox, parsed, part.text, part.transaction, limits);
  const out = await executeTraced({ sandbox, parsed, sourceText: part.text, transaction: part.transaction, pre: await relationsNow(sandbox), limits });
  return out.error ?? null;
}

const NO_PLACE = 'it is about a statement inside another one, or about the rollback file, so there is no place to run it';

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
      .map((f) => ({ m, i, f, sql: runnableSuggestion(f.suggestion) }))
      .filter((j): j is typeof j & { sql: Statement[] } => !!j.sql)
      .filter(({ f }) => {
        // Only a top-level statement can be replaced (one inside a DO block runs with its parent).
        const inUp = f.path === undefined || f.path === m.migration.up.path;
        if (f.statement !== undefined && inUp && m.up.statements.some((s) => s.index === f.statement && !s.nestedIn)) return true;
        // About the file as a whole (no statement): its SQL goes after the file's statements.
        if (f.statement === undefined && inUp && f.suggestionRuns !== 'before' && !f.alsoReplaces?.length) return true;
        // SQL with no place to run is never shown as if it had run.
        f.suggestionVerification = { status: 'not-run', reason: NO_PLACE };
        out.notRun++;
        return false;
      }),
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
    const parts = suggestionParts(m, f.statement, sql, f.suggestion!, f.suggestionRuns ?? 'instead', new Set((f.alsoReplaces ?? []).map((r) => r.statement)));
    let err: Pick<DryRunError, 'message' | 'sqlstate'> | null = null;
    for (const part of parts) {
      try {
        err = await runPart(sandbox, m.migration.up.path, part, limits);
      } catch (e) {
        err = toDbError(e);
      }
      if (err) break;
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
