// One review run: discover -> parse -> analyze -> (rollback review) -> (dry-run) -> report.
// The surfaces call this and render the result; it does no GitHub I/O, and only the dry-run
// stage talks to Postgres.
import { effectiveSettings } from '../analyze/rule.js';
import { maxRisk } from '../core/risk.js';
import type { DryRunError, DryRunResult, FileChange, Finding, Migration, MigrationReport, Report, ReportError, ReportNote, RepoFiles, Risk } from '../core/types.js';
import { applyChanges } from '../discover/changes.js';
import { discoverMigrations, type MigrationSet } from '../discover/discover.js';
import { decodeText } from '../discover/text.js';
import { initParser, parseSource, topLevelStatements, type ParseOptions } from '../parse/index.js';
import { routineBodyTokens } from '../parse/body-tokens.js';
import { routinesCreatedInText } from '../analyze/routine-calls.js';
import { calibrationFor, impactOf } from '../estimate/index.js';
import { allRules, ruleById } from '../../rules/index.js';
import { analyzeSet, parseOptionsFor, type HistoryEntry, type SetContext, type Unit } from './analyze-set.js';
import { idleMeter, parseAhead, runSetsInParallel } from './parallel.js';
import type { AnalyzedMigration, CheckOptions, CheckResult } from './types.js';
import { byCodeUnit } from '../core/strings.js';

