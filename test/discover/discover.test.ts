// Discovery beyond the fixture layouts: configuration overrides, explicit paths, bad input
// (duplicate versions, orphan rollbacks) and the shared helpers.
import { describe, expect, it } from 'vitest';
import { discoverMigrations } from '../../src/discover/discover.js';
import { escalateRollbackMissing, rollbackMissingRisk } from '../../src/discover/findings.js';
import { memoryRepoFiles } from '../../src/discover/fs-files.js';
import { isBlankSql, keepRanges } from '../../src/discover/text.js';
import { compareVersions } from '../../src/discover/version.js';
import type { ConfigFile } from '../../src/config/schema.js';
import { config, summary } from './helpers.js';

const repo = (files: Record<string, string>) => memoryRepoFiles(new Map(Object.entries(files)));

describe('which plain folders hold migrations', () => {
  // formbricks' c7de0016aa adds apps/web/integration/ba-test-schema-shape.sql, the shape its
  // integration tests give their own database: it was reviewed as a migration (the word schema
  // in its name), DANGEROUS for its ALTER COLUMN TYPE.
  it('a test suite\'s folder is not one, whatever its files are named; a migrations folder inside one still is', async () => {
    const r = await discoverMigrations(
      repo({
        'apps/web/integration/ba-test-schema-shape.sql': 'ALTER TABLE "User" ALTER COLUMN email_verified TYPE boolean USING (email_verified IS NOT NULL);',
        'packages/api/tests/fixtures/001_seed.sql': "INSERT INTO users VALUES (1, 'a');",
        'e2e/schema.sql': 'CREATE TABLE t (id int);',
        'test/db/migrations/001_init.sql': 'CREATE TABLE t (id int);',
        // supabase/storage's test database: a db/ folder says migrations, not inside a test folder.
        'src/test/db/01-auth-schema.sql': 'CREATE SCHEMA IF NOT EXISTS auth;',
        'src/test/db/02-dummy-data.sql': "INSERT INTO auth.users (id) VALUES (1);",
        'spec/schema/structure.sql': 'CREATE TABLE t (id int);',
        'sql/0001_init.sql': 'CREATE TABLE users (id int);',
        'sql/upgrade_schema.sql': 'ALTER TABLE users ADD COLUMN note text;',
      }),
      config(),
    );
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['sql', 'plain'], ['test/db/migrations', 'plain']]);
  });
});

// synapse keeps its schema deltas as schema/main/delta/<version>/<name>.sql (82/05gaps.sql,
// 76/04_add_room_forgetter.sql), applied once each in version order: no file of the folder is
// named like a migration by itself, and the folder was not reviewed at all (found replaying
// matrix-org/synapse: 20 of 20 pull requests had no migration).
describe('schema deltas in version folders (synapse)', () => {
  it('a delta/ folder of version folders holds migrations; one of loose SQL (Delta Lake) does not', async () => {
    const r = await discoverMigrations(
      repo({
        'synapse/storage/schema/main/delta/82/05gaps.sql': 'CREATE TABLE event_gaps (event_id text);',
        'synapse/storage/schema/main/delta/83/04_room_forgetter.sql': 'ALTER TABLE event_gaps ADD COLUMN x int;',
        'synapse/storage/schema/main/delta/83/06_event_push_summary_room.sql': 'CREATE INDEX ON event_gaps (x);',
        'analytics/delta/create_tables.sql': 'CREATE TABLE events (id int);',
        'analytics/delta/merge_events.sql': 'DELETE FROM events;',
      }),
      config(),
    );
    expect(r.sets.map((s) => [s.dir, s.layout, s.migrations.map((m) => m.id)])).toEqual([
      ['synapse/storage/schema/main/delta', 'plain', ['82/05gaps', '83/04_room_forgetter', '83/06_event_push_summary_room']],
    ]);
  });
});

