import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { parsePgVersion, resolveConfig, showPgVersion, withMajorVersion } from '../../src/config/defaults.js';

function configError(text: string): ConfigError {
  try {
    parseConfig(text, '.migration-guard.yml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config file', () => {
  it('reads every documented key', () => {
    const file = parseConfig(
      [
        'pgVersion: 14',
        'failOn: CAUTION',
        'approvalRisk: CAUTION',
        'rules:',
        '  require-concurrent-index: off',
        '  prefer-text-field: CAUTION',
        'migrations:',
        '  - path: db/migrations',
        '    layout: golang-migrate',
        '    transaction: wrapped',
        '    requireRollback: true',
        'transaction:',
        '  golang-migrate: wrapped',
        'placeholders:',
        '  tableName: orders',
        'rollbackMissingRisk: DANGEROUS',
        'tableStats:',
        '  orders: { rows: 40, bytes: 8192 }',
        'ignore: ["**/seed/*.sql"]',
        'dryRun: { enabled: true, engine: pglite, seedRows: 100 }',
      ].join('\n'),
      'x.yml',
    );
    const config = resolveConfig(file);
    expect(config.pgVersion).toBe(14);
    expect(config.failOn).toBe('CAUTION');
    expect(config.rules['require-concurrent-index']).toBe('off');
    expect(config.transaction['golang-migrate']).toBe('wrapped');
    expect(config.transaction.flyway).toBe('wrapped');
    expect(config.tableStats.get('public.orders')).toEqual({ rows: 40, bytes: 8192 });
    expect(config.dryRun).toMatchObject({ enabled: true, engine: 'pglite', seedRows: 100 });
  });

  it('defaults: PG 16, fail on DANGEROUS, missing rollback is CAUTION', () => {
    const config = resolveConfig({});
    expect(config).toMatchObject({ pgVersion: 16, failOn: 'DANGEROUS', approvalRisk: 'DANGEROUS', rollbackMissingRisk: 'CAUTION' });
  });

  it('an unknown key is an error that names the key, at its line and column', () => {
    const e = configError('pgVersion: 16\nfailon: CAUTION\n');
    expect(e.message).toBe('unknown key "failon"');
    expect([e.line, e.column]).toEqual([2, 1]);
    expect(e.format()).toBe('.migration-guard.yml:2:1: unknown key "failon"');
  });

  it('an unknown nested key names its full path', () => {
    const e = configError('dryRun:\n  engine: pglite\n  timeout: 5\n');
    expect(e.message).toBe('unknown key "dryRun.timeout"');
    expect(e.line).toBe(3);
  });

  it('a bad value names the key and what was expected', () => {
    expect(configError('failOn: HIGH\n').message).toMatch(/^bad value for "failOn": /);
    expect(configError('rules:\n  require-concurrent-index: maybe\n').message).toBe(
      'bad value for "rules.require-concurrent-index": expected off, on, true, false, SAFE, CAUTION or DANGEROUS',
    );
    expect(configError('pgVersion: "sixteen"\n').message).toMatch(/pgVersion/);
    // A minor release is a quoted "major.minor": a YAML number would read 14.10 as 14.1.
    expect(configError('pgVersion: 14.3\n').message).toBe('bad value for "pgVersion": expected a major version from 9 to 19 (16), or a quoted "major.minor" from 10 on ("14.3")');
  });

  it('pgVersion takes a quoted "major.minor" for the rules that depend on the minor release', () => {
    const minor = resolveConfig(parseConfig('pgVersion: "14.10"\n', 'x.yml'));
    expect(minor).toMatchObject({ pgVersion: 14, pgMinorVersion: 10, pgVersionSet: true });
    expect(resolveConfig(parseConfig('pgVersion: 14\n', 'x.yml')).pgMinorVersion).toBeUndefined();
  });

  // --pg-version and the Action's pg-version input name a major only: the Action kept the file's
  // minor under the new major, the command line dropped it.
  it('a major set over the file\'s "major.minor" drops the minor', () => {
    const file = resolveConfig(parseConfig('pgVersion: "14.3"\n', 'x.yml'));
    expect(showPgVersion(file)).toBe('14.3');
    const set = withMajorVersion(file, 14);
    expect(set).toMatchObject({ pgVersion: 14, pgVersionSet: true });
    expect('pgMinorVersion' in set).toBe(false);
    expect(file.pgMinorVersion).toBe(3);
    expect(parsePgVersion(16)).toEqual({ pgVersion: 16 });
  });

  it('an unknown preset names the closest one, at its line and column', () => {
    const e = configError('pgVersion: 16\npreset: squak\n');
    expect(e.format()).toBe('.migration-guard.yml:2:9: unknown preset "squak"; did you mean "squawk"? (presets: squawk)');
    expect(configError('preset: eslint\n').message).toBe('unknown preset "eslint" (presets: squawk)');
  });

  it('broken YAML is an error with a position', () => {
    const e = configError('rules:\n  a: [1, 2\n');
    expect(e.line).toBeGreaterThan(0);
  });

  describe('loadConfig', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('finds .migration-guard.yml in the repository, else uses defaults', async () => {
      expect((await loadConfig(dir)).file).toBeUndefined();
      writeFileSync(path.join(dir, '.migration-guard.yml'), 'pgVersion: 12\n');
      const { config, file } = await loadConfig(dir);
      expect(file).toBe('.migration-guard.yml');
      expect(config.pgVersion).toBe(12);
    });

    it('an explicit --config file that does not exist is an error', async () => {
      await expect(loadConfig(dir, path.join(dir, 'missing.yml'))).rejects.toBeInstanceOf(ConfigError);
    });
  });
});
