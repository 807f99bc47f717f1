// A merge queue's commit (`merge_group.checks_requested`) must get the required status too, or
// a repository that requires migration-guard and turns the queue on can never merge. The queue
// commit is reviewed like a pull request head, without a comment (there is no pull request page
// for it): its migrations' content hash is compared with the hash the pull request's review
// recorded, so an approval given on the pull request carries over exactly when the queued
// migrations are the ones approved, and never when the queue changed them (a conflict
// resolution, a base that moved under them).
import type { FileChange, Risk } from '../core/types.js';
import type { ApprovalRecord, CheckResult } from '../check/types.js';
import { APPROVE_COMMAND } from './approval.js';
import { parseState } from './comment-state.js';
import { gatedReview, type GateInputs } from './gate.js';
import { readRepoFile } from './repo-file.js';
import type { GitHubClient, RepoRef } from './octokit.js';
import { toFileChanges, type PullFile } from './pr-files.js';
import { STICKY_MARKER } from './render.js';
import { setCommitStatus, STATUS_CONTEXT, type CommitStatus } from './status.js';
import { findStickyComments } from './sticky-comment.js';
import type { GateDecision } from './review.js';

/** GitHub's compare API lists at most this many files; a longer diff cannot be reviewed from it. */
const MAX_COMPARED_FILES = 300;

export interface MergeGroupRef {
  /** The queue's commit: the one to set the status on. */
  headSha: string;
  /** Its parent: the target branch, or the queue entry ahead of it. */
  baseSha: string;
  /** `refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>`. */
  headRef: string;
}

/**
 * The pull request a queue entry is for, from the queue branch GitHub names after it. Null when
 * the name does not say (a queue branch GitHub names differently some day).
 */
export function pullNumberOfQueueRef(headRef: string): number | null {
  const m = /(?:^|\/)gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{7,64}$/.exec(headRef);
  return m ? Number(m[1]) : null;
}

/** The files the queue commit changes relative to its parent, as discovery reads them. */
async function listCommitDiff(octokit: GitHubClient, repo: RepoRef, baseSha: string, headSha: string): Promise<FileChange[]> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    owner: repo.owner,
    repo: repo.repo,
    basehead: `${baseSha}...${headSha}`,
    per_page: 100,
  });
  const files = (data.files ?? []) as PullFile[];
  if (files.length >= MAX_COMPARED_FILES) {
    throw new Error(`the merge queue commit ${headSha.slice(0, 7)} changes ${MAX_COMPARED_FILES} or more files, more than GitHub's compare API lists; it cannot be reviewed reliably`);
  }
  return toFileChanges(files);
}

export interface MergeGroupSettings {
  approvalRisk: Risk;
  /**
   * What the queued changes may not settle for themselves, as for a pull request (gate.ts): their
   * config edits and added suppressions. With it the queue's review and its content hash are the
   * pull request's, so an approval of a change that also edits the config carries over.
   */
  gate?: Omit<GateInputs, 'readBase'>;
  /** The running identity: only its own review comment on the pull request is trusted. */
  identity: string;
  statusContext?: string;
  targetUrl?: string;
  log?: (message: string) => void;
}

/** `approval` is the pull request's, honoured when the queued migrations are the ones it approved. */
export interface MergeGroupOutcome extends GateDecision {
  pullNumber: number | null;
}

export async function reviewMergeGroup(
  octokit: GitHubClient,
  repo: RepoRef,
  group: MergeGroupRef,
  settings: MergeGroupSettings,
  runChecks: (changes: FileChange[]) => Promise<CheckResult>,
): Promise<MergeGroupOutcome> {
  const log = settings.log ?? (() => {});
  const context = settings.statusContext ?? STATUS_CONTEXT;
  const target = settings.targetUrl ? { targetUrl: settings.targetUrl } : {};
  await setCommitStatus(octokit, repo, group.headSha, { state: 'pending', description: 'Reviewing the merge queue’s migrations…', ...target }, context);

  const changes = await listCommitDiff(octokit, repo, group.baseSha, group.headSha);
  log(`merge queue commit ${group.headSha.slice(0, 7)} changes ${changes.length} file(s) over ${group.baseSha.slice(0, 7)}`);
  const gate = settings.gate && { ...settings.gate, readBase: (path: string) => readRepoFile(octokit, repo, path, group.baseSha) };
  const { result, hasMigrations, risk, needsApproval, contentHash: hash } = await gatedReview(await runChecks(changes), changes, gate, settings.approvalRisk);
  const pullNumber = pullNumberOfQueueRef(group.headRef);

  let approval: ApprovalRecord | null = null;
  let reviewedHash: string | null = null;
  if (needsApproval && pullNumber !== null) {
    // The pull request's own review state: its approval counts only for the same content.
    const found = await findStickyComments(octokit, repo, pullNumber, STICKY_MARKER, settings.identity);
    const state = parseState(found[0]?.body);
    reviewedHash = state?.review?.contentHash ?? null;
    if (state?.approval && state.approval.contentHash === hash) approval = state.approval;
    log(
      approval
        ? `#${pullNumber}'s approval by @${approval.approver} covers the queued migrations (same content hash)`
        : `#${pullNumber} has no approval for the queued migrations' content (${hash.slice(7, 19)})`,
    );
  }

  const status = mergeGroupStatus({ hasMigrations, risk, needsApproval, approval, pullNumber, reviewedHash, hash });
  await setCommitStatus(octokit, repo, group.headSha, { ...status, ...target }, context);
  return { result, changes, risk, needsApproval, approved: !needsApproval || approval !== null, approval, pullNumber, contentHash: hash, status };
}

function mergeGroupStatus(o: {
  hasMigrations: boolean;
  risk: Risk | null;
  needsApproval: boolean;
  approval: ApprovalRecord | null;
  pullNumber: number | null;
  reviewedHash: string | null;
  hash: string;
}): CommitStatus {
  if (!o.hasMigrations || o.risk === null) return { state: 'success', description: 'Merge queue: no migration changes' };
  if (!o.needsApproval) return { state: 'success', description: `Merge queue: migrations reviewed, ${o.risk}, no approval needed` };
  const pr = o.pullNumber === null ? 'the pull request' : `#${o.pullNumber}`;
  if (o.approval) return { state: 'success', description: `Merge queue: ${o.risk} migrations approved by @${o.approval.approver} in ${pr}` };
  if (o.reviewedHash !== null && o.reviewedHash !== o.hash) {
    return { state: 'failure', description: `Merge queue: ${o.risk} migrations differ from those reviewed in ${pr}; update it and ${APPROVE_COMMAND} there` };
  }
  return { state: 'failure', description: `Merge queue: ${o.risk} migrations not approved; ${APPROVE_COMMAND} in ${pr}` };
}
