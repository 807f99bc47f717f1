// What a pull request may not settle for itself. The review's settings and its suppressions are
// trusted from the base branch only: a `migration-guard-ignore` the pull request adds (or moves)
// over a finding that needs approval does not silence it, and a change to the config file that
// weakens the gate is a finding of its own. Both need `/approve-migration` like any risky change.
import { readDirectives } from '../analyze/suppress.js';
import type { SuppressedFinding } from '../analyze/analyze.js';
import type { AnalyzedMigration, CheckResult } from '../check/types.js';
import { ConfigError } from '../config/errors.js';
import type { Config } from '../config/defaults.js';
import { configFromText } from './config-file.js';
import { weakenedSettings } from '../config/weakened.js';
import { atLeast, maxRisk } from '../core/risk.js';
import type { FileChange, Finding, ReportError, Risk } from '../core/types.js';
import { parseSource } from '../parse/index.js';
import { contentHash, reviewedFiles, type HashedFile } from './content-hash.js';
import type { ConfigText } from './repo-file.js';
import { byCodeUnit } from '../core/strings.js';
import { tableStatsFromText } from '../config/stats-file.js';

export const CONFIG_WEAKENED_RULE = 'config-weakened';
export const SUPPRESSION_ADDED_RULE = 'suppression-added';

export interface GateInputs {
  /** The settings in force (from the base branch). */
  config: Config;
  /** The config file on the base branch, as read. */
  baseConfig: ConfigText | null;
  /** The config file as the pull request has it. */
  headConfig: ConfigText | null;
  /** A file's text on the base branch, or null when it is not there. */
  readBase: (path: string) => Promise<string | null>;
  /** A file's text as the pull request has it, or null when it is not there. */
  readHead?: (path: string) => Promise<string | null>;
  /** Table stats files the settings trust besides the config's tableStatsFile (the Action's `table-stats` input). */
  statsFiles?: string[];
}

export interface GatedResult {
  result: CheckResult;
  /** Files besides the migrations an approval must be bound to (the changed config file). */
  hashed: HashedFile[];
}

export async function applyGate(result: CheckResult, changes: FileChange[], o: GateInputs): Promise<GatedResult> {
  const errors: ReportError[] = [];
  const hashed: HashedFile[] = [];

  // Only a config file the change touches: one the base branch edited since the pull request
  // branched off differs from the pull request's older copy, and is no edit of the pull request's.
  const touched = new Set(changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])));
  const configError = [o.baseConfig?.file, o.headConfig?.file].some((f) => f !== undefined && touched.has(f)) ? configChange(o) : null;
  if (configError) {
    errors.push(configError);
    hashed.push({ path: o.headConfig?.file ?? o.baseConfig!.file, content: o.headConfig?.text ?? null });
  }

  for (const changed of await statsFileChanges(o, changes)) {
    errors.push(changed.error);
    hashed.push(changed.file);
  }

  const migrations: AnalyzedMigration[] = [];
  for (const a of result.migrations) {
    const reopened = o.config.suppressionsNeedApproval ? await unsettled(a, o) : [];
    if (reopened.length === 0) {
      migrations.push(a);
      continue;
    }
    const findings = [...a.report.findings, ...reopened].sort((x, y) => byCodeUnit(x.path ?? '', y.path ?? '') || x.line - y.line);
    migrations.push({ ...a, report: { ...a.report, findings, risk: maxRisk(a.report.risk, ...reopened.map((f) => f.risk)) } });
  }

  if (errors.length === 0 && migrations.every((m, i) => m === result.migrations[i])) return { result, hashed };
  const allErrors = [...result.report.errors, ...errors];
  const risks: Risk[] = migrations.map((m) => m.report.risk);
  return {
    result: {
      ...result,
      migrations,
      report: { ...result.report, migrations: migrations.map((m) => m.report), errors: allErrors, risk: maxRisk(...risks, ...(allErrors.length ? (['DANGEROUS'] as Risk[]) : [])) },
    },
    hashed,
  };
}

