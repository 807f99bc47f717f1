// One fixture repository per layout (test/fixtures/layouts/<layout>/): the layout detected, the
// order, the rollback pairing and the transaction mode of every migration.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverMigrations } from '../../src/discover/discover.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { topLevelStatements } from '../../src/parse/index.js';
import { config, FIXTURES, summary } from './helpers.js';

async function discover(layout: string) {
  return discoverMigrations(fsRepoFiles(path.join(FIXTURES, layout)), config());
}

describe('layouts', () => {
  it('golang-migrate: numeric order, .down.sql pairs, the file as one query (implicit transaction)', async () => {
    const r = await discover('golang-migrate');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['db/migrations', 'golang-migrate']]);
    expect(summary(r.sets[0]!)).toEqual([
      '0001_create_users present implicit 0001_create_users.down.sql',
      '0002_add_email present(empty) implicit 0002_add_email.down.sql',
      '0010_add_index missing implicit -',
    ]);
    expect(r.findings.map((f) => [f.rule, f.risk, f.path])).toEqual([['rollback-missing', 'CAUTION', 'db/migrations/0010_add_index.up.sql']]);
    expect(r.findings[0]!.message).toContain('expected db/migrations/0010_add_index.down.sql');
  });

  it('sqlx: names like golang-migrate\'s in a crate that depends on sqlx; simple and reversible files, a transaction per file unless -- no-transaction', async () => {
    const r = await discover('sqlx');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['migrations', 'sqlx']]);
    // A reversible pair in the folder makes rollbacks expected, and the simple files have none.
    expect(summary(r.sets[0]!)).toEqual([
      '20240101000000_create_users missing wrapped -',
      '20240201000000_index_email missing none -',
      '20240301000000_add_name present wrapped 20240301000000_add_name.down.sql',
    ]);
  });

  it('pop: the .postgres. file replaces the generic one, other dialects are skipped, .autocommit. has no transaction', async () => {
    const r = await discover('pop');
    expect(r.sets.map((s) => s.layout)).toEqual(['pop']);
    const set = r.sets[0]!;
    expect(summary(set)).toEqual([
      '20200101000000000000_users present wrapped 20200101000000000000_users.down.sql',
      '20200202000000000000_idx present none 20200202000000000000_idx.postgres.autocommit.down.sql',
      '20200303000000000000_note present(empty) wrapped 20200303000000000000_note.down.sql',
    ]);
    expect(set.migrations[0]!.up.path).toBe('persistence/sql/migrations/20200101000000000000_users.postgres.up.sql');
    expect(set.migrations[0]!.up.text).toContain('uuid');
    expect(r.findings).toEqual([]);
  });

  it('directory-pairs: Diesel versions with dashes order by date, metadata.toml opts out of the transaction', async () => {
    const r = await discover('directory-pairs');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['migrations', 'directory-pairs']]);
    expect(summary(r.sets[0]!)).toEqual([
      '20170804200817_add_email present wrapped 20170804200817_add_email/down.sql',
      '2017-08-31-230457_invitations present wrapped 2017-08-31-230457_invitations/down.sql',
      '2024-01-01-000000-0000_concurrent_index present none 2024-01-01-000000-0000_concurrent_index/down.sql',
    ]);
  });

  it('flyway: versions by value, U undo files pair, R__ runs last, .sql.conf opts out of the transaction', async () => {
    const r = await discover('flyway');
    expect(r.sets.map((s) => s.layout)).toEqual(['flyway']);
    const set = r.sets[0]!;
    // The folder uses undo files, so versioned migrations without one are reported.
    expect(summary(set)).toEqual([
      'V1__init missing wrapped -',
      'V1_1__add_name missing wrapped -',
      'V2__add_email present wrapped U2__add_email.sql',
      'V10__index missing none -',
      'R__views missing wrapped -',
    ]);
    expect(set.migrations.map((m) => m.version)).toEqual(['1', '1_1', '2', '10', '']);
    expect(set.migrations[4]!.repeatable).toBe(true);
  });

  it("flyway: a statement Flyway's PostgreSQL parser cannot run in a transaction, or a flyway:executeInTransaction=false comment, runs the file outside one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-flyway-tx-'));
    try {
      const files: Record<string, string> = {
        'V1__t.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, c text);\n',
        'V2__idx.sql': '-- the index, built without blocking writes\nCREATE INDEX CONCURRENTLY t_c ON t (c);\n',
        'V3__script_config.sql': '-- flyway:executeInTransaction=false\nALTER TABLE t ADD COLUMN d int;\n',
        'V4__comment_only.sql': '-- not: CREATE INDEX CONCURRENTLY t_d ON t (d);\n/* VACUUM t; */\nALTER TABLE t ADD COLUMN e int;\n',
        'V5__vacuum.sql': 'VACUUM ANALYZE t;\n',
      };
      mkdirSync(path.join(dir, 'db', 'migration'), { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'db', 'migration', name), text);
      const r = await discoverMigrations(fsRepoFiles(dir), config(), { statements: topLevelStatements });
      expect(r.sets[0]!.migrations.map((m) => [m.id, m.transaction])).toEqual([
        ['V1__t', 'wrapped'],
        ['V2__idx', 'none'],
        ['V3__script_config', 'none'],
        ['V4__comment_only', 'wrapped'],
        ['V5__vacuum', 'none'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Flyway tells the statements it runs outside a transaction from their text, and refuses a
  // script that mixes them with others unless `mixed=true` or the script's own setting says how
  // to run it ("Detected both transactional and non-transactional statements within the same
  // migration (even though mixed is false)"). Read here from the statements' trees: a word in a
  // string is none, and REINDEX ... CONCURRENTLY is not one Flyway knows (it wraps it, and
  // PostgreSQL refuses it there).
  describe('flyway: statements mixed in and out of a transaction', () => {
    async function discoverFlyway(files: Record<string, string>) {
      const dir = mkdtempSync(path.join(tmpdir(), 'mg-flyway-mixed-'));
      try {
        for (const [name, text] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          writeFileSync(path.join(dir, name), text);
        }
        return await discoverMigrations(fsRepoFiles(dir), config(), { statements: topLevelStatements });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const migrations = {
      'db/migration/V1__t.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, c text);\n',
      'db/migration/V2__mixed.sql': 'ALTER TABLE t ADD COLUMN d int;\nCREATE INDEX CONCURRENTLY t_d ON t (d);\n',
      'db/migration/V3__reindex.sql': 'REINDEX TABLE CONCURRENTLY t;\n',
      'db/migration/V4__string.sql': "INSERT INTO t (id, c) VALUES (1, 'VACUUM; CREATE DATABASE x');\n",
      'db/migration/V5__set.sql': 'ALTER TABLE t ADD COLUMN e int;\nCREATE INDEX CONCURRENTLY t_e ON t (e);\n',
      'db/migration/V5__set.sql.conf': 'executeInTransaction=true\n',
    };

    it('refuses a script with both kinds at the statement where they meet, unless the script says how to run it', async () => {
      const r = await discoverFlyway(migrations);
      expect(r.sets[0]!.migrations.map((m) => [m.id, m.transaction])).toEqual([
        ['V1__t', 'wrapped'],
        ['V2__mixed', 'none'],
        ['V3__reindex', 'wrapped'],
        ['V4__string', 'wrapped'],
        ['V5__set', 'wrapped'],
      ]);
      expect(r.errors.map((e) => [e.path, e.line, e.rule, e.risk])).toEqual([['db/migration/V2__mixed.sql', 2, 'layout-error', 'DANGEROUS']]);
      expect(r.errors[0]!.message).toMatch(/^Flyway refuses to run this migration: .*this one, which cannot/);
    });

    it('runs it outside a transaction with mixed=true in Flyway\'s configuration', async () => {
      for (const [file, text] of [['flyway.conf', 'flyway.mixed=true\n'], ['src/main/resources/application.properties', 'spring.flyway.mixed=true\n']] as const) {
        const r = await discoverFlyway({ ...migrations, [file]: text });
        expect(r.errors).toEqual([]);
        expect(r.sets[0]!.migrations[1]!.transaction).toBe('none');
      }
    });

    it("reads mixed=true only in the settings of the set's own project, not another's in the same repository", async () => {
      const inService = Object.fromEntries(Object.entries(migrations).map(([p, t]) => [`billing/src/main/resources/${p}`, t]));
      // Another service of the monorepo, whose Flyway runs its own folder.
      for (const [file, text] of [['search/flyway.conf', 'flyway.mixed=true\n'], ['search/src/main/resources/application.properties', 'spring.flyway.mixed=true\n']] as const) {
        const r = await discoverFlyway({ ...inService, [file]: text });
        expect(r.errors.map((e) => [e.path, e.rule]), file).toEqual([['billing/src/main/resources/db/migration/V2__mixed.sql', 'layout-error']]);
      }
      // Its own: at the service's root, in its resources (Spring), or at the repository's root (a parent pom, a workflow).
      for (const [file, text] of [['billing/flyway.conf', 'flyway.mixed=true\n'], ['billing/src/main/resources/application.properties', 'spring.flyway.mixed=true\n'], ['billing/src/main/resources/config/application.yml', 'spring:\n  flyway:\n    mixed: true\n'], ['pom.xml', '<project><build><plugins><plugin><artifactId>flyway-maven-plugin</artifactId><configuration><mixed>true</mixed></configuration></plugin></plugins></build></project>\n']] as const) {
        const r = await discoverFlyway({ ...inService, [file]: text });
        expect(r.errors, file).toEqual([]);
      }
    });
  });

  it('dbmate: in-file sections at file positions, transaction:false, an empty down section is present-but-empty', async () => {
    const r = await discover('dbmate');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['db/migrations', 'dbmate']]);
    const set = r.sets[0]!;
    expect(summary(set)).toEqual([
      '20240101000000_create_things present wrapped in-file',
      '20240102000000_index_things present none in-file',
      '20240103000000_seed present(empty) wrapped in-file',
    ]);
    const first = set.migrations[0]!;
    const file = '-- migrate:up\nCREATE TABLE things (id bigint PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE things;\n';
    expect(first.up.text.length).toBe(file.length);
    expect(first.up.text.split('\n')[1]).toBe('CREATE TABLE things (id bigint PRIMARY KEY);');
    expect(first.up.text).not.toContain('DROP');
    expect(first.down!.text.split('\n')[4]).toBe('DROP TABLE things;');
    expect(first.down!.text).not.toContain('CREATE');
  });

  it('goose: sections, NO TRANSACTION, a missing Down section is a finding and an empty one is present-but-empty', async () => {
    const r = await discover('goose');
    expect(r.sets.map((s) => s.layout)).toEqual(['goose']);
    expect(summary(r.sets[0]!)).toEqual([
      '00001_init present wrapped in-file',
      '00002_index present none in-file',
      '00003_title missing wrapped -',
      '00004_empty_down present(empty) wrapped in-file',
    ]);
    expect(r.sets[0]!.migrations[0]!.up.text).toContain('-- +goose StatementBegin');
    expect(r.findings.map((f) => [f.rule, f.path])).toEqual([['rollback-missing', 'migrations/00003_title.sql']]);
  });

  it('liquibase-sql: one migration per changelog file in path order, --rollback lines and blocks, runInTransaction:false', async () => {
    const r = await discover('liquibase-sql');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['src/main/resources/db/changelog', 'liquibase-sql']]);
    const set = r.sets[0]!;
    expect(summary(set)).toEqual(['001-users present wrapped in-file', '002-index present none in-file', 'views/003-view present wrapped in-file']);
    const users = set.migrations[0]!;
    expect(users.up.text).not.toContain('DROP TABLE');
    expect(users.down!.text.trim().split(/\s*\n\s*/)).toEqual(['DROP TABLE users;', 'ALTER TABLE users DROP COLUMN name;']);
    expect(set.migrations[1]!.down!.text).toContain('DROP INDEX CONCURRENTLY users_name;');
    expect(set.migrations[1]!.up.text).not.toContain('DROP INDEX');
    expect(set.migrations[2]!.repeatable).toBe(true);
    // Changeset bob:4 has no rollback although the folder uses them.
    expect(r.findings.map((f) => [f.rule, f.line, f.message.slice(0, 60)])).toEqual([
      ['rollback-missing', 9, 'changeset bob:4 in src/main/resources/db/changelog/002-index'],
    ]);
  });

  it('sqitch: plan order with reworked changes, revert/ pairs, verify/ runs right after its change', async () => {
    const r = await discover('sqitch');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['db', 'sqitch']]);
    expect(summary(r.sets[0]!)).toEqual([
      'widgets present none revert/widgets.sql',
      'widgets:verify not-required none -',
      'users@v1.0 present none revert/users@v1.0.sql',
      'users missing none -',
    ]);
    expect(r.sets[0]!.migrations.map((m) => m.version)).toEqual(['1', '1:verify', '2', '3']);
    expect(r.sets[0]!.migrations[1]).toMatchObject({ up: { path: 'db/verify/widgets.sql' }, repeatable: true });
  });

  it('prisma: folder order, no rollbacks by design', async () => {
    const r = await discover('prisma');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['prisma/migrations', 'prisma']]);
    expect(summary(r.sets[0]!)).toEqual(['20240101000000_init not-required wrapped -', '20240201000000_add_name not-required wrapped -']);
    expect(r.findings).toEqual([]);
  });

  it('drizzle: journal order, no rollbacks by design', async () => {
    const r = await discover('drizzle');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['drizzle', 'drizzle']]);
    expect(summary(r.sets[0]!)).toEqual(['0000_first_table not-required wrapped -', '0001_second_thing not-required wrapped -']);
  });

  it('supabase: timestamp order, no rollbacks by design, no transaction', async () => {
    const r = await discover('supabase');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['supabase/migrations', 'supabase']]);
    expect(summary(r.sets[0]!)).toEqual(['20240101000000_init not-required none -', '20240102000000_policies not-required none -']);
  });

  it('versioned-rollbacks: semantic version order, rollbacks/ pairing', async () => {
    const r = await discover('versioned-rollbacks');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['migrations', 'versioned-rollbacks']]);
    expect(summary(r.sets[0]!)).toEqual([
      'v1.2.0_add_users present none rollbacks/v1.2.0_rollback_add_users.sql',
      'v1.9.0_add_name missing none -',
      'v1.10.0_add_index present none rollbacks/v1.10.0_rollback_add_index.sql',
    ]);
  });

  it('plain: number order, queries folders are not migrations', async () => {
    const r = await discover('plain');
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['sql/migrations', 'plain']]);
    expect(summary(r.sets[0]!)).toEqual(['001_init not-required none -', '002_more not-required none -', '010_later not-required none -']);
  });
});
