// One review run: discover -> parse -> analyze -> (rollback review) -> (dry-run) -> report.
// The surfaces call this and render the result; it does no GitHub I/O, and only the dry-run
// stage talks to Postgres.
import { analyzeSource } from '../analyze/analyze.js';
import type { AnalysisState } from '../analyze/state.js';
import { beginFile, newRunState, settleNewObjects } from '../analyze/track.js';
import { maxRisk } from '../core/risk.js';
import type { Finding, Migration, MigrationReport, ParsedSource, Report, ReportError, Risk, SqlSource } from '../core/types.js';
import { applyChanges } from '../discover/changes.js';
import { discoverMigrations } from '../discover/discover.js';
import { initParser, parseSource } from '../parse/index.js';
import { reviewRollback } from '../rollback/review.js';
import { allRules } from '../../rules/index.js';
import type { AnalyzedMigration, CheckOptions, CheckResult } from './types.js';

interface Unit {
  migration: Migration;
  underReview: boolean;
}

export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const { config } = opts;
  const progress = opts.onProgress ?? (() => {});
  await initParser();

  progress({ stage: 'discover', done: 0, total: 1 });
  const only = opts.scope.kind === 'paths' ? opts.scope.paths : undefined;
  const discovered = await discoverMigrations(opts.files, config, only ? { only } : undefined);
  const errors: ReportError[] = [...discovered.errors];
  const extraFindings: Array<Finding & { path: string }> = [...discovered.findings];
  let sets = discovered.sets;

  if (opts.scope.kind === 'changes') {
    const baseSets = opts.scope.base ? (await discoverMigrations(opts.scope.base, config)).sets : null;
    const changed = applyChanges(sets, opts.scope.changes, baseSets);
    sets = changed.sets;
    extraFindings.push(...changed.findings);
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

  const sources = new Map<string, string>();
  const analyzed: AnalyzedMigration[] = [];
  const history: Array<{ migration: Migration; up: ParsedSource; down: ParsedSource | null }> = [];
  let done = 0;

  for (const units of perSet) {
    const state = newRunState({ pgVersion: config.pgVersion, tableStats: config.tableStats });
    const last = lastReviewedIndex(units);
    for (const unit of units.slice(0, last + 1)) {
      const m = unit.migration;
      // A deleted migration is no longer part of the history the pull request builds on.
      if (m.change === 'deleted') continue;
      progress({ stage: unit.underReview ? 'analyze' : 'parse', done: done++, total, label: m.up.path });
      const up = parse(m.up, config.placeholders);
      const down = m.down ? parse(m.down, config.placeholders) : null;
      if (!unit.underReview) {
        analyzeInto(state, m, up, true);
        history.push({ migration: m, up, down });
        continue;
      }
      sources.set(m.up.path, m.up.text);
      if (m.down) sources.set(m.down.path, m.down.text);
      const out = analyzeInto(state, m, up, false);
      // A pull request's new migrations deploy together, so what one creates is new to the next;
      // a whole-repository or file review judges each migration against the history before it.
      if (opts.scope.kind !== 'changes') settleNewObjects(state);
      analyzed.push({ migration: m, up, down, report: buildMigrationReport(m, up, down, out, config.rollbackMissingRisk, extraFindings) });
    }
  }
  progress({ stage: 'analyze', done: total, total });

  for (const e of extraFindings) {
    // Findings about files that are not under review (a deleted or edited applied migration).
    if (!analyzed.some((a) => a.migration.up.path === e.path || a.migration.down?.path === e.path)) {
      errors.push({ path: e.path, line: e.line, column: e.column, message: `${e.rule}: ${e.message}` });
    }
  }
  for (const a of analyzed) errors.push(...parseErrorsOf(a));

  if (opts.dryRun && analyzed.length > 0) {
    const { runDryRun, mergeDryRun } = await import('../dryrun/index.js');
    const result = await runDryRun(
      { base: history, review: analyzed.map((a) => ({ migration: a.migration, up: a.up, down: a.down })) },
      {
        engine: config.dryRun.engine,
        ...(config.dryRun.databaseUrl ? { databaseUrl: config.dryRun.databaseUrl } : {}),
        statementTimeoutMs: config.dryRun.statementTimeoutMs,
        totalTimeoutMs: config.dryRun.totalTimeoutMs,
        seedRows: config.dryRun.seedRows,
        onProgress: progress,
      },
    );
    for (const a of analyzed) {
      const r = result.results.get(a.migration.id);
      if (r) a.report = mergeDryRun(a.report, r);
    }
  }

  // A migration whose file could not be read or parsed is DANGEROUS (docs/design.md).
  for (const a of analyzed) {
    if (errors.some((e) => e.path === a.migration.up.path)) a.report.risk = 'DANGEROUS';
  }
  const migrations = analyzed.map((a) => a.report);
  const report: Report = {
    version: 1,
    risk: maxRisk(...migrations.map((m) => m.risk), ...(errors.length ? (['DANGEROUS'] as Risk[]) : [])),
    migrations,
    errors: dedupeErrors(errors),
    pgVersion: config.pgVersion,
  };
  return { report, migrations: analyzed, sources };
}

function lastReviewedIndex(units: Unit[]): number {
  for (let i = units.length - 1; i >= 0; i--) if (units[i]!.underReview) return i;
  return -1;
}

function parse(src: SqlSource, placeholders: Record<string, string>): ParsedSource {
  return parseSource(src, { placeholders });
}

function analyzeInto(state: AnalysisState, m: Migration, up: ParsedSource, learningOnly: boolean) {
  beginFile(state, m.up.path, m.transaction, learningOnly, m.layout);
  return analyzeSource(up, m.up.text, state, allRules, {});
}

function buildMigrationReport(
  m: Migration,
  up: ParsedSource,
  down: ParsedSource | null,
  out: ReturnType<typeof analyzeSource>,
  rollbackMissingRisk: Risk,
  extra: Array<Finding & { path: string }>,
): MigrationReport {
  const own = extra.filter((f) => f.path === m.up.path || (m.down && f.path === m.down.path));
  const rollback = reviewRollback(m, up, down, out.operations);
  const findings = [...out.findings, ...rollback.findings];
  const parseRisk: Risk[] = up.errors.length ? ['DANGEROUS'] : [];
  const coreRisk = maxRisk(...findings.map((f) => f.risk), ...parseRisk);
  // A missing rollback matters more when the migration itself is dangerous.
  const discovery = own.map((f) => (f.rule === 'rollback-missing' && coreRisk === 'DANGEROUS' ? { ...f, risk: 'DANGEROUS' as Risk } : f));
  const allFindings = [...findings, ...discovery].sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '') || a.line - b.line);
  return {
    path: m.up.path,
    risk: maxRisk(coreRisk, ...discovery.map((f) => f.risk)),
    rollback: { path: m.down?.path ?? null, status: m.rollbackStatus },
    operations: out.operations,
    findings: allFindings,
    id: m.id,
    layout: m.layout,
    change: m.change,
    ...(rollback.irreversible ? { irreversible: true } : {}),
    ...(up.notes.length ? { notes: up.notes } : {}),
  };
}

function parseErrorsOf(a: AnalyzedMigration): ReportError[] {
  return [...a.up.errors, ...(a.down?.errors ?? [])].map((e) => ({ path: e.path, line: e.line, column: e.column, message: e.message }));
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
