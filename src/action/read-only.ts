// When the workflow's token cannot write (a `pull_request` from a fork, Dependabot, a job whose
// `permissions:` leave out statuses or pull-requests), the review still runs: everything that
// needs no write permission — annotations, job summary, outputs, report files — is published,
// the job passes or fails by `fail-on` as usual, and one line says why there is no comment or
// status and how to get them.
import type { CheckResult } from '../check/types.js';
import type { FileChange } from '../core/types.js';
import { parseState } from '../github/comment-state.js';
import type { GitHubClient, RepoRef } from '../github/octokit.js';
import { STICKY_MARKER } from '../github/render.js';
import { checkPullRequest, type PullRequestOutcome, type PullRequestRef, type ReviewSettings, type RunChecks } from '../github/review.js';
import { setCommitStatus, STATUS_CONTEXT, type CommitStatus } from '../github/status.js';
import { findStickyComments } from '../github/sticky-comment.js';

const FORK_DOCS = 'https://github.com/migration-guard/migration-guard/blob/main/docs/action.md#forks';

interface RequestErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined> };
}

/** GitHub refused a write for want of permission (not a rate limit, which also answers 403). */
export function isWriteRefused(e: unknown): e is RequestErrorLike {
  if (!e || typeof e !== 'object' || !('status' in e)) return false;
  const err = e as RequestErrorLike;
  const method = (err.request?.method ?? '').toUpperCase();
  if (err.status !== 403 || method === 'GET' || method === '') return false;
  if (/rate limit/i.test(err.message) || err.response?.headers?.['retry-after'] || err.response?.headers?.['x-ratelimit-remaining'] === '0') return false;
  return true;
}

/** Runs the check once however often it is asked: the fallback reuses the review already done. */
export function once(run: RunChecks): RunChecks {
  const results = new Map<string, Promise<CheckResult>>();
  return (changes: FileChange[]) => {
    const key = JSON.stringify(changes);
    let result = results.get(key);
    if (!result) {
      result = run(changes);
      results.set(key, result);
    }
    return result;
  };
}

export interface ReadOnlyOutcome extends PullRequestOutcome {
  /** The one line for the log: what was refused, what is missing, how to get it. */
  notice: string;
}

/**
 * The review without the writes GitHub refused. The pull request's review comment is read (a
 * read needs no write permission) so an approval recorded there by a writable run — the
 * pull_request_target setup — still counts when it covers this content.
 */
export async function reviewWithoutWrites(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestRef,
  settings: ReviewSettings,
  runChecks: RunChecks,
  refused: RequestErrorLike,
): Promise<ReadOnlyOutcome> {
  const { changes, result, hasMigrations, risk, needsApproval, contentHash: hash } = await checkPullRequest(octokit, repo, pr, settings, runChecks, () => {});
  const state = parseState((await findStickyComments(octokit, repo, pr.number, STICKY_MARKER, settings.identity))[0]?.body);
  const approval = state?.approval && state.approval.contentHash === hash ? state.approval : null;
  const approved = !needsApproval || approval !== null;

  const status: CommitStatus =
    risk === null
      ? { state: 'success', description: 'No migration changes' }
      : !needsApproval
        ? { state: 'success', description: `Migrations reviewed: ${risk}, no approval needed` }
        : approval
          ? { state: 'success', description: `${risk} migrations approved by @${approval.approver}` }
          : { state: 'failure', description: `${risk} migrations need /approve-migration` };

  // The comment may be what was refused while the status is allowed (a job that grants
  // statuses: write only): then the status still gates the merge. Best effort either way.
  let statusWritten = false;
  if (!/\/statuses\//.test(refused.request?.url ?? '')) {
    try {
      await setCommitStatus(octokit, repo, pr.headSha, status, settings.statusContext ?? STATUS_CONTEXT);
      statusWritten = true;
    } catch {
      statusWritten = false;
    }
  }

  const where = refused.request?.method && refused.request.url ? ` to ${refused.request.method} ${refused.request.url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '')}` : '';
  const missing = statusWritten ? 'no review comment (the status is set)' : 'no review comment and no migration-guard status';
  const notice =
    `migration-guard could not write to this pull request (GitHub answered 403${where}: ${refused.message.split(' - ')[0]}), so there is ${missing}; ` +
    `the review is in the annotations, the job summary, the outputs and the reports. Pull requests from forks get a read-only token: ` +
    `to get the comment, the status and approvals, run migration-guard on pull_request_target (${FORK_DOCS}), or grant the job pull-requests: write and statuses: write.`;

  return {
    kind: hasMigrations ? 'reviewed' : 'no-migrations',
    result,
    changes,
    risk,
    needsApproval,
    approved,
    approval,
    voided: null,
    contentHash: hash,
    status,
    comment: null,
    notice,
  };
}
