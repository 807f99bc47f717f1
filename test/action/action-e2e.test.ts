// End-to-end: the bundled Action (dist/index.js) as its own process against the fake GitHub,
// with real git workspaces. Every request it makes is checked against GitHub's OpenAPI
// description; each test ends by asserting there was no violation.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/github/comment-state.js';
import { AUTHOR, DANGEROUS_MIGRATION, REVIEWED, SAFE_MIGRATION, Scenario, describeRun, useScenarios } from './scenario.js';

const { scenario, after, fresh } = useScenarios();
const DANGEROUS = { head: DANGEROUS_MIGRATION, collaborators: { alice: 'write', rita: 'read', mo: 'maintain' } } as const;

/**
 * The dangerous pull request after its first review, for the tests about what comes after it
 * (approvals, reruns, pushes); the review itself is the subject of 'a dangerous pull request'.
 */
function dangerousReviewed(): Promise<Scenario> {
  return after(DANGEROUS, REVIEWED);
}

function reactionsOn(s: Scenario, commentId: number): string[] {
  return s.repo.comments.find((c) => c.id === commentId)!.reactions.map((r) => r.content);
}

describe('pull_request', () => {
  it('a safe pull request: green status, one comment, outputs and reports', async () => {
    const s = await scenario({ head: SAFE_MIGRATION });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(0);
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.statusHistory()[0]).toMatchObject({ state: 'pending' });
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.stickyComments()[0]!.body).toContain('0002_add_nickname');
    expect(run.outputs).toMatchObject({ risk: 'SAFE', approved: 'true', 'needs-approval': 'false' });
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report).toMatchObject({ version: 1, risk: 'SAFE' });
    expect(report.migrations.map((m: { path: string }) => m.path)).toEqual(['db/migrations/0002_add_nickname.up.sql']);
    const sarif = JSON.parse(readFileSync(run.outputs.sarif!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(run.summary).toContain('0002_add_nickname');
    expectCleanTraffic(s);
  });

  it('a dangerous pull request: failing status that says why, annotations at file and line, job fails; when its migrations leave the pull request, its old comment says so', async () => {
    const { s, result: run } = await fresh(DANGEROUS, REVIEWED);
    expect(run.code, describeRun(run)).toBe(1);
    const status = s.status()!;
    expect(status.state).toBe('failure');
    expect(status.description).toMatch(/^DANGEROUS migrations need \/approve-migration by someone with write access$/);
    expect(status.description!.length).toBeLessThanOrEqual(140);
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', approved: 'false', 'needs-approval': 'true' });
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.properties).toMatchObject({ file: 'db/migrations/0002_drop_email.up.sql', line: '2' });
    const sticky = s.stickyComments();
    expect(sticky).toHaveLength(1);
    expect(sticky[0]!.body).toContain('**This change needs approval**');
    expect(parseState(sticky[0]!.body)?.review).toMatchObject({ headSha: s.headSha, risk: 'DANGEROUS', needsApproval: true });
    const sarif = JSON.parse(readFileSync(run.outputs.sarif!, 'utf8'));
    expect(sarif.runs[0].results.some((r: { level: string }) => r.level === 'error')).toBe(true);

    // The migrations leave the pull request: green, and the same comment is updated to say so.
    s.push({ 'db/migrations/0002_drop_email.up.sql': null, 'db/migrations/0002_drop_email.down.sql': null }, 'drop the migration');
    const after = await s.runPullRequest('synchronize');
    expect(after.code, describeRun(after)).toBe(0);
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.stickyComments()[0]!.id).toBe(sticky[0]!.id);
    expect(s.stickyComments()[0]!.body).toContain('no longer changes any migration');
    expectCleanTraffic(s);
  });

  it('a pull request without migration changes: green status and no comment', async () => {
    const s = await scenario({ head: { 'README.md': '# shop\n\nNow with docs.\n' } });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(0);
    expect(s.status()).toMatchObject({ state: 'success', description: 'No migration changes' });
    expect(s.repo.comments).toHaveLength(0);
    expect(run.outputs.risk).toBe('NONE');
    expectCleanTraffic(s);
  });

  // Three runs: the first (the kept review) wrote the comment, the second finds and updates it,
  // the third starts from the state the second left (further runs would repeat the third).
  it('reruns (three runs of one head) leave exactly one comment', { timeout: 300_000 }, async () => {
    const s = await dangerousReviewed();
    for (let i = 0; i < 2; i++) {
      const run = await s.runPullRequest('synchronize');
      expect(run.code, describeRun(run)).toBe(1);
    }
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.repo.comments).toHaveLength(1);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('finds its comment among 150 others (pagination) and ignores a person pasting its marker', async () => {
    const s = await dangerousReviewed();
    const mine = s.stickyComments()[0]!;
    // Push it to page 2 of 100: 150 comments after it, one of them a human copying the marker.
    const repo = s.repo;
    repo.comments.splice(0, repo.comments.length);
    for (let i = 0; i < 140; i++) repo.comments.push({ ...mine, id: 10_000 + i, body: `comment ${i}`, user: { login: 'someone', type: 'User', id: 77 }, reactions: [] });
    repo.comments.push({ ...mine, id: 20_000, user: { login: 'mallory', type: 'User', id: 78 }, reactions: [] });
    repo.comments.push(mine);
    for (let i = 0; i < 10; i++) repo.comments.push({ ...mine, id: 30_000 + i, body: `later ${i}`, user: { login: 'someone', type: 'User', id: 77 }, reactions: [] });
    const seen = s.gh.state.requests.length;
    const run = await s.runPullRequest('synchronize');
    expect(run.code, describeRun(run)).toBe(1);
    expect(s.stickyComments().map((c) => c.id)).toEqual([mine.id]);
    expect(repo.comments).toHaveLength(152);
    const listed = s.gh.state.requests.slice(seen).filter((r) => r.operationId === 'issues/list-comments');
    // Read before writing and again after the status (src/github/sticky-sync.ts): each read pages through.
    expect(listed.map((r) => new URLSearchParams(r.query).get('page') ?? '1')).toEqual(['1', '2', '1', '2']);
    expectCleanTraffic(s);
  });
});

