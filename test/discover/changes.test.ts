// Change detection against real throwaway git repositories: what git reports, how each
// migration is marked, and the migration-edited / migration-out-of-order findings.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/discover/changes.js';
import { discoverMigrations } from '../../src/discover/discover.js';
import { DiscoverError } from '../../src/discover/errors.js';
import { fsRepoFiles, memoryRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges, parseNameStatus } from '../../src/discover/git.js';
import { TempRepo } from './git-repo.js';
import { config } from './helpers.js';

const repos: TempRepo[] = [];
const tempDirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function repo(): TempRepo {
  const r = new TempRepo().init();
  repos.push(r);
  return r;
}

async function review(dir: string, base = 'main') {
  const git = await gitChanges(dir, base);
  const cfg = config();
  const head = await discoverMigrations(fsRepoFiles(dir), cfg);
  const baseSets = (await discoverMigrations(git.base, cfg)).sets;
  return { git, ...applyChanges(head.sets, git.changes, baseSets) };
}

const M = 'db/migrations';

describe('gitChanges + applyChanges', () => {
  it('marks added, modified, renamed, deleted and unchanged migrations and raises the findings', async () => {
    const r = repo()
      .write({
        [`${M}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        [`${M}/0001_users.down.sql`]: 'DROP TABLE users;\n',
        [`${M}/0002_orders.up.sql`]: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n',
        [`${M}/0002_orders.down.sql`]: 'DROP TABLE orders;\n',
        [`${M}/0003_items.up.sql`]: 'CREATE TABLE items (id bigint PRIMARY KEY);\n',
        [`${M}/0003_items.down.sql`]: '-- todo\n',
        [`${M}/0004_legacy.up.sql`]: 'CREATE TABLE legacy (id int);\n',
        [`${M}/0004_legacy.down.sql`]: 'DROP TABLE legacy;\n',
        [`${M}/0005_notes.up.sql`]: 'CREATE TABLE notes (id int);\n',
        [`${M}/0005_notes.down.sql`]: 'DROP TABLE notes;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ [`${M}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n' })
      .move(`${M}/0002_orders.up.sql`, `${M}/0002_customer_orders.up.sql`)
      .move(`${M}/0002_orders.down.sql`, `${M}/0002_customer_orders.down.sql`)
      .write({ [`${M}/0003_items.down.sql`]: 'DROP TABLE items;\n' })
      .remove(`${M}/0004_legacy.up.sql`)
      .remove(`${M}/0004_legacy.down.sql`)
      .write({
        [`${M}/0000_extensions.up.sql`]: 'CREATE EXTENSION IF NOT EXISTS pgcrypto;\n',
        [`${M}/0000_extensions.down.sql`]: 'DROP EXTENSION pgcrypto;\n',
        [`${M}/0006_tags.up.sql`]: 'CREATE TABLE tags (id int);\n',
        [`${M}/0006_tags.down.sql`]: 'DROP TABLE tags;\n',
      })
      .commit('feature');
    // Not committed yet: the working tree counts, untracked files as added.
    r.write({ [`${M}/0007_wip.up.sql`]: 'CREATE TABLE wip (id int);\n' });

    const { git, sets, findings } = await review(r.dir);
    expect(git.mergeBase).toBe(r.git('rev-parse', 'main').trim());
    expect([...git.changes].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: `${M}/0000_extensions.down.sql`, status: 'added' },
      { path: `${M}/0000_extensions.up.sql`, status: 'added' },
      { path: `${M}/0001_users.up.sql`, status: 'modified' },
      { path: `${M}/0002_customer_orders.down.sql`, status: 'renamed', previousPath: `${M}/0002_orders.down.sql` },
      { path: `${M}/0002_customer_orders.up.sql`, status: 'renamed', previousPath: `${M}/0002_orders.up.sql` },
      { path: `${M}/0003_items.down.sql`, status: 'modified' },
      { path: `${M}/0004_legacy.down.sql`, status: 'deleted' },
      { path: `${M}/0004_legacy.up.sql`, status: 'deleted' },
      { path: `${M}/0006_tags.down.sql`, status: 'added' },
      { path: `${M}/0006_tags.up.sql`, status: 'added' },
      { path: `${M}/0007_wip.up.sql`, status: 'added' },
    ]);
    expect(sets).toHaveLength(1);
    expect(sets[0]!.migrations.map((m) => `${m.id} ${m.change}${m.previousPath ? ` from ${m.previousPath}` : ''}`)).toEqual([
      '0000_extensions added',
      '0001_users modified',
      `0002_customer_orders renamed from ${M}/0002_orders.up.sql`,
      '0003_items modified',
      '0004_legacy deleted',
      '0005_notes unchanged',
      '0006_tags added',
      '0007_wip added',
    ]);
    // The deleted migration keeps its base text, so later stages can show what went away.
    expect(sets[0]!.migrations[4]!.up.text).toContain('CREATE TABLE legacy');
    expect(findings.map((f) => [f.rule, f.risk, f.path]).sort()).toEqual([
      ['migration-edited', 'DANGEROUS', `${M}/0001_users.up.sql`],
      ['migration-edited', 'DANGEROUS', `${M}/0004_legacy.up.sql`],
      // A new name for the same version and statements: golang-migrate keys by version alone.
      ['migration-edited', 'SAFE', `${M}/0002_customer_orders.up.sql`],
      ['migration-out-of-order', 'CAUTION', `${M}/0000_extensions.up.sql`],
    ]);
    expect(findings.find((f) => f.rule === 'migration-out-of-order')!.message).toContain(`sorts before ${M}/0001_users.up.sql`);
    expect(findings.find((f) => f.path.endsWith('0004_legacy.up.sql'))!.message).toContain('was deleted');
  });

  it('a migration renamed with its statements as they were is blamed on the runner record, not on an edit', async () => {
    // Tables of some size, so that git tells a rename with an edit from a new file.
    const tuple = 'CREATE TABLE tuple (\n  store text NOT NULL,\n  object_type text NOT NULL,\n  object_id text NOT NULL,\n  relation text NOT NULL,\n  _user text NOT NULL,\n  inserted_at timestamptz NOT NULL,\n  PRIMARY KEY (store, object_type, object_id, relation, _user)\n);\n';
    const orders = 'CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint NOT NULL,\n  placed_at timestamptz NOT NULL,\n  total numeric(12, 2) NOT NULL,\n  status text NOT NULL\n);\n';
    const r = repo()
      .write({
        'storage/migrations/20220617_init.up.sql': tuple,
        'storage/migrations/20220617_init.down.sql': 'DROP TABLE tuple;\n',
        [`${M}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        [`${M}/0001_users.down.sql`]: 'DROP TABLE users;\n',
        [`${M}/0002_orders.up.sql`]: orders,
        [`${M}/0002_orders.down.sql`]: 'DROP TABLE orders;\n',
        [`${M}/0004_tags.up.sql`]: tuple.replace('tuple', 'tags'),
        [`${M}/0004_tags.down.sql`]: 'DROP TABLE tags;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    // A switch of runner (golang-migrate to goose: annotations added, the rollback taken in), a new
    // version for the same statements, and an edit on the way.
    r.remove('storage/migrations/20220617_init.up.sql')
      .remove('storage/migrations/20220617_init.down.sql')
      .write({ 'assets/migrations/001_init.sql': `-- +goose Up\n${tuple}\n-- +goose Down\nDROP TABLE tuple;\n` })
      .move(`${M}/0001_users.up.sql`, `${M}/0003_users.up.sql`)
      .move(`${M}/0001_users.down.sql`, `${M}/0003_users.down.sql`)
      .move(`${M}/0004_tags.up.sql`, `${M}/0004_tag_table.up.sql`)
      .move(`${M}/0004_tags.down.sql`, `${M}/0004_tag_table.down.sql`)
      .move(`${M}/0002_orders.up.sql`, `${M}/0002_customer_orders.up.sql`)
      .write({ [`${M}/0002_customer_orders.up.sql`]: orders.replace('status text NOT NULL', 'status text NOT NULL,\n  note text') })
      .commit('feature');
    const { findings, sets } = await review(r.dir);
    const edited = Object.fromEntries(findings.filter((f) => f.rule === 'migration-edited').map((f) => [f.path, f]));
    expect(Object.keys(edited).sort()).toEqual(['assets/migrations/001_init.sql', `${M}/0002_customer_orders.up.sql`, `${M}/0003_users.up.sql`, `${M}/0004_tag_table.up.sql`]);
    expect(Object.values(edited).map((f) => f.risk)).toEqual(['DANGEROUS', 'DANGEROUS', 'DANGEROUS', 'SAFE']);
    // The same version and statements under a new name in its folder: golang-migrate runs nothing again.
    expect(edited[`${M}/0004_tag_table.up.sql`]!.message).toContain('with the same statements and version (0004): golang-migrate records applied migrations by version alone');
    const migrations = sets.flatMap((s) => s.migrations);
    expect(migrations.find((m) => m.up.path === `${M}/0004_tag_table.up.sql`)).toMatchObject({ change: 'renamed', upAsBase: true });
    expect(migrations.find((m) => m.up.path === `${M}/0003_users.up.sql`)!.upAsBase).toBeUndefined();
    expect(edited['assets/migrations/001_init.sql']!.message).toContain('was renamed from storage/migrations/20220617_init.up.sql with the same statements: it moved from golang-migrate to goose');
    expect(edited['assets/migrations/001_init.sql']!.message).not.toContain('never see this change');
    expect(edited[`${M}/0003_users.up.sql`]!.message).toContain('databases that applied it as 0001 take 0003 for a new migration and run it again');
    expect(edited[`${M}/0003_users.up.sql`]!.suggestion).toContain('mark the migration as applied under its new name');
    // Renamed and edited: what it runs changed, and databases that applied it never see that.
    expect(edited[`${M}/0002_customer_orders.up.sql`]!.message).toContain('never see this change');
    expect(edited[`${M}/0002_customer_orders.up.sql`]!.suggestion).toBe('Restore the original migration and make the change in a new migration.');
  });

  it('in a one-file layout, an edit of only the down section is not an edit of the applied migration', async () => {
    const r = repo()
      .write({
        'migrations/00001_posts.sql': '-- +goose Up\nCREATE TABLE posts (id int);\n-- +goose Down\n',
        'migrations/00002_tags.sql': '-- +goose Up\nCREATE TABLE tags (id int);\n-- +goose Down\nDROP TABLE tags;\n',
        'migrations/20240101000000_flyway_like.txt': 'not sql\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      'migrations/00001_posts.sql': '-- +goose Up\nCREATE TABLE posts (id int);\n-- +goose Down\nDROP TABLE posts;\n',
      'migrations/00002_tags.sql': '-- +goose Up\nCREATE TABLE tags (id bigint);\n-- +goose Down\nDROP TABLE tags;\n',
    }).commit('feature');

    const { sets, findings } = await review(r.dir);
    expect(sets[0]!.migrations.map((m) => `${m.id} ${m.change}`)).toEqual(['00001_posts modified', '00002_tags modified']);
    expect(findings.map((f) => [f.rule, f.path])).toEqual([['migration-edited', 'migrations/00002_tags.sql']]);
  });

  it('works from a subfolder of the repository, with paths relative to it', async () => {
    const r = repo()
      .write({ 'service/db/migrations/0001_a.up.sql': 'SELECT 1;\n', 'service/db/migrations/0001_a.down.sql': 'SELECT 1;\n' })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'service/db/migrations/0002_b.up.sql': 'SELECT 2;\n', 'other/x.sql': 'SELECT 3;\n' }).commit('feature');
    const { git, sets, findings } = await review(path.join(r.dir, 'service'));
    expect(git.changes).toEqual([{ path: 'db/migrations/0002_b.up.sql', status: 'added' }]);
    expect(await git.base.list()).toEqual(['db/migrations/0001_a.down.sql', 'db/migrations/0001_a.up.sql']);
    expect(new TextDecoder().decode(await git.base.read('db/migrations/0001_a.up.sql'))).toBe('SELECT 1;\n');
    expect(sets[0]!.migrations.map((m) => `${m.id} ${m.change}`)).toEqual(['0001_a unchanged', '0002_b added']);
    expect(findings).toEqual([]);
  });

  it('a Flyway repeatable migration is meant to be edited', async () => {
    const r = repo()
      .write({ 'db/migration/V1__init.sql': 'CREATE TABLE a (id int);\n', 'db/migration/R__view.sql': 'CREATE OR REPLACE VIEW v AS SELECT 1;\n' })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'db/migration/R__view.sql': 'CREATE OR REPLACE VIEW v AS SELECT 2;\n' }).commit('feature');
    const { sets, findings } = await review(r.dir);
    expect(sets[0]!.migrations.map((m) => `${m.id} ${m.change}`)).toEqual(['V1__init unchanged', 'R__view modified']);
    expect(findings).toEqual([]);
  });
});

describe('a clone missing objects that rename detection reads', () => {
  it('falls back to a comparison without renames, pairs the exact renames by object id, and says so in a note', async () => {
    const r = repo()
      .write({
        'README.txt': 'line one\nline two\nline three\n',
        [`${M}/0001_a.up.sql`]: 'CREATE TABLE a (id int);\n',
        [`${M}/0001_a.down.sql`]: 'DROP TABLE a;\n',
      })
      .commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.move('README.txt', 'NOTES.txt')
      .write({ 'NOTES.txt': 'line one\nline two\nline three\nline four\n' })
      .move(`${M}/0001_a.up.sql`, `${M}/0001_a_renamed.up.sql`)
      .move(`${M}/0001_a.down.sql`, `${M}/0001_a_renamed.down.sql`)
      .write({ [`${M}/0002_b.up.sql`]: 'CREATE TABLE b (id int);\n', [`${M}/0002_b.down.sql`]: 'DROP TABLE b;\n' })
      .commit('feature');
    // The README's base contents are gone: an inexact rename (README -> NOTES) needs them.
    const id = r.git('rev-parse', 'main:README.txt').trim();
    rmSync(path.join(r.dir, '.git', 'objects', id.slice(0, 2), id.slice(2)));
    expect(() => r.git('diff', '--name-status', '-M', 'main')).toThrow();

    const { git, sets, findings } = await review(r.dir);
    expect(git.changes.map((c) => `${c.status} ${c.previousPath ? `${c.previousPath} -> ` : ''}${c.path}`).sort()).toEqual([
      'added NOTES.txt',
      `added ${M}/0002_b.down.sql`,
      `added ${M}/0002_b.up.sql`,
      'deleted README.txt',
      `renamed ${M}/0001_a.down.sql -> ${M}/0001_a_renamed.down.sql`,
      `renamed ${M}/0001_a.up.sql -> ${M}/0001_a_renamed.up.sql`,
    ]);
    expect(git.notes).toHaveLength(1);
    expect(git.notes[0]!.message).toMatch(/^git could not detect renames \(fatal: unable to read [0-9a-f]+\): a file renamed and edited/);
    expect(sets[0]!.migrations.map((m) => `${m.id} ${m.change}`)).toEqual(['0001_a_renamed renamed', '0002_b added']);
    // Judged as a rename, as with rename detection, not as a deleted migration and a new one.
    expect(findings.map((f) => `${f.rule} ${f.path}: ${f.message.replace(/:.*/, '')}`)).toEqual([
      `migration-edited ${M}/0001_a_renamed.up.sql: ${M}/0001_a_renamed.up.sql already exists on the base branch and was renamed from ${M}/0001_a.up.sql with the same statements and version (0001)`,
    ]);
  });
});

describe('a migrations folder the change moves whole', () => {
  const base = {
    [`${M}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
    [`${M}/0001_users.down.sql`]: 'DROP TABLE users;\n',
    [`${M}/0002_orders.up.sql`]: 'CREATE TABLE orders (id bigint PRIMARY KEY);\n',
    [`${M}/0002_orders.down.sql`]: 'DROP TABLE orders;\n',
  };
  const NEW = 'services/api/db/migrations';
  const moveFolder = (r: TempRepo) => {
    mkdirSync(path.join(r.dir, path.dirname(NEW)), { recursive: true });
    r.git('mv', M, NEW);
  };

  it('is no edit of its migrations (atuin moved its crates into crates/): unchanged, no finding; one added with it is new', async () => {
    const r = repo().write(base).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    moveFolder(r);
    r.write({ [`${NEW}/0003_items.up.sql`]: 'CREATE TABLE items (id bigint PRIMARY KEY);\n', [`${NEW}/0003_items.down.sql`]: 'DROP TABLE items;\n' }).commit('move');
    const { sets, findings } = await review(r.dir);
    expect(findings).toEqual([]);
    expect(sets.flatMap((s) => s.migrations.map((m) => `${m.up.path} ${m.change}`))).toEqual([
      `${NEW}/0001_users.up.sql unchanged`, `${NEW}/0002_orders.up.sql unchanged`, `${NEW}/0003_items.up.sql added`,
    ]);
    // Without rename detection (a file list of deletions and additions), the same.
    const changes = [
      ...Object.keys(base).map((p) => ({ path: p, status: 'deleted' as const })),
      ...Object.keys(base).map((p) => ({ path: p.replace(M, NEW), status: 'added' as const })),
    ];
    const cfg = config();
    const head = await discoverMigrations(fsRepoFiles(r.dir), cfg);
    const baseSets = (await discoverMigrations(memoryRepoFiles(new Map(Object.entries(base))), cfg)).sets;
    const plain = applyChanges(head.sets, changes, baseSets);
    expect(plain.findings).toEqual([]);
  });

  it('is an edit when a migration changed on the way, or the old folder stays', async () => {
    const r = repo().write(base).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    moveFolder(r);
    r.write({ [`${NEW}/0002_orders.up.sql`]: 'CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n' }).commit('move and edit');
    expect((await review(r.dir)).findings.map((f) => f.rule)).toContain('migration-edited');

    const s = repo().write(base).commit('base');
    s.git('checkout', '-q', '-b', 'feature');
    mkdirSync(path.join(s.dir, NEW), { recursive: true });
    s.move(`${M}/0002_orders.up.sql`, `${NEW}/0002_orders.up.sql`).move(`${M}/0002_orders.down.sql`, `${NEW}/0002_orders.down.sql`).commit('one moved out');
    expect((await review(s.dir)).findings.map((f) => f.rule)).toContain('migration-edited');
  });
});

// temporal's f6937601ef drops its PostgreSQL 9.6 schema: schema/postgresql/v96/ deleted whole.
// Each of its 19 migrations was migration-edited ('databases that applied it never see this
// change'), DANGEROUS, though no runner would apply any of them again.
describe('a migrations folder the change deletes whole', () => {
  const base = {
    [`${M}/0001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
    [`${M}/0001_users.down.sql`]: 'DROP TABLE users;\n',
    'legacy/pg96/0001_users.up.sql': 'CREATE TABLE users (id int PRIMARY KEY);\n',
    'legacy/pg96/0001_users.down.sql': 'DROP TABLE users;\n',
    'legacy/pg96/0002_orders.up.sql': 'CREATE TABLE orders (id int PRIMARY KEY);\n',
    'legacy/pg96/0002_orders.down.sql': 'DROP TABLE orders;\n',
  };

  it('is no edit of its migrations: one note, no finding', async () => {
    const r = repo().write(base).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.git('rm', '-q', '-r', 'legacy');
    r.commit('drop 9.6');
    const { findings, notes } = await review(r.dir);
    expect(findings).toEqual([]);
    expect(notes.map((n) => [n.path, n.message.split(':')[0]])).toEqual([['legacy/pg96', '2 migrations of legacy/pg96 deleted with the whole folder']]);
  });

  it('is an edit when one migration of it goes, or its migrations come back elsewhere', async () => {
    const one = repo().write(base).commit('base');
    one.git('checkout', '-q', '-b', 'feature');
    one.remove('legacy/pg96/0002_orders.up.sql').remove('legacy/pg96/0002_orders.down.sql').commit('drop one');
    expect((await review(one.dir)).findings.map((f) => f.rule)).toEqual(['migration-edited']);

    const back = repo().write(base).commit('base');
    back.git('checkout', '-q', '-b', 'feature');
    back.git('rm', '-q', '-r', 'legacy');
    back.write({ 'services/db/0001_users.up.sql': 'CREATE TABLE users (id int PRIMARY KEY, note text);\n', 'services/db/0001_users.down.sql': 'DROP TABLE users;\n' }).commit('moved and edited');
    expect((await review(back.dir)).findings.map((f) => f.rule)).toContain('migration-edited');
  });
});

describe('applyChanges without base sets (GitHub pull-request file list)', () => {
  it('still marks and reports edits, deletions and out-of-order additions', async () => {
    const files = memoryRepoFiles(
      new Map([
        ['supabase/migrations/20240101000000_init.sql', 'CREATE TABLE a (id int);'],
        ['supabase/migrations/20240105000000_later.sql', 'CREATE TABLE c (id int);'],
        ['supabase/migrations/20240103000000_middle.sql', 'CREATE TABLE b (id int);'],
      ]),
    );
    const head = await discoverMigrations(files, config());
    const { sets, findings } = applyChanges(
      head.sets,
      [
        { path: 'supabase/migrations/20240103000000_middle.sql', status: 'added' },
        { path: 'supabase/migrations/20240101000000_init.sql', status: 'modified' },
        { path: 'supabase/migrations/20240102000000_gone.sql', status: 'deleted' },
        { path: 'README.md', status: 'modified' },
      ],
      null,
    );
    expect(sets[0]!.migrations.map((m) => `${m.id} ${m.change}`)).toEqual([
      '20240101000000_init modified',
      '20240103000000_middle added',
      '20240105000000_later unchanged',
      '20240102000000_gone deleted',
    ]);
    expect(findings.map((f) => [f.rule, f.path])).toEqual([
      ['migration-edited', 'supabase/migrations/20240101000000_init.sql'],
      ['migration-edited', 'supabase/migrations/20240102000000_gone.sql'],
      ['migration-out-of-order', 'supabase/migrations/20240103000000_middle.sql'],
    ]);
  });
});

// vaultwarden's diesel migrations and atuin's sqlx ones: a migration added below one already on the
// base branch was CAUTION "databases already past that point may skip it or refuse to migrate",
// while diesel and sqlx apply every migration they have not recorded (found replaying both).
describe('migration-out-of-order says what the runner does', () => {
  const outOfOrder = async (files: Record<string, string>, added: string) => {
    const head = await discoverMigrations(memoryRepoFiles(new Map(Object.entries(files))), config());
    const { findings } = applyChanges(head.sets, [{ path: added, status: 'added' }], null);
    return findings.filter((f) => f.rule === 'migration-out-of-order').map((f) => [f.risk, f.message.slice(f.message.indexOf('; ') + 2)]);
  };

  it('one that applies every migration it has not recorded runs it all the same: SAFE, and says in which order', async () => {
    const diesel = await outOfOrder({
      'migrations/2023-06-28-133700_add_external_id/up.sql': 'ALTER TABLE c ADD COLUMN x text;',
      'migrations/2023-06-28-133700_add_external_id/down.sql': 'ALTER TABLE c DROP COLUMN x;',
      'migrations/2023-06-17-200424_create_auth_requests/up.sql': 'CREATE TABLE auth_requests (id text);',
      'migrations/2023-06-17-200424_create_auth_requests/down.sql': 'DROP TABLE auth_requests;',
    }, 'migrations/2023-06-17-200424_create_auth_requests/up.sql');
    expect(diesel).toEqual([['SAFE', "diesel (and sourcegraph's migrator, which follows each migration's parents) applies every migration it has not recorded, so databases already past that point run it after that one, a new database before it"]]);
  });

  it('one that skips it or refuses to migrate keeps it CAUTION, in its own words', async () => {
    const golang = await outOfOrder({ 'db/000002_b.up.sql': 'SELECT 1;', 'db/000002_b.down.sql': 'SELECT 1;', 'db/000001_a.up.sql': 'SELECT 1;', 'db/000001_a.down.sql': 'SELECT 1;' }, 'db/000001_a.up.sql');
    expect(golang).toEqual([['CAUTION', 'golang-migrate records only the highest version applied, so databases already past that point skip it']]);
    const goose = await outOfOrder({ 'db/00002_b.sql': '-- +goose Up\nSELECT 1;\n', 'db/00001_a.sql': '-- +goose Up\nSELECT 1;\n' }, 'db/00001_a.sql');
    expect(goose[0]![0]).toBe('CAUTION');
    expect(goose[0]![1]).toMatch(/^goose refuses/);
  });
});

describe('bad input', () => {
  it('a folder that is not a git repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-nogit-'));
    tempDirs.push(dir);
    const err = await gitChanges(dir, 'main').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscoverError);
    expect((err as DiscoverError).message).toBe(`not a git repository: ${dir} (--base needs a git checkout)`);
  });

  it('an unknown --base ref', async () => {
    const r = repo().write({ 'a.sql': 'SELECT 1;' }).commit('base');
    const err = await gitChanges(r.dir, 'foo').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscoverError);
    expect((err as DiscoverError).format()).toMatch(/^unknown --base ref 'foo'/);
    const dash = await gitChanges(r.dir, '--output=/tmp/x').catch((e: unknown) => e);
    expect((dash as DiscoverError).message).toMatch(/^unknown --base ref '--output/);
  });

  it('unrelated histories have no merge base', async () => {
    const r = repo().write({ 'a.sql': 'SELECT 1;' }).commit('base');
    r.git('checkout', '-q', '--orphan', 'other');
    r.write({ 'b.sql': 'SELECT 2;' }).commit('other root');
    const err = await gitChanges(r.dir, 'main').catch((e: unknown) => e);
    expect((err as DiscoverError).message).toMatch(/no merge base between 'main' and HEAD/);
  });
});

describe('parseNameStatus', () => {
  it('reads renames, copies and type changes', () => {
    expect(parseNameStatus('M\0a.sql\0R087\0old.sql\0new.sql\0C100\0x.sql\0y.sql\0T\0t.sql\0D\0d.sql\0A\0n.sql\0')).toEqual([
      { path: 'a.sql', status: 'modified' },
      { path: 'new.sql', status: 'renamed', previousPath: 'old.sql' },
      { path: 'y.sql', status: 'added' },
      { path: 't.sql', status: 'modified' },
      { path: 'd.sql', status: 'deleted' },
      { path: 'n.sql', status: 'added' },
    ]);
  });
});
