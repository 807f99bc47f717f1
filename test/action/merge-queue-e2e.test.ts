// End-to-end: the bundled Action on merge_group.checks_requested. A repository that requires
// the migration-guard status and uses a merge queue needs the status on the queue's commit; the
// pull request's approval carries over only when the queued migrations are the approved content.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { latestStatuses } from '../support/fake-github/index.js';
import { assertBundleBuilt } from './harness.js';
import { DANGEROUS_MIGRATION, SAFE_MIGRATION, Scenario, describeRun, type ScenarioOptions } from './scenario.js';

beforeAll(() => assertBundleBuilt());

let current: Scenario | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

async function scenario(o: ScenarioOptions): Promise<Scenario> {
  current = await Scenario.create(o);
  return current;
}

function queueStatus(s: Scenario, sha: string) {
  return latestStatuses(s.repo, sha).find((st) => st.context === 'migration-guard');
}

describe('merge_group', () => {
  it('an approved dangerous pull request: the queue commit gets a green status from the same content', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
    expect((await s.runPullRequest('opened')).code).toBe(1);
    const { run: approve } = await s.runComment('alice', '/approve-migration users.email is unused');
    expect(approve.code, describeRun(approve)).toBe(0);

    const { run, queueSha } = await s.runMergeGroup();
    expect(run.code, describeRun(run)).toBe(0);
    expect(queueStatus(s, queueSha)).toMatchObject({ state: 'success', description: 'Merge queue: DANGEROUS migrations approved by @alice in #12' });
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', approved: 'true', 'needs-approval': 'true' });
    // No comment is written for a queue entry.
    expect(s.repo.comments.filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1);
    expect(run.stdout).not.toMatch(/::warning::migration-guard reviews pull requests/);
    expectCleanTraffic(s);
  });

  it('an unapproved dangerous pull request: the queue commit fails and the job fails', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    await s.runPullRequest('opened');
    const { run, queueSha } = await s.runMergeGroup();
    expect(run.code, describeRun(run)).toBe(1);
    expect(queueStatus(s, queueSha)).toMatchObject({ state: 'failure', description: 'Merge queue: DANGEROUS migrations not approved; /approve-migration in #12' });
    expect(run.annotations.some((a) => a.level === 'error' && a.properties.file === 'db/migrations/0002_drop_email.up.sql')).toBe(true);
    expectCleanTraffic(s);
  });

  it('the queue changed the approved migrations: the approval does not carry over', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
    await s.runPullRequest('opened');
    await s.runComment('alice', '/approve-migration');
    const { run, queueSha } = await s.runMergeGroup({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email;\nDROP TABLE users;\n' });
    expect(run.code, describeRun(run)).toBe(1);
    expect(queueStatus(s, queueSha)).toMatchObject({ state: 'failure' });
    expect(queueStatus(s, queueSha)!.description).toContain('differ from those reviewed in #12');
    expectCleanTraffic(s);
  });

  it('a safe pull request and one without migrations: green on the queue commit', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: SAFE_MIGRATION });
    const { run, queueSha } = await s.runMergeGroup();
    expect(run.code, describeRun(run)).toBe(0);
    expect(queueStatus(s, queueSha)).toMatchObject({ state: 'success', description: 'Merge queue: migrations reviewed, SAFE, no approval needed' });
    expectCleanTraffic(s);
  });
});
