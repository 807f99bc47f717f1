// The table a migration runner keeps its records in exists wherever the migrations ran; the
// dry-run makes the ones the migrations name (src/dryrun/runner-tables.ts).
import { describe, expect, it } from 'vitest';
import { runDryRun } from '../../src/dryrun/index.js';
import { runnerTablesSql } from '../../src/dryrun/runner-tables.js';
import type { LayoutName } from '../../src/core/types.js';
import { mig, options, ready } from './helpers.js';

await ready();

function in_(layout: LayoutName, m: ReturnType<typeof mig>): ReturnType<typeof mig> {
  return { ...m, migration: { ...m.migration, layout } };
}

// lemmy's 2025-08-01-000017_forbid_diesel_cli: with it in the history, every later dry-run and
// plan verification stopped at 'relation "__diesel_schema_migrations" does not exist'.
const FORBID = `CREATE FUNCTION forbid_diesel_cli() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_locks WHERE (locktype, pid, objid) = ('advisory', pg_backend_pid(), 0)) THEN
    RAISE 'migrations must be managed using lemmy_server instead of diesel CLI';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER forbid_diesel_cli BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON __diesel_schema_migrations
  EXECUTE FUNCTION forbid_diesel_cli();`;

describe('runner tables', () => {
  it('a history that puts a trigger on diesel\'s table replays, and the review after it runs', async () => {
    const base = [in_('directory-pairs', mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY);')), in_('directory-pairs', mig('0002_forbid', FORBID))];
    const review = [in_('directory-pairs', mig('0003_x', 'ALTER TABLE t ADD COLUMN x int;', 'ALTER TABLE t DROP COLUMN x;'))];
    const out = await runDryRun({ base, review }, options('pglite'));
    expect(out.base.status).toBe('ok');
    expect(out.results.get('0003_x')).toMatchObject({ status: 'passed', rollback: { status: 'exact' } });
  }, 120_000);

  it('only the tables the migrations name and do not create, in their runner\'s shape', () => {
    const named = (layout: LayoutName, up: string) => runnerTablesSql([in_(layout, mig('0001_a', up))]);
    expect(named('golang-migrate', 'SELECT 1;')).toEqual([]);
    expect(named('golang-migrate', 'UPDATE schema_migrations SET dirty = false;')).toEqual([expect.stringContaining('dirty boolean')]);
    expect(named('dbmate', 'DELETE FROM "schema_migrations" WHERE version = \'1\';')).toEqual([expect.stringContaining('varchar(128)')]);
    expect(named('golang-migrate', 'CREATE TABLE schema_migrations (version bigint);\nSELECT * FROM schema_migrations;')).toEqual([]);
    // A longer name that holds the runner's is not its table (whole words only).
    expect(named('golang-migrate', 'SELECT * FROM my_schema_migrations_copy;')).toEqual([]);
    expect(named('plain', 'SELECT count(*) FROM _sqlx_migrations;')).toEqual([expect.stringContaining('CREATE TABLE IF NOT EXISTS _sqlx_migrations')]);
  });
});
