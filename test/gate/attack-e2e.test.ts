// Attacks on the gate by a pull request's author, through the bundled Action against the fake
// GitHub: each test is a way a pull request might open the required status for itself.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { assertBundleBuilt } from '../action/harness.js';
import { BASE_FILES, Scenario, describeRun, type RepoTemplate, type ScenarioOptions } from '../action/scenario.js';
import { commitFiles, makeGitRepo, pullFilesBetween, readCommit } from '../support/fake-github/index.js';
import { describeApp, useAppScenarios } from '../app/scenario.js';

beforeAll(() => assertBundleBuilt());

let current: Scenario | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

async function scenario(o: ScenarioOptions, template?: RepoTemplate): Promise<Scenario> {
  current = await Scenario.create(o, template);
  return current;
}

const LOCKED = "SET lock_timeout = '5s';\n";

describe('suppressions', () => {
  it('a file renamed into a migration from one that was no migration on the base branch brings no settled suppression', { timeout: 300_000 }, async () => {
    // Merged earlier without review: a test fixture is no migration, so its ignore comment was never the gate's to judge.
    const sql = `${LOCKED}-- migration-guard-ignore ban-drop-column\nALTER TABLE users DROP COLUMN email;\n`;
    const s = await scenario({
      base: { 'test/fixtures/drop_email.sql': sql },
      head: { 'test/fixtures/drop_email.sql': null, 'db/migrations/0002_drop_email.up.sql': sql, 'db/migrations/0002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n' },
    });
    const run = await s.runPullRequest('opened');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.migrations.map((m: { path: string }) => m.path)).toEqual(['db/migrations/0002_drop_email.up.sql']);
    expect(run.outputs['needs-approval'], describeRun(run)).toBe('true');
    // Reopened as the pull request's own suppression; and the fixture was no migration, so this is none edited.
    const rules = report.migrations[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('ban-drop-column');
    expect(rules).not.toContain('migration-edited');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('nor does one renamed into a Flyway repeatable migration, whose edits are no migration-edited', { timeout: 300_000 }, async () => {
    const sql = `${LOCKED}-- migration-guard-ignore ban-drop-column\nALTER TABLE users DROP COLUMN IF EXISTS email;\n`;
    const s = await scenario({
      base: { 'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n', 'test/fixtures/cleanup.sql': sql },
      head: { 'test/fixtures/cleanup.sql': null, 'db/migration/R__cleanup.sql': sql },
    });
    const run = await s.runPullRequest('opened');
    expect(run.outputs['needs-approval'], describeRun(run)).toBe('true');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.migrations[0].findings.map((f: { rule: string }) => f.rule)).toContain('ban-drop-column');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('a second copy of a suppressed statement is not settled by the first (a changeset added to a Liquibase file)', { timeout: 300_000 }, async () => {
    // The first copy dropped a table of the same name before the schema had it; the copy the pull request adds drops the live one.
    const head = `--liquibase formatted sql\n\n--changeset dev:1\n${LOCKED}-- migration-guard-ignore ban-drop-table\nDROP TABLE IF EXISTS accounts;\n`;
    const s = await scenario({
      base: { 'db/changelog/001_cleanup.sql': head, 'db/changelog/002_accounts.sql': '--liquibase formatted sql\n\n--changeset dev:2\nCREATE TABLE accounts (id bigint PRIMARY KEY);\n' },
      head: { 'db/changelog/001_cleanup.sql': `${head}\n--changeset dev:3\n${LOCKED}-- migration-guard-ignore ban-drop-table\nDROP TABLE IF EXISTS accounts;\n` },
    });
    const run = await s.runPullRequest('opened');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(run.outputs['needs-approval'], describeRun(run)).toBe('true');
    const rules = report.migrations[0].findings.map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`);
    expect(rules).toContain('ban-drop-table@11');
    // The first copy is the base branch's, settled as it was.
    expect(rules).not.toContain('ban-drop-table@6');
    expectCleanTraffic(s);
  });
});

// A submodule is a commit of another repository: nothing in it is listed or read, so moving it is
// a way to change what a runner runs without a line of SQL in the pull request.
describe('submodules', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);

  it('an approval of a moved submodule is bound to the commit GitHub lists for it: moving it on voids the approval', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: { '.gitmodules': '[submodule "db/shared"]\n\tpath = db/shared\n\turl = https://github.test/acme/shared-migrations\n' }, collaborators: { alice: 'write' } });
    s.pushSubmodule('db/shared', A);
    const run = await s.runPullRequest('synchronize');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.errors.map((e: { path: string; rule: string }) => [e.path, e.rule]), describeRun(run)).toEqual([['db/shared', 'layout-error']]);
    expect(run.outputs['needs-approval']).toBe('true');
    const { run: approve } = await s.runComment('alice', '/approve-migration the shared migrations at aaaaaaa are reviewed upstream');
    expect(approve.outputs.approved, describeRun(approve)).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });
    // The submodule moved on to a commit nobody approved.
    s.pushSubmodule('db/shared', B);
    const moved = await s.runPullRequest('synchronize');
    expect(moved.outputs.approved, describeRun(moved)).toBe('false');
    expect(moved.outputs['needs-approval']).toBe('true');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('a submodule outside the usual folder names that the base branch\'s runner settings read migrations from needs approval', { timeout: 300_000 }, async () => {
    const s = await scenario({
      base: { 'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n', 'flyway.conf': 'flyway.locations=filesystem:db/migration,filesystem:vendor/platform/sql\n' },
      head: { '.gitmodules': '[submodule "vendor/platform"]\n\tpath = vendor/platform\n\turl = https://github.test/acme/platform\n' },
    });
    s.pushSubmodule('vendor/platform', A);
    const run = await s.runPullRequest('synchronize');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.errors.map((e: { path: string; rule: string }) => [e.path, e.rule]), describeRun(run)).toEqual([['vendor/platform', 'layout-error']]);
    expect(report.errors[0].message).toContain('flyway.conf');
    expect(run.outputs['needs-approval']).toBe('true');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });
});

// The sizes the estimates trust come from the base branch; a pull request that changes them
// changes every later review: a table made to look small turns a blocking lock from DANGEROUS
// into CAUTION. Without a migration, such a pull request was green and merged unapproved.
describe('settings in files the config names', () => {
  it('a pull request that changes the tableStatsFile the base config names needs approval, bound to the file', { timeout: 300_000 }, async () => {
    const big = JSON.stringify({ 'public.users': { rows: 40_000_000, bytes: 12_884_901_888 } });
    const s = await scenario({
      base: { '.migration-guard.yml': 'tableStatsFile: .migration-guard/stats.json\n', '.migration-guard/stats.json': big },
      head: { '.migration-guard/stats.json': JSON.stringify({ 'public.users': { rows: 10, bytes: 8192 } }) },
      collaborators: { alice: 'write' },
    });
    const run = await s.runPullRequest('opened');
    expect(run.outputs['needs-approval'], describeRun(run)).toBe('true');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.errors.map((e: { path: string; message: string }) => [e.path, e.message.slice(0, 80)])).toEqual([['.migration-guard/stats.json', expect.stringContaining('config-weakened: this pull request changes .migration-guard/stats.json')]]);
    expect(report.errors[0].message).toContain('public.users');
    expect(s.status()).toMatchObject({ state: 'failure' });
    const { run: approve } = await s.runComment('alice', '/approve-migration users really is small now');
    expect(approve.outputs.approved, describeRun(approve)).toBe('true');
    // Editing the sizes again voids the approval.
    s.push({ '.migration-guard/stats.json': JSON.stringify({ 'public.users': { rows: 1, bytes: 8192 } }) });
    const again = await s.runPullRequest('synchronize');
    expect(again.outputs.approved, describeRun(again)).toBe('false');
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('a stats file the base branch refreshed after the pull request branched off is not the pull request\'s edit', { timeout: 300_000 }, async () => {
    // A nightly workflow writes new sizes to main; the pull request still has the old file.
    const dir = makeGitRepo();
    try {
      const config = { '.migration-guard.yml': 'tableStatsFile: .migration-guard/stats.json\n' };
      const forkPoint = commitFiles(dir, { ...BASE_FILES, ...config, '.migration-guard/stats.json': JSON.stringify({ 'public.users': { rows: 1_000, bytes: 81_920 } }) }, 'fork point');
      const headSha = commitFiles(dir, { 'docs/notes.md': 'notes\n' }, 'pull request');
      execFileSync('git', ['checkout', '-q', '--detach', forkPoint], { cwd: dir });
      const baseSha = commitFiles(dir, { '.migration-guard/stats.json': JSON.stringify({ 'public.users': { rows: 40_000_000, bytes: 12_884_901_888 } }) }, 'nightly stats');
      execFileSync('git', ['checkout', '-q', '--detach', headSha], { cwd: dir });
      const template: RepoTemplate = { dir, baseSha, headSha, files: pullFilesBetween(dir, forkPoint, headSha), commits: [readCommit(dir, forkPoint), readCommit(dir, baseSha), readCommit(dir, headSha)] };
      const s = await scenario({ head: {} }, template);
      const run = await s.runPullRequest('opened');
      expect(run.outputs['needs-approval'], describeRun(run)).toBe('false');
      expect(s.status()).toMatchObject({ state: 'success' });
      expectCleanTraffic(s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a config the base branch tightened after the pull request branched off is not the pull request\'s weakening', { timeout: 300_000 }, async () => {
    const dir = makeGitRepo();
    try {
      const forkPoint = commitFiles(dir, { ...BASE_FILES, '.migration-guard.yml': 'approvalRisk: DANGEROUS\n' }, 'fork point');
      const headSha = commitFiles(dir, { 'docs/notes.md': 'notes\n' }, 'pull request');
      execFileSync('git', ['checkout', '-q', '--detach', forkPoint], { cwd: dir });
      const baseSha = commitFiles(dir, { '.migration-guard.yml': 'approvalRisk: CAUTION\n' }, 'tighter');
      execFileSync('git', ['checkout', '-q', '--detach', headSha], { cwd: dir });
      const template: RepoTemplate = { dir, baseSha, headSha, files: pullFilesBetween(dir, forkPoint, headSha), commits: [readCommit(dir, forkPoint), readCommit(dir, baseSha), readCommit(dir, headSha)] };
      const s = await scenario({ head: {} }, template);
      const run = await s.runPullRequest('opened');
      expect(run.outputs['needs-approval'], describeRun(run)).toBe('false');
      expect(s.status()).toMatchObject({ state: 'success' });
      expectCleanTraffic(s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a pull request that leaves the stats file as it is, or only adds sizes the base had, is no finding', { timeout: 300_000 }, async () => {
    const stats = JSON.stringify({ 'public.users': { rows: 40_000_000, bytes: 12_884_901_888 } });
    const s = await scenario({
      base: { '.migration-guard.yml': 'tableStatsFile: .migration-guard/stats.json\n', '.migration-guard/stats.json': stats },
      head: { '.migration-guard/stats.json': JSON.stringify(JSON.parse(stats), null, 2) },
    });
    const run = await s.runPullRequest('opened');
    expect(run.outputs['needs-approval'], describeRun(run)).toBe('false');
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });
});

// A migration that is a symbolic link runs what its target holds: a pull request that edits only
// the target changes the migration without touching its path.
describe('symbolic links', () => {
  it('editing the file a repeatable migration links to reviews that migration', { timeout: 300_000 }, async () => {
    const dir = makeGitRepo();
    try {
      for (const [rel, text] of Object.entries({ ...BASE_FILES, 'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n', 'sql/views.sql': 'CREATE OR REPLACE VIEW user_emails AS SELECT id, email FROM users;\n' })) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), text);
      }
      symlinkSync('../../sql/views.sql', path.join(dir, 'db/migration/R__views.sql'));
      const baseSha = commitFiles(dir, {}, 'base');
      const headSha = commitFiles(dir, { 'sql/views.sql': `CREATE OR REPLACE VIEW user_emails AS SELECT id, email FROM users;\n${LOCKED}ALTER TABLE users DROP COLUMN email CASCADE;\n` }, 'pull request');
      const template: RepoTemplate = { dir, baseSha, headSha, files: pullFilesBetween(dir, baseSha, headSha), commits: [readCommit(dir, baseSha), readCommit(dir, headSha)] };
      const s = await scenario({ head: {} }, template);
      // The copy resolves links to absolute paths: the checkout puts them back as git has them.
      rmSync(path.join(s.dir, 'db/migration/R__views.sql'));
      execFileSync('git', ['checkout', '-q', '--', 'db/migration/R__views.sql'], { cwd: s.dir });
      expect(readlinkSync(path.join(s.dir, 'db/migration/R__views.sql'))).toBe('../../sql/views.sql');
      const run = await s.runPullRequest('opened');
      const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
      expect(report.migrations.map((m: { path: string }) => m.path), describeRun(run)).toEqual(['db/migration/R__views.sql']);
      expect(report.migrations[0].findings.map((f: { rule: string }) => f.rule)).toContain('ban-drop-column');
      expect(run.outputs['needs-approval']).toBe('true');
      expect(s.status()).toMatchObject({ state: 'failure' });
      expectCleanTraffic(s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('symbolic links, the App (the tree read through the API)', () => {
  const { scenario: appScenario } = useAppScenarios();

  it('editing the file a repeatable migration links to reviews that migration', { timeout: 300_000 }, async () => {
    const s = await appScenario({
      base: { 'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n', 'sql/views.sql': 'CREATE OR REPLACE VIEW user_emails AS SELECT id, email FROM users;\n' },
      baseLinks: { 'db/migration/R__views.sql': '../../sql/views.sql' },
      head: { 'sql/views.sql': `CREATE OR REPLACE VIEW user_emails AS SELECT id, email FROM users;\n${LOCKED}ALTER TABLE users DROP COLUMN email CASCADE;\n` },
    });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    expect(s.status()).toMatchObject({ state: 'failure' });
    const body = s.stickyComments()[0]!.body;
    expect(body).toContain('ban-drop-column');
    expect(body).toContain('R__views.sql');
    expectCleanTraffic(s);
  });
});