/** The finding for a config file the pull request changes in a way that weakens the gate. */
function configChange(o: GateInputs): ReportError | null {
  const before = o.baseConfig?.text ?? null;
  const after = o.headConfig?.text ?? null;
  if (before === after && o.baseConfig?.file === o.headConfig?.file) return null;
  const file = o.headConfig?.file ?? o.baseConfig!.file;
  let base: Config;
  try {
    base = configFromText(o.baseConfig);
  } catch {
    // An invalid base config fails the review before it gets here; nothing to compare with.
    return null;
  }
  let head: Config;
  try {
    head = configFromText(o.headConfig);
  } catch (e) {
    const where = e instanceof ConfigError ? { line: e.line, column: e.column, why: e.message } : { line: 1, column: 1, why: String(e) };
    return {
      path: file,
      line: where.line,
      column: where.column,
      message: `${CONFIG_WEAKENED_RULE}: this pull request's ${file} is not a valid configuration (${where.why}); this review used the base branch's settings, and merging it needs approval.`,
    };
  }
  const weakened = weakenedSettings(base, head);
  if (weakened.length === 0) return null;
  const list = weakened.map((w) => `${w.setting} (${w.change})`).join('; ');
  return {
    path: file,
    line: 1,
    column: 1,
    message: `${CONFIG_WEAKENED_RULE}: this pull request weakens the gate's settings: ${list}. Settings apply from the base branch only, so this review used the base branch's; merging the change needs approval.`,
  };
}

/**
 * The table stats files the settings in force read (the config's tableStatsFile, the Action's
 * input), as the pull request changes them. They are read from the base branch, so the change
 * does nothing for its own review; once merged, every later review trusts its sizes, and a
 * table made to look small turns a DANGEROUS blocking lock into CAUTION. Like a tableStats edit
 * in the config file, any other size (or a file that no longer reads) needs approval.
 */
async function statsFileChanges(o: GateInputs, changes: FileChange[]): Promise<Array<{ error: ReportError; file: HashedFile }>> {
  if (!o.readHead) return [];
  // Only a file the change itself touches: a stats file the base branch refreshed since (a nightly
  // workflow) differs from the pull request's older copy, and is no edit of the pull request's.
  const touched = new Set(changes.filter((c) => c.status !== 'deleted').map((c) => c.path));
  const paths = [...new Set([o.config.tableStatsFile, ...(o.statsFiles ?? [])].filter((p): p is string => !!p).map((p) => p.replace(/^(\.\/)+/, '')))].filter((p) => touched.has(p));
  const out: Array<{ error: ReportError; file: HashedFile }> = [];
  for (const path of paths) {
    const [before, after] = await Promise.all([o.readBase(path), o.readHead(path)]);
    // Deleted: the next review cannot read it and fails closed as a configuration error.
    if (after === null || after === before) continue;
    const was = before === null ? null : tableStatsFromText(before);
    const now = tableStatsFromText(after);
    let what: string;
    if (!now.ok) what = `it no longer reads as table stats (${now.message})`;
    else {
      const old = was?.ok ? was.stats : new Map();
      const tables = [...now.stats.keys()].filter((t) => JSON.stringify(old.get(t)) !== JSON.stringify(now.stats.get(t))).sort();
      if (tables.length === 0) continue;
      what = `it gives other sizes for ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ` and ${tables.length - 5} more` : ''}`;
    }
    out.push({
      error: {
        path,
        line: 1,
        column: 1,
        message: `${CONFIG_WEAKENED_RULE}: this pull request changes ${path}, the table sizes the gate's estimates trust: ${what}. Sizes apply from the base branch only, so this review used the base branch's; merging the change needs approval.`,
      },
      file: { path, content: after },
    });
  }
  return out;
}

/**
 * The suppressed findings of one migration that need approval and whose suppression is not
 * settled on the base branch: the base version of the migration (under its old name for a
 * rename; none when the file was no migration there) has the same directive over the same
 * statement, as many times. A second copy of a settled statement (a changeset added to a
 * Liquibase file, a line appended to a repeatable migration) runs again, later, and is the pull
 * request's own.
 */
