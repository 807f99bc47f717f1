// The App reuses src/github/review.ts unchanged with Probot's octokit and files read from
// memory (no checkout). This runs the same flow in-process against the fake GitHub.
import { afterEach, describe, expect, it } from 'vitest';
import { ProbotOctokit } from 'probot';
import { runCheck } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/defaults.js';
import { memoryRepoFiles } from '../../src/discover/fs-files.js';
import { DEFAULT_POLICY } from '../../src/github/approval.js';
import { parseState } from '../../src/github/comment-state.js';
import type { GitHubClient } from '../../src/github/octokit.js';
import { handleApprovalComment, reviewPullRequest, type ReviewSettings } from '../../src/github/review.js';
import { addComment, latestStatuses, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';

let gh: FakeGitHub | null = null;
afterEach(async () => {
  await gh?.close();
  gh = null;
});

const head = 'c'.repeat(40);
const base = 'd'.repeat(40);
const files = {
  'db/migrations/0001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
  'db/migrations/0001_users.down.sql': 'DROP TABLE users;\n',
  'db/migrations/0002_index.up.sql': 'CREATE INDEX users_email ON users (email);\n',
  'db/migrations/0002_index.down.sql': 'DROP INDEX users_email;\n',
};

describe('review.ts with Probot', () => {
  it('reviews, blocks, and records an approval through Probot’s octokit', async () => {
    gh = await startFakeGitHub({
      installations: [{ id: 5, account: 'acme', repositories: ['acme/shop'] }],
      repos: [
        {
          owner: 'acme',
          name: 'shop',
          collaborators: { alice: 'admin' },
          pulls: [
            {
              number: 3,
              author: 'dev',
              head: { sha: head },
              base: { sha: base },
              files: [
                { filename: 'db/migrations/0002_index.up.sql', status: 'added' },
                { filename: 'db/migrations/0002_index.down.sql', status: 'added' },
              ],
            },
          ],
        },
      ],
      tokens: { ghs_app_installation: 'migration-guard[bot]' },
    });
    const octokit = new ProbotOctokit({ auth: { token: 'ghs_app_installation' }, baseUrl: gh.url, retry: { enabled: false } }) as unknown as GitHubClient;
    const repo = { owner: 'acme', repo: 'shop' };
    const settings: ReviewSettings = { policy: DEFAULT_POLICY, identity: 'migration-guard[bot]', comment: true, pgVersion: 16 };
    const config = resolveConfig({});

    const outcome = await reviewPullRequest(octokit, repo, { number: 3, headSha: head, baseSha: base, author: 'dev' }, settings, (changes) =>
      runCheck({ files: memoryRepoFiles(new Map(Object.entries(files))), config, scope: { kind: 'changes', changes, base: null } }),
    );
    expect(outcome).toMatchObject({ kind: 'reviewed', risk: 'DANGEROUS', needsApproval: true, approved: false });
    const shop = gh.state.repos.get('acme/shop')!;
    expect(latestStatuses(shop, head)[0]).toMatchObject({ state: 'failure', context: 'migration-guard' });
    expect(shop.comments[0]!.user.login).toBe('migration-guard[bot]');

    const posted = addComment(gh.state, shop, { issue_number: 3, body: '/approve-migration small table', user: 'alice' });
    const cmd = { id: posted.id, body: posted.body, user: { login: 'alice', type: 'User' } };
    const approval = await handleApprovalComment(octokit, repo, { action: 'created', issueNumber: 3, isPullRequest: true, comment: cmd }, settings);
    expect(approval).toMatchObject({ kind: 'accepted', record: { approver: 'alice', reason: 'small table', contentHash: outcome.contentHash } });
    expect(latestStatuses(shop, head)[0]).toMatchObject({ state: 'success' });
    expect(parseState(shop.comments[0]!.body)!.approval).toMatchObject({ approver: 'alice' });
    expect(posted.reactions.map((r) => r.content)).toEqual(['+1']);
    expect(gh.violations).toEqual([]);
    expect(gh.state.responseViolations).toEqual([]);
  });
});
