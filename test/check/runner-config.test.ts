// The runners' own settings decide which files run and how: `flyway.sqlMigrationSuffixes=.sql,.txt`
// makes Flyway run `V2__x.txt`, `flyway.locations` adds a folder, `flyway.initSql` runs SQL on
// every connection. A pull request that changed them (and added what they make run) passed as
// SAFE with nothing reviewed. A change that sets, changes or removes such a setting is a DANGEROUS
// layout-error on the file, naming the new value; a settings file the change deletes counts too,
// for these settings and for placeholder values.
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { runnerSettings } from '../../src/discover/runner-config.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';
import type { ConfigFile } from '../../src/config/schema.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function review(base: Record<string, string>, change: Record<string, string | null>, file: ConfigFile = {}) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write(base).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  for (const [p, text] of Object.entries(change)) {
    if (text === null) rmSync(path.join(r.dir, p));
    else r.write({ [p]: text });
  }
  r.git('add', '-A');
  r.commit('change');
  const git = await gitChanges(r.dir, 'main');
  return (await runCheck({ files: fsRepoFiles(r.dir), config: config(file), scope: { kind: 'changes', changes: git.changes, base: git.base } })).report;
}

const USERS = { 'src/main/resources/db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n' };
const CONF = 'flyway.locations=filesystem:src/main/resources/db/migration\n';

describe('a change to the runner\'s own settings', () => {
  it('flyway.conf suffixes, prefix and locations that make other files run: DANGEROUS on the file, naming the values', async () => {
    const report = await review({ ...USERS, 'flyway.conf': CONF }, {
      'flyway.conf': 'flyway.locations=filesystem:src/main/resources/db/migration,filesystem:tools/seed\nflyway.sqlMigrationSuffixes=.sql,.txt\nflyway.sqlMigrationPrefix=M\n',
      'src/main/resources/db/migration/V2__b.txt': 'DROP TABLE users;\n',
      'tools/seed/M3__c.sql': 'DROP TABLE users;\n',
    });
    expect(report.risk).toBe('DANGEROUS');
    const e = report.errors.find((x) => x.path === 'flyway.conf');
    expect([e?.rule, e?.risk]).toEqual(['layout-error', 'DANGEROUS']);
    expect(e?.message).toMatch(/sqlmigrationsuffixes from unset to `\.sql,\.txt`/);
    expect(e?.message).toMatch(/locations from `filesystem:src\/main\/resources\/db\/migration` to `filesystem:src\/main\/resources\/db\/migration,filesystem:tools\/seed`/);
    expect(e?.message).toMatch(/sqlmigrationprefix from unset to `M`/);
  });

  it('SQL of its own in Spring\'s application.yml (init-sqls) and a removed setting', async () => {
    const report = await review({ ...USERS, 'src/main/resources/application.yml': 'spring:\n  flyway:\n    locations: classpath:db/migration\n    table: schema_history\n' }, {
      'src/main/resources/application.yml': 'spring:\n  flyway:\n    locations: classpath:db/migration\n    init-sqls:\n      - DROP TABLE users\n',
    });
    const e = report.errors.find((x) => x.path === 'src/main/resources/application.yml');
    expect(e?.rule).toBe('layout-error');
    expect(e?.message).toMatch(/initsqls from unset to `DROP TABLE users`/);
    expect(e?.message).toMatch(/table from `schema_history` to unset/);
  });

  it('a deleted flyway.conf and a renamed liquibase.properties change what runs too', async () => {
    const report = await review({ ...USERS, 'flyway.conf': 'flyway.sqlMigrationPrefix=V\nflyway.cleanDisabled=true\n', 'liquibase.properties': 'changeLogFile: db/changelog.xml\n' }, {
      'flyway.conf': null,
      'liquibase.properties': null,
      'liquibase.properties.bak': 'changeLogFile: db/changelog.xml\n',
    });
    expect(report.errors.filter((x) => x.rule === 'layout-error').map((x) => x.path).sort()).toEqual(['flyway.conf', 'liquibase.properties']);
    expect(report.errors.find((x) => x.path === 'flyway.conf')?.message).toMatch(/cleandisabled from `true` to unset/);
  });

  it('a deleted file that set a placeholder a migration uses is placeholder-unknown on it', async () => {
    const report = await review({ ...USERS, 'flyway.conf': 'flyway.placeholders.tbl=users\n' }, { 'flyway.conf': null, 'src/main/resources/db/migration/V2__x.sql': 'SELECT 1 FROM ${tbl};\n' }, { placeholders: { tbl: 'users' } });
    const e = report.errors.find((x) => x.path === 'flyway.conf' && x.rule === 'placeholder-unknown');
    expect(e?.message).toMatch(/\$\{tbl\} from `users` to unset/);
  });

  it('no finding for a change that leaves the settings as they were', async () => {
    const report = await review({ ...USERS, 'src/main/resources/application.yml': 'server:\n  port: 8080\nspring:\n  flyway:\n    locations: classpath:db/migration\n' }, {
      'src/main/resources/application.yml': 'server:\n  port: 9090\nspring:\n  flyway:\n    locations: classpath:db/migration\n',
      'pom.xml': '<project><build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId><configuration><target>21</target></configuration></plugin></plugins></build></project>\n',
      'README.md': 'Run flyway migrate, then start.\n',
    });
    expect(report.errors).toEqual([]);
    expect(report.risk).toBe('SAFE');
  });
});

