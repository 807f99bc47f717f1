// Approvals in the App: `/approve-migration` comments (the Action's rules, via
// handleApprovalComment) and the check run's "Approve migration" button. Both decide on what
// the API says now — the comment as it stands, the requester's permission, the pull request's
// current head — never on what a delivery claims, so a replayed or late delivery cannot
// approve anything the live state would not.
import { prose } from '../report/markdown/escape.js';
import { parseState } from '../github/comment-state.js';
import { APPROVE_COMMAND, parseApprovalCommand, type ApprovalPolicy } from '../github/approval.js';
import { mayApprove } from '../github/approver-lookup.js';
import { CHECK_RUN_NAME, findCheckRun, markCheckRunApproved } from '../github/check-run.js';
import type { GitHubClient, RepoRef } from '../github/octokit.js';
import { sameLogin } from '../github/identity.js';
import { recordApproval, type RecordedApproval } from '../github/record-approval.js';
import { STICKY_MARKER } from '../github/render.js';
import { handleApprovalComment } from '../github/review.js';
import { isAmbiguous, listThread, type CommentThread } from '../github/sticky-comment.js';
import type { ApprovalRecord } from '../check/types.js';
import { loadRepoConfig } from './config.js';
import { getPull, pullForCommit, reviewSettings, type AppDeps, type PullInfo } from './review-pull.js';

/** The reaction that claims a comment for exactly one delivery. */
const CLAIM_REACTION = 'eyes';

export interface CommentDelivery {
  action: string;
  issueNumber: number;
  isPullRequest: boolean;
  commentId: number;
  body: string;
}

export type CommentApproval =
  | { kind: 'ignored'; reason: string }
  | { kind: 'accepted'; approver: string; headSha: string }
  | { kind: 'refused' | 'not-needed'; reason: string };

export async function onApprovalComment(deps: AppDeps, repo: RepoRef, d: CommentDelivery): Promise<CommentApproval> {
  const { octokit, env } = deps;
  // Decided from the payload alone, with no API call: most comments are not approvals.
  if (d.action !== 'created') return { kind: 'ignored', reason: `comment ${d.action}, not created: only new comments approve` };
  if (!d.isPullRequest) return { kind: 'ignored', reason: 'comment on an issue, not a pull request' };
  if (!parseApprovalCommand(d.body)) return { kind: 'ignored', reason: `comment does not start with ${APPROVE_COMMAND}` };

  // The comment as it is now: a deleted one, or one edited away from the command, approves nothing.
  let comment: { body: string; user: { login: string; type?: string }; createdAt: string };
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: repo.owner, repo: repo.repo, comment_id: d.commentId });
    if (!data.user) return { kind: 'ignored', reason: 'the comment has no author (deleted account)' };
    comment = { body: data.body ?? '', user: { login: data.user.login, type: data.user.type }, createdAt: data.created_at };
  } catch (e) {
    if ((e as { status?: number }).status === 404) return { kind: 'ignored', reason: 'the comment no longer exists' };
    throw e;
  }
  if (!parseApprovalCommand(comment.body)) return { kind: 'ignored', reason: `the comment no longer starts with ${APPROVE_COMMAND}` };

  // Claim it: GitHub answers 201 for a new reaction and 200 for one that exists, so exactly one
  // delivery of a comment goes on; a replay or a redelivery stops here.
  const claimed = await claim(octokit, repo, d.commentId, await deps.identity());
  if (claimed === 'taken') return { kind: 'ignored', reason: 'this comment was already handled (a replayed delivery)' };

  try {
    const pull = await getPull(octokit, repo, d.issueNumber);
    const { config } = await loadRepoConfig(octokit, repo, pull.baseRef, env.allowServerDryRun);
    const outcome = await handleApprovalComment(
      octokit,
      repo,
      { action: 'created', issueNumber: d.issueNumber, isPullRequest: true, comment: { id: d.commentId, body: comment.body, user: comment.user, createdAt: comment.createdAt } },
      reviewSettings(env, config, deps.log, await deps.identity()),
      // The check run turns green with each status, before the comment is read again.
      { published: (p) => markApproved(octokit, repo, env.appId, p, null) },
    );
    if (outcome.kind !== 'accepted') return outcome;
    return { kind: 'accepted', approver: outcome.record.approver, headSha: outcome.headSha };
  } catch (e) {
    // Let a redelivery try again: give the claim back (best effort).
    await releaseClaim(octokit, repo, d.commentId, claimed).catch(() => {});
    throw e;
  }
}

/**
 * The 👀 reaction that claims a comment: its id when this delivery made it, `taken` when it was
 * there already. A 5xx (or no answer) leaves it open whether GitHub made it, so a blind retry
 * (answered 200, "exists") would read as someone else's claim and drop the approval: look first.
 */
async function claim(octokit: GitHubClient, repo: RepoRef, commentId: number, identity: string): Promise<number | 'taken'> {
  const post = () =>
    octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
      owner: repo.owner,
      repo: repo.repo,
      comment_id: commentId,
      content: CLAIM_REACTION,
      request: { retries: 0 },
    });
  try {
    const made = await post();
    return made.status === 200 ? 'taken' : Number(made.data.id);
  } catch (e) {
    if (!isAmbiguous(e)) throw e;
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
      owner: repo.owner,
      repo: repo.repo,
      comment_id: commentId,
      content: CLAIM_REACTION,
      per_page: 100,
    });
    const ours = data.find((r) => r.user && sameLogin(r.user.login, identity));
    // Ours is there: the lost answer was to our own claim (handling twice records the same approval).
    if (ours) return ours.id;
    const again = await post();
    return again.status === 200 ? 'taken' : Number(again.data.id);
  }
}

