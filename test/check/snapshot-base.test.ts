// memos keeps the whole schema (LATEST.sql) beside versioned migrations whose first one assumes a
// schema no file builds: its versioned history cannot build a database from nothing. A new
// database starts from LATEST.sql there, so the dry-run starts the base from the base branch's
// LATEST.sql when the history fails, and the pull request's new migrations still run. When no base
// can be built, each migration under review carries a dry-run-unobserved finding: a migration
// the dry-run never ran is not a pass.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const P = 'store/migration/postgres';
const LATEST_BASE = `CREATE TABLE resource (id serial PRIMARY KEY, blob bytea, name text);
CREATE TABLE memo (id serial PRIMARY KEY, content text NOT NULL);
CREATE TABLE reaction (id serial PRIMARY KEY, memo_id int NOT NULL, emoji text NOT NULL);
`;
const BASE_FILES = {
  [`${P}/LATEST.sql`]: LATEST_BASE,
  // Assumes the resource table of a schema no file of the repository builds.
  [`${P}/0.19/00__add_resource_name.sql`]: 'ALTER TABLE resource ADD COLUMN name text;\n',
  [`${P}/0.20/00__reaction.sql`]: 'CREATE TABLE reaction (id serial PRIMARY KEY, memo_id int NOT NULL, emoji text NOT NULL);\n',
};
const CHANGE = {
  [`${P}/0.21/00__memo_pinned.sql`]: 'ALTER TABLE memo ADD COLUMN pinned boolean NOT NULL DEFAULT false;\n',
  // As every memos migration pull request does: LATEST.sql gets the new column too.
  [`${P}/LATEST.sql`]: LATEST_BASE.replace('content text NOT NULL', 'content text NOT NULL, pinned boolean NOT NULL DEFAULT false'),
};

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function review(base: Record<string, string>, change: Record<string, string>, withBase = true) {
  const r = new TempRepo().init();
  repos.push(r);
  r.write(base).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(change).commit('change');
  const git = await gitChanges(r.dir, 'main');
  return runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: withBase ? git.base : null }, dryRun: true });
}

describe('a whole-schema file beside versioned migrations (memos)', () => {
  it('the base starts from the base branch\'s LATEST.sql when the versioned history cannot build it, and the new migration runs', { timeout: 120_000 }, async () => {
    const result = await review(BASE_FILES, CHANGE);
    const m = result.report.migrations.find((x) => x.path === `${P}/0.21/00__memo_pinned.sql`)!;
    expect(m.dryRun?.status).toBe('passed');
    expect(m.findings.map((f) => f.rule)).not.toContain('dry-run-unobserved');
    expect(result.report.notes?.map((n) => n.message).join('\n')).toMatch(/base .*LATEST\.sql/);
  });

  it('LATEST.sql as the base branch has it, also when the change edits it and the base tree is not at hand, is the head\'s only when the change left it alone', { timeout: 120_000 }, async () => {
    // Without the base tree the edited LATEST.sql of the base is unknown: no base, and the gate says so.
    const edited = await review(BASE_FILES, CHANGE, false);
    const m = edited.report.migrations.find((x) => x.path === `${P}/0.21/00__memo_pinned.sql`)!;
    expect(m.dryRun?.status).not.toBe('passed');
    expect(m.findings).toContainEqual(expect.objectContaining({ rule: 'dry-run-unobserved', risk: 'DANGEROUS' }));
    // Untouched by the change, the head's LATEST.sql is the base's.
    const untouched = await review(BASE_FILES, { [`${P}/0.21/00__memo_pinned.sql`]: CHANGE[`${P}/0.21/00__memo_pinned.sql`]! }, false);
    expect(untouched.report.migrations.find((x) => x.path === `${P}/0.21/00__memo_pinned.sql`)!.dryRun?.status).toBe('passed');
  });

  it('a base that cannot be built leaves every migration under review with a dry-run-unobserved finding, never a silent pass', { timeout: 120_000 }, async () => {
    const { [`${P}/LATEST.sql`]: _latest, ...noSnapshot } = BASE_FILES;
    const result = await review(noSnapshot, {
      [`${P}/0.21/00__memo_pinned.sql`]: 'ALTER TABLE memo ADD COLUMN pinned boolean NOT NULL DEFAULT false;\n',
      [`${P}/0.21/01__safe.sql`]: 'CREATE TABLE tag (id int);\n',
    });
    for (const path of [`${P}/0.21/00__memo_pinned.sql`, `${P}/0.21/01__safe.sql`]) {
      const m = result.report.migrations.find((x) => x.path === path)!;
      expect(m.dryRun?.status, path).toBe('base-failed');
      expect(m.risk, path).toBe('DANGEROUS');
      expect(m.findings.find((f) => f.rule === 'dry-run-unobserved')?.message, path).toMatch(/0\.19\/00__add_resource_name\.sql/);
    }
  });
});
