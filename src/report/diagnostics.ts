// One flat list of everything a reviewer must look at — rule findings, parse errors, dry-run
// failures — each with its file position, its statement's extent and its rule's docs. The
// terminal, SARIF and annotation renderers all read this list, so they agree on what is shown
// and where.
import type { AnalyzedMigration, CheckResult } from '../check/types.js';
import type { DryRunError, ParsedSource, Risk, Statement, StatementRef, SuggestionRuns } from '../core/types.js';
import { riskRank } from '../core/risk.js';
import { LineIndex } from '../parse/positions.js';
import type { Rule } from '../analyze/rule.js';
import { ruleById as registryRuleById } from '../../rules/index.js';
import { byCodeUnit } from '../core/strings.js';

export type RuleLookup = (id: string) => Rule | undefined;

/** The rule registry; renderers take a lookup option so tests and embedders can swap it. */
export const defaultRuleLookup: RuleLookup = registryRuleById;

/** Pseudo-rule ids for problems that no rule in rules/ reports. */
export const PARSE_ERROR_RULE = 'parse-error';
export const DRY_RUN_ERROR_RULE = 'dry-run-error';

/** Rules whose findings carry a dry-run's errors (src/dryrun/merge.ts). */
export const DRY_RUN_FINDING_RULES: ReadonlySet<string> = new Set(['dry-run-failed', 'dry-run-refused', 'dry-run-unobserved', 'rollback-incomplete', 'rollback-reapply-failed']);

export type DiagnosticKind = 'finding' | 'parse-error' | 'dry-run-error';

export interface Span {
  line: number;
  column: number;
  /** Inclusive end line and exclusive end column (code points), when the extent is known. */
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic extends Span {
  kind: DiagnosticKind;
  ruleId: string;
  risk: Risk;
  path: string;
  message: string;
  suggestion?: string;
  /** `before`: the suggestion runs ahead of the statement, which stays; else it replaces it. */
  suggestionRuns?: SuggestionRuns;
  /** Earlier statements the suggestion replaces too (Finding.alsoReplaces). */
  alsoReplaces?: StatementRef[];
  rule?: Rule;
  /** The statement the diagnostic is about, when known (for the snippet's extent). */
  statement?: Statement;
  /** Index into CheckResult.migrations; absent for errors outside any migration. */
  migration?: number;
  /** SQLSTATE of a dry-run error. */
  sqlstate?: string;
}

/** How a report introduces a diagnostic's suggestion: what to write instead, what to run before the statement, or what to run as well. */
export function suggestionLabel(d: Pick<Diagnostic, 'suggestionRuns' | 'alsoReplaces'>): string {
  if (d.suggestionRuns === 'before') return 'Before it, run';
  if (d.suggestionRuns === 'after') return 'Also run';
  const also = (d.alsoReplaces ?? []).map((r) => r.line);
  if (also.length === 0) return 'Instead';
  return `Instead of it and the statement${also.length > 1 ? 's' : ''} at line${also.length > 1 ? 's' : ''} ${also.join(', ')}`;
}

export function collectDiagnostics(result: CheckResult, lookup: RuleLookup = defaultRuleLookup): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seenErrors = new Set<string>();
  const extents = new ExtentCache(result.sources);

  result.report.migrations.forEach((mr, i) => {
    const am = result.migrations[i];
    for (const f of mr.findings) {
      const path = f.path ?? mr.path;
      const statement = f.statement !== undefined && am ? findStatement(am, path, f.statement) : undefined;
      const atStatement = statement && statement.line === f.line && statement.column === f.column;
      out.push({
        kind: 'finding',
        ruleId: f.rule,
        risk: f.risk,
        path,
        line: f.line,
        column: f.column,
        ...(atStatement ? extents.end(path, statement) : {}),
        message: f.message,
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
        ...(f.suggestion && f.suggestionRuns && f.suggestionRuns !== 'instead' ? { suggestionRuns: f.suggestionRuns } : {}),
        ...(f.suggestion && f.alsoReplaces?.length ? { alsoReplaces: f.alsoReplaces } : {}),
        ...withRule(lookup(f.rule)),
        ...(statement ? { statement } : {}),
        migration: i,
      });
    }
    for (const src of am ? [am.up, am.down] : []) {
      for (const e of src?.errors ?? []) pushError(out, seenErrors, { ...e, kind: 'parse-error', migration: i });
    }
    // A dry-run error the merge already turned into a finding is that finding, not a second report.
    const covered = mr.findings.some((f) => DRY_RUN_FINDING_RULES.has(f.rule));
    if (!covered) for (const e of dryRunErrors(mr.dryRun)) pushError(out, seenErrors, { ...e, kind: 'dry-run-error', migration: i });
  });

