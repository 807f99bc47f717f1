// Who wrote the pull request besides its author: everyone GitHub links to one of its commits as
// author or committer. "The author may not approve" would mean little if a second account could
// push the risky commit and the first approve it.
import { sameLogin } from './identity.js';
import type { GitHubClient, RepoRef } from './octokit.js';

/** GitHub's own committer for commits made in the web interface (merges, edits, "Update branch"). */
const WEB_FLOW = 'web-flow';

interface ListedCommit {
  author: { login: string } | null;
  committer: { login: string } | null;
}

/** Logins of the people whose commits the pull request contains (GitHub lists up to 250). */
async function pullContributors(octokit: GitHubClient, repo: RepoRef, pullNumber: number): Promise<string[]> {
  const commits = (await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', {
    owner: repo.owner,
    repo: repo.repo,
    pull_number: pullNumber,
    per_page: 100,
  })) as ListedCommit[];
  const logins: string[] = [];
  for (const c of commits) {
    for (const who of [c.author?.login, c.committer?.login]) {
      if (who && !sameLogin(who, WEB_FLOW) && !logins.some((l) => sameLogin(l, who))) logins.push(who);
    }
  }
  return logins;
}

/** Why `login` may not approve under the policy as a contributor, or null. */
export async function refuseContributor(
  octokit: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
  login: string,
  policy: { allowContributors: boolean; allowAuthor: boolean },
  author: string,
): Promise<string | null> {
  if (policy.allowContributors) return null;
  if (policy.allowAuthor && sameLogin(login, author)) return null;
  const contributors = await pullContributors(octokit, repo, pullNumber);
  if (!contributors.some((c) => sameLogin(c, login))) return null;
  return `@${login} wrote or committed commits of this pull request; those who changed it cannot approve its migrations.`;
}
