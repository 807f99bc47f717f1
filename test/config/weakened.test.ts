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
