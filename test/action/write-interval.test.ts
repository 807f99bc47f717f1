// GitHub asks integrations to space their writes; MIGRATION_GUARD_WRITE_INTERVAL_MS lowers the
// spacing for a server that does not ask for it (the fake GitHub of the end-to-end tests).
import BottleneckLight from 'bottleneck/light.js';
import { describe, expect, it } from 'vitest';
import { spacedBottleneck, writeIntervalFromEnv } from '../../src/github/octokit.js';

describe('write spacing', () => {
  it('is GitHub’s unless MIGRATION_GUARD_WRITE_INTERVAL_MS is a number of milliseconds', () => {
    expect(writeIntervalFromEnv({})).toBeNull();
    expect(writeIntervalFromEnv({ MIGRATION_GUARD_WRITE_INTERVAL_MS: '' })).toBeNull();
    expect(writeIntervalFromEnv({ MIGRATION_GUARD_WRITE_INTERVAL_MS: 'soon' })).toBeNull();
    expect(writeIntervalFromEnv({ MIGRATION_GUARD_WRITE_INTERVAL_MS: '-1' })).toBeNull();
    expect(writeIntervalFromEnv({ MIGRATION_GUARD_WRITE_INTERVAL_MS: '0' })).toBe(0);
    expect(writeIntervalFromEnv({ MIGRATION_GUARD_WRITE_INTERVAL_MS: '250' })).toBe(250);
  });

  it('caps every limiter group’s spacing and keeps the rest of its options', async () => {
    const Spaced = spacedBottleneck(250);
    const options = (g: object) => (g as { limiterOptions: { minTime?: number; maxConcurrent?: number } }).limiterOptions;
    expect(options(new Spaced.Group({ maxConcurrent: 1, minTime: 3000 }))).toEqual({ maxConcurrent: 1, minTime: 250 });
    expect(options(new Spaced.Group({ maxConcurrent: 10 }))).toEqual({ maxConcurrent: 10, minTime: 0 });
    // Still a working limiter class, as the throttling plugin uses it.
    expect(new Spaced()).toBeInstanceOf(BottleneckLight);
    expect(await new Spaced.Group({ minTime: 3000 }).key('x').schedule(async () => 'done')).toBe('done');
  });
});
