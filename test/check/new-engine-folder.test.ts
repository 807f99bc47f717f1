// A folder named for another engine is left alone because its name says so; a folder the pull
// request brings whole is named by its author. Flyway scans its location's whole tree (and
// Liquibase's includeAll too), so `db/migration/mysql/V2__x.sql` added to a Flyway project runs
// on PostgreSQL: it was left alone with a note, and a DROP TABLE in it passed as SAFE.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import type { ConfigFile } from '../../src/config/schema.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function reviewChange(base: Record<string, string>, change: Record<string, string>, configFile: ConfigFile = {}) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write({ 'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n', ...base }).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(change).commit('change');
  const git = await gitChanges(r.dir, 'main');
  return (await runCheck({ files: fsRepoFiles(r.dir), config: config(configFile), scope: { kind: 'changes', changes: git.changes, base: git.base } })).report;
}

describe('a folder of another engine that the change adds', () => {
  it('is reviewed as PostgreSQL, with a note saying why', async () => {
    const report = await reviewChange({}, { 'db/migration/mysql/V2__cleanup.sql': 'DROP TABLE users;\n' });
    const m = report.migrations.find((x) => x.path === 'db/migration/mysql/V2__cleanup.sql');
    expect(m?.findings.map((f) => f.rule)).toContain('ban-drop-table');
    expect(report.risk).toBe('DANGEROUS');
    expect(report.notes?.find((n) => n.path === 'db/migration/mysql')?.message).toMatch(/reviewed as PostgreSQL although the folder name says MySQL: the change adds the folder/);
  });

  it('nested deeper (db/migration/x/sqlite3/) too', async () => {
    const report = await reviewChange({}, { 'db/migration/x/sqlite3/V2__cleanup.sql': 'DROP TABLE users;\n' });
    expect(report.risk).toBe('DANGEROUS');
  });

  it('a vendor folder the base branch already has is still left alone', async () => {
    const report = await reviewChange(
      { 'db/vendor/h2/V1__init.sql': 'CREATE TABLE t (id IDENTITY);\n', 'db/vendor/postgres/V1__init.sql': 'CREATE TABLE t (id int);\n' },
      { 'db/vendor/h2/V2__more.sql': 'CREATE TABLE u (id IDENTITY);\n' },
    );
    expect(report.migrations.map((m) => m.path)).toEqual([]);
    expect(report.notes?.find((n) => n.path === 'db/vendor/h2')?.message).toMatch(/left alone: the folder name says H2/);
  });

  // Flyway reads its location's whole tree: a vendor folder inside a folder of Flyway migrations
  // is run with them, however old the folder. Adding V3__drop.sql to an existing
  // db/migration/mysql/ passed as SAFE.
  it('an existing vendor folder inside a folder of Flyway migrations is reviewed, with a note', async () => {
    const report = await reviewChange({ 'db/migration/mysql/V1_1__mysql_only.sql': 'SELECT 1;\n' }, { 'db/migration/mysql/V3__drop.sql': 'DROP TABLE users;\n' });
    expect(report.migrations.find((m) => m.path === 'db/migration/mysql/V3__drop.sql')?.findings.map((f) => f.rule)).toContain('ban-drop-table');
    expect(report.notes?.find((n) => n.path === 'db/migration/mysql')?.message).toMatch(/db\/migration holds Flyway migrations, and Flyway runs every migration below its location/);
  });

  it('otherDatabases.skip (the base branch\'s config) still leaves a new folder alone', async () => {
    const report = await reviewChange({}, { 'db/migration/mysql/V2__x.sql': 'CREATE TABLE x (id INT) ENGINE=InnoDB;\n' }, { otherDatabases: { skip: ['db/migration/mysql/**'] } });
    expect(report.migrations).toEqual([]);
    expect(report.risk).toBe('SAFE');
  });
});
