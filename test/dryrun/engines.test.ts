// The common operations on each backend: which locks they take, which rewrite the table,
// errors mapped to file positions, and the rollback round trip.
import { beforeAll, describe, expect, it } from 'vitest';
import { runDryRun, mergeDryRun, type DryRunOutput } from '../../src/dryrun/index.js';
import type { MigrationReport } from '../../src/core/types.js';
import { mig, options, ready, requireServer, scratchLeftovers } from './helpers.js';

await ready();

const BASE = [
  mig('0001_orders', `CREATE TABLE orders (
  id int PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  n int
);
INSERT INTO orders (id, n) SELECT g, g FROM generate_series(1, 100) g;`),
];

const REVIEW = [
  mig('0002_index', 'CREATE INDEX orders_created_at_idx ON orders (created_at);', 'DROP INDEX orders_created_at_idx;'),
  mig('0003_bigint', 'ALTER TABLE orders ALTER COLUMN n TYPE bigint;', 'ALTER TABLE orders ALTER COLUMN n TYPE int;'),
  mig('0004_const_default', 'ALTER TABLE orders ADD COLUMN c int DEFAULT 0;', 'ALTER TABLE orders DROP COLUMN c;'),
  mig('0005_volatile_default', 'ALTER TABLE orders ADD COLUMN r float8 DEFAULT random();', 'ALTER TABLE orders DROP COLUMN r;'),
  // The rollback forgets the index.
  mig('0006_forgetful', 'ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX orders_note_idx ON orders (note);', 'ALTER TABLE orders DROP COLUMN note;\nCREATE INDEX orders_n_idx ON orders (n);'),
  // Statements that cannot run in a transaction, alone in a golang-migrate file: autocommit.
  mig('0007_concurrently', 'CREATE INDEX CONCURRENTLY orders_n2_idx ON orders (n);', 'DROP INDEX CONCURRENTLY orders_n2_idx;', 'implicit'),
  // The same table rewritten twice in one file, and a statement between that rewrites nothing:
  // each rewrite is seen against the relation's number as the statement before it left it.
  mig('0007_twice', 'ALTER TABLE orders ALTER COLUMN n TYPE int;\nALTER TABLE orders ADD COLUMN twice int;\nALTER TABLE orders ALTER COLUMN n TYPE bigint;', null),
  // A rewrite outside any transaction, read after the statement.
  mig('0007_vacuum_full', 'VACUUM FULL orders;', null, 'implicit'),
  // Fails on line 3 at the unknown column.
  mig('0008_broken', 'ALTER TABLE orders ADD COLUMN ok int;\n\nUPDATE orders SET ok = 1 WHERE  nosuch = 2;', null),
  mig('0009_after_broken', 'ALTER TABLE orders ADD COLUMN later int;', null),
];

function report(id: string): MigrationReport {
  return { path: `db/${id}.up.sql`, risk: 'SAFE', rollback: { path: `db/${id}.down.sql`, status: 'present' }, operations: [], findings: [] };
}

