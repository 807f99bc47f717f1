// The base commit's files, for the Action's review: GitHub's tree listing at the base commit, each
// file read from the workspace when its bytes are the base's blob (most files: the workspace is the
// pull request's merge commit) and through the API when not (what the pull request changed or
// deleted). With it the Action judges an edit as the App does: an applied migration whose
// statements stayed as they were (comments, spacing, its rollback), a folder moved whole, the
// base's whole-schema file the dry-run starts from, the manifests and placeholder files as the base
// has them. Without it (a tree too large for one listing, a base the token cannot read) every edit
// of an applied migration counts, which is stricter; the few settings and placeholder files a
// change is held against are then read one by one through the contents API (`readBase`).
import type { FileChange, RepoFiles } from '../core/types.js';
import type { CheckScope } from '../check/types.js';
import type { GitHubClient, RepoRef } from '../github/octokit.js';
import { readRepoFile } from '../github/repo-file.js';
import { apiRepoFiles } from '../github/repo-files.js';

/** What a review of `changes` against the base commit reads of the base. */
export async function changesScope(
  octokit: GitHubClient,
  repo: RepoRef,
  baseSha: string,
  changes: FileChange[],
  workspaceFiles: RepoFiles,
  log: (message: string) => void,
): Promise<CheckScope> {
  return { kind: 'changes', changes, base: await baseTree(octokit, repo, baseSha, workspaceFiles, log), readBase: (p) => readRepoFile(octokit, repo, p, baseSha) };
}

async function baseTree(
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
