// Writes GitHub performed but answered with a 502: no second sticky comment (the Action), no
// lost approval from a 👀 claim that looked taken (the App). Against the fake GitHub, which can
// do the work and still answer 502.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { assertBundleBuilt } from '../action/harness.js';
import { DANGEROUS_MIGRATION, PR, Scenario, describeRun } from '../action/scenario.js';
import { describeApp, useAppScenarios } from '../app/scenario.js';

describe('the Action', () => {
  beforeAll(() => assertBundleBuilt());
  let current: Scenario | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });

  it('a 502 on the comment POST that GitHub performed leaves one sticky comment', { timeout: 300_000 }, async () => {
    const s = (current = await Scenario.create({ head: DANGEROUS_MIGRATION, failures: [{ method: 'POST', path: `/issues/${PR}/comments`, status: 502, times: 1, afterHandling: true }] }));
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(s.stickyComments()).toHaveLength(1);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });
});

describe('the App', () => {
  const { scenario } = useAppScenarios();

  it('a 502 on the 👀 claim that GitHub performed does not lose the approval', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
    await s.pullRequest('opened');
    s.gh.state.failures.push({ method: 'POST', path: '/reactions', status: 502, times: 1, afterHandling: true });
    const { delivery } = await s.comment('alice', '/approve-migration');
    expect(delivery.log?.outcome, describeApp(s)).toMatchObject({ kind: 'accepted', approver: 'alice' });
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });
});
