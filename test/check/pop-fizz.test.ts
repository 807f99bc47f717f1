// pop also runs `.up.fizz` migrations, a DSL it turns into SQL as it runs (`drop_table("users")`).
// Discovery read only SQL, so a pull request adding one beside the .sql migrations passed as a
// change without migrations. It cannot be reviewed: it is a layout-error (DANGEROUS) of its own.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const DIR = 'migrations';

async function reviewChange(change: Record<string, string>) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write({
    [`${DIR}/20200101000000_users.postgres.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
    [`${DIR}/20200101000000_users.postgres.down.sql`]: 'DROP TABLE users;\n',
    [`${DIR}/20200102000000_old.up.fizz`]: 'create_table("old") {}\n',
  }).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(change).commit('change');
  const git = await gitChanges(r.dir, 'main');
  return (await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base } })).report;
}

describe('pop fizz migrations', () => {
  it('an added .up.fizz is a layout-error on it', async () => {
    const report = await reviewChange({ [`${DIR}/20240101000000_cleanup.up.fizz`]: 'drop_table("users")\n' });
    expect(report.errors).toEqual([expect.objectContaining({ path: `${DIR}/20240101000000_cleanup.up.fizz`, rule: 'layout-error', risk: 'DANGEROUS' })]);
    expect(report.risk).toBe('DANGEROUS');
  });

  it('one the base branch already has is not the change\'s problem', async () => {
    const report = await reviewChange({ [`${DIR}/20240101000000_more.postgres.up.sql`]: 'CREATE TABLE more (id bigint PRIMARY KEY);\n', [`${DIR}/20240101000000_more.postgres.down.sql`]: 'DROP TABLE more;\n' });
    expect(report.errors).toEqual([]);
  });
});
