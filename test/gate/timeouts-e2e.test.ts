// Every GitHub request has a client-side deadline: a hung answer is retried like a 5xx, then
// the run fails closed instead of keeping the status pending for the whole job. The bundled
// Action as a process against a fake GitHub that never answers one request.
import { afterEach, beforeAll, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/fake-github/index.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { assertBundleBuilt, runAction } from '../action/harness.js';
import { AUTHOR, NAME, OWNER, PR, SAFE_MIGRATION, Scenario, describeRun } from '../action/scenario.js';

beforeAll(() => assertBundleBuilt());
let current: Scenario | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

it('a hung GET of the pull request files ends the run with a failing status', { timeout: 300_000 }, async () => {
  const s = (current = await Scenario.create({ head: SAFE_MIGRATION, failures: [{ method: 'GET', path: '/files', status: 504, hang: true, times: Infinity }] }));
  const payload = pullRequestEvent({ owner: OWNER, repo: NAME, action: 'opened', number: PR, author: AUTHOR, headSha: s.headSha, baseSha: s.baseSha, apiUrl: s.gh.url });
  // The kill is only a backstop so a hanging run cannot outlive the test.
  const run = await runAction({ gh: s.gh, event: 'pull_request', payload, workspace: s.dir, repository: `${OWNER}/${NAME}`, sha: s.headSha, env: { MIGRATION_GUARD_REQUEST_TIMEOUT_MS: '300' }, killAfterMs: 240_000 });
  expect(run.code, describeRun(run)).toBe(1);
  expect(s.status()).toMatchObject({ state: 'failure' });
  expect(s.status()!.description).toMatch(/^migration-guard could not finish/);
  expect(s.gh.state.requests.filter((r) => r.operationId === 'pulls/list-files').length).toBeGreaterThan(1);
  expectCleanTraffic(s);
});
