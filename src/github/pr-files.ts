// The pull request's changed files, as GitHub lists them (all pages), in the shape discovery
// reads. GitHub's list stops at 3,000 files; a longer pull request cannot be reviewed
// reliably from it, so that is an error rather than a silent partial review.
import type { FileChange } from '../core/types.js';
import type { GitHubClient, RepoRef } from './octokit.js';

export const MAX_LISTED_FILES = 3000;

export class TooManyFilesError extends Error {}

export interface PullFile {
  filename: string;
  status: string;
  previous_filename?: string;
  /** The object the path holds after the change (a submodule's: the commit it points to). */
  sha?: string;
}

export async function listPullRequestFiles(octokit: GitHubClient, repo: RepoRef, pullNumber: number): Promise<FileChange[]> {
  const files = (await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    owner: repo.owner,
    repo: repo.repo,
    pull_number: pullNumber,
    per_page: 100,
  })) as PullFile[];
  if (files.length >= MAX_LISTED_FILES) {
    throw new TooManyFilesError(
      `pull request #${pullNumber} changes ${MAX_LISTED_FILES} or more files, more than GitHub lists; review it with the CLI (migration-guard check --base) instead`,
    );
  }
  return toFileChanges(files);
}

export function toFileChanges(files: PullFile[]): FileChange[] {
  const out: FileChange[] = [];
  for (const f of files) {
    const object = f.sha ? { object: f.sha } : {};
    switch (f.status) {
      case 'added':
      case 'copied':
        out.push({ path: f.filename, status: 'added', ...object });
        break;
      case 'removed':
        out.push({ path: f.filename, status: 'deleted' });
        break;
      case 'renamed':
        out.push({ path: f.filename, status: 'renamed', ...(f.previous_filename ? { previousPath: f.previous_filename } : {}), ...object });
        break;
      case 'modified':
      case 'changed':
        out.push({ path: f.filename, status: 'modified', ...object });
        break;
      default:
        // 'unchanged' and anything new GitHub invents: no change to review.
        break;
    }
  }
  return out;
}
