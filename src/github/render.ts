// The review as Markdown for GitHub: the sticky comment and the job summary, with the plan.
// One place that ties the report renderer's options to the approval state.
import type { ApprovalRecord, CheckResult } from '../check/types.js';
import type { Risk } from '../core/types.js';
import { buildPlan } from '../plan/index.js';
import { COMMENT_MARKER, renderComment, renderJobSummary, type CommentOptions } from '../report/markdown/index.js';
import { defaultDocsUrl } from '../report/markdown/index.js';
import { approvalBlock } from '../report/markdown/sections.js';
import { MAX_REPORT_LENGTH } from './comment-body.js';

export const STICKY_MARKER = COMMENT_MARKER;

export interface RenderOptions {
  pgVersion: number;
  approvalRisk: Risk;
  approval: ApprovalRecord | null;
  /** Set when this run voided an approval: why, in a clause. */
  voidedReason?: string;
}

function commentOptions(o: RenderOptions): CommentOptions {
  return {
    approvalRisk: o.approvalRisk,
    approval: o.approval,
    ...(o.voidedReason ? { approvalVoidedReason: o.voidedReason } : {}),
    maxLength: MAX_REPORT_LENGTH,
  };
}

/** The comment's report part and its approval block (to find it again later). */
export function renderReviewComment(result: CheckResult, o: RenderOptions): { report: string; approvalBlock: string } {
  const plan = result.plan ?? buildPlan(result.migrations, { pgVersion: o.pgVersion });
  const opts = commentOptions(o);
  const block = approvalBlock(result, {
    approval: o.approval,
    approvalRisk: o.approvalRisk,
    ...(o.voidedReason ? { approvalVoidedReason: o.voidedReason } : {}),
    docsUrl: defaultDocsUrl,
    ruleTitle: () => undefined,
  });
  return { report: renderComment(result, plan, opts), approvalBlock: block };
}

export function renderSummary(result: CheckResult, o: RenderOptions): string {
  const plan = result.plan ?? buildPlan(result.migrations, { pgVersion: o.pgVersion });
  return renderJobSummary(result, plan, commentOptions(o));
}
