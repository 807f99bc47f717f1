// `check --dry-run --seed-rows N` without `--base` reviews the whole history, so it seeds the
// tables that exist before each migration (issue 15): an ADD COLUMN ... NOT NULL without a
// default on a table an earlier file created fails with Postgres' error, and the report says
// how many rows went into how many tables, or why none (the terminal and Markdown wording is
// tested with their renderers). The built CLI as a separate process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'mg-cli-seed-'));

function check(format: string) {
  const r = spawnSync(process.execPath, [cli, 'check', 'db', '--dry-run', '--seed-rows', '5', '--no-progress', '--format', format], {
    cwd: work,
    encoding: 'utf8',
    // The run's shared dry-run cache (test/support/global-setup.ts): a cache of its own cost this
    // file PGlite's initdb, and nothing here is about a cold start.
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 240_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
  mkdirSync(path.join(work, 'db'));
  const file = (name: string, text: string) => writeFileSync(path.join(work, 'db', name), text);
  file('0001_users.up.sql', 'CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);\n');
  file('0001_users.down.sql', 'DROP TABLE users;\n');
  file('0002_age.up.sql', 'ALTER TABLE users ADD COLUMN age int NOT NULL;\n');
  file('0002_age.down.sql', 'ALTER TABLE users DROP COLUMN age;\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--seed-rows without --base', { timeout: 300_000 }, () => {
  it('json: the second migration fails on the rows seeded into the table the first created; the first says why it had none', () => {
    const r = check('json');
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { migrations: Array<{ path: string; dryRun: { status: string; error?: { sqlstate: string; message: string }; seed?: unknown } }> };
    const [first, second] = report.migrations;
    expect(first!.dryRun).toMatchObject({ status: 'passed', seed: { rows: 5, tables: [], skipped: [], reason: 'no table exists before this migration' } });
    expect(second!.dryRun).toMatchObject({ status: 'failed', seed: { rows: 5, tables: ['public.users'], skipped: [] } });
    expect(second!.dryRun.error).toMatchObject({ sqlstate: '23502', message: 'column "age" of relation "users" contains null values' });
  });

});
