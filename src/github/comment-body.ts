// The sticky comment's layout: marker, the report (rendered by src/report/markdown), the
// approval section, the hidden state. The approval section sits between its own markers so
// an approval can be recorded without re-running the review.
import { embedState, type CommentState, type VoidedApproval } from './comment-state.js';
import { describePolicy, type ApprovalPolicy } from './approval.js';
import type { ApprovalRecord } from '../check/types.js';

const APPROVAL_OPEN = '<!-- migration-guard-approval -->';
const APPROVAL_CLOSE = '<!-- /migration-guard-approval -->';
/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_COMMENT_LENGTH = 65_536;

export interface CommentParts {
  marker: string;
  /** The review as Markdown; null for "no migration changes". */
  report: string | null;
  state: CommentState;
  policy: ApprovalPolicy;
}

export function composeComment(parts: CommentParts): string {
  const tail = `\n\n${APPROVAL_OPEN}\n${approvalSection(parts.state, parts.policy)}\n${APPROVAL_CLOSE}\n\n${embedState(parts.state)}`;
  let report = parts.report ?? NO_MIGRATIONS_TEXT;
  report = report.includes(parts.marker) ? report : `${parts.marker}\n${report}`;
  const room = MAX_COMMENT_LENGTH - tail.length - 200;
  if (report.length > room) {
    report = `${report.slice(0, room)}\n\n…\n\n_The review is too long for one comment; it is cut here. The job summary and the SARIF report have all of it._`;
  }
  return `${report}${tail}`;
}

/** The same comment with a new approval section and state (the report part is kept). */
export function replaceApproval(body: string, state: CommentState, policy: ApprovalPolicy, marker: string): string {
  const start = body.indexOf(APPROVAL_OPEN);
  const report = start >= 0 ? body.slice(0, start).trimEnd() : body;
  return composeComment({ marker, report, state, policy });
}

export const NO_MIGRATIONS_TEXT = '### migration-guard\n\nThis pull request no longer changes any migration. Nothing to review.';

export function approvalSection(state: CommentState, policy: ApprovalPolicy): string {
  const lines: string[] = [];
  const review = state.review;
  if (review?.needsApproval) {
    if (state.approval) {
      lines.push(`**Approved** by @${state.approval.approver} at ${state.approval.at}${state.approval.reason ? `: ${quoteInline(state.approval.reason)}` : ''}.`);
      lines.push('', `The approval covers the migrations as of ${shortSha(state.approval.headSha)}; a push that changes any of them voids it.`);
    } else {
      lines.push(
        `**Needs approval.** ${review.risk ?? 'Risky'} migrations block this pull request until ${describePolicy(policy)} comments \`/approve-migration <reason>\`.`,
      );
    }
  } else if (review) {
    lines.push(`No approval needed: nothing here is ${policy.approvalRisk} or riskier.`);
  }
  const last = state.voided[state.voided.length - 1];
  if (last && !state.approval && review?.needsApproval) {
    lines.push('', voidedLine(last));
  }
  return lines.join('\n');
}

export function voidedLine(v: VoidedApproval): string {
  return `_The approval by @${v.approver} (for ${shortSha(v.headSha)}) was voided at ${shortSha(v.voidedAtSha)}: a later push changed the migrations it covered._`;
}

export function approvalSummary(a: ApprovalRecord): string {
  return `approved by @${a.approver}${a.reason ? `: ${a.reason}` : ''}`;
}

function shortSha(sha: string): string {
  return `\`${sha.slice(0, 7)}\``;
}

function quoteInline(text: string): string {
  return `“${text.replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))}”`;
}
