// Migrations a runner runs that are not SQL: goose's Go migrations, Flyway's Java migrations,
// Liquibase's XML, YAML and JSON changelogs. A pull request adding one that drops a table
// passed as "no migrations to review" (SAFE): nothing here reads them. Each is now a
// DANGEROUS layout-error on its file, so it needs approval.
import { describe, expect, it } from 'vitest';
import { changeReviewer } from './review-change.js';

const review = changeReviewer();

const GOOSE_BASE = { 'db/migrations/00001_users.sql': '-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY);\n-- +goose Down\nDROP TABLE users;\n' };
const GOOSE_GO = `package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() { goose.AddMigrationContext(upWipe, downWipe) }

func upWipe(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DROP TABLE users")
	return err
}

func downWipe(ctx context.Context, tx *sql.Tx) error { return nil }
`;
const LIQUIBASE_BASE = {
  'src/main/resources/db/changelog/db.changelog-master.yaml': 'databaseChangeLog:\n  - include:\n      file: 001.sql\n      relativeToChangelogFile: true\n',
  'src/main/resources/db/changelog/001.sql': '--liquibase formatted sql\n--changeset a:1\nCREATE TABLE users (id bigint PRIMARY KEY);\n--rollback DROP TABLE users;\n',
};

describe('a migration that is not SQL is never "nothing to review"', () => {
  it.each([
    ['goose Go migration', GOOSE_BASE, { 'db/migrations/00002_wipe.go': GOOSE_GO }, 'db/migrations/00002_wipe.go', /goose runs this Go migration/],
    ['Flyway Java migration', { 'src/main/resources/db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n' }, {
      'src/main/java/db/migration/V2__Wipe.java': 'package db.migration;\nimport org.flywaydb.core.api.migration.BaseJavaMigration;\nimport org.flywaydb.core.api.migration.Context;\npublic class V2__Wipe extends BaseJavaMigration {\n  public void migrate(Context c) throws Exception { c.getConnection().createStatement().execute("DROP TABLE users"); }\n}\n',
    }, 'src/main/java/db/migration/V2__Wipe.java', /Flyway runs this Java-based migration/],
    ['Liquibase XML changelog', LIQUIBASE_BASE, {
      'src/main/resources/db/changelog/002.xml': '<?xml version="1.0"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n  <changeSet id="2" author="a"><dropTable tableName="users"/></changeSet>\n</databaseChangeLog>\n',
    }, 'src/main/resources/db/changelog/002.xml', /Liquibase runs the change sets/],
    ['Liquibase YAML changelog', LIQUIBASE_BASE, {
      'src/main/resources/db/changelog/002.yaml': 'databaseChangeLog:\n  - changeSet:\n      id: 2\n      author: a\n      changes:\n        - sql:\n            sql: DROP TABLE users\n',
    }, 'src/main/resources/db/changelog/002.yaml', /Liquibase runs the change sets/],
    ['Liquibase JSON changelog named as its author likes', LIQUIBASE_BASE, {
      'src/main/resources/config/extra.json': '{ "databaseChangeLog": [ { "changeSet": { "id": "2", "author": "a", "changes": [ { "dropTable": { "tableName": "users" } } ] } } ] }\n',
    }, 'src/main/resources/config/extra.json', /Liquibase runs the change sets/],
  ])('%s: a DANGEROUS layout-error on the file', async (_name, base, change, path, message) => {
    const report = await review(base, change);
    const e = report.errors.find((x) => x.path === path);
    expect(e).toMatchObject({ rule: 'layout-error', risk: 'DANGEROUS' });
    expect(e?.message).toMatch(message);
    expect(report.risk).toBe('DANGEROUS');
  });

  it('files that only look like them are left alone', async () => {
    const report = await review(GOOSE_BASE, {
      'db/migrations/00002_helpers.go': 'package migrations\n\nfunc helper() int { return 1 }\n',
      'src/main/resources/db/changelog/db.changelog-master.yaml': `${LIQUIBASE_BASE['src/main/resources/db/changelog/db.changelog-master.yaml']}  - include:\n      file: 002.sql\n`,
      'deploy/values.yaml': 'replicas: 2\n',
    });
    expect(report.errors).toEqual([]);
  });

  it('an unchanged one on the base branch is no finding of this change', async () => {
    const report = await review({ ...GOOSE_BASE, 'db/migrations/00002_wipe.go': GOOSE_GO }, { 'db/migrations/00003_email.sql': '-- +goose Up\nALTER TABLE users ADD COLUMN email text;\n-- +goose Down\nALTER TABLE users DROP COLUMN email;\n' });
    expect(report.errors).toEqual([]);
    expect(report.notes?.map((n) => n.message).join('\n')).toMatch(/1 layout-error/);
  });
});
