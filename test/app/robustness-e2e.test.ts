// End-to-end: what a hosted App meets besides the happy path — forged and replayed webhooks,
// events out of order, pushes landing mid-review, GitHub failing, big reports, and repository
// configuration it must not trust.
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { parseState } from '../../src/github/comment-state.js';
import { sign } from './harness.js';
import { useAppScenarios, DANGEROUS_MIGRATION, SAFE_MIGRATION, describeApp } from './scenario.js';

const { scenario } = useAppScenarios();

describe('webhook authenticity', () => {
  it('a bad signature is rejected before any API call', async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    const payload = s.pullRequestPayload('opened');
    const forged = await s.app.deliver('pull_request', payload, { secret: 'not-the-secret', waitForLog: false });
    expect(forged.status).toBe(400);
    const unsigned = await s.app.deliver('pull_request', payload, { signature: '', waitForLog: false });
    expect(unsigned.status).toBe(400);
    // A correctly signed body with one byte changed after signing.
    const body = JSON.stringify(payload);
    const tampered = await fetch(`${s.app.url}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'x1', 'x-hub-signature-256': sign(body) },
      body: body.replace('"opened"', '"reopened"'),
    });
    expect(tampered.status).toBe(400);
    expect(s.gh.state.requests).toEqual([]);
    expect(s.app.log.some((l) => l.msg === 'migration-guard: delivery handled')).toBe(false);
  });
});

describe('concurrency', () => {
  it('two synchronize events out of order leave the newest result', async () => {
    const s = await scenario({ head: SAFE_MIGRATION });
    const older = s.headSha;
    const newer = s.push(DANGEROUS_MIGRATION, 'add a dangerous one');
    // The event for the newer head arrives first, then the late one for the older head.
    const first = await s.pullRequest('synchronize', newer);
    expect(first.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    const late = await s.pullRequest('synchronize', older);
    expect(late.log?.outcome).toMatchObject({ kind: 'skipped' });
    expect(s.checkRuns(older)).toEqual([]);
    expect(s.statusHistory(older)).toEqual([]);
    expect(parseState(s.stickyComments()[0]!.body)!.review).toMatchObject({ headSha: newer, risk: 'DANGEROUS' });
    expect(s.checkRun(newer)!.conclusion).toBe('action_required');
    expectCleanTraffic(s);
  });

  it('a push during a review: the stale result is dropped before it reaches the comment', async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    await s.pullRequest('opened');
    const before = s.stickyComments()[0]!.body;
    const older = s.headSha;
    const newer = s.push({ 'db/migrations/0003_nickname.up.sql': 'ALTER TABLE users ADD COLUMN nickname text;\n', 'db/migrations/0003_nickname.down.sql': 'ALTER TABLE users DROP COLUMN nickname;\n' });
    s.moveHead(older);

    // Review `older`; while the App reads its files, the push of `newer` lands.
    let pushed = false;
    s.gh.state.requestHooks.push((r) => {
      if (!pushed && r.operationId === 'git/get-tree' && r.params.tree_sha === older) {
        pushed = true;
        s.moveHead(newer);
      }
    });
    const d = await s.pullRequest('synchronize', older);
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'superseded', headSha: older, by: newer });
    expect(s.stickyComments()[0]!.body).toBe(before);
    expect(s.checkRun(older)!.conclusion).toBe('cancelled');
    expect(s.status(older)).toMatchObject({ state: 'error' });

    const next = await s.pullRequest('synchronize', newer);
    expect(next.log?.outcome).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    expect(parseState(s.stickyComments()[0]!.body)!.review).toMatchObject({ headSha: newer });
    expect(s.stickyComments()[0]!.body).toContain('0003_nickname');
    expectCleanTraffic(s);
  });

  it('overlapping deliveries for one head leave one comment and a consistent result', async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    await s.pullRequest('opened');
    const results = await Promise.all([s.pullRequest('synchronize'), s.pullRequest('reopened'), s.pullRequest('synchronize')]);
    for (const r of results) expect(r.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.checkRuns().every((r) => r.conclusion === 'action_required')).toBe(true);
    expectCleanTraffic(s);
  });

  it('many reruns (synchronize and Re-run) leave exactly one comment', async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    await s.pullRequest('opened');
    for (let i = 0; i < 3; i++) await s.pullRequest('synchronize');
    for (let i = 0; i < 2; i++) {
      // The second as GitHub sends it for a fork's head: no pull requests listed on the run.
      const d = await s.rerequest(s.checkRun()!, 'dev', i === 1 ? { pullNumbers: [] } : {});
      expect(d.log?.outcome, describeApp(s)).toMatchObject([{ kind: 'published', conclusion: 'action_required' }]);
    }
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.repo.comments).toHaveLength(1);
    expect(s.checkRuns()).toHaveLength(6);
    expect(s.requestsFor('repos/list-pull-requests-associated-with-commit')).toHaveLength(1);
    expectCleanTraffic(s);
  });

  it('finds its comment among 150 others and ignores a person pasting its marker', async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION });
    await s.pullRequest('opened');
    const mine = s.stickyComments()[0]!;
    const repo = s.repo;
    repo.comments.splice(0, repo.comments.length);
    for (let i = 0; i < 140; i++) repo.comments.push({ ...mine, id: 10_000 + i, body: `comment ${i}`, user: { login: 'someone', type: 'User', id: 77 }, reactions: [] });
    repo.comments.push({ ...mine, id: 20_000, user: { login: 'mallory', type: 'User', id: 78 }, reactions: [] });
    repo.comments.push(mine);
    for (let i = 0; i < 10; i++) repo.comments.push({ ...mine, id: 30_000 + i, body: `later ${i}`, user: { login: 'someone', type: 'User', id: 77 }, reactions: [] });
    const n = s.gh.state.requests.length;
    const d = await s.pullRequest('synchronize');
    expect(d.log?.outcome).toMatchObject({ kind: 'published' });
    expect(s.stickyComments().map((c) => c.id)).toEqual([mine.id]);
    expect(repo.comments).toHaveLength(152);
    const listed = s.gh.state.requests.slice(n).filter((r) => r.operationId === 'issues/list-comments');
    // Read before writing and again after the status (src/github/sticky-sync.ts): each read pages through.
    expect(listed.map((r) => new URLSearchParams(r.query).get('page') ?? '1')).toEqual(['1', '2', '1', '2']);
    expectCleanTraffic(s);
  });
});

describe('failing GitHub', () => {
  it('500s and a rate limit, then success', async () => {
    const s = await scenario({
      head: DANGEROUS_MIGRATION,
      failures: [
        { method: 'POST', path: '/check-runs', status: 500, times: 1 },
        { method: 'GET', path: '/git/trees/', status: 502, times: 1 },
        { method: 'GET', path: '/git/blobs/', status: 503, times: 2 },
        { method: 'GET', path: '/comments', status: 500, times: 1 },
        {
          method: 'PATCH',
          path: '/check-runs/',
          status: 403,
          times: 1,
          message: 'API rate limit exceeded for installation',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
        },
      ],
    });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    expect(s.checkRuns()).toHaveLength(1);
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.gh.state.failures.every((f) => f.times === 0)).toBe(true);
    expectCleanTraffic(s);
  });

  it('persistent 500s: the check run and the status never turn green', async () => {
    const s = await scenario({ head: SAFE_MIGRATION, failures: [{ method: 'GET', path: '/git/', status: 500, times: Infinity }] });
    const d = await s.pullRequest('opened');
    expect(d.log?.msg).toBe('migration-guard: delivery failed');
    expect(d.log?.error).toMatch(/GitHub answered 500/);
    expect(s.checkRuns().map((r) => r.conclusion)).toEqual(['failure']);
    expect(s.checkRun()!.output.summary).toContain('GitHub answered 500');
    expect(s.statusHistory().map((st) => st.state)).toEqual(['pending', 'failure']);
    expect(s.repo.comments).toHaveLength(0);
    expectCleanTraffic(s);
  });

  it('GitHub down entirely: nothing is written, and the delivery fails', async () => {
    const s = await scenario({ head: SAFE_MIGRATION, failures: [{ status: 500, times: Infinity }] });
    const d = await s.pullRequest('opened');
    expect(d.log?.msg).toBe('migration-guard: delivery failed');
    expect(s.repo.checkRuns).toEqual([]);
    expect(s.repo.statuses).toEqual([]);
    expectCleanTraffic(s);
  });
});

describe('big reports', () => {
  it('more than 50 annotations go in batches of 50, the conclusion with the last', async () => {
    const indexes = Array.from({ length: 120 }, (_, i) => `CREATE INDEX users_email_${i} ON users (email);`).join('\n');
    const s = await scenario({
      head: { 'db/migrations/0002_many_indexes.up.sql': `${indexes}\n`, 'db/migrations/0002_many_indexes.down.sql': 'SELECT 1;\n' },
    });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    const run = s.checkRun()!;
    expect(run.output.annotations.length).toBeGreaterThan(120);
    const updates = s.requestsFor('checks/update').map((r) => r.body as { status?: string; conclusion?: string; output: { annotations?: unknown[] } });
    expect(updates.length).toBe(Math.ceil(run.output.annotations.length / 50));
    expect(updates.every((u) => (u.output.annotations?.length ?? 0) <= 50)).toBe(true);
    expect(updates.slice(0, -1).every((u) => u.status === 'in_progress' && u.conclusion === undefined)).toBe(true);
    expect(updates.at(-1)!.conclusion).toBe('action_required');
    expect(updates.reduce((n, u) => n + (u.output.annotations?.length ?? 0), 0)).toBe(run.output.annotations.length);
    expect(run.output.summary!.length).toBeLessThanOrEqual(65_535);
    expectCleanTraffic(s);
  });
});

describe('configuration', () => {
  it('is read from the base branch; the pull request cannot change it', async () => {
    const s = await scenario({ head: { ...DANGEROUS_MIGRATION, '.github/migration-guard.yml': 'approvalRisk: DANGEROUS\nfailOn: DANGEROUS\nrules:\n  ban-drop-column: "off"\n' } });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    expect(s.checkRun()!.output.summary).toContain('Configuration: defaults');
    // Settings are read on main; the pull request's version only to name what it would weaken.
    const contentReads = s.requestsFor('repos/get-content');
    expect(contentReads.some((r) => new URLSearchParams(r.query).get('ref') === 'main')).toBe(true);
    expect(contentReads.every((r) => ['main', s.baseSha, s.headSha].includes(new URLSearchParams(r.query).get('ref')!))).toBe(true);
    expect(s.checkRun()!.output.summary).toContain('rules.ban-drop-column');
    expectCleanTraffic(s);
  });

  it('an invalid config on the base branch fails the check with file, line and column', async () => {
    const s = await scenario({ head: SAFE_MIGRATION, base: { '.github/migration-guard.yml': 'pgVersion: 16\nfailOn: SOMETIMES\n' } });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'config-error' });
    const run = s.checkRun()!;
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('.github/migration-guard.yml:2:');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('a misspelt rule id on the base branch is a configuration error naming the closest id: check run, status and one comment say so (issue 15)', async () => {
    const s = await scenario({ head: SAFE_MIGRATION, base: { '.github/migration-guard.yml': 'failOn: CAUTION\nrules:\n  ban-drop-colum: "off"\n' } });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'config-error', message: expect.stringContaining('.github/migration-guard.yml:3:3: unknown rule "rules.ban-drop-colum"; did you mean "ban-drop-column"?') });
    const run = s.checkRun()!;
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toMatch(/^Configuration error: \.github\/migration-guard\.yml:3:3: unknown rule "rules\.ban-drop-colum"; did you mean "ban-drop-column"\?/);
    expect(run.output.summary).toContain('.github/migration-guard.yml:3:3: unknown rule "rules.ban-drop-colum"; did you mean "ban-drop-column"?');
    expect(s.status()).toMatchObject({ state: 'failure', description: expect.stringMatching(/^Configuration error: \.github\/migration-guard\.yml:3:3: unknown rule/) });
    const said = () => s.stickyComments().map((c) => c.body.split('Configuration error').length - 1);
    expect(said()).toEqual([1]);
    // A redelivery says it no second time.
    const again = await s.pullRequest('synchronize');
    expect(again.log?.outcome, describeApp(s)).toMatchObject({ kind: 'config-error' });
    expect(said()).toEqual([1]);
    expect(s.requestsFor('issues/update-comment')).toEqual([]);
    expectCleanTraffic(s);
  });

  it('a dry-run on a server is refused unless the operator allows it; PGlite runs instead', { timeout: 180_000 }, async () => {
    const s = await scenario({
      head: SAFE_MIGRATION,
      base: { '.github/migration-guard.yml': 'dryRun:\n  enabled: true\n  engine: url\n  databaseUrl: postgres://postgres@127.0.0.1:5432/postgres\n' },
    });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'success' });
    const summary = s.checkRun()!.output.summary!;
    expect(summary).toContain('MIGRATION_GUARD_ALLOW_SERVER_DRYRUN=1');
    expect(summary).toContain('Configuration: `.github/migration-guard.yml` on `main`');
    expect(summary).not.toContain('postgres://');
    expectCleanTraffic(s);
  });
});
