// The config's `rules:` settings and presets, through the built CLI (dist/cli.js): a rule set
// to off is silent, a risk override is applied, and `preset: squawk` / `--preset squawk` turn
// on the off-by-default rules that match squawk's defaults.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'mg-rule-settings-'));

function lint(config: string | undefined, extra: string[] = []) {
  const sql = path.join(work, 'm.sql');
  writeFileSync(sql, 'CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);\nALTER TABLE orders ADD COLUMN note text;\n');
  const args = [cli, 'lint', sql, '--format', 'json', '--no-progress', ...extra];
  if (config !== undefined) {
    writeFileSync(path.join(work, 'config.yml'), config);
    args.push('--config', path.join(work, 'config.yml'));
  }
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { migrations: Array<{ findings: Array<{ rule: string; risk: string }> }> };
  return { code: r.status, stderr: r.stderr, findings: report.migrations.flatMap((m) => m.findings) };
}

/** The run without a config, which both tests read. */
let defaults: ReturnType<typeof lint> | undefined;
const lintDefaults = () => (defaults ??= lint(undefined));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('rule settings and presets', () => {
  it('applies the config\'s rules: off silences a rule, a risk level overrides it', () => {
    expect(lintDefaults().findings.map((f) => f.rule)).toContain('require-lock-timeout');
    expect(lint('rules:\n  require-lock-timeout: off\n').findings.map((f) => f.rule)).not.toContain('require-lock-timeout');
    const raised = lint('rules:\n  require-lock-timeout: DANGEROUS\n').findings.find((f) => f.rule === 'require-lock-timeout');
    expect(raised?.risk).toBe('DANGEROUS');
  });

  it('policy rules are off by default; preset: squawk and --preset squawk turn squawk\'s equivalents on; rules: still wins', () => {
    const rules = (f: Array<{ rule: string }>) => f.map((x) => x.rule);
    expect(rules(lintDefaults().findings)).not.toContain('prefer-robust-stmts');
    expect(rules(lint('preset: squawk\n').findings)).toEqual(expect.arrayContaining(['prefer-robust-stmts', 'statement-timeout-before-lock']));
    expect(rules(lint(undefined, ['--preset', 'squawk']).findings)).toContain('prefer-robust-stmts');
    expect(rules(lint('preset: squawk\nrules:\n  prefer-robust-stmts: off\n').findings)).not.toContain('prefer-robust-stmts');
  });

  it('an unknown preset is a usage error that names it', () => {
    const r = spawnSync(process.execPath, [cli, 'lint', path.join(work, 'm.sql'), '--preset', 'sqawk'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--preset must be one of squawk, not "sqawk"');
  });
});
