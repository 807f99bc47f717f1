// The lost approval race, made exact with a proxy that holds one run's write of the sticky
// comment: a review of the same head reads the comment, its write is held, an approval runs to
// the end (👍, green status), and only then does the review's write land. Before the fix that
// write replaced the approval and the review set the status red. The App runs as two real
// replicas (the review through the proxy, the approval directly); the Action as two processes.
import { afterEach, describe, expect, it } from 'vitest';
import { parseState } from '../../src/github/comment-state.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { startDelayProxy, type DelayProxy, type ProxiedRequest } from '../support/delay-proxy.js';
import { AppProcess } from '../app/harness.js';
import { DANGEROUS_MIGRATION as APP_DANGEROUS, describeApp, useAppScenarios } from '../app/scenario.js';
import { assertBundleBuilt } from '../action/harness.js';
import { DANGEROUS_MIGRATION, Scenario, describeRun } from '../action/scenario.js';

const { scenario } = useAppScenarios();

/** The sticky comment's update (not a reaction, not a reply). */
const stickyWrite = (r: ProxiedRequest) => r.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(r.path) && r.body.includes('migration-guard-state');

let proxy: DelayProxy | null = null;
let replica: AppProcess | null = null;
let action: Scenario | null = null;
afterEach(async () => {
  await replica?.stop();
  await proxy?.close();
  await action?.close();
  replica = proxy = action = null;
});

describe('a review whose write was sent before an approval and lands after it', () => {
  it('the App (two replicas): the approval stays, the status and the check run end green', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: APP_DANGEROUS, collaborators: { alice: 'write' } });
    const opened = await s.pullRequest('opened');
    expect(opened.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });

    proxy = await startDelayProxy(s.gh.url);
    replica = await AppProcess.start(proxy.url, { MIGRATION_GUARD_REQUEST_TIMEOUT_MS: '120000' });
    const held = proxy.holdNext(stickyWrite);
    // A re-review of the same head (a redelivery, "Re-run"), on the other replica.
    const review = replica.deliver('pull_request', s.pullRequestPayload('synchronize'));
    const write = await held;

    const { delivery, comment } = await s.comment('alice', '/approve-migration the column is unused since v3');
    expect(delivery.log?.outcome, describeApp(s)).toMatchObject({ kind: 'accepted', approver: 'alice' });
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.reactionsOn(comment.id)).toContain('+1');

    write.release();
    const reviewed = await review;
    expect(reviewed.log?.outcome, `${replica.stdout.slice(-4000)}`).toMatchObject({ kind: 'published', conclusion: 'success' });
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toMatchObject({ approver: 'alice', reason: 'the column is unused since v3', headSha: s.headSha });
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.stickyComments()[0]!.body).toContain('Approved** by @alice');
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.status()!.description).toContain('approved by @alice');
    expect(s.checkRun()).toMatchObject({ conclusion: 'success', actions: [] });
    expectCleanTraffic(s);
  });

  it('the Action (two runs): the approval stays, the status ends green, the review run passes', { timeout: 300_000 }, async () => {
    assertBundleBuilt();
    const s = (action = await Scenario.create({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } }));
    const opened = await s.runPullRequest('opened');
    expect(opened.code, describeRun(opened)).toBe(1);

    proxy = await startDelayProxy(s.gh.url);
    const held = proxy.holdNext(stickyWrite);
    const review = s.runPullRequest('synchronize', {}, { GITHUB_API_URL: proxy.url, MIGRATION_GUARD_REQUEST_TIMEOUT_MS: '120000' });
    const write = await held;

    const approve = await s.runComment('alice', '/approve-migration checked');
    expect(approve.run.outputs.approved, describeRun(approve.run)).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });

    write.release();
    const reviewed = await review;
    expect(reviewed.code, describeRun(reviewed)).toBe(0);
    expect(reviewed.outputs.approved).toBe('true');
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toMatchObject({ approver: 'alice', reason: 'checked' });
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });
});
