// The scope model (docs/scope.md) in real git repositories: with --base only what the change
// touches is reported; other engines' migrations are left alone with a note; a sparse checkout
// reads from git's objects; every message keeps its class.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { planCommand } from '../../src/cli/commands.js';
import type { CheckScope } from '../../src/check/types.js';
import type { ConfigFile } from '../../src/config/schema.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { buildPlan } from '../../src/plan/index.js';
import { collectDiagnostics } from '../../src/report/diagnostics.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(): TempRepo {
  const r = new TempRepo().init();
  repos.push(r);
  return r;
}

async function check(dir: string, opts: { base?: string; paths?: string[]; config?: ConfigFile } = {}) {
  let scope: CheckScope = { kind: 'all' };
  if (opts.base) {
    const git = await gitChanges(dir, opts.base);
    scope = { kind: 'changes', changes: git.changes, base: git.base };
  } else if (opts.paths) scope = { kind: 'paths', paths: opts.paths };
  return runCheck({ files: fsRepoFiles(dir), config: config(opts.config ?? {}), scope });
}

/** Every path a finding or error points at. */
function reportedPaths(result: Awaited<ReturnType<typeof check>>): string[] {
  return [...new Set(collectDiagnostics(result).map((d) => d.path))].sort();
}

const GM = 'db/migrations';