export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const { config } = opts;
  const progress = opts.onProgress ?? (() => {});
  // Only a run without syntax trees may go to worker threads (check/parallel.ts).
  const withoutTrees = opts.withoutTrees === true && !opts.dryRun && !opts.keepHistory;
  // How busy the machine is while this thread discovers: whether worker threads would find idle cores.
  const meter = idleMeter();
  const idleCores = withoutTrees ? meter : () => 0;
  await initParser();

  progress({ stage: 'discover', done: 0, total: 1 });
  const only = opts.scope.kind === 'paths' ? opts.scope.paths : undefined;
  // What the change touches (both names of a rename), adds (or renames there), and where it moved files from.
  const changes = opts.scope.kind === 'changes' ? await withLinksToChanged(opts.scope.changes, opts.files) : null;
  const changedPaths = changes?.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])) ?? null;
  const touched = new Set(changedPaths ?? []);
  const added = new Set<string>();
  const renamedFrom = new Map<string, string>();
  for (const c of changes ?? []) {
    if (c.status === 'added' || c.status === 'renamed') added.add(c.path);
    if (c.previousPath) renamedFrom.set(c.path, c.previousPath);
  }
  const base = opts.scope.kind === 'changes' ? opts.scope.base : null;
  const gone = (changes ?? []).flatMap((c) => (c.status === 'deleted' ? [c.path] : c.status === 'renamed' && c.previousPath ? [c.previousPath] : []));
  const discovered = await discoverMigrations(
    opts.files,
    config,
    only ? { only, statements: topLevelStatements } : changedPaths ? { statements: topLevelStatements, changedByChange: (p) => touched.has(p), addedByChange: (p) => added.has(p), previousPath: (p) => renamedFrom.get(p), goneByChange: gone, presentByChange: (changes ?? []).filter((c) => c.status !== 'deleted').map((c) => c.path), ...(base ? { base } : {}), ...(opts.scope.kind === 'changes' && opts.scope.readBase ? { readBase: opts.scope.readBase } : {}) } : { statements: topLevelStatements },
  );
  const errors: ReportError[] = [...discovered.errors];
  const extraFindings: Array<Finding & { path: string }> = [...discovered.findings];
  let sets = discovered.sets;
  let baseSets: MigrationSet[] | null = null;
  const changeNotes: ReportNote[] = [];

  if (opts.scope.kind === 'changes') {
    baseSets = opts.scope.base ? (await discoverMigrations(opts.scope.base, config, { statements: topLevelStatements })).sets : null;
    const changed = applyChanges(sets, changes!, baseSets, (a, b, layout) => sameStatements(a, b, parseOptionsFor(layout, config.placeholders)));
    sets = changed.sets;
    extraFindings.push(...changed.findings);
    changeNotes.push(...(opts.scope.notes ?? []), ...changed.notes);
  }
  progress({ stage: 'discover', done: 1, total: 1 });

  // Which migrations are under review, and which are history (learned from, not reported).
  const perSet: Unit[][] = sets.map((set) =>
    set.migrations.map((m) => ({
      migration: m,
      underReview:
        opts.scope.kind === 'changes' ? m.change === 'added' || m.change === 'modified' || m.change === 'renamed' : true,
    })),
  );
  // History only matters before the first migration under review of each set.
  const total = perSet.reduce((n, units) => n + lastReviewedIndex(units) + 1, 0);

  // The config's `rules` and `preset` decide which rules run and at which risk.
  const ctx: SetContext = {
    config,
    settings: effectiveSettings(allRules, config.preset, config.rules),
    scopeKind: opts.scope.kind,
    dryRun: opts.dryRun === true,
    keepHistory: opts.dryRun === true || opts.keepHistory === true,
    withoutTrees,
    calibration: await calibrationFor(config, opts.dryRun === true),
    extraFindings,
    parseAhead: parseAhead(meter),
    repositoryRoutines: repositoryRoutines(sets),
  };
  const work = perSet.map((units) => units.slice(0, lastReviewedIndex(units) + 1));
  // The engine as configured.
  const engine = {
    engine: config.dryRun.engine,
    ...(config.dryRun.databaseUrl ? { databaseUrl: config.dryRun.databaseUrl } : {}),
    memoryLimitMb: config.dryRun.memoryLimitMb,
  };
  // With a dry-run to come, its engine starts now and, on a cold cache, runs initdb in its
  // worker thread while this one analyses (PgliteProvider.prepare): the session the dry-run
  // and the verifiers share is made here for that, and disposed of however the run ends.
  const verify = opts.dryRun && work.some((units) => units.length > 0) ? await import('../verify/index.js') : null;
  const session = verify ? new verify.VerifySession({ ...engine, targetMajor: config.pgVersion }) : null;
  session?.provider.prepare?.();
  try {
    let done = 0;
    // `count`: a worker thread reports the migrations it went through since its last report at once.
    const step = (unit: Unit, count = 1) => {
      done += count;
      progress({ stage: unit.underReview ? 'analyze' : 'parse', done: done - 1, total, label: unit.migration.up.path });
    };
    const parallel = ctx.withoutTrees ? await runSetsInParallel(work, ctx, step, idleCores) : null;
    const results = parallel ?? work.map((units) => analyzeSet(units, ctx, step));
    const analyzed = results.flatMap((r) => r.analyzed);
    const { history, perSet: historyPerSet, review: replayed } = replayOrder(work, results, ctx.keepHistory);
    const sources = new Map<string, string>();
    for (const { migration: m } of analyzed) {
      sources.set(m.up.path, m.up.text);
      if (m.down && m.down.path !== m.up.path) sources.set(m.down.path, m.down.text);
      // A one-file layout's up and rollback are sections of one file: the report shows, and an
      // approval binds (github/content-hash.ts), the file as it is. The rollback section alone
      // stood for it, so an edit of what runs that kept the file's length kept the approval.
      else if (m.down) sources.set(m.up.path, await opts.files.read(m.up.path).then(decodeText, () => overlay(m.up.text, m.down!.text)));
    }
    progress({ stage: 'analyze', done: total, total });

    // Scope: with a change under review, only the files it touches are reported; what the base
    // branch already had is context, and its problems are at most one note (docs/scope.md).
    // Notes about folders (other engines, a sparse checkout) only where the change touched them.
    const notes: ReportNote[] = [...discovered.notes.filter(
      (n) => changedPaths === null || n.path === undefined || changedPaths.some((p) => p === n.path || p.startsWith(`${n.path}/`)),
    ), ...changeNotes];
    const reviewedPaths = new Set(analyzed.flatMap((a) => (a.migration.down ? [a.migration.up.path, a.migration.down.path] : [a.migration.up.path])));
    const inScope = scopeFilter(changes, reviewedPaths, await opts.files.list());
    const unrelated = new Map<string, number>();
    const countUnrelated = (what: string) => unrelated.set(what, (unrelated.get(what) ?? 0) + 1);
    for (const e of extraFindings) {
      if (reviewedPaths.has(e.path)) continue; // already in its migration's report
      if (!inScope(e.path)) {
        countUnrelated(e.rule);
        continue;
      }
      // Findings about files no migration report holds (a deleted migration, an orphan rollback).
      errors.push({ path: e.path, line: e.line, column: e.column, message: e.message, rule: e.rule, risk: e.risk });
    }
    const discoveryErrors = errors.splice(0, errors.length);
    for (const e of discoveryErrors) {
      if (inScope(e.path)) errors.push(e);
      else countUnrelated(e.rule ?? 'parse error');
    }
    if (unrelated.size > 0) notes.push(unrelatedNote(unrelated));
    const kept = new Map<string, number>();
    for (const rule of analyzed.flatMap((a) => a.preexisting ?? [])) kept.set(rule, (kept.get(rule) ?? 0) + 1);
    if (kept.size > 0) notes.push(keptRollbackNote(kept));
    for (const a of analyzed) errors.push(...parseErrorsOf(a));

    let planVerification: CheckResult['planVerification'];
    let verifiedPlan: CheckResult['plan'];
    if (session && verify && analyzed.length > 0) {
      const { runDryRun, mergeDryRun, takeSnapshot } = await import('../dryrun/index.js');
      const { verifySuggestions, verifyPlan, readColumnShapes, readMigrationShapes, hasShapeTargets } = verify;
      // One engine and its images (`engine`, opened by the session) for the dry-run and every
      // verification after it (src/verify/session.ts).
      const review = replayed.map((a) => ({ migration: a.migration, up: a.up, down: a.down }));
      const snapshots = changes ? fromSnapshots(sets, historyPerSet, baseSets, touched, config.placeholders) : null;
      const snapshotBase = snapshots?.base;
      session.useExtensionsOf({ base: [...history, ...(snapshotBase ?? [])], review });
      const byId = new Map(analyzed.map((a) => [a.migration.id, a]));
      const result = await runDryRun(
        { base: history, review, ...(snapshotBase ? { snapshotBase } : {}) },
        {
          ...engine,
          statementTimeoutMs: config.dryRun.statementTimeoutMs,
          totalTimeoutMs: config.dryRun.totalTimeoutMs,
          seedRows: config.dryRun.seedRows,
          // As the analysis judges them: a change's migrations deploy together (what one creates
          // is new and empty to the next); a whole-history review replays a history that ran.
          seedBefore: opts.scope.kind === 'changes' ? 'base' : 'each',
          targetMajor: config.pgVersion,
          onProgress: progress,
          provider: session.provider,
          // What the plan and its verification need from a database holding the migrations as
          // written, read from the dry-run's while it is one: no second database to build.
          observe: {
            before: async (db, m) => {
              const a = byId.get(m.migration.id);
              if (!a || !hasShapeTargets(a)) return;
              await readMigrationShapes(db, a);
              session.shapesRead.add(a.migration.id);
            },
            after: async (db, base) => session.rememberSchema({ base, review }, await takeSnapshot(db)),
          },
        },
      );
      for (const a of analyzed) {
        const r = result.results.get(a.migration.id);
        // A rollback the dry-run ran and compared (exact or incomplete) outranks the static guess:
        // each object it left behind is then one observed finding, not also a guessed one.
        const compared = r?.rollback?.status === 'exact' || r?.rollback?.status === 'incomplete';
        if (r) a.report = mergeDryRun(compared ? withoutStaticRollbackGuess(a) : a.report, { ...r, targetPgVersion: config.pgVersion });
      }
      // A reviewed migration replayed as history: its rollback was run in its place (dryrun applyBase).
      for (const a of analyzed) {
        const r = a.migration.historyFollows ? result.base.historyRollbacks?.[a.migration.id] : undefined;
        const compared = r?.rollback?.status === 'exact' || r?.rollback?.status === 'incomplete';
        if (r) a.report = mergeDryRun(compared ? withoutStaticRollbackGuess(a) : a.report, { ...r, targetPgVersion: config.pgVersion });
      }
      const newer = newerEngineNote(result.results.values(), config.pgVersion);
      if (newer) notes.push(newer);
      // What the verifiers replay too: the base the migrations ran after.
      const base = result.baseUsed;
      if (snapshots && result.base.fromSnapshot && result.base.status === 'ok') notes.push(snapshotNote(snapshots.files, result.base.fromSnapshot.historyError));
      // Every suggestion that is SQL to run is run before it is shown (src/verify).
      const verifyOpts = {
        ...engine,
        seedRows: config.dryRun.seedRows || 100,
        statementTimeoutMs: config.dryRun.statementTimeoutMs,
        totalTimeoutMs: config.dryRun.totalTimeoutMs,
        session,
      };
      await verifySuggestions(base, replayed, { ...verifyOpts, fallback: (f) => ruleById(f.rule)?.docs.instead });
      // The columns whose type changes, as the plan needs them (every renderer's plan reads them from `analyzed`).
      await readColumnShapes(base, replayed, verifyOpts);
      // The plan the renderers show, run before it is shown.
      const { buildPlan, planDocument } = await import('../plan/index.js');
      const plan = buildPlan(analyzed, { pgVersion: config.pgVersion });
      if (plan.phases.length > 0) {
        planVerification = await verifyPlan(planDocument(plan, config.pgVersion), { base, review }, verifyOpts);
        verifiedPlan = plan;
      }
    }

    // A migration whose file could not be read or parsed is DANGEROUS (docs/design.md).
    for (const a of analyzed) {
      if (a.migration.upAsBase) a.report = withoutUpFindings(a);
      if (errors.some((e) => e.path === a.migration.up.path && (e.risk ?? 'DANGEROUS') === 'DANGEROUS')) a.report.risk = 'DANGEROUS';
      a.report.impact = impactOf(a.report, a.transaction, config);
    }
    const migrations = analyzed.map((a) => a.report);
    const report: Report = {
      version: 1,
      risk: maxRisk(...migrations.map((m) => m.risk), ...errors.map((e) => e.risk ?? 'DANGEROUS')),
      migrations,
      errors: dedupeErrors(errors),
      pgVersion: config.pgVersion,
      ...(notes.length ? { notes } : {}),
    };
    return { report, migrations: analyzed, sources, history, ...(planVerification ? { planVerification, plan: verifiedPlan } : {}) };
  } finally {
    await session?.dispose();
  }
}

