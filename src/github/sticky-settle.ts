// Two deliveries of the same pull request that run at once (two App replicas, a redelivery, two
// workflow runs) can both find no comment and both create one. After creating, look again: the
// oldest marked comment wins and a newer one this run created steps aside, so every run converges
// on the same single comment whichever order their requests land in.
import type { GitHubClient, RepoRef } from './octokit.js';
import { findStickyComments, upsertStickyComment, type StickyComment } from './sticky-comment.js';

async function settleCreatedComment(octokit: GitHubClient, repo: RepoRef, issueNumber: number, marker: string, created: StickyComment, identity: string): Promise<StickyComment> {
  const all = await findStickyComments(octokit, repo, issueNumber, marker, identity);
  const oldest = all[0];
  if (!oldest || oldest.id === created.id || !all.some((c) => c.id === created.id)) return created;
  await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: repo.owner, repo: repo.repo, comment_id: created.id });
  return oldest;
}

/** Writes `body` over `own` (this run's read of our marked comments), settling a comment it had to create. */
export async function writeStickyComment(octokit: GitHubClient, repo: RepoRef, issueNumber: number, marker: string, identity: string, body: string, own: StickyComment[]): Promise<StickyComment> {
  const comment = await upsertStickyComment(octokit, repo, issueNumber, body, own, identity);
  return own.length === 0 ? settleCreatedComment(octokit, repo, issueNumber, marker, comment, identity) : comment;
}
