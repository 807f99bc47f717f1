// The report stage's entry point: one CheckResult, one format, one string to print. A caller
// that renders one report as the CLI does uses render.ts's renderReportWhenReady, which loads
// the plan stage only for `markdown`; this module loads every format.
import type { CheckResult } from '../check/types.js';
import { renderMarkdownReport } from './markdown-report.js';
import { renderPlainFormat, type ReportFormat, type RenderOptions } from './render.js';

export { renderReportWhenReady, type ReportFormat, type RenderOptions } from './render.js';

export function renderReport(result: CheckResult, format: ReportFormat, opts: RenderOptions = {}): string {
  return format === 'markdown' ? renderMarkdownReport(result, opts) : renderPlainFormat(result, format, opts);
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

