// The whole GitHub flow, shared by the Action and the App: review a pull request's migrations
// (status, sticky comment, approval bookkeeping) and handle `/approve-migration` comments.
// It is written against a GitHub client and a function that runs the check, so each surface
// only gathers its inputs and publishes what this returns.
//
// Fail closed: the status starts `pending` and only becomes `success` once everything that
// decides it has been read and written; any error leaves it pending or failing.
import { atLeast } from '../core/risk.js';
import type { FileChange, Risk } from '../core/types.js';
import type { ApprovalRecord, CheckResult } from '../check/types.js';
import {
  APPROVE_COMMAND,
  decideApproval,
  describePolicy,
  isBot,
  parseApprovalCommand,
  permissionFromApi,
  refuseBeforeLookup,
  type ApprovalDecision,
  type ApprovalPolicy,
  type PermissionLevel,
} from './approval.js';
import { approvalSummary, approvedBlock, composeComment, replaceApproval, voidedReason } from './comment-body.js';
import { EMPTY_STATE, parseState, voidApproval, type CommentState, type VoidedApproval } from './comment-state.js';
import { contentHash, reviewedFiles } from './content-hash.js';
import { refuseContributor } from './contributors.js';
import { applyGate, type GateInputs } from './gate.js';
import { readRepoFile } from './repo-file.js';
import { combineWithSiblings } from './shared-head.js';
import type { GitHubClient, RepoRef } from './octokit.js';
import { listPullRequestFiles } from './pr-files.js';
import { renderReviewComment, STICKY_MARKER } from './render.js';
import { setCommitStatus, STATUS_CONTEXT, type CommitStatus } from './status.js';
import { findStickyComments, listThread, upsertStickyComment, type CommentThread, type StickyComment } from './sticky-comment.js';
import { settleCreatedComment } from './sticky-settle.js';

export interface ReviewSettings {
  policy: ApprovalPolicy;
  /** The login this run writes as (the Action's token user, the App's bot): only its comment is trusted. */
  identity: string;
  /** Post and update the sticky comment (approvals are recorded there). */
  comment: boolean;
  /** Status context; `migration-guard` unless configured. */
  statusContext?: string;
  /** Link for the status (the workflow run, the check run). */
  targetUrl?: string;
  /** Target Postgres major version, for the plan in the comment. */
  pgVersion: number;
  log?: (message: string) => void;
  now?: () => Date;
  /** What the pull request may not settle for itself (its suppressions, its config edits). */
  gate?: Omit<GateInputs, 'readBase'>;
}

export interface PullRequestRef {
  number: number;
  headSha: string;
  baseSha: string;
  author: string;
}

/** Runs the review on the pull request's head for these changed files. */
export type RunChecks = (changes: FileChange[]) => Promise<CheckResult>;

export interface PullRequestOutcome {
  /** `no-migrations`: the pull request changes no migration. */
  kind: 'reviewed' | 'no-migrations';
  result: CheckResult;
  changes: FileChange[];
  risk: Risk | null;
  needsApproval: boolean;
  /** True when nothing needs approval or a valid approval covers the migrations. */
  approved: boolean;
  approval: ApprovalRecord | null;
  /** An approval this run voided because the migrations changed since. */
  voided: VoidedApproval | null;
  contentHash: string;
  status: CommitStatus;
  comment: StickyComment | null;
}