/**
 * The change as it reaches what runs: a symbolic link (a Flyway `R__views.sql` -> `../sql/views.sql`)
 * whose target the change edits, adds or deletes runs other SQL though its own path is unchanged,
 * so it counts as modified. Without it, editing only the target left the migration unreviewed.
 */
async function withLinksToChanged(changes: FileChange[], files: RepoFiles): Promise<FileChange[]> {
  if (!files.links || changes.length === 0) return changes;
  const links = await files.links();
  if (links.size === 0) return changes;
  const touched = new Set(changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])));
  const added: FileChange[] = [];
  for (const [link, target] of links) {
    if (touched.has(link)) continue;
    if (target !== null && touched.has(target)) added.push({ path: link, status: 'modified' });
  }
  return added.length === 0 ? changes : [...changes, ...added];
}

/**
 * Which paths may carry a finding or an error. A whole-repository or file review reports
 * everything; a change reports the files it touches and the migrations it reviews, and keeps
 * problems about paths that are not files of the tree (a configured folder with no SQL).
 */
function scopeFilter(changes: readonly FileChange[] | null, reviewed: ReadonlySet<string>, listed: readonly string[]): (path: string) => boolean {
  if (changes === null) return () => true;
  const changed = new Set(changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])));
  const files = new Set(listed);
  return (path) => reviewed.has(path) || changed.has(path) || !files.has(path);
}

