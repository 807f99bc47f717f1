// A migration owns its scratch database (and, on Postgres 15+, the `public` schema in it). Our
// own queries must never resolve a name to something it defined: the lock watcher and the
// watchdog run as a superuser, so an operator or function the migration puts in `public`
// would run with the server's full rights, and one that shadows our probes would hide the
// locks and rewrites the gate relies on.
import { afterAll, describe, expect, it } from 'vitest';
import { mergeDryRun, runDryRun } from '../../src/dryrun/index.js';
import type { MigrationReport } from '../../src/core/types.js';
import { mig, options, ready, requireServer, scratchLeftovers, serverRows, sharedLocalCluster } from './helpers.js';

await ready();
const engineOptions = sharedLocalCluster();

const PWNED_ROLE = 'mg_takeover_test_pwned';
const report: MigrationReport = { path: 'db/x.up.sql', risk: 'SAFE', rollback: { path: null, status: 'missing' }, operations: [], findings: [] };

/**
 * Defines `public.>=(oid, integer)`: an exact match for `relation >= 16384`, which Postgres
 * prefers over pg_catalog's `>=(oid, oid)` whatever the search_path. Run as a superuser it
 * creates a superuser role; as anyone it answers "false", which hides every lock.
 */
const HIJACK_GE = `
CREATE FUNCTION public.mg_hijack_ge(oid, integer) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
  IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    EXECUTE 'CREATE ROLE ${PWNED_ROLE} SUPERUSER';
  END IF;
  RETURN false;
EXCEPTION WHEN duplicate_object THEN RETURN false;
END $f$;
CREATE OPERATOR public.>= (LEFTARG = oid, RIGHTARG = integer, FUNCTION = public.mg_hijack_ge);`;

/** Shadows the watchdog: an untyped argument resolves to the text overload. */
const HIJACK_WATCHDOG = `
CREATE FUNCTION public.pg_cancel_backend(text) RETURNS boolean LANGUAGE sql AS $f$ SELECT true $f$;
CREATE FUNCTION public.pg_terminate_backend(text) RETURNS boolean LANGUAGE sql AS $f$ SELECT true $f$;`;

/** Shadows `=` on oids for our probe in the migration's own session (search_path puts public first). */
const HIJACK_EQ = `
CREATE FUNCTION public.mg_never(oid, oid) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT false $f$;
CREATE OPERATOR public.= (LEFTARG = oid, RIGHTARG = oid, FUNCTION = public.mg_never);
SET search_path = public, pg_catalog;`;

async function pwned(): Promise<boolean> {
  return (await serverRows<{ n: number }>(`select count(*)::int as n from pg_roles where rolname = '${PWNED_ROLE}'`))[0]!.n > 0;
}

afterAll(async () => {
  await serverRows(`drop role if exists ${PWNED_ROLE}`).catch(() => undefined);
});

for (const engine of ['url', 'local'] as const) {
  describe(`the ${engine} engine cannot be taken over by the migration`, () => {
    it('an operator in public does not run as the superuser lock watcher, and the CONCURRENTLY build is still seen', async () => {
      await requireServer();
      // Rows, so the concurrent build lasts long enough for the watcher's polls to see its lock.
      const base = [mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY, v int);\nINSERT INTO t SELECT g, g FROM generate_series(1, 300000) g;')];
      const review = [mig('0002_hijack', `${HIJACK_GE}\nCREATE INDEX CONCURRENTLY t_v_idx ON t (v);`, null, 'none')];
      const out = await runDryRun({ base, review }, engineOptions(engine));
      const r = out.results.get('0002_hijack')!;
      expect(r.status, r.reason).toBe('passed');
      if (engine === 'url') expect(await pwned()).toBe(false);
      const build = r.statements.find((s) => s.line === 13 || s.locks.some((l) => l.relation === 'public.t'));
      expect(build?.locks.map((l) => l.mode)).toContain('ShareUpdateExclusiveLock');
      expect(await scratchLeftovers()).toEqual([]);
    }, 120_000);

    it('shadowing pg_cancel_backend and pg_terminate_backend does not silence the time limit', async () => {
      await requireServer();
      const base = [mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY);')];
      // Catching query_canceled outlives statement_timeout and pg_cancel_backend: only the
      // watchdog's terminate ends it, and that is what the migration tries to shadow.
      const sql = `${HIJACK_WATCHDOG}\nDO $$ BEGIN LOOP BEGIN PERFORM pg_catalog.pg_sleep(60); EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$;`;
      const started = Date.now();
      // The watchdog's escalation, not the limit's size, is under test: the terminate comes
      // 2.25 s after whatever limit is set.
      const out = await runDryRun({ base, review: [mig('0002_hush', sql, null, 'none')] }, engineOptions(engine, { statementTimeoutMs: 1000, totalTimeoutMs: 60_000 }));
      const r = out.results.get('0002_hush')!;
      expect(r.status).toBe('failed');
      expect(r.timedOut).toBe(true);
      // Liveness, not speed: without the fix the run never ends.
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(await scratchLeftovers()).toEqual([]);
    }, 120_000);

    it('shadowing = in the migration\'s own session does not hide a rewrite', async () => {
      await requireServer();
      const base = [mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY, v int);')];
      const review = [mig('0002_hide', `${HIJACK_EQ}\nALTER TABLE t ALTER COLUMN v TYPE bigint;`)];
      const out = await runDryRun({ base, review }, engineOptions(engine));
      const r = out.results.get('0002_hide')!;
      expect(r.status, r.reason).toBe('passed');
      const merged = mergeDryRun(report, r);
      expect(merged.findings.map((f) => f.rule)).toContain('observed-rewrite');
      expect(await scratchLeftovers()).toEqual([]);
    }, 120_000);
  });
}

