// A review refused a dry-run slot (its installation's queue is full) fails closed in-process
// against the fake GitHub: a failing check run and status that say the App is busy and to re-run.
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { ProbotOctokit } from 'probot';
import { dryRunQueue } from '../../src/app/dry-run-queue.js';
import { readAppEnv } from '../../src/app/env.js';
import { reviewPull, type AppDeps } from '../../src/app/review-pull.js';
import type { GitHubClient } from '../../src/github/octokit.js';
import { commitFiles, latestStatuses, makeGitRepo, pullFilesBetween, readCommit, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { AUTHOR, BASE_FILES, DANGEROUS_MIGRATION, NAME, OWNER, PR } from '../action/scenario.js';

let gh: FakeGitHub | null = null;
let dir: string | null = null;
afterEach(async () => {
  await gh?.close();
  gh = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const key = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

describe('a full dry-run queue', () => {
  it('fails the review closed with "busy, re-run" instead of dropping or hanging it', async () => {
    dir = makeGitRepo();
    const baseSha = commitFiles(dir, { ...BASE_FILES, '.github/migration-guard.yml': 'dryRun:\n  enabled: true\n' }, 'base');
    const headSha = commitFiles(dir, DANGEROUS_MIGRATION, 'pull request');
    gh = await startFakeGitHub({
      repos: [
        {
          owner: OWNER,
          name: NAME,
          collaborators: { [AUTHOR]: 'write' },
          pulls: [{ number: PR, author: AUTHOR, head: { sha: headSha, ref: 'feature' }, base: { sha: baseSha, ref: 'main' }, files: pullFilesBetween(dir, baseSha, headSha) }],
          commits: [readCommit(dir, baseSha), readCommit(dir, headSha)],
        },
      ],
      installations: [{ id: 77, account: OWNER, repositories: [`${OWNER}/${NAME}`] }],
      app: { id: 4242, slug: 'migration-guard' },
      tokens: { ghs_app_installation: 'migration-guard[bot]' },
    });
    const octokit = new ProbotOctokit({ auth: { token: 'ghs_app_installation' }, baseUrl: gh.url, retry: { enabled: false } }) as unknown as GitHubClient;
    const env = readAppEnv({ APP_ID: '4242', PRIVATE_KEY: key, WEBHOOK_SECRET: 's', GITHUB_API_URL: gh.url, MIGRATION_GUARD_DRYRUN_QUEUE_LIMIT: '0' });
    const slots = dryRunQueue({ concurrency: env.dryRunConcurrency, perInstallationLimit: env.dryRunQueueLimit });
    // Another review of the same installation holds the only slot and nothing may wait.
    let release!: () => void;
    const held = slots(77, () => new Promise<void>((resolve) => (release = resolve)));
    const deps: AppDeps = {
      octokit,
      env,
      log: () => {},
      identity: async () => 'migration-guard[bot]',
      dryRunSlot: (task) => slots(77, task),
    };
    try {
      const review = await reviewPull(deps, { owner: OWNER, repo: NAME }, { number: PR, headSha });
      expect(review).toMatchObject({ kind: 'busy', message: expect.stringMatching(/no dry-run slot is free; re-run the check/) });
      const shop = gh.state.repos.get(`${OWNER}/${NAME}`)!;
      expect(latestStatuses(shop, headSha)[0]).toMatchObject({ state: 'failure', description: expect.stringMatching(/^migration-guard is busy: /) });
      const runs = shop.checkRuns.filter((r) => r.head_sha === headSha);
      expect(runs.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'migration-guard is busy' } });
      expect(gh.violations).toEqual([]);
    } finally {
      release();
      await held;
    }
  });
});
