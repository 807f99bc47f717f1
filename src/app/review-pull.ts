// The App's review of one pull request head: read the files through the API, run the shared
// GitHub flow (src/github/review.ts: status, sticky comment, approval bookkeeping), and publish
// the check run. Events for one pull request can overlap and arrive out of order, and the App
// keeps no state of its own, so GitHub's current head decides: an event for a head that is no
// longer current does nothing, and a review whose head moved while it ran is dropped before
// it touches the shared sticky comment.
import { runCheck } from '../check/run.js';
import type { Config } from '../config/defaults.js';
import { voidedReason } from '../github/comment-body.js';
import { completeCheckRun, startCheckRun, toCheckRunAnnotations, type CheckConclusion, type CheckRunResult } from '../github/check-run.js';
import type { GitHubClient, RepoRef } from '../github/octokit.js';
import { renderSummary } from '../github/render.js';
import { configErrorLine, configErrorMarkdown, publishConfigErrorComment } from '../github/config-file.js';
import { reviewPullRequest, type PullRequestOutcome, type ReviewSettings } from '../github/review.js';
import { readConfigText, readRepoFile } from '../github/repo-file.js';
import { setCommitStatus } from '../github/status.js';
import { renderAnnotations } from '../report/github.js';
import { ConfigError, loadRepoConfig } from './config.js';
import { QueueFullError } from './dry-run-queue.js';
import type { AppEnv } from './env.js';
import { apiRepoFiles, type BlobCache } from '../github/repo-files.js';

export interface AppDeps {
  octokit: GitHubClient;
  env: AppEnv;
  log: (message: string) => void;
  /** The App's bot login (`<slug>[bot]`): the only author of comments the App trusts. */
  identity: () => Promise<string>;
  /**
   * Runs a dry-run when a slot is free and it is this installation's turn (each PGlite takes
   * hundreds of MB); throws QueueFullError when the installation's queue is full.
   */
  dryRunSlot: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface PullTarget {
  number: number;
  headSha: string;
}

export type PullReview =
  | { kind: 'skipped'; reason: string }
  | { kind: 'superseded'; headSha: string; by: string }
  | { kind: 'config-error'; message: string }
  | { kind: 'busy'; message: string }
  | { kind: 'published'; conclusion: CheckConclusion; outcome: PullRequestOutcome };

export class SupersededError extends Error {
  constructor(readonly by: string) {
    super(`the pull request's head moved to ${by.slice(0, 7)} during the review`);
  }
}

export interface PullInfo {
  number: number;
  state: string;
  headSha: string;
  baseSha: string;
  baseRef: string;
  author: string;
}

export async function getPull(octokit: GitHubClient, repo: RepoRef, number: number): Promise<PullInfo> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: repo.owner, repo: repo.repo, pull_number: number });
  return { number, state: data.state, headSha: data.head.sha, baseSha: data.base.sha, baseRef: data.base.ref, author: data.user.login };
}

export function reviewSettings(env: AppEnv, config: Config, log: (m: string) => void, identity: string): ReviewSettings & { statusContext: string } {
  return {
    identity,
    policy: { approvalRisk: config.approvalRisk, minPermission: env.approverPermission, approvers: env.approvers, allowAuthor: env.allowAuthorApproval, allowContributors: env.allowContributorApproval },
    comment: true,
    statusContext: env.statusContext,
    pgVersion: config.pgVersion,
    log,
  };
}