describe('bad input', () => {
  it('two migrations with the same version in one folder: duplicate-version on each', async () => {
    const r = await discoverMigrations(
      repo({
        'db/migrations/0042_add_note.up.sql': 'SELECT 1;',
        'db/migrations/0042_add_note.down.sql': 'SELECT 1;',
        'db/migrations/42_add_index.up.sql': 'SELECT 2;',
        'db/migrations/42_add_index.down.sql': 'SELECT 2;',
        'db/migrations/0043_other.up.sql': 'SELECT 3;',
        'db/migrations/0043_other.down.sql': 'SELECT 3;',
      }),
      config(),
    );
    // Same version: the name decides the order.
    expect(r.findings.map((f) => [f.rule, f.risk, f.path])).toEqual([
      ['duplicate-version', 'DANGEROUS', 'db/migrations/42_add_index.up.sql'],
      ['duplicate-version', 'DANGEROUS', 'db/migrations/0042_add_note.up.sql'],
    ]);
    expect(r.findings[1]!.message).toBe(
      'db/migrations/0042_add_note.up.sql has version 0042, the same as db/migrations/42_add_index.up.sql; golang-migrate refuses to run (or silently skips) one of them',
    );
  });

  it('Flyway versions 1.1 and 1_1.0 are the same version', async () => {
    const r = await discoverMigrations(repo({ 'db/migration/V1.1__a.sql': 'SELECT 1;', 'db/migration/V1_1_0__b.sql': 'SELECT 1;' }), config());
    expect(r.findings.map((f) => f.rule)).toEqual(['duplicate-version', 'duplicate-version']);
  });

  it('a rollback file without its migration: rollback-orphan', async () => {
    const r = await discoverMigrations(
      repo({
        'db/migrations/20240102120000_add_index.up.sql': 'SELECT 1;',
        'db/migrations/20240101093000_add_index.down.sql': 'SELECT 1;',
      }),
      config(),
    );
    expect(r.findings.map((f) => [f.rule, f.risk, f.path])).toEqual([
      ['rollback-orphan', 'CAUTION', 'db/migrations/20240101093000_add_index.down.sql'],
      ['rollback-missing', 'CAUTION', 'db/migrations/20240102120000_add_index.up.sql'],
    ]);
  });

  it('a configured folder without SQL files is an error naming it', async () => {
    const r = await discoverMigrations(repo({ 'db/x.sql': 'SELECT 1;' }), config({ migrations: [{ path: 'db/migrate' }] }));
    expect(r.errors).toEqual([{ path: 'db/migrate', line: 1, column: 1, message: "configured migrations folder 'db/migrate' has no .sql files" }]);
  });

  it('a goose file without an Up annotation and a sqitch plan naming a missing script are errors with positions', async () => {
    const r = await discoverMigrations(
      repo({
        'migrations/00001_a.sql': '-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 1;\n',
        'migrations/00002_b.sql': 'SELECT 2;\n-- +goose Down\nSELECT 1;\n',
        'sq/sqitch.plan': '%project=x\n\none 2024-01-01T00:00:00Z A <a@b> # one\ntwo 2024-01-01T00:00:00Z A <a@b> # two\n',
        'sq/deploy/one.sql': 'SELECT 1;',
        'sq/revert/one.sql': 'SELECT 1;',
      }),
      config(),
    );
    expect(r.errors).toEqual([
      { path: 'migrations/00002_b.sql', line: 1, column: 1, message: "goose migration has no '-- +goose Up' annotation", rule: 'layout-error', risk: 'DANGEROUS' },
      { path: 'sq/sqitch.plan', line: 4, column: 1, message: "sqitch.plan lists change 'two' but deploy/two.sql does not exist", rule: 'layout-error', risk: 'DANGEROUS' },
    ]);
  });

  it('a file given explicitly that does not exist', async () => {
    const r = await discoverMigrations(repo({}), config(), { only: ['nope.sql'] });
    expect(r.errors).toEqual([{ path: 'nope.sql', line: 1, column: 1, message: 'no such file: nope.sql' }]);
  });
});

describe('version folders with a whole-schema file (memos)', () => {
  const files = {
    'store/migration/postgres/LATEST.sql': 'CREATE TABLE memo (id serial PRIMARY KEY, content text);\n',
    'store/migration/postgres/0.19/00__add_resource_name.sql': 'ALTER TABLE memo ADD COLUMN name text;\n',
    'store/migration/postgres/0.20/00__reaction.sql': 'CREATE TABLE reaction (id serial PRIMARY KEY);\n',
    'store/migration/postgres/0.20/01__reaction_index.sql': 'CREATE INDEX reaction_id ON reaction (id);\n',
    'store/migration/postgres/0.9/00__early.sql': 'SELECT 1;\n',
  };

  it('are one set in version order, numbered within each folder; the whole schema beside them is no migration of it', async () => {
    const r = await discoverMigrations(repo(files), config());
    expect(r.sets.map((s) => [s.dir, s.layout, s.migrations.map((m) => m.id)])).toEqual([
      ['store/migration/postgres', 'plain', ['0.9/00__early', '0.19/00__add_resource_name', '0.20/00__reaction', '0.20/01__reaction_index']],
    ]);
    expect(r.notes.map((n) => [n.path, n.message.split(':')[0]])).toEqual([['store/migration/postgres', 'LATEST.sql left alone']]);
  });

  it('a whole-schema file the change adds is reviewed: its name is the author\'s choice', async () => {
    const added = { ...files, 'store/migration/postgres/schema.sql': 'DROP TABLE memo;\n' };
    const r = await discoverMigrations(repo(added), config(), { addedByChange: (p) => p.endsWith('/schema.sql') });
    expect(r.sets[0]!.migrations.map((m) => m.id)).toContain('schema');
    expect(r.notes.map((n) => n.message).join('\n')).not.toContain('schema.sql');
  });
});