function unrelatedNote(counts: ReadonlyMap<string, number>): ReportNote {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const what = [...counts.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([rule, n]) => `${n} ${rule}`).join(', ');
  return {
    message: `the base branch already has ${total} problem${total === 1 ? '' : 's'} in files this change does not touch (${what}); they are not part of this review (run \`migration-guard check\` without --base to list them)`,
  };
}

function keptRollbackNote(counts: ReadonlyMap<string, number>): ReportNote {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const what = [...counts.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([rule, n]) => `${n} ${rule}`).join(', ');
  return {
    message: `${total} rollback problem${total === 1 ? '' : 's'} (${what}) ${total === 1 ? 'is' : 'are'} the base branch's: this change edits the migration but leaves its rollback as it was, and the rollback had ${total === 1 ? 'it' : 'them'} with the migration as it was; they are not part of this review`,
  };
}

/**
 * A dry-run on a newer major than the target proves less: syntax and behaviour the target
 * lacks (a newer ALTER form, a relaxed rule) pass there and fail in production. An older
 * engine only errs on the safe side (it fails what the target accepts), so it needs no note.
 */
function newerEngineNote(results: Iterable<DryRunResult>, target: number): ReportNote | undefined {
  for (const r of results) {
    const major = Number(/^(\d+)/.exec(r.serverVersion)?.[1]);
    if (!Number.isInteger(major) || major <= target) continue;
    return {
      message: `the dry-run ran on ${r.engine}, PostgreSQL ${r.serverVersion}, but the target is PostgreSQL ${target} (pgVersion): syntax or behaviour that PostgreSQL ${target} lacks may pass the dry-run and still fail in production; run the dry-run on PostgreSQL ${target} (engine url or local) to be sure`,
    };
  }
  return undefined;
}

