// The trace an approval leaves outside the sticky comment. Two runs that write the comment at
// once each write a whole body, and GitHub has no conditional write for comments, so a review
// whose write was sent before an approval landed and arrives after it replaces the approval
// with a body that never had it. The approval run's 👍 on the `/approve-migration` comment is
// not in that body: a review that finds no approval in the comment looks for it.
import type { ApprovalRecord } from '../check/types.js';
import { isBot, parseApprovalCommand, type ApprovalPolicy } from './approval.js';
import { mayApprove } from './approver-lookup.js';
import { sameLogin } from './identity.js';
import type { GitHubClient, RepoRef } from './octokit.js';
import type { CommentThread } from './sticky-comment.js';

export interface TraceQuery {
  thread: CommentThread;
  pullNumber: number;
  /** When the content under review came under review: only comments written since approve it. */
  since: string;
  contentHash: string;
  headSha: string;
  /** The running identity: only its reactions count. */
  identity: string;
  author: string;
  policy: ApprovalPolicy;
  log: (message: string) => void;
  /**
   * Whether each login may approve, as looked up earlier in the same review: the merge rounds of
   * one review trace again (a 👍 may have landed meanwhile), but the approver's permission and
   * commits are looked up once. Reactions are read every time.
   */
  mayApprove: Map<string, boolean>;
}

/**
 * The newest `/approve-migration` comment written since the content came under review that an
 * approval run of this identity accepted (its 👍, and no 👎 or 😕 of its own), by someone who may
 * approve under today's policy, as an approval of that content; null when there is none.
 */
export async function approvalFromTrace(octokit: GitHubClient, repo: RepoRef, q: TraceQuery): Promise<ApprovalRecord | null> {
  const candidates = q.thread.all
    .filter((c) => c.user && !isBot(c.user) && parseApprovalCommand(c.body) !== null && Date.parse(c.createdAt) >= Date.parse(q.since))
    .sort((a, b) => b.id - a.id);
  for (const c of candidates) {
    const reactions = (await octokit.paginate('GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
      owner: repo.owner,
      repo: repo.repo,
      comment_id: c.id,
      per_page: 100,
    })) as Array<{ content: string; user: { login: string } | null }>;
    const ours = reactions.filter((r) => r.user && sameLogin(r.user.login, q.identity)).map((r) => r.content);
    if (!ours.includes('+1') || ours.includes('-1') || ours.includes('confused')) continue;
    // Every workflow with GITHUB_TOKEN reacts as github-actions[bot]: the 👍 says where to look,
    // the approver is checked again the way the approval run checked them.
    const user = { login: c.user!.login, ...(c.user!.type ? { type: c.user!.type } : {}) };
    let may = q.mayApprove.get(user.login);
    if (may === undefined) {
      may = (await mayApprove(octokit, repo, user, { number: q.pullNumber, author: q.author }, q.policy)).kind === 'accepted';
      q.mayApprove.set(user.login, may);
    }
    if (!may) continue;
    const reason = parseApprovalCommand(c.body)!.reason;
    q.log(`the approval by @${user.login} (comment ${c.id}) was accepted but is missing from the comment (another run's write replaced it): recording it again`);
    return { approver: user.login, ...(reason ? { reason } : {}), contentHash: q.contentHash, headSha: q.headSha, at: c.createdAt };
  }
  return null;
}
