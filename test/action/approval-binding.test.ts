// An approval is bound to what was reviewed. A push that kept every migration byte for byte
// used to keep the hash, and with it the approval, while it changed what runs: a Flyway .conf
// sidecar turning the approved migration's transaction off, or a drizzle journal entry making
// drizzle run SQL from elsewhere (a DANGEROUS layout-error the approval never saw).
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import type { FileChange } from '../../src/core/types.js';
import { memoryRepoFiles } from '../../src/discover/fs-files.js';
import { contentHash, reviewedFiles } from '../../src/github/content-hash.js';
import { config } from '../discover/helpers.js';

async function hashOf(files: Record<string, string>, changed: string[]) {
  const changes: FileChange[] = changed.map((path) => ({ path, status: 'added' }));
  const result = await runCheck({ files: memoryRepoFiles(new Map(Object.entries(files))), config: config(), scope: { kind: 'changes', changes, base: null } });
  return { hash: contentHash(reviewedFiles(result, changes)), risk: result.report.risk };
}

const journal = (...tags: string[]) => JSON.stringify({ entries: tags.map((tag, idx) => ({ idx, when: idx, tag })) });

describe('the approval hash', () => {
  it('changes when a sidecar turns the reviewed migration\'s transaction off', async () => {
    const files = { 'db/migration/V1__a.sql': 'CREATE TABLE a (id int);\n', 'db/migration/V2__b.sql': 'DROP TABLE a;\n' };
    const approved = await hashOf(files, ['db/migration/V2__b.sql']);
    const pushed = await hashOf({ ...files, 'db/migration/V2__b.sql.conf': 'executeInTransaction=false\n' }, ['db/migration/V2__b.sql', 'db/migration/V2__b.sql.conf']);
    expect(pushed.hash).not.toBe(approved.hash);
  });

  it('changes when a problem about a file that is no migration appears', async () => {
    const files = {
      'drizzle/0000_a.sql': 'CREATE TABLE a (id int);\n',
      'drizzle/0001_b.sql': 'DROP TABLE a;\n',
      'drizzle/meta/_journal.json': journal('0000_a', '0001_b'),
      'src/reset.sql': 'DROP TABLE users;\n',
    };
    const approved = await hashOf(files, ['drizzle/0001_b.sql', 'drizzle/meta/_journal.json']);
    const pushed = await hashOf({ ...files, 'drizzle/meta/_journal.json': journal('0000_a', '0001_b', '../src/reset') }, ['drizzle/0001_b.sql', 'drizzle/meta/_journal.json']);
    expect(pushed.risk).toBe('DANGEROUS');
    expect(pushed.hash).not.toBe(approved.hash);
  });

  it('stays when nothing reviewed changes (another file, the same problems)', async () => {
    const files = { 'db/migration/V1__a.sql': 'CREATE TABLE a (id int);\n', 'db/migration/V2__b.sql': 'DROP TABLE a;\n' };
    const approved = await hashOf(files, ['db/migration/V2__b.sql']);
    const pushed = await hashOf({ ...files, 'README.md': 'hello\n' }, ['db/migration/V2__b.sql', 'README.md']);
    expect(pushed.hash).toBe(approved.hash);
  });
});

// Reordering the approved migrations keeps every file byte for byte: a sqitch.plan or drizzle
// journal that moves the approved DROP before the CREATE ... AS SELECT copy that made it safe
// kept the hash, and with it the approval.
describe('the approval hash and the order migrations run in', () => {
  const plan = (...changes: string[]) => `%project=x\n\n${changes.map((c, i) => `${c} 2024-01-0${i + 1}T00:00:00Z A <a@b> # ${c}`).join('\n')}\n`;
  const sqitch = {
    'sq/deploy/users.sql': 'CREATE TABLE users (id bigint);\n',
    'sq/revert/users.sql': 'DROP TABLE users;\n',
    'sq/deploy/copy.sql': 'CREATE TABLE users_archive AS SELECT * FROM users;\n',
    'sq/revert/copy.sql': 'DROP TABLE users_archive;\n',
    'sq/deploy/purge.sql': 'DELETE FROM users;\n',
    'sq/revert/purge.sql': 'INSERT INTO users SELECT * FROM users_archive;\n',
  };
  const changed = ['sq/sqitch.plan', 'sq/deploy/copy.sql', 'sq/revert/copy.sql', 'sq/deploy/purge.sql', 'sq/revert/purge.sql'];

  it('changes when sqitch.plan reorders the reviewed changes', async () => {
    const approved = await hashOf({ ...sqitch, 'sq/sqitch.plan': plan('users', 'copy', 'purge') }, changed);
    const pushed = await hashOf({ ...sqitch, 'sq/sqitch.plan': plan('users', 'purge', 'copy') }, changed);
    expect(pushed.hash).not.toBe(approved.hash);
  });

  it('changes when the drizzle journal reorders the reviewed migrations', async () => {
    const files = { 'drizzle/0000_a.sql': 'CREATE TABLE a (id int);\n', 'drizzle/0001_b.sql': 'CREATE TABLE b AS SELECT * FROM a;\n', 'drizzle/0002_c.sql': 'DROP TABLE a;\n' };
    const paths = ['drizzle/0001_b.sql', 'drizzle/0002_c.sql', 'drizzle/meta/_journal.json'];
    const approved = await hashOf({ ...files, 'drizzle/meta/_journal.json': journal('0000_a', '0001_b', '0002_c') }, paths);
    const pushed = await hashOf({ ...files, 'drizzle/meta/_journal.json': journal('0000_a', '0002_c', '0001_b') }, paths);
    expect(pushed.hash).not.toBe(approved.hash);
  });

  it('stays when the order stays', async () => {
    const approved = await hashOf({ ...sqitch, 'sq/sqitch.plan': plan('users', 'copy', 'purge') }, changed);
    const again = await hashOf({ ...sqitch, 'sq/sqitch.plan': `${plan('users', 'copy', 'purge')}\n` }, changed);
    expect(again.hash).toBe(approved.hash);
  });
});

// A submodule the change moves is a DANGEROUS problem whose text names no commit (files in it are
// not read): a push moving an approved submodule on to another commit kept the hash, and with it
// the approval of a commit nobody approved.
describe('the approval hash and a moved submodule', () => {
  const files = { 'db/migrations/0001_a.up.sql': 'CREATE TABLE a (id int);\n' };
  async function hashAt(commit: string) {
    const changes: FileChange[] = [{ path: 'db/shared', status: 'modified', object: commit }];
    const result = await runCheck({ files: memoryRepoFiles(new Map(Object.entries(files))), config: config(), scope: { kind: 'changes', changes, base: null } });
    expect(result.report.errors.map((e) => [e.path, e.rule])).toEqual([['db/shared', 'layout-error']]);
    return contentHash(reviewedFiles(result, changes));
  }

  it('changes when the submodule moves on to another commit', async () => {
    expect(await hashAt('b'.repeat(40))).not.toBe(await hashAt('a'.repeat(40)));
  });

  it('stays while it points at the approved commit', async () => {
    expect(await hashAt('a'.repeat(40))).toBe(await hashAt('a'.repeat(40)));
  });
});
