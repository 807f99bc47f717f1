// A changeset appended to a Liquibase changelog the base branch has: Liquibase runs the new
// changeset only (it keys and checksums each changeset, not the file), so the review is of the
// new changeset: no migration-edited, and the base branch's changesets' findings stay theirs.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { buildPlan } from '../../src/plan/index.js';
import { TempRepo } from '../discover/git-repo.js';
import { config } from '../discover/helpers.js';
import { changeReviewer } from './review-change.js';

const review = changeReviewer();
const FILE = 'db/changelog.sql';
const BASE = '--liquibase formatted sql\n\n--changeset alice:1\nCREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n--rollback DROP TABLE accounts;\n\n--changeset alice:2\nCREATE INDEX accounts_email_idx ON accounts (email);\n--rollback DROP INDEX accounts_email_idx;\n';

describe('liquibase-sql: a changeset appended to an existing changelog', () => {
  it('is reviewed for the new changeset alone, even one that creates a table', async () => {
    const report = await review({ [FILE]: BASE }, { [FILE]: `${BASE}\n--changeset bob:3\nCREATE TABLE audits (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));\n--rollback DROP TABLE audits;\n` });
    const m = report.migrations.find((x) => x.path === FILE)!;
    const rules = m.findings.map((f) => f.rule);
    expect(rules).not.toContain('migration-edited');
    // The base branch's CREATE INDEX (not CONCURRENTLY) is no finding of this change.
    expect(m.findings.filter((f) => f.line <= 9).map((f) => f.rule)).toEqual([]);
    expect(m.change).toBe('modified');
    expect(m.operations.some((o) => o.line >= 11)).toBe(true);
  });

  it('a base changeset edited on the way stays migration-edited, DANGEROUS', async () => {
    const report = await review({ [FILE]: BASE }, { [FILE]: `${BASE.replace('email text', 'email text NOT NULL')}\n--changeset bob:3\nSELECT 1;\n--rollback SELECT 1;\n` });
    const m = report.migrations.find((x) => x.path === FILE)!;
    expect(m.findings.find((f) => f.rule === 'migration-edited')).toMatchObject({ risk: 'DANGEROUS' });
  });
});

describe('liquibase-sql: rollbacks of a changelog the change added changesets to', () => {
  it('a base changeset without a rollback is the base branch\'s; a new one without is the change\'s', async () => {
    const base = '--liquibase formatted sql\n\n--changeset alice:1\nCREATE TABLE accounts (id bigint PRIMARY KEY);\n\n--changeset alice:2\nCREATE TABLE users (id bigint PRIMARY KEY);\n--rollback DROP TABLE users;\n';
    const report = await review({ [FILE]: base }, { [FILE]: `${base}\n--changeset bob:3\nCREATE TABLE audits (id bigint PRIMARY KEY);\n\n--changeset bob:4\nCREATE TABLE logs (id bigint PRIMARY KEY);\n--rollback DROP TABLE logs;\n` });
    const m = report.migrations.find((x) => x.path === FILE)!;
    expect(m.findings.filter((f) => f.rule === 'rollback-missing').map((f) => f.line)).toEqual([10]);
    // The rollback review holds the new changesets' rollback against what they make, not the base branch's tables.
    expect(m.findings.filter((f) => f.rule.startsWith('rollback-') && /accounts|users/.test(f.message))).toEqual([]);
  });
});

describe('liquibase-sql: the plan of a changelog the change added changesets to', () => {
  it('plans the new changesets\' statements, not the base branch\'s', async () => {
    const r = new TempRepo().init();
    try {
      r.write({ [FILE]: BASE }).commit('base');
      r.git('checkout', '-q', '-b', 'feature');
      r.write({ [FILE]: `${BASE}\n--changeset bob:3\nALTER TABLE accounts ADD COLUMN note text;\n--rollback ALTER TABLE accounts DROP COLUMN note;\n` }).commit('change');
      const git = await gitChanges(r.dir, 'main');
      const { migrations } = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base } });
      const plan = buildPlan(migrations, { pgVersion: 16 });
      const sql = JSON.stringify(plan.phases);
      expect(sql).toContain('ADD COLUMN note');
      expect(sql).not.toContain('accounts_email_idx');
    } finally {
      r.cleanup();
    }
  });
});