/**
 * The history the dry-run and the verifiers replay before the reviewed migrations, and those:
 * a reviewed migration that history follows in its set (an old one edited, reformatted or given
 * a new rollback: lemmy's pg_format upgrades) is replayed as history in its place, so that what
 * follows finds what it made, and is marked historyFollows (nothing to trace or plan: it ran
 * before those); a repeatable one (run again at each deploy that changes it) is replayed there
 * and reviewed after the history too. The history is empty unless the run keeps it (a dry-run).
 */
function replayOrder(work: readonly Unit[][], results: ReadonlyArray<{ analyzed: AnalyzedMigration[]; history: HistoryEntry[] }>, keep: boolean): { history: HistoryEntry[]; perSet: HistoryEntry[][]; review: AnalyzedMigration[] } {
  const history: HistoryEntry[] = [];
  const perSet: HistoryEntry[][] = [];
  const review: AnalyzedMigration[] = [];
  work.forEach((units, i) => {
    const before = history.length;
    const { analyzed, history: past } = results[i]!;
    let lastPast = -1;
    // An unchanged repeatable migration is not run at the deploy: what it made is history, but it
    // does not come after the changed ones (Flyway runs its R__ after all versioned migrations).
    // A changed repeatable one that history follows is replayed in its place too (what follows may
    // use what it makes), and reviewed after the history as well.
    let lastAny = -1;
    units.forEach((u, j) => {
      if (u.underReview || u.migration.change === 'deleted') return;
      lastAny = j;
      if (!u.migration.repeatable) lastPast = j;
    });
    const pastById = new Map(past.map((h) => [h.migration.id, h]));
    const analyzedById = new Map(analyzed.map((a) => [a.migration.id, a]));
    units.forEach((u, j) => {
      const a = analyzedById.get(u.migration.id);
      if (!a) {
        const h = pastById.get(u.migration.id);
        if (h) history.push(h);
      } else if (j < lastAny && a.migration.repeatable) {
        // The runner runs a changed repeatable migration again at the deploy (Flyway R__,
        // Liquibase runOnChange): replayed in its place, and traced again after the history.
        if (keep) history.push({ migration: a.migration, up: a.up, down: a.down });
        review.push(a);
      } else if (j < lastPast) {
        a.migration = { ...a.migration, historyFollows: true };
        if (keep) history.push({ migration: a.migration, up: a.up, down: a.down });
      } else review.push(a);
    });
    perSet.push(history.slice(before));
  });
  return { history, perSet, review };
}

/**
 * The base history with each set that keeps its whole schema beside its versioned migrations
 * (memos' LATEST.sql) started from those files instead of its history (DryRunInput.snapshotBase),
 * or null when no set has one. The files as the base branch has them: from the base tree, or,
 * without it, the head's when the change leaves them alone (an edited one's base text is
 * unknown, and the head's already holds what the change's migrations add). A new database on
 * the base branch starts from them, so they stand for the whole base history of their set.
 */
