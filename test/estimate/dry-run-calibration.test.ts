// With a dry-run on a real server (engine url, the local PostgreSQL), the estimates are scaled
// from rates measured on that server at two seeded sizes, and the scratch database is gone after.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/defaults.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { calibrateOnServer } from '../../src/estimate/calibrate-server.js';

const URL_ = 'postgres://postgres@127.0.0.1:5432/postgres';
const work = mkdtempSync(path.join(tmpdir(), 'mg-estimate-dry-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function scratchDatabases(): Promise<string[]> {
  const c = new pg.Client({ connectionString: URL_ });
  await c.connect();
  try {
    return (await c.query<{ datname: string }>(`select datname from pg_database where datname like 'migration_guard_calibrate_%'`)).rows.map((r) => r.datname);
  } finally {
    await c.end();
  }
}

describe('calibration in the dry-run', () => {
  it('fits positive rates on two seeded sizes and drops its scratch database', async () => {
    const before = await scratchDatabases();
    const r = await calibrateOnServer(URL_, [2_000, 8_000]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const v of Object.values(r.calibration.rates)) expect(v).toBeGreaterThan(0);
    expect(r.calibration.heapBytesPerRow).toBeGreaterThan(40);
    expect(r.calibration.source).toMatch(/^rates measured by this dry-run on PostgreSQL \d+/);
    expect(await scratchDatabases()).toEqual(before);
  });

  it('a server it cannot reach: no calibration, and a reason', async () => {
    const r = await calibrateOnServer('postgres://x@127.0.0.1:1/none', [10, 40]);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^cannot connect/) });
  });

  it('a review that dry-runs on the url engine scales its estimates from the measured rates', async () => {
    const dir = path.join(work, 'repo');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '001.sql'), 'CREATE TABLE orders (id bigint PRIMARY KEY, n int);\n');
    writeFileSync(path.join(dir, '002.sql'), 'CREATE INDEX orders_n ON orders (n);\n');
    const config = resolveConfig({ tableStats: { 'public.orders': { rows: 5_000_000 } }, dryRun: { enabled: true, engine: 'url', databaseUrl: URL_ } });
    const result = await runCheck({ files: fsRepoFiles(dir), config, scope: { kind: 'paths', paths: ['002.sql'] }, dryRun: true });
    const op = result.report.migrations.at(-1)!.operations.find((o) => o.kind === 'CREATE_INDEX')!;
    expect(op.estimate?.basis).toMatch(/rates measured by this dry-run on PostgreSQL \d+(\.\d+)? at 25k and 100k rows/);
  });
});
