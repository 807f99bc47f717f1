// The gate a pull request cannot open for itself, through the bundled App as a server receiving
// signed webhooks, against the fake GitHub.
import { describe, expect, it } from 'vitest';
import { embedState, parseState, stripState } from '../../src/github/comment-state.js';
import { addComment, userFor } from '../support/fake-github/index.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { BOT, DANGEROUS_MIGRATION, PR, describeApp, useAppScenarios } from '../app/scenario.js';

const { scenario } = useAppScenarios();
const LOCKED = "SET lock_timeout = '5s';\n";

describe('what the pull request adds', () => {
  it('an ignore-file it adds over DROP COLUMN still needs approval', { timeout: 300_000 }, async () => {
    const s = await scenario({
      head: { 'db/migrations/0002_drop_email.up.sql': `-- migration-guard-ignore-file\n${LOCKED}ALTER TABLE users DROP COLUMN email;\n`, 'db/migrations/0002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n' },
    });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(s.stickyComments()[0]!.body).toContain('ban-drop-column');
    expectCleanTraffic(s);
  });

  it('a config that weakens the gate is a finding naming each setting', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: { '.migration-guard.yml': 'approvalRisk: DANGEROUS\nignore: ["db/**"]\ntableStats:\n  users: { rows: 1 }\n' } });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    const summary = s.checkRun()!.output.summary!;
    expect(summary).toContain('ignore');
    expect(summary).toContain('tableStats.public.users');
    expect(summary).not.toContain('approvalRisk (');
    expectCleanTraffic(s);
  });
});

describe('approvals', () => {
  it('a comment written before the migrations under review approves nothing, even delivered late', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
    await s.pullRequest('opened');
    s.push({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email;\nDROP TABLE IF EXISTS audit;\n' });
    // alice approves the old version; the review of the push lands before her comment is delivered.
    const early = addComment(s.gh.state, s.repo, { issue_number: PR, body: '/approve-migration', user: 'alice' });
    early.created_at = new Date(Date.now() - 60_000).toISOString();
    await s.pullRequest('synchronize');
    const d = await s.app.deliver('issue_comment', s.commentPayload('alice', '/approve-migration', early.id));
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'refused' });
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it("a predecessor's approval is honoured only when it covers these migrations and its approver really approved", { timeout: 300_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
    await s.pullRequest('opened');
    // The App's comment becomes the Action's, with alice's approval of exactly these migrations in its state.
    const theirs = s.stickyComments()[0]!;
    const state = parseState(theirs.body)!;
    theirs.user = userFor(s.gh.state, 'github-actions[bot]', 'Bot');
    theirs.body = `${stripState(theirs.body)}\n\n${embedState({ ...state, approval: { approver: 'alice', contentHash: state.review!.contentHash, headSha: s.headSha, at: new Date().toISOString() } })}\n`;
    const before = theirs.body;

    // No comment of alice's says so: a forged claim, not honoured.
    const forged = await s.pullRequest('synchronize');
    expect(forged.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    expect(theirs.body).toBe(before);
    const mine = s.stickyComments().filter((c) => c.user.login === BOT);
    expect(mine).toHaveLength(1);

    // Once alice's approval comment is there (the Action recorded it), the App honours it; it never edits the Action's comment.
    addComment(s.gh.state, s.repo, { issue_number: PR, body: '/approve-migration', user: 'alice' });
    mine[0]!.body = mine[0]!.body.replace(/<!-- migration-guard-state [^>]*-->/, '');
    s.repo.comments.splice(s.repo.comments.indexOf(mine[0]!), 1);
    const honoured = await s.pullRequest('synchronize');
    expect(honoured.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'success' });
    expect(theirs.body).toBe(before);
    expect(parseState(s.stickyComments().find((c) => c.user.login === BOT)!.body)!.approval).toMatchObject({ approver: 'alice' });
    expectCleanTraffic(s);
  });
});
