// The sticky comment's layout: the report (rendered by src/report/markdown, marker first),
// its approval block wrapped in markers of our own, and the hidden state. The wrapped block
// lets `/approve-migration` record an approval without re-running the review.
import { embedState, type CommentState } from './comment-state.js';
import type { ApprovalRecord } from '../check/types.js';
import { code, cutOutsideFences, prose } from '../report/markdown/escape.js';

const APPROVAL_OPEN = '<!-- migration-guard-approval -->';
const APPROVAL_CLOSE = '<!-- /migration-guard-approval -->';
/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_COMMENT_LENGTH = 65_536;
/** Room the report may take, leaving space for the approval markers and the state. */
export const MAX_REPORT_LENGTH = 60_000;

export const NO_MIGRATIONS_TEXT = '### migration-guard\n\nThis pull request no longer changes any migration. Nothing to review.';

export interface CommentParts {
  marker: string;
  /** The review as Markdown (starting with the marker); null for "no migration changes". */
  report: string | null;
  /** The approval block as it appears in `report` ('' when the report has none). */
  approvalBlock: string;
  state: CommentState;
}

export function composeComment(parts: CommentParts): string {
  let report = parts.report ?? NO_MIGRATIONS_TEXT;
  if (!report.startsWith(parts.marker)) report = `${parts.marker}\n${report}`;
  if (parts.approvalBlock && report.includes(parts.approvalBlock)) {
    report = report.replace(parts.approvalBlock, () => `${APPROVAL_OPEN}${parts.approvalBlock}${APPROVAL_CLOSE}`);
  }
  const tail = `\n\n${embedState(parts.state)}\n`;
  const room = MAX_COMMENT_LENGTH - tail.length;
  if (report.length > room) report = `${cutOutsideFences(report, room - 80)}\n\n…(cut to fit GitHub's size limit; see the job summary)`;
  return `${report.trimEnd()}${tail}`;
}

/**
 * The same comment with a new approval block and state; the rest of the report is kept.
 * A body without a wrapped block (an old or cut one) gets the block after its marker line.
 */
export function replaceApproval(body: string, block: string, state: CommentState, marker: string): string {
  const withoutState = body.replace(/\n*<!-- migration-guard-state [^>]*-->\s*$/, '');
  const wrapped = `${APPROVAL_OPEN}${block}${APPROVAL_CLOSE}`;
  const start = withoutState.indexOf(APPROVAL_OPEN);
  const end = withoutState.indexOf(APPROVAL_CLOSE, start);
  let report: string;
  if (start >= 0 && end > start) {
    report = withoutState.slice(0, start) + wrapped + withoutState.slice(end + APPROVAL_CLOSE.length);
  } else {
    const at = withoutState.indexOf(marker);
    const cut = at >= 0 ? at + marker.length : 0;
    report = `${withoutState.slice(0, cut)}\n\n${wrapped}\n\n${withoutState.slice(cut).trimStart()}`;
  }
  return composeComment({ marker, report, approvalBlock: '', state });
}

/**
 * The block that replaces "needs approval" once someone approves, worded as the report
 * renderer words it on the next review (src/report/markdown/sections.ts approvalBlock).
 */
export function approvedBlock(a: ApprovalRecord): string {
  return `✅ **Approved** by @${a.approver} on ${a.at.slice(0, 10)} for ${code(a.headSha.slice(0, 7))}${a.reason ? `: ${prose(a.reason)}` : ''}`;
}

export function approvalSummary(a: ApprovalRecord): string {
  return `approved by @${a.approver}${a.reason ? `: ${a.reason}` : ''}`;
}

/** Why an approval stopped counting, as the report's "no longer applies" block says it. */
export function voidedReason(v: { approver: string; headSha: string; voidedAtSha: string }): string {
  return `the approval by @${v.approver} covered the migrations as of ${v.headSha.slice(0, 7)}, and a later push (${v.voidedAtSha.slice(0, 7)}) changed them`;
}
