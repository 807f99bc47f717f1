// The `markdown` report (the Action's job summary): the findings and the phased safe plan built
// from the same check result. Imported on its own so the other formats never load the plan stage.
import type { CheckResult } from '../check/types.js';
import { DEFAULT_PG_VERSION } from '../config/defaults.js';
import { buildPlan } from '../plan/build.js';
import { defaultRuleLookup } from './diagnostics.js';
import { renderJobSummary } from './markdown/index.js';
import type { RenderOptions } from './render.js';
import { ruleDocsUrl } from './tool-info.js';

export function renderMarkdownReport(result: CheckResult, opts: RenderOptions = {}): string {
  const ruleById = opts.ruleById ?? defaultRuleLookup;
  const plan = result.plan ?? buildPlan(result.migrations, { pgVersion: opts.pgVersion ?? result.report.pgVersion ?? DEFAULT_PG_VERSION });
  return renderJobSummary(result, plan, {
    approvalRisk: opts.approvalRisk ?? 'DANGEROUS',
    docsUrl: (id) => ruleDocsUrl(id),
    ruleTitle: (id) => ruleById(id)?.title,
  });
}