export async function reviewPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestRef,
  settings: ReviewSettings,
  runChecks: RunChecks,
): Promise<PullRequestOutcome> {
  const log = settings.log ?? (() => {});
  const now = settings.now ?? (() => new Date());
  const context = settings.statusContext ?? STATUS_CONTEXT;
  const target = settings.targetUrl ? { targetUrl: settings.targetUrl } : {};

  await setCommitStatus(octokit, repo, pr.headSha, { state: 'pending', description: 'Reviewing migrations…', ...target }, context);

  const changes = await listPullRequestFiles(octokit, repo, pr.number);
  log(`pull request #${pr.number} changes ${changes.length} file(s)`);
  const checked = await runChecks(changes);
  const gated = settings.gate
    ? await applyGate(checked, changes, { ...settings.gate, readBase: (path) => readRepoFile(octokit, repo, path, pr.baseSha) })
    : { result: checked, hashed: [] };
  const result = gated.result;
  const hasMigrations = result.migrations.length > 0 || result.report.errors.length > 0;
  const risk = hasMigrations ? result.report.risk : null;
  const needsApproval = risk !== null && atLeast(risk, settings.policy.approvalRisk);
  const hash = contentHash([...reviewedFiles(result, changes), ...gated.hashed]);

  const thread = settings.comment ? await listThread(octokit, repo, pr.number, STICKY_MARKER, settings.identity) : null;
  const found = thread?.own ?? [];
  const previous = parseState(found[0]?.body) ?? EMPTY_STATE;

  let approval = previous.approval;
  if (!approval && found.length === 0 && thread && needsApproval) {
    approval = await inheritedApproval(octokit, repo, thread, pr.number, hash, pr.author, settings.policy, log);
  }
  let voided: VoidedApproval | null = null;
  if (approval && approval.contentHash !== hash) {
    voided = voidApproval(approval, pr.headSha, now());
    approval = null;
    log(`the approval by @${voided.approver} no longer covers the migrations: voided`);
  }
  const approved = !needsApproval || approval !== null;

  const state: CommentState = {
    version: 1,
    review: {
      headSha: pr.headSha,
      contentHash: hash,
      risk,
      needsApproval,
      paths: result.migrations.map((m) => m.migration.up.path),
      at: now().toISOString(),
      since: previous.review?.contentHash === hash ? (previous.review.since ?? previous.review.at) : now().toISOString(),
    },
    approval,
    voided: voided ? [...previous.voided, voided] : previous.voided,
  };

  let comment: StickyComment | null = null;
  if (settings.comment && (hasMigrations || found.length > 0)) {
    const rendered = hasMigrations
      ? renderReviewComment(result, {
          pgVersion: settings.pgVersion,
          approvalRisk: settings.policy.approvalRisk,
          approval,
          ...(voided ? { voidedReason: voidedReason(voided) } : {}),
        })
      : null;
    const body = composeComment({ marker: STICKY_MARKER, report: rendered?.report ?? null, approvalBlock: rendered?.approvalBlock ?? '', state });
    comment = await upsertStickyComment(octokit, repo, pr.number, body, found, settings.identity);
    if (found.length === 0) comment = await settleCreatedComment(octokit, repo, pr.number, STICKY_MARKER, comment, settings.identity);
  }

  const own = pullRequestStatus({ hasMigrations, risk, needsApproval, approval, voided, policy: settings.policy, commentsOn: settings.comment });
  const { status } = await combineWithSiblings(octokit, repo, pr.headSha, pr.number, settings.identity, own);
  await setCommitStatus(octokit, repo, pr.headSha, { ...status, ...(comment ? { targetUrl: comment.url } : target) }, context);

  return {
    kind: hasMigrations ? 'reviewed' : 'no-migrations',
    result,
    changes,
    risk,
    needsApproval,
    approved,
    approval,
    voided,
    contentHash: hash,
    status,
    comment,
  };
}

function pullRequestStatus(o: {
  hasMigrations: boolean;
  risk: Risk | null;
  needsApproval: boolean;
  approval: ApprovalRecord | null;
  voided: VoidedApproval | null;
  policy: ApprovalPolicy;
  commentsOn: boolean;
}): CommitStatus {
  if (!o.hasMigrations || o.risk === null) return { state: 'success', description: 'No migration changes' };
  if (!o.needsApproval) return { state: 'success', description: `Migrations reviewed: ${o.risk}, no approval needed` };
  if (o.approval) return { state: 'success', description: `${o.risk} migrations ${approvalSummary(o.approval)}` };
  if (!o.commentsOn) return { state: 'failure', description: `${o.risk} migrations; approvals need the comment input on` };
  const why = o.voided ? ` (approval by @${o.voided.approver} voided: migrations changed)` : '';
  return { state: 'failure', description: `${o.risk} migrations need ${APPROVE_COMMAND} by ${describePolicy(o.policy)}${why}` };
}