// inngest kept sqlc's inputs in a folder of their own (pkg/cqrs/base_cqrs/sqlc/postgres/): a pg_dump
// as schema.sql and the named queries sqlc turns into Go. Read as a plain folder of migrations,
// each regenerated dump or edited query was migration-edited, DANGEROUS.
describe('a folder of a pg_dump and sqlc queries (inngest)', () => {
  const dump = '--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 16.13\n\nSET statement_timeout = 0;\nCREATE TABLE public.apps (id uuid NOT NULL, name text);\n';
  const queries = '-- name: GetApps :many\nSELECT * FROM apps;\n\n-- name: DeleteApp :exec\nDELETE FROM apps WHERE id = $1;\n';
  const files = {
    'pkg/cqrs/sqlc/postgres/schema.sql': dump,
    'pkg/cqrs/sqlc/postgres/queries.sql': queries,
  };

  it('holds no migration: the dump is the whole schema, the queries are left alone, each with a note', async () => {
    const r = await discoverMigrations(repo(files), config());
    expect(r.sets).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.notes.map((n) => [n.path, n.message.split(':')[0]]).sort()).toEqual([
      ['pkg/cqrs/sqlc/postgres', 'queries.sql left alone'],
      ['pkg/cqrs/sqlc/postgres', 'schema.sql left alone'],
    ]);
    expect(r.notes.find((n) => n.message.startsWith('schema.sql'))!.message).toContain('as pg_dump writes it');
  });

  it('a file under a whole-schema name that is no dump, or queries with a statement before the first name, are still migrations', async () => {
    const r = await discoverMigrations(repo({
      'db/schema.sql': 'CREATE TABLE apps (id uuid NOT NULL);\n',
      'db/queries.sql': `DROP TABLE apps;\n${queries}`,
    }), config());
    expect(r.sets.map((s) => [s.dir, s.migrations.map((m) => m.id)])).toEqual([['db', ['queries', 'schema']]]);
    expect(r.notes).toEqual([]);
  });

  it('a migration the change edits into a dump or a query file is still a migration: the base branch\'s text decides', async () => {
    const base = repo({ 'db/001_init.sql': 'CREATE TABLE apps (id uuid);\n', 'sqlc/schema.sql': 'CREATE TABLE users (id int);\n', 'sqlc/queries.sql': queries });
    const head = {
      'db/001_init.sql': '-- name: Wipe :exec\nDROP TABLE apps;\n',
      'sqlc/schema.sql': `${dump}DROP TABLE users;\n`,
      'sqlc/queries.sql': `${queries}\n-- name: Count :one\nSELECT count(*) FROM apps;\n`,
    };
    const edited = (p: string) => p in head;
    const ids = (r: Awaited<ReturnType<typeof discoverMigrations>>) => r.sets.map((s) => [s.dir, s.migrations.map((m) => m.id).sort()]);
    const r = await discoverMigrations(repo(head), config(), { changedByChange: edited, base });
    // The two that were migrations stay migrations; the query file that was one on the base too is left alone.
    expect(ids(r)).toEqual([['db', ['001_init']], ['sqlc', ['schema']]]);
    expect(r.notes.map((n) => n.message.split(':')[0])).toEqual(['queries.sql left alone']);
    // Without the base branch's files, an edited file is reviewed.
    const blind = await discoverMigrations(repo(head), config(), { changedByChange: edited });
    expect(ids(blind)).toEqual([['db', ['001_init']], ['sqlc', ['queries', 'schema']]]);
  });

  it('a dump or query file the change adds is reviewed: its text is the author\'s choice', async () => {
    const r = await discoverMigrations(repo(files), config(), { addedByChange: () => true });
    expect(r.sets.map((s) => s.migrations.map((m) => m.id).sort())).toEqual([['queries', 'schema']]);
  });
});

