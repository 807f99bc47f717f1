// golang-migrate's file source runs `<version>_<name>.up.<any extension>`: a pull request that
// adds `0002_x.up.txt` beside the `.sql` migrations adds a migration golang-migrate runs. It was
// never listed (only `.sql` files were), so a DROP TABLE in it passed as a change with no
// migrations at all.
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

const GM = 'db/migrations';

async function reviewChange(files: Record<string, string>) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write({
    [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
    [`${GM}/0001_users.down.sql`]: 'DROP TABLE users;\n',
    [`${GM}/README.md`]: 'Migrations, run by golang-migrate.\n',
  }).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(files).commit('change');
  const git = await gitChanges(r.dir, 'main');
  return runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base } });
}

describe('golang-migrate runs any extension', () => {
  it.each([
    ['.up.txt', `${GM}/0002_drop.up.txt`, `${GM}/0002_drop.down.txt`],
    ['.up.sql.orig (a left-behind merge file)', `${GM}/0002_drop.up.sql.orig`, `${GM}/0002_drop.down.sql.orig`],
    ['.up.psql', `${GM}/0002_drop.up.psql`, `${GM}/0002_drop.down.psql`],
  ])('%s is a migration, reviewed and paired with its rollback', async (_name, up, down) => {
    const { report } = await reviewChange({ [up]: 'DROP TABLE users;\n', [down]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n' });
    const m = report.migrations.find((x) => x.path === up);
    expect(m?.findings.map((f) => f.rule)).toContain('ban-drop-table');
    expect(m?.rollback).toEqual({ path: down, status: 'present' });
    expect(report.risk).toBe('DANGEROUS');
  });

  it('a file golang-migrate does not run (no version_name.up./down. shape) is still no migration', async () => {
    const { report } = await reviewChange({ [`${GM}/notes.txt`]: 'DROP TABLE users;\n', [`${GM}/0002-x.up.txt`]: 'DROP TABLE users;\n' });
    expect(report.migrations).toEqual([]);
    expect(report.errors).toEqual([]);
  });

  it('such a file that is binary (a NUL byte) is no clean migration, as a .sql file would not be', async () => {
    const r = await reviewChange({ [`${GM}/0002_x.up.txt`]: '\u0000' });
    expect(r.report.risk).not.toBe('SAFE');
  });
});
