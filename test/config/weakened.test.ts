// Which config edits weaken the gate. A pgVersion edit that moves only the minor release
// ("14.3" -> "14.4", or to a bare 14) silences concurrent-index-pg14-corruption, a DANGEROUS
// rule, and was not noticed: the majors were compared alone.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/defaults.js';
import { weakenedSettings } from '../../src/config/weakened.js';

const config = (yaml: string) => resolveConfig(parseConfig(yaml, '.migration-guard.yml'));

describe('weakenedSettings: pgVersion', () => {
  it('notes a change of the minor release, or of the minor named at all', () => {
    expect(weakenedSettings(config('pgVersion: "14.3"\n'), config('pgVersion: "14.4"\n'))).toEqual([{ setting: 'pgVersion', change: '14.3 → 14.4' }]);
    expect(weakenedSettings(config('pgVersion: "14.3"\n'), config('pgVersion: 14\n'))).toEqual([{ setting: 'pgVersion', change: '14.3 → 14' }]);
  });

  it('notes a change of the major as before, and nothing for the same target', () => {
    expect(weakenedSettings(config('pgVersion: 15\n'), config('pgVersion: 16\n'))).toEqual([{ setting: 'pgVersion', change: '15 → 16' }]);
    expect(weakenedSettings(config('pgVersion: "14.3"\n'), config('pgVersion: "14.3"\n'))).toEqual([]);
  });
});

// Settings that quiet findings or take folders out of the review were missing: a pull request
// could merge them without approval, and every later review ran on them.
describe('weakenedSettings: what leaves findings out', () => {
  it('notes a preset dropped (its rules go off), not one added', () => {
    expect(weakenedSettings(config('preset: squawk\n'), config('failOn: DANGEROUS\n'))).toEqual([{ setting: 'preset', change: 'squawk → unset' }]);
    expect(weakenedSettings(config('failOn: DANGEROUS\n'), config('preset: squawk\n'))).toEqual([]);
  });

  it('notes a longer maxBlockingMs (more blocking estimated CAUTION), not a shorter one', () => {
    expect(weakenedSettings(config('maxBlockingMs: 300\n'), config('maxBlockingMs: 60000\n'))).toEqual([{ setting: 'maxBlockingMs', change: '300 → 60000' }]);
    expect(weakenedSettings(config('failOn: DANGEROUS\n'), config('maxBlockingMs: 100\n'))).toEqual([]);
  });

  it('notes another tableStatsFile (the sizes the estimates trust), and one added', () => {
    expect(weakenedSettings(config('tableStatsFile: stats.json\n'), config('tableStatsFile: tiny.json\n'))).toEqual([{ setting: 'tableStatsFile', change: 'stats.json → tiny.json' }]);
    expect(weakenedSettings(config('failOn: DANGEROUS\n'), config('tableStatsFile: tiny.json\n'))).toEqual([{ setting: 'tableStatsFile', change: 'unset → tiny.json' }]);
  });

  it('notes folders left alone as another engine\'s (skip added, review taken away), not the other way', () => {
    expect(weakenedSettings(config('failOn: DANGEROUS\n'), config('otherDatabases:\n  skip: ["db/**"]\n'))).toEqual([{ setting: 'otherDatabases.skip', change: '[] → ["db/**"]' }]);
    expect(weakenedSettings(config('otherDatabases:\n  review: ["db/mysql/**"]\n'), config('failOn: DANGEROUS\n'))).toEqual([{ setting: 'otherDatabases.review', change: '["db/mysql/**"] → []' }]);
    expect(weakenedSettings(config('otherDatabases:\n  skip: ["db/**"]\n'), config('otherDatabases:\n  review: ["db/mysql/**"]\n'))).toEqual([]);
  });
});
