// The pretty summary's "exit N" line and the process's exit code come from one verdict: the CLI
// as a process, on a migration whose rollback leaves a table behind (its re-apply fails in the
// dry-run, a CAUTION finding) and on a DANGEROUS one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'mg-verdict-'));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function repo(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function check(dir: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [cli, 'check', dir, '--no-color', '--no-progress', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const said = /^exit (\d):/m.exec(r.stdout)?.[1];
  return { code: r.status, said: said === undefined ? null : Number(said), stdout: r.stdout, stderr: r.stderr };
}

it('a failed re-apply after the rollback: the summary and the exit code agree', { timeout: 180_000 }, () => {
  const dir = repo('reapply', {
    'db/migrations/0001_a.up.sql': "SET lock_timeout = '5s';\nCREATE TABLE t (id bigint);\n",
    'db/migrations/0001_a.down.sql': 'SELECT 1;\n',
  });
  const r = check(dir, ['--dry-run']);
  // The leftover table and the re-apply that fails on it are one finding (issue 15: one finding per fact).
  expect(r.stdout).toContain('rollback-incomplete');
  expect(r.stdout).toMatch(/cannot be applied\s+again/);
  expect(r.said, r.stdout + r.stderr).toBe(r.code);
});

it('a DANGEROUS migration: exit 1, and the summary says why', () => {
  const dir = repo('dangerous', {
    'db/migrations/0001_a.up.sql': 'CREATE TABLE t (id bigint, email text);\n',
    'db/migrations/0001_a.down.sql': 'DROP TABLE t;\n',
    'db/migrations/0002_b.up.sql': "SET lock_timeout = '5s';\nALTER TABLE t DROP COLUMN email;\n",
    'db/migrations/0002_b.down.sql': 'ALTER TABLE t ADD COLUMN email text;\n',
  });
  const r = check(dir);
  expect(r.code).toBe(1);
  expect(r.said, r.stdout).toBe(1);
  expect(r.stdout).toMatch(/exit 1: 1 migration at or above the fail threshold DANGEROUS/);
});
