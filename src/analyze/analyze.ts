// The analyze stage for one SQL source: classify every statement, run every enabled rule on it
// with the state before it, then advance the state. Suppression, per-rule configuration and
// table sizes are applied here, once, so rules stay simple.
import type { RuleSetting } from '../config/schema.js';
import { maxRisk } from '../core/risk.js';
import { flattened } from '../core/strings.js';
import type { Finding, Operation, ParsedSource, Risk, Statement } from '../core/types.js';
import { firstKey } from './ast.js';
import { classify } from './classify.js';
import type { Rule, RuleHit } from './rule.js';
import type { AnalysisState, TableStats } from './state.js';
import { definedRoutine, routinesRun } from './routine-calls.js';
import { readDirectives, suppressedBy } from './suppress.js';
import { track } from './track.js';
import { placeholderStandIns } from '../parse/preprocess.js';

export interface AnalyzeOutput {
  operations: Operation[];
  findings: Finding[];
  /** Findings an ignore directive silenced, kept so a gate can ask who added the directive. */
  suppressed: SuppressedFinding[];
}

export interface SuppressedFinding {
  finding: Finding;
  directive: { scope: 'statement' | 'file'; rules: string[]; line: number; column: number };
  /** The text of the (top-level) statement the finding is about; null for a file-level finding. */
  statementText: string | null;
}

/** Tables at or under both limits count as small: a blocking lock on them is brief. */
export const SMALL_TABLE = { rows: 100_000, bytes: 100 * 1024 * 1024 };

export const UNUSED_IGNORE_RULE = 'unused-ignore';

/** A source's analysis, fed its statements one at a time in file order, then finished. */
export interface SourceAnalysis {
  /**
   * Classifies the statement, runs the rules on it and advances the state. The analysis keeps
   * no reference to the statement's tree unless a rule reads it later (Rule.readsEarlierTree),
   * so a caller can drop it once this returns. `light`: the statement with its tree reduced to
   * its tag (tagOnly), which a caller that drops trees keeps anyway; the analysis remembers it
   * instead of a copy of its own.
   */
  feed(stmt: Statement, light?: Statement): void;
  /**
   * `source`: the same statements, in the same order (their trees may be gone), with the
   * parse's meta-commands; `text` the file's text. Applies ignore directives and runs the rules'
   * end-of-file checks.
   */
  finish(source: ParsedSource, text: string): AnalyzeOutput;
}

/** A rule's hit, kept until finish() knows which ignore directives there are. */
interface PendingHit {
  rule: Rule;
  hit: RuleHit;
  /** Index of the statement the hit is about. */
  statement: number;
  ops: Operation[];
}

/** Analyzes a parsed source: the statements all at once. */
export function analyzeSource(
  source: ParsedSource,
  text: string,
  state: AnalysisState,
  rules: readonly Rule[],
  settings: Readonly<Record<string, RuleSetting>> = NO_SETTINGS,
): AnalyzeOutput {
  const analysis = startAnalysis(state, rules, settings);
  for (const stmt of source.statements) analysis.feed(stmt);
  return analysis.finish(source, text);
}

/**
 * Starts a source's analysis, to be fed statements as the parser makes them: a large file is
 * analysed without holding every statement's tree. Ignore directives are read from the text
 * and need every statement's place (a directive inside a string literal is none), so hits wait
 * for finish() to be reported or suppressed.
 */