/**
 * An approval recorded by a predecessor (another surface's bot, e.g. the Action before the App
 * took over), honoured only when everything it claims checks out now: it covers exactly these
 * migrations (same content hash), its approver wrote an `/approve-migration` comment on this
 * pull request, and the approver may approve under today's policy. Another bot's comment is
 * text anyone's workflow could have written, so its state is a claim to verify, never a fact.
 */
async function inheritedApproval(
  octokit: GitHubClient,
  repo: RepoRef,
  thread: CommentThread,
  pullNumber: number,
  hash: string,
  author: string,
  policy: ApprovalPolicy,
  log: (m: string) => void,
): Promise<ApprovalRecord | null> {
  for (const other of thread.others) {
    const claimed = parseState(other.body)?.approval;
    if (!claimed || claimed.contentHash !== hash) continue;
    const wrote = thread.all.find(
      (c) => c.user && c.user.login.toLowerCase() === claimed.approver.toLowerCase() && c.user.type !== 'Bot' && parseApprovalCommand(c.body) !== null,
    );
    if (!wrote?.user) continue;
    const decision = await lookUpAndDecide(octokit, repo, wrote.user, author, policy);
    if (decision.kind !== 'accepted') continue;
    if (await refuseContributor(octokit, repo, pullNumber, wrote.user.login, policy, author)) continue;
    log(`honouring the approval by @${claimed.approver} recorded by @${other.author} (same migrations, approver verified)`);
    return claimed;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// `/approve-migration`

export interface ApprovalCommentEvent {
  /** The webhook's `action`: only `created` can approve. */
  action: string;
  issueNumber: number;
  /** False for a comment on a plain issue. */
  isPullRequest: boolean;
  comment: { id: number; body: string; user: { login: string; type?: string | null }; createdAt?: string };
}

export type ApprovalOutcome =
  | { kind: 'ignored'; reason: string }
  | { kind: 'accepted'; record: ApprovalRecord; status: CommitStatus; headSha: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'not-needed'; reason: string };

export async function handleApprovalComment(
  octokit: GitHubClient,
  repo: RepoRef,
  event: ApprovalCommentEvent,
  settings: ReviewSettings,
): Promise<ApprovalOutcome> {
  const now = settings.now ?? (() => new Date());
  const context = settings.statusContext ?? STATUS_CONTEXT;
  if (event.action !== 'created') return { kind: 'ignored', reason: `comment ${event.action}, not created: only new comments approve` };
  if (!event.isPullRequest) return { kind: 'ignored', reason: 'comment on an issue, not a pull request' };
  const command = parseApprovalCommand(event.comment.body);
  if (!command) return { kind: 'ignored', reason: `comment does not start with ${APPROVE_COMMAND}` };
  const commenter = event.comment.user;

  const { data: pull } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: repo.owner,
    repo: repo.repo,
    pull_number: event.issueNumber,
  });
  const author = pull.user.login;
  const headSha = pull.head.sha;

  const outcome = await decide();
  if (outcome.kind === 'refused' || outcome.kind === 'not-needed') {
    await react(octokit, repo, event.comment.id, outcome.kind === 'refused' ? '-1' : 'confused');
    const heading = outcome.kind === 'refused' ? 'your approval was not recorded' : 'there is nothing to approve';
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: event.issueNumber,
      body: `@${commenter.login}, ${heading}: ${outcome.reason}`,
    });
  }
  return outcome;

  async function decide(): Promise<ApprovalOutcome> {
    if (pull.state !== 'open') return { kind: 'refused', reason: 'the pull request is closed.' };
    const early = refuseBeforeLookup(commenter, author, settings.policy);
    if (early?.kind === 'refused') return early;

    const decision = await lookUpAndDecide(octokit, repo, commenter, author, settings.policy);
    if (decision.kind === 'refused') return decision;
    const contributor = await refuseContributor(octokit, repo, event.issueNumber, commenter.login, settings.policy, author);
    if (contributor) return { kind: 'refused', reason: contributor };

    const found = await findStickyComments(octokit, repo, event.issueNumber, STICKY_MARKER, settings.identity);
    const sticky = found[0];
    const state = parseState(sticky?.body);
    if (!sticky || !state?.review) {
      return { kind: 'refused', reason: 'migration-guard has not reviewed this pull request yet; wait for its review, then approve again.' };
    }
    if (state.review.headSha !== headSha) {
      return {
        kind: 'refused',
        reason: `the pull request's head moved to ${headSha.slice(0, 7)} since the last review (of ${state.review.headSha.slice(0, 7)}); wait for the review of the new commits, then approve again.`,
      };
    }
    const since = state.review.since ?? state.review.at;
    if (event.comment.createdAt && Date.parse(event.comment.createdAt) < Date.parse(since)) {
      // A re-run of an old comment's workflow, or a late delivery: it approved what was under review then.
      return {
        kind: 'refused',
        reason: `this comment was written before the migrations now under review (reviewed since ${since}); it approved an earlier version. Review the new migrations, then approve again.`,
      };
    }
    if (!state.review.needsApproval) {
      return { kind: 'not-needed', reason: `no migration here is ${settings.policy.approvalRisk} or riskier, so the status is already green.` };
    }

    const record: ApprovalRecord = {
      approver: commenter.login,
      ...(command!.reason ? { reason: command!.reason } : {}),
      contentHash: state.review.contentHash,
      headSha,
      at: now().toISOString(),
    };
    const next: CommentState = { ...state, approval: record };
    await upsertStickyComment(octokit, repo, event.issueNumber, replaceApproval(sticky.body, approvedBlock(record), next, STICKY_MARKER), found, settings.identity);
    const { status } = await combineWithSiblings(octokit, repo, headSha, event.issueNumber, settings.identity, {
      state: 'success',
      description: `${state.review.risk ?? 'Risky'} migrations ${approvalSummary(record)}`,
      targetUrl: sticky.url,
    });
    await setCommitStatus(octokit, repo, headSha, status, context);
    await react(octokit, repo, event.comment.id, '+1');
    return { kind: 'accepted', record, status, headSha };
  }
}

