// The rename-and-replace table rebuild, plain and inside a DO block, and the rename covered by a
// view under the old name (src/analyze/rename-view.ts), in a real repository.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const M = 'db/migrations';
const BASE = {
  [`${M}/0001_events.up.sql`]: 'CREATE TABLE events (id bigint PRIMARY KEY, payload text);\n',
  [`${M}/0001_events.down.sql`]: 'DROP TABLE events;\n',
};
const REBUILD = `ALTER TABLE events RENAME TO events_old;
CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb);
INSERT INTO events SELECT id, payload::jsonb FROM events_old;
DROP TABLE events_old;
`;

async function review(up: string) {
  const r = new TempRepo().init().write(BASE).commit('base');
  repos.push(r);
  r.git('checkout', '-q', '-b', 'feature');
  r.write({ [`${M}/0002_rebuild.up.sql`]: up, [`${M}/0002_rebuild.down.sql`]: 'ALTER TABLE events ALTER COLUMN payload TYPE text;\n' }).commit('rebuild');
  const { gitChanges } = await import('../../src/discover/git.js');
  const git = await gitChanges(r.dir, 'main');
  const result = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base } });
  return result.report.migrations[0]!;
}

describe('rename-and-replace table rebuild', () => {
  for (const [name, sql] of [
    ['plain statements', REBUILD],
    ['inside a DO block', `DO $$\nBEGIN\n${REBUILD}END\n$$;\n`],
  ] as const) {
    it(`is one table-rebuild finding, not renaming-table + ban-drop-table + rollback-data-loss (${name})`, async () => {
      const m = await review(sql);
      const rules = m.findings.map((f) => f.rule);
      expect(rules).toContain('table-rebuild');
      expect(rules).not.toContain('renaming-table');
      expect(rules).not.toContain('ban-drop-table');
      expect(rules).not.toContain('rollback-data-loss');
      const f = m.findings.find((x) => x.rule === 'table-rebuild')!;
      expect(f.message).toMatch(/never disappears/);
      // No advice may propose a view named like the new table.
      for (const x of m.findings) expect(x.suggestion ?? '').not.toMatch(/CREATE VIEW (public\.)?events\b/i);
    });
  }

  it('a rename whose old name is taken by a new table gets no colliding view advice', async () => {
    const m = await review('ALTER TABLE events RENAME TO events_archive;\nCREATE TABLE events (id bigint PRIMARY KEY, payload jsonb);\n');
    expect(m.findings.map((f) => f.rule)).not.toContain('renaming-table');
    for (const x of m.findings) expect(x.suggestion ?? '').not.toMatch(/CREATE VIEW (public\.)?events\b/i);
  });

  it('a rename covered by a view under the old name in the same transaction is not reported; one in a later transaction is', async () => {
    const covered = await review('BEGIN;\nALTER TABLE events RENAME TO app_events;\nCREATE VIEW events AS SELECT * FROM app_events;\nCOMMIT;\n');
    expect(covered.findings.map((f) => f.rule)).not.toContain('renaming-table');
    const apart = await review('BEGIN;\nALTER TABLE events RENAME TO app_events;\nCOMMIT;\nBEGIN;\nCREATE VIEW events AS SELECT * FROM app_events;\nCOMMIT;\n');
    expect(apart.findings.map((f) => f.rule)).toContain('renaming-table');
    const columns = await review('BEGIN;\nALTER TABLE events RENAME TO app_events;\nCREATE VIEW events AS SELECT id, name FROM app_events;\nCOMMIT;\n');
    expect(columns.findings.map((f) => f.rule)).not.toContain('renaming-table');
  });

  it('a view under the old name that is not the renamed table passed through does not cover the rename', async () => {
    for (const view of [
      'SELECT 1 AS x', // another relation entirely
      'SELECT * FROM other_table',
      'SELECT e.* FROM app_events e JOIN users u ON u.id = e.id',
      'SELECT * FROM app_events WHERE id > 0',
      'SELECT id, upper(name) AS name FROM app_events',
      'SELECT DISTINCT * FROM app_events',
      'SELECT * FROM app_events LIMIT 10',
    ]) {
      const r = await review(`BEGIN;\nALTER TABLE events RENAME TO app_events;\nCREATE VIEW events AS ${view};\nCOMMIT;\n`);
      expect(r.findings.map((f) => f.rule), view).toContain('renaming-table');
    }
  });
});