describe('dry-run and forks', () => {
  it('dry-runs the migrations on PGlite when asked', { timeout: 120_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    const run = await s.runPullRequest('opened', { 'dry-run': 'true' });
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.migrations[0].dryRun).toMatchObject({ engine: 'pglite', status: 'passed' });
    expectCleanTraffic(s);
  });

  it('pull_request_target: reads the PR from a separate path and the config from the trusted base', async () => {
    // The pull request tries to switch off the rule that flags it.
    const s = await scenario({
      head: { ...DANGEROUS_MIGRATION, '.migration-guard.yml': 'rules:\n  ban-drop-column: off\n  require-lock-timeout: off\n  rollback-data-loss: off\n' },
    });
    const workspace = mkdtempSync(path.join(tmpdir(), 'mg-target-'));
    try {
      writeFileSync(path.join(workspace, '.migration-guard.yml'), 'pgVersion: 15\n');
      execFileSync('git', ['-C', s.dir, 'worktree', 'add', '-q', '--detach', path.join(workspace, 'pr'), s.headSha]);
      const run = await s.runPullRequest('opened', { 'working-directory': 'pr' }, {}, { event: 'pull_request_target', workspace });
      expect(run.code, describeRun(run)).toBe(1);
      expect(run.outputs.risk).toBe('DANGEROUS');
      expect(JSON.parse(readFileSync(run.outputs.report!, 'utf8')).pgVersion).toBe(15);
      expect(s.status()).toMatchObject({ state: 'failure' });
      expectCleanTraffic(s);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('/approve-migration', () => {
  it('a writer approves: status success, approval recorded in the comment, +1 reaction', async () => {
    const s = await dangerousReviewed();
    const { run, comment } = await s.runComment('alice', '/approve-migration users.email is unused since v3');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.outputs.approved).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(s.status()!.description).toContain('approved by @alice');
    expect(reactionsOn(s, comment.id)).toEqual(['+1']);
    const sticky = s.stickyComments();
    expect(sticky).toHaveLength(1);
    expect(sticky[0]!.body).toContain('**Approved** by @alice');
    const state = parseState(sticky[0]!.body)!;
    expect(state.approval).toMatchObject({ approver: 'alice', reason: 'users.email is unused since v3', headSha: s.headSha });
    expect(state.approval!.contentHash).toBe(state.review!.contentHash);
    expect(s.replies()).toHaveLength(0);

    // A rerun of the pull_request job now passes: the approval covers the same migrations.
    const rerun = await s.runPullRequest('synchronize');
    expect(rerun.code, describeRun(rerun)).toBe(0);
    expect(rerun.outputs.approved).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });

  it('a reader, the author (unless allowed) and a bot are refused, each told why; the status stays failing until the allowed author approves', async () => {
    const s = await dangerousReviewed();
    // Who may approve is looked up when a comment asks, never by the review.
    s.repo.collaborators['renovate[bot]'] = 'admin';
    const { run, comment } = await s.runComment('rita', '/approve-migration');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.outputs.approved).toBe('false');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(reactionsOn(s, comment.id)).toEqual(['-1']);
    expect(s.replies().map((c) => c.body)).toEqual([
      '@rita, your approval was not recorded: @rita has read access to this repository; approving needs write access or higher.',
    ]);
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toBeNull();
    const permission = s.gh.state.requests.filter((r) => r.operationId === 'repos/get-collaborator-permission-level');
    expect(permission.map((r) => r.path)).toEqual(['/repos/acme/shop/collaborators/rita/permission']);

    // A bot, even one with admin access.
    const bot = await s.runComment('renovate[bot]', '/approve-migration', { commenterType: 'Bot' });
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(reactionsOn(s, bot.comment.id)).toEqual(['-1']);
    expect(s.replies()[1]!.body).toContain('is a bot');

    // The author, unless the workflow allows it.
    const author = await s.runComment(AUTHOR, '/approve-migration trust me');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(reactionsOn(s, author.comment.id)).toEqual(['-1']);
    expect(s.replies()[2]!.body).toContain('opened this pull request');
    const allowed = await s.runComment(AUTHOR, '/approve-migration trust me', { inputs: { 'allow-author-approval': 'true' } });
    expect(allowed.run.outputs.approved).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });

  it('an edited (or deleted) comment never approves', async () => {
    const s = await dangerousReviewed();
    const before = s.gh.state.requests.length;
    const { run, comment } = await s.runComment('alice', 'looks risky', {});
    const edited = await s.runComment('alice', '/approve-migration', { action: 'edited', existing: comment });
    expect(run.code).toBe(0);
    expect(edited.run.code, describeRun(edited.run)).toBe(0);
    expect(edited.run.outputs.approved).toBe('false');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(reactionsOn(s, comment.id)).toEqual([]);
    // Neither run needed GitHub at all.
    expect(s.gh.state.requests.length).toBe(before);
    expectCleanTraffic(s);
  });

  it('a push that changes a migration voids the approval; one that does not keeps it', { timeout: 120_000 }, async () => {
    const s = await dangerousReviewed();
    const approve = await s.runComment('mo', '/approve-migration');
    expect(approve.run.outputs.approved, describeRun(approve.run) + JSON.stringify(s.replies())).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });

    // Docs only: the migrations are the same bytes, the approval holds on the new head.
    s.push({ 'README.md': '# shop\n\nDocs.\n' });
    const keep = await s.runPullRequest('synchronize');
    expect(keep.code, describeRun(keep)).toBe(0);
    expect(s.status()).toMatchObject({ state: 'success' });
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toMatchObject({ approver: 'mo' });

    // The migration changes: back to failure, and the comment says why.
    s.push({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email;\nDROP TABLE IF EXISTS audit;\n' });
    const voided = await s.runPullRequest('synchronize');
    expect(voided.code, describeRun(voided)).toBe(1);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(s.status()!.description).toContain('approval by @mo voided');
    const body = s.stickyComments()[0]!.body;
    expect(body).toContain('The earlier approval no longer applies');
    expect(body).not.toContain('**Approved**');
    const state = parseState(body)!;
    expect(state.approval).toBeNull();
    expect(state.voided.map((v) => v.approver)).toEqual(['mo']);
    expect(s.stickyComments()).toHaveLength(1);
    expectCleanTraffic(s);
  });

  it('refuses an approval for a head that has not been reviewed yet', async () => {
    const s = await dangerousReviewed();
    s.push({ 'db/migrations/0002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email CASCADE;\n' });
    const { comment } = await s.runComment('alice', '/approve-migration');
    expect(reactionsOn(s, comment.id)).toEqual(['-1']);
    expect(s.replies()[0]!.body).toContain('since the last review');
    expect(s.status()).toBeUndefined();
    expectCleanTraffic(s);
  });

  it('with approvers listed, a team member approves and a writer outside it is refused', async () => {
    const s = await dangerousReviewed();
    s.gh.state.teams.set('acme/dbas', ['dana']);
    const inputs = { approvers: '@acme/dbas' };
    const refused = await s.runComment('alice', '/approve-migration', { inputs });
    expect(refused.run.outputs.approved).toBe('false');
    expect(s.replies()[0]!.body).toContain('not among the approvers (@acme/dbas)');
    const accepted = await s.runComment('dana', '/approve-migration checked with the DBAs', { inputs });
    expect(accepted.run.outputs.approved).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });
});

describe('failing GitHub', () => {
  it('retries 500s and rate limits, then succeeds', async () => {
    const s = await scenario({
      head: DANGEROUS_MIGRATION,
      failures: [
        { method: 'POST', path: '/statuses/', status: 500, times: 2 },
        { method: 'GET', path: '/files', status: 502, times: 1 },
        { method: 'GET', path: '/comments', status: 503, times: 2 },
        {
          method: 'POST',
          path: '/comments',
          status: 403,
          times: 1,
          message: 'API rate limit exceeded for installation',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
        },
      ],
    });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1); // DANGEROUS and unapproved: the job fails, as it should
    expect(s.status()).toMatchObject({ state: 'failure', description: expect.stringContaining('need /approve-migration') });
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.gh.state.failures.every((f) => f.times === 0)).toBe(true);
    expectCleanTraffic(s);
  });

  it('persistent 500s: the status never turns green and the Action fails', async () => {
    const s = await scenario({ head: SAFE_MIGRATION, failures: [{ status: 500, times: Infinity }] });
    const run = await s.runPullRequest('opened');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*500/);
    expect(s.statusHistory().some((st) => st.state === 'success')).toBe(false);
    expect(s.repo.comments).toHaveLength(0);
    expectCleanTraffic(s);
  });

  it('a GitHub failure after the pending status leaves a failing status, never success', async () => {
    const s = await scenario({ head: SAFE_MIGRATION, failures: [{ method: 'GET', path: '/comments', status: 500, times: Infinity }] });
    const run = await s.runPullRequest('opened');
    expect(run.code).toBe(1);
    expect(s.statusHistory().map((st) => st.state)).toEqual(['pending', 'failure']);
    expect(s.status()!.description).toMatch(/^migration-guard could not finish: GitHub answered 500/);
    expectCleanTraffic(s);
  });

  it('a failing approval lookup fails the job and leaves the status alone', async () => {
    const s = await dangerousReviewed();
    s.gh.state.failures.push({ method: 'GET', path: '/permission', status: 500, times: Infinity });
    const { run } = await s.runComment('alice', '/approve-migration');
    expect(run.code).toBe(1);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(existsSync(s.dir)).toBe(true);
    expectCleanTraffic(s);
  });
});
