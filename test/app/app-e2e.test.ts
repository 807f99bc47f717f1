// End-to-end: the bundled App (dist/app.js) as a real server process, receiving signed webhooks
// built from GitHub's published examples, against the fake GitHub that checks every request
// against GitHub's OpenAPI description. Each test ends by asserting the traffic was clean.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { parseState } from '../../src/github/comment-state.js';
import { appBundle, appPrivateKey } from './harness.js';
import { useAppScenarios, DANGEROUS_MIGRATION, SAFE_MIGRATION, describeApp } from './scenario.js';

const { scenario } = useAppScenarios();

describe('pull_request', () => {
  it('a safe pull request: a green check run and status, one comment, files read through the API', async () => {
    const s = await scenario({ head: SAFE_MIGRATION });
    const d = await s.pullRequest('opened');
    expect(d.status, describeApp(s)).toBe(200);
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'success' });
    const run = s.checkRun()!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success', actions: [] });
    expect(run.output.summary).toContain('0002_add_nickname');
    expect(run.output.summary).toContain('Configuration: defaults');
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.stickyComments()).toHaveLength(1);
    // No clone: a tree listing per commit and one blob per migration file, nothing else of the tree.
    const blobs = s.requestsFor('git/get-blob');
    expect(s.requestsFor('git/get-tree').map((r) => r.query)).toEqual(expect.arrayContaining(['?recursive=1']));
    expect(blobs.length).toBeGreaterThan(0);
    expect(blobs.length).toBeLessThanOrEqual(4);
    // The App authenticated as the installation, with a token it got using its JWT.
    expect(s.requestsFor('apps/create-installation-access-token')).toHaveLength(1);
    expect(s.requestsFor('pulls/get').every((r) => r.auth?.startsWith(`token ghs_fake_${s.installation}_`))).toBe(true);
    expectCleanTraffic(s);
  });

  it('a dangerous pull request: action_required with the Approve button, annotations at file and line', async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    const run = s.checkRun()!;
    expect(run.conclusion).toBe('action_required');
    expect(run.actions).toEqual([{ label: 'Approve migration', description: 'Record your approval of these migrations', identifier: 'approve-migration' }]);
    expect(run.details_url).toContain('#issuecomment-');
    expect(run.output.title).toBe('DANGEROUS migrations need /approve-migration by someone with write access');
    const failures = (run.output.annotations as Array<Record<string, unknown>>).filter((a) => a.annotation_level === 'failure');
    expect(failures[0]).toMatchObject({ path: 'db/migrations/0002_drop_email.up.sql', start_line: 2, end_line: 2 });
    expect(s.status()).toMatchObject({ state: 'failure' });
    const sticky = s.stickyComments();
    expect(sticky).toHaveLength(1);
    expect(parseState(sticky[0]!.body)?.review).toMatchObject({ headSha: s.headSha, risk: 'DANGEROUS', needsApproval: true });
    expectCleanTraffic(s);
  });

  it('a pull request without migration changes: success and no comment', async () => {
    const s = await scenario({ head: { 'README.md': '# shop\n\nNow with docs.\n' } });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'success' });
    expect(s.checkRun()!.output.title).toBe('No migration changes');
    expect(s.repo.comments).toHaveLength(0);
    expectCleanTraffic(s);
  });

  it('serves Probot’s health endpoint', async () => {
    const s = await scenario({ head: SAFE_MIGRATION });
    expect(await s.app.ping()).toBe('PONG');
    expect(s.gh.state.requests).toHaveLength(0);
  });
});

describe('start', () => {
  it('a missing or bad setting stops the start with one line naming it (exit 2)', () => {
    const run = (env: Record<string, string>) => {
      const cwd = mkdtempSync(path.join(tmpdir(), 'mg-app-env-'));
      try {
        return spawnSync(process.execPath, [appBundle()], {
          cwd,
          env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
          encoding: 'utf8',
          timeout: 30_000,
        });
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    };
    const noSecret = run({ APP_ID: '1', PRIVATE_KEY: appPrivateKey() });
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr.trim()).toMatch(/^migration-guard app: WEBHOOK_SECRET: is not set/);
    const noId = run({ PRIVATE_KEY: appPrivateKey(), WEBHOOK_SECRET: 's' });
    expect(noId.status).toBe(2);
    expect(noId.stderr.trim()).toMatch(/^migration-guard app: APP_ID: is not set/);
    const badFlag = run({ APP_ID: '1', PRIVATE_KEY: appPrivateKey(), WEBHOOK_SECRET: 's', MIGRATION_GUARD_ALLOW_SERVER_DRYRUN: 'maybe' });
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
