// Runs every finding's suggestion that is SQL meant to be run where it says it goes (in place
// of the statement it replaces, or just before or after the statement, which stays), with the rest of the
// migration, on the base with seeded rows, the way the migration's runner would run it (the
// file's transaction); or, when its comment says it goes into a migration of its own, as one,
// between the statements before and after it (suggestionParts). Then the suggestions of one
// migration that passed run together, as its author applies them all (placedParts): one that
// breaks what the others make of the file is found one by one and taken back too. A suggestion
// that fails is taken back: the finding keeps the rule's advice in words and says why.
import type { AnalyzedMigration } from '../check/types.js';
import type { DryRunError, Finding, LayoutName, ParsedSource, Statement, SuggestionRuns, TransactionMode, Verification } from '../core/types.js';
import type { DryRunMigration } from '../dryrun/run.js';
import { applyUntraced, executeTraced, relationsNow, type Limits } from '../dryrun/execute.js';
import { toDbError, type Sandbox } from '../dryrun/sandbox.js';
import { fileTransaction, saysOutsideTransaction, saysOwnMigration, txControl } from '../core/transaction.js';
import type { VariableSetStmt } from '@pgsql/types';
import { cannotRunInTransaction } from '../dryrun/statements.js';
import { parseSource, type ParseOptions } from '../parse/index.js';
import type { VerifyOptions } from './plan.js';
import { sessionFor, type VerifySession } from './session.js';

/**
 * A value left for the reader to fill in, quoted so that the template still parses ('<existing
 * label>', "<constraint>"): until it is filled there is nothing to run.
 */
