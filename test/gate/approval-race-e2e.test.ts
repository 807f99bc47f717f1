// The lost approval race, made exact with a proxy that holds one run's write of the sticky
// comment: a review of the same head reads the comment, its write is held, an approval runs to
// the end (👍, green status), and only then does the review's write land. Before the fix that
// write replaced the approval and the review set the status red. The App runs as two real
// replicas (the review through the proxy, the approval directly); the Action as two processes.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseState } from '../../src/github/comment-state.js';
import { addComment } from '../support/fake-github/index.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { startDelayProxy, type DelayProxy, type ProxiedRequest } from '../support/delay-proxy.js';
import { AppProcess, type AppClient } from '../app/harness.js';
import { DANGEROUS_MIGRATION as APP_DANGEROUS, PR, describeApp, useAppScenarios, type AppScenario } from '../app/scenario.js';
import { assertBundleBuilt } from '../action/harness.js';
import { DANGEROUS_MIGRATION, Scenario, describeRun } from '../action/scenario.js';

const { scenario } = useAppScenarios();

/** The sticky comment's update (not a reaction, not a reply). */
const stickyWrite = (r: ProxiedRequest) => r.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(r.path) && r.body.includes('migration-guard-state');

let proxy: DelayProxy | null = null;
let action: Scenario | null = null;
afterEach(async () => {
  await proxy?.close();
  await action?.close();
  proxy = action = null;
});

const ENV = { MIGRATION_GUARD_REQUEST_TIMEOUT_MS: '120000' };

/**
 * Replicas whose every request goes through a proxy of their own, shared by the file's tests like
 * the main App (test/app/scenario.ts): the fake GitHub keeps its URL and each test has its own
 * installation. A replica is only handed to the next test when nothing of this one is left on it
 * (a delivery under way, a hold that never matched) and the test passed; otherwise it and its
 * proxy go.
 */
interface Replica {
  app: AppProcess;
  proxy: DelayProxy;
  /** Holds asked for and not yet matched. */
  holds: number;
}
const replicas: Replica[] = [];
afterEach(async (ctx) => {
  for (const r of [...replicas]) {
    if (ctx.task.result?.state === 'fail' || r.holds > 0 || !r.app.idle) {
      replicas.splice(replicas.indexOf(r), 1);
      await r.app.stop();
      await r.proxy.close();
    }
  }
});
afterAll(async () => {
  for (const r of replicas.splice(0)) {
    await r.app.stop();
    await r.proxy.close();
  }
});

/** The test's `n`th replica behind its proxy (0 first), as this test sees it. */
async function replicaBehindProxy(s: AppScenario, n = 0): Promise<{ app: AppClient; proxy: Pick<DelayProxy, 'holdNext'> }> {
  while (replicas.length <= n) {
    const p = await startDelayProxy(s.gh.url);
    try {
      replicas.push({ app: await AppProcess.start(p.url, ENV), proxy: p, holds: 0 });
    } catch (e) {
      await p.close();
      throw e;
    }
  }
  const r = replicas[n]!;
  return {
    app: r.app.view(),
    proxy: {
      holdNext: (test) => {
        r.holds += 1;
        return r.proxy.holdNext(test).then((held) => {
          r.holds -= 1;
          return held;
        });
      },
    },
  };
}

/** alice comments `/approve-migration`; `app` receives the delivery. */
function approveOn(s: AppScenario, app: AppClient, body = '/approve-migration') {
  const comment = addComment(s.gh.state, s.repo, { issue_number: PR, body, user: { login: 'alice' } });
  return app.deliver('issue_comment', s.commentPayload('alice', body, comment.id));
}

/** The second read of the pull request's comments by one run: the read after its status. */
function secondCommentRead(): (r: ProxiedRequest) => boolean {
  let reads = 0;
  return (r) => r.method === 'GET' && new RegExp(`/issues/${PR}/comments(\\?|$)`).test(r.path) && ++reads === 2;
}