for (const engine of ['pglite', 'url'] as const) {
  describe(`dry-run on ${engine}`, () => {
    let out: DryRunOutput;
    beforeAll(async () => {
      await ready();
      if (engine === 'url') await requireServer();
      out = await runDryRun({ base: BASE, review: REVIEW }, options(engine));
    }, 180_000);

    it('applies the base history', () => {
      expect(out.base).toEqual({ status: 'ok', applied: 1 });
    });

    it('CREATE INDEX takes ShareLock on the table and rewrites nothing', () => {
      const r = out.results.get('0002_index')!;
      expect(r.status).toBe('passed');
      const t = r.statements[0]!;
      expect(t.locks).toContainEqual(expect.objectContaining({ relation: 'public.orders', mode: 'ShareLock', preExisting: true, kind: 'table' }));
      expect(t.rewrites).toEqual([]);
      expect(r.rollback?.status).toBe('exact');
      expect(r.rollback?.reapply).toBe('passed');
      const merged = mergeDryRun(report('0002_index'), r);
      expect(merged.findings.map((f) => f.rule)).toContain('observed-blocking-lock');
    });

    it('ALTER COLUMN TYPE int -> bigint rewrites the table under AccessExclusiveLock', () => {
      const t = out.results.get('0003_bigint')!.statements[0]!;
      expect(t.rewrittenTables).toEqual(['public.orders']);
      expect(t.rewrites).toContain('public.orders_pkey');
      expect(t.locks).toContainEqual(expect.objectContaining({ relation: 'public.orders', mode: 'AccessExclusiveLock' }));
      const merged = mergeDryRun(report('0003_bigint'), out.results.get('0003_bigint')!);
      expect(merged.risk).toBe('DANGEROUS');
      expect(merged.findings).toContainEqual(expect.objectContaining({ rule: 'observed-rewrite', line: 1, column: 1 }));
    });

    it('ADD COLUMN with a constant default does not rewrite; a volatile default does', () => {
      expect(out.results.get('0004_const_default')!.statements[0]!.rewrites).toEqual([]);
      expect(out.results.get('0005_volatile_default')!.statements[0]!.rewrittenTables).toEqual(['public.orders']);
    });

    it('reports a rollback that forgets an index, naming it', () => {
      const r = out.results.get('0006_forgetful')!;
      expect(r.rollback?.status).toBe('incomplete');
      expect(r.rollback?.differences).toContain('index public.orders_n_idx still exists after rollback');
      // Re-applying works (the forgotten index does not collide), so no reapply finding.
      expect(r.rollback?.reapply).toBe('passed');
      const merged = mergeDryRun(report('0006_forgetful'), r);
      const f = merged.findings.filter((x) => x.rule === 'rollback-incomplete');
      expect(f.map((x) => x.message).join('\n')).toMatch(/Index public\.orders_n_idx still exists after rollback/);
      expect(f[0]!.path).toBe('db/0006_forgetful.down.sql');
    });

    it('runs CREATE INDEX CONCURRENTLY outside a transaction', () => {
      const r = out.results.get('0007_concurrently')!;
      expect(r.status).toBe('passed');
      expect(r.rollback?.status).toBe('exact');
      if (engine === 'url') {
        // Watched from a second connection: never more than ShareUpdateExclusiveLock on the table.
        for (const l of r.statements[0]!.locks) expect(['AccessShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock']).toContain(l.mode);
      }
    });

    it('sees each rewrite of a table rewritten twice in one file, and one outside a transaction', () => {
      const twice = out.results.get('0007_twice')!;
      expect(twice.status).toBe('passed');
      expect(twice.statements.map((t) => t.rewrittenTables ?? [])).toEqual([['public.orders'], [], ['public.orders']]);
      const vacuum = out.results.get('0007_vacuum_full')!;
      expect(vacuum.status).toBe('passed');
      expect(vacuum.statements[0]!.rewrittenTables).toEqual(['public.orders']);
    });

    it('maps a failing statement to its file, line and column, and skips what follows', () => {
      const r = out.results.get('0008_broken')!;
      expect(r.status).toBe('failed');
      expect(r.error).toEqual(expect.objectContaining({ sqlstate: '42703', path: 'db/0008_broken.up.sql', line: 3, column: 33 }));
      expect(r.statements[1]!.error?.line).toBe(3);
      const merged = mergeDryRun(report('0008_broken'), r);
      expect(merged.risk).toBe('DANGEROUS');
      expect(merged.findings).toContainEqual(expect.objectContaining({ rule: 'dry-run-failed', line: 3, column: 33 }));
      const after = out.results.get('0009_after_broken')!;
      expect(after.status).toBe('skipped');
      // Not run is not passed: it carries a dry-run-unobserved finding naming the migration that stopped the run.
      const notRun = mergeDryRun(report('0009_after_broken'), after);
      expect(notRun.risk).toBe('DANGEROUS');
      expect(notRun.findings.find((f) => f.rule === 'dry-run-unobserved')?.message).toMatch(/did not run this migration.*0008_broken/);
    });

    if (engine === 'url') {
      it('leaves no scratch database or role behind', async () => {
        expect(await scratchLeftovers()).toEqual([]);
      });
    }
  });
}