describe('scope: with --base only the change is judged', () => {
  it('base migrations without rollbacks raise nothing; the new one gets rollback-missing at rollbackMissingRisk', async () => {
    const r = repo()
      .write({
        [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        [`${GM}/0002_orders.up.sql`]: 'CREATE TABLE orders (id bigint PRIMARY KEY);\n',
        [`${GM}/0002_orders.down.sql`]: 'DROP TABLE orders;\n',
        // Another library's stub folder, vendored: no rollbacks, not touched by the PR.
        'legacy/migrations/001_init.up.sql': 'CREATE TABLE legacy (id int);\n',
        'legacy/migrations/002_more.up.sql': 'CREATE TABLE legacy2 (id int);\n',
        'legacy/migrations/002_more.down.sql': 'DROP TABLE legacy2;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ [`${GM}/0003_items.up.sql`]: 'CREATE TABLE items (id bigint PRIMARY KEY);\n' }).commit('add items');

    const result = await check(r.dir, { base: 'main', config: { rollbackMissingRisk: 'SAFE' } });
    expect(result.report.migrations.map((m) => m.path)).toEqual([`${GM}/0003_items.up.sql`]);
    expect(result.report.errors).toEqual([]);
    expect(reportedPaths(result)).toEqual([`${GM}/0003_items.up.sql`]);
    const missing = result.report.migrations[0]!.findings.find((f) => f.rule === 'rollback-missing');
    expect(missing?.risk).toBe('SAFE');
    expect(result.report.risk).toBe('SAFE');
    // The base branch's problems are one note, never a finding.
    expect(result.report.notes).toHaveLength(1);
    expect(result.report.notes![0]!.message).toMatch(/2 rollback-missing/);

    // Without --base the whole history is reviewed, as before, each with its own rule id.
    const all = await check(r.dir, { config: { rollbackMissingRisk: 'SAFE' } });
    expect(all.report.migrations.filter((m) => m.findings.some((f) => f.rule === 'rollback-missing')).length).toBe(3);
    expect(all.report.errors).toEqual([]);
  });

  it('an edit of only comments or spacing is no edit for a runner that keeps no checksum; Flyway, which does, still refuses', async () => {
    const FW = 'src/main/resources/db/migration';
    const r = repo()
      .write({
        [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        [`${GM}/0001_users.down.sql`]: 'DROP TABLE users;\n',
        [`${GM}/0002_index.up.sql`]: 'CREATE INDEX users_id ON users (id);\n',
        [`${GM}/0002_index.down.sql`]: 'DROP INDEX users_id;\n',
        [`${GM}/0003_seed.up.sql`]: '\\ir seed_a.sql\nSELECT 1;\n',
        [`${GM}/0003_seed.down.sql`]: 'SELECT 1;\n',
        [`${FW}/V1__users.sql`]: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      [`${GM}/0001_users.up.sql`]: '-- users of the app\nCREATE TABLE users (\n  id bigint PRIMARY KEY\n);\n',
      [`${GM}/0002_index.up.sql`]: 'CREATE INDEX users_id ON users (id, id);\n',
      // The same statements, but psql runs another file: what runs changed.
      [`${GM}/0003_seed.up.sql`]: '\\ir seed_b.sql\nSELECT 1;\n',
      [`${FW}/V1__users.sql`]: '-- accounts\nCREATE TABLE accounts (id bigint PRIMARY KEY);\n',
    }).commit('comments');
    const result = await check(r.dir, { base: 'main' });
    const edited = result.report.migrations.flatMap((m) => m.findings.filter((f) => f.rule === 'migration-edited').map((f) => [m.path, f.message.replace(/.*never see this change/, '')]));
    expect(edited).toEqual([
      [`${GM}/0002_index.up.sql`, ''],
      [`${GM}/0003_seed.up.sql`, ''],
      [`${FW}/V1__users.sql`, ', and Flyway refuses to migrate until the checksum is repaired ("migration checksum mismatch")'],
    ]);
  });

  it('a migrations folder inside a crate that depends on sqlx is sqlx\'s: a transaction per file unless -- no-transaction, and any edit breaks its checksum', async () => {
    const r = repo()
      .write({
        'Cargo.toml': '[workspace]\nmembers = ["api"]\n\n[workspace.dependencies]\nsqlx = { version = "0.8", features = ["postgres"] }\n',
        'api/Cargo.toml': '[package]\nname = "api"\n\n[dependencies]\nsqlx.workspace = true\n',
        'api/migrations/20240101000000_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
        // The same names in a crate without sqlx stay golang-migrate's.
        'tool/Cargo.toml': '[package]\nname = "tool"\n',
        'tool/migrations/0001_items.up.sql': 'CREATE TABLE items (id bigint PRIMARY KEY);\n',
        'tool/migrations/0001_items.down.sql': 'DROP TABLE items;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      'api/migrations/20240101000000_users.sql': '-- the users\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
      'api/migrations/20240201000000_email_index.sql': '-- no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n',
      'api/migrations/20240301000000_name_index.sql': 'CREATE INDEX CONCURRENTLY users_name ON users (email);\n',
      'tool/migrations/0001_items.up.sql': '-- the items\nCREATE TABLE items (id bigint PRIMARY KEY);\n',
    }).commit('change');
    const result = await check(r.dir, { base: 'main' });
    const layouts = Object.fromEntries(result.migrations.map((m) => [m.migration.up.path, [m.migration.layout, m.transaction]]));
    expect(layouts).toEqual({
      'api/migrations/20240101000000_users.sql': ['sqlx', 'wrapped'],
      'api/migrations/20240201000000_email_index.sql': ['sqlx', 'none'],
      'api/migrations/20240301000000_name_index.sql': ['sqlx', 'wrapped'],
    });
    const rules = (p: string) => result.report.migrations.find((m) => m.path === p)!.findings.map((f) => f.rule);
    // A comment-only edit: sqlx's checksum sees it, golang-migrate runs the same statements.
    expect(result.report.migrations.find((m) => m.path === 'api/migrations/20240101000000_users.sql')!.findings.find((f) => f.rule === 'migration-edited')?.message).toContain('sqlx migrate run refuses to run');
    // golang-migrate keeps no checksum: the same statements are nothing to review.
    expect(result.report.migrations.find((m) => m.path === 'tool/migrations/0001_items.up.sql')).toBeUndefined();
    // CONCURRENTLY in sqlx's transaction fails; with -- no-transaction it runs.
    expect(rules('api/migrations/20240301000000_name_index.sql')).toContain('concurrently-in-transaction');
    expect(rules('api/migrations/20240201000000_email_index.sql')).not.toContain('concurrently-in-transaction');
  });

  it('a sqlx crate whose drivers are SQLite\'s only is left alone, unless the change is what says so', async () => {
    const r = repo()
      .write({
        'Cargo.toml': '[workspace]\nmembers = ["client", "server"]\n\n[workspace.dependencies.sqlx]\nversion = "0.8"\nfeatures = ["runtime-tokio"]\n',
        'client/Cargo.toml': '[package]\nname = "client"\n\n[dependencies]\nsqlx = { workspace = true, features = ["sqlite"] }\n',
        'client/migrations/20240101000000_history.sql': 'CREATE TABLE history (id integer PRIMARY KEY AUTOINCREMENT, command text);\n',
        'server/Cargo.toml': '[package]\nname = "server"\n\n[dependencies.sqlx]\nworkspace = true\nfeatures = [\n  "postgres",\n]\n',
        'server/migrations/20240101000000_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        // No driver among its features (Cargo unifies them across the workspace): its sources say.
        'kv/Cargo.toml': '[package]\nname = "kv"\n\n[dependencies]\nsqlx = { workspace = true }\n',
        'kv/src/database.rs': 'use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};\n',
        'kv/migrations/20240101000000_kv.sql': 'CREATE TABLE kv (k text PRIMARY KEY, v text);\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      'client/migrations/20240201000000_drop.sql': 'DROP TABLE history;\n',
      'server/migrations/20240201000000_drop.sql': 'DROP TABLE users;\n',
      'kv/migrations/20240201000000_drop.sql': 'DROP TABLE kv;\n',
    }).commit('drops');
    const result = await check(r.dir, { base: 'main' });
    expect(result.report.migrations.map((m) => [m.path, m.risk])).toEqual([['server/migrations/20240201000000_drop.sql', 'DANGEROUS']]);
    expect((result.report.notes ?? []).map((n) => n.message).join('\n')).toContain('left alone: the crate uses sqlx with SQLite, not PostgreSQL');

    // The author turns the server's driver into SQLite's in the same change: its manifest is the
    // change's word, so the folder is reviewed as its names say, and the DROP still needs approval.
    r.git('checkout', '-q', '-b', 'sneaky', 'main');
    r.write({
      'server/Cargo.toml': '[package]\nname = "server"\n\n[dependencies]\nsqlx = { workspace = true, features = ["sqlite"] }\n',
      'server/migrations/20240201000000_drop.sql': 'DROP TABLE users;\n',
    }).commit('sneaky');
    const sneaky = await check(r.dir, { base: 'main' });
    expect(sneaky.report.migrations.map((m) => [m.path, m.risk])).toEqual([['server/migrations/20240201000000_drop.sql', 'DANGEROUS']]);
    expect((sneaky.report.notes ?? []).map((n) => n.message).join('\n')).toContain('the change edits server/Cargo.toml');

    // An edit that leaves what the crate says as it was (a version bump) changes nothing.
    r.git('checkout', '-q', '-b', 'bump', 'main');
    r.write({
      'kv/Cargo.toml': '[package]\nname = "kv"\nversion = "0.2.0"\n\n[dependencies]\nsqlx = { workspace = true }\n',
      'kv/migrations/20240201000000_drop.sql': 'DROP TABLE kv;\n',
    }).commit('bump');
    const bump = await check(r.dir, { base: 'main' });
    expect(bump.report.migrations).toEqual([]);
    expect((bump.report.notes ?? []).map((n) => n.message).join('\n')).toContain('left alone: the crate uses sqlx with SQLite');

    // The crate moves in the tree, its manifest with it and the workspace's list edited: what
    // the files say is held against where the folder was (atuin moved its crates into crates/).
    r.git('checkout', '-q', '-b', 'move', 'main');
    mkdirSync(path.join(r.dir, 'crates'));
    r.git('mv', 'client', 'crates/client');
    r.write({ 'Cargo.toml': '[workspace]\nmembers = ["crates/client", "server"]\n\n[workspace.dependencies.sqlx]\nversion = "0.8"\nfeatures = ["runtime-tokio"]\n' }).commit('move');
    const moved = await check(r.dir, { base: 'main' });
    expect(moved.report.migrations).toEqual([]);
    expect((moved.report.notes ?? []).map((n) => n.message).join('\n')).toContain('left alone: the crate uses sqlx with SQLite');
  });

  // lemmy's 6f45f801cc (pg_format 5.9) re-indents PL/pgSQL bodies and upper-cases their
  // keywords in three migrations from 2021 and 2023: each was migration-edited, DANGEROUS.
  it('a SQL or PL/pgSQL body laid out anew is no edit; a changed word or string in it, or a body in another language, is', async () => {
    const fn = (body: string, language = 'plpgsql') => `CREATE FUNCTION f(i text) RETURNS int LANGUAGE ${language} AS $$${body}$$;\n`;
    const before = '\nBEGIN\n    RETURN query\n        SELECT count(*) FROM t WHERE x = \'A  b\'; -- all\nEND;\n';
    const r = repo()
      .write({
        [`${GM}/0001_t.up.sql`]: 'CREATE TABLE t (x text);\n',
        [`${GM}/0001_t.down.sql`]: 'DROP TABLE t;\n',
        [`${GM}/0002_laid_out.up.sql`]: fn(before),
        [`${GM}/0003_word.up.sql`]: fn(before),
        [`${GM}/0004_string.up.sql`]: fn(before),
        [`${GM}/0005_python.up.sql`]: fn('\nreturn 1\n', 'plpython3u'),
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      [`${GM}/0002_laid_out.up.sql`]: fn('\nBEGIN\n  RETURN QUERY\n  SELECT\n    count (*)\n  FROM\n    t\n  WHERE\n    x = \'A  b\';\nEND;\n'),
      [`${GM}/0003_word.up.sql`]: fn(before.replace('count(*)', 'count(x)')),
      [`${GM}/0004_string.up.sql`]: fn(before.replace("'A  b'", "'a b'")),
      [`${GM}/0005_python.up.sql`]: fn('\nRETURN 1\n', 'plpython3u'),
    }).commit('format');
    const result = await check(r.dir, { base: 'main', config: { rollbackMissingRisk: 'SAFE' } });
    const edited = result.report.migrations.filter((m) => m.findings.some((f) => f.rule === 'migration-edited')).map((m) => m.path);
    expect(edited).toEqual([`${GM}/0003_word.up.sql`, `${GM}/0004_string.up.sql`, `${GM}/0005_python.up.sql`]);
  });

  it('a deleted migration keeps its rule id (migration-edited), not a parse error', async () => {
    const r = repo()
      .write({
        [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        [`${GM}/0001_users.down.sql`]: 'DROP TABLE users;\n',
        [`${GM}/0002_x.up.sql`]: 'CREATE TABLE x (id int);\n',
        [`${GM}/0002_x.down.sql`]: 'DROP TABLE x;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.remove(`${GM}/0002_x.up.sql`).remove(`${GM}/0002_x.down.sql`).commit('drop x');
    const result = await check(r.dir, { base: 'main' });
    expect(result.report.errors).toEqual([expect.objectContaining({ path: `${GM}/0002_x.up.sql`, rule: 'migration-edited', risk: 'DANGEROUS' })]);
    const d = collectDiagnostics(result);
    expect(d.map((x) => [x.kind, x.ruleId])).toEqual([['finding', 'migration-edited']]);
  });

  // lemmy's ffada22215 edits only 2025-08-01-000041's down.sql: its unchanged up.sql (a bulk
  // rewrite of six tables, already run) came back with 170 findings, DANGEROUS, and its steps in
  // the plan. river's d04b82a8f9 puts template comments into old migrations: the DROP INDEX
  // they ran long ago was CAUTION again.
  it('a migration whose up statements the change left as they were is judged by its rollback: the up is context', async () => {
    const GOOSE = 'sql/schema';
    const FW = 'src/main/resources/db/migration';
    const up = 'ALTER TABLE users ADD COLUMN age int;\nCREATE INDEX users_age ON users (age);\nDROP TABLE old_users;\n';
    const r = repo()
      .write({
        [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE old_users (id bigint);\n',
        [`${GM}/0001_users.down.sql`]: 'DROP TABLE users;\n',
        [`${GM}/0002_age.up.sql`]: up,
        [`${GM}/0002_age.down.sql`]: 'ALTER TABLE users DROP COLUMN age;\n',
        [`${GM}/0003_drop_age_idx.up.sql`]: 'DROP INDEX users_age;\n',
        [`${GM}/0003_drop_age_idx.down.sql`]: 'CREATE INDEX users_age ON users (age);\n',
        [`${GOOSE}/00001_t.sql`]: `-- +goose Up\nCREATE TABLE t (id bigint PRIMARY KEY);\n-- +goose Down\nDROP TABLE t;\n`,
        [`${GOOSE}/00002_t_x.sql`]: `-- +goose Up\nALTER TABLE t ADD COLUMN x int;\nCREATE INDEX t_x ON t (x);\n-- +goose Down\nSELECT 1;\n`,
        [`${FW}/V1__accounts.sql`]: 'CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n',
        [`${FW}/V2__accounts_email.sql`]: 'CREATE INDEX accounts_email ON accounts (email);\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      // Now also recreates the table the up dropped (dropping the column takes the index along).
      [`${GM}/0002_age.down.sql`]: 'CREATE TABLE old_users (id bigint);\nALTER TABLE users DROP COLUMN age;\n',
      // A comment inside the statement: what runs is the same.
      [`${GM}/0003_drop_age_idx.up.sql`]: 'DROP INDEX /* TEMPLATE: schema */ users_age;\n',
      // The down section is written; the up section is byte for byte the same.
      [`${GOOSE}/00002_t_x.sql`]: `-- +goose Up\nALTER TABLE t ADD COLUMN x int;\nCREATE INDEX t_x ON t (x);\n-- +goose Down\nDROP INDEX t_x;\n`,
      // Flyway checksums the file: the comment is still an edit it refuses, and only that is reported.
      [`${FW}/V2__accounts_email.sql`]: '-- by email\nCREATE INDEX accounts_email ON accounts (email);\n',
    }).commit('rollbacks and comments');

    const result = await check(r.dir, { base: 'main' });
    const rules = new Map(result.report.migrations.map((m) => [m.path, m.findings.map((f) => f.rule)]));
    // The comment changed nothing that runs, up or down: nothing to review.
    expect([...rules.keys()].sort()).toEqual([`${GM}/0002_age.up.sql`, `${GOOSE}/00002_t_x.sql`, `${FW}/V2__accounts_email.sql`].sort());
    // What the up did (an index without CONCURRENTLY, a dropped table) is not this change's.
    expect(rules.get(`${GM}/0002_age.up.sql`)).toEqual([]);
    const age = result.report.migrations.find((m) => m.path === `${GM}/0002_age.up.sql`)!;
    expect(age.operations).toEqual([]);
    expect(age.irreversible).toBeUndefined();
    // The goose down forgot the column: the rollback's own finding stays.
    expect(rules.get(`${GOOSE}/00002_t_x.sql`)).toEqual(['rollback-mismatch']);
    expect(rules.get(`${FW}/V2__accounts_email.sql`)).toEqual(['migration-edited']);
    expect(buildPlan(result.migrations, { pgVersion: 16 }).phases.flatMap((p) => p.steps)).toEqual([]);

    // The same up edited along with its rollback is judged whole.
    r.write({ [`${GM}/0002_age.up.sql`]: `${up}CREATE INDEX users_id_age ON users (id, age);\n` }).commit('and the up');
    const both = await check(r.dir, { base: 'main' });
    expect(both.report.migrations.find((m) => m.path === `${GM}/0002_age.up.sql`)!.findings.map((f) => f.rule)).toContain('require-concurrent-index');
  });

  it('a rollback file edited only in its comments or layout runs what it ran: with the up as it was, nothing to review', async () => {
    const r = repo()
      .write({
        [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        [`${GM}/0001_users.down.sql`]: '-- generated by tool v1\n-- Down migrations are not available.\n',
        [`${GM}/0002_age.up.sql`]: 'ALTER TABLE users ADD COLUMN age int;\n',
        [`${GM}/0002_age.down.sql`]: 'ALTER TABLE users DROP COLUMN age;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      // hydra regenerating the header of every down file (38efece55b): the empty rollback was already empty.
      [`${GM}/0001_users.down.sql`]: '-- generated by: tool migrate gen ./src ./migrations\n-- Down migrations are not available.\n',
      [`${GM}/0002_age.down.sql`]: '-- undo the age column\nALTER TABLE users\n  DROP COLUMN age;\n',
    }).commit('regenerated headers');
    const result = await check(r.dir, { base: 'main' });
    expect(result.report.migrations).toEqual([]);
    expect(reportedPaths(result)).toEqual([]);

    // A rollback whose statements changed is still reviewed.
    r.write({ [`${GM}/0002_age.down.sql`]: '-- undo the age column\nSELECT 1;\n' }).commit('a real change');
    const changed = await check(r.dir, { base: 'main' });
    expect(changed.report.migrations.map((m) => [m.path, m.findings.map((f) => f.rule)])).toEqual([[`${GM}/0002_age.up.sql`, ['rollback-mismatch']]]);
  });

  it('an edited migration whose rollback the change left as it was: the rollback\'s old problems are the base branch\'s, new ones the edit\'s', async () => {
    const r = repo()
      .write({
        [`${GM}/0001_networks.up.sql`]: 'CREATE TABLE networks (id uuid PRIMARY KEY);\nCREATE TABLE logs (id int);\nINSERT INTO networks VALUES (md5(random()::text)::uuid);\n',
        [`${GM}/0001_networks.down.sql`]: '',
        [`${GM}/0002_items.up.sql`]: 'CREATE TABLE items (id bigint PRIMARY KEY);\n',
        [`${GM}/0002_items.down.sql`]: 'DROP TABLE items;\nDROP TABLE logs;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    // hydra's c206066066: the up files edited (a better uuid function), the down files not.
    r.write({
      [`${GM}/0001_networks.up.sql`]: 'CREATE TABLE networks (id uuid PRIMARY KEY);\nCREATE TABLE logs (id int);\nINSERT INTO networks VALUES (gen_random_uuid());\n',
      [`${GM}/0002_items.up.sql`]: 'CREATE TABLE items (id bigint PRIMARY KEY, name text);\nALTER TABLE networks ADD COLUMN note text;\n',
    }).commit('edit the ups');
    const result = await check(r.dir, { base: 'main' });
    const rules = result.report.migrations.map((m) => [m.path, m.findings.filter((f) => f.rule.startsWith('rollback-')).map((f) => `${f.rule} ${f.path}`)]);
    expect(rules).toEqual([
      // Empty before and after: not this change's.
      [`${GM}/0001_networks.up.sql`, []],
      // The rollback already dropped a table its migration did not create; the column the edit adds is new.
      [`${GM}/0002_items.up.sql`, [`rollback-mismatch ${GM}/0002_items.up.sql`]],
    ]);
    expect(result.report.notes?.map((n) => n.message)).toContainEqual(
      "2 rollback problems (1 rollback-destroys-data, 1 rollback-empty) are the base branch's: this change edits the migration but leaves its rollback as it was, and the rollback had them with the migration as it was; they are not part of this review",
    );
    expect(reportedPaths(result)).toEqual([`${GM}/0001_networks.up.sql`, `${GM}/0002_items.up.sql`]);

    // The rollback edited too: judged whole, its old problems included.
    r.write({ [`${GM}/0002_items.down.sql`]: 'DROP TABLE items;\nDROP TABLE logs;\nSELECT 1;\n' }).commit('and a down');
    const both = await check(r.dir, { base: 'main' });
    expect(both.report.migrations.find((m) => m.path === `${GM}/0002_items.up.sql`)!.findings.map((f) => f.rule).filter((x) => x.startsWith('rollback-')).sort()).toEqual(['rollback-destroys-data', 'rollback-mismatch']);
  });

  it('scripts that initialise a new database, beside the migrations, are what it starts from: an edit is left alone with a note, a new one reviewed', async () => {
    // supabase/postgres: migrations/db/init-scripts/ run once on an empty data directory, migrations/db/migrations/ after.
    const INIT = 'migrations/db/init-scripts';
    const MIG = 'migrations/db/migrations';
    const r = repo()
      .write({
        [`${INIT}/00000000000000-initial-schema.sql`]: 'CREATE SCHEMA extensions;\n',
        [`${INIT}/00000000000001-auth-schema.sql`]: 'CREATE SCHEMA auth;\nCREATE TABLE auth.users (id uuid PRIMARY KEY);\n',
        [`${MIG}/20211115181400_update-auth-permissions.sql`]: 'GRANT USAGE ON SCHEMA auth TO postgres;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      [`${INIT}/00000000000001-auth-schema.sql`]: 'CREATE SCHEMA auth;\nCREATE TABLE auth.users (id uuid PRIMARY KEY, email text);\n',
      [`${INIT}/00000000000002-storage-schema.sql`]: 'CREATE SCHEMA storage;\nCREATE TABLE storage.objects (id uuid PRIMARY KEY, at timestamp);\n',
    }).commit('init scripts');
    const result = await check(r.dir, { base: 'main' });
    expect(collectDiagnostics(result).filter((d) => d.ruleId === 'migration-edited')).toEqual([]);
    expect(result.report.migrations.map((m) => m.path)).toEqual([`${INIT}/00000000000002-storage-schema.sql`]);
    expect(result.report.notes?.map((n) => n.message)).toContainEqual(
      '00000000000000-initial-schema.sql, 00000000000001-auth-schema.sql left alone: scripts that initialise a new database, beside the migrations (what a new database starts from), not migrations; editing one changes no database that exists',
    );
  });

  // lemmy's 5cb3e222c3 (pg_format 5.8) reformats sixteen migrations from 2019 on, rollbacks too:
  // the dry-run replayed the history between them first, and stopped at 'relation "community"
  // does not exist'.
  it('a reviewed migration the history continues after is replayed as history, in its place; the dry-run traces the rest', { timeout: 120_000 }, async () => {
    const r = repo()
      .write({
        [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        [`${GM}/0001_users.down.sql`]: 'DROP TABLE users;\n',
        [`${GM}/0002_posts.up.sql`]: 'CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users);\n',
        [`${GM}/0002_posts.down.sql`]: 'DROP TABLE posts;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      [`${GM}/0001_users.up.sql`]: 'CREATE TABLE users (\n    id bigint PRIMARY KEY\n);\n',
      [`${GM}/0001_users.down.sql`]: 'DROP TABLE IF EXISTS users;\n',
      [`${GM}/0003_title.up.sql`]: 'ALTER TABLE posts ADD COLUMN title text;\n',
      [`${GM}/0003_title.down.sql`]: 'ALTER TABLE posts DROP COLUMN title;\n',
    }).commit('reformat and add');
    const git = await gitChanges(r.dir, 'main');
    const result = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base }, dryRun: true });
    const byPath = new Map(result.report.migrations.map((m) => [m.path, m]));
    expect(byPath.get(`${GM}/0003_title.up.sql`)!.dryRun).toMatchObject({ status: 'passed', rollback: { status: 'exact' } });
    // Its up is history (not traced); its new rollback is run in its place.
    expect(byPath.get(`${GM}/0001_users.up.sql`)!.dryRun).toMatchObject({ statements: [], rollback: { status: 'exact', reapply: 'passed' } });
    expect(result.migrations.find((a) => a.migration.id === '0001_users')!.migration.historyFollows).toBe(true);
    expect(result.history!.map((h) => h.migration.id)).toEqual(['0001_users', '0002_posts']);
    // `plan` verifies in the same order (it applied the reformatted migration twice).
    const out = path.join(r.dir, 'plan.json');
    await planCommand(r.dir, { base: 'main', format: 'json', output: out, progress: false });
    expect(JSON.parse(readFileSync(out, 'utf8')).verification).toMatchObject({ status: 'verified' });
  });

  it('a duplicate version already on the base branch is not this change’s finding', async () => {
    const r = repo()
      .write({
        [`${GM}/0001_a.up.sql`]: 'CREATE TABLE a (id int);\n',
        [`${GM}/0001_a.down.sql`]: 'DROP TABLE a;\n',
        [`${GM}/0001_b.up.sql`]: 'CREATE TABLE b (id int);\n',
        [`${GM}/0001_b.down.sql`]: 'DROP TABLE b;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ [`${GM}/0002_c.up.sql`]: 'CREATE TABLE c (id bigint PRIMARY KEY);\n', [`${GM}/0002_c.down.sql`]: 'DROP TABLE c;\n' }).commit('c');
    const result = await check(r.dir, { base: 'main' });
    expect(reportedPaths(result)).toEqual([]);
    expect(result.report.risk).toBe('SAFE');
    expect(result.report.notes?.[0]?.message).toMatch(/duplicate-version/);
  });
});

describe('other databases are left alone, with a note', () => {
  const SQLITE = 'CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT);\n';
  const PG = 'CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text);\n';

  it('river-style driver folders: riversqlite is not Postgres, riverpgxv5 is', async () => {
    const r = repo()
      .write({
        'riverdriver/riverpgxv5/migration/main/001_create.up.sql': PG,
        'riverdriver/riverpgxv5/migration/main/001_create.down.sql': 'DROP TABLE jobs;\n',
        'riverdriver/riversqlite/migration/main/001_create.up.sql': 'SELECT 1;\n',
        'riverdriver/riversqlite/migration/main/001_create.down.sql': 'SELECT 1;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'riverdriver/riversqlite/migration/main/001_create.up.sql': SQLITE }).commit('sqlite only');
    const result = await check(r.dir, { base: 'main' });
    expect(result.report.errors).toEqual([]);
    expect(result.report.migrations).toEqual([]);
    expect(result.report.notes?.map((n) => n.path)).toContain('riverdriver/riversqlite');
    expect(result.report.notes?.find((n) => n.path === 'riverdriver/riversqlite')?.message).toMatch(/SQLite/);
  });

  it('flipt: a cockroachdb folder is CockroachDB\'s, and a ClickHouse folder the change moves (with a file more) stays ClickHouse\'s', async () => {
    const CH = "CREATE TABLE IF NOT EXISTS `flipt_counter_analytics` (`timestamp` DateTime('UTC')) Engine = MergeTree ORDER BY timestamp;\n";
    const r = repo()
      .write({
        'config/migrations/postgres/1_init.up.sql': PG,
        'config/migrations/postgres/1_init.down.sql': 'DROP TABLE jobs;\n',
        'config/migrations/cockroachdb/1_init.up.sql': PG,
        'config/migrations/cockroachdb/1_init.down.sql': 'DROP TABLE jobs;\n',
        'config/migrations/clickhouse/1_counter.up.sql': CH,
        'config/migrations/clickhouse/1_counter.down.sql': 'DROP TABLE `flipt_counter_analytics`;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'config/migrations/cockroachdb/1_init.up.sql': `${PG}CREATE INDEX jobs_x ON jobs (id);\n` })
      .move('config/migrations/clickhouse', 'internal-clickhouse')
      .commit('cockroach edit, clickhouse moved');
    mkdirSync(path.join(r.dir, 'internal/migrations'), { recursive: true });
    r.move('internal-clickhouse', 'internal/migrations/clickhouse')
      .write({ 'internal/migrations/clickhouse/2_more.up.sql': CH.replace('flipt_counter_analytics', 'flipt_more') })
      .commit('clickhouse moved, and one more');
    const result = await check(r.dir, { base: 'main' });
    expect(result.report.errors).toEqual([]);
    expect(result.report.migrations).toEqual([]);
    const notes = result.report.notes?.map((n) => [n.path, n.message.replace(/ \(set otherDatabases.*/, '')]);
    expect(notes).toContainEqual(['config/migrations/cockroachdb', '2 SQL files left alone: the folder name says CockroachDB, not PostgreSQL']);
    expect(notes).toContainEqual(['internal/migrations/clickhouse', '3 SQL files left alone: the folder name says ClickHouse, not PostgreSQL']);
  });

  it('Flyway per-vendor trees: only the Postgres folder is reviewed; a file name mentioning sqlite is still reviewed', async () => {
    const base = 'src/main/resources/db/migration';
    const r = repo()
      .write({
        [`${base}/h2/V1__init.sql`]: 'CREATE TABLE t (id IDENTITY);\n',
        [`${base}/mysql/V1__init.sql`]: 'CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\n',
        [`${base}/postgres/V1__init.sql`]: 'CREATE TABLE t (id bigint PRIMARY KEY);\n',
        [`${base}/postgres/V2__drop_sqlite_fallback.sql`]: 'CREATE TABLE sqlite_fallback (id int);\n',
        'db/migration_mysql/V1__x.sql': 'CREATE TABLE x (id INT) ENGINE=InnoDB;\n',
      })
      .commit('base');
    const result = await check(r.dir);
    expect(result.report.errors).toEqual([]);
    expect(result.report.migrations.map((m) => m.path).sort()).toEqual([`${base}/postgres/V1__init.sql`, `${base}/postgres/V2__drop_sqlite_fallback.sql`]);
    expect(result.report.notes?.map((n) => n.path).sort()).toEqual(['db/migration_mysql', `${base}/h2`, `${base}/mysql`]);
  });

  it('otherDatabases.review and .skip force it either way', async () => {
    const r = repo()
      .write({
        'db/mysql_compat/001_a.sql': 'CREATE TABLE a (id int);\n',
        'db/migrations/001_b.sql': 'CREATE TABLE b (id int);\n',
      })
      .commit('base');
    const forced = await check(r.dir, { config: { otherDatabases: { review: ['db/mysql_compat/**'], skip: ['db/migrations/**'] } } });
    expect(forced.report.migrations.map((m) => m.path)).toEqual(['db/mysql_compat/001_a.sql']);
    expect(forced.report.notes?.map((n) => n.path)).toEqual(['db/migrations']);
  });

  it('pop dialect files for other engines get a note; lint <folder> and check agree on the same files', async () => {
    const P = 'persistence/sql/migrations';
    const r = repo()
      .write({
        [`${P}/20200101000000000000_init.up.sql`]: 'CREATE TABLE `t` (`id` INT AUTO_INCREMENT PRIMARY KEY);\n',
        [`${P}/20200101000000000000_init.down.sql`]: 'DROP TABLE `t`;\n',
        [`${P}/20200101000000000000_init.postgres.up.sql`]: 'CREATE TABLE t (id bigint PRIMARY KEY);\n',
        [`${P}/20200101000000000000_init.postgres.down.sql`]: 'DROP TABLE t;\n',
        [`${P}/20200101000000000000_init.sqlite3.up.sql`]: 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n',
        [`${P}/20200101000000000000_init.sqlite3.down.sql`]: 'DROP TABLE t;\n',
      })
      .commit('base');
    const viaCheck = await check(r.dir);
    const viaLint = await check(r.dir, { paths: [P] });
    for (const result of [viaCheck, viaLint]) {
      expect(result.report.errors).toEqual([]);
      expect(result.report.migrations.map((m) => m.path)).toEqual([`${P}/20200101000000000000_init.postgres.up.sql`]);
      expect(result.report.notes?.[0]?.message).toMatch(/2 migration files for other databases left alone \(sqlite3\)/);
    }
  });
});

describe('sparse checkouts', () => {
  const files = {
    'services/a/db/migrations/0001_a.up.sql': 'CREATE TABLE a (id bigint PRIMARY KEY);\n',
    'services/a/db/migrations/0001_a.down.sql': 'DROP TABLE a;\n',
    'services/b/db/migrations/0001_b.up.sql': 'CREATE TABLE b (id bigint PRIMARY KEY);\n',
    'services/b/db/migrations/0001_b.down.sql': 'DROP TABLE b;\n',
  };

  it('reads files git lists but the work tree lacks from git objects, else skips them with a note', async () => {
    const r = repo().write(files).commit('base');
    r.git('sparse-checkout', 'set', '--no-cone', '/services/a/');
    const result = await check(r.dir);
    expect(result.report.errors).toEqual([]);
    expect(result.report.migrations.map((m) => m.path).sort()).toEqual(['services/a/db/migrations/0001_a.up.sql', 'services/b/db/migrations/0001_b.up.sql']);
    expect(result.report.risk).toBe('SAFE');

    // Objects gone too (a partial clone): skipped, with a note, never an error.
    for (const p of ['services/b/db/migrations/0001_b.up.sql', 'services/b/db/migrations/0001_b.down.sql']) {
      const oid = r.git('rev-parse', `:${p}`).trim();
      rmSync(path.join(r.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    }
    const partial = await check(r.dir);
    expect(partial.report.errors).toEqual([]);
    expect(partial.report.migrations.map((m) => m.path)).toEqual(['services/a/db/migrations/0001_a.up.sql']);
    expect(partial.report.notes?.[0]?.message).toMatch(/2 SQL files listed by git are neither in the work tree nor in git's objects/);
  });
});

describe('message classes', () => {
  it('an unreadable file is file-unreadable, not a parse error', async () => {
    const r = repo().write({ 'db/migrations/0001_a.up.sql': 'CREATE TABLE a (id int);\n', 'db/migrations/0001_a.down.sql': 'DROP TABLE a;\n' }).commit('base');
    r.write({ 'db/migrations/0002_b.up.sql': 'CREATE TABLE b (id int);\n\u0000\u0001binary' });
    const result = await check(r.dir);
    expect(result.report.errors.map((e) => e.rule)).toEqual(['file-unreadable']);
    expect(collectDiagnostics(result).filter((d) => d.kind === 'parse-error')).toEqual([]);
  });
});
