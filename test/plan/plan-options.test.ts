// Version-dependent advice and the text rendering, without a database.
import { describe, expect, it } from 'vitest';
import { buildPlan, renderPlanText } from '../../src/plan/index.js';
import { allPlanSql, analyzeMigrations, assertParses } from './helpers.js';

describe('plan options', () => {
  it('before PostgreSQL 11: one batch to repeat, EXECUTE PROCEDURE, and the SET NOT NULL caveat', async () => {
    const ms = await analyzeMigrations([{ path: 'db/1.up.sql', sql: 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\nALTER TABLE orders ALTER COLUMN ref SET NOT NULL;\n' }], 10);
    // A plain nullable column, as src/verify would read it from the base.
    ms[0]!.columnShapes = new Map([['public.orders|amount', { type: 'integer', notNull: false, indexes: [], constraints: [], blockers: [] }]]);
    const plan = buildPlan(ms, { pgVersion: 10 });
    const sql = allPlanSql(plan);
    for (const s of sql) assertParses(s);
    expect(sql.join('\n')).toContain('EXECUTE PROCEDURE');
    expect(sql.some((s) => s.startsWith('DO $batch$'))).toBe(false);
    const text = renderPlanText(plan);
    expect(text).toContain('cannot COMMIT inside a DO block');
    expect(text).toContain('Before PostgreSQL 12, SET NOT NULL scans the whole table');
  });

  it('takes the batch size and lock timeout', async () => {
    const ms = await analyzeMigrations([{ path: 'db/1.up.sql', sql: "UPDATE orders SET status = 'x' WHERE status IS NULL;\nALTER TABLE orders DROP COLUMN note;\n" }]);
    const plan = buildPlan(ms, { pgVersion: 16, batchSize: 250, lockTimeout: '2s' });
    const sql = allPlanSql(plan).join('\n');
    expect(sql).toContain('LIMIT 250');
    expect(sql).toContain("SET lock_timeout = '2s'");
  });

  it('keeps DETACH PARTITION ... CONCURRENTLY out of a transaction, and a plain DETACH in one', async () => {
    const ms = await analyzeMigrations([{ path: 'db/1.up.sql', sql: 'ALTER TABLE m DETACH PARTITION m_2023 CONCURRENTLY;\nALTER TABLE m DETACH PARTITION m_2024;\n' }]);
    const steps = buildPlan(ms, { pgVersion: 16 }).phases.flatMap((p) => p.steps);
    const detach = (sql: string) => steps.find((s) => s.sql.some((x) => x.includes(sql)));
    expect(detach('m_2023 CONCURRENTLY')?.transactional).toBe(false);
    expect(detach('PARTITION m_2024')?.transactional).toBe(true);
  });

  it('keeps in a transaction what PostgreSQL runs in one (ANALYZE, a DO block that only mentions COMMIT) and takes out what it refuses', async () => {
    const sql = [
      'ANALYZE orders;',
      'VACUUM orders;',
      'DISCARD ALL;',
      "DO $$ BEGIN RAISE NOTICE 'COMMIT'; END $$;",
      'DO $$ BEGIN UPDATE orders SET a = 1 WHERE id < 10; COMMIT; END $$;',
    ];
    const ms = await analyzeMigrations([{ path: 'db/1.up.sql', sql: `${sql.join('\n')}\n` }]);
    const steps = buildPlan(ms, { pgVersion: 16 }).phases.flatMap((p) => p.steps);
    const step = (text: string) => steps.find((s) => s.sql.some((x) => x.includes(text)));
    expect(step('ANALYZE')?.transactional).toBe(true);
    expect(step('VACUUM')?.transactional).toBe(false);
    expect(step('DISCARD')?.transactional).toBe(false);
    expect(step('RAISE NOTICE')?.transactional).toBe(true);
    expect(step('UPDATE orders')?.transactional).toBe(false);
  });

  it('an empty plan says so', () => {
    expect(renderPlanText({ phases: [], notes: [] })).toContain('Nothing to plan');
  });
});