export function startAnalysis(
  state: AnalysisState,
  rules: readonly Rule[],
  settings: Readonly<Record<string, RuleSetting>> = NO_SETTINGS,
): SourceAnalysis {
  const { enabled, checkers, bodyCheckers, replayCheckers, lookingBack } = rulePlan(rules, settings);
  const operations: Operation[] = [];
  const pending: PendingHit[] = [];
  // The routine each CREATE FUNCTION / PROCEDURE of this file defines, by statement index.
  const defining = new Map<number, string>();
  const runChecks = (which: (tag: string) => readonly Rule[], stmt: Statement, ops: Operation[]) => {
    if (state.learningOnly) return;
    const ctx = { statement: stmt, operations: ops, state };
    for (const rule of which(firstKey(stmt.ast) ?? '')) {
      // Inline rather than through safeCheck: a closure per rule and statement is millions on a large file.
      let hits: RuleHit[];
      try {
        hits = rule.check!(ctx);
      } catch (e) {
        hits = [ruleFailure(rule, e)];
      }
      for (const hit of hits) {
        flattened(hit.message);
        if (hit.suggestion !== undefined) flattened(hit.suggestion);
        pending.push({ rule, hit, statement: stmt.index, ops });
      }
    }
  };

  const feed = (stmt: Statement, light?: Statement) => {
    // A function body runs when the function is called, not when the migration runs: it takes
    // no lock and changes no schema now, so it is neither an operation nor a change of state.
    // Rules about what code can reach (programs, files, roles) still read it: the function
    // runs later, with its caller's rights.
    if (stmt.nestedIn?.kind === 'function-body') {
      runChecks(bodyCheckers, stmt, []);
      // Kept (with its tree) in case a reviewed migration runs the routine: one the history
      // created too (`SELECT drop_everything()` runs the DROP TABLE its base migration wrote).
      const routine = defining.get(stmt.nestedIn.statement);
      if (routine !== undefined) {
        const body = state.routines.get(routine);
        if (body) body.push(stmt);
        else state.routines.set(routine, [stmt]);
      }
      return;
    }
    const routine = definedRoutine(stmt.ast);
    if (routine !== undefined) {
      defining.set(stmt.index, routine);
      state.routines.delete(routine); // CREATE OR REPLACE: the new body is the one that runs
      state.triggerRun?.delete(routine);
    }
    const ops = classify(stmt, state);
    runChecks(checkers, stmt, ops);
    const keepTree = lookingBack.some((r) => r.readsEarlierTree!(stmt, ops));
    track(state, stmt, ops, keepTree ? stmt : light);
    for (const o of ops) operations.push(o);
    // `SELECT f()`, `CALL p()`, a trigger on f: f's statements run (or will on every write), so
    // they are judged as running here, once (a DROP TABLE in a function the migration calls).
    // History ran its calls before the change: what it did is in the state it learned, and its
    // routines stay for the change's calls.
    if (state.learningOnly || state.routines.size === 0) return;
    // A routine's statements may run others (`PERFORM wipe()` in f): those run too, each once.
    const callers: Statement[] = [stmt];
    for (let caller = callers.pop(); caller !== undefined; caller = callers.pop()) {
      for (const { name, trigger: viaTrigger } of routinesRun(caller.ast, state.routines)) {
        // Run by a trigger the migration creates (or by a routine such a body calls): it runs on
        // the writes that fire it, later, so its operations are not the migration's own.
        const trigger = viaTrigger || caller.nestedIn?.trigger === true;
        // Judged once as a trigger's body and once as running now: a trigger's replay leaves the
        // body for a later direct call (which runs it in the migration), a call uses it up.
        if (trigger && state.triggerRun?.has(name)) continue;
        const body = state.routines.get(name) ?? [];
        if (trigger) (state.triggerRun ??= new Set()).add(name);
        else state.routines.delete(name), state.triggerRun?.delete(name);
        for (const inner of body) {
          // A body written in another file (a base migration's routine) is judged at the call.
          const at = inner.path === caller.path ? inner : { ...inner, path: caller.path, index: caller.index, line: caller.line, column: caller.column, start: caller.start, end: caller.end };
          const running: Statement = { ...at, nestedIn: { statement: at === inner ? inner.nestedIn!.statement : (caller.nestedIn?.statement ?? caller.index), kind: 'do-block', ...(trigger ? { trigger: true as const } : {}) } };
          const innerOps = classify(running, state);
          runChecks(replayCheckers, running, innerOps);
          track(state, running, innerOps, running);
          if (!trigger) for (const o of innerOps) operations.push(o);
          callers.push(running);
        }
      }
    }
  };

  const finish = (source: ParsedSource, text: string): AnalyzeOutput => {
    const directives = readDirectives(text, source.statements);
    const standIns = source.unknownPlaceholders?.length ? placeholderStandIns(source.unknownPlaceholders) : undefined;
    const findings: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    // Statements sit at their index (parseSource numbers them so); a Map of 10^5 of them cost more than the lookups.
    let byIndex: Map<number, Statement> | undefined;
    const statementAt = (i: number): Statement | undefined => {
      const s = source.statements[i];
      if (s?.index === i) return s;
      byIndex ??= new Map(source.statements.map((t) => [t.index, t]));
      return byIndex.get(i);
    };

    // `suppressible`: the statement an ignore directive must stand before to silence the hit (for a
    // file-level hit at a position, the first statement at or after it).
    const emit = (rule: Rule, hit: RuleHit, stmt: Statement | undefined, ops: Operation[], suppressible = stmt) => {
      const directive = suppressedBy(directives, rule.id, suppressible);
      const targets = hit.operations ? hit.operations.map((i) => ops[i]).filter((o): o is Operation => !!o) : hit.operation !== undefined ? [ops[hit.operation]].filter((o): o is Operation => !!o) : undefined;
      const target = targets?.[0];
      let risk: Risk = overrideRisk(settings[rule.id]) ?? hit.risk ?? rule.risk;
      let message = hit.message;
      if (rule.sizeSensitive) {
        const table = target?.table ?? ops.find((o) => o.table)?.table;
        const stats = table ? state.tableStats.get(table) : undefined;
        if (table && stats) {
          const small = isSmall(stats);
          message += ` (${table}: ${describeSize(stats)} per table stats — ${small ? 'a small table, so the lock is brief' : 'a large table, so the lock lasts as long as the work'})`;
          if (small && risk === 'DANGEROUS' && !overrideRisk(settings[rule.id])) risk = 'CAUTION';
        }
      }
      const pos = hit.position ?? (stmt ? { line: stmt.line, column: stmt.column } : { line: 1, column: 1 });
      let suggestion = hit.suggestion;
      if (standIns) {
        message = standIns.restore(message);
        // A stand-in glued into a longer name (a constraint named after the table) has no spelling
        // the file could use: the rule's general advice instead.
        if (suggestion !== undefined) suggestion = standIns.restore(suggestion, rule.docs.instead);
      }
      const finding: Finding = {
        rule: rule.id,
        risk,
        line: pos.line,
        column: pos.column,
        message,
        ...(suggestion ? { suggestion } : {}),
        ...(suggestion && hit.suggestionRuns && hit.suggestionRuns !== 'instead' ? { suggestionRuns: hit.suggestionRuns } : {}),
        ...(suggestion && (hit.suggestionRuns ?? 'instead') === 'instead' && hit.alsoReplaces?.length ? { alsoReplaces: hit.alsoReplaces.map((r) => ({ ...r })) } : {}),
        ...(stmt ? { statement: stmt.index } : {}),
        path: source.path,
      };
      if (directive) {
        const top = suppressible?.nestedIn ? statementAt(suppressible.nestedIn.statement) : suppressible;
        suppressed.push({
          finding,
          directive: { scope: directive.scope, rules: directive.rules, line: directive.position.line, column: directive.position.column },
          statementText: top?.text ?? null,
        });
        return;
      }
      findings.push(finding);
      const touched = targets?.length ? targets : ops;
      for (const o of touched) {
        o.risk = maxRisk(o.risk, risk);
        if (!o.rules.includes(rule.id)) o.rules = [...o.rules, rule.id];
      }
    };

    for (const p of pending) emit(p.rule, p.hit, statementAt(p.statement), p.ops);
    pending.length = 0;

    if (!state.learningOnly) {
      const file = { metaCommands: source.metaCommands ?? [], unknownPlaceholders: source.unknownPlaceholders ?? [] };
      for (const rule of enabled) {
        if (!rule.finish) continue;
        for (const hit of safeCheck(rule, () => rule.finish!(state, file))) {
          const p = hit.position;
          if (!p) {
            emit(rule, hit, source.statements.at(-1), []);
            continue;
          }
          const at = source.statements.find((s) => !s.nestedIn && (s.line > p.line || (s.line === p.line && s.column >= p.column)));
          emit(rule, hit, undefined, [], at);
        }
      }
      for (const d of directives) {
        if (d.used || !isEnabled(settings[UNUSED_IGNORE_RULE])) continue;
        const what = d.rules.length ? d.rules.join(', ') : 'every rule';
        findings.push({
          rule: UNUSED_IGNORE_RULE,
          risk: 'SAFE',
          line: d.position.line,
          column: d.position.column,
          message: `this migration-guard-ignore${d.scope === 'file' ? '-file' : ''} (${what}) suppresses nothing${d.scope === 'statement' && d.statement === undefined ? ': no statement follows it' : ''}`,
          suggestion: 'remove the comment, or fix the rule name it lists',
          path: source.path,
          ...(d.statement !== undefined && statementAt(d.statement) !== undefined ? { statement: d.statement } : {}),
        });
      }
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column);
    return { operations, findings, suppressed };
  };

  return { feed, finish };
}

