// The assertion every end-to-end test ends with: all traffic fit GitHub's description, every
// operation used is one the fake implements, and the fake's own answers fit it too.
import { expect } from 'vitest';
import type { FakeGitHub } from './server.js';

export function expectCleanTraffic(s: { gh: FakeGitHub }): void {
  expect(s.gh.violations).toEqual([]);
  expect(s.gh.state.unimplemented).toEqual([]);
  expect(s.gh.state.responseViolations).toEqual([]);
}
