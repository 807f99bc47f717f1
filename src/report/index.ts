// The report stage's entry point: one CheckResult, one format, one string to print.
import type { CheckResult } from '../check/types.js';
import type { Risk } from '../core/types.js';
import type { RuleLookup } from './diagnostics.js';
import { formatWorkflowCommands, renderAnnotations } from './github.js';
import { renderJson } from './json.js';
import { renderPretty } from './pretty.js';
import { renderSarif } from './sarif.js';

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
    case 'markdown':
      return renderMarkdown(result, opts);
  }
}

export { renderJson, toJsonReport } from './json.js';
export { jsonReportSchema, reportJsonSchema, type JsonReport } from './json-schema.js';
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

// The Markdown job summary and PR comment live in ./markdown (another module, with the plan from
// ../plan). Until that module lands, asking for it is an error the CLI reports, not a crash.
function renderMarkdown(_result: CheckResult, _opts: RenderOptions): string {
  throw new Error('--format markdown is not available in this build: src/report/markdown is not wired into renderReport yet');
}
