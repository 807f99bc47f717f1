// The report stage's entry point: one CheckResult, one format, one string to print.
import type { CheckResult } from '../check/types.js';
import type { Risk } from '../core/types.js';
import { DEFAULT_PG_VERSION } from '../config/defaults.js';
import { buildPlan } from '../plan/build.js';
import { defaultRuleLookup, type RuleLookup } from './diagnostics.js';
import { renderJobSummary } from './markdown/index.js';
import { ruleDocsUrl } from './tool-info.js';
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

export function renderReport(result: CheckResult, format: ReportFormat, opts: RenderOptions = {}): string {
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
    case 'markdown': {
      const ruleById = opts.ruleById ?? defaultRuleLookup;
      const plan = buildPlan(result.migrations, { pgVersion: opts.pgVersion ?? result.report.pgVersion ?? DEFAULT_PG_VERSION });
      return renderJobSummary(result, plan, {
        approvalRisk: opts.approvalRisk ?? 'DANGEROUS',
        docsUrl: (id) => ruleDocsUrl(id),
        ruleTitle: (id) => ruleById(id)?.title,
      });
    }
  }
}

/**
 * renderReport's text in pieces, for writing as it is made: the JSON report of a large file
 * never exists as one string. The other formats are one piece.
 */
function renderReportChunks(result: CheckResult, format: ReportFormat, opts: RenderOptions = {}): Iterable<string> {
  return format === 'json' ? renderJsonChunks(result) : [renderReport(result, format, opts)];
}

/**
 * renderReportChunks for a caller that can wait: pretty text that turns out to need
 * string-width (text beyond printable ASCII) is rendered again once it is loaded, so a run
 * whose report is plain ASCII never loads it.
 */
export async function renderReportWhenReady(result: CheckResult, format: ReportFormat, opts: RenderOptions = {}): Promise<Iterable<string>> {
  if (format !== 'pretty') return renderReportChunks(result, format, opts);
  try {
    return [renderReport(result, format, opts)];
  } catch (e) {
    if (!(e instanceof TextWidthsNotLoaded)) throw e;
  }
  await loadTextWidths();
  return [renderReport(result, format, opts)];
}

export { renderJson, toJsonReport } from './json.js';
// The zod schema of the JSON report stays in report/json-schema.ts (import it from there): through
// this index it would load zod into every run that renders a report.
export type { JsonReport } from './json-schema.js';
export { renderPretty, type PrettyOptions } from './pretty.js';
export { renderSarif, sarifLevel, type SarifLog, type SarifOptions } from './sarif.js';
export {
  renderAnnotations,
  formatWorkflowCommands,
  formatWorkflowCommand,
  annotationLevel,
  type Annotation,
  type AnnotationLevel,
} from './github.js';
export { collectDiagnostics, type Diagnostic, type RuleLookup } from './diagnostics.js';

