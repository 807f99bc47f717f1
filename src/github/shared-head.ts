// A commit status lives on a commit, not on a pull request: two open pull requests with the same
// head (into `main` and into `release-1.0`, say) share it, and the last review to write would
// win. So a green verdict is only written when no other open pull request with that head still
// needs an approval it lacks; the worst unapproved verdict wins.
import { parseState } from './comment-state.js';
import type { GitHubClient, RepoRef } from './octokit.js';
import { STICKY_MARKER } from './render.js';
import type { CommitStatus } from './status.js';
import { findStickyComments } from './sticky-comment.js';

export interface BlockingPull {
  number: number;
  base: string;
  why: string;
}

/** Other open pull requests with head `sha` whose own review (this identity's comment) needs an approval it does not have. */
async function blockingSiblings(octokit: GitHubClient, repo: RepoRef, sha: string, self: number, identity: string): Promise<BlockingPull[]> {
  const pulls = (await octokit.paginate('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: repo.owner,
    repo: repo.repo,
    commit_sha: sha,
    per_page: 100,
  })) as Array<{ number: number; state: string; head: { sha: string }; base: { ref: string } }>;
  const out: BlockingPull[] = [];
  for (const p of pulls) {
    if (p.number === self || p.state !== 'open' || p.head.sha !== sha) continue;
    const state = parseState((await findStickyComments(octokit, repo, p.number, STICKY_MARKER, identity))[0]?.body);
    // Not reviewed yet: its own review combines with this one when it runs.
    if (!state?.review || state.review.headSha !== sha || !state.review.needsApproval) continue;
    if (state.approval && state.approval.contentHash === state.review.contentHash) continue;
    out.push({ number: p.number, base: p.base.ref, why: `${state.review.risk ?? 'risky'} migrations need approval` });
  }
  return out;
}

/** The status to write for the shared head: this pull request's, unless it is green and another one is not. */
export async function combineWithSiblings(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  self: number,
  identity: string,
  status: CommitStatus,
): Promise<{ status: CommitStatus; blocking: BlockingPull[] }> {
  if (status.state !== 'success') return { status, blocking: [] };
  const blocking = await blockingSiblings(octokit, repo, sha, self, identity);
  if (blocking.length === 0) return { status, blocking };
  const first = blocking[0]!;
  const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more)` : '';
  return {
    status: { ...status, state: 'failure', description: `#${first.number} into ${first.base}, same commit: ${first.why}${more}` },
    blocking,
  };
}
