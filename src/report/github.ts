// `--format github`: workflow commands (`::error file=…::message`) that GitHub Actions turns
// into annotations on the pull request's diff. The Action can also hand the same annotations to
// a check run through the API, so building them and printing them are separate steps.
import type { CheckResult } from '../check/types.js';
import type { Risk } from '../core/types.js';
import { bySeverity, collectDiagnostics, defaultRuleLookup, suggestionLabel, type Diagnostic, type RuleLookup } from './diagnostics.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  path: string;
  line: number;
  column: number;
  endLine?: number;
  title: string;
  message: string;
}

export interface AnnotationOptions {
  ruleById?: RuleLookup;
}

export function annotationLevel(risk: Risk): AnnotationLevel {
  return risk === 'DANGEROUS' ? 'error' : risk === 'CAUTION' ? 'warning' : 'notice';
}

/**
 * One annotation per finding, parse error and dry-run failure, most severe first: GitHub shows
 * only the first few of each level per step, so the ones that block the merge come first.
 */
export function renderAnnotations(result: CheckResult, opts: AnnotationOptions = {}): Annotation[] {
  return collectDiagnostics(result, opts.ruleById ?? defaultRuleLookup)
    .sort(bySeverity)
    .map(toAnnotation);
}

function toAnnotation(d: Diagnostic): Annotation {
  return {
    level: annotationLevel(d.risk),
    path: d.path,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined && d.endLine > d.line ? { endLine: d.endLine } : {}),
    title: title(d),
    message: d.suggestion ? `${d.message}\n\n${suggestionLabel(d)}: ${d.suggestion}` : d.message,
  };
}

function title(d: Diagnostic): string {
  switch (d.kind) {
    case 'parse-error':
      return `${d.risk} parse error`;
    case 'dry-run-error':
      return `${d.risk} dry-run failed`;
    case 'finding':
      return d.rule ? `${d.risk} ${d.ruleId}: ${d.rule.title}` : `${d.risk} ${d.ruleId}`;
  }
}

/** Lines of `::error file=…,line=…,col=…,title=…::message`, one per annotation. */
export function formatWorkflowCommands(annotations: readonly Annotation[]): string {
  return annotations.map(formatWorkflowCommand).map((l) => l + '\n').join('');
}

export function formatWorkflowCommand(a: Annotation): string {
  const props: Array<[string, string | number]> = [
    ['file', a.path],
    ['line', a.line],
    ['col', a.column],
  ];
  if (a.endLine !== undefined) props.push(['endLine', a.endLine]);
  props.push(['title', a.title]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${a.level} ${list}::${escapeData(a.message)}`;
}

/** GitHub's escaping for a command's message (as @actions/core does it). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for a command property: the data rules plus `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
