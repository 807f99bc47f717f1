// A base the versioned history cannot build from nothing (memos: its first migration assumes a
// schema no file builds) is built from the whole-schema file instead (DryRunInput.snapshotBase),
// and the migrations under review run after it. Each sandbox opened on the way is dropped, the
// failed first try's included, and when neither builds the base, the migrations under review
// are not run and say so (dry-run-unobserved), never passed.
import { describe, expect, it } from 'vitest';
import { mergeDryRun, runDryRun } from '../../src/dryrun/index.js';
import type { MigrationReport } from '../../src/core/types.js';
import { mig, ready, requireServer, scratchLeftovers, sharedLocalCluster } from './helpers.js';

await ready();
const options = sharedLocalCluster();

const HISTORY = [
  mig('0019_resource_name', 'ALTER TABLE resource ADD COLUMN name text;'),
  mig('0020_reaction', 'CREATE TABLE reaction (id int);'),
];
const LATEST = [mig('LATEST', 'CREATE TABLE resource (id int, name text);\nCREATE TABLE reaction (id int);\nINSERT INTO resource VALUES (1, \'a\');', null, 'none')];
const REVIEW = [mig('0021_pinned', 'ALTER TABLE resource ADD COLUMN pinned boolean NOT NULL DEFAULT false;', 'ALTER TABLE resource DROP COLUMN pinned;')];

function report(id: string): MigrationReport {
  return { path: `db/${id}.up.sql`, risk: 'SAFE', rollback: { path: null, status: 'missing' }, operations: [], findings: [] };
}

for (const engine of ['pglite', 'url', 'local'] as const) {
  describe(`the base from the whole schema on ${engine}`, () => {
    it('is used when the history fails, and the migration under review runs after it', async () => {
      if (engine !== 'pglite') await requireServer();
      const out = await runDryRun({ base: HISTORY, review: REVIEW, snapshotBase: LATEST }, options(engine));
      expect(out.base).toMatchObject({ status: 'ok', fromSnapshot: { historyError: { path: 'db/0019_resource_name.up.sql', sqlstate: '42P01' } } });
      expect(out.baseUsed.map((m) => m.migration.id)).toEqual(['LATEST']);
      const r = out.results.get('0021_pinned')!;
      expect(r.status).toBe('passed');
      expect(r.rollback?.status).toBe('exact');
      if (engine === 'url') expect(await scratchLeftovers()).toEqual([]);
    }, 120_000);

    it('is not used when the history builds the base', async () => {
      const history = [mig('0018_init', 'CREATE TABLE resource (id int);'), ...HISTORY];
      const out = await runDryRun({ base: history, review: REVIEW, snapshotBase: LATEST }, options(engine));
      expect(out.base).toEqual({ status: 'ok', applied: 3 });
      expect(out.baseUsed).toBe(history);
      expect(out.results.get('0021_pinned')!.status).toBe('passed');
    }, 120_000);

    it('when it fails too, no migration under review passes, and nothing is left behind', async () => {
      const broken = [mig('LATEST', 'CREATE TABLE resource (id int);\nALTER TABLE nope ADD COLUMN x int;', null, 'none')];
      const out = await runDryRun({ base: HISTORY, review: REVIEW, snapshotBase: broken }, options(engine));
      expect(out.base.status).toBe('failed');
      const r = out.results.get('0021_pinned')!;
      expect(r.status).toBe('base-failed');
      expect(r.unobserved).toMatch(/db\/0019_resource_name\.up\.sql:1:1.*the base built from the whole schema fails at db\/LATEST\.up\.sql:2:/);
      const merged = mergeDryRun(report('0021_pinned'), r);
      expect(merged.risk).toBe('DANGEROUS');
      expect(merged.findings.map((f) => f.rule)).toEqual(['dry-run-unobserved']);
      if (engine === 'url') expect(await scratchLeftovers()).toEqual([]);
    }, 120_000);
  });
}
