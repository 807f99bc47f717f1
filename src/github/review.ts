// The whole GitHub flow, shared by the Action and the App: review a pull request's migrations
// (status, sticky comment, approval bookkeeping) and handle `/approve-migration` comments.
// It is written against a GitHub client and a function that runs the check, so each surface
// only gathers its inputs and publishes what this returns.
//
// Fail closed: the status starts `pending` and only becomes `success` once everything that
// decides it has been read and written; any error leaves it pending or failing.
import type { FileChange, Risk } from '../core/types.js';
import type { ApprovalRecord, CheckResult } from '../check/types.js';
import { APPROVE_COMMAND, describePolicy, parseApprovalCommand, type ApprovalPolicy } from './approval.js';
import { approvalFromTrace } from './approval-evidence.js';
import { mayApprove } from './approver-lookup.js';
import { approvalSummary, composeComment, voidedReason } from './comment-body.js';
import { EMPTY_STATE, parseState, voidApproval, type CommentState, type VoidedApproval } from './comment-state.js';
import { gatedReview, type GateInputs } from './gate.js';
import { readRepoFile } from './repo-file.js';
import { recordApproval, type RecordedApproval } from './record-approval.js';
import { combineWithSiblings } from './shared-head.js';
import type { GitHubClient, RepoRef } from './octokit.js';
import { sameLogin } from './identity.js';
import { listPullRequestFiles } from './pr-files.js';
import { renderReviewComment, STICKY_MARKER } from './render.js';
import { mergeStates, sameTarget, type ReviewedState } from './state-merge.js';
import { setCommitStatus, STATUS_CONTEXT, type CommitStatus } from './status.js';
import { listThread, type CommentThread, type StickyComment } from './sticky-comment.js';
import { syncStickyComment } from './sticky-sync.js';

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

export interface ReviewHooks {
  /** After each status this review sets: what else the surface publishes from it (the App's check run). */
  published?: (outcome: PullRequestOutcome) => Promise<void>;
}

/** Runs the review on the pull request's head for these changed files. */
export type RunChecks = (changes: FileChange[]) => Promise<CheckResult>;

/** What a review of one commit decided, for a pull request or a merge queue entry alike. */
export interface GateDecision {
  result: CheckResult;
  changes: FileChange[];
  risk: Risk | null;
  needsApproval: boolean;
  /** True when nothing needs approval or a valid approval covers the migrations. */
  approved: boolean;
  /** The approval the status honours, when one does. */
  approval: ApprovalRecord | null;
  contentHash: string;
  status: CommitStatus;
}

export interface PullRequestOutcome extends GateDecision {
  /** `no-migrations`: the pull request changes no migration. */
  kind: 'reviewed' | 'no-migrations';
  /** An approval this run voided because the migrations changed since. */
  voided: VoidedApproval | null;
  comment: StickyComment | null;
}

/** What a review of the pull request finds, before anything is written. */
export interface PullRequestCheck {
  changes: FileChange[];
  /** The check's result with the gate's findings (gate.ts) added. */
  result: CheckResult;
  hasMigrations: boolean;
  risk: Risk | null;
  needsApproval: boolean;
  /** What an approval is bound to: the reviewed migrations and any file the gate adds. */
  contentHash: string;
}

/** Lists the changed files, runs the checks and the gate: shared by the review and its read-only fallback. */
export async function checkPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestRef,
  settings: ReviewSettings,
  runChecks: RunChecks,
  log: (message: string) => void,
): Promise<PullRequestCheck> {
  const changes = await listPullRequestFiles(octokit, repo, pr.number);
  log(`pull request #${pr.number} changes ${changes.length} file(s)`);
  const checked = await runChecks(changes);
  const gate = settings.gate && { ...settings.gate, readBase: (path: string) => readRepoFile(octokit, repo, path, pr.baseSha) };
  return { changes, ...(await gatedReview(checked, changes, gate, settings.policy.approvalRisk)) };
}

