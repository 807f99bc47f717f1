// Who is writing: migration-guard trusts only the sticky comment its own identity wrote, so a
// comment another bot posted (a workflow that echoes pull-request text, a predecessor surface)
// can never plant review or approval state, and is never edited or deleted.
import type { GitHubClient } from './octokit.js';

/** The user GITHUB_TOKEN (and any installation token used in a workflow without its own login) writes as. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * The login the Action's token writes comments as: the token's user for a personal or user
 * token; GitHub answers 401/403 to `GET /user` for GITHUB_TOKEN, which writes as
 * github-actions[bot].
 */
export async function tokenIdentity(octokit: GitHubClient): Promise<string> {
  try {
    const { data } = await octokit.request('GET /user');
    return data.login;
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 401 || status === 403) return ACTIONS_BOT;
    throw e;
  }
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
