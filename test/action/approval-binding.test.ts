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
