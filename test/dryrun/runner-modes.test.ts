// The dry-run runs each file as its runner does, in the transaction mode the analysis resolves
// for it (core/transaction.ts fileTransaction and sentAsOneQuery): golang-migrate sends a file
// as one query string, so Postgres runs the statements outside the file's own BEGIN ... COMMIT
// in implicit blocks, and a wrapping runner's transaction takes in the statements before the
// file's own BEGIN. The locks it observes are held as long as production would hold them, and
// what production refuses (CONCURRENTLY inside a block) fails here too.
import { beforeAll, describe, expect, it } from 'vitest';
import { runDryRun, type DryRunOutput } from '../../src/dryrun/index.js';
import type { DryRunResult, TransactionMode } from '../../src/core/types.js';
import { mig, ready, requireServer, scratchLeftovers, sharedLocalCluster } from './helpers.js';

await ready();
const options = sharedLocalCluster();

const BASE = [
  mig('0001_orders', `CREATE TABLE orders (id int PRIMARY KEY, total numeric);
INSERT INTO orders (id, total) SELECT g, g FROM generate_series(1, 50) g;`),
];

/**
 * The cases, as the migrations of a few runs (RUNS): a failure stops the migrations after it,
 * so each case that fails is the last of its run; the ones that pass share a run, one after
 * another as a change's migrations are, each file in its own mode (their names differ).
 */
const CASES: Record<string, { mode: TransactionMode; sql: string }> = {
  // golang-migrate (one query string per file)
  implicitConcurrentlyWithOther: { mode: 'implicit', sql: 'CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);\nCOMMENT ON TABLE orders IS \'orders\';' },
  implicitConcurrentlyAfterCommit: { mode: 'implicit', sql: 'BEGIN;\nALTER TABLE orders ADD COLUMN kind text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY orders_kind_idx ON orders (kind);' },
  implicitBeforeBegin: { mode: 'implicit', sql: 'ALTER TABLE orders ADD COLUMN region text;\nUPDATE orders SET region = \'eu\';\nBEGIN;\nCOMMENT ON TABLE orders IS \'o\';\nCOMMIT;' },
  implicitAfterCommit: { mode: 'implicit', sql: 'BEGIN;\nCOMMENT ON TABLE orders IS \'o\';\nCOMMIT;\nALTER TABLE orders ADD COLUMN z text;\nUPDATE orders SET z = \'x\';' },
  implicitConcurrentlyAlone: { mode: 'implicit', sql: 'CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);' },
  implicitSeveral: { mode: 'implicit', sql: 'ALTER TABLE orders ADD COLUMN s text;\nUPDATE orders SET s = \'x\';' },
  // A wrapping runner (goose, Flyway, sqlx...)
  wrappedBeforeBegin: { mode: 'wrapped', sql: 'ALTER TABLE orders ADD COLUMN w text;\nUPDATE orders SET w = \'x\';\nBEGIN;\nCOMMENT ON TABLE orders IS \'o\';\nCOMMIT;\nALTER TABLE orders ADD COLUMN after_commit text;\nUPDATE orders SET after_commit = \'y\';' },
  wrappedConcurrently: { mode: 'wrapped', sql: 'CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);' },
  // A runner that sends statement by statement (psql, Sqitch, plain)
  noneSeveral: { mode: 'none', sql: 'ALTER TABLE orders ADD COLUMN n text;\nUPDATE orders SET n = \'x\';\nCREATE INDEX CONCURRENTLY orders_n_idx ON orders (n);' },
  noneOwnBlock: { mode: 'none', sql: 'BEGIN;\nALTER TABLE orders ADD COLUMN b text;\nUPDATE orders SET b = \'x\';\nCOMMIT;\nCREATE INDEX CONCURRENTLY orders_b_idx ON orders (b);' },
};

