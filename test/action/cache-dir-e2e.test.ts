// End-to-end: the dry-run's database snapshots go where MIGRATION_GUARD_CACHE_DIR says, so a
// hosted runner's workflow can save and restore them with actions/cache (docs/action.md).
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshKey } from '../../src/dryrun/engines/pglite.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { assertBundleBuilt } from './harness.js';
import { SAFE_MIGRATION, Scenario, describeRun } from './scenario.js';

beforeAll(() => assertBundleBuilt());

let current: Scenario | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await current?.close();
  current = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('dry-run cache directory', () => {
  it('MIGRATION_GUARD_CACHE_DIR receives the snapshots', { timeout: 180_000 }, async () => {
    const s = (current = await Scenario.create({ head: SAFE_MIGRATION }));
    const cache = mkdtempSync(path.join(tmpdir(), 'mg-cache-'));
    dirs.push(cache);
    // A restored cache: the run's fresh image (test/support/global-setup.ts), so the Action
    // starts from it instead of running initdb. What it writes is the image of the base history.
    const fresh = freshKey();
    for (const ext of ['tar', 'json']) copyFileSync(path.join(process.env.MIGRATION_GUARD_CACHE_DIR!, `${fresh}.${ext}`), path.join(cache, `${fresh}.${ext}`));
    const run = await s.runPullRequest('opened', { 'dry-run': 'true' }, { MIGRATION_GUARD_CACHE_DIR: cache });
    expect(run.code, describeRun(run)).toBe(0);
    expect(readdirSync(cache).filter((f) => /^[0-9a-f]{32}\.tar$/.test(f)).length).toBeGreaterThan(0);
    // ... beside the image it started from, which the run's eviction kept.
    expect(readdirSync(cache)).toContain(`${fresh}.tar`);
    expectCleanTraffic(s);
  });
});