export async function lookUpAndDecide(
  octokit: GitHubClient,
  repo: RepoRef,
  commenter: { login: string; type?: string | null },
  author: string,
  policy: ApprovalPolicy,
): Promise<ApprovalDecision> {
  if (isBot(commenter)) return { kind: 'refused', reason: `@${commenter.login} is a bot; only people can approve migrations.` };
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
    owner: repo.owner,
    repo: repo.repo,
    username: commenter.login,
  });
  const permission: PermissionLevel = permissionFromApi(data);
  const teams: Array<{ org: string; slug: string }> = [];
  for (const a of policy.approvers) {
    if (a.kind !== 'team') continue;
    try {
      if (await isActiveTeamMember(octokit, a.org, a.slug, commenter.login)) teams.push({ org: a.org, slug: a.slug });
    } catch (e) {
      const status = (e as { status?: number }).status;
      return {
        kind: 'refused',
        reason: `could not check membership of @${a.org}/${a.slug} (GitHub answered ${status ?? 'with an error'}); the token needs read access to the organization's teams.`,
      };
    }
  }
  return decideApproval({ commenter, author, permission, teams }, policy);
}

async function isActiveTeamMember(octokit: GitHubClient, org: string, slug: string, login: string): Promise<boolean> {
  try {
    const { data } = await octokit.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: slug, username: login });
    return data.state === 'active';
  } catch (e) {
    // 404 means "not a member"; anything else (a token without org read access) is an error.
    if ((e as { status?: number }).status === 404) return false;
    throw e;
  }
}

async function react(octokit: GitHubClient, repo: RepoRef, commentId: number, content: '+1' | '-1' | 'confused'): Promise<void> {
  await octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
    owner: repo.owner,
    repo: repo.repo,
    comment_id: commentId,
    content,
  });
}
