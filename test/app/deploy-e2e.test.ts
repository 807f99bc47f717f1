// End-to-end: what deploying the App behind a load balancer and a rolling restart means. Two
// App processes receive the same deliveries (a redelivery, or two replicas both subscribed) and
// must leave one comment, one approval, one consistent status; SIGTERM lets the delivery in
// flight finish instead of leaving its check run in progress.
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { parseState } from '../../src/github/comment-state.js';
import { AppProcess } from './harness.js';
import { useAppScenarios, DANGEROUS_MIGRATION, describeApp } from './scenario.js';
import { randomUUID } from 'node:crypto';

const { scenario } = useAppScenarios();

describe('two replicas, the same deliveries', () => {
  it('one comment, one approval, the same status', { timeout: 180_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
    const second = await AppProcess.start(s.gh.url);
    try {
      const payload = s.pullRequestPayload('opened');
      const id = randomUUID();
      const [a, b] = await Promise.all([s.app.deliver('pull_request', payload, { id }), second.deliver('pull_request', payload, { id })]);
      // 202 when a review outlives GitHub's 10 s answer window (two replicas share the cores here).
      for (const d of [a, b]) expect([200, 202], describeApp(s)).toContain(d.status);
      expect([a.log?.msg, b.log?.msg]).toEqual(['migration-guard: delivery handled', 'migration-guard: delivery handled']);
      expect(s.stickyComments(), describeApp(s)).toHaveLength(1);
      expect(parseState(s.stickyComments()[0]!.body)?.review).toMatchObject({ headSha: s.headSha, needsApproval: true });
      expect(s.status()).toMatchObject({ state: 'failure' });

      // The approval comment reaches both: exactly one records it.
      const comment = s.repo.comments.length;
      const { delivery: first, comment: approval, payload: commentPayload } = await s.comment('alice', '/approve-migration');
      const again = await second.deliver('issue_comment', commentPayload, { id: first.id });
      const outcomes = [first.log?.outcome, again.log?.outcome] as Array<{ kind: string }>;
      expect(outcomes.map((o) => o.kind).sort(), describeApp(s)).toEqual(['accepted', 'ignored']);
      expect(s.reactionsOn(approval.id).filter((r) => r === '+1')).toHaveLength(1);
      expect(s.repo.comments.length).toBe(comment + 1); // the approval itself; no reply, no second sticky comment
      expect(s.stickyComments()).toHaveLength(1);
      expect(parseState(s.stickyComments()[0]!.body)?.approval).toMatchObject({ approver: 'alice' });
      expect(s.status()).toMatchObject({ state: 'success' });
      expectCleanTraffic(s);
    } finally {
      await second.stop();
    }
  });
});

describe('SIGTERM', () => {
  it('lets the delivery in flight finish before exiting', { timeout: 120_000 }, async () => {
    // Finishing the check run fails three times (retried after 1, 4, 9 s): the review outlives
    // the webhook's answer (Probot answers 202 after about 10 s and goes on).
    const s = await scenario({
      head: DANGEROUS_MIGRATION,
      failures: [{ method: 'PATCH', path: '/check-runs/', status: 502, times: 3 }],
      env: { MIGRATION_GUARD_RETRY_BASE_MS: '1000' },
    });
    const delivered = s.pullRequest('opened');
    delivered.catch(() => {});
    // Wait until the review is under way: its check run exists and a write has failed once.
    while (!s.gh.state.requests.some((r) => r.operationId === 'checks/update' && r.status === 502)) await new Promise((r) => setTimeout(r, 50));
    await s.app.stop();
    expect(s.checkRun(), describeApp(s)).toMatchObject({ status: 'completed', conclusion: 'action_required' });
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(s.app.stderr).toContain('SIGTERM, stopping; 1 delivery in flight');
    expect((await delivered).log?.outcome).toMatchObject({ kind: 'published' });
  });
});