describe('runnerSettings reads the forms the runners take', () => {
  it.each([
    ['flyway.conf', 'flyway.sqlMigrationSuffixes=.sql,.txt\n', 'sqlmigrationsuffixes', '.sql,.txt'],
    ['flyway.toml', '[flyway]\nlocations = ["filesystem:sql", "filesystem:x"]\n', 'locations', '["filesystem:sql", "filesystem:x"]'],
    ['application.properties', 'spring.flyway.init-sqls=DROP TABLE users\n', 'initsqls', 'DROP TABLE users'],
    ['.env', 'FLYWAY_SQL_MIGRATION_PREFIX=M\n', 'sqlmigrationprefix', 'M'],
    ['Dockerfile', 'ENV SPRING_FLYWAY_LOCATIONS filesystem:/x\n', 'locations', 'filesystem:/x'],
    ['.github/workflows/deploy.yml', 'jobs:\n  m:\n    steps:\n      - run: flyway -locations=filesystem:tools migrate\n', 'locations', 'filesystem:tools'],
    ['pom.xml', '<plugin><groupId>org.flywaydb</groupId><artifactId>flyway-maven-plugin</artifactId><configuration><sqlMigrationPrefix>M</sqlMigrationPrefix></configuration></plugin>', 'sqlmigrationprefix', 'M'],
    ['build.gradle', 'flyway {\n    locations = [\'filesystem:x\']\n}\n', 'locations', "['filesystem:x']"],
    ['liquibase.properties', 'changeLogFile: db/other.xml\n', 'changelogfile', 'db/other.xml'],
    ['application.yml', 'spring:\n  liquibase:\n    change-log: classpath:db/other.xml\n', 'changelog', 'classpath:db/other.xml'],
  ])('%s', (file, text, setting, value) => {
    expect(runnerSettings(text, file).get(setting)).toBe(value);
  });

  it('leaves other settings and placeholder values alone', () => {
    expect([...runnerSettings('flyway.placeholders.locations=x\nflyway.url=jdbc:postgresql://db/app\nlogging.group.web=x\n', 'flyway.conf').keys()]).toEqual([]);
    expect([...runnerSettings('<plugin><artifactId>maven-compiler-plugin</artifactId><configuration><target>21</target></configuration></plugin> flyway', 'pom.xml').keys()]).toEqual([]);
  });
});