export async function reviewPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestRef,
  settings: ReviewSettings,
  runChecks: RunChecks,
  hooks: ReviewHooks = {},
): Promise<PullRequestOutcome> {
  const log = settings.log ?? (() => {});
  const now = settings.now ?? (() => new Date());
  const context = settings.statusContext ?? STATUS_CONTEXT;
  const target = settings.targetUrl ? { targetUrl: settings.targetUrl } : {};

  await setCommitStatus(octokit, repo, pr.headSha, { state: 'pending', description: 'Reviewing migrations…', ...target }, context);

  const { changes, result, hasMigrations, risk, needsApproval, contentHash: hash } = await checkPullRequest(octokit, repo, pr, settings, runChecks, log);

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
  const mine: ReviewedState = {
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

  const outcome = (approval: ApprovalRecord | null, status: CommitStatus, comment: StickyComment | null): PullRequestOutcome => ({
    kind: hasMigrations ? 'reviewed' : 'no-migrations',
    result,
    changes,
    risk,
    needsApproval,
    approved: !needsApproval || approval !== null,
    approval,
    voided,
    contentHash: hash,
    status,
    comment,
  });
  const publish = async (approval: ApprovalRecord | null, comment: StickyComment | null): Promise<PullRequestOutcome> => {
    const own = pullRequestStatus({ hasMigrations, risk, needsApproval, approval, voided, policy: settings.policy, commentsOn: settings.comment });
    const { status } = await combineWithSiblings(octokit, repo, pr.headSha, pr.number, settings.identity, own);
    await setCommitStatus(octokit, repo, pr.headSha, { ...status, ...(comment ? { targetUrl: comment.url } : target) }, context);
    const published = outcome(approval, status, comment);
    await hooks.published?.(published);
    return published;
  };

  if (!thread || !(hasMigrations || found.length > 0)) return publish(approval, null);

  // The comment is written as a merge with what it says when written (another run may have
  // recorded an approval since the read above), and read again after the status is set.
  let last: PullRequestOutcome | null = null;
  const renderedFor = new Map<string, ReturnType<typeof renderReviewComment> | null>();
  const decidedApprovers = new Map<string, boolean>();
  const synced = await syncStickyComment(
    octokit,
    repo,
    pr.number,
    settings.identity,
    thread,
    {
      async compose(turn) {
        let merged = mergeStates(mine, turn.state, now());
        // A newer review of other commits or other content owns the comment now.
        if (!sameTarget(merged.review, mine.review)) return null;
        if (needsApproval && !merged.approval) {
          const traced = await approvalFromTrace(octokit, repo, {
            thread: turn.thread,
            pullNumber: pr.number,
            since: merged.review.since ?? merged.review.at,
            contentHash: hash,
            headSha: pr.headSha,
            identity: settings.identity,
            author: pr.author,
            policy: settings.policy,
            log,
            mayApprove: decidedApprovers,
          });
          if (traced) merged = { ...merged, approval: traced };
        }
        return { state: merged, body: commentBody(merged) };
      },
      async publish(state, comment) {
        last = await publish(state.approval, comment);
      },
    },
    log,
  );
  if (synced.leftTo) {
    log(`a newer review (of ${synced.leftTo.review?.headSha.slice(0, 7) ?? 'unknown'}) wrote the comment since this one read it: left to it`);
  }
  return last ?? publish(validFor(hash, synced.leftTo?.approval ?? null, approval), synced.comment);

  function commentBody(state: CommentState): string {
    // Every round of the merge composes again (sticky-sync.ts), and the rendering (report and
    // plan) depends on the state only through its approval: rendered once per approval.
    const key = JSON.stringify(state.approval ?? null);
    let rendered = renderedFor.get(key);
    if (rendered === undefined) {
      rendered = hasMigrations
        ? renderReviewComment(result, {
            pgVersion: settings.pgVersion,
            approvalRisk: settings.policy.approvalRisk,
            approval: state.approval,
            ...(voided ? { voidedReason: voidedReason(voided) } : {}),
          })
        : null;
      renderedFor.set(key, rendered);
    }
    return composeComment({ marker: STICKY_MARKER, report: rendered?.report ?? null, approvalBlock: rendered?.approvalBlock ?? '', state });
  }
}

/** The newest of these approvals that covers `hash`. */
function validFor(hash: string, ...approvals: Array<ApprovalRecord | null>): ApprovalRecord | null {
  return approvals.filter((a): a is ApprovalRecord => a !== null && a.contentHash === hash).sort((x, y) => Date.parse(x.at) - Date.parse(y.at)).at(-1) ?? null;
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
      (c) => c.user && sameLogin(c.user.login, claimed.approver) && c.user.type !== 'Bot' && parseApprovalCommand(c.body) !== null,
    );
    if (!wrote?.user) continue;
    if ((await mayApprove(octokit, repo, wrote.user, { number: pullNumber, author }, policy)).kind !== 'accepted') continue;
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
  hooks: { published?: (p: RecordedApproval) => Promise<void> } = {},
): Promise<ApprovalOutcome> {
  const now = settings.now ?? (() => new Date());
  const log = settings.log ?? (() => {});
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
    const decision = await mayApprove(octokit, repo, commenter, { number: event.issueNumber, author }, settings.policy);
    if (decision.kind === 'refused') return decision;

    const thread = await listThread(octokit, repo, event.issueNumber, STICKY_MARKER, settings.identity);
    const sticky = thread.own[0];
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
    const recorded = await recordApproval(octokit, repo, event.issueNumber, thread, record, {
      identity: settings.identity,
      statusContext: context,
      now,
      log,
      ...(hooks.published ? { published: hooks.published } : {}),
      // Before the comment is read again: a review whose write lands after that read finds the 👍 (approval-evidence.ts).
      afterFirstPublish: () => react(octokit, repo, event.comment.id, '+1'),
    });
    return { kind: 'accepted', record, status: recorded.status, headSha: recorded.headSha };
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