// hatchet keeps sql/schema/v0.sql and v1-core.sql, which pkg/repository/sqlcv1/sqlc.yaml names one
// by one under `schema:`, and edits them in every pull request that adds a goose migration: read as
// loose migrations (the folder is named schema), each such pull request was migration-edited,
// DANGEROUS, with the whole schema's findings (found replaying hatchet-dev/hatchet).
describe('the schema files a sqlc config names (hatchet)', () => {
  const sqlcYaml = 'version: "2"\nsql:\n  - engine: postgresql\n    queries:\n      - tasks.sql\n    schema:\n      - ../../sql/schema/v0.sql\n      - ../../sql/schema/v1-core.sql\n      - ./extra.sql\n';
  const files = {
    'pkg/sqlcv1/sqlc.yaml': sqlcYaml,
    'pkg/sqlcv1/tasks.sql': '-- name: GetTask :one\nSELECT * FROM tasks WHERE id = $1;\n',
    'pkg/sqlcv1/extra.sql': 'CREATE TABLE extra (id int);\n',
    'sql/schema/v0.sql': 'CREATE TABLE tenants (id uuid PRIMARY KEY);\n',
    'sql/schema/v1-core.sql': 'CREATE TABLE tasks (id bigint PRIMARY KEY, tenant_id uuid REFERENCES tenants);\n',
    'sql/schema/v2_notes.sql': 'ALTER TABLE tasks ADD COLUMN note text;\n',
    'cmd/migrate/migrations/20260101000000_v1.sql': '-- +goose Up\nALTER TABLE tasks ADD COLUMN x int;\n',
  };
  const ids = (r: Awaited<ReturnType<typeof discoverMigrations>>) => r.sets.map((s) => [s.dir, s.layout, s.migrations.map((m) => m.id)]);

  it('are left alone with a note; a file of the same folder it does not name is still a migration', async () => {
    const r = await discoverMigrations(repo(files), config());
    expect(ids(r)).toEqual([
      ['cmd/migrate/migrations', 'goose', ['20260101000000_v1']],
      ['sql/schema', 'plain', ['v2_notes']],
    ]);
    expect(r.notes.map((n) => [n.path, n.message])).toContainEqual(
      ['sql/schema', 'v0.sql, v1-core.sql left alone: the schema sqlc generates code from (pkg/sqlcv1/sqlc.yaml names them under `schema:`), not migrations; no runner applies them, so editing them changes no database'],
    );
    expect(r.errors).toEqual([]);
  });

  it('a folder named under schema: is left to the layouts (sqlc reads a folder of migrations too), and a sqlc.json counts as well', async () => {
    const r = await discoverMigrations(repo({
      'sqlc.json': JSON.stringify({ version: '1', packages: [{ name: 'db', schema: 'db/migrations', queries: 'db/queries' }] }),
      'db/migrations/001_init.sql': 'CREATE TABLE t (id int);\n',
      'db/migrations/002_more.sql': 'ALTER TABLE t ADD COLUMN x int;\n',
    }), config());
    expect(ids(r)).toEqual([['db/migrations', 'plain', ['001_init', '002_more']]]);
  });

  it('the config counts as the base branch has it: one the change adds or edits to name a migration does not set it aside', async () => {
    const head = { ...files, 'pkg/sqlcv1/sqlc.yaml': `${sqlcYaml}      - ../../sql/schema/v2_notes.sql\n` };
    const base = repo(files);
    const edited = await discoverMigrations(repo(head), config(), { changedByChange: (p) => p === 'pkg/sqlcv1/sqlc.yaml', base });
    expect(ids(edited).find((s) => s[0] === 'sql/schema')).toEqual(['sql/schema', 'plain', ['v2_notes']]);
    const added = await discoverMigrations(repo(files), config(), { changedByChange: (p) => p === 'pkg/sqlcv1/sqlc.yaml', addedByChange: (p) => p === 'pkg/sqlcv1/sqlc.yaml' });
    expect(ids(added).find((s) => s[0] === 'sql/schema')).toEqual(['sql/schema', 'plain', ['v0', 'v1-core', 'v2_notes']]);
    // A schema file the change adds is reviewed: its text is its author's choice.
    const fresh = await discoverMigrations(repo(files), config(), { addedByChange: (p) => p === 'sql/schema/v0.sql' });
    expect(ids(fresh).find((s) => s[0] === 'sql/schema')).toEqual(['sql/schema', 'plain', ['v0', 'v2_notes']]);
  });
});

