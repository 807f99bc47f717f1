// One comment per pull request, found again by its hidden marker on any page of comments.
// Only comments written by the running identity count (a person or another bot pasting the
// marker cannot plant state), and duplicates of ours left by an earlier race are removed so
// there is never a second one. Other bots' marked comments are never edited or deleted.
import { sameLogin } from './identity.js';
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
  created_at: string;
  user: { login: string; type?: string } | null;
}

export interface CommentThread {
  /** Marked comments written by the running identity, oldest first. */
  own: StickyComment[];
  /** Marked comments of other bots (a predecessor surface, or a forgery), oldest first: read, never written. */
  others: Array<StickyComment & { author: string }>;
  /** Every comment of the pull request, for checks that need people's comments. */
  all: Array<{ id: number; body: string; createdAt: string; user: { login: string; type?: string } | null }>;
}

export async function listThread(octokit: GitHubClient, repo: RepoRef, issueNumber: number, marker: string, identity: string): Promise<CommentThread> {
  const comments = (await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: repo.owner,
    repo: repo.repo,
    issue_number: issueNumber,
    per_page: 100,
  })) as ListedComment[];
  const marked = comments.filter((c) => c.user?.type === 'Bot' && (c.body ?? '').includes(marker)).sort((a, b) => a.id - b.id);
  return {
    own: marked.filter((c) => sameLogin(c.user!.login, identity)).map((c) => ({ id: c.id, body: c.body ?? '', url: c.html_url })),
    others: marked.filter((c) => !sameLogin(c.user!.login, identity)).map((c) => ({ id: c.id, body: c.body ?? '', url: c.html_url, author: c.user!.login })),
    all: comments.map((c) => ({ id: c.id, body: c.body ?? '', createdAt: c.created_at, user: c.user })),
  };
}

/** The running identity's marked comments, oldest first. */
export async function findStickyComments(octokit: GitHubClient, repo: RepoRef, issueNumber: number, marker: string, identity: string): Promise<StickyComment[]> {
  return (await listThread(octokit, repo, issueNumber, marker, identity)).own;
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
  identity: string,
): Promise<StickyComment> {
  const [keep, ...extra] = found;
  const result = keep ? await updateTo(octokit, repo, keep, body) : await createOnce(octokit, repo, issueNumber, body, identity);
  for (const dup of extra) {
    await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: repo.owner, repo: repo.repo, comment_id: dup.id });
  }
  return result;
}

/**
 * Creates the comment without a blind retry: a 5xx (or a timeout) can come after GitHub made
 * the comment, and a retry would make a second one. So look first: if our marked comment is
 * there now, that is the one (updated to this body); only if not, post again.
 */
async function createOnce(octokit: GitHubClient, repo: RepoRef, issueNumber: number, body: string, identity: string): Promise<StickyComment> {
  const post = async (): Promise<StickyComment> => {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: issueNumber,
      body,
      request: { retries: 0 },
    });
    return { id: Number(data.id), body: data.body ?? body, url: data.html_url };
  };
  try {
    return await post();
  } catch (e) {
    if (!isAmbiguous(e)) throw e;
    const marker = body.slice(0, body.indexOf('\n') >= 0 ? body.indexOf('\n') : body.length);
    const [made] = (await listThread(octokit, repo, issueNumber, marker, identity)).own;
    return made ? updateTo(octokit, repo, made, body) : post();
  }
}

/** `comment` with `body`: as it is when it says that already, else edited. */
async function updateTo(octokit: GitHubClient, repo: RepoRef, comment: StickyComment, body: string): Promise<StickyComment> {
  if (comment.body === body) return comment;
  const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: repo.owner, repo: repo.repo, comment_id: comment.id, body });
  return { id: Number(data.id), body: data.body ?? body, url: data.html_url };
}

/** A failure after which the write may or may not have happened: a 5xx, or no answer at all. */
export function isAmbiguous(e: unknown): boolean {
  const status = (e as { status?: number }).status;
  return status === undefined || status >= 500;
}