/** Which rules run on what, for one list of rules and one set of rule settings. */
interface RulePlan {
  enabled: readonly Rule[];
  checkers: (tag: string) => readonly Rule[];
  bodyCheckers: (tag: string) => readonly Rule[];
  replayCheckers: (tag: string) => readonly Rule[];
  lookingBack: readonly Rule[];
}

/** Settings when none are given: one shared object, so that rulePlan finds its plan again. */
const NO_SETTINGS: Readonly<Record<string, RuleSetting>> = Object.freeze({});

const plans = new WeakMap<readonly Rule[], WeakMap<Readonly<Record<string, RuleSetting>>, RulePlan>>();

/**
 * The plan for these rules and settings, made once and shared by every file analysed with them
 * (the same objects for a whole run): made per file, filtering 100 rules per statement tag per
 * file was 2.5% of a lint of 4,000 small files.
 */
function rulePlan(rules: readonly Rule[], settings: Readonly<Record<string, RuleSetting>>): RulePlan {
  let bySettings = plans.get(rules);
  if (!bySettings) plans.set(rules, (bySettings = new WeakMap()));
  let plan = bySettings.get(settings);
  if (!plan) {
    const enabled = rules.filter((r) => isEnabled(settings[r.id], r));
    plan = {
      enabled,
      // Rules without a check (finish-only) are skipped once here, not once per statement.
      checkers: byStatementTag(enabled.filter((r) => r.check)),
      bodyCheckers: byStatementTag(enabled.filter((r) => r.check && r.functionBodies)),
      // A routine's statements, once something runs it: the rules that read bodies already did.
      replayCheckers: byStatementTag(enabled.filter((r) => r.check && !r.functionBodies)),
      lookingBack: enabled.filter((r) => r.readsEarlierTree),
    };
    bySettings.set(settings, plan);
  }
  return plan;
}