describe('PGlite observations cannot be shadowed either', () => {
  it('shadowing = does not hide a rewrite', async () => {
    const base = [mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY, v int);')];
    const review = [mig('0002_hide', `${HIJACK_EQ}\nALTER TABLE t ALTER COLUMN v TYPE bigint;`)];
    const out = await runDryRun({ base, review }, options('pglite'));
    const r = out.results.get('0002_hide')!;
    expect(r.status, r.reason).toBe('passed');
    expect(mergeDryRun(report, r).findings.map((f) => f.rule)).toContain('observed-rewrite');
  }, 120_000);
});

describe('a dry-run that could not observe a migration is a finding, never a pass', () => {
  const dynamicAlter = "DO $$ BEGIN EXECUTE 'ALTER TABLE t ALTER COLUMN v TYPE ' || 'bigint'; END $$;";

  it('PGlite: a migration that breaks a function the probes call is reported, and the next one is not passed', async () => {
    const base = [mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY, v int);')];
    const review = [
      mig('0002_sabotage', 'ALTER FUNCTION pg_catalog.set_config(text, text, boolean) RENAME TO mg_gone;'),
      mig('0003_dynamic', dynamicAlter),
    ];
    const out = await runDryRun({ base, review }, options('pglite'));
    const first = out.results.get('0002_sabotage')!;
    expect(first.status).toBe('failed');
    expect(first.unobserved).toMatch(/set_config/);
    const merged = mergeDryRun(report, first);
    expect(merged.findings.map((f) => f.rule)).toContain('dry-run-unobserved');
    expect(merged.risk).toBe('DANGEROUS');
    expect(out.results.get('0003_dynamic')!.status).not.toBe('passed');
  }, 120_000);

  it('url: a migration that sets statement_timeout to 1 ms does not cancel the dry-run\'s own queries', async () => {
    await requireServer();
    const base = [mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY, v int);')];
    const review = [mig('0002_timeout', 'SET statement_timeout = 1;', null, 'none'), mig('0003_dynamic', dynamicAlter, null, 'none')];
    const out = await runDryRun({ base, review }, options('url'));
    const dynamic = out.results.get('0003_dynamic')!;
    expect(dynamic.status, dynamic.reason).toBe('passed');
    expect(mergeDryRun(report, dynamic).findings.map((f) => f.rule)).toContain('observed-rewrite');
    expect(await scratchLeftovers()).toEqual([]);
  }, 120_000);

  it('an engine that cannot start leaves every reviewed migration unobserved (fail closed)', async () => {
    const review = [mig('0002_x', 'SELECT 1;')];
    const out = await runDryRun({ base: [], review }, options('url', { databaseUrl: 'postgres://postgres@127.0.0.1:1/postgres' }));
    const r = out.results.get('0002_x')!;
    expect(r.unobserved).toMatch(/engine failed/);
    expect(mergeDryRun(report, r).findings.map((f) => f.rule)).toContain('dry-run-unobserved');
  }, 60_000);
});