// temporal: schema/postgresql/v12/visibility/schema.sql is the whole schema for a new database,
// right above versioned/v1.0/..., which its schema tool applies in version order. Every temporal
// pull request that added a versioned file also edited schema.sql, and was migration-edited, DANGEROUS.
describe('a whole-schema file above a folder of migrations (temporal, dbmate)', () => {
  const files = {
    'schema/postgresql/v12/visibility/schema.sql': 'CREATE TABLE executions_visibility (run_id text PRIMARY KEY, x bigint);\n',
    'schema/postgresql/v12/visibility/database.sql': 'CREATE DATABASE temporal_visibility;\n',
    'schema/postgresql/v12/visibility/versioned/v1.0/schema.sql': 'CREATE TABLE executions_visibility (run_id text PRIMARY KEY);\n',
    'schema/postgresql/v12/visibility/versioned/v1.0/manifest.json': '{"CurrVersion": "1.0", "SchemaUpdateCqlFiles": ["schema.sql"]}\n',
    'schema/postgresql/v12/visibility/versioned/v1.10/add_x.sql': 'ALTER TABLE executions_visibility ADD COLUMN x bigint;\n',
    'schema/postgresql/v12/visibility/versioned/v1.9/index.sql': 'CREATE INDEX by_run ON executions_visibility (run_id);\n',
  };

  it('is left alone with a note, as the whole schema beside the migrations is; the versioned files are the set', async () => {
    const r = await discoverMigrations(repo(files), config());
    expect(r.sets.map((s) => [s.dir, s.layout, s.migrations.map((m) => m.id)])).toEqual([
      ['schema/postgresql/v12/visibility', 'plain', ['database']],
      ['schema/postgresql/v12/visibility/versioned', 'plain', ['v1.0/schema', 'v1.9/index', 'v1.10/add_x']],
    ]);
    expect(r.notes.map((n) => [n.path, n.message.split(':')[0]])).toEqual([['schema/postgresql/v12/visibility', 'schema.sql left alone']]);
  });

  it('one the change adds is reviewed', async () => {
    const r = await discoverMigrations(repo(files), config(), { addedByChange: (p) => p === 'schema/postgresql/v12/visibility/schema.sql' });
    expect(r.sets[0]!.migrations.map((m) => m.id)).toEqual(['database', 'schema']);
  });

  // dbmate dumps the whole schema to db/schema.sql after each migration (its default): every
  // dbmate pull request edits it, and it was reviewed as a plain migration, migration-edited,
  // DANGEROUS. supabase/postgres keeps migrations/schema-15.sql over migrations/db/migrations/.
  it('so is one in any folder above a folder of migrations (dbmate\'s db/schema.sql)', async () => {
    const dbmate = await discoverMigrations(repo({
      'db/schema.sql': 'CREATE TABLE a (id int, b int);\n',
      'db/migrations/20200101000000_a.sql': '-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n',
      'db/migrations/20200102000000_b.sql': '-- migrate:up\nALTER TABLE a ADD COLUMN b int;\n-- migrate:down\nALTER TABLE a DROP COLUMN b;\n',
    }), config());
    expect(dbmate.sets.map((s) => [s.dir, s.layout, s.migrations.length])).toEqual([['db/migrations', 'dbmate', 2]]);
    expect(dbmate.notes.map((n) => [n.path, n.message.split(':')[0]])).toEqual([['db', 'schema.sql left alone']]);
    const deeper = await discoverMigrations(repo({
      'migrations/schema.sql': 'CREATE TABLE a (id int);\n',
      'migrations/schema-15.sql': 'CREATE TABLE a (id int);\n',
      'migrations/db/migrations/20211115181400_a.sql': '-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\n',
    }), config());
    expect(deeper.sets.map((s) => s.dir)).toEqual(['migrations/db/migrations']);
    expect(deeper.notes.map((n) => n.message.split(':')[0])).toEqual(['schema-15.sql, schema.sql left alone']);
  });

  it('a folder of loose files with no version folder below keeps schema.sql as a migration', async () => {
    const r = await discoverMigrations(repo({ 'db/schema.sql': 'CREATE TABLE a (id int);\n', 'db/users.sql': 'SELECT 1;\n', 'db/sub/other.sql': 'SELECT 2;\n' }), config());
    expect(r.sets.map((s) => s.migrations.map((m) => m.id))).toEqual([['schema', 'users']]);
    expect(r.notes).toEqual([]);
  });
});

