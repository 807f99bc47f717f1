// drizzle's migrator runs `<folder>/<tag>.sql` for each entry of meta/_journal.json, in the
// entries' order, wherever the tag leads, and an entry repeated with a newer `when` runs its
// file again. A pull request that only edits the journal made drizzle run SQL the review never
// held as a migration (a file in src/, an old migration once more): it passed as SAFE.
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

const entry = (idx: number, tag: string) => ({ idx, version: '7', when: 1700000000000 + idx, tag, breakpoints: true });
const journal = (...tags: string[]) => JSON.stringify({ version: '7', dialect: 'postgresql', entries: tags.map((t, i) => entry(i, t)) }, null, 2);

async function reviewChange(change: Record<string, string>) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write({
    'drizzle/0000_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
    'drizzle/0001_purge.sql': 'DELETE FROM users WHERE id < 0;\n',
    'drizzle/meta/_journal.json': journal('0000_users', '0001_purge'),
    'src/db/queries/reset.sql': 'DROP TABLE users;\n',
  }).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(change).commit('change');
  const git = await gitChanges(r.dir, 'main');
  return (await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base } })).report;
}

describe('drizzle: the journal says what runs', () => {
  it('an entry whose tag leads out of the folder is a layout-error on the journal', async () => {
    const report = await reviewChange({ 'drizzle/meta/_journal.json': journal('0000_users', '0001_purge', '../src/db/queries/reset') });
    const e = report.errors.find((x) => x.path === 'drizzle/meta/_journal.json');
    expect(e).toMatchObject({ rule: 'layout-error', risk: 'DANGEROUS' });
    expect(e?.message).toMatch(/entry 3 names \.\.\/src\/db\/queries\/reset\.sql, which is not a migration file of this folder/);
    expect(report.risk).toBe('DANGEROUS');
  });

  it('an entry that runs an old migration again is a layout-error on the journal', async () => {
    const report = await reviewChange({ 'drizzle/meta/_journal.json': journal('0000_users', '0001_purge', '0001_purge') });
    expect(report.errors.find((x) => x.path === 'drizzle/meta/_journal.json')?.message).toMatch(/entry 3 names 0001_purge\.sql again/);
    expect(report.risk).toBe('DANGEROUS');
  });

  it('a new migration with its own entry is no layout-error', async () => {
    const report = await reviewChange({
      'drizzle/0002_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
      'drizzle/meta/_journal.json': journal('0000_users', '0001_purge', '0002_email'),
    });
    expect(report.errors).toEqual([]);
    expect(report.migrations.map((m) => m.path)).toEqual(['drizzle/0002_email.sql']);
  });

  it('the entries run in their order in the file, not by idx', async () => {
    const r = new TempRepo().init();
    repos.push(r);
    r.write({
      'drizzle/0000_b.sql': 'SELECT 1;\n',
      'drizzle/0001_a.sql': 'SELECT 1;\n',
      'drizzle/meta/_journal.json': JSON.stringify({ entries: [entry(1, '0001_a'), entry(0, '0000_b')] }),
    }).commit('base');
    const { report } = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'all' } });
    expect(report.migrations.map((m) => m.path)).toEqual(['drizzle/0001_a.sql', 'drizzle/0000_b.sql']);
  });
});
