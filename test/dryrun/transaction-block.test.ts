// The dry-run runs a statement outside a transaction of its own exactly when PostgreSQL would
// refuse it in one (analyze/transaction-block.ts): for a runner that sends statement by statement,
// DISCARD ALL, REINDEX SCHEMA and a REINDEX or CLUSTER of a partitioned table (which the sandbox's
// catalog tells) pass, as in production; in a file the runner wraps, they fail as in production.
import { beforeAll, describe, expect, it } from 'vitest';
import { runDryRun, type DryRunOutput } from '../../src/dryrun/index.js';
import { mig, ready, requireServer, sharedLocalCluster } from './helpers.js';

await ready();
const options = sharedLocalCluster();

const BASE = [
  mig('0001_events', `CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_at_idx ON events (at);
CREATE TABLE orders (id int PRIMARY KEY, total numeric);
INSERT INTO events SELECT g, date '2024-01-01' + g FROM generate_series(1, 50) g;`),
];

const NONE = [
  mig('0002_reindex_partitioned', 'REINDEX TABLE events;\nREINDEX INDEX events_at_idx;', null, 'none'),
  mig('0003_cluster_partitioned', 'CLUSTER events USING events_at_idx;', null, 'none'),
  mig('0004_reindex_schema', 'REINDEX SCHEMA public;', null, 'none'),
  mig('0005_plain', 'REINDEX TABLE orders;\nCLUSTER orders USING orders_pkey;', null, 'none'),
  mig('0006_discard', 'DISCARD ALL;', null, 'none'),
];

/**
 * Reviewed migrations replayed as history (more history follows): their rollbacks are replayed
 * inside a transaction the dry-run rolls back (run.ts rollbackInPlace), so one holding a
 * statement PostgreSQL would refuse there is not run; a plain table's REINDEX is.
 */
function replayed(id: string, up: string, down: string) {
  const m = mig(id, up, down, 'none');
  return { ...m, migration: { ...m.migration, historyFollows: true as const } };
}
const ROUND_TRIPS = [
  ...BASE,
  replayed('0002_orders_index', 'CREATE INDEX orders_total_idx ON orders (total);', 'DROP INDEX orders_total_idx;\nREINDEX TABLE orders;'),
  replayed('0003_events_index', 'CREATE INDEX events_id_idx ON events (id);', 'DROP INDEX events_id_idx;\nREINDEX TABLE events;'),
  mig('0004_after', 'CREATE TABLE later (id int);'),
];

for (const engine of ['pglite', 'url'] as const) {
  describe(`statements PostgreSQL refuses in a transaction block, on ${engine}`, () => {
    let none: DryRunOutput;
    let wrapped: DryRunOutput;
    let trips: DryRunOutput;
    beforeAll(async () => {
      if (engine === 'url') await requireServer();
      none = await runDryRun({ base: BASE, review: NONE }, options(engine));
      trips = await runDryRun({ base: ROUND_TRIPS, review: [mig('0005_new', 'ALTER TABLE later ADD COLUMN z int;')] }, options(engine));
      wrapped = await runDryRun({ base: BASE, review: [mig('0002_reindex_wrapped', 'REINDEX TABLE events;', null, 'wrapped')] }, options(engine));
    }, 300_000);

    it('runs them outside a transaction of its own when the runner sends statement by statement', () => {
      for (const m of NONE) {
        const r = none.results.get(m.migration.id)!;
        expect(r.status, `${m.migration.id}: ${r.error?.message ?? r.reason ?? ''}`).toBe('passed');
      }
      // A plain table's REINDEX and CLUSTER still run in a transaction of ours, where their locks are read.
      const plain = none.results.get('0005_plain')!;
      expect(plain.statements[0]?.locks.some((l) => l.relation === 'public.orders')).toBe(true);
    });

    it('replays a rollback in place unless PostgreSQL would refuse a statement of it in a transaction block', () => {
      expect(trips.base.historyRollbacks?.['0002_orders_index']?.rollback?.status).toBe('exact');
      expect(trips.base.historyRollbacks?.['0003_events_index']?.rollback?.status).toBe('not-run');
      expect(trips.results.get('0005_new')?.status).toBe('passed');
    });

    it('fails them in a file the runner wraps, as PostgreSQL does', () => {
      const r = wrapped.results.get('0002_reindex_wrapped')!;
      expect(r.status).toBe('failed');
      expect(r.error?.sqlstate).toBe('25001');
    });
  });
}