describe('Flyway baseline migrations', () => {
  it('B5__name.sql is the whole schema for a new database, no step of the sequence: left alone with a note', async () => {
    const r = await discoverMigrations(repo({
      'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
      'db/migration/B2__baseline.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
      'db/migration/V2__email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
      'db/migration/V3__name.sql': 'ALTER TABLE users ADD COLUMN name text;\n',
    }), config());
    expect(r.sets.map((s) => [s.layout, s.migrations.map((m) => m.id)])).toEqual([['flyway', ['V1__users', 'V2__email', 'V3__name']]]);
    expect(r.notes.map((n) => n.message.split(':')[0])).toEqual(['B2__baseline.sql left alone']);
  });
});

describe('files named like golang-migrate migrations', () => {
  it('outside a folder of migrations are not decoded as SQL (an image named 1_flow.up.png)', async () => {
    const files = memoryRepoFiles(new Map<string, Uint8Array | string>([
      ['docs/img/1_flow.up.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe])],
      ['db/migrations/0001_users.up.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n'],
      ['db/migrations/0001_users.down.sql', 'DROP TABLE users;\n'],
    ]));
    const r = await discoverMigrations(files, config());
    expect(r.errors).toEqual([]);
    expect(r.sets.map((s) => s.migrations.map((m) => m.up.path))).toEqual([['db/migrations/0001_users.up.sql']]);
  });
});

describe('configuration', () => {
  const files = {
    'db/migrations/001_a.sql': 'SELECT 1;',
    'db/migrations/002_b.sql': 'SELECT 2;',
    'other/migrations/0001_x.up.sql': 'SELECT 1;',
    'other/migrations/0001_x.down.sql': 'SELECT 1;',
  };

  it('config.migrations replaces auto-detection: layout, transaction and requireRollback per folder', async () => {
    const r = await discoverMigrations(
      repo(files),
      config({ migrations: [{ path: 'db/migrations/', layout: 'supabase', transaction: 'wrapped', requireRollback: true }] }),
    );
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['db/migrations', 'supabase']]);
    expect(summary(r.sets[0]!)).toEqual(['001_a missing wrapped -', '002_b missing wrapped -']);
    expect(r.findings.map((f) => f.rule)).toEqual(['rollback-missing', 'rollback-missing']);
  });

  it('requireRollback: false silences a layout that has rollbacks', async () => {
    const r = await discoverMigrations(repo(files), config({ migrations: [{ path: 'other/migrations' }, { path: 'db/migrations', requireRollback: false }] }));
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['db/migrations', 'plain'], ['other/migrations', 'golang-migrate']]);
    expect(r.findings).toEqual([]);
  });

  it('ignore globs leave files out', async () => {
    const r = await discoverMigrations(repo(files), config({ ignore: ['other/**', '**/002_*.sql'] }));
    expect(r.sets.map((s) => [s.dir, s.migrations.map((m) => m.id)])).toEqual([['db/migrations', ['001_a']]]);
  });

  it('per-layout transaction and rollbackMissingRisk come from the config', async () => {
    const r = await discoverMigrations(
      repo({ 'db/migrations/0001_x.up.sql': 'SELECT 1;' }),
      config({ transaction: { 'golang-migrate': 'wrapped' } as ConfigFile['transaction'], rollbackMissingRisk: 'DANGEROUS' }),
    );
    expect(summary(r.sets[0]!)).toEqual(['0001_x missing wrapped -']);
    expect(r.findings.map((f) => f.risk)).toEqual(['DANGEROUS']);
  });

  it("squawk's -- squawk-disable-assume-in-transaction line takes a plain folder's file out of the assumed transaction; a known runner's convention wins", async () => {
    const line = '-- squawk-disable-assume-in-transaction\nCREATE INDEX CONCURRENTLY a_idx ON a (x);';
    const plainRun = await discoverMigrations(
      repo({ 'sql/001_a.sql': line, 'sql/002_b.sql': 'SELECT 1;\n-- squawk-disable-assume-in-transaction is mentioned, not set' }),
      config({ transaction: { plain: 'wrapped' } as ConfigFile['transaction'] }),
    );
    expect(summary(plainRun.sets[0]!)).toEqual(['001_a not-required none -', '002_b not-required wrapped -']);
    const known = await discoverMigrations(repo({ 'db/migrations/0001_x.up.sql': line }), config({ transaction: { 'golang-migrate': 'wrapped' } as ConfigFile['transaction'] }));
    expect(summary(known.sets[0]!)).toEqual(['0001_x missing wrapped -']);
  });
});

