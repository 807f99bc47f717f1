// Recording an accepted approval in the sticky comment, for the `/approve-migration` comment and
// the App's button alike: merged into the comment as it is (a review may be writing it at the
// same moment), then the green status, then a read to see that it stayed (sticky-sync.ts).
import type { ApprovalRecord } from '../check/types.js';
import { approvalSummary, approvedBlock, replaceApproval } from './comment-body.js';
import { sameState, type CommentState } from './comment-state.js';
import type { GitHubClient, RepoRef } from './octokit.js';
import { STICKY_MARKER } from './render.js';
import { combineWithSiblings } from './shared-head.js';
import { mergeStates, validApproval } from './state-merge.js';
import { setCommitStatus, STATUS_CONTEXT, type CommitStatus } from './status.js';
import type { CommentThread, StickyComment } from './sticky-comment.js';
import { syncStickyComment } from './sticky-sync.js';

export interface RecordedApproval {
  /** The approval the comment holds (this one, or a newer one of the same content). */
  approval: ApprovalRecord;
  /** The head the status went on: the head of the review the approval was merged into. */
  headSha: string;
  status: CommitStatus;
  comment: StickyComment;
}

export interface RecordOptions {
  identity: string;
  statusContext?: string;
  now?: () => Date;
  log?: (message: string) => void;
  /** After each status: what else the surface publishes (the App's check run). */
  published?: (p: RecordedApproval) => Promise<void>;
  /** Once, after the first status and before the comment is read again (the 👍 on the command). */
  afterFirstPublish?: () => Promise<void>;
}

/**
 * Writes `record` into the comment of `thread` (read just now: its review is of the record's
 * content) and sets the status. When a newer review of other content replaces the comment while
 * this settles, the approval stays voided there and the newer review decides the status.
 */
export async function recordApproval(
  octokit: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  thread: CommentThread,
  record: ApprovalRecord,
  o: RecordOptions,
): Promise<RecordedApproval> {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => {});
  let last: RecordedApproval | null = null;
  await syncStickyComment(
    octokit,
    repo,
    issueNumber,
    o.identity,
    thread,
    {
      async compose({ comment, state }) {
        if (!comment || !state?.review || state.review.contentHash !== record.contentHash) return null;
        const merged = mergeStates({ ...state, review: state.review, approval: record }, state, now());
        const body = sameState(merged, state) ? comment.body : replaceApproval(comment.body, approvedBlock(merged.approval!), merged, STICKY_MARKER);
        return { state: merged, body };
      },
      async publish(state: CommentState, comment, round) {
        const approval = validApproval(state)!;
        const headSha = state.review!.headSha;
        const description = `${state.review!.risk ?? 'Risky'} migrations ${approvalSummary(approval)}`;
        const { status } = await combineWithSiblings(octokit, repo, headSha, issueNumber, o.identity, { state: 'success', description, targetUrl: comment.url });
        await setCommitStatus(octokit, repo, headSha, status, o.statusContext ?? STATUS_CONTEXT);
        last = { approval, headSha, status, comment };
        await o.published?.(last);
        if (round === 1) await o.afterFirstPublish?.();
      },
    },
    log,
  );
  if (!last) throw new Error(`recordApproval: the comment read before it holds no review of ${record.contentHash}`);
  return last;
}
