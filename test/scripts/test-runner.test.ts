// `npm test` itself (scripts/test.mjs with its reporter and global set-up): it ends with the
// slowest files and one closing line, writes no report file it does not keep, and a test that
// leaves a temp dir behind fails the run by name while the system temp dir gets nothing new.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CONFIG = 'test/fixtures/vitest/vitest.config.ts';
// The nested runs get a temp dir of their own, so what they leave is theirs.
const temp = mkdtempSync(path.join(tmpdir(), 'mg-test-runner-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function npmTest(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/test.mjs', '--config', CONFIG, ...args], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

it('ends with the slowest files and a closing line, and announces no file it deletes', () => {
  const run = npmTest('passes');
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/slowest test files/);
  expect(run.stdout).toMatch(/test\/fixtures\/vitest\/passes\.test\.ts/);
  expect(run.stdout).toMatch(/\ntests: 1 passed, 0 failed\n/);
  expect(run.stdout + run.stderr).not.toMatch(/JSON report written/i);
  expect(readdirSync(temp)).toEqual([]);
});

it('fails a run whose test leaves a temp dir, names it, and still removes it', () => {
  const run = npmTest('leaks');
  expect(run.status).not.toBe(0);
  expect(run.stdout + run.stderr).toMatch(/tests left 1 temp entry behind.*mg-forgotten-/);
  expect(readdirSync(temp)).toEqual([]);
});
