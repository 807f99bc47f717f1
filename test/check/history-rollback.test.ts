// A reviewed migration that unchanged migrations come after (an old one given a new rollback) is
// replayed as history in its place, with no dry-run of its own (docs/scope.md). Its rollback is
// what the change changed, so the dry-run still runs it there: inside a transaction it rolls back,
// so the base stays what it was, and the rollback's findings are the migration's.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const GM = 'db/migrations';
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function review(change: Record<string, string>) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write({
    [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);\n',
    [`${GM}/0001_users.down.sql`]: 'DROP TABLE users;\n',
    [`${GM}/0002_posts.up.sql`]: 'CREATE TABLE posts (id bigint PRIMARY KEY);\n',
    [`${GM}/0002_posts.down.sql`]: 'DROP TABLE posts;\n',
  }).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write({
    ...change,
    [`${GM}/0003_title.up.sql`]: 'ALTER TABLE posts ADD COLUMN title text;\n',
    [`${GM}/0003_title.down.sql`]: 'ALTER TABLE posts DROP COLUMN title;\n',
  }).commit('change');
  const git = await gitChanges(r.dir, 'main');
  const result = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base }, dryRun: true });
  return new Map(result.report.migrations.map((m) => [m.path, m]));
}

describe('the new rollback of a migration history follows', () => {
  it('is run: one that fails is a dry-run-failed finding on the rollback, and the migrations after run as before', { timeout: 120_000 }, async () => {
    const byPath = await review({ [`${GM}/0001_users.down.sql`]: 'DROP INDEX users_email_idx;\nDROP TABLE user_accounts;\n' });
    const old = byPath.get(`${GM}/0001_users.up.sql`)!;
    expect(old.dryRun?.rollback?.status).toBe('failed');
    expect(old.findings).toContainEqual(expect.objectContaining({ rule: 'dry-run-failed', path: `${GM}/0001_users.down.sql`, line: 2 }));
    expect(byPath.get(`${GM}/0003_title.up.sql`)!.dryRun).toMatchObject({ status: 'passed', rollback: { status: 'exact' } });
  });

  it('is run: one that leaves something behind is rollback-incomplete; an exact one says so', { timeout: 120_000 }, async () => {
    const byPath = await review({ [`${GM}/0001_users.down.sql`]: 'DROP INDEX users_email_idx;\nALTER TABLE users DROP COLUMN email;\n' });
    const old = byPath.get(`${GM}/0001_users.up.sql`)!;
    expect(old.dryRun?.rollback?.status).toBe('incomplete');
    expect(old.findings.filter((f) => f.rule === 'rollback-incomplete').map((f) => f.message).join('\n')).toMatch(/Table public\.users still exists after rollback/);
    const exact = await review({ [`${GM}/0001_users.down.sql`]: 'DROP INDEX users_email_idx;\nDROP TABLE users;\n' });
    expect(exact.get(`${GM}/0001_users.up.sql`)!.dryRun?.rollback).toMatchObject({ status: 'exact', reapply: 'passed' });
  });
});

describe('a new rollback of a migration history follows that cannot run in a transaction', () => {
  it('is not run, and says so with a dry-run-unobserved finding', { timeout: 120_000 }, async () => {
    const byPath = await review({ [`${GM}/0001_users.down.sql`]: 'DROP INDEX CONCURRENTLY users_email_idx;\n' });
    const old = byPath.get(`${GM}/0001_users.up.sql`)!;
    expect(old.dryRun?.rollback?.status).toBe('not-run');
    expect(old.findings.find((f) => f.rule === 'dry-run-unobserved')?.message).toMatch(/did not run all of this migration.*rollback db\/migrations\/0001_users\.down\.sql was not run.*:1:1 does not run inside one/);
  });
});
