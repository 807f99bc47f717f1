// `-- migration-guard-ignore rule-a, rule-b` silences those rules for the next statement;
// `-- migration-guard-ignore-file [rules]` for the whole file (all rules when none listed).
// Directives are read from the source text, so they work wherever a comment can stand.
import type { Position, Statement } from '../core/types.js';
import { LineIndex } from '../parse/positions.js';

export interface IgnoreDirective {
  scope: 'statement' | 'file';
  /** Empty = every rule. */
  rules: string[];
  position: Position;
  /** For statement scope: index of the statement it applies to (undefined when none follows). */
  statement?: number;
  used: boolean;
}

const DIRECTIVE = /(?:--|\/\*)[ \t]*migration-guard-ignore(-file)?\b([^\n]*)/g;

export function readDirectives(text: string, statements: readonly Statement[]): IgnoreDirective[] {
  const topLevel = statements.filter((s) => !s.nestedIn);
  const out: IgnoreDirective[] = [];
  let lines: LineIndex | undefined;
  for (const m of text.matchAll(DIRECTIVE)) {
    const offset = m.index ?? 0;
    // Top-level statements are in file order and do not overlap: the one that may hold the
    // directive is the last to start at or before it, the one it applies to the next.
    const nextAt = firstStartingAfter(topLevel, offset);
    const before = topLevel[nextAt - 1];
    // A directive inside a statement's text (e.g. a string literal) is not a directive.
    if (before && offset >= before.start && offset < before.end) continue;
    const rules = (m[2] ?? '')
      .split('*/', 1)[0]!
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => /^[a-z0-9-]+$/.test(r));
    const position = (lines ??= new LineIndex(text)).position(offset);
    const next = topLevel[nextAt];
    out.push({
      scope: m[1] ? 'file' : 'statement',
      rules,
      position,
      ...(m[1] || !next ? {} : { statement: next.index }),
      used: false,
    });
  }
  return out;
}

/** Index of the first statement that starts after `offset` (binary search: a directive per statement must not make this quadratic). */
function firstStartingAfter(statements: readonly Statement[], offset: number): number {
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (statements[mid]!.start > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Finds the directive that silences `rule` on `statement` (or its parent), marking it used. */
export function suppressedBy(directives: IgnoreDirective[], rule: string, statement: Statement | undefined): IgnoreDirective | undefined {
  const target = statement?.nestedIn ? statement.nestedIn.statement : statement?.index;
  const { fileWide, byStatement } = indexOf(directives);
  const applies = (i: number) => directives[i]!.rules.length === 0 || directives[i]!.rules.includes(rule);
  // The first in file order that applies, as a search of the whole list would find.
  const a = fileWide.find(applies);
  const b = (target === undefined ? undefined : byStatement.get(target))?.find(applies);
  const first = a === undefined ? b : b === undefined ? a : Math.min(a, b);
  const d = first === undefined ? undefined : directives[first];
  if (d) d.used = true;
  return d;
}

interface DirectiveIndex {
  /** Positions in the list of the file-wide directives. */
  fileWide: number[];
  /** Positions in the list of the directives for each statement. */
  byStatement: Map<number, number[]>;
}

/**
 * Built once per list: with a directive per statement and a finding per statement, searching
 * the whole list for each finding was quadratic.
 */
const indexes = new WeakMap<readonly IgnoreDirective[], DirectiveIndex>();

function indexOf(directives: readonly IgnoreDirective[]): DirectiveIndex {
  let index = indexes.get(directives);
  if (!index) {
    const built: DirectiveIndex = { fileWide: [], byStatement: new Map() };
    directives.forEach((d, i) => {
      if (d.scope === 'file') built.fileWide.push(i);
      else if (d.statement !== undefined) {
        const list = built.byStatement.get(d.statement);
        if (list) list.push(i);
        else built.byStatement.set(d.statement, [i]);
      }
    });
    indexes.set(directives, built);
    index = built;
  }
  return index;
}
