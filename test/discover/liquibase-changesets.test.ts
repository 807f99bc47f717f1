// Liquibase records each changeset by id::author::file and checksums each one, not the file:
// a changeset appended to (or inserted into) a changelog file the base branch has is a new
// changeset Liquibase runs, not an edit of one that ran. Only a base changeset changed or taken
// away is migration-edited.
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/discover/changes.js';
import { discoverMigrations } from '../../src/discover/discover.js';
import { fsRepoFiles, memoryRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { TempRepo } from './git-repo.js';
import { config } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const FILE = 'db/changelog.sql';
const HEAD = '--liquibase formatted sql\n';
const CS1 = '\n--changeset alice:1\nCREATE TABLE accounts (id bigint PRIMARY KEY);\n--rollback DROP TABLE accounts;\n';
const CS2 = '\n--changeset bob:2\nALTER TABLE accounts ADD COLUMN note text;\n--rollback ALTER TABLE accounts DROP COLUMN note;\n';
const CS3 = '\n--changeset carol:3\nCREATE TABLE audits (id bigint PRIMARY KEY);\n--rollback DROP TABLE audits;\n';

async function review(base: string, head: string) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write({ [FILE]: base }).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write({ [FILE]: head }).commit('change');
  const git = await gitChanges(r.dir, 'main');
  const cfg = config();
  const sets = (await discoverMigrations(fsRepoFiles(r.dir), cfg)).sets;
  const baseSets = (await discoverMigrations(git.base, cfg)).sets;
  const out = applyChanges(sets, git.changes, baseSets);
  const m = out.sets.flatMap((s) => s.migrations).find((x) => x.up.path === FILE)!;
  return { m, edited: out.findings.filter((f) => f.rule === 'migration-edited') };
}

describe('liquibase-sql: changesets added to a changelog the base branch has', () => {
  it('an appended changeset is no edit: the file is modified, reviewed for the new changeset, and its rollback is the new changeset\'s', async () => {
    const { m, edited } = await review(HEAD + CS1, HEAD + CS1 + CS2);
    expect(edited).toEqual([]);
    expect(m.change).toBe('modified');
    expect(m.upAsBase).toBeUndefined();
    // The base branch's changeset stands where it was: only what lies outside it is the change's.
    const text = HEAD + CS1 + CS2;
    expect(m.baseChangesets).toEqual([[0, text.indexOf('--changeset alice:1')], [text.indexOf('--changeset alice:1'), text.indexOf('\n--changeset bob:2') + 1]]);
    expect(m.down!.text.length).toBe(text.length);
    expect(m.down!.text).not.toContain('DROP TABLE accounts');
    expect(m.down!.text.indexOf('ALTER TABLE accounts DROP COLUMN note;')).toBe(text.indexOf('ALTER TABLE accounts DROP COLUMN note;'));
  });

  it('a changeset inserted between the base branch\'s is new too, and several new ones roll back last first', async () => {
    const { m, edited } = await review(HEAD + CS1 + CS3, HEAD + CS1 + CS2 + CS3.replace('carol:3', 'carol:3') + CS3.replace('carol:3', 'dave:4').replace(/audits/g, 'logs'));
    expect(edited).toEqual([]);
    expect(m.down!.text).toContain('ALTER TABLE accounts DROP COLUMN note;');
    expect(m.down!.text).toContain('DROP TABLE logs;');
    expect(m.down!.text).not.toContain('DROP TABLE audits;');
    expect(m.downOrder!.length).toBe(2);
    expect(m.downOrder![0]![0]).toBeGreaterThan(m.downOrder![1]![0]);
  });

  it('the base branch\'s changesets in another order are as they were', async () => {
    const { edited } = await review(HEAD + CS1 + CS3, HEAD + CS3 + CS1 + CS2);
    expect(edited).toEqual([]);
  });

  it('a base changeset changed, taken away or given another author is still migration-edited', async () => {
    const changed = await review(HEAD + CS1, HEAD + CS1.replace('bigint PRIMARY KEY', 'bigint PRIMARY KEY, name text') + CS2);
    expect(changed.edited).toHaveLength(1);
    expect(changed.m.baseChangesets).toBeUndefined();
    const removed = await review(HEAD + CS1 + CS3, HEAD + CS1 + CS2);
    expect(removed.edited).toHaveLength(1);
    const author = await review(HEAD + CS1, HEAD + CS1.replace('alice:1', 'alice:7') + CS2);
    expect(author.edited).toHaveLength(1);
  });

  it('a base changeset\'s rollback rewritten, with a new changeset: the rollback under review is the new changeset\'s (Liquibase checksums no rollback)', async () => {
    const { m, edited } = await review(HEAD + CS1, HEAD + CS1.replace('DROP TABLE accounts;', 'DROP TABLE IF EXISTS accounts;') + CS2);
    expect(edited).toEqual([]);
    expect(m.down!.text).not.toContain('DROP TABLE IF EXISTS accounts;');
    expect(m.down!.text).toContain('ALTER TABLE accounts DROP COLUMN note;');
  });
});

describe('liquibase-sql: new changesets without a rollback', () => {
  it('leave the change with no rollback, not with the base changesets\' rollbacks', async () => {
    const { m, edited } = await review(HEAD + CS1, `${HEAD}${CS1}\n--changeset bob:2\nALTER TABLE accounts ADD COLUMN note text;\n`);
    expect(edited).toEqual([]);
    expect(m.down).toBeNull();
    expect(m.rollbackStatus).toBe('missing');
  });
});

describe('liquibase-sql: a changelog file\'s rollback', () => {
  it('runs changeset by changeset, last first, each at its place in the file', async () => {
    const text = HEAD + CS1 + CS2 + CS3;
    const sets = (await discoverMigrations(memoryRepoFiles(new Map([[FILE, text]])), config())).sets;
    const m = sets[0]!.migrations[0]!;
    const at = (sql: string) => text.indexOf(sql);
    expect(m.downOrder!.map(([s]) => s)).toEqual([at('DROP TABLE audits;'), at('ALTER TABLE accounts DROP COLUMN note;'), at('DROP TABLE accounts;')]);
    expect(m.down!.text.indexOf('DROP TABLE accounts;')).toBe(at('DROP TABLE accounts;'));
  });
});
