// sqitch runs verify/<change>.sql on the database (`sqitch deploy --verify`, `sqitch verify`),
// after the change and again on every verify. A pull request that put `DROP TABLE users;` in a
// verify script, new or existing, passed as SAFE: verify/ was not read. A verify script is now a
// migration right after its change: repeatable (editing it is no migration-edited), no rollback.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const plan = (...changes: string[]) => `%project=x\n\n${changes.map((c, i) => `${c} 2024-01-0${i + 1}T00:00:00Z A <a@b> # ${c}`).join('\n')}\n`;
const BASE = {
  'sq/sqitch.plan': plan('users'),
  'sq/deploy/users.sql': 'BEGIN;\nCREATE TABLE users (id bigint PRIMARY KEY);\nCOMMIT;\n',
  'sq/revert/users.sql': 'BEGIN;\nDROP TABLE users;\nCOMMIT;\n',
  'sq/verify/users.sql': 'BEGIN;\nSELECT id FROM users WHERE FALSE;\nROLLBACK;\n',
};

async function review(change: Record<string, string>) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write(BASE).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(change).commit('change');
  const git = await gitChanges(r.dir, 'main');
  return (await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base } })).report;
}

describe('sqitch verify scripts are reviewed', () => {
  it('an existing verify script edited to drop a table is DANGEROUS, and no migration-edited', async () => {
    const report = await review({ 'sq/verify/users.sql': 'DROP TABLE users;\n' });
    const verify = report.migrations.find((m) => m.path === 'sq/verify/users.sql');
    expect(verify?.risk).toBe('DANGEROUS');
    expect(verify?.findings.map((f) => f.rule)).toContain('ban-drop-table');
    expect(verify?.findings.map((f) => f.rule)).not.toContain('migration-edited');
    expect(report.migrations.map((m) => m.path)).toEqual(['sq/verify/users.sql']);
  });

  it('a new change\'s verify script is reviewed after its deploy script, with no rollback asked for', async () => {
    const report = await review({
      'sq/sqitch.plan': plan('users', 'email'),
      'sq/deploy/email.sql': "BEGIN;\nSET lock_timeout = '1s';\nALTER TABLE users ADD COLUMN email text;\nCOMMIT;\n",
      'sq/revert/email.sql': "BEGIN;\nSET lock_timeout = '1s';\nALTER TABLE users DROP COLUMN email;\nCOMMIT;\n",
      'sq/verify/email.sql': 'BEGIN;\nSELECT email FROM users WHERE FALSE;\nROLLBACK;\n',
    });
    expect(report.migrations.map((m) => [m.path, m.risk, m.rollback.status])).toEqual([
      ['sq/deploy/email.sql', 'SAFE', 'present'],
      ['sq/verify/email.sql', 'SAFE', 'not-required'],
    ]);
    const evil = await review({
      'sq/sqitch.plan': plan('users', 'email'),
      'sq/deploy/email.sql': "BEGIN;\nSET lock_timeout = '1s';\nALTER TABLE users ADD COLUMN email text;\nCOMMIT;\n",
      'sq/revert/email.sql': "BEGIN;\nSET lock_timeout = '1s';\nALTER TABLE users DROP COLUMN email;\nCOMMIT;\n",
      'sq/verify/email.sql': 'TRUNCATE users;\n',
    });
    expect(evil.risk).toBe('DANGEROUS');
  });

  it('a revert script edited to drop more than its change made is DANGEROUS (rollback-destroys-data)', async () => {
    const report = await review({ 'sq/revert/users.sql': 'BEGIN;\nDROP TABLE users;\nDROP SCHEMA public CASCADE;\nCOMMIT;\n' });
    const deploy = report.migrations.find((m) => m.path === 'sq/deploy/users.sql');
    expect(deploy?.findings.map((f) => [f.rule, f.risk, f.path])).toContainEqual(['rollback-destroys-data', 'DANGEROUS', 'sq/revert/users.sql']);
    expect(report.risk).toBe('DANGEROUS');
  });

  it('a goose down section edited alone to empty a table is DANGEROUS too', async () => {
    const r = new TempRepo().init();
    repos.push(r);
    const goose = (down: string) => `-- +goose Up\nALTER TABLE users ADD COLUMN email text;\n-- +goose Down\n${down}`;
    r.write({ 'db/migrations/00001_users.sql': '-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY);\n-- +goose Down\nDROP TABLE users;\n', 'db/migrations/00002_email.sql': goose('ALTER TABLE users DROP COLUMN email;\n') }).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'db/migrations/00002_email.sql': goose('ALTER TABLE users DROP COLUMN email;\nDELETE FROM users;\n') }).commit('change');
    const git = await gitChanges(r.dir, 'main');
    const report = (await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base } })).report;
    expect(report.migrations[0]?.findings.map((f) => [f.rule, f.risk])).toEqual([['rollback-destroys-data', 'DANGEROUS']]);
  });

  it("a down that drops what a later migration of the change adds loses nothing older (pop's split groups pair their downs in reverse)", async () => {
    const r = new TempRepo().init();
    repos.push(r);
    r.write({ 'db/migrations/00001_users.sql': '-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY, name text);\n-- +goose Down\nDROP TABLE users;\n' }).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      'db/migrations/00002_a.sql': '-- +goose Up\nALTER TABLE users ADD COLUMN a text;\n-- +goose Down\nALTER TABLE users DROP COLUMN b;\n',
      'db/migrations/00003_b.sql': '-- +goose Up\nALTER TABLE users ADD COLUMN b text;\n-- +goose Down\nALTER TABLE users DROP COLUMN a;\nALTER TABLE users DROP COLUMN name;\n',
    }).commit('change');
    const git = await gitChanges(r.dir, 'main');
    const report = (await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base } })).report;
    const destroys = (path: string) => report.migrations.find((m) => m.path === path)?.findings.filter((f) => f.rule === 'rollback-destroys-data').map((f) => f.message);
    expect(destroys('db/migrations/00002_a.sql')).toEqual([]);
    expect(report.migrations.find((m) => m.path === 'db/migrations/00002_a.sql')?.risk).not.toBe('DANGEROUS');
    // name was there before either migration: dropping it still loses data.
    expect(destroys('db/migrations/00003_b.sql')).toEqual([expect.stringContaining('drops column name of public.users')]);
  });
});