const PLACEHOLDER = /(['"])<[A-Za-z][\w .-]*>\1/;

/**
 * The suggestion's statements when it is complete SQL (comments allowed), else undefined (prose,
 * or a template). `parse`: the options its migration was read with, so that a placeholder the
 * suggestion keeps as written (pop's `{{ .Table }}`) is read as the migration's was.
 */
export function runnableSuggestion(text: string | undefined, parse: ParseOptions = {}): Statement[] | undefined {
  if (!text || PLACEHOLDER.test(text)) return undefined;
  const parsed = parseSource({ path: 'suggestion.sql', text }, parse);
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
  /**
   * Set when a suggested SET LOCAL would run outside any transaction block, where Postgres only
   * warns and changes nothing: advice that runs without doing what it says is not verified.
   */
  noEffect?: string;
}

function sqlOf(list: readonly Statement[]): string {
  return list.map((s) => `${s.text.trim().replace(/;\s*$/, '')};`).join('\n');
}

/** One suggestion in its place in the migration. */
export interface Placement {
  /** The statement it is about; undefined: the file as a whole (its SQL goes after the file's statements). */
  index: number | undefined;
  sql: Statement[];
  /** Its text, whose comment may send it to a migration of its own. */
  suggestion: string;
  runs: SuggestionRuns;
  /** Earlier statements it takes the place of too. */
  also: ReadonlySet<number>;
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
export function suggestionParts(m: AnalyzedMigration, index: number | undefined, replacement: Statement[], suggestion: string, runs: SuggestionRuns, also: ReadonlySet<number>, serverVersion: string): Part[] {
  return placedParts(m, [{ index, sql: replacement, suggestion, runs, also }], serverVersion);
}

/**
 * The migration with every one of `placements` applied, as its author would write it: each in
 * its place (suggestionParts), several at one statement in the order given. What runs before a
 * statement (a SET lock_timeout) goes with it into the migration of its own that a replacing
 * suggestion sends it to: a setting left in another migration would not apply to it. A migration
 * of its own runs the way its comment says, except that a runner which sends the file as one
 * query (golang-migrate) runs a file of several statements as one transaction whatever it says.
 * Placements must not compete for a statement (two replacing one): the caller picks.
 */
export function placedParts(m: AnalyzedMigration, placements: readonly Placement[], serverVersion: string): Part[] {
  const mode = m.migration.transaction;
  const gone = new Set(placements.flatMap((p) => [...p.also]));
  const top = m.up.statements.filter((s) => !s.nestedIn && !gone.has(s.index));
  const parts: Part[] = [];
  // The statements of the part being built, each with whether a suggestion put it there.
  let run: Array<{ s: Statement; mine: boolean }> = [];
  let runFaithful = false;
  const part = (list: typeof run, transaction: TransactionMode, faithful: boolean): Part => {
    const statements = list.map((x) => x.s);
    const noEffect = fileTransaction(transaction, statements) === 'none' ? localOutsideBlock(list) : undefined;
    return { text: sqlOf(statements), transaction, faithful, ...(noEffect ? { noEffect } : {}) };
  };
  const flush = () => {
    if (run.length) parts.push(part(run, mode, runFaithful));
    run = [];
    runFaithful = false;
  };
  const outside = (p: Placement) => p.sql.some((s) => cannotRunInTransaction(s, serverVersion));
  const mine = (list: Statement[]) => list.map((s) => ({ s, mine: true }));
  const inFile = (p: Placement) => {
    run.push(...mine(p.sql));
    runFaithful ||= outside(p);
  };
  const ownPart = (p: Placement, ahead: Statement[] = []) => {
    flush();
    const transaction: TransactionMode = mode === 'implicit' ? 'implicit' : outside(p) || saysOutsideTransaction(p.suggestion) ? 'none' : mode;
    parts.push(part(mine([...ahead, ...p.sql]), transaction, outside(p)));
  };
  const place = (p: Placement) => {
    if (saysOwnMigration(p.suggestion)) ownPart(p);
    else inFile(p);
  };
  const at = (index: number | undefined, runs: SuggestionRuns) => placements.filter((p) => p.index === index && p.runs === runs);
  for (const s of top) {
    const ahead = at(s.index, 'before');
    const instead = at(s.index, 'instead')[0];
    if (instead && saysOwnMigration(instead.suggestion)) {
      // The settings meant for this statement go into its migration of its own, ahead of it.
      for (const b of ahead.filter((b) => saysOwnMigration(b.suggestion))) place(b);
      ownPart(instead, ahead.filter((b) => !saysOwnMigration(b.suggestion)).flatMap((b) => b.sql));
    } else {
      for (const b of ahead) place(b);
      if (instead) inFile(instead);
      else run.push({ s, mine: false });
    }
    for (const a of at(s.index, 'after')) place(a);
  }
  for (const p of [...at(undefined, 'instead'), ...at(undefined, 'after')]) place(p);
  flush();
  return parts.filter((p) => p.text !== '');
}

/** A suggested SET LOCAL in a part that runs outside a transaction block, not after a BEGIN of its own: why it does nothing. */
function localOutsideBlock(list: ReadonlyArray<{ s: Statement; mine: boolean }>): string | undefined {
  let open = false;
  for (const { s, mine } of list) {
    const ctl = txControl(s);
    if (ctl === 'begin') open = true;
    else if (ctl === 'commit' || ctl === 'rollback') open = false;
    const set = (s.ast as { VariableSetStmt?: VariableSetStmt }).VariableSetStmt;
    if (mine && !open && set?.is_local) {
      return `SET LOCAL ${set.name ?? ''} would run outside a transaction block, where it changes nothing (PostgreSQL: "SET LOCAL can only be used in transaction blocks")`;
    }
  }
  return undefined;
}

/**
 * Runs one part. The migration's own statements run as the history does (applyUntraced, which
 * lets a CONCURRENTLY of the file itself out of the runner's transaction); a part holding the
 * suggestion's own CONCURRENTLY (or another statement refused in a transaction block) runs
 * exactly as the runner would run it (executeTraced), so advice that only works outside a
 * transaction is not verified inside one.
 */
async function runPart(sandbox: Sandbox, path: string, part: Part, limits: Limits, parse: ParseOptions): Promise<DryRunError | null> {
  const parsed: ParsedSource = parseSource({ path, text: part.text }, parse);
  if (!part.faithful) return applyUntraced(sandbox, parsed, part.text, part.transaction, limits);
  const out = await executeTraced({ sandbox, parsed, sourceText: part.text, transaction: part.transaction, pre: await relationsNow(sandbox), limits });
  return out.error ?? null;
}

/** Why a suggestion that is SQL was not run: there is no place in the migration to run it. */
const NO_PLACE = {
  nested: 'it is about a statement inside another one, so there is no place to run it',
  rollback: 'it is about the rollback file, so there is no place to run it',
  file: 'it is about the file as a whole, not one statement of it, so there is no statement to run it before or in place of',
} as const;

export interface SuggestionRun {
  /** Findings whose suggestion was run, with the result written into them. */
  verified: number;
  failed: number;
  notRun: number;
}

/**
 * Verifies the runnable suggestions of `review` (in place), each on a fresh database holding
 * `base` and the review migrations before its own, with seeded rows; then those of one migration
 * that passed, all applied together (one more run when they pass together). At most `limit`
 * runs of single suggestions and of the search for one that breaks the others.
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
      .map((f) => ({ m, i, f, sql: runnableSuggestion(f.suggestion, templateOptions(m.migration.layout)) }))
      .filter((j): j is typeof j & { sql: Statement[] } => !!j.sql)
      .map((j): Job => ({
        ...j,
        // Taken now: a suggestion taken back loses where it went.
        place: { index: j.f.statement, sql: j.sql, suggestion: j.f.suggestion!, runs: j.f.suggestionRuns ?? 'instead', also: new Set((j.f.alsoReplaces ?? []).map((r) => r.statement)) },
      }))
      .filter(({ f }) => {
        // Only a top-level statement can be replaced (one inside a DO block runs with its parent).
        const inUp = f.path === undefined || f.path === m.migration.up.path;
        if (f.statement !== undefined && inUp && m.up.statements.some((s) => s.index === f.statement && !s.nestedIn)) return true;
        // About the file as a whole (no statement): its SQL goes after the file's statements.
        if (f.statement === undefined && inUp && f.suggestionRuns !== 'before' && !f.alsoReplaces?.length) return true;
        // SQL with no place to run is never shown as if it had run.
        f.suggestionVerification = { status: 'not-run', reason: !inUp ? NO_PLACE.rollback : f.statement === undefined ? NO_PLACE.file : NO_PLACE.nested };
        out.notRun++;
        return false;
      }),
  );
  if (jobs.length === 0) return out;
  let own: VerifySession | undefined;
  // The suggestions being run together when the engine fails (their "verified" is only alone).
  let inGroup: Job[] | undefined;
  try {
    const { session, owned } = sessionFor(opts);
    if (owned) own = session;
    let ran = 0;
    const takeBack = (job: Job, v: Extract<Verification, { status: 'failed' }>) => {
      // Never shown as a recommendation: back to the rule's advice in words, saying why.
      const words = opts.fallback(job.f);
      delete job.f.suggestionRuns;
      delete job.f.alsoReplaces;
      job.f.suggestion = `(the suggested SQL failed when run on ${v.engine}: ${v.reason}, so it is not shown)${words ? ` ${words}` : ''}`;
    };
    for (const job of jobs) {
      if (ran >= (opts.limit ?? 20) || Date.now() > limits.deadline) {
        job.f.suggestionVerification = { status: 'not-run', reason: 'the verification limit of this run was reached' };
        out.notRun++;
        continue;
      }
      ran++;
      job.f.suggestionVerification = await runPlaced(session, base, review.slice(0, job.i), job.m, [job.place], limits, seedRows, 'the suggestion');
      const v = job.f.suggestionVerification;
      if (v.status === 'verified') out.verified++;
      else if (v.status === 'not-run') out.notRun++;
      else {
        out.failed++;
        takeBack(job, v);
      }
    }
    // Then together, as the author applies them: each verified alone may still break another
    // (a SET before a CREATE INDEX CONCURRENTLY that goes to a file of its own makes that file
    // two statements, which golang-migrate runs as one transaction).
    // The suggestions of migration `i` that were verified alone (`group`: those that can all be
    // applied), run together.
    const runTogether = async (i: number, m: AnalyzedMigration, group: Job[]): Promise<void> => {
      inGroup = group;
      const before = review.slice(0, i);
      const lines = (list: readonly Job[]) => list.map((j) => j.f.line).join(', ');
      if (Date.now() > limits.deadline) {
        for (const j of group) j.f.suggestionVerification = { status: 'not-run', reason: `not run together with the other suggestions for this file (lines ${lines(group.filter((g) => g !== j))}): the verification time limit was reached` };
        out.verified -= group.length;
        out.notRun += group.length;
        return;
      }
      const all = await runPlaced(session, base, before, m, group.map((j) => j.place), limits, seedRows, 'the suggestions together');
      if (all.status === 'verified') return;
      if (all.status === 'not-run') {
        for (const j of group) j.f.suggestionVerification = { status: 'not-run', reason: `run together with the other suggestions for this file (lines ${lines(group.filter((g) => g !== j))}): ${all.reason}` };
        out.verified -= group.length;
        out.notRun += group.length;
        return;
      }
      // One by one, the most important first (group's order): the first that breaks what is kept is the one to take back.
      const kept = [group[0]!];
      for (const j of group.slice(1)) {
        if ((ran >= (opts.limit ?? 20) || Date.now() > limits.deadline) && kept.length + 1 < group.length) {
          j.f.suggestionVerification = { status: 'not-run', reason: `together with the other suggestions for this file it failed (${all.reason}), and the verification limit was reached before the one that breaks was found` };
          out.verified--;
          out.notRun++;
          continue;
        }
        const trial = [...kept, j];
        // The whole group is what failed already: no need to run it again.
        const whole = trial.length === group.length;
        if (!whole) ran++;
        const v = whole ? all : await runPlaced(session, base, before, m, inFileOrder(trial).map((t) => t.place), limits, seedRows, 'the suggestions together');
        if (v.status === 'verified') {
          kept.push(j);
          continue;
        }
        out.verified--;
        if (v.status === 'not-run') {
          j.f.suggestionVerification = v;
          out.notRun++;
          continue;
        }
        j.f.suggestionVerification = { ...v, reason: `applied together with the suggestion${kept.length > 1 ? 's' : ''} for line${kept.length > 1 ? 's' : ''} ${lines(kept)}, it fails: ${v.reason}` };
        out.failed++;
        takeBack(j, j.f.suggestionVerification as Extract<Verification, { status: 'failed' }>);
      }
    };
    for (const [i, m] of review.entries()) {
      const alone = jobs.filter((j) => j.i === i && j.f.suggestionVerification?.status === 'verified');
      const group = together(alone);
      if (group.length >= 2) await runTogether(i, m, group);
      // A suggestion replacing a statement another one in the group replaces is its alternative:
      // shown both as verified, a reader would run both. Only the one tried with the rest is shown.
      for (const alt of alone.filter((j) => !group.some((g) => g.f === j.f))) {
        withdrawAlternative(alt, group, out, opts.fallback, takeBack);
      }
    }
    inGroup = undefined;
  } catch (e) {
    const reason = `the verification engine failed: ${e instanceof Error ? e.message : String(e)}`;
    for (const j of jobs) {
      if (!j.f.suggestionVerification) {
        j.f.suggestionVerification = { status: 'not-run', reason };
        out.notRun++;
      } else if (inGroup?.some((g) => g.f === j.f) && j.f.suggestionVerification.status === 'verified') {
        // Verified alone, but not together with the rest of its file, which is what it claims.
        j.f.suggestionVerification = { status: 'not-run', reason: `not run together with the other suggestions for this file: ${reason}` };
        out.verified--;
        out.notRun++;
      }
    }
  } finally {
    await own?.dispose();
  }
  return out;
}

async function runPlaced(
  session: VerifySession,
  base: DryRunMigration[],
  before: AnalyzedMigration[],
  m: AnalyzedMigration,
  placements: Placement[],
  limits: Limits,
  seedRows: number,
  what: string,
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
    const parts = placedParts(m, placements, sandbox.serverVersion);
    let err: Pick<DryRunError, 'message' | 'sqlstate'> | null = null;
    for (const part of parts) {
      if (part.noEffect) {
        err = { message: part.noEffect, sqlstate: '25P01' };
        break;
      }
      try {
        err = await runPart(sandbox, m.migration.up.path, part, limits, templateOptions(m.migration.layout));
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
  return own ? { status: 'not-run', reason: `${own}; ${what} failed on them too (${failure})` } : result;
}

/** Whether two placements are the same suggestion, comments (which say where it goes) included, runs of whitespace as one space. */
function sameSql(a: Placement, b: Placement): boolean {
  const text = (p: Placement) => p.suggestion.replace(/\s+/g, ' ').trim();
  return a.runs === b.runs && text(a) === text(b) && [...a.also].join() === [...b.also].join();
}

/** The statements a replacing suggestion takes the place of. */
function claims(p: Placement): number[] {
  return [...(p.index === undefined ? [] : [p.index]), ...p.also];
}

/**
 * Takes back the SQL of `alt`, which was verified alone but replaces a statement that the
 * suggestion of another finding in `group` (verified together with the rest of the file, or alone
 * when it is the only one) replaces: the finding names that one and keeps the rule's words.
 */
function withdrawAlternative(alt: Job, group: readonly Job[], out: SuggestionRun, fallback: (f: Finding) => string | undefined, takeBack: (job: Job, v: Extract<Verification, { status: 'failed' }>) => void): void {
  const mine = claims(alt.place);
  const chosen = group.find((g) => g.place.runs === 'instead' && claims(g.place).some((c) => mine.includes(c)));
  if (!chosen) return;
  const v = chosen.f.suggestionVerification;
  if (sameSql(alt.place, chosen.place)) {
    // Two rules asking for the same SQL: one suggestion, and what running it proved is the chosen one's.
    if (v?.status === 'verified') return;
    out.verified--;
    if (v?.status === 'failed') {
      out.failed++;
      alt.f.suggestionVerification = { ...v };
      takeBack(alt, v);
    } else {
      out.notRun++;
      alt.f.suggestionVerification = v ? { ...v } : { status: 'not-run', reason: 'it was not run together with the other suggestions for this file' };
    }
    return;
  }
  const how = v?.status === 'verified'
    ? `was verified${group.length > 1 ? ' together with the other suggestions for this file' : ''} and is the one shown: apply one of them, not both`
    : `was tried first with the other suggestions for this file and is not shown either (${v?.status === 'failed' ? 'it failed' : 'it was not run'}); this one was never run with them`;
  alt.f.suggestionVerification = { status: 'not-run', reason: `it replaces the same statement as the suggestion of ${chosen.f.rule} (line ${chosen.f.line}), which ${how}` };
  out.verified--;
  out.notRun++;
  const words = fallback(alt.f);
  delete alt.f.suggestionRuns;
  delete alt.f.alsoReplaces;
  alt.f.suggestion = `(its SQL is not shown: the suggestion of ${chosen.f.rule} at line ${chosen.f.line} replaces the same statement)${words ? ` ${words}` : ''}`;
}

interface Job {
  m: AnalyzedMigration;
  i: number;
  f: Finding;
  sql: Statement[];
  place: Placement;
}

const FILE_END = Number.MAX_SAFE_INTEGER;

/** How printed SQL for a migration of `layout` is read: pop renders its files as Go templates (as check/analyze-set.ts reads them). */
export function templateOptions(layout: LayoutName): ParseOptions {
  return layout === 'pop' ? { goTemplates: true } : {};
}

/** In the order of the file: by the statement each is about (the file's end for the file as a whole), then as found. */
function inFileOrder(jobs: readonly Job[]): Job[] {
  return [...jobs].sort((a, b) => (a.place.index ?? FILE_END) - (b.place.index ?? FILE_END));
}

/**
 * The suggestions of one migration that can all be applied: those that replace statements
 * first (the change itself), then what runs before or after, each group in the file's order.
 * One replacing a statement another already replaces is an alternative to it, not an addition,
 * and stays out; what goes before or after a statement another takes along goes with that one.
 */
function together(jobs: readonly Job[]): Job[] {
  const replacing = inFileOrder(jobs.filter((j) => j.place.runs === 'instead'));
  const adding = inFileOrder(jobs.filter((j) => j.place.runs !== 'instead'));
  const taken = new Set<number>();
  // A statement one replacing suggestion takes along (one ALTER TABLE for two): the one it went into.
  const absorbedBy = new Map<number, number | undefined>();
  const out: Job[] = [];
  for (const j of replacing) {
    const claimed = claims(j.place);
    if (claimed.some((c) => taken.has(c))) continue;
    // Two about the file as a whole both go at its end: both can be applied.
    for (const c of claimed) taken.add(c);
    for (const c of j.place.also) absorbedBy.set(c, j.place.index);
    out.push(j);
  }
  for (const j of adding) {
    // What goes before or after a statement that went into another goes before or after that one.
    const index = j.place.index;
    out.push(index !== undefined && absorbedBy.has(index) ? { ...j, place: { ...j.place, index: absorbedBy.get(index) } } : j);
  }
  return out;
}
