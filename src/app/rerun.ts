// Reviews nobody pushed for: "Re-run all checks" / "Re-run failed checks" (check_suite
// rerequested) and a new installation or newly added repositories, whose open pull requests
// would otherwise wait for their next push. Installation reviews are bounded (a big
// organisation installs on hundreds of repositories at once) and stop early when the
// installation's rate limit runs low; what is left gets reviewed on its next push.
import type { GitHubClient, RepoRef } from '../github/octokit.js';
import { describeError, pullForCommit, reviewPull, type AppDeps, type PullReview } from './review-pull.js';

/** Open pull requests reviewed per installation delivery, across all its repositories. */
const MAX_PULLS_PER_INSTALLATION_EVENT = 50;
/** Requests left in the installation's hour below which no further pull request is started. */
const RATE_LIMIT_RESERVE = 500;

export interface SuiteDelivery {
  headSha: string;
  appId: number | null;
  pullNumbers: number[];
}

export async function onCheckSuiteRerequested(deps: AppDeps, repo: RepoRef, suite: SuiteDelivery): Promise<PullReview[] | { kind: 'ignored'; reason: string }> {
  if (suite.appId !== deps.env.appId) return { kind: 'ignored', reason: 'not a check suite of this App' };
  const found = suite.pullNumbers.length > 0 ? null : await pullForCommit(deps.octokit, repo, suite.headSha);
  const numbers = found === null ? suite.pullNumbers : [found];
  if (numbers.length === 0) return { kind: 'ignored', reason: `no open pull request has ${suite.headSha.slice(0, 7)} as its head` };
  const results: PullReview[] = [];
  for (const number of numbers) results.push(await reviewPull(deps, repo, { number, headSha: suite.headSha }));
  return results;
}

export interface InstallationReview {
  kind: 'installation-reviewed';
  reviewed: number;
  failed: number;
  /** Open pull requests left for their next push (over the bound, or the rate limit ran low). */
  deferred: number;
  message: string;
}

export async function onInstalled(deps: AppDeps, repos: RepoRef[]): Promise<InstallationReview> {
  let reviewed = 0;
  let failed = 0;
  let deferred = 0;
  let stopped: string | null = null;
  // The rate limit GitHub reports on every answer, the latest one seen.
  let remaining: number | null = null;
  deps.octokit.hook.after('request', (response) => {
    const left = Number((response.headers as Record<string, unknown>)['x-ratelimit-remaining']);
    if (Number.isFinite(left)) remaining = left;
  });
  for (const repo of repos) {
    if (stopped !== null) break;
    const pulls = await openPulls(deps.octokit, repo);
    for (const pull of pulls) {
      if (stopped === null && reviewed + failed >= MAX_PULLS_PER_INSTALLATION_EVENT) stopped = `the bound of ${MAX_PULLS_PER_INSTALLATION_EVENT} pull requests per installation event`;
      if (stopped === null && remaining !== null && remaining < RATE_LIMIT_RESERVE) stopped = `the installation's rate limit (${remaining} requests left)`;
      if (stopped !== null) {
        deferred += 1;
        continue;
      }
      try {
        await reviewPull(deps, repo, { number: pull.number, headSha: pull.headSha });
        reviewed += 1;
      } catch (e) {
        // One pull request that cannot be reviewed (its check run says why) does not stop the rest.
        failed += 1;
        deps.log(`${repo.owner}/${repo.repo}#${pull.number}: ${describeError(e)}`);
      }
    }
  }
  const message =
    `reviewed ${reviewed} open pull request(s) in ${repos.length} repositor${repos.length === 1 ? 'y' : 'ies'}` +
    (failed > 0 ? `, ${failed} failed` : '') +
    (deferred > 0 ? `; ${deferred} left for their next push (stopped at ${stopped})` : '');
  deps.log(message);
  return { kind: 'installation-reviewed', reviewed, failed, deferred, message };
}

/** The repository's open pull requests, most recently updated first, one page. */
async function openPulls(octokit: GitHubClient, repo: RepoRef): Promise<Array<{ number: number; headSha: string }>> {
  const res = await octokit.request('GET /repos/{owner}/{repo}/pulls', {
    owner: repo.owner,
    repo: repo.repo,
    state: 'open',
    sort: 'updated',
    direction: 'desc',
    per_page: MAX_PULLS_PER_INSTALLATION_EVENT,
  });
  return res.data.map((p) => ({ number: p.number, headSha: p.head.sha }));
}