  // Errors the check reported outside the parsed sources (unreadable files, layout problems)
  // or that the migrations above already listed (deduplicated by position and text).
  for (const e of result.report.errors) {
    const migration = result.report.migrations.findIndex((m) => m.path === e.path || m.rollback.path === e.path);
    if (e.rule) {
      // Not a parse error: a problem with its own rule id (rollback-orphan, file-unreadable...).
      out.push({
        kind: 'finding',
        ruleId: e.rule,
        risk: e.risk ?? 'DANGEROUS',
        path: e.path,
        line: e.line,
        column: e.column,
        message: e.message,
        ...withRule(lookup(e.rule)),
        ...(migration >= 0 ? { migration } : {}),
      });
      continue;
    }
    pushError(out, seenErrors, { ...e, kind: 'parse-error', ...(migration >= 0 ? { migration } : {}) });
  }
  return out;
}

interface RawError {
  kind: 'parse-error' | 'dry-run-error';
  path: string;
  line: number;
  column: number;
  message: string;
  sqlstate?: string;
  migration?: number;
}

function pushError(out: Diagnostic[], seen: Set<string>, e: RawError): void {
  const key = `${e.path}\0${e.line}\0${e.column}\0${e.message}`;
  if (seen.has(key)) return;
  seen.add(key);
  out.push({
    kind: e.kind,
    ruleId: e.kind === 'parse-error' ? PARSE_ERROR_RULE : DRY_RUN_ERROR_RULE,
    risk: 'DANGEROUS',
    path: e.path,
    line: e.line,
    column: e.column,
    message: e.message,
    ...(e.sqlstate ? { sqlstate: e.sqlstate } : {}),
    ...(e.migration !== undefined ? { migration: e.migration } : {}),
  });
}

function dryRunErrors(dr: AnalyzedMigration['report']['dryRun']): Array<Omit<RawError, 'kind'>> {
  if (!dr) return [];
  const errors: DryRunError[] = [];
  for (const t of dr.statements) if (t.error) errors.push(t.error);
  if (dr.error) errors.push(dr.error);
  for (const t of dr.rollbackStatements ?? []) if (t.error) errors.push(t.error);
  if (dr.rollback?.error) errors.push(dr.rollback.error);
  return errors.map((e) => ({
    path: e.path,
    line: e.line,
    column: e.column,
    message: e.sqlstate ? `${e.message} (SQLSTATE ${e.sqlstate})` : e.message,
    sqlstate: e.sqlstate,
  }));
}

function withRule(rule: Rule | undefined): { rule?: Rule } {
  return rule ? { rule } : {};
}

/** The parsed source a path belongs to: the migration's up file, or its rollback. */
export function sourceFor(am: AnalyzedMigration, path: string): ParsedSource | null {
  if (am.up.path === path) return am.up;
  if (am.down && am.down.path === path) return am.down;
  return null;
}

export function findStatement(am: AnalyzedMigration, path: string, index: number): Statement | undefined {
  const statements = sourceFor(am, path)?.statements;
  // A statement's index is its place in the list (parse stage); the search only backs that up.
  // Searching first made a report of 10^5 findings quadratic.
  const at = statements?.[index];
  return at?.index === index ? at : statements?.find((s) => s.index === index);
}

/** Line/column of statement ends, computed once per source text. */
class ExtentCache {
  private readonly indexes = new Map<string, LineIndex | null>();

  constructor(private readonly sources: ReadonlyMap<string, string>) {}

  end(path: string, stmt: Statement): { endLine?: number; endColumn?: number } {
    let index = this.indexes.get(path);
    if (index === undefined) {
      const text = this.sources.get(path);
      index = text === undefined ? null : new LineIndex(text);
      this.indexes.set(path, index);
    }
    if (!index || stmt.end <= stmt.start) return {};
    const end = index.position(stmt.end);
    return { endLine: end.line, endColumn: end.column };
  }
}

/** Most severe first, then by file and position: the order a reviewer reads them in. */
export function bySeverity(a: Diagnostic, b: Diagnostic): number {
  return riskRank(b.risk) - riskRank(a.risk) || byCodeUnit(a.path, b.path) || a.line - b.line || a.column - b.column;
}

/** Diagnostics in file order (for grouping per migration). */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return byCodeUnit(a.path, b.path) || a.line - b.line || a.column - b.column;
}
