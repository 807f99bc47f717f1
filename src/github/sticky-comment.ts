// One comment per pull request, found again by its hidden marker on any page of comments.
// Only comments written by a bot count (a person pasting the marker cannot plant state), and
// duplicates left by an earlier race are removed so there is never a second one.
import type { GitHubClient, RepoRef } from './octokit.js';

export interface StickyComment {
  id: number;
  body: string;
  url: string;
}

interface ListedComment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string; type?: string } | null;
}

export async function findStickyComments(octokit: GitHubClient, repo: RepoRef, issueNumber: number, marker: string): Promise<StickyComment[]> {
  const comments = (await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: repo.owner,
    repo: repo.repo,
    issue_number: issueNumber,
    per_page: 100,
  })) as ListedComment[];
  return comments
    .filter((c) => c.user?.type === 'Bot' && (c.body ?? '').includes(marker))
    .sort((a, b) => a.id - b.id)
    .map((c) => ({ id: c.id, body: c.body ?? '', url: c.html_url }));
}

/** The oldest marked comment, or null. */
export async function findStickyComment(octokit: GitHubClient, repo: RepoRef, issueNumber: number, marker: string): Promise<StickyComment | null> {
  return (await findStickyComments(octokit, repo, issueNumber, marker))[0] ?? null;
}

/**
 * Updates the comment found earlier (or creates it when there is none), then deletes any
 * other marked comment. `found` is what `findStickyComments` returned in this run.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  body: string,
  found: StickyComment[],
): Promise<StickyComment> {
  const [keep, ...extra] = found;
  let result: StickyComment;
  if (keep) {
    if (keep.body === body) {
      result = keep;
    } else {
      const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: repo.owner,
        repo: repo.repo,
        comment_id: keep.id,
        body,
      });
      result = { id: Number(data.id), body: data.body ?? body, url: data.html_url };
    }
  } else {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: issueNumber,
      body,
    });
    result = { id: Number(data.id), body: data.body ?? body, url: data.html_url };
  }
  for (const dup of extra) {
    await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: repo.owner, repo: repo.repo, comment_id: dup.id });
  }
  return result;
}
