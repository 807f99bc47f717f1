// The base commit's files, for the Action's review: GitHub's tree listing at the base commit, each
// file read from the workspace when its bytes are the base's blob (most files: the workspace is the
// pull request's merge commit) and through the API when not (what the pull request changed or
// deleted). With it the Action judges an edit as the App does: an applied migration whose
// statements stayed as they were (comments, spacing, its rollback), a folder moved whole, the
// base's whole-schema file the dry-run starts from, the manifests and placeholder files as the base
// has them. Without it (a tree too large for one listing, a base the token cannot read) the review
// runs on the head alone, which is stricter: every edit of an applied migration counts.
import type { RepoFiles } from '../core/types.js';
import type { GitHubClient, RepoRef } from '../github/octokit.js';
import { apiRepoFiles } from '../github/repo-files.js';

export async function baseTree(
  octokit: GitHubClient,
  repo: RepoRef,
  baseSha: string,
  workspaceFiles: RepoFiles,
  log: (message: string) => void,
): Promise<RepoFiles | null> {
  const files = apiRepoFiles(octokit, repo, baseSha, new Map(), workspaceFiles);
  try {
    await files.list();
    return files;
  } catch (e) {
    log(`the base commit ${baseSha.slice(0, 7)}'s files could not be listed (${e instanceof Error ? e.message : String(e)}): every edit of an applied migration counts as one`);
    return null;
  }
}
