// Runs the real parse and analyze stages over SQL strings, for rule and context tests.
import { fileTransaction, sentAsOneQuery } from '../../src/core/transaction.js';
import { analyzeSource, type AnalyzeOutput } from '../../src/analyze/analyze.js';
import type { Rule } from '../../src/analyze/rule.js';
import type { TableStats } from '../../src/analyze/state.js';
import { beginFile, newRunState } from '../../src/analyze/track.js';
import { parsePgVersion } from '../../src/config/defaults.js';
import type { RuleSetting } from '../../src/config/schema.js';
import type { TransactionMode } from '../../src/core/types.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import { allRules } from '../../rules/index.js';

export interface LintSqlOptions {
  pgVersion?: number;
  /** The target's minor release (the config's `pgVersion: "14.3"`). */
  pgMinorVersion?: number;
  /** How the runner executes the file: `wrapped` in one transaction, or `none` (default). */
  runner?: TransactionMode;
  /** SQL that ran before (base history): its objects are pre-existing, not new. */
  history?: string;
  /** Earlier migrations of the same run: their objects count as new. */
  earlier?: string[];
  tableStats?: Record<string, TableStats>;
  settings?: Record<string, RuleSetting>;
  rules?: readonly Rule[];
  path?: string;
}

export async function lintSql(sql: string, opts: LintSqlOptions = {}): Promise<AnalyzeOutput & { errors: unknown[] }> {
  await initParser();
  const rules = opts.rules ?? allRules;
  const state = newRunState({ pgVersion: opts.pgVersion ?? 16, ...(opts.pgMinorVersion !== undefined ? { pgMinorVersion: opts.pgMinorVersion } : {}), tableStats: new Map(Object.entries(opts.tableStats ?? {})) });
  const run = (text: string, path: string, learningOnly: boolean) => {
    const parsed = parseSource({ path, text });
    beginFile(state, path, fileTransaction(opts.runner ?? 'none', parsed.statements), learningOnly, undefined, sentAsOneQuery(opts.runner ?? 'none', parsed.statements));
    return { parsed, out: analyzeSource(parsed, text, state, rules, opts.settings ?? {}) };
  };
  if (opts.history) run(opts.history, 'history.sql', true);
  (opts.earlier ?? []).forEach((text, i) => run(text, `earlier-${i}.sql`, false));
  const { parsed, out } = run(sql, opts.path ?? 'migration.sql', false);
  return { ...out, errors: parsed.errors };
}

/** The ids of the rules that fired, in order, for compact assertions. */
export function ruleIds(out: AnalyzeOutput): string[] {
  return out.findings.map((f) => f.rule);
}

/**
 * The target a documented rule example names in its first line (`-- pgVersion: "14.3"`), for the
 * rules that depend on the version: the example tests lint it for that target.
 */
export function exampleTarget(sql: string): Pick<LintSqlOptions, 'pgVersion' | 'pgMinorVersion'> {
  const m = /^--\s*pgVersion:\s*(?:"(\d+\.\d+)"|(\d+))/.exec(sql);
  if (!m) return {};
  return parsePgVersion(m[1] ?? Number(m[2]));
}
