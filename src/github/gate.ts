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
}

export interface GatedResult {
  result: CheckResult;
  /** Files besides the migrations an approval must be bound to (the changed config file). */
  hashed: HashedFile[];
}

export async function applyGate(result: CheckResult, changes: FileChange[], o: GateInputs): Promise<GatedResult> {
  const errors: ReportError[] = [];
  const hashed: HashedFile[] = [];

  const configError = configChange(o);
  if (configError) {
    errors.push(configError);
    hashed.push({ path: o.headConfig?.file ?? o.baseConfig!.file, content: o.headConfig?.text ?? null });
  }

  const migrations: AnalyzedMigration[] = [];
  for (const a of result.migrations) {
    const reopened = o.config.suppressionsNeedApproval ? await unsettled(a, changes, o) : [];
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

/** The suppressed findings of one migration that need approval and whose suppression is not settled on the base branch. */
async function unsettled(a: AnalyzedMigration, changes: FileChange[], o: GateInputs): Promise<Finding[]> {
  const risky = (a.suppressed ?? []).filter((s) => atLeast(s.finding.risk, o.config.approvalRisk));
  if (risky.length === 0) return [];
  const path = a.migration.up.path;
  const change = changes.find((c) => c.path === path);
  const basePath = change?.status === 'renamed' && change.previousPath ? change.previousPath : path;
  const baseText = change?.status === 'added' ? null : await o.readBase(basePath);
  const settled = baseText === null ? null : baseSuppressions(basePath, baseText, o.config.placeholders);
  return risky
    .filter((s) => !settled?.has(keyOf(s.directive.scope, s.directive.rules, s.statementText)))
    .map((s) => ({
      ...s.finding,
      message: `${s.finding.message} [suppressed by the migration-guard-ignore${s.directive.scope === 'file' ? '-file' : ''} at line ${s.directive.line}, which this pull request adds or moves: a suppression settles a finding only once it is on the base branch, so this still needs approval]`,
    }));
}

/** Every (directive, statement) pair the base version of the file already suppressed. */
function baseSuppressions(path: string, text: string, placeholders: Record<string, string>): Set<string> {
  const parsed = parseSource({ path, text }, { placeholders });
  const directives = readDirectives(text, parsed.statements);
  const top = parsed.statements.filter((s) => !s.nestedIn);
  const keys = new Set<string>();
  for (const d of directives) {
    if (d.scope === 'file') {
      keys.add(keyOf('file', d.rules, null));
      for (const s of top) keys.add(keyOf('file', d.rules, s.text));
    } else if (d.statement !== undefined) {
      const s = parsed.statements.find((x) => x.index === d.statement);
      if (s) keys.add(keyOf('statement', d.rules, s.text));
    }
  }
  return keys;
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
