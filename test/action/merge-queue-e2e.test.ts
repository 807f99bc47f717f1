// End-to-end: the bundled Action on merge_group.checks_requested. A repository that requires
// the migration-guard status and uses a merge queue needs the status on the queue's commit; the
// pull request's approval carries over only when the queued migrations are the approved content.
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { latestStatuses } from '../support/fake-github/index.js';
import { DANGEROUS_MIGRATION, REVIEWED, SAFE_MIGRATION, Scenario, describeRun, useScenarios, type Steps } from './scenario.js';

const { scenario, after } = useScenarios();
const DANGEROUS = { head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' as const } };

function queueStatus(s: Scenario, sha: string) {
  return latestStatuses(s.repo, sha).find((st) => st.context === 'migration-guard');
}

/** The dangerous pull request reviewed, then approved by alice. */
const APPROVED: Steps = {
  name: 'approved by alice',
  after: REVIEWED,
  async run(s) {
    const { run } = await s.runComment('alice', '/approve-migration users.email is unused');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.outputs.approved).toBe('true');
  },
};

describe('merge_group', () => {
  it('an approved dangerous pull request: the queue commit gets a green status from the same content', { timeout: 240_000 }, async () => {
    const s = await after(DANGEROUS, APPROVED);
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
    const s = await after(DANGEROUS, REVIEWED);
    const { run, queueSha } = await s.runMergeGroup();
    expect(run.code, describeRun(run)).toBe(1);
    expect(queueStatus(s, queueSha)).toMatchObject({ state: 'failure', description: 'Merge queue: DANGEROUS migrations not approved; /approve-migration in #12' });
    expect(run.annotations.some((a) => a.level === 'error' && a.properties.file === 'db/migrations/0002_drop_email.up.sql')).toBe(true);
    expectCleanTraffic(s);
  });

  it('an approved pull request that also edits the config: the queue holds the same gate, and the approval carries over', { timeout: 240_000 }, async () => {
    // The pull request switches off the rule that flags it: config-weakened, approved with the rest.
    const s = await after({ ...DANGEROUS, head: { ...DANGEROUS_MIGRATION, '.migration-guard.yml': 'rules:\n  ban-drop-column: off\n' } }, APPROVED);
    const { run, queueSha } = await s.runMergeGroup();
    expect(run.code, describeRun(run)).toBe(0);
    expect(queueStatus(s, queueSha)).toMatchObject({ state: 'success', description: 'Merge queue: DANGEROUS migrations approved by @alice in #12' });
    expectCleanTraffic(s);
  });

  it('an unapproved pull request that switches off the rule that flags it: the queue reviews with the base branch\'s settings and fails', { timeout: 240_000 }, async () => {
    // The queue read the queue commit's config: the DROP COLUMN was CAUTION there, green without approval.
    const s = await after({ ...DANGEROUS, head: { ...DANGEROUS_MIGRATION, '.migration-guard.yml': 'rules:\n  ban-drop-column: off\n' } }, REVIEWED);
    const { run, queueSha } = await s.runMergeGroup();
    expect(run.code, describeRun(run)).toBe(1);
    expect(queueStatus(s, queueSha)).toMatchObject({ state: 'failure', description: 'Merge queue: DANGEROUS migrations not approved; /approve-migration in #12' });
    expectCleanTraffic(s);
  });

  it('the queue changed the approved migrations: the approval does not carry over', { timeout: 240_000 }, async () => {
    const s = await after(DANGEROUS, APPROVED);
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
