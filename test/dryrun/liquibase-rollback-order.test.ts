// Liquibase rolls a changelog's changesets back last first. The dry-run runs a file's rollback
// that way (each statement at its place in the file), and for a changeset appended to a file the
// base branch has, the change's rollback is the new changesets' alone (PGlite).
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles, memoryRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const FILE = 'db/changelog.sql';
const CS1 = '--liquibase formatted sql\n\n--changeset alice:1\nCREATE TABLE accounts (id bigint PRIMARY KEY);\n--rollback DROP TABLE accounts;\n';
const CS2 = '\n--changeset bob:2\nALTER TABLE accounts ADD COLUMN note text;\n--rollback ALTER TABLE accounts DROP COLUMN note;\n';
const CS3 = '\n--changeset carol:3\nALTER TABLE accounts ADD COLUMN memo text;\n--rollback ALTER TABLE accounts DROP COLUMN memo;\n--rollback ALTER TABLE accounts DROP COLUMN memoo;\n';

describe('liquibase-sql rollback in the dry-run', () => {
  it('a new changelog with two changesets rolls back exactly, last changeset first', { timeout: 120_000 }, async () => {
    const files = memoryRepoFiles(new Map([[FILE, CS1 + CS2]]));
    const { report } = await runCheck({ files, config: config(), scope: { kind: 'all' }, dryRun: true });
    const m = report.migrations.find((x) => x.path === FILE)!;
    expect(m.dryRun).toMatchObject({ status: 'passed', rollback: { status: 'exact', reapply: 'passed' } });
  });

  it('a changeset appended to a base changelog: its own rollback is run, and a failing one is found at its line', { timeout: 120_000 }, async () => {
    const r = new TempRepo().init();
    repos.push(r);
    r.write({ [FILE]: CS1 }).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ [FILE]: CS1 + CS2 }).commit('change');
    let git = await gitChanges(r.dir, 'main');
    let { report } = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base }, dryRun: true });
    let m = report.migrations.find((x) => x.path === FILE)!;
    expect(m.findings.map((f) => f.rule)).not.toContain('migration-edited');
    expect(m.dryRun).toMatchObject({ status: 'passed', rollback: { status: 'exact', reapply: 'passed' } });

    r.write({ [FILE]: CS1 + CS2 + CS3 }).commit('more');
    git = await gitChanges(r.dir, 'main');
    ({ report } = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base }, dryRun: true }));
    m = report.migrations.find((x) => x.path === FILE)!;
    expect(m.dryRun?.rollback?.status).toBe('failed');
    const text = CS1 + CS2 + CS3;
    const line = text.slice(0, text.indexOf('DROP COLUMN memoo')).split('\n').length;
    expect(m.findings).toContainEqual(expect.objectContaining({ rule: 'dry-run-failed', path: FILE, line }));
  });
});
