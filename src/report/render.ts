// Rendering a check result in one format, for a caller that renders one report: `markdown`
// (which builds the safe plan) is imported only when asked for, so a `lint` in another format
// never loads the plan stage. report/index.ts has the same formats in one synchronous call.
import type { CheckResult } from '../check/types.js';
import type { Risk } from '../core/types.js';
import type { RuleLookup } from './diagnostics.js';
import { formatWorkflowCommands, renderAnnotations } from './github.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderPretty } from './pretty.js';
import { renderSarif } from './sarif.js';
import { loadTextWidths, TextWidthsNotLoaded } from './text-layout.js';

export type ReportFormat = 'pretty' | 'json' | 'sarif' | 'github' | 'markdown';

export interface RenderOptions {
  /** Colour for `pretty` (the CLI decides from the TTY, NO_COLOR and FORCE_COLOR). */
  color?: boolean;
  /** Terminal width for `pretty`. */
  width?: number;
  verbose?: boolean;
  /** Fail threshold, for the exit hint of `pretty`. */
  failOn?: Risk;
  /** Target Postgres major version, for the plan in `markdown`. */
  pgVersion?: number;
  /** Risk at which `markdown` says an approval is needed (default DANGEROUS). */
  approvalRisk?: Risk;
  ruleById?: RuleLookup;
}

/** Every format but `markdown` (report/markdown-report.ts). */
export function renderPlainFormat(result: CheckResult, format: Exclude<ReportFormat, 'markdown'>, opts: RenderOptions = {}): string {
  const lookup = opts.ruleById ? { ruleById: opts.ruleById } : {};
  switch (format) {
    case 'pretty':
      return renderPretty(result, {
        color: opts.color ?? false,
        ...(opts.width !== undefined ? { width: opts.width } : {}),
        ...(opts.verbose !== undefined ? { verbose: opts.verbose } : {}),
        ...(opts.failOn !== undefined ? { failOn: opts.failOn } : {}),
        ...lookup,
      });
    case 'json':
      return renderJson(result);
    case 'sarif':
      return JSON.stringify(renderSarif(result, lookup), null, 2) + '\n';
    case 'github':
      return formatWorkflowCommands(renderAnnotations(result, lookup));
  }
}

/**
 * The report's text in pieces, for writing as it is made: the JSON report of a large file never
 * exists as one string; the other formats are one piece. Pretty text that turns out to need
 * string-width (text beyond printable ASCII) is rendered again once it is loaded, so a run whose
 * report is plain ASCII never loads it.
 */
export async function renderReportWhenReady(result: CheckResult, format: ReportFormat, opts: RenderOptions = {}): Promise<Iterable<string>> {
  if (format === 'markdown') return [(await import('./markdown-report.js')).renderMarkdownReport(result, opts)];
  if (format === 'json') return renderJsonChunks(result);
  if (format !== 'pretty') return [renderPlainFormat(result, format, opts)];
  try {
    return [renderPlainFormat(result, format, opts)];
  } catch (e) {
    if (!(e instanceof TextWidthsNotLoaded)) throw e;
  }
  await loadTextWidths();
  return [renderPlainFormat(result, format, opts)];
}
