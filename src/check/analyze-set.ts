// One migration set's parse and analysis, in order, with the set's own state: the unit of work
// runCheck runs on the main thread or hands to a worker thread (check/parallel.ts). Sets share
// nothing, so any split of them over threads gives the same results.
import { fileTransaction, sentAsOneQuery, txControl } from '../core/transaction.js';
import type { Node } from '@pgsql/types';
import { analyzeSource, startAnalysis, type AnalyzeOutput } from '../analyze/analyze.js';
import { tagOnly } from '../analyze/ast.js';
import type { AnalysisState } from '../analyze/state.js';
import { beginFile, newRunState, settleNewObjects } from '../analyze/track.js';
import { foldCompatViews } from '../analyze/rename-view.js';
import { foldTableRebuilds } from '../analyze/table-rebuild.js';
import type { RuleSetting } from '../config/schema.js';
import { serverVersion, type Config, type ServerVersion } from '../config/defaults.js';
import { maxRisk } from '../core/risk.js';
import { byCodeUnit } from '../core/strings.js';
import type { CostCalibration } from '../core/table-stats.js';
import type { FileTransaction, Finding, LayoutName, Migration, MigrationReport, ParsedSource, Risk, SqlSource, Statement } from '../core/types.js';
import { escalateRollbackMissing } from '../discover/findings.js';
import { estimateAnalyzed } from '../estimate/index.js';
import { parseSource, placeholderStandIns, type ParseOptions } from '../parse/index.js';
import { needsNoRollback } from '../rollback/needs-rollback.js';
import { classifyAlone, createdObjects, reviewRollback, type RollbackReview } from '../rollback/review.js';
import { allRules, ruleById } from '../../rules/index.js';
import type { AnalyzedMigration, CheckScope } from './types.js';

export interface Unit {
  migration: Migration;
  underReview: boolean;
}

export interface HistoryEntry {
  migration: Migration;
  up: ParsedSource;
  down: ParsedSource | null;
}

/** What every set's analysis reads; plain data, so it crosses to a worker thread as it is. */
export interface SetContext {
  config: Config;
  /** The config's `rules` and `preset` resolved (effectiveSettings). */
  settings: Record<string, RuleSetting>;
  scopeKind: CheckScope['kind'];
  /** The run replays the history on a database, rollbacks included (so those are parsed too). */
  dryRun: boolean;
  /** Keep the history's trees (the dry-run and the plan's verification replay it). */
  keepHistory: boolean;
  calibration: CostCalibration;
  /** Drop each migration's syntax trees once it is analyzed (CheckOptions.withoutTrees). */
  withoutTrees: boolean;
  /** Discovery's findings about files (missing rollbacks...): each migration report takes its own. */
  extraFindings: Array<Finding & { path: string }>;
  /** A large file may be parsed on a thread of its own while it is analyzed (ParseOptions.parseAhead). */
  parseAhead?: boolean;
  /** Routines any migration of any set creates (AnalysisState.repositoryRoutines), read before the sets are analysed. */
  repositoryRoutines?: string[];
}

export interface SetResult {
  analyzed: AnalyzedMigration[];
  history: HistoryEntry[];
}

/**
 * Parses and analyzes `units` (a set's migrations up to its last one under review) in order.
 * `step` runs before each migration, for progress.
 */