describe('a review whose write was sent before an approval and lands after it', () => {
  it('the App (two replicas): the approval stays, the status and the check run end green', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: APP_DANGEROUS, collaborators: { alice: 'write' } });
    const opened = await s.pullRequest('opened');
    expect(opened.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });

    const replica = await replicaBehindProxy(s);
    const held = replica.proxy.holdNext(stickyWrite);
    // A re-review of the same head (a redelivery, "Re-run"), on the other replica.
    const review = replica.app.deliver('pull_request', s.pullRequestPayload('synchronize'));
    const write = await held;

    const { delivery, comment } = await s.comment('alice', '/approve-migration the column is unused since v3');
    expect(delivery.log?.outcome, describeApp(s)).toMatchObject({ kind: 'accepted', approver: 'alice' });
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.reactionsOn(comment.id)).toContain('+1');

    write.release();
    const reviewed = await review;
    expect(reviewed.log?.outcome, `${replica.app.stdout.slice(-4000)}`).toMatchObject({ kind: 'published', conclusion: 'success' });
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

describe('an approval whose write was sent before a review of a newer head and lands after it', () => {
  it('the review reads the comment after that write: it keeps the approval (same migrations) and ends green', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: APP_DANGEROUS, collaborators: { alice: 'write' } });
    expect((await s.pullRequest('opened')).log?.outcome, describeApp(s)).toMatchObject({ conclusion: 'action_required' });
    const approver = await replicaBehindProxy(s, 0);
    const reviewer = await replicaBehindProxy(s, 1);

    const approvalWrite = approver.proxy.holdNext(stickyWrite);
    const approving = approveOn(s, approver.app);
    const heldApproval = await approvalWrite;

    // A push that changes no migration, reviewed on the other replica up to its re-read.
    s.push({ 'README.md': '# shop\n\nDocs.\n' });
    const reread = reviewer.proxy.holdNext(secondCommentRead());
    const reviewing = reviewer.app.deliver('pull_request', s.pullRequestPayload('synchronize'));
    const heldRead = await Promise.race([
      reread,
      reviewing.then(() => Promise.reject(new Error('the review finished without reading the comment again after its status'))),
    ]);
    expect(s.status()).toMatchObject({ state: 'failure' });

    heldApproval.release();
    expect((await approving).log?.outcome).toMatchObject({ kind: 'accepted', approver: 'alice' });
    heldRead.release();
    const reviewed = await reviewing;
    expect(reviewed.log?.outcome, reviewer.app.stdout.slice(-4000)).toMatchObject({ kind: 'published', conclusion: 'success' });
    const state = parseState(s.stickyComments()[0]!.body)!;
    expect(state.review!.headSha).toBe(s.headSha);
    expect(state.approval).toMatchObject({ approver: 'alice' });
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.checkRun()!.conclusion).toBe('success');
    expectCleanTraffic(s);
  });

  it('the review finished before that write landed: the gate stays closed (the documented window); a re-run opens it', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: APP_DANGEROUS, collaborators: { alice: 'write' } });
    expect((await s.pullRequest('opened')).log?.outcome, describeApp(s)).toMatchObject({ conclusion: 'action_required' });
    const older = s.headSha;
    const approver = await replicaBehindProxy(s);

    const approvalWrite = approver.proxy.holdNext(stickyWrite);
    const approving = approveOn(s, approver.app);
    const heldApproval = await approvalWrite;
    s.push({ 'README.md': '# shop\n\nDocs.\n' });
    expect((await s.pullRequest('synchronize')).log?.outcome, describeApp(s)).toMatchObject({ conclusion: 'action_required' });

    heldApproval.release();
    expect((await approving).log?.outcome).toMatchObject({ kind: 'accepted', approver: 'alice' });
    // The older review is back in the comment with the approval; the new head stays red, never wrongly green.
    expect(parseState(s.stickyComments()[0]!.body)!.review!.headSha).toBe(older);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(s.checkRun()!.conclusion).toBe('action_required');

    // "Re-run": the review of the new head finds the approval of the same migrations.
    const rerun = await s.rerequest(s.checkRun()!);
    expect(rerun.log?.outcome, describeApp(s)).toMatchObject([{ kind: 'published', conclusion: 'success' }]);
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });
});
