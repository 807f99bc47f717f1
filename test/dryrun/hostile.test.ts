// Untrusted SQL is contained: time limits cut off sleeps and endless loops, programs and
// server files are refused, and nothing is left behind on the server.
import { describe, expect, it } from 'vitest';
import { runDryRun, mergeDryRun } from '../../src/dryrun/index.js';
import type { MigrationReport, TransactionMode } from '../../src/core/types.js';
import { mig, options, ready, requireServer, scratchLeftovers, sharedLocalCluster } from './helpers.js';

await ready();

const BASE = [mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY);')];
const report: MigrationReport = { path: 'db/x.up.sql', risk: 'SAFE', rollback: { path: null, status: 'missing' }, operations: [], findings: [] };

const engineOptions = sharedLocalCluster();

// The limits are what these tests enforce, not their size: short ones end the sleeps and loops
// (which burn a core on PGlite until stopped) as surely as long ones. The total limit still
// leaves the engine's start and the base history well over a second.
async function one(engine: 'pglite' | 'url' | 'local', sql: string, limits = { statementTimeoutMs: 1000, totalTimeoutMs: 60_000 }, mode: TransactionMode = 'wrapped') {
  const out = await runDryRun({ base: BASE, review: [mig('0002_hostile', sql, null, mode)] }, engineOptions(engine, limits));
  return out.results.get('0002_hostile')!;
}

describe('hostile migrations on PGlite', () => {
  it('stops pg_sleep at the statement limit (PGlite ignores statement_timeout)', async () => {
    const r = await one('pglite', 'SELECT pg_sleep(30);');
    expect(r.status).toBe('failed');
    expect(r.timedOut).toBe(true);
    expect(r.error?.sqlstate).toBe('57014');
  });

  it('stops an endless loop at the total limit', async () => {
    const r = await one('pglite', 'DO $$ BEGIN LOOP END LOOP; END $$;', { statementTimeoutMs: 60_000, totalTimeoutMs: 2_000 });
    expect(r.status).toBe('failed');
    expect(r.timedOut).toBe(true);
  });

  it('refuses COPY … TO PROGRAM before it runs, also inside a DO block', async () => {
    for (const sql of ["COPY t TO PROGRAM 'touch /tmp/mg-pwned';", "DO $$ BEGIN COPY t TO PROGRAM 'touch /tmp/mg-pwned'; END $$;"]) {
      const r = await one('pglite', sql);
      expect(r.status).toBe('failed');
      expect(r.refused).toMatch(/PROGRAM/);
      const merged = mergeDryRun(report, r);
      expect(merged.findings.map((f) => f.rule)).toContain('dry-run-refused');
      expect(merged.risk).toBe('DANGEROUS');
    }
  });

  it('stops a migration that grows the engine past its memory cap, and says so', async () => {
    // The cap is on the whole process: above where it is after an engine has run once here, by
    // three times what another engine takes (~60 MB), so only the migration's growth reaches it.
    await runDryRun({ base: BASE, review: [mig('0002_warm', 'SELECT 1;')] }, options('pglite'));
    const limitMb = Math.round(process.memoryUsage.rss() / 2 ** 20) + 250;
    const out = await runDryRun(
      { base: BASE, review: [mig('0002_bomb', "SELECT length(string_agg(repeat('x', 1000), '')) FROM generate_series(1, 5000000);")] },
      options('pglite', { statementTimeoutMs: 120_000, totalTimeoutMs: 120_000, memoryLimitMb: limitMb }),
    );
    const r = out.results.get('0002_bomb')!;
    expect(r.status, JSON.stringify(r).slice(0, 500)).toBe('failed');
    expect(r.error?.sqlstate, JSON.stringify(r).slice(0, 500)).toBe('53200');
    expect(r.error?.message).toMatch(/memory cap/);
    const merged = mergeDryRun(report, r);
    expect(merged.risk).toBe('DANGEROUS');
    expect(merged.findings.find((f) => f.rule === 'dry-run-failed')?.message).toMatch(/memory cap/);
  }, 150_000);

  it('cannot read the host\'s files', async () => {
    const r = await one('pglite', "SELECT pg_read_file('/etc/passwd');");
    expect(r.status).toBe('failed');
    expect(r.error?.message).toMatch(/could not open file/);
  });
});

for (const engine of ['url', 'local'] as const) {
  describe(`hostile migrations on ${engine}`, () => {
    it('refuses programs, server files and server settings for the unprivileged role', async () => {
      await requireServer();
      const cases = [
        "COPY t TO PROGRAM 'touch /tmp/mg-pwned';",
        "SELECT pg_read_file('/etc/passwd');",
        "SELECT lo_import('/etc/passwd');",
        "ALTER SYSTEM SET work_mem = '1GB';",
        "DO $$ BEGIN EXECUTE 'COPY t TO PROGRAM ''touch /tmp/mg-pwned'''; END $$;",
      ];
      const out = await runDryRun(
        { base: BASE, review: cases.map((sql, i) => mig(`000${i + 2}_hostile`, sql, null, 'none')) },
        engineOptions(engine),
      );
      // Each later migration is skipped after the first failure; run them one by one instead.
      expect(out.results.get('0002_hostile')!.refused).toMatch(/PROGRAM/);
      for (const [i, sql] of cases.entries()) {
        if (i === 0) continue;
        // Run as psql runs a file (statement by statement): ALTER SYSTEM in a wrapping runner's
        // transaction fails before the privilege check (25001).
        const r = await one(engine, sql, undefined, 'none');
        expect(r.status, sql).toBe('failed');
        expect(r.error?.sqlstate, sql).toBe('42501');
        expect(mergeDryRun(report, r).findings.map((f) => f.rule)).toContain('dry-run-refused');
      }
      expect(await scratchLeftovers()).toEqual([]);
    }, 120_000);

    it('cancels pg_sleep and an endless loop at the limit, even when the migration turns statement_timeout off', async () => {
      for (const sql of ['SELECT pg_sleep(30);', 'SET statement_timeout = 0;\nDO $$ BEGIN LOOP END LOOP; END $$;']) {
        const r = await one(engine, sql);
        expect(r.status, sql).toBe('failed');
        expect(r.error?.sqlstate, sql).toBe('57014');
      }
      expect(await scratchLeftovers()).toEqual([]);
    }, 120_000);
  });
}
