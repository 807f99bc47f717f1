// The commit status that gates the merge. GitHub cuts descriptions at 140 characters, so
// they are made one line and shortened here rather than refused there.
import type { GitHubClient, RepoRef } from './octokit.js';

export const STATUS_CONTEXT = 'migration-guard';
export const MAX_STATUS_DESCRIPTION = 140;

export type StatusState = 'pending' | 'success' | 'failure' | 'error';

export interface CommitStatus {
  state: StatusState;
  description: string;
  targetUrl?: string;
}

export function statusDescription(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= MAX_STATUS_DESCRIPTION ? oneLine : `${chars.slice(0, MAX_STATUS_DESCRIPTION - 1).join('')}…`;
}

export async function setCommitStatus(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  status: CommitStatus,
  context = STATUS_CONTEXT,
): Promise<void> {
  await octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
    owner: repo.owner,
    repo: repo.repo,
    sha,
    state: status.state,
    context,
    description: statusDescription(status.description),
    ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
  });
}
