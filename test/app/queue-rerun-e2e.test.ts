// End-to-end: the App on the events teams meet besides pushes — a merge queue's commit, "Re-run
// all checks" on a check suite, and a new installation whose open pull requests were never
// reviewed. The bundled App as a server, signed webhooks from GitHub's examples, the fake GitHub.
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { useAppScenarios, DANGEROUS_MIGRATION, SAFE_MIGRATION, describeApp } from './scenario.js';

const { scenario } = useAppScenarios();

describe('merge_group.checks_requested', () => {
  it('an approved pull request: the queue commit gets a green check run and status', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
    await s.pullRequest('opened');
    const approve = await s.comment('alice', '/approve-migration');
    expect(approve.delivery.log?.outcome, describeApp(s)).toMatchObject({ kind: 'accepted' });

    const { delivery, queueSha } = await s.mergeGroup();
    expect(delivery.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'success' });
    expect(s.status(queueSha)).toMatchObject({ state: 'success', description: 'Merge queue: DANGEROUS migrations approved by @alice in #12' });
    expect(s.checkRun(queueSha)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expectCleanTraffic(s);
  });

  it('an unapproved one, or one whose migrations the queue changed: the queue commit fails', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
    await s.pullRequest('opened');
    const first = await s.mergeGroup();
    expect(first.delivery.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'failure' });
    expect(s.status(first.queueSha)).toMatchObject({ state: 'failure', description: 'Merge queue: DANGEROUS migrations not approved; /approve-migration in #12' });

    await s.comment('alice', '/approve-migration');
    const changed = await s.mergeGroup({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email;\nDROP TABLE users;\n' });
    expect(changed.delivery.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'failure' });
    expect(s.status(changed.queueSha)!.description).toContain('differ from those reviewed in #12');
    expect(s.checkRun(changed.queueSha)).toMatchObject({ conclusion: 'failure' });
    expectCleanTraffic(s);
  });
});

describe('check_suite.rerequested', () => {
  it('"Re-run all checks" reviews the head again', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: SAFE_MIGRATION });
    await s.pullRequest('opened');
    expect(s.checkRuns()).toHaveLength(1);
    const d = await s.rerequestSuite();
    expect(d.log?.outcome, describeApp(s)).toEqual([expect.objectContaining({ kind: 'published', conclusion: 'success' })]);
    expect(s.checkRuns()).toHaveLength(2);
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });

  it("another App's suite is ignored, with no API call", { timeout: 240_000 }, async () => {
    const s = await scenario({ head: SAFE_MIGRATION });
    const d = await s.rerequestSuite({ appId: 999 });
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'ignored' });
    expect(s.gh.state.requests).toEqual([]);
  });
});

describe('installation', () => {
  for (const kind of ['installation', 'installation_repositories'] as const) {
    it(`${kind}: open pull requests are reviewed without waiting for a push`, { timeout: 240_000 }, async () => {
      const s = await scenario({ head: DANGEROUS_MIGRATION });
      const d = await s.installed(kind);
      expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'installation-reviewed', reviewed: 1, failed: 0, deferred: 0 });
      expect(s.checkRun()).toMatchObject({ conclusion: 'action_required' });
      expect(s.status()).toMatchObject({ state: 'failure' });
      expect(s.stickyComments()).toHaveLength(1);
      expectCleanTraffic(s);
    });
  }

  it('stops early when the rate limit runs low and says what it left', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    // Every answer reports an almost spent hour.
    s.gh.state.rateLimitRemaining = 12;
    const d = await s.installed();
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'installation-reviewed', reviewed: 0, deferred: 1 });
    expect(s.checkRuns()).toHaveLength(0);
    expectCleanTraffic(s);
  });
});