export function analyzeSet(units: readonly Unit[], ctx: SetContext, step: (unit: Unit) => void): SetResult {
  const { config } = ctx;
  const state = newRunState({ ...serverVersion(config), pgVersionAssumed: !config.pgVersionSet, tableStats: config.tableStats });
  if (ctx.repositoryRoutines?.length) state.repositoryRoutines = new Set(ctx.repositoryRoutines);
  const analyzed: AnalyzedMigration[] = [];
  const history: HistoryEntry[] = [];
  const destroys: Array<NonNullable<RollbackReview['destroys']>> = [];
  for (const unit of units) {
    const m = unit.migration;
    // A deleted migration is no longer part of the history the pull request builds on.
    if (m.change === 'deleted') continue;
    step(unit);
    // A history migration's rollback matters only to the dry-run, which replays the history.
    const down = m.down && (unit.underReview || ctx.dryRun) ? inRunOrder(parse(m.down, placeholdersOf(m, config.placeholders), m.layout, ctx.parseAhead, m.envsub), m.downOrder) : null;
    if (!unit.underReview) {
      // Only the dry-run and the plan's verification replay the history; otherwise its trees would only take memory.
      const { up } = parseAndAnalyze(state, m, true, ctx, !ctx.keepHistory);
      if (ctx.keepHistory) history.push({ migration: m, up, down });
      continue;
    }
    // The rollback's review reads the up file's trees after the analysis.
    const reviewsRollback = down !== null && m.rollbackStatus === 'present';
    const dropEarly = ctx.withoutTrees && !reviewsRollback;
    const { up, out, transaction } = parseAndAnalyze(state, m, false, ctx, dropEarly);
    estimateAnalyzed(out, config, allRules, ctx.calibration);
    // A pull request's new migrations deploy together, so what one creates is new to the next;
    // a whole-repository or file review judges each migration against the history before it.
    if (ctx.scopeKind !== 'changes') settleNewObjects(state);
    const { report, rollbackDestroys, preexisting } = buildMigrationReport(m, up, down, out, transaction, ctx.extraFindings, placeholdersOf(m, config.placeholders), serverVersion(config));
    destroys[analyzed.length] = rollbackDestroys ?? [];
    analyzed.push({
      migration: m,
      up: ctx.withoutTrees && !dropEarly ? withoutTrees(up) : up,
      down: down && ctx.withoutTrees ? withoutTrees(down) : down,
      report,
      transaction,
      ...(out.suppressed.length ? { suppressed: out.suppressed } : {}),
      ...(preexisting.length ? { preexisting } : {}),
    });
  }
  forgiveCreatedAlongside(analyzed, destroys, ctx.scopeKind === 'changes');
  return { analyzed, history };
}

/**
 * A rollback that drops what a later migration of the set creates loses nothing that was there
 * before its own migration ran, nor does one that drops what another migration the pull request
 * adds creates (they deploy and roll back together): pop's split groups (kratos'
 * `<version>000000`..`000004`) pair their downs in reverse, so each down drops the column a
 * sibling added. Those findings go, and the report's risk is worked out again without them.
 */
function forgiveCreatedAlongside(analyzed: AnalyzedMigration[], destroys: ReadonlyArray<NonNullable<RollbackReview['destroys']>>, inChange: boolean): void {
  const added = new Set(inChange ? analyzed.filter((a) => a.migration.change === 'added').flatMap((a) => createdObjects(a.report.operations)) : []);
  const later = new Set<string>();
  for (let i = analyzed.length - 1; i >= 0; i--) {
    const forgiven = new Set(destroys[i]!.filter((d) => later.has(d.object) || (analyzed[i]!.migration.change === 'added' && added.has(d.object))).map((d) => d.finding));
    const a = analyzed[i]!;
    if (forgiven.size > 0) {
      const findings = a.report.findings.filter((f) => !forgiven.has(f));
      a.report = { ...a.report, findings, risk: reportRisk(findings, a.up) };
    }
    for (const object of createdObjects(a.report.operations)) later.add(object);
  }
}

function parse(src: SqlSource, placeholders: Record<string, string>, layout: LayoutName, parseAhead?: boolean, envsub?: boolean): ParsedSource {
  return parseSource(src, parseOptionsFor(layout, placeholders, parseAhead, envsub));
}

/**
 * The rollback's statements in the order the runner runs them (Migration.downOrder: Liquibase's
 * changesets last first), each where the file has it; numbered again in that order, so every
 * stage that walks them by index walks them as they run.
 */
