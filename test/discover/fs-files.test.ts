// RepoFiles over a folder: git's view of the files in a checkout, a directory walk elsewhere.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverMigrations } from '../../src/discover/discover.js';
import { fsRepoFiles, memoryRepoFiles, OutsideRepositoryError } from '../../src/discover/fs-files.js';
import { lintScope } from '../../src/discover/lint-scope.js';
import { TempRepo } from './git-repo.js';
import { config } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('fsRepoFiles', () => {
  it('in a git checkout: tracked and untracked files, not ignored, deleted or node_modules ones', async () => {
    const r = new TempRepo().init();
    cleanups.push(() => r.cleanup());
    r.write({ '.gitignore': 'build/\n', 'db/a.sql': 'SELECT 1;', 'db/gone.sql': 'SELECT 2;' }).commit('base');
    r.write({ 'build/out.sql': 'SELECT 3;', 'db/new.sql': 'SELECT 4;', 'node_modules/pkg/x.sql': 'SELECT 5;' }).remove('db/gone.sql');
    const files = fsRepoFiles(r.dir);
    expect(await files.list()).toEqual(['.gitignore', 'db/a.sql', 'db/new.sql']);
    expect(new TextDecoder().decode(await files.read('db/a.sql'))).toBe('SELECT 1;');
    await expect(files.read('db/gone.sql')).rejects.toThrow();
  });

  it('outside git: a directory walk that skips .git and node_modules', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-walk-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    for (const rel of ['a/1.sql', 'node_modules/x/2.sql', 'b/c/3.sql']) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), 'SELECT 1;');
    }
    expect(await fsRepoFiles(dir).list()).toEqual(['a/1.sql', 'b/c/3.sql']);
  });

  it('reads a link by where it leads inside the folder, and refuses a file or a folder link that leads outside', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'mg-outside-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-links-'));
    cleanups.push(() => [outside, dir].forEach((d) => rmSync(d, { recursive: true, force: true })));
    writeFileSync(path.join(outside, 'secret.sql'), 'SELECT secret;');
    mkdirSync(path.join(dir, 'db/real'), { recursive: true });
    writeFileSync(path.join(dir, 'db/real/1.sql'), 'SELECT 1;');
    symlinkSync('real/1.sql', path.join(dir, 'db/one.sql'));
    symlinkSync('real', path.join(dir, 'db/again'));
    symlinkSync(path.join(outside, 'secret.sql'), path.join(dir, 'db/steal.sql'));
    symlinkSync(outside, path.join(dir, 'db/elsewhere'));
    const files = fsRepoFiles(dir);
    for (const rel of ['db/real/1.sql', 'db/one.sql', 'db/again/1.sql']) expect(new TextDecoder().decode(await files.read(rel))).toBe('SELECT 1;');
    for (const rel of ['db/steal.sql', 'db/elsewhere/secret.sql']) await expect(files.read(rel)).rejects.toBeInstanceOf(OutsideRepositoryError);
  });
});

describe('scoped listings (lint <paths>)', () => {
  const tree = (files: string[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-scope-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    for (const rel of files) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), 'SELECT 1;');
    }
    return dir;
  };

  it('a named file: its own folder and its rollbacks/ and meta/, nothing deeper', async () => {
    const dir = tree(['x.sql', 'clone/db/1.sql', 'clone/2.sql', 'rollbacks/x.sql', 'meta/_journal.json', 'other/deep/3.sql']);
    expect(await fsRepoFiles(dir, lintScope([{ path: 'x.sql', isDir: false }], config())).list()).toEqual(['meta/_journal.json', 'rollbacks/x.sql', 'x.sql']);
  });

  it('a file whose shape puts its migration folder one level up: that folder and its subfolders', async () => {
    const dir = tree(['p/migrations/20240101_a/migration.sql', 'p/migrations/20240102_b/migration.sql', 'p/migrations/migration_lock.toml', 'p/migrations/x/y/deep.sql', 'p/other.sql']);
    const listed = await fsRepoFiles(dir, lintScope([{ path: 'p/migrations/20240102_b/migration.sql', isDir: false }], config())).list();
    expect(listed).toEqual(['p/migrations/20240101_a/migration.sql', 'p/migrations/20240102_b/migration.sql', 'p/migrations/migration_lock.toml']);
    const sqitch = tree(['deploy/a.sql', 'revert/a.sql', 'sqitch.plan', 'x/y/z.sql']);
    expect(await fsRepoFiles(sqitch, lintScope([{ path: 'deploy/a.sql', isDir: false }], config())).list()).toEqual(['deploy/a.sql', 'revert/a.sql', 'sqitch.plan']);
  });

  it('a named folder: everything beneath it; a configured migrations folder holding the file: all of it', async () => {
    const dir = tree(['db/a/b/1.sql', 'db/2.sql', 'top.sql']);
    expect(await fsRepoFiles(dir, lintScope([{ path: 'db', isDir: true }], config())).list()).toEqual(['db/2.sql', 'db/a/b/1.sql']);
    const cfg = config({ migrations: [{ path: 'db' }] });
    expect(await fsRepoFiles(dir, lintScope([{ path: 'db/2.sql', isDir: false }], cfg)).list()).toEqual(['db/2.sql', 'db/a/b/1.sql']);
  });

  it('in a git checkout the scope limits git\'s listing too', async () => {
    const r = new TempRepo().init();
    cleanups.push(() => r.cleanup());
    r.write({ 'db/a.sql': 'SELECT 1;', 'db/sub/b.sql': 'SELECT 2;', 'elsewhere/c.sql': 'SELECT 3;' }).commit('base');
    expect(await fsRepoFiles(r.dir, lintScope([{ path: 'db/a.sql', isDir: false }], config())).list()).toEqual(['db/a.sql']);
  });
});

describe('memoryRepoFiles', () => {
  it('lists sorted paths, reads strings and bytes, rejects unknown paths; a BOM is dropped on discovery', async () => {
    const files = memoryRepoFiles(new Map<string, string | Uint8Array>([['z.sql', 'x'], ['db/migrations/0001_a.up.sql', new Uint8Array([0xef, 0xbb, 0xbf, 0x53])]]));
    expect(await files.list()).toEqual(['db/migrations/0001_a.up.sql', 'z.sql']);
    expect(await files.read('z.sql')).toEqual(new TextEncoder().encode('x'));
    await expect(files.read('nope')).rejects.toThrow('no such file: nope');
    const r = await discoverMigrations(files, config());
    expect(r.sets[0]!.migrations[0]!.up.text).toBe('S');
  });

  it('a Liquibase changelog tree does not swallow a golang-migrate folder beside it', async () => {
    const files = memoryRepoFiles(
      new Map([
        ['db/changes/001.sql', '--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n'],
        ['db/migrations/0001_x.up.sql', 'SELECT 1;'],
        ['db/migrations/0001_x.down.sql', 'SELECT 1;'],
      ]),
    );
    const r = await discoverMigrations(files, config());
    expect(r.sets.map((s) => [s.dir, s.layout])).toEqual([['db', 'liquibase-sql'], ['db/migrations', 'golang-migrate']]);
  });
});
