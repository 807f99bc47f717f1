// A file's text at a commit, read through the contents API: how the gate reads what is on the
// base branch (its config, the base version of a migration) without trusting the checkout, which
// under `pull_request` is the pull request's own merge commit.
import { CONFIG_FILE_NAMES } from '../config/load.js';
import type { GitHubClient, RepoRef } from './octokit.js';

/** The file's text at `ref`, or null when there is no such file (or it is not a regular file). */
export async function readRepoFile(octokit: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<string | null> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: repo.owner, repo: repo.repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file') return null;
    const content = 'content' in data && typeof data.content === 'string' ? data.content : '';
    return Buffer.from(content, 'base64').toString('utf8');
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}

export interface ConfigText {
  file: string;
  text: string;
}

/** The config file at `ref`: `explicit` when given, else the first of CONFIG_FILE_NAMES there. */
export async function readConfigText(octokit: GitHubClient, repo: RepoRef, ref: string, explicit?: string): Promise<ConfigText | null> {
  for (const file of explicit ? [explicit] : CONFIG_FILE_NAMES) {
    const text = await readRepoFile(octokit, repo, file, ref);
    if (text !== null) return { file, text };
  }
  return null;
}
