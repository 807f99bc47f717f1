// Whether someone may approve, from what the API says about them now: their role on the
// repository and, when the policy lists teams, which of those teams they belong to, and whether
// they wrote or committed to the pull request. The rule itself is decideApproval (approval.ts);
// this only gathers its facts.
import { decideApproval, permissionFromApi, refuseBeforeLookup, type ApprovalDecision, type ApprovalPolicy, type PermissionLevel } from './approval.js';
import { refuseContributor } from './contributors.js';
import type { GitHubClient, RepoRef } from './octokit.js';

/**
 * The decision on `who` approving this pull request's migrations: no bots, the author only where
 * the policy allows it, then the policy's decision on their role and teams, then, unless the
 * policy allows it, a refusal for someone who wrote or committed to it.
 * Every approval path asks this one question (the command, the App's button, a predecessor's
 * approval honoured, an approval traced by its 👍).
 */
export async function mayApprove(
  octokit: GitHubClient,
  repo: RepoRef,
  who: { login: string; type?: string | null },
  pull: { number: number; author: string },
  policy: ApprovalPolicy,
): Promise<ApprovalDecision> {
  // A bot, or the author where the policy says no: refused before any request.
  const early = refuseBeforeLookup(who, pull.author, policy);
  if (early) return early;
  const decision = await lookUpAndDecide(octokit, repo, who, pull.author, policy);
  if (decision.kind === 'refused') return decision;
  const contributor = await refuseContributor(octokit, repo, pull.number, who.login, policy, pull.author);
  return contributor ? { kind: 'refused', reason: contributor } : decision;
}

async function lookUpAndDecide(
  octokit: GitHubClient,
  repo: RepoRef,
  commenter: { login: string; type?: string | null },
  author: string,
  policy: ApprovalPolicy,
): Promise<ApprovalDecision> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
    owner: repo.owner,
    repo: repo.repo,
    username: commenter.login,
  });
  const permission: PermissionLevel = permissionFromApi(data);
  const teams: Array<{ org: string; slug: string }> = [];
  for (const a of policy.approvers) {
    if (a.kind !== 'team') continue;
    try {
      if (await isActiveTeamMember(octokit, a.org, a.slug, commenter.login)) teams.push({ org: a.org, slug: a.slug });
    } catch (e) {
      const status = (e as { status?: number }).status;
      return {
        kind: 'refused',
        reason: `could not check membership of @${a.org}/${a.slug} (GitHub answered ${status ?? 'with an error'}); the token needs read access to the organization's teams.`,
      };
    }
  }
  return decideApproval({ commenter, author, permission, teams }, policy);
}

async function isActiveTeamMember(octokit: GitHubClient, org: string, slug: string, login: string): Promise<boolean> {
  try {
    const { data } = await octokit.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: slug, username: login });
    return data.state === 'active';
  } catch (e) {
    // 404 means "not a member"; anything else (a token without org read access) is an error.
    if ((e as { status?: number }).status === 404) return false;
    throw e;
  }
}