function fromSnapshots(
  sets: readonly MigrationSet[],
  historyPerSet: readonly HistoryEntry[][],
  baseSets: readonly MigrationSet[] | null,
  touched: ReadonlySet<string>,
  placeholders: Record<string, string>,
): { base: HistoryEntry[]; files: string[] } | null {
  const out: HistoryEntry[] = [];
  const used: string[] = [];
  sets.forEach((set, i) => {
    const files = baseSets
      ? baseSets.filter((b) => b.dir === set.dir && b.layout === set.layout).flatMap((b) => b.snapshots ?? [])
      : (set.snapshots ?? []).filter((f) => !touched.has(f.path));
    if (files.length === 0) {
      out.push(...(historyPerSet[i] ?? []));
      return;
    }
    for (const up of files) {
      used.push(up.path);
      const migration: Migration = {
        id: up.path, version: '', name: up.path.slice(up.path.lastIndexOf('/') + 1), layout: 'plain', dir: set.dir,
        up, down: null, rollbackStatus: 'not-required', transaction: 'none', change: 'unchanged',
      };
      out.push({ migration, up: parseSource(up, parseOptionsFor('plain', placeholders)), down: null });
    }
  });
  return used.length > 0 ? { base: out, files: used } : null;
}

function snapshotNote(files: readonly string[], historyError: DryRunError): ReportNote {
  return {
    message: `the dry-run built the base from ${files.join(', ')} as the base branch has ${files.length === 1 ? 'it' : 'them'} (the whole schema a new database starts from): the versioned history does not build a database from nothing (it fails at ${historyError.path}:${historyError.line}:${historyError.column}: ${historyError.message})`,
  };
}

/**
 * The routines any migration of any set creates (DSpace's workflow set calls getnextid(), which
 * its main set creates; a Liquibase changelog calls a procedure a later changeset file defines):
 * their bodies are in the repository, for unreviewed-routine-call. Read from the text, once.
 */
function repositoryRoutines(sets: readonly MigrationSet[]): string[] {
  const names = new Set<string>();
  for (const set of sets) {
    for (const m of set.migrations) {
      if (m.change === 'deleted') continue;
      for (const name of routinesCreatedInText(m.up.text)) names.add(name);
    }
  }
  return [...names];
}

function lastReviewedIndex(units: Unit[]): number {
  for (let i = units.length - 1; i >= 0; i--) if (units[i]!.underReview) return i;
  return -1;
}

/**
 * The report without the static rollback review's guesses, for a migration whose rollback the
 * dry-run ran and compared: what was observed outranks what was inferred.
 */
function withoutStaticRollbackGuess(a: AnalyzedMigration): MigrationReport {
  const findings = a.report.findings.filter((f) => f.rule !== 'rollback-mismatch' && f.rule !== 'rollback-incomplete');
  if (findings.length === a.report.findings.length) return a.report;
  const parseRisk: Risk[] = a.up.errors.length ? ['DANGEROUS'] : [];
  return { ...a.report, findings, risk: maxRisk(...findings.map((f) => f.risk), ...parseRisk) };
}

function parseErrorsOf(a: AnalyzedMigration): ReportError[] {
  const up = a.migration.upAsBase ? [] : a.up.errors;
  return [...up, ...(a.down?.errors ?? [])].map((e) => ({ path: e.path, line: e.line, column: e.column, message: e.message }));
}

/**
 * What judges a rollback (whether it undoes the up, runs, and lets the up run again), and the
 * findings about the file as a file (an edit a checksumming runner refuses, its version).
 */
const NOT_THE_UPS: ReadonlySet<string> = new Set([
  'rollback-missing', 'rollback-empty', 'rollback-mismatch', 'rollback-destroys-data', 'rollback-incomplete', 'rollback-reapply-failed', 'rollback-orphan',
  'migration-edited', 'migration-out-of-order', 'duplicate-version',
  // The dry-run did not run the rollback (or the up it runs after): the rollback was not judged.
  'dry-run-unobserved',
]);

