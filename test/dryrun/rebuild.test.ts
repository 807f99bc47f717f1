// A migration whose rollback round trip breaks the database (the rollback forgets a column, so
// re-applying fails) is reported, and the migrations after it still run, on a database rebuilt
// from the base history and the migrations applied so far.
import { beforeAll, describe, expect, it } from 'vitest';
import { runDryRun } from '../../src/dryrun/index.js';
import { mig, options, ready, requireServer } from './helpers.js';

describe.each(['pglite', 'url'] as const)('dry-run on %s after a broken round trip', (engine) => {
  let out: Awaited<ReturnType<typeof runDryRun>>;
  beforeAll(async () => {
    await ready();
    if (engine === 'url') await requireServer();
    out = await runDryRun(
      {
        base: [mig('0001_orders', 'CREATE TABLE orders (id bigint PRIMARY KEY);', 'DROP TABLE orders;')],
        review: [
          mig('0002_note', 'ALTER TABLE orders ADD COLUMN note text;', 'SELECT 1;'),
          mig('0003_note_index', 'CREATE INDEX orders_note_idx ON orders (note);', 'DROP INDEX orders_note_idx;'),
        ],
      },
      options(engine),
    );
  }, 120_000);

  it('reports the rollback that forgot the column and the failed re-apply', () => {
    const r = out.results.get('0002_note')!;
    expect(r.rollback).toMatchObject({ status: 'incomplete', reapply: 'failed' });
    expect(r.rollback!.differences).toContain('column public.orders.note still exists after rollback');
  });

  it('still runs the next migration, on the schema the first one left', () => {
    const r = out.results.get('0003_note_index')!;
    expect(r.status).toBe('passed');
    expect(r.rollback?.status).toBe('exact');
    expect(r.statements[0]!.locks).toContainEqual(expect.objectContaining({ relation: 'public.orders', mode: 'ShareLock' }));
  });
});