export function inRunOrder(parsed: ParsedSource, order: ReadonlyArray<readonly [number, number]> | undefined): ParsedSource {
  if (!order || order.length < 2) return parsed;
  const rank = (s: Statement) => {
    const i = order.findIndex(([a, b]) => s.start >= a && s.start < b);
    return i < 0 ? order.length : i;
  };
  const sorted = parsed.statements.map((s, i) => ({ s, i, r: rank(s) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.s);
  const renumber = new Map(sorted.map((s, i) => [s.index, i]));
  const statements = sorted.map((s, i) => ({ ...s, index: i, ...(s.nestedIn ? { nestedIn: { ...s.nestedIn, statement: renumber.get(s.nestedIn.statement) ?? s.nestedIn.statement } } : {}) }));
  return { ...parsed, statements };
}

/**
 * The placeholder values a migration runs with: the configured ones, and for the rest those its
 * own file defines (a Liquibase property is set once; the first value, the deployment's, stays).
 */
function placeholdersOf(m: Migration, configured: Record<string, string>): Record<string, string> {
  return m.placeholders ? { ...m.placeholders, ...configured } : configured;
}

/** How a file of `layout` is parsed: pop renders its SQL files as Go templates (supabase/auth: {{ index .Options "Namespace" }}). */
export function parseOptionsFor(layout: LayoutName, placeholders: Record<string, string>, parseAhead = false, envsub = false): ParseOptions {
  return { placeholders, goTemplates: layout === 'pop', ...(envsub ? { envsub } : {}), ...(parseAhead ? { parseAhead } : {}) };
}

/**
 * An implicit-mode file at least this long is parsed twice rather than held whole: first for
 * what its transaction resolves by (its top-level statements and which control the transaction),
 * keeping no tree, then streamed as every other file is. Held whole, trees take about 90 bytes
 * per byte of SQL (the 20 MB file analysed that way peaked at 1.76 GB); a parse takes about
 * 0.2 s of CPU per MB.
 */
export const STREAM_IMPLICIT_MIN_CHARS = 1_000_000;

/**
 * Parses `m`'s up file and analyzes it (`learningOnly`: only its effect on the state). Once the
 * file's transaction is known, each statement is analysed as the parser makes it, and
 * `dropTrees` lets its tree go at once (the statement keeps its tag alone, tagOnly): a 20 MB
 * file never holds every tree. Implicit resolves by the whole file: a small one parses first (and
 * drops the trees after, as NO_TREE); a large one whose trees go is parsed once for its outline
 * first (STREAM_IMPLICIT_MIN_CHARS).
 */
function parseAndAnalyze(state: AnalysisState, m: Migration, learningOnly: boolean, ctx: SetContext, dropTrees: boolean): { up: ParsedSource; out: AnalyzeOutput; transaction: FileTransaction } {
  const opts = parseOptionsFor(m.layout, placeholdersOf(m, ctx.config.placeholders), ctx.parseAhead, m.envsub);
  let transaction: FileTransaction;
  let oneQuery = false;
  // Trees kept anyway (the rollback's review reads them): a first parse would only cost time.
  if (m.transaction === 'implicit' && (m.up.text.length < STREAM_IMPLICIT_MIN_CHARS || !dropTrees)) {
    const parsed = parseSource(m.up, opts);
    transaction = fileTransaction(m.transaction, parsed.statements);
    beginFile(state, m.up.path, transaction, learningOnly, m.layout, sentAsOneQuery(m.transaction, parsed.statements));
    const out = analyzeSource(parsed, m.up.text, state, allRules, ctx.settings);
    return { up: dropTrees ? withoutTrees(parsed) : parsed, out, transaction };
  }
  if (m.transaction === 'implicit') {
    // What fileTransaction and sentAsOneQuery read: each statement's nesting, and the tree of a transaction control statement.
    const outline = parseSource(m.up, { ...opts, parseAhead: false }, (s) => (txControl(s) === null ? { ...s, ast: tagOnly(s.ast) } : s));
    transaction = fileTransaction(m.transaction, outline.statements);
    oneQuery = sentAsOneQuery(m.transaction, outline.statements);
  } else transaction = m.transaction;
  beginFile(state, m.up.path, transaction, learningOnly, m.layout, oneQuery);
  const analysis = startAnalysis(state, allRules, ctx.settings);
  // The parser reports what it throws as a parse error; a failure of the analysis is not one.
  let failed: { error: unknown } | undefined;
  const up = parseSource(m.up, opts, (s) => {
    // One tree-less copy, held by the result and by the analysis's look-back (earlierInFile).
    const light = dropTrees ? withTagOnly(s) : undefined;
    if (failed === undefined) {
      try {
        analysis.feed(s, light);
      } catch (error) {
        failed = { error };
      }
    }
    return light ?? s;
  });
  if (failed !== undefined) throw failed.error;
  return { up, out: analysis.finish(up, m.up.text), transaction };
}

/** A migration report's risk: its findings' highest, and DANGEROUS when its up file did not parse. */
function reportRisk(findings: readonly Finding[], up: ParsedSource): Risk {
  return maxRisk(...findings.map((f) => f.risk), ...(up.errors.length ? ['DANGEROUS' as const] : []));
}

/**
 * The statements of an edited migration that stand as the base branch has them (their findings are
 * not the edit's), by index; none when the edit changed what those statements run under: a
 * setting, a transaction boundary or a table created before them added or taken away, or a runner
 * directive in a comment (`-- +goose NO TRANSACTION`, `-- migrate:up transaction:false`). Then
 * the same text can run differently, and every finding stays.
 */
function statementsAsBefore(m: Migration, up: ParsedSource, base: ParsedSource, baseUp: string): Set<number> {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim().replace(/;$/, '');
  if (directives(baseUp) !== directives(m.up.text)) return new Set();
  const pool = (statements: readonly Statement[]) => {
    const left = new Map<string, Statement[]>();
    for (const s of statements) {
      const list = left.get(norm(s.text));
      if (list) list.push(s);
      else left.set(norm(s.text), [s]);
    }
    return left;
  };
  const left = pool(base.statements.filter((s) => !s.nestedIn));
  const same = new Set<number>();
  const kept = new Set<number>();
  const added: Statement[] = [];
  for (const s of up.statements) {
    if (s.nestedIn) continue;
    const was = left.get(norm(s.text))?.shift();
    if (was) {
      same.add(s.index);
      kept.add(was.index);
    } else added.push(s);
  }
  // Inside a DO block or routine body the edit changed (supabase/storage's migrations are one DO
  // block each; one line of it edited reported every ALTER of it again), a statement of the base
  // branch's blocks, word for word, is as it was: it ran with the migration too.
  const nestedLeft = pool(base.statements.filter((s) => s.nestedIn && !kept.has(s.nestedIn.statement)));
  for (const s of up.statements) {
    if (!s.nestedIn) continue;
    if (same.has(s.nestedIn.statement) || nestedLeft.get(norm(s.text))?.shift()) same.add(s.index);
    else added.push(s);
  }
  const removed = [...left.values(), ...nestedLeft.values()].flat();
  if ([...added, ...removed].some(changesContext)) return new Set();
  return same;
}

/** Statement kinds that change how the statements after them run. */
const CONTEXT_TAGS: ReadonlySet<string> = new Set(['VariableSetStmt', 'TransactionStmt', 'CreateStmt', 'CreateTableAsStmt']);

function changesContext(s: Statement): boolean {
  for (const key in s.ast) return CONTEXT_TAGS.has(key);
  return false;
}

/** A migration's runner directives in comments, in order (goose, dbmate, Flyway, sqlx, squawk's...). */
function directives(text: string): string {
  return (text.match(/^[ \t]*--[ \t]*(?:\+goose|migrate:|flyway:|squawk-|atlas:|no-transaction|disable-transaction|postgres-migrations).*$/gim) ?? []).map((l) => l.trim()).join('\n');
}

/**
 * A changeset of the base branch's without a rollback, in a changelog the change added
 * changesets to: the base branch's to answer for, not this change's (its new ones are told).
 */
function baseChangesetWithoutRollback(m: Migration, f: Finding): boolean {
  if (f.rule !== 'rollback-missing' || !m.baseChangesets || m.rollbackStatus !== 'present') return false;
  let at = 0;
  for (let line = 1; line < f.line; line++) {
    const newline = m.up.text.indexOf('\n', at);
    if (newline < 0) return false;
    at = newline + 1;
  }
  return m.baseChangesets.some(([start, end]) => start === at && end > start && /^\s*--\s*changeset\s/i.test(m.up.text.slice(start, Math.min(end, start + 200))));
}

/** Rules whose finding on a statement says that its data is gone for good, as rollback-data-loss would. */
const DESTROYING_RULES: ReadonlySet<string> = new Set(['ban-drop-column', 'ban-drop-table', 'ban-truncate', 'ban-drop-schema', 'dml-without-where']);

function buildMigrationReport(
  m: Migration,
  up: ParsedSource,
  down: ParsedSource | null,
  out: AnalyzeOutput,
  transaction: FileTransaction,
  extra: Array<Finding & { path: string }>,
  placeholders: Record<string, string>,
  version: ServerVersion,
): { report: MigrationReport; rollbackDestroys: RollbackReview['destroys']; preexisting: string[] } {
  const nothingToUndo = needsNoRollback(up, out.operations);
  const own = extra.filter((f) => (f.path === m.up.path || (m.down && f.path === m.down.path)) && !(nothingToUndo && f.rule === 'rollback-missing') && !baseChangesetWithoutRollback(m, f));
  // A Liquibase changelog the change added changesets to: the base branch's changesets ran (or
  // not) by their own ids; what the change brings, rollback included, is the new ones.
  const inBase = m.baseChangesets ? new Set(up.statements.filter((s) => m.baseChangesets!.some(([a, b]) => s.start >= a && s.start < b)).map((s) => s.index)) : undefined;
  const review = inBase
    ? reviewRollback(m, { ...up, statements: up.statements.filter((s) => !inBase.has(s.index)) }, down, out.operations.filter((o) => !inBase.has(o.statement)), version)
    : reviewRollback(m, up, down, out.operations, version);
  // The base branch's up, parsed once for the two comparisons that read it.
  const parsedBase = new Map<string, ParsedSource>();
  const baseOf = (text: string) => parsedBase.get(text) ?? parsedBase.set(text, parse({ path: m.up.path, text }, placeholders, m.layout, false, m.envsub)).get(text)!;
  const before = m.rollbackAsBase && down ? baseRollbackProblems(m, baseOf(m.rollbackAsBase.baseUp), down, version) : new Set<string>();
  // A statement whose own finding already says its data is gone for good (ban-drop-column,
  // ban-drop-table, ...; reported, or silenced by an ignore directive) is not told so twice: 744
  // of the corpus's 863 rollback-data-loss findings sat on such a statement.
  const saidGone = new Set([...out.findings, ...out.suppressed.map((x) => x.finding)].filter((f) => DESTROYING_RULES.has(f.rule) && f.statement !== undefined).map((f) => f.statement));
  const told = review.findings.filter((f) => !(f.rule === 'rollback-data-loss' && f.path === m.up.path && f.statement !== undefined && saidGone.has(f.statement)));
  const kept = told.filter((f) => !before.has(problemKey(f)));
  const rollback: RollbackReview = { ...review, findings: kept, ...(review.destroys ? { destroys: review.destroys.filter((d) => kept.includes(d.finding)) } : {}) };
  const preexisting = told.filter((f) => !kept.includes(f)).map((f) => f.rule);
  const findings = foldCompatViews(
    foldTableRebuilds([...out.findings, ...rollback.findings], out.operations, m.up.path, transaction === 'wrapped'),
    out.operations, up.statements, transaction === 'wrapped',
  );
  // The analysis wrote the placeholders back into its own findings; the rollback review's and
  // the table rebuilds' are made here, from names as parsed.
  const analyzed = new Set(out.findings);
  writePlaceholders(findings.filter((f) => !analyzed.has(f)), up, down);
  const coreRisk = reportRisk(findings, up);
  // A missing rollback matters more when the migration itself is dangerous.
  const discovery = escalateRollbackMissing(own, coreRisk);
  const asBefore = inBase ?? (m.baseUp !== undefined ? statementsAsBefore(m, up, baseOf(m.baseUp), m.baseUp) : undefined);
  // A file-level finding (foreign-key-without-index, at the end of the file) stands at the statement
  // it is about: a top-level one, else one in a DO block (supabase/storage's foreign keys).
  const at = (f: Finding, nested: boolean) => up.statements.find((s) => !s.nestedIn === !nested && s.line === f.line && s.column === f.column);
  const statementOf = (f: Finding) => f.statement ?? (at(f, false) ?? at(f, true))?.index;
  const fromEdit = asBefore ? findings.filter((f) => {
    const at = f.path === m.up.path ? statementOf(f) : undefined;
    return !(at !== undefined && asBefore.has(at) && !f.rule.startsWith('rollback-'));
  }) : findings;
  const leftOut = findings.length - fromEdit.length;
  const editNote = leftOut > 0 ? [{ path: m.up.path, line: 1, column: 1, message: `${leftOut} finding${leftOut === 1 ? '' : 's'} on statements this change leaves as the base branch has them ${leftOut === 1 ? 'is' : 'are'} not shown: a database that ran the migration does not run them again, and one that has not runs them as they were; only what the edit brings is reviewed` }] : [];
  const allFindings = [...fromEdit, ...discovery].sort((a, b) => byCodeUnit(a.path ?? '', b.path ?? '') || a.line - b.line);
  const report: MigrationReport = {
    path: m.up.path,
    risk: reportRisk(allFindings, up),
    rollback: { path: m.down?.path ?? null, status: nothingToUndo && m.rollbackStatus === 'missing' ? 'not-required' : m.rollbackStatus },
    operations: out.operations,
    findings: allFindings,
    id: m.id,
    layout: m.layout,
    change: m.change,
    ...(rollback.irreversible ? { irreversible: true } : {}),
    ...(up.notes.length || editNote.length ? { notes: [...up.notes, ...editNote] } : {}),
  };
  return { report, rollbackDestroys: rollback.destroys, preexisting };
}

/**
 * Writes the placeholders of either file into the findings as the file has them, not as the
 * stand-ins they were parsed as (the rollback review's findings name the up's objects too).
 */
function writePlaceholders(findings: readonly Finding[], up: ParsedSource, down: ParsedSource | null): void {
  const placeholders = [...(up.unknownPlaceholders ?? []), ...(down?.unknownPlaceholders ?? [])];
  if (placeholders.length === 0 || findings.length === 0) return;
  const standIns = placeholderStandIns(placeholders);
  // In place: the rollback review's `destroys` hold these very findings.
  for (const f of findings) {
    const message = standIns.restore(f.message);
    if (message !== f.message) f.message = message;
    const suggestion = f.suggestion === undefined ? undefined : standIns.restore(f.suggestion, ruleById(f.rule)?.docs.instead);
    if (suggestion !== f.suggestion) {
      if (suggestion) f.suggestion = suggestion;
      else delete f.suggestion;
    }
  }
}

/** What the rollback review says of a pair of files, for telling one review from another. */
const problemKey = (f: Finding): string => `${f.rule}\0${f.path ?? ''}\0${f.message}`;

/** The rollback review's findings that only compare the rollback with its up, and so an edit of the up can bring or take away. */
const PAIR_PROBLEMS: ReadonlySet<string> = new Set(['rollback-empty', 'rollback-mismatch', 'rollback-destroys-data']);

/**
 * The problems the rollback review finds with the rollback as the base branch has it, held
 * against the up as the base branch had it (parsed as the up is: ENVSUB too): the base
 * branch's, not the edit's. The up's statements are classified on their own (no history), as
 * the review classifies the rollback's: only what they create, drop and rename counts (a DO
 * block's statements included).
 */
function baseRollbackProblems(m: Migration, up: ParsedSource, down: ParsedSource, version: ServerVersion): Set<string> {
  // A DO block's statements run with the file, and the up's own review counts what they make:
  // left out here, an edited block's unchanged CREATE INDEX was the edit's rollback-mismatch.
  const ops = classifyAlone(up.statements.filter((s) => !s.nestedIn || s.nestedIn.kind === 'do-block'), version).flatMap((x) => x.ops);
  return new Set(reviewRollback(m, up, down, ops, version).findings.filter((f) => PAIR_PROBLEMS.has(f.rule)).map(problemKey));
}

/**
 * `s` with its tree reduced to its tag (tagOnly), its fields in the same order. Written out, not
 * `{ ...s, ast }`: a copy made by spreading kept most of its fields in a second block beside the
 * object (about 50 bytes more for each of a large file's 10^5 statements).
 */
function withTagOnly(s: Statement): Statement {
  const light: Statement = { index: s.index, path: s.path, line: s.line, column: s.column, start: s.start, end: s.end, text: s.text, ast: tagOnly(s.ast), comments: s.comments };
  if (s.nestedIn) light.nestedIn = s.nestedIn;
  return light;
}

/**
 * Stands in for every syntax tree a run without trees dropped (CheckOptions.withoutTrees): an
 * empty node no stage recognises, shared, so it costs nothing to hold or to send.
 */
export const NO_TREE = Object.freeze({}) as Node;

/** The parsed source with each statement's syntax tree replaced by NO_TREE. */
export function withoutTrees(src: ParsedSource): ParsedSource {
  return { ...src, statements: src.statements.map((s) => ({ ...s, ast: NO_TREE })) };
}
