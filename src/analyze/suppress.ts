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
  const lines = new LineIndex(text);
  for (const m of text.matchAll(DIRECTIVE)) {
    const offset = m.index ?? 0;
    // A directive inside a statement's text (e.g. a string literal) is not a directive.
    if (topLevel.some((s) => offset >= s.start && offset < s.end)) continue;
    const rules = (m[2] ?? '')
      .split('*/', 1)[0]!
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => /^[a-z0-9-]+$/.test(r));
    const position = lines.position(offset);
    const next = topLevel.find((s) => s.start > offset);
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

/** Finds the directive that silences `rule` on `statement` (or its parent), marking it used. */
export function suppressedBy(directives: IgnoreDirective[], rule: string, statement: Statement | undefined): IgnoreDirective | undefined {
  const target = statement?.nestedIn ? statement.nestedIn.statement : statement?.index;
  const d = directives.find(
    (d) => (d.scope === 'file' || (target !== undefined && d.statement === target)) && (d.rules.length === 0 || d.rules.includes(rule)),
  );
  if (d) d.used = true;
  return d;
}