async function unsettled(a: AnalyzedMigration, o: GateInputs): Promise<Finding[]> {
  const risky = (a.suppressed ?? []).filter((s) => atLeast(s.finding.risk, o.config.approvalRisk));
  if (risky.length === 0) return [];
  const basePath = a.migration.basePath;
  const baseText = basePath === undefined ? null : await o.readBase(basePath);
  const settled = baseText === null ? new Map<string, number>() : baseSuppressions(basePath!, baseText, o.config.placeholders);
  // The head's statements each key has settled so far, in file order: the first copies take the base's.
  const taken = new Map<string, Set<string>>();
  const topOf = (s: SuppressedFinding): string => {
    const i = s.finding.statement;
    const st = i === undefined ? undefined : a.up.statements.find((x) => x.index === i);
    return st ? String(st.nestedIn ? st.nestedIn.statement : st.index) : `${s.finding.line}:${s.finding.column}`;
  };
  const isSettled = (s: SuppressedFinding): boolean => {
    const key = keyOf(s.directive.scope, s.directive.rules, s.statementText);
    const count = settled.get(key) ?? 0;
    if (count === 0) return false;
    if (s.statementText === null) return true;
    const at = topOf(s);
    const mine = taken.get(key) ?? taken.set(key, new Set()).get(key)!;
    if (mine.has(at)) return true;
    if (mine.size >= count) return false;
    mine.add(at);
    return true;
  };
  const inOrder = [...risky].sort((x, y) => x.finding.line - y.finding.line || x.finding.column - y.finding.column);
  const open = new Set(inOrder.filter((s) => !isSettled(s)));
  return risky
    .filter((s) => open.has(s))
    .map((s) => ({
      ...s.finding,
      message: `${s.finding.message} [suppressed by the migration-guard-ignore${s.directive.scope === 'file' ? '-file' : ''} at line ${s.directive.line}, which this pull request adds or moves: a suppression settles a finding only once it is on the base branch, so this still needs approval]`,
    }));
}

/** How many times the base version of the file suppressed each (directive, statement) pair. */
function baseSuppressions(path: string, text: string, placeholders: Record<string, string>): Map<string, number> {
  const parsed = parseSource({ path, text }, { placeholders });
  const directives = readDirectives(text, parsed.statements);
  const top = parsed.statements.filter((s) => !s.nestedIn);
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  // A file-wide directive written twice silences each statement once.
  const fileWide = new Set<string>();
  for (const d of directives) {
    if (d.scope === 'file') {
      const rules = keyOf('file', d.rules, null);
      if (fileWide.has(rules)) continue;
      fileWide.add(rules);
      add(rules);
      for (const s of top) add(keyOf('file', d.rules, s.text));
    } else if (d.statement !== undefined) {
      const s = parsed.statements.find((x) => x.index === d.statement);
      if (s) add(keyOf('statement', d.rules, s.text));
    }
  }
  return counts;
}

function keyOf(scope: SuppressedFinding['directive']['scope'], rules: string[], statement: string | null): string {
  return JSON.stringify([scope, [...rules].sort(), statement === null ? null : statement.replace(/\s+/g, ' ').trim()]);
}

/** A review once gated, and the hash an approval of it is bound to. */
export interface GatedReview {
  result: CheckResult;
  /** Migrations or problems to judge (a change without either needs no status beyond green). */
  hasMigrations: boolean;
  risk: Risk | null;
  needsApproval: boolean;
  contentHash: string;
}

/**
 * Gates a review (when `gate` is given) and works out its risk and content hash: one place, so a
 * pull request's review and its merge queue entry judge and hash the same change alike.
 */
export async function gatedReview(checked: CheckResult, changes: FileChange[], gate: GateInputs | undefined, approvalRisk: Risk): Promise<GatedReview> {
  const gated = gate ? await applyGate(checked, changes, gate) : { result: checked, hashed: [] };
  const result = gated.result;
  const hasMigrations = result.migrations.length > 0 || result.report.errors.length > 0;
  const risk = hasMigrations ? result.report.risk : null;
  const needsApproval = risk !== null && atLeast(risk, approvalRisk);
  return { result, hasMigrations, risk, needsApproval, contentHash: contentHash([...reviewedFiles(result, changes), ...gated.hashed]) };
}