/**
 * The report of a migration whose up statements the change left as they were (it changed the
 * rollback, or comments and spacing): the findings above and those in the rollback's file. The
 * up's own (its findings, operations and impact, its parse errors) were the base branch's to
 * judge; the up was analysed only as the context the rollback is held against.
 */
function withoutUpFindings(a: AnalyzedMigration): MigrationReport {
  const down = a.migration.down?.path;
  const findings = a.report.findings.filter((f) => NOT_THE_UPS.has(f.rule) || (down !== undefined && down !== a.migration.up.path && f.path === down));
  const report: MigrationReport = { ...a.report, operations: [], findings, risk: maxRisk(...findings.map((f) => f.risk)) };
  delete report.irreversible;
  return report;
}

function dedupeErrors(errors: ReportError[]): ReportError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}:${e.line}:${e.column}:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Languages whose routine bodies mean the same whatever their layout, case and comments. */
const LAID_OUT_FREELY = new Set(['sql', 'plpgsql']);

/**
 * A statement's tree with the body of a SQL or PL/pgSQL function, procedure or DO block as
 * what it does (parse/body-tokens.ts): the parser keeps a body as the string it was written as.
 */
function withBodyTokens(ast: unknown): unknown {
  const fn = (ast as { CreateFunctionStmt?: { options?: unknown[] } }).CreateFunctionStmt;
  const block = (ast as { DoStmt?: { args?: unknown[] } }).DoStmt;
  const options = fn?.options ?? block?.args;
  if (!options) return ast;
  const defs = options.map((o) => (o as { DefElem?: { defname?: string; arg?: unknown } }).DefElem);
  const language = (defs.find((d) => d?.defname === 'language')?.arg as { String?: { sval?: string } } | undefined)?.String?.sval ?? (block ? 'plpgsql' : undefined);
  if (!language || !LAID_OUT_FREELY.has(language.toLowerCase())) return ast;
  const copy = JSON.parse(JSON.stringify(ast)) as typeof ast;
  const copied = ((copy as { CreateFunctionStmt?: { options?: unknown[] } }).CreateFunctionStmt?.options ?? (copy as { DoStmt?: { args?: unknown[] } }).DoStmt?.args)!;
  for (const o of copied) {
    const d = (o as { DefElem?: { defname?: string; arg?: unknown } }).DefElem;
    if (d?.defname !== 'as') continue;
    const strings = (d.arg as { List?: { items?: unknown[] } }).List?.items ?? [d.arg];
    for (const item of strings) {
      const str = (item as { String?: { sval?: string } } | undefined)?.String;
      if (str?.sval !== undefined) str.sval = routineBodyTokens(str.sval);
    }
  }
  return copy;
}

/**
 * Whether two migration texts run the same: the same statement trees (comments, spacing and
 * positions aside), the same psql meta-commands and the same Go template actions, which the
 * parse stage blanks before the trees are built. A text that does not parse is not the same.
 */
function sameStatements(a: string, b: string, opts: ParseOptions): boolean {
  const pa = parseSource({ path: 'base.sql', text: a }, opts);
  const pb = parseSource({ path: 'head.sql', text: b }, opts);
  if (pa.errors.length > 0 || pb.errors.length > 0) return false;
  const trees = (p: typeof pa) => p.statements.filter((s) => !s.nestedIn).map((s) => JSON.stringify(withBodyTokens(s.ast), (k, v: unknown) => (k === 'location' ? undefined : v)));
  const meta = (p: typeof pa) => (p.metaCommands ?? []).map((m) => `${m.name} ${m.argument}`);
  const actions = (text: string) => (opts.goTemplates ? (text.match(/\{\{[^{}]*\}\}/g) ?? []).map((t) => t.replace(/\s+/g, ' ')) : []);
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((t, i) => t === y[i]);
  return same(trees(pa), trees(pb)) && same(meta(pa), meta(pb)) && same(actions(a), actions(b));
}

/** Two sections of one file, each blank where the other has text, as one text. */
function overlay(a: string, b: string): string {
  let out = '';
  for (let i = 0; i < a.length; i++) out += a[i] === ' ' && b[i] !== undefined ? b[i] : a[i];
  return out;
}