describe('a Liquibase changelog that includes what the review does not read', () => {
  // `<includeAll path="../../tools/"/>` ran every .sql file of a folder no layout reads as
  // migrations, and the changelog edit itself was no finding: the gate stayed green.
  const DIR = 'src/main/resources/db/changelog';
  const master = (...lines: string[]) => `<?xml version="1.0"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n${lines.map((l) => `  ${l}\n`).join('')}</databaseChangeLog>\n`;
  const BASE = { [`${DIR}/db.changelog-master.xml`]: master('<include file="db/changelog/001.sql"/>'), [`${DIR}/001.sql`]: '--liquibase formatted sql\n--changeset a:1\nCREATE TABLE users (id int);\n' };

  it('an include or includeAll of SQL outside the reviewed folders is a DANGEROUS layout-error on the changelog', async () => {
    const report = await review(BASE, {
      [`${DIR}/db.changelog-master.xml`]: master('<include file="db/changelog/001.sql"/>', '<includeAll path="../../../../../tools/" relativeToChangelogFile="true"/>', '<include file="tools/cleanup.sql"/>'),
      'tools/x.sql': 'DROP TABLE users;\n',
      'tools/cleanup.sql': 'TRUNCATE users;\n',
    });
    const e = report.errors.find((x) => x.path === `${DIR}/db.changelog-master.xml`);
    expect([e?.rule, e?.risk]).toEqual(['layout-error', 'DANGEROUS']);
    expect(e?.message).toMatch(/includeAll \.\.\/\.\.\/\.\.\/\.\.\/\.\.\/tools\//);
    expect(e?.message).toMatch(/include tools\/cleanup\.sql/);
    expect(report.risk).toBe('DANGEROUS');
  });

  it('an include of a migration the review reads (the ordinary Liquibase pull request) is no finding', async () => {
    const report = await review(BASE, {
      [`${DIR}/db.changelog-master.xml`]: master('<include file="db/changelog/001.sql"/>', '<include file="db/changelog/002.sql"/>', '<includeAll path="db/changelog/"/>'),
      [`${DIR}/002.sql`]: '--liquibase formatted sql\n--changeset a:2\nCREATE TABLE orders (id int);\n',
    });
    expect(report.errors).toEqual([]);
  });

  it('reads YAML changelogs too', async () => {
    const { changelogIncludes } = await import('../../src/discover/runner-config.js');
    expect(changelogIncludes('databaseChangeLog:\n  - include:\n      file: db/a.sql\n  - includeAll:\n      path: ../tools/\n')).toEqual([
      { kind: 'include', target: 'db/a.sql' },
      { kind: 'includeAll', target: '../tools/' },
    ]);
  });
});

describe('a submodule the change moves', () => {
  // Files in a submodule are not listed (git lists the submodule as a commit): a pull request
  // that moved `db/`, a submodule of shared migrations, to a commit with a DROP TABLE passed
  // green with nothing reviewed.
  it('one where migrations may live is a DANGEROUS layout-error; a vendored library is not', async () => {
    const shared = new TempRepo().init();
    const lib = new TempRepo().init();
    repos.push(shared, lib);
    shared.write({ 'migrations/0001_users.up.sql': 'CREATE TABLE users (id int);\n', 'migrations/0001_users.down.sql': 'DROP TABLE users;\n' }).commit('one');
    lib.write({ 'lib.c': 'int x;\n' }).commit('one');
    const r = new TempRepo().init();
    repos.push(r);
    r.write({ 'README.md': 'x\n' });
    r.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', shared.dir, 'db');
    r.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib.dir, 'vendor/lib');
    r.git('add', '-A');
    r.commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    shared.write({ 'migrations/0002_wipe.up.sql': 'DROP TABLE users;\n', 'migrations/0002_wipe.down.sql': 'SELECT 1;\n' }).commit('two');
    lib.write({ 'lib.c': 'int y;\n' }).commit('two');
    for (const [sub, from] of [['db', shared], ['vendor/lib', lib]] as const) r.git('-C', sub, '-c', 'protocol.file.allow=always', 'pull', '-q', from.dir, 'main');
    r.git('add', '-A');
    r.commit('bump');
    const git = await gitChanges(r.dir, 'main');
    const { report } = await runCheck({ files: fsRepoFiles(r.dir), config: config({}), scope: { kind: 'changes', changes: git.changes, base: git.base } });
    expect(report.errors.map((e) => [e.path, e.rule, e.risk])).toEqual([['db', 'layout-error', 'DANGEROUS']]);
    expect(report.risk).toBe('DANGEROUS');
  });
});

describe('an approval of a change the review cannot follow', () => {
  // After `sqlMigrationSuffixes=.sql,.txt` was approved, a push that rewrote the V9__x.txt it
  // makes Flyway run kept the finding's text, and so the approval: the finding now carries a
  // digest of every file the change touches, and the approval's hash holds the finding's text.
  it('the finding changes when a file it makes run changes', async () => {
    const head = (txt: string) => ({ 'flyway.conf': 'flyway.sqlMigrationSuffixes=.sql,.txt\n', 'src/main/resources/db/migration/V9__x.txt': txt });
    const message = async (txt: string) => (await review({ ...USERS, 'flyway.conf': CONF }, head(txt))).errors.find((e) => e.path === 'flyway.conf')?.message;
    const first = await message('SELECT 1;\n');
    expect(first).toMatch(/bound to the 2 files this change touches: sha256:[0-9a-f]{16}/);
    expect(await message('DROP TABLE users;\n')).not.toBe(first);
    expect(await message('SELECT 1;\n')).toBe(first);
  });
});
