// The App's side of a merge queue (`merge_group.checks_requested`): review the queue's commit
// through the API and publish a check run and the status on it. Whether the pull request's
// approval carries over is decided by the shared flow (src/github/merge-queue.ts).
import { runCheck } from '../check/run.js';
import { completeCheckRun, startCheckRun, toCheckRunAnnotations } from '../github/check-run.js';
import { reviewMergeGroup, type MergeGroupRef } from '../github/merge-queue.js';
import type { RepoRef } from '../github/octokit.js';
import { renderSummary } from '../github/render.js';
import { setCommitStatus } from '../github/status.js';
import { renderAnnotations } from '../report/github.js';
import { ConfigError, loadRepoConfig } from './config.js';
import { apiRepoFiles, type BlobCache } from '../github/repo-files.js';
import { QueueFullError } from './dry-run-queue.js';
import { configErrorCheckRun, describeError, failureTitle, type AppDeps } from './review-pull.js';
import { configErrorLine } from '../github/config-file.js';
import { readConfigText, readRepoFile } from '../github/repo-file.js';

export type MergeGroupReview =
  | { kind: 'published'; conclusion: 'success' | 'failure'; headSha: string; message: string }
  | { kind: 'config-error'; message: string }
  | { kind: 'busy'; message: string };

export async function reviewMergeGroupCommit(deps: AppDeps, repo: RepoRef, group: MergeGroupRef & { baseRef: string }): Promise<MergeGroupReview> {
  const { octokit, env } = deps;
  const checkRunId = await startCheckRun(octokit, repo, group.headSha);
  try {
    // The target branch's configuration, as for pull requests: the queue cannot loosen its own review.
    const baseRef = group.baseRef.replace(/^refs\/heads\//, '');
    const { config, source } = await loadRepoConfig(octokit, repo, baseRef, env.allowServerDryRun, env.dryRunMemoryMb);
    const blobs: BlobCache = new Map();
    const outcome = await reviewMergeGroup(
      octokit,
      repo,
      group,
      {
        approvalRisk: config.approvalRisk, identity: await deps.identity(), statusContext: env.statusContext, log: deps.log,
        // As for the pull request (review-pull.ts): its config edits and suppressions are gated, and hashed alike.
        gate: { config, baseConfig: source, headConfig: await readConfigText(octokit, repo, group.headSha), readHead: (p) => readRepoFile(octokit, repo, p, group.headSha) },
      },
      async (changes) => {
        const files = apiRepoFiles(octokit, repo, group.headSha, blobs);
        const base = apiRepoFiles(octokit, repo, group.baseSha, blobs);
        const check = () => runCheck({ files, config, scope: { kind: 'changes', changes, base }, dryRun: config.dryRun.enabled });
        return config.dryRun.enabled ? deps.dryRunSlot(check) : check();
      },
    );
    const conclusion = outcome.status.state === 'success' ? 'success' : 'failure';
    const summary =
      outcome.risk === null
        ? '### migration-guard\n\nThis merge queue entry changes no migration.'
        : renderSummary(outcome.result, { pgVersion: config.pgVersion, approvalRisk: config.approvalRisk, approval: outcome.approval });
    await completeCheckRun(octokit, repo, checkRunId, {
      conclusion,
      title: outcome.status.description,
      summary,
      annotations: toCheckRunAnnotations(renderAnnotations(outcome.result)),
    });
    return { kind: 'published', conclusion, headSha: group.headSha, message: outcome.status.description };
  } catch (e) {
    if (e instanceof ConfigError) {
      await completeCheckRun(octokit, repo, checkRunId, configErrorCheckRun(e)).catch(() => {});
      await setCommitStatus(octokit, repo, group.headSha, { state: 'failure', description: configErrorLine(e) }, env.statusContext).catch(() => {});
      return { kind: 'config-error', message: e.format() };
    }
    const message = describeError(e);
    const what = failureTitle(e);
    // Fail closed, best effort: GitHub may be what failed.
    await completeCheckRun(octokit, repo, checkRunId, { conclusion: 'failure', title: what, summary: `${what}:\n\n\`\`\`\n${message}\n\`\`\`` }).catch(() => {});
    await setCommitStatus(octokit, repo, group.headSha, { state: 'failure', description: `${what}: ${message}` }, env.statusContext).catch(() => {});
    if (e instanceof QueueFullError) return { kind: 'busy', message };
    throw e;
  }
}