export async function reviewPull(deps: AppDeps, repo: RepoRef, target: PullTarget): Promise<PullReview> {
  const { octokit, env } = deps;
  const pull = await getPull(octokit, repo, target.number);
  if (pull.state !== 'open') return { kind: 'skipped', reason: `#${pull.number} is ${pull.state}` };
  if (pull.headSha !== target.headSha) {
    // A late or replayed event: the event for the newer head reviews that one.
    return { kind: 'skipped', reason: `#${pull.number}'s head is ${pull.headSha.slice(0, 7)}, not ${target.headSha.slice(0, 7)}` };
  }

  const checkRunId = await startCheckRun(octokit, repo, target.headSha);
  try {
    const { config, file, notes, source } = await loadRepoConfig(octokit, repo, pull.baseRef, env.allowServerDryRun, env.dryRunMemoryMb);
    const settings: ReviewSettings = {
      ...reviewSettings(env, config, deps.log, await deps.identity()),
      gate: { config, baseConfig: source, headConfig: await readConfigText(octokit, repo, target.headSha), readHead: (p) => readRepoFile(octokit, repo, p, target.headSha) },
    };
    const blobs: BlobCache = new Map();
    const last: { conclusion: CheckConclusion | null } = { conclusion: null };
    const outcome = await reviewPullRequest(
      octokit,
      repo,
      { number: pull.number, headSha: target.headSha, baseSha: pull.baseSha, author: pull.author },
      settings,
      async (changes) => {
        const files = apiRepoFiles(octokit, repo, target.headSha, blobs);
        const base = apiRepoFiles(octokit, repo, pull.baseSha, blobs);
        const check = () => runCheck({ files, config, scope: { kind: 'changes', changes, base }, dryRun: config.dryRun.enabled });
        const result = config.dryRun.enabled ? await deps.dryRunSlot(check) : await check();
        // The sticky comment is shared by every head of the pull request: only the current head writes it.
        const now = await getPull(octokit, repo, pull.number);
        if (now.headSha !== target.headSha) throw new SupersededError(now.headSha);
        return result;
      },
      {
        // The check run follows each status (a run that writes the comment at the same time can make this review publish twice).
        published: async (o) => {
          // Annotations go with the first completion only: GitHub keeps them across updates.
          const run = checkRunFor(o, config, { file, ref: pull.baseRef, notes }, { annotations: last.conclusion === null });
          await completeCheckRun(octokit, repo, checkRunId, run);
          last.conclusion = run.conclusion;
        },
      },
    );
    return { kind: 'published', conclusion: last.conclusion ?? 'failure', outcome };
  } catch (e) {
    if (e instanceof SupersededError) {
      const by = e.by;
      await bestEffort(deps, () =>
        completeCheckRun(octokit, repo, checkRunId, {
          conclusion: 'cancelled',
          title: `Superseded by ${by.slice(0, 7)}`,
          summary: `The pull request moved on to ${by} while this commit was being reviewed; the review of the newer commit is the one that counts.`,
        }),
      );
      await bestEffort(deps, () =>
        setCommitStatus(octokit, repo, target.headSha, { state: 'error', description: `Superseded by ${by.slice(0, 7)}; reviewed there` }, env.statusContext),
      );
      return { kind: 'superseded', headSha: target.headSha, by };
    }
    if (e instanceof ConfigError) {
      // Fail closed on settings nobody meant; the pull request's thread says why, once.
      await bestEffort(deps, () => completeCheckRun(octokit, repo, checkRunId, configErrorCheckRun(e)));
      await bestEffort(deps, () => setCommitStatus(octokit, repo, target.headSha, { state: 'failure', description: configErrorLine(e) }, env.statusContext));
      await bestEffort(deps, async () => publishConfigErrorComment(octokit, repo, target.number, await deps.identity(), e));
      return { kind: 'config-error', message: e.format() };
    }
    const message = describeError(e);
    const what = failureTitle(e);
    // Fail closed, best effort: GitHub may be what failed.
    await bestEffort(deps, () =>
      completeCheckRun(octokit, repo, checkRunId, { conclusion: 'failure', title: what, summary: `${what}:\n\n\`\`\`\n${message}\n\`\`\`` }),
    );
    await bestEffort(deps, () =>
      setCommitStatus(octokit, repo, target.headSha, { state: 'failure', description: `${what}: ${message}` }, env.statusContext),
    );
    // Refused for load, not broken: the check run says to re-run, and the delivery itself succeeded.
    if (e instanceof QueueFullError) return { kind: 'busy', message };
    throw e;
  }
}

/**
 * The check run for a broken configuration: `file:line:col: message` in its title and summary.
 * No annotation: the file may be one the base branch lacks (a missing tableStatsFile).
 */
export function configErrorCheckRun(e: ConfigError): CheckRunResult & { conclusion: CheckConclusion } {
  return { conclusion: 'failure', title: configErrorLine(e), summary: configErrorMarkdown(e) };
}

/** The check run's title for a review that could not finish. */
export function failureTitle(e: unknown): string {
  if (e instanceof QueueFullError) return 'migration-guard is busy';
  return 'migration-guard could not finish';
}

/** The check run that mirrors the outcome: the status decides success, an approval can fix the rest. */
/** `annotations: false` leaves them out (and does not build them): a later completion of a run that has them already. */
function checkRunFor(
  outcome: PullRequestOutcome,
  config: Config,
  source: { file: string | null; ref: string; notes: string[] },
  { annotations }: { annotations: boolean },
): CheckRunResult & { conclusion: CheckConclusion } {
  const conclusion: CheckConclusion =
    outcome.status.state === 'success' ? 'success' : outcome.needsApproval && !outcome.approved ? 'action_required' : 'failure';
  const report =
    outcome.kind === 'reviewed'
      ? renderSummary(outcome.result, {
          pgVersion: config.pgVersion,
          approvalRisk: config.approvalRisk,
          approval: outcome.approval,
          ...(outcome.voided ? { voidedReason: voidedReason(outcome.voided) } : {}),
        })
      : '### migration-guard\n\nThis pull request changes no migration.';
  const origin = source.file ? `Configuration: \`${source.file}\` on \`${source.ref}\`.` : `Configuration: defaults (no config file on \`${source.ref}\`).`;
  const notes = source.notes.map((n) => `> ${n}`).join('\n\n');
  return {
    conclusion,
    title: outcome.status.description,
    summary: [report, notes, `<sub>${origin}</sub>`].filter(Boolean).join('\n\n'),
    annotations: annotations ? toCheckRunAnnotations(renderAnnotations(outcome.result)) : [],
    approvable: conclusion === 'action_required',
    ...(outcome.comment ? { detailsUrl: outcome.comment.url } : {}),
  };
}

async function bestEffort(deps: AppDeps, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    deps.log(`could not record the failure on GitHub: ${describeError(e)}`);
  }
}

export function describeError(e: unknown): string {
  if (e && typeof e === 'object' && 'status' in e && 'message' in e) {
    const err = e as { status: number; message: string; request?: { method?: string; url?: string } };
    const where = err.request?.method && err.request.url ? ` (${err.request.method} ${err.request.url.replace(/\?.*$/, '').replace(/^https?:\/\/[^/]+/, '')})` : '';
    return `GitHub answered ${err.status}: ${err.message}${where}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** The open pull request whose head is `sha` (check runs on forks' commits list no pull requests). */
export async function pullForCommit(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<number | null> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { owner: repo.owner, repo: repo.repo, commit_sha: sha, per_page: 100 });
  return data.find((p) => p.state === 'open' && p.head.sha === sha)?.number ?? null;
}