async function releaseClaim(octokit: GitHubClient, repo: RepoRef, commentId: number, reactionId: number): Promise<void> {
  await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}', {
    owner: repo.owner,
    repo: repo.repo,
    comment_id: commentId,
    reaction_id: reactionId,
  });
}

// ---------------------------------------------------------------------------------------------
// The "Approve migration" button (check_run.requested_action)

export interface ButtonDelivery {
  checkRun: { id: number; name: string; headSha: string; appId: number | null; pullNumbers: number[] };
  requester: { login: string; type?: string | null };
}

export type ButtonApproval =
  | { kind: 'ignored'; reason: string }
  | { kind: 'accepted'; approver: string; headSha: string }
  | { kind: 'already-approved'; approver: string }
  | { kind: 'refused' | 'not-needed'; reason: string; pullNumber: number };

export async function onApproveButton(deps: AppDeps, repo: RepoRef, d: ButtonDelivery): Promise<ButtonApproval> {
  const { octokit, env } = deps;
  if (d.checkRun.name !== CHECK_RUN_NAME || d.checkRun.appId !== env.appId) {
    return { kind: 'ignored', reason: `check run "${d.checkRun.name}" is not this App's ${CHECK_RUN_NAME} run` };
  }
  const number = d.checkRun.pullNumbers[0] ?? (await pullForCommit(octokit, repo, d.checkRun.headSha));
  if (number === null) return { kind: 'ignored', reason: `no open pull request has ${d.checkRun.headSha.slice(0, 7)} as its head` };
  const pull = await getPull(octokit, repo, number);
  const { config } = await loadRepoConfig(octokit, repo, pull.baseRef, env.allowServerDryRun);
  const settings = reviewSettings(env, config, deps.log, await deps.identity());

  const decision = await decide(octokit, repo, pull, d, settings.policy, settings.identity);
  if (decision.kind === 'refused' || decision.kind === 'not-needed') {
    const heading = decision.kind === 'refused' ? 'your approval was not recorded' : 'there is nothing to approve';
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: pull.number,
      body: `@${d.requester.login}, ${heading}: ${decision.reason}`,
    });
    return { ...decision, pullNumber: pull.number };
  }
  if (decision.kind === 'already-approved') return decision;

  const { record, thread } = decision;
  const recorded = await recordApproval(octokit, repo, pull.number, thread, record, {
    identity: settings.identity,
    statusContext: settings.statusContext,
    log: deps.log,
    published: (p) => markApproved(octokit, repo, env.appId, p, d.checkRun.id),
  });
  return { kind: 'accepted', approver: record.approver, headSha: recorded.headSha };
}

/**
 * The newest check run of the head turns green with the approval on top of its report. With the
 * button, the run pressed stands in when the head has none of this App's.
 */
async function markApproved(octokit: GitHubClient, repo: RepoRef, appId: number, p: RecordedApproval, pressed: number | null): Promise<void> {
  const run = await findCheckRun(octokit, repo, p.headSha, { appId });
  const a = p.approval;
  const how = a.reason ? `: ${prose(a.reason)}` : '';
  await markCheckRunApproved(octokit, repo, run ?? (pressed === null ? null : { id: pressed, summary: null }), p.headSha, {
    title: p.status.description,
    line: `✅ **Approved** by @${a.approver} for \`${p.headSha.slice(0, 7)}\`${pressed === null ? how : ' (with the Approve button)'}`,
    detailsUrl: p.comment.url,
  });
}

type ButtonDecision =
  | { kind: 'refused'; reason: string }
  | { kind: 'not-needed'; reason: string }
  | { kind: 'already-approved'; approver: string }
  | { kind: 'accept'; record: ApprovalRecord; thread: CommentThread };

/** The comment path's rules (src/github/review.ts), with the button's own facts: who pressed it, on which head. */
async function decide(octokit: GitHubClient, repo: RepoRef, pull: PullInfo, d: ButtonDelivery, policy: ApprovalPolicy, identity: string): Promise<ButtonDecision> {
  if (pull.state !== 'open') return { kind: 'refused', reason: 'the pull request is closed.' };
  if (d.checkRun.headSha !== pull.headSha) {
    return {
      kind: 'refused',
      reason: `that button belongs to the review of ${d.checkRun.headSha.slice(0, 7)}, and the pull request's head is now ${pull.headSha.slice(0, 7)}; approve the review of the new commits.`,
    };
  }
  const decision = await mayApprove(octokit, repo, d.requester, pull, policy);
  if (decision.kind === 'refused') return decision;

  const thread = await listThread(octokit, repo, pull.number, STICKY_MARKER, identity);
  const sticky = thread.own[0];
  const state = parseState(sticky?.body);
  if (!sticky || !state?.review) return { kind: 'refused', reason: 'migration-guard has not reviewed this pull request yet; wait for its review, then approve again.' };
  if (state.review.headSha !== pull.headSha) {
    return { kind: 'refused', reason: `the last review was of ${state.review.headSha.slice(0, 7)}, not the head ${pull.headSha.slice(0, 7)}; wait for the review of the new commits, then approve again.` };
  }
  if (!state.review.needsApproval) return { kind: 'not-needed', reason: `no migration here is ${policy.approvalRisk} or riskier, so the check is already green.` };
  // Pressing twice (or a replayed delivery) changes nothing: the approval already covers these migrations.
  if (state.approval && state.approval.contentHash === state.review.contentHash) return { kind: 'already-approved', approver: state.approval.approver };

  const record: ApprovalRecord = { approver: d.requester.login, contentHash: state.review.contentHash, headSha: pull.headSha, at: new Date().toISOString() };
  return { kind: 'accept', record, thread };
}
