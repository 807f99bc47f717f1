// End-to-end: the bundled Action with a token that cannot write, as a `pull_request` from a fork
// gets. The review must still run and publish what needs no write permission (annotations, job
// summary, outputs, reports), say in one line why there is no comment or status and how to get
// them, and pass or fail the job by fail-on.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import type { FailureRule } from '../support/fake-github/index.js';
import { DANGEROUS_MIGRATION, SAFE_MIGRATION, describeRun, useScenarios } from './scenario.js';

const { scenario } = useScenarios();

/** What GitHub answers a read-only GITHUB_TOKEN that tries to write. */
function refuse(method: string, path?: string): FailureRule {
  return { method, ...(path ? { path } : {}), status: 403, times: Infinity, message: 'Resource not accessible by integration' };
}
const READ_ONLY: FailureRule[] = [refuse('POST'), refuse('PATCH'), refuse('DELETE')];

describe('a token that cannot write', () => {
  it('a dangerous fork pull request: annotations, summary, outputs and reports; one line on why; the job fails by fail-on', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, failures: READ_ONLY });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', approved: 'false', 'needs-approval': 'true', 'comment-url': '' });
    expect(existsSync(run.outputs.report!)).toBe(true);
    expect(JSON.parse(readFileSync(run.outputs.report!, 'utf8'))).toMatchObject({ risk: 'DANGEROUS' });
    expect(existsSync(run.outputs.sarif!)).toBe(true);
    expect(run.summary).toContain('0002_drop_email');
    expect(run.annotations.some((a) => a.level === 'error' && a.properties.file === 'db/migrations/0002_drop_email.up.sql')).toBe(true);
    const why = run.annotations.filter((a) => a.level === 'warning' && a.message.includes('could not write'));
    expect(why).toHaveLength(1);
    expect(why[0]!.message).toContain('GitHub answered 403 to POST /repos/acme/shop/statuses/');
    expect(why[0]!.message).toContain('no review comment and no migration-guard status');
    expect(why[0]!.message).toContain('pull_request_target');
    expect(why[0]!.message).not.toContain('\n');
    // Nothing was written, and no raw stack or bare 403 ended the run.
    expect(s.repo.comments).toHaveLength(0);
    expect(s.repo.statuses).toHaveLength(0);
    expect(run.stdout).not.toMatch(/::error::GitHub answered 403/);
    expectCleanTraffic(s);
  });

  it('a safe fork pull request passes', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: SAFE_MIGRATION, failures: READ_ONLY });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.outputs).toMatchObject({ risk: 'SAFE', approved: 'true' });
    expect(run.annotations.filter((a) => a.message.includes('could not write'))).toHaveLength(1);
    expectCleanTraffic(s);
  });

  it('fail-on: never keeps the job green', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, failures: READ_ONLY });
    const run = await s.runPullRequest('opened', { 'fail-on': 'never' });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.outputs.risk).toBe('DANGEROUS');
    expectCleanTraffic(s);
  });

  it('a fork pull request that adds a suppression over DROP COLUMN still needs approval (the gate runs read-only too)', { timeout: 240_000 }, async () => {
    const head = { 'db/migrations/0002_drop_email.up.sql': "-- migration-guard-ignore-file\nSET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN email;\n", 'db/migrations/0002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n' };
    const s = await scenario({ head, failures: READ_ONLY });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', 'needs-approval': 'true', approved: 'false' });
    expect(run.annotations.filter((a) => a.message.includes('could not write'))).toHaveLength(1);
    expectCleanTraffic(s);
  });

  it('statuses allowed, comments refused: the status still gates the merge', { timeout: 240_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, failures: [refuse('POST', '/comments'), refuse('PATCH', '/comments')] });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(s.status()).toMatchObject({ state: 'failure', description: 'DANGEROUS migrations need /approve-migration' });
    const why = run.annotations.find((a) => a.message.includes('could not write'))!;
    expect(why.message).toContain('no review comment (the status is set)');
    expectCleanTraffic(s);
  });
});