/**
 * The rules to call for a statement with the given tag, in their original order: those that
 * list the tag and those that list none. Built once per tag, so a statement costs no filtering.
 */
function byStatementTag(rules: readonly Rule[]): (tag: string) => readonly Rule[] {
  const byTag = new Map<string, readonly Rule[]>();
  return (tag) => {
    let which = byTag.get(tag);
    if (!which) {
      which = rules.filter((r) => !r.statements || (r.statements as readonly string[]).includes(tag));
      byTag.set(tag, which);
    }
    return which;
  };
}

/** A rule that throws is a bug in the rule, not in the migration: report it, never crash. */
function safeCheck(rule: Rule, run: () => RuleHit[]): RuleHit[] {
  try {
    return run();
  } catch (e) {
    return [ruleFailure(rule, e)];
  }
}

function ruleFailure(rule: Rule, e: unknown): RuleHit {
  return { message: `internal error in rule ${rule.id}: ${(e as Error).message}`, risk: 'CAUTION' };
}

function isEnabled(s: RuleSetting | undefined, rule?: Rule): boolean {
  if (s === undefined) return rule?.enabledByDefault !== false;
  return s !== 'off' && s !== false;
}

function overrideRisk(s: RuleSetting | undefined): Risk | undefined {
  return s === 'SAFE' || s === 'CAUTION' || s === 'DANGEROUS' ? s : undefined;
}

function isSmall(stats: TableStats): boolean {
  return (stats.rows === undefined || stats.rows <= SMALL_TABLE.rows) && (stats.bytes === undefined || stats.bytes <= SMALL_TABLE.bytes) && (stats.rows !== undefined || stats.bytes !== undefined);
}

export function describeSize(stats: TableStats): string {
  const parts: string[] = [];
  if (stats.rows !== undefined) parts.push(`${stats.rows.toLocaleString('en-US')} rows`);
  if (stats.bytes !== undefined) parts.push(formatBytes(stats.bytes));
  return parts.join(', ');
}

function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n >= 10 || i === 0 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}

