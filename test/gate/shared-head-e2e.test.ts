// One head commit, two open pull requests: the commit's status is the worst unapproved verdict
// of them all, and a pull request moved onto another base is reviewed again. The bundled
// Action as a process against the fake GitHub.
import { expect, it } from 'vitest';
import { pullFilesBetween, pullRequestEvent, setPull } from '../support/fake-github/index.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { runAction, type ActionRun } from '../action/harness.js';
import { AUTHOR, DANGEROUS_MIGRATION, NAME, OWNER, PR, Scenario, describeRun, useScenarios } from '../action/scenario.js';

const { scenario } = useScenarios();

function review(s: Scenario, number: number, action: string, base: { sha: string; ref: string }, extra: object = {}): Promise<ActionRun> {
  const payload = {
    ...pullRequestEvent({ owner: OWNER, repo: NAME, action, number, author: AUTHOR, headSha: s.headSha, baseSha: base.sha, baseRef: base.ref, apiUrl: s.gh.url }),
    ...extra,
  };
  return runAction({ gh: s.gh, event: 'pull_request', payload, workspace: s.dir, repository: `${OWNER}/${NAME}`, sha: s.headSha });
}

it('a SAFE pull request into release-1.0 with the head of a DANGEROUS one into main does not turn the shared status green', { timeout: 300_000 }, async () => {
  const s = await scenario({ head: DANGEROUS_MIGRATION, collaborators: { alice: 'write' } });
  // release-1.0 already has these commits: the second pull request changes nothing there.
  setPull(s.gh.state, s.repo, { number: 13, author: AUTHOR, head: { sha: s.headSha, ref: 'feature' }, base: { sha: s.headSha, ref: 'release-1.0' }, files: [] });

  const dangerous = await s.runPullRequest('opened');
  expect(dangerous.code, describeRun(dangerous)).toBe(1);
  const safe = await review(s, 13, 'opened', { sha: s.headSha, ref: 'release-1.0' });
  expect(safe.code, describeRun(safe)).toBe(0);
  expect(s.status()).toMatchObject({ state: 'failure' });
  expect(s.status()!.description).toContain(`#${PR} into main`);

  // Approving the DANGEROUS one opens the shared gate.
  const approve = await s.runComment('alice', '/approve-migration');
  expect(approve.run.outputs.approved, describeRun(approve.run)).toBe('true');
  expect(s.status()).toMatchObject({ state: 'success' });
  expectCleanTraffic(s);
});

it('a pull request whose base branch changes is reviewed again (pull_request.edited with changes.base)', { timeout: 300_000 }, async () => {
  const s = await scenario({ head: DANGEROUS_MIGRATION });
  // First into a branch that already has the commits: nothing to review, green.
  const pull = s.repo.pulls.get(PR)!;
  pull.base = { sha: s.headSha, ref: 'release-1.0' };
  pull.files = [];
  const first = await review(s, PR, 'opened', pull.base);
  expect(first.code, describeRun(first)).toBe(0);
  expect(s.status()).toMatchObject({ state: 'success' });

  // Then retargeted at main, where the migration is new.
  pull.base = { sha: s.baseSha, ref: 'main' };
  pull.files = pullFilesBetween(s.dir, s.baseSha, s.headSha);
  const edited = await review(s, PR, 'edited', pull.base, { changes: { base: { ref: { from: 'release-1.0' }, sha: { from: s.headSha } } } });
  expect(edited.code, describeRun(edited)).toBe(1);
  expect(s.status()).toMatchObject({ state: 'failure' });

  // A title edit is no reason to review.
  const retitled = await review(s, PR, 'edited', pull.base, { changes: { title: { from: 'old title' } } });
  expect(retitled.code).toBe(0);
  expect(retitled.stdout).toContain('nothing to review');
  expectCleanTraffic(s);
});
