// The contract every rule in rules/ implements. A rule reads one statement (with the
// operations the classifier made of it and the state of the migration before it) and says
// what is risky; it never changes state. Its documentation is written once, here, and feeds
// the terminal output, the PR comment and docs/rules.md.
import type { MetaCommand, Operation, Position, Risk, Statement, StatementRef, SuggestionRuns, UnknownPlaceholder } from '../core/types.js';
import type { Preset, RuleSetting } from '../config/schema.js';
import type { NodeTag } from './ast.js';
import type { AnalysisState } from './state.js';

export interface RuleDocs {
  /** Why the operation is risky, in plain words, for a reviewer. */
  why: string;
  /** The lock it takes and what that lock blocks, e.g. "ACCESS EXCLUSIVE on the table: blocks reads and writes". */
  lock?: string;
  /** What to do instead. */
  instead: string;
  /** A migration that triggers the rule. */
  bad: string;
  /** The same change done safely (must not trigger the rule). */
  good: string;
  /** The matching rule of other tools, so users can switch (pgfence: its rule family). */
  equivalents?: { squawk?: string; strongMigrations?: string; eugene?: string; pgfence?: string };
  /** For policy rules: the default chosen (on or off) and why; shown in docs/rules.md. */
  policy?: string;
}

export interface RuleInput {
  statement: Statement;
  /** The operations of this statement, as classified. */
  operations: readonly Operation[];
  /** What was known before this statement ran (objects created, transaction, timeouts...). */
  state: Readonly<AnalysisState>;
}

/** What a migration file holds besides its statements. */
export interface FileFacts {
  /** psql meta-commands (`\ir lib.sql`, `\gexec`), in order. */
  metaCommands: readonly MetaCommand[];
  /** `${name}` placeholders (pop: Go template actions) with no value the review knows, each once. */
  unknownPlaceholders: ReadonlyArray<UnknownPlaceholder & { line: number; column: number }>;
}

export interface RuleHit {
  message: string;
  /** The safe alternative, concrete for this statement where possible. */
  suggestion?: string;
  /** `before`: the suggestion runs ahead of the statement, which stays; `after`: after it (or the file), as well; else it replaces the statement. */
  suggestionRuns?: SuggestionRuns;
  /** Earlier statements the suggestion replaces too (see Finding.alsoReplaces); never with `before`. */
  alsoReplaces?: StatementRef[];
  /** Overrides the rule's risk for this hit (e.g. a known-small table is CAUTION, not DANGEROUS). */
  risk?: Risk;
  /** Index into `operations` the hit is about; absent for the whole statement. */
  operation?: number;
  /**
   * Indexes into `operations` when one hit covers several of them (a statement's like changes,
   * reported once instead of once each); takes the place of `operation`.
   */
  operations?: number[];
  /** Defaults to the statement's position. */
  position?: Position;
}

export interface Rule {
  id: string;
  /** The default risk of a hit. */
  risk: Risk;
  /** One line, e.g. "CREATE INDEX without CONCURRENTLY blocks writes". */
  title: string;
  docs: RuleDocs;
  /**
   * True for rules about blocking or rewriting (not data loss): with table stats showing a
   * small table their DANGEROUS hits become CAUTION, and every hit names the table's size.
   */
  sizeSensitive?: boolean;
  /**
   * True for rules that also read statements inside function bodies (with no operations: the
   * body runs when the function is called, not now). Other rules never see them.
   */
  functionBodies?: boolean;
  /**
   * False for policy rules that are off unless the config turns them on (`rules: { id: on }`)
   * or a preset that lists them does; docs/rules.md states each such choice and why.
   */
  enabledByDefault?: false;
  /** Presets that turn this rule on (`preset: squawk`, `--preset squawk`). */
  presets?: readonly Preset[];
  /**
   * The tags of the statements `check` can report on (a statement's top node, e.g. ['IndexStmt']):
   * the analyzer calls it for no other statement. Absent: every statement, the safe default.
   * Nested statements (DO blocks, function bodies) are matched by their own tag too.
   */
  statements?: readonly NodeTag[];
  /**
   * True for an earlier statement of the file whose syntax tree `check` or `finish` reads later,
   * through state.earlierInFile. Every other earlier statement keeps only its tag there (its
   * text, place and operations stay), so a file of 10^5 statements does not hold 10^5 trees.
   * Absent: the rule reads no earlier statement's tree.
   */
  readsEarlierTree?(statement: Statement, operations: readonly Operation[]): boolean;
  check?(input: RuleInput): RuleHit[];
  /** Called once at the end of each migration file, with the final state (missing COMMIT, ...) and what the file holds besides statements. */
  finish?(state: Readonly<AnalysisState>, file: FileFacts): RuleHit[];
}

/**
 * The per-rule settings a run uses: the preset's rules turned on, then the config's own
 * settings over them (an explicit `off` beats the preset).
 */
export function effectiveSettings(rules: readonly Rule[], preset: Preset | undefined, settings: Readonly<Record<string, RuleSetting>>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (preset) for (const r of rules) if (r.presets?.includes(preset)) out[r.id] = 'on';
  return { ...out, ...settings };
}
