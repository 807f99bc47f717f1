// End-to-end: approvals in the App, by `/approve-migration` comment and by the check run's
// "Approve migration" button, with the Action's rules (permission looked up through the API,
// approvals bound to the migrations' content hash).
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { parseState } from '../../src/github/comment-state.js';

import { AUTHOR, AppScenario, useAppScenarios, DANGEROUS_MIGRATION, describeApp, type AppScenarioOptions } from './scenario.js';

const { scenario } = useAppScenarios();

async function dangerousReviewed(o: Partial<AppScenarioOptions> = {}): Promise<AppScenario> {
  const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write', rita: 'read', mo: 'maintain' }, ...o });
  const d = await s.pullRequest('opened');
  expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
  return s;
}

describe('/approve-migration', () => {
  it('a writer approves: status and check run turn green, the button goes, the comment records it', async () => {
    const s = await dangerousReviewed();
    const { delivery, comment } = await s.comment('alice', '/approve-migration users.email is unused since v3');
    expect(delivery.log?.outcome, describeApp(s)).toMatchObject({ kind: 'accepted', approver: 'alice' });
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.status()!.description).toContain('approved by @alice');
    const run = s.checkRun()!;
    expect(run).toMatchObject({ conclusion: 'success', actions: [] });
    expect(run.output.summary).toMatch(/^✅ \*\*Approved\*\* by @alice/);
    expect(run.output.annotations.length).toBeGreaterThan(0);
    expect(s.checkRuns()).toHaveLength(1);
    // 👀 claims the comment for one delivery; 👍 says it counted.
    expect(s.reactionsOn(comment.id)).toEqual(['eyes', '+1']);
    const state = parseState(s.stickyComments()[0]!.body)!;
    expect(state.approval).toMatchObject({ approver: 'alice', reason: 'users.email is unused since v3', headSha: s.headSha });
    expect(s.replies()).toHaveLength(0);
    expect(s.requestsFor('repos/get-collaborator-permission-level').map((r) => r.path)).toEqual(['/repos/acme/shop/collaborators/alice/permission']);

    // A synchronize for the same head (a rerun) keeps the approval: same migrations.
    const rerun = await s.pullRequest('synchronize');
    expect(rerun.log?.outcome).toMatchObject({ kind: 'published', conclusion: 'success' });
    expect(s.checkRun()!.conclusion).toBe('success');
    expectCleanTraffic(s);
  });

  it('a reader, the author and a bot are refused, each told why; everything stays blocked', async () => {
    const s = await dangerousReviewed({ collaborators: { alice: 'write', rita: 'read', mo: 'maintain', 'renovate[bot]': 'admin' } });
    const { delivery, comment } = await s.comment('rita', '/approve-migration');
    expect(delivery.log?.outcome).toMatchObject({ kind: 'refused' });
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(s.checkRun()!.conclusion).toBe('action_required');
    expect(s.reactionsOn(comment.id)).toEqual(['eyes', '-1']);
    expect(s.replies().map((c) => c.body)).toEqual([
      '@rita, your approval was not recorded: @rita has read access to this repository; approving needs write access or higher.',
    ]);
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toBeNull();

    // The author.
    const author = await s.comment(AUTHOR, '/approve-migration trust me');
    expect(author.delivery.log?.outcome).toMatchObject({ kind: 'refused' });
    expect(s.replies()[1]!.body).toContain('opened this pull request');
    expect(s.checkRun()!.conclusion).toBe('action_required');

    // A bot, even one with admin access.
    const bot = await s.comment('renovate[bot]', '/approve-migration', { commenterType: 'Bot' });
    expect(bot.delivery.log?.outcome).toMatchObject({ kind: 'refused' });
    expect(s.reactionsOn(bot.comment.id)).toEqual(['eyes', '-1']);
    expect(s.replies()[2]!.body).toContain('is a bot');
    expect(s.checkRun()!.conclusion).toBe('action_required');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('the author may approve when the operator allows it', async () => {
    const s = await dangerousReviewed({ env: { MIGRATION_GUARD_ALLOW_AUTHOR_APPROVAL: '1' } });
    const { delivery } = await s.comment(AUTHOR, '/approve-migration trust me');
    expect(delivery.log?.outcome).toMatchObject({ kind: 'accepted', approver: AUTHOR });
    expect(s.checkRun()!.conclusion).toBe('success');
    expectCleanTraffic(s);
  });

  it('an edited comment never approves, and needs no API call to say so', async () => {
    const s = await dangerousReviewed();
    const before = s.gh.state.requests.length;
    const { comment } = await s.comment('alice', 'looks risky');
    const edited = await s.comment('alice', '/approve-migration', { action: 'edited', existing: comment });
    expect(edited.delivery.log?.outcome).toMatchObject({ kind: 'ignored' });
    expect(s.gh.state.requests.length).toBe(before);
    expect(s.checkRun()!.conclusion).toBe('action_required');
    expect(s.reactionsOn(comment.id)).toEqual([]);
    expectCleanTraffic(s);
  });

  it('a comment edited away from the command after it was sent does not approve', async () => {
    const s = await dangerousReviewed();
    const { comment } = await s.comment('alice', 'hello');
    comment.body = 'never mind';
    // The `created` delivery carried the command; the comment as it is now does not.
    const d = await s.app.deliver('issue_comment', s.commentPayload('alice', '/approve-migration', comment.id));
    expect(d.log?.outcome).toMatchObject({ kind: 'ignored', reason: 'the comment no longer starts with /approve-migration' });
    expect(s.checkRun()!.conclusion).toBe('action_required');
    expectCleanTraffic(s);
  });

  it('a push that changes a migration voids the approval; one that does not keeps it', async () => {
    const s = await dangerousReviewed();
    await s.comment('mo', '/approve-migration');
    expect(s.checkRun()!.conclusion).toBe('success');

    s.push({ 'README.md': '# shop\n\nDocs.\n' });
    const keep = await s.pullRequest('synchronize');
    expect(keep.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'success' });
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toMatchObject({ approver: 'mo' });

    s.push({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email;\nDROP TABLE IF EXISTS audit;\n' });
    const voided = await s.pullRequest('synchronize');
    expect(voided.log?.outcome).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    expect(s.status()!.description).toContain('approval by @mo voided');
    expect(s.checkRun()!.actions).toHaveLength(1);
    const state = parseState(s.stickyComments()[0]!.body)!;
    expect(state.approval).toBeNull();
    expect(state.voided.map((v) => v.approver)).toEqual(['mo']);
    expect(s.stickyComments()).toHaveLength(1);
    expectCleanTraffic(s);
  });

  it('a replayed delivery does not approve twice, nor again after the approval was voided', async () => {
    const s = await dangerousReviewed();
    const { delivery, payload } = await s.comment('alice', '/approve-migration');
    expect(delivery.log?.outcome).toMatchObject({ kind: 'accepted' });
    const approvedAt = parseState(s.stickyComments()[0]!.body)!.approval!.at;
    const writesBefore = s.gh.state.requests.filter((r) => r.method !== 'GET').length;

    // GitHub's "Redeliver", or someone replaying the captured request: same id, same signed body.
    const replay = await s.app.deliver('issue_comment', payload, { id: delivery.id });
    expect(replay.log?.outcome).toMatchObject({ kind: 'ignored', reason: 'this comment was already handled (a replayed delivery)' });
    expect(parseState(s.stickyComments()[0]!.body)!.approval!.at).toBe(approvedAt);
    // The only write was the claim GitHub answered 200 ("already there").
    const writes = s.gh.state.requests.filter((r) => r.method !== 'GET').slice(writesBefore);
    expect(writes.map((r) => `${r.operationId} ${r.status}`)).toEqual(['reactions/create-for-issue-comment 200']);

    // The migration changes, the approval is voided; replaying the old approval does not bring it back.
    s.push({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email CASCADE;\n' });
    await s.pullRequest('synchronize');
    expect(s.checkRun()!.conclusion).toBe('action_required');
    const late = await s.app.deliver('issue_comment', payload);
    expect(late.log?.outcome).toMatchObject({ kind: 'ignored' });
    expect(s.checkRun()!.conclusion).toBe('action_required');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });
});

describe('the Approve migration button', () => {
  it('pressed by a writer: approved, green, button gone; pressed again: nothing changes', async () => {
    const s = await dangerousReviewed();
    const run = s.checkRun()!;
    const d = await s.pressApprove('alice', run);
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'accepted', approver: 'alice' });
    expect(s.checkRun()!).toMatchObject({ id: run.id, conclusion: 'success', actions: [] });
    expect(s.checkRun()!.output.summary).toContain('with the Approve button');
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toMatchObject({ approver: 'alice', headSha: s.headSha });
    expect(s.requestsFor('repos/get-collaborator-permission-level').map((r) => r.path)).toEqual(['/repos/acme/shop/collaborators/alice/permission']);

    const again = await s.pressApprove('alice', run);
    expect(again.log?.outcome).toMatchObject({ kind: 'already-approved', approver: 'alice' });
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.replies()).toHaveLength(0);
    expectCleanTraffic(s);
  });

  it('pressed by a reader, the author or a bot: refused, each told why, the check stays action_required', async () => {
    const s = await dangerousReviewed({ collaborators: { alice: 'write', rita: 'read', mo: 'maintain', 'renovate[bot]': 'admin' } });
    const run = s.checkRun()!;
    const d = await s.pressApprove('rita', run);
    expect(d.log?.outcome).toMatchObject({ kind: 'refused' });
    expect(s.checkRun()!).toMatchObject({ conclusion: 'action_required' });
    expect(s.checkRun()!.actions).toHaveLength(1);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(s.replies().map((c) => c.body)).toEqual([
      '@rita, your approval was not recorded: @rita has read access to this repository; approving needs write access or higher.',
    ]);
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toBeNull();

    // The author, and a bot with admin access.
    expect((await s.pressApprove(AUTHOR, run)).log?.outcome).toMatchObject({ kind: 'refused' });
    expect((await s.pressApprove('renovate[bot]', run, { senderType: 'Bot' })).log?.outcome).toMatchObject({ kind: 'refused' });
    expect(s.checkRun()!.conclusion).toBe('action_required');
    expect(s.replies().map((c) => c.body).slice(1)).toEqual([expect.stringContaining('opened this pull request'), expect.stringContaining('is a bot')]);
    expectCleanTraffic(s);
  });

  it('pressed on the check run of an older head: refused', async () => {
    const s = await dangerousReviewed();
    const old = s.checkRun()!;
    s.push({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email CASCADE;\n' });
    await s.pullRequest('synchronize');
    const d = await s.pressApprove('alice', old);
    expect(d.log?.outcome).toMatchObject({ kind: 'refused' });
    expect(s.replies()[0]!.body).toContain('belongs to the review of');
    expect(s.checkRun()!.conclusion).toBe('action_required');
    expectCleanTraffic(s);
  });

  it('finds the pull request through the API when the check run lists none (a fork)', async () => {
    const s = await dangerousReviewed();
    const d = await s.pressApprove('mo', s.checkRun()!, { pullNumbers: [] });
    expect(d.log?.outcome).toMatchObject({ kind: 'accepted', approver: 'mo' });
    // Once to find the pull request, once to see which other open pull requests share the head (and its status).
    expect(s.requestsFor('repos/list-pull-requests-associated-with-commit')).toHaveLength(2);
    expectCleanTraffic(s);
  });
});