describe('explicit paths (lint path...)', () => {
  const files = {
    'db/migrations/0001_a.up.sql': 'SELECT 1;',
    'db/migrations/0001_a.down.sql': 'SELECT 1;',
    'db/migrations/0002_b.up.sql': 'SELECT 2;',
    'scripts/fix.sql': 'UPDATE t SET x = 1;',
  };

  it('a file inside a layout gets that layout; giving the down file selects its migration', async () => {
    const r = await discoverMigrations(repo(files), config(), { only: ['./db/migrations/0001_a.down.sql'] });
    expect(r.sets.map((s) => [s.dir, s.layout, s.migrations.map((m) => m.id)])).toEqual([['db/migrations', 'golang-migrate', ['0001_a']]]);
    expect(r.findings).toEqual([]);
  });

  it('a lone file is a plain migration with the default transaction', async () => {
    const r = await discoverMigrations(repo(files), config({ defaultTransaction: 'wrapped' }), { only: ['scripts/fix.sql', 'db/migrations/0002_b.up.sql'] });
    expect(r.sets.map((s) => [s.dir, s.layout, ...summary(s)])).toEqual([
      ['db/migrations', 'golang-migrate', '0002_b missing implicit -'],
      ['scripts', 'plain', 'fix not-required wrapped -'],
    ]);
    expect(r.findings.map((f) => [f.rule, f.path])).toEqual([['rollback-missing', 'db/migrations/0002_b.up.sql']]);
  });

  it('a folder selects every migration under it', async () => {
    const r = await discoverMigrations(repo(files), config(), { only: ['db'] });
    expect(r.sets.map((s) => s.migrations.map((m) => m.id))).toEqual([['0001_a', '0002_b']]);
  });
});

describe('helpers', () => {
  it('rollbackMissingRisk raises a missing rollback to DANGEROUS for a DANGEROUS migration', () => {
    expect(rollbackMissingRisk('CAUTION', 'SAFE')).toBe('CAUTION');
    expect(rollbackMissingRisk('CAUTION', 'DANGEROUS')).toBe('DANGEROUS');
    expect(rollbackMissingRisk('SAFE', 'CAUTION')).toBe('SAFE');
    const f = { rule: 'rollback-missing', risk: 'CAUTION' as const, line: 1, column: 1, message: 'm' };
    const g = { ...f, rule: 'other' };
    expect(escalateRollbackMissing([f, g], 'DANGEROUS').map((x) => x.risk)).toEqual(['DANGEROUS', 'CAUTION']);
  });

  it('keepRanges keeps positions: other characters become spaces, line breaks stay', () => {
    const text = 'ab\r\ncd\nef';
    expect(keepRanges(text, [[4, 6]])).toBe('  \r\ncd\n  ');
    expect(keepRanges(text, [])).toBe('  \r\n  \n  ');
  });

  it('isBlankSql sees through comments, nested block comments and semicolons', () => {
    expect(isBlankSql('-- nothing\n/* a /* nested */ comment */ ;\n')).toBe(true);
    expect(isBlankSql('-- x\nSELECT 1;')).toBe(false);
  });

  it('compareVersions: by value, part by part, pre-releases first', () => {
    const sorted = ['1.10', '1.9', 'v1.2.0', '1.2.0.1', '1.2.0.1-B2', '1.2.0.1-B1', '00010', '9'].sort(compareVersions);
    expect(sorted).toEqual(['v1.2.0', '1.2.0.1-B1', '1.2.0.1-B2', '1.2.0.1', '1.9', '1.10', '9', '00010']);
  });
});

