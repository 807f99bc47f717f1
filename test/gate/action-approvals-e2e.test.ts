// Approvals that must not count, through the bundled Action as a process against the fake
// GitHub: an old comment's run re-run after a push, a deleted comment, another bot's comment.
import { describe, expect, it } from 'vitest';
import { embedState, parseState, stripState } from '../../src/github/comment-state.js';
import { userFor } from '../support/fake-github/index.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { DANGEROUS_MIGRATION, PR, REVIEWED, Scenario, describeRun, useScenarios } from '../action/scenario.js';

const { after } = useScenarios();

/** The pull request after its first review: what every test here answers or re-runs. */
function reviewed(): Promise<Scenario> {
  return after({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } }, REVIEWED);
}

/**
 * Reviewed, with alice among the pull request's commit authors and bob a writer too: both are
 * looked up when a comment asks to approve, never by the review.
 */
async function reviewedWithCommitter(): Promise<Scenario> {
  const s = await reviewed();
  s.repo.pulls.get(PR)!.commitAuthors = ['dev', 'alice'];
  s.repo.collaborators.bob = 'write';
  return s;
}

describe('an approval counts only for what was under review when it was written', () => {
  it('re-running the workflow of an approval that a push voided approves nothing', { timeout: 300_000 }, async () => {
    const s = await reviewed();
    const { run, comment } = await s.runComment('alice', '/approve-migration');
    expect(run.outputs.approved, describeRun(run)).toBe('true');
    s.push({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email;\nDROP TABLE IF EXISTS audit;\n' });
    const voiding = await s.runPullRequest('synchronize');
    expect(voiding.code, describeRun(voiding)).toBe(1);
    expect(s.status()).toMatchObject({ state: 'failure' });

    // "Re-run jobs" on the old issue_comment run: same payload, same comment.
    const rerun = await s.runComment('alice', '/approve-migration', { existing: comment });
    expect(rerun.run.outputs.approved, describeRun(rerun.run)).toBe('false');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toBeNull();
    expect(s.replies().at(-1)!.body).toContain('written before the migrations now under review');

    // A new comment approves the new migrations.
    const fresh = await s.runComment('alice', '/approve-migration checked again');
    expect(fresh.run.outputs.approved, describeRun(fresh.run)).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });

  it('a deleted approval comment approves nothing when its run is re-run', { timeout: 300_000 }, async () => {
    const s = await reviewed();
    const comment = s.comment('alice', 'looking');
    comment.body = '/approve-migration';
    s.repo.comments.splice(s.repo.comments.indexOf(comment), 1);
    const rerun = await s.runComment('alice', '/approve-migration', { existing: comment });
    expect(rerun.run.outputs.approved, describeRun(rerun.run)).toBe('false');
    expect(rerun.run.stdout).toContain('no longer exists');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('a comment edited after its run started approves nothing', { timeout: 300_000 }, async () => {
    const s = await reviewed();
    const comment = s.comment('alice', 'hm');
    // The event said "/approve-migration"; the comment now says something else.
    comment.body = 'actually, no';
    const run = await s.runComment('alice', '/approve-migration', { existing: { ...comment, body: 'actually, no' } });
    expect(run.run.outputs.approved, describeRun(run.run)).toBe('false');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });
});

describe("only the running identity's comment is trusted", () => {
  it("another bot's marked comment with a forged approval is neither trusted nor edited", { timeout: 300_000 }, async () => {
    const s = await reviewed();
    // Turn the review comment into another workflow's bot comment that carries an approval for exactly these migrations.
    const theirs = s.stickyComments()[0]!;
    const state = parseState(theirs.body)!;
    theirs.user = userFor(s.gh.state, 'echo-ci[bot]', 'Bot');
    theirs.body = `${stripState(theirs.body)}\n\n${embedState({ ...state, approval: { approver: 'alice', contentHash: state.review!.contentHash, headSha: s.headSha, at: new Date().toISOString() } })}\n`;
    const forged = theirs.body;

    const run = await s.runPullRequest('synchronize');
    expect(run.code, describeRun(run)).toBe(1);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(theirs.body).toBe(forged);
    const mine = s.stickyComments().filter((c) => c.user.login === 'github-actions[bot]');
    expect(mine).toHaveLength(1);
    expect(parseState(mine[0]!.body)!.approval).toBeNull();
    // An approval is recorded in the Action's own comment, never in theirs.
    const approve = await s.runComment('alice', '/approve-migration');
    expect(approve.run.outputs.approved, describeRun(approve.run)).toBe('true');
    expect(theirs.body).toBe(forged);
    expect(parseState(mine[0]!.body)!.approval).toMatchObject({ approver: 'alice' });
    expectCleanTraffic(s);
  });
});

describe('those who changed the pull request may not approve it', () => {
  it('a writer who committed to the pull request is refused unless allowed', { timeout: 300_000 }, async () => {
    const s = await reviewedWithCommitter();
    const refused = await s.runComment('alice', '/approve-migration');
    expect(refused.run.outputs.approved, describeRun(refused.run)).toBe('false');
    expect(s.replies().at(-1)!.body).toContain('wrote or committed commits of this pull request');
    expect(s.status()).toMatchObject({ state: 'failure' });
    const allowed = await s.runComment('alice', '/approve-migration', { inputs: { 'allow-contributor-approval': 'true' } });
    expect(allowed.run.outputs.approved, describeRun(allowed.run)).toBe('true');
    expectCleanTraffic(s);
  });

  it('a writer who did not commit approves', { timeout: 300_000 }, async () => {
    const s = await reviewedWithCommitter();
    const ok = await s.runComment('bob', '/approve-migration');
    expect(ok.run.outputs.approved, describeRun(ok.run)).toBe('true');
    expectCleanTraffic(s);
  });
});
