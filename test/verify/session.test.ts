// One review's verifiers share an engine and its images (src/verify/session.ts), yet each
// verification still starts from a clean copy; the dry-run's observer reads the database the
// verifiers would otherwise build again, and only while it is that database.
import { beforeAll, describe, expect, it } from 'vitest';
import { runDryRun, takeSnapshot, type DryRunMigration } from '../../src/dryrun/index.js';
import { VerifySession } from '../../src/verify/index.js';
import { mig, options, ready, TEST_CACHE_DIR } from '../dryrun/helpers.js';

const LIMITS = () => ({ statementTimeoutMs: 10_000, deadline: Date.now() + 120_000 });
let BASE: DryRunMigration[];
let REVIEW: DryRunMigration[];
beforeAll(async () => {
  await ready();
  BASE = [mig('0001_base', 'CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL); CREATE TABLE u (id int PRIMARY KEY, t_id int REFERENCES t(id));')];
  REVIEW = [mig('0002_add', 'ALTER TABLE t ADD COLUMN note text;', 'ALTER TABLE t DROP COLUMN note;'), mig('0003_idx', 'CREATE INDEX t_note_idx ON t (note);')];
});

describe('VerifySession', () => {
  it('opens the seeded base again with the same rows, and no verification sees another one\'s changes', async () => {
    // Every image saved, however cheap its seeding (a base this small seeds in less CPU than an
    // image is worth in production): the second open must come from the saved seeded image.
    const session = new VerifySession({ engine: 'pglite', cacheDir: TEST_CACHE_DIR, saveWorthCpuMs: 0 });
    try {
      const input = { base: BASE, review: REVIEW };
      const first = await session.openSeeded(input, LIMITS(), 30);
      if ('reason' in first) throw new Error(first.reason);
      expect(first.seed.tables.sort()).toEqual(['public.t', 'public.u']);
      await first.sandbox.exec('DROP TABLE u', 10_000);
      await first.sandbox.close();

      const second = await session.openSeeded(input, LIMITS(), 30);
      if ('reason' in second) throw new Error(second.reason);
      try {
        expect(second.fromImage).toBe(true);
        expect(second.seed).toEqual(first.seed);
        const rows = await second.sandbox.query<{ t: string; u: string }>('select (select count(*) from public.t)::text as t, (select count(*) from public.u)::text as u');
        expect(rows[0]).toEqual({ t: '30', u: '30' });
      } finally {
        await second.sandbox.close();
      }
    } finally {
      await session.dispose();
    }
  }, 120_000);

  it('works out once whether the migrations fail on the seeded rows', async () => {
    const session = new VerifySession({ engine: 'pglite', cacheDir: TEST_CACHE_DIR });
    try {
      const input = { base: BASE, review: [mig('0002_nn', 'ALTER TABLE t ADD COLUMN flags int NOT NULL;')] };
      const a = session.originalFailsWithRows(input, LIMITS(), 10);
      expect(session.originalFailsWithRows(input, LIMITS(), 10)).toBe(a);
      expect(await a).toMatch(/with the seeded rows, at db\/0002_nn\.up\.sql:1: column "flags" of relation "t" contains null values/);
    } finally {
      await session.dispose();
    }
  }, 120_000);
});

describe('the dry-run observer', () => {
  it('reads before each migration and after the last; the schema after is what the migrations produce on a fresh base', async () => {
    const session = new VerifySession({ engine: 'pglite', cacheDir: TEST_CACHE_DIR });
    try {
      const seen: string[] = [];
      let after: Map<string, string> | undefined;
      const r = await runDryRun({ base: BASE, review: REVIEW }, {
        ...options('pglite'),
        provider: session.provider,
        observe: {
          before: async (db, m) => {
            const cols = await db.query<{ n: string }>(`select count(*)::text as n from pg_attribute where attrelid = 'public.t'::regclass and attnum > 0 and not attisdropped`);
            seen.push(`${m.migration.id}:${cols[0]!.n}`);
          },
          after: async (db) => { after = await takeSnapshot(db); },
        },
      });
      expect([...r.results.values()].map((x) => x.status)).toEqual(['passed', 'passed']);
      expect(seen).toEqual(['0002_add:2', '0003_idx:3']);
      const expected = await session.expectedSchema({ base: BASE, review: REVIEW }, LIMITS());
      expect(after).toEqual(expected);
    } finally {
      await session.dispose();
    }
  }, 120_000);

  it('stops reading once a rollback leaves the schema changed, or a migration fails', async () => {
    const seen: string[] = [];
    let afterCalled = false;
    const observe = {
      before: async (_db: unknown, m: { migration: { id: string } }) => { seen.push(m.migration.id); },
      after: async () => { afterCalled = true; },
    };
    const leaky = [mig('0002_add', 'ALTER TABLE t ADD COLUMN note text; CREATE INDEX t_name_idx ON t (name);', 'ALTER TABLE t DROP COLUMN note;'), mig('0003_more', 'ALTER TABLE t ADD COLUMN more text;')];
    const run = await runDryRun({ base: BASE, review: leaky }, { ...options('pglite'), observe });
    // The migration passed; its rollback left the index behind.
    expect(run.results.get('0002_add')).toMatchObject({ status: 'passed', rollback: { status: 'incomplete' } });
    expect(seen).toEqual(['0002_add']);
    expect(afterCalled).toBe(false);

    seen.length = 0;
    const failing = [mig('0002_bad', 'ALTER TABLE nope ADD COLUMN x int;'), mig('0003_more', 'ALTER TABLE t ADD COLUMN more text;')];
    await runDryRun({ base: BASE, review: failing }, { ...options('pglite'), observe });
    expect(seen).toEqual(['0002_bad']);
    expect(afterCalled).toBe(false);
  }, 120_000);
});