const RUNS: string[][] = [
  ['implicitBeforeBegin', 'implicitAfterCommit', 'implicitConcurrentlyAlone', 'implicitSeveral', 'wrappedBeforeBegin', 'noneSeveral', 'noneOwnBlock', 'implicitConcurrentlyAfterCommit'],
  ['implicitConcurrentlyWithOther'],
  ['wrappedConcurrently'],
];

function ordersLock(r: DryRunResult, statement: number) {
  return r.statements.find((t) => t.statement === statement)?.locks.find((l) => l.relation === 'public.orders' && l.mode === 'AccessExclusiveLock');
}

for (const engine of ['pglite', 'url'] as const) {
  describe(`each file runs as its runner runs it, on ${engine}`, () => {
    const out = new Map<string, DryRunOutput>();
    const result = (name: string) => out.get(name)!.results.get(name)!;
    beforeAll(async () => {
      if (engine === 'url') await requireServer();
      for (const run of RUNS) {
        const o = await runDryRun({ base: BASE, review: run.map((name) => mig(name, CASES[name]!.sql, null, CASES[name]!.mode)) }, options(engine));
        for (const name of run) out.set(name, o);
      }
    }, 300_000);

    it('runs every case, each that fails last in its run', () => {
      expect(RUNS.flat().sort()).toEqual(Object.keys(CASES).sort());
      for (const run of RUNS) {
        for (const name of run.slice(0, -1)) expect(result(name).status, `${name}: ${result(name).reason ?? ''}`).toBe('passed');
      }
    });

    it('golang-migrate: CONCURRENTLY beside another statement fails, as Postgres refuses it in the implicit block', () => {
      for (const name of ['implicitConcurrentlyWithOther', 'implicitConcurrentlyAfterCommit']) {
        const r = result(name);
        expect(r.status, name).toBe('failed');
        expect(r.error?.sqlstate, name).toBe('25001');
        expect(r.error?.line, name).toBe(name === 'implicitConcurrentlyWithOther' ? 1 : 4);
      }
      expect(result('implicitConcurrentlyAlone').status).toBe('passed');
    });

    it('golang-migrate: the statements before the file\'s BEGIN run in the block the BEGIN takes over', () => {
      const r = result('implicitBeforeBegin');
      expect(r.status).toBe('passed');
      // ALTER (0) held across the UPDATE (1) and the COMMENT (3) until the file's COMMIT.
      expect(ordersLock(r, 0)?.heldAcross).toBe(2);
    });

    it('golang-migrate: the statements after the file\'s COMMIT run in one implicit block to the end of the file', () => {
      const r = result('implicitAfterCommit');
      expect(r.status).toBe('passed');
      expect(ordersLock(r, 3)?.heldAcross).toBe(1);
      expect(ordersLock(result('implicitSeveral'), 0)?.heldAcross).toBe(1);
    });

    it('a wrapping runner: its transaction holds the statements before the file\'s BEGIN; after the file\'s COMMIT each statement commits alone', () => {
      const r = result('wrappedBeforeBegin');
      expect(r.status).toBe('passed');
      expect(ordersLock(r, 0)?.heldAcross).toBe(2);
      expect(ordersLock(r, 5)?.heldAcross).toBe(0);
    });

    it('a wrapping runner: CONCURRENTLY inside its transaction fails, as the analysis says (concurrently-in-transaction)', () => {
      const r = result('wrappedConcurrently');
      expect(r.status).toBe('failed');
      expect(r.error?.sqlstate).toBe('25001');
    });

    it('a runner without a transaction: each statement commits alone, the file\'s own block holds its statements', () => {
      const several = result('noneSeveral');
      expect(several.status).toBe('passed');
      expect(ordersLock(several, 0)?.heldAcross).toBe(0);
      const block = result('noneOwnBlock');
      expect(block.status).toBe('passed');
      expect(ordersLock(block, 1)?.heldAcross).toBe(1);
    });

    if (engine === 'url') {
      it('leaves no scratch database or role behind, the failed runs included', async () => {
        expect(await scratchLeftovers()).toEqual([]);
      });
    }
  });
}
