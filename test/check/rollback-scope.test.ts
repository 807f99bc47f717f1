// Known non-problems of the rollback review are not findings, and what the dry-run observed
// outranks the static guess (issue: judge a pull request by what it changes).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(files: Record<string, string>): TempRepo {
  const r = new TempRepo().init().write(files).commit('base');
  repos.push(r);
  return r;
}

const M = 'db/migrations';
const BASE = {
  [`${M}/0001_t.up.sql`]: 'CREATE TABLE t (id bigint PRIMARY KEY, x int);\n',
  [`${M}/0001_t.down.sql`]: 'DROP TABLE t;\n',
  [`${M}/0002_check.up.sql`]: 'ALTER TABLE t ADD CONSTRAINT x_positive CHECK (x > 0) NOT VALID;\n',
  [`${M}/0002_check.down.sql`]: 'ALTER TABLE t DROP CONSTRAINT x_positive;\n',
};

// One repository and one dry-run for the two cases that need the dry-run (a PGlite run each
// otherwise): each case is its own migration, after BASE, and neither touches what the other
// creates, so each one's round trip is what it would be alone.
const VALIDATE = `${M}/0003_validate.up.sql`;
const INDEX = `${M}/0004_index.up.sql`;
const ENUM_VALUE = `${M}/0006_mood_value.up.sql`;
let shared: TempRepo | undefined;
const sharedRuns = new Map<boolean, ReturnType<typeof runCheck>>();
function sharedRun(dryRun: boolean): ReturnType<typeof runCheck> {
  if (!shared) {
    // Held before it is filled, so that afterAll removes it whatever fails.
    shared = new TempRepo();
    shared.init().write({
      ...BASE,
      [VALIDATE]: 'ALTER TABLE t VALIDATE CONSTRAINT x_positive;\n',
      [`${M}/0003_validate.down.sql`]: '-- nothing to undo\n',
      [INDEX]: 'CREATE INDEX CONCURRENTLY t_x ON t (x);\n',
      // Dynamic SQL the static review cannot read; the dry-run runs it.
      [`${M}/0004_index.down.sql`]: "DO $$ BEGIN EXECUTE 'DROP INDEX ' || 't_x'; END $$;\n",
      [`${M}/0005_mood.up.sql`]: "CREATE TYPE mood AS ENUM ('ok', 'meh');\n",
      [`${M}/0005_mood.down.sql`]: 'DROP TYPE mood;\n',
      [ENUM_VALUE]: "ALTER TYPE mood ADD VALUE 'great' BEFORE 'meh';\n",
      [`${M}/0006_mood_value.down.sql`]: '-- Postgres cannot drop an enum value: nothing to undo\n',
    }).commit('base');
  }
  const run = sharedRuns.get(dryRun) ?? runCheck({ files: fsRepoFiles(shared.dir), config: config(), scope: { kind: 'all' }, dryRun });
  sharedRuns.set(dryRun, run);
  return run;
}
afterAll(() => shared?.cleanup());

function rules(result: Awaited<ReturnType<typeof runCheck>>, path: string): string[] {
  return result.report.migrations.find((m) => m.path === path)!.findings.map((f) => f.rule);
}

describe('rollbacks that need no undo', () => {
  // VALIDATE proves what the rows already satisfy; Postgres has no DROP VALUE for an enum.
  it.each([
    ['VALIDATE CONSTRAINT', VALIDATE],
    ['ALTER TYPE ... ADD VALUE', ENUM_VALUE],
  ])('%s with an empty rollback is neither rollback-empty nor, in the dry-run, incomplete', { timeout: 120_000 }, async (_, path) => {
    const result = await sharedRun(true);
    const m = result.report.migrations.find((x) => x.path === path)!;
    expect(m.findings.map((f) => f.rule)).not.toContain('rollback-empty');
    expect(m.dryRun?.rollback?.status).toBe('exact');
    expect(m.findings.map((f) => f.rule)).not.toContain('rollback-incomplete');
    expect(m.findings.map((f) => f.rule)).not.toContain('rollback-reapply-failed');
  });

  it('an up file with no statements needs no rollback, and its empty down file is not rollback-empty', async () => {
    const r = repo({
      ...BASE,
      [`${M}/0003_sqlite_only.up.sql`]: '-- only for sqlite\n',
      [`${M}/0003_sqlite_only.down.sql`]: '',
      [`${M}/0004_validate.up.sql`]: 'ALTER TABLE t VALIDATE CONSTRAINT x_positive;\n',
    });
    const result = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'all' } });
    expect(rules(result, `${M}/0003_sqlite_only.up.sql`)).toEqual([]);
    const validate = result.report.migrations.find((m) => m.path === `${M}/0004_validate.up.sql`)!;
    expect(validate.findings.map((f) => f.rule)).not.toContain('rollback-missing');
    expect(validate.rollback.status).toBe('not-required');
  });

  // chirpstack's delete_lora_cloud_integration deletes rows and has an empty down.sql: no
  // rollback can bring the rows back, so the empty one is the honest one.
  it('an up that only deletes rows needs no rollback: its empty down is not rollback-empty, the loss is still said', async () => {
    const r = repo({
      ...BASE,
      [`${M}/0003_purge.up.sql`]: "DELETE FROM t WHERE x < 0;\n",
      [`${M}/0003_purge.down.sql`]: '',
    });
    const result = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'all' } });
    expect(rules(result, `${M}/0003_purge.up.sql`)).toEqual(['rollback-data-loss']);
  });
});

describe('the static rollback review defers to the dry-run', () => {
  it('drops rollback-mismatch when the round trip is exact', { timeout: 120_000 }, async () => {
    const path = INDEX;
    const staticOnly = await sharedRun(false);
    expect(rules(staticOnly, path)).toContain('rollback-mismatch');
    const observed = await sharedRun(true);
    expect(observed.report.migrations.find((m) => m.path === path)!.dryRun?.rollback?.status).toBe('exact');
    expect(rules(observed, path)).not.toContain('rollback-mismatch');
  });
});