describe('Go test data', () => {
  const files = {
    'coderd/database/migrations/000001_init.up.sql': 'CREATE TABLE users (id bigint);',
    'coderd/database/migrations/000001_init.down.sql': 'DROP TABLE users;',
    // Fixtures named like migrations, which golang-migrate (one folder, not recursive) never runs.
    'coderd/database/migrations/testdata/fixtures/000001_users.up.sql': 'INSERT INTO users VALUES (1);',
    'coderd/database/migrations/testdata/fixtures/000002_more.up.sql': 'INSERT INTO users VALUES (2);',
    // Files a runner that reads a tree would run: Flyway's V__ files, and anything under a Liquibase changelog.
    'db/migration/testdata/V1__seed.sql': 'CREATE TABLE seeded (id int);',
    'db/changelog/db.changelog-1.sql': '--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id int);\n',
    'db/changelog/testdata/0001_extra.up.sql': 'DROP TABLE t;',
  };

  it('a testdata folder of golang-migrate-named files is left alone with a note; Flyway files and files under a Liquibase changelog are reviewed', async () => {
    const r = await discoverMigrations(repo(files), config());
    expect(r.sets.map((s) => s.dir)).toEqual(['coderd/database/migrations', 'db/changelog', 'db/changelog/testdata', 'db/migration/testdata']);
    expect(r.notes.map((n) => [n.path, n.message.slice(0, 53)])).toEqual([['coderd/database/migrations/testdata/fixtures', '2 SQL files left alone: test data (a testdata/ folder']]);
  });

  // ory/kratos took in ory/x: oryx/popx/stub/migrations/ holds the pop migrations popx's tests
  // apply (72 reviewed, DANGEROUS for their fizz files), and oryx/dbal/stub/a/1.sql numbered
  // stubs, whose deletion was migration-edited.
  it('so is a stub folder of runner-named files, and a plain one of numbered files', async () => {
    const r = await discoverMigrations(repo({
      'persistence/sql/migrations/sql/20200101000000000000_init.up.sql': 'CREATE TABLE identities (id uuid);',
      'persistence/sql/migrations/sql/20200101000000000000_init.down.sql': 'DROP TABLE identities;',
      'oryx/popx/stub/migrations/transactional/20191100000001000000_identities.postgres.up.sql': 'CREATE TABLE identities (id uuid);',
      'oryx/popx/stub/migrations/transactional/20191100000001000000_identities.postgres.down.sql': 'DROP TABLE identities;',
      'oryx/dbal/stub/a/1.sql': 'CREATE TABLE a (id int);',
      'oryx/dbal/stub/a/3.sql': 'CREATE TABLE b (id int);',
    }), config());
    expect(r.sets.map((s) => s.dir)).toEqual(['persistence/sql/migrations/sql']);
    expect(r.notes.map((n) => [n.path, n.message.slice(0, 49)])).toEqual([['oryx/popx/stub/migrations/transactional', '2 SQL files left alone: test data (a stub/ folder']]);
  });

  it('given to lint, under a configured folder, or matched by otherDatabases.review, it is reviewed', async () => {
    const only = await discoverMigrations(repo(files), config(), { only: ['coderd/database/migrations/testdata/fixtures/000001_users.up.sql'] });
    expect(only.sets.flatMap((s) => s.migrations.map((m) => m.up.path))).toEqual(['coderd/database/migrations/testdata/fixtures/000001_users.up.sql']);
    const configured = await discoverMigrations(repo(files), config({ migrations: [{ path: 'coderd/database/migrations/testdata/fixtures' }] }));
    expect(configured.sets.map((s) => s.dir)).toEqual(['coderd/database/migrations/testdata/fixtures']);
    // As the note says: otherDatabases.review, which keeps every other folder detected.
    const forced = await discoverMigrations(repo(files), config({ otherDatabases: { review: ['coderd/**/testdata/**'] } }));
    expect(forced.sets.map((s) => s.dir)).toContain('coderd/database/migrations/testdata/fixtures');
    expect(forced.sets.map((s) => s.dir)).toContain('coderd/database/migrations');
  });
});

describe('pop without down files', () => {
  it('a pop folder that keeps no down files needs none (pop runs and rolls back without them); once one has a down file, every one needs it', async () => {
    const none = await discoverMigrations(
      repo({
        'migrations/20240101000000_init.postgres.up.sql': 'CREATE TABLE a (id int);',
        'migrations/20240102000000_more.up.sql': 'CREATE TABLE b (id int);',
      }),
      config(),
    );
    expect(none.sets.map((s) => [s.layout, ...s.migrations.map((m) => m.rollbackStatus)])).toEqual([['pop', 'not-required', 'not-required']]);
    expect(none.findings).toEqual([]);
    const some = await discoverMigrations(
      repo({
        'migrations/20240101000000_init.postgres.up.sql': 'CREATE TABLE a (id int);',
        'migrations/20240101000000_init.postgres.down.sql': 'DROP TABLE a;',
        'migrations/20240102000000_more.up.sql': 'CREATE TABLE b (id int);',
      }),
      config(),
    );
    expect(some.findings.map((f) => [f.rule, f.path])).toEqual([['rollback-missing', 'migrations/20240102000000_more.up.sql']]);
  });
});
