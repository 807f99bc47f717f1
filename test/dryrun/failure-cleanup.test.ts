// A dry-run that fails leaves nothing behind: every sandbox it opened is closed (on every
// engine, counted through the provider), and once the provider is disposed no scratch database
// or role (url), temporary cluster directory or postgres process (local) is left. The failure
// paths: a base history that fails, a base from the whole-schema file that fails too, a
// migration that fails and the ones it stops, a rollback of a migration replayed as history that
// fails inside its rolled-back transaction, a rollback that fails half-way (the database is
// rebuilt), and the total time limit reached while the base is applied.
//
// pglite and url run every path. The local engine is the url engine's sandboxes (UrlProvider)
// inside a temporary cluster of its own, so what a failure path does to sandboxes and scratch
// databases there is the url case's; what local adds is the cluster, stopped and deleted when
// the provider is disposed. It runs the two paths that can reach the cluster differently: the
// time limit (it may strike while the cluster starts, before any base) and the rebuild after a
// half-failed rollback (a second sandbox in the same cluster). Each starts a cluster (a
// process tree and an initdb), which is most of this file's time on a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDryRun, type DryRunMigration, type DryRunOutput } from '../../src/dryrun/index.js';
import { makeProvider } from '../../src/dryrun/run.js';
import { parseScratchName } from '../../src/dryrun/engines/url.js';
import type { SandboxProvider } from '../../src/dryrun/sandbox.js';
import { mig, options, ready, requireServer, scratchLeftovers } from './helpers.js';

await ready();

/** The provider, with a count of the sandboxes it opened that are not closed yet. */
function counted(inner: SandboxProvider): { provider: SandboxProvider; open: () => number } {
  let open = 0;
  const wrap = <T extends { sandbox: { close(): Promise<void> } }>(o: T): T => {
    open += 1;
    const close = o.sandbox.close.bind(o.sandbox);
    let closed = false;
    o.sandbox.close = async () => {
      if (!closed) open -= 1;
      closed = true;
      await close();
    };
    return o;
  };
  const provider: SandboxProvider = {
    engine: inner.engine,
    open: async (key, extensions) => wrap(await inner.open(key, extensions)),
    save: (sandbox, key, meta) => inner.save(sandbox, key, meta),
    dispose: () => inner.dispose(),
    ...(inner.openSaved ? { openSaved: async (key: string, ext?: readonly string[]) => { const o = await inner.openSaved!(key, ext); return o ? wrap(o) : null; } } : {}),
  };
  return { provider, open: () => open };
}

/** Temporary clusters of this process, and postgres processes whose data directory is gone. */
function localLeftovers(): string[] {
  const mine = [...new Set([tmpdir(), '/tmp'])].flatMap((root) =>
    readdirSync(root).filter((n) => n.startsWith('mg-pg-')).map((n) => join(root, n)).filter((d) => {
      try {
        return (JSON.parse(readFileSync(join(d, 'mg-owner.json'), 'utf8')) as { pid: number }).pid === process.pid;
      } catch {
        return false;
      }
    }));
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout.split('\n');
  const orphans = ps.filter((l) => /mg-pg-/.test(l)).filter((l) => {
    const dir = /(\/\S*mg-pg-[^/\s]+)/.exec(l)?.[1];
    return dir !== undefined && !existsSync(dir);
  });
  return [...mine, ...orphans];
}

const T = mig('0001_t', 'CREATE TABLE t (id int PRIMARY KEY, x int);\nINSERT INTO t SELECT g, g FROM generate_series(1, 20) g;');
const CASES: Record<string, { base: DryRunMigration[]; review: DryRunMigration[]; snapshotBase?: DryRunMigration[]; totalTimeoutMs?: number; local?: true; expect: (o: DryRunOutput) => void }> = {
  'the base history fails': {
    base: [T, mig('0002_broken', 'ALTER TABLE nope ADD COLUMN y int;')],
    review: [mig('0003_new', 'ALTER TABLE t ADD COLUMN z int;')],
    expect: (o) => expect(o.results.get('0003_new')).toMatchObject({ status: 'base-failed', unobserved: expect.stringMatching(/0002_broken/) }),
  },
  'the base from the whole schema fails too': {
    base: [mig('0002_assumes', 'ALTER TABLE t ADD COLUMN y int;')],
    snapshotBase: [mig('LATEST', 'CREATE TABLE t (id int);\nCREATE TABLE t (id int);', null, 'none')],
    review: [mig('0003_new', 'ALTER TABLE t ADD COLUMN z int;')],
    expect: (o) => expect(o.results.get('0003_new')?.status).toBe('base-failed'),
  },
  'a migration fails and stops the ones after it': {
    base: [T],
    review: [mig('0002_fails', 'ALTER TABLE t ADD COLUMN y int;\nALTER TABLE t ALTER COLUMN x SET NOT NULL;\nUPDATE t SET y = 1 / 0;'), mig('0003_after', 'ALTER TABLE t ADD COLUMN z int;')],
    expect: (o) => {
      expect(o.results.get('0002_fails')?.status).toBe('failed');
      expect(o.results.get('0003_after')?.unobserved).toMatch(/0002_fails/);
    },
  },
  'the new rollback of a migration replayed as history fails': {
    base: [T, { ...mig('0002_u', 'CREATE TABLE u (id int);', 'DROP TABLE u;\nDROP TABLE nope;'), migration: { ...mig('0002_u', 'CREATE TABLE u (id int);', 'DROP TABLE u;\nDROP TABLE nope;').migration, historyFollows: true } }, mig('0003_v', 'CREATE TABLE v (id int);')],
    review: [mig('0004_new', 'ALTER TABLE u ADD COLUMN z int;')],
    expect: (o) => {
      expect(o.base.historyRollbacks?.['0002_u']?.rollback?.status).toBe('failed');
      // Rolled back: the history after it found u, and so did the migration under review.
      expect(o.results.get('0004_new')?.status).toBe('passed');
    },
  },
  'a rollback fails half-way and the database is rebuilt': {
    base: [T],
    local: true,
    review: [mig('0002_half', 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);', 'DROP TABLE a;\nDROP TABLE nope;', 'none'), mig('0003_after', 'ALTER TABLE t ADD COLUMN z int;')],
    expect: (o) => {
      expect(o.results.get('0002_half')?.rollback?.status).toBe('failed');
      expect(o.results.get('0003_after')?.status).toBe('passed');
    },
  },
  'the total time limit is reached while the base is applied': {
    base: [T, mig('0002_slow', 'SELECT pg_sleep(5);')],
    review: [mig('0003_new', 'ALTER TABLE t ADD COLUMN z int;')],
    totalTimeoutMs: 1500,
    local: true,
    // Where the limit strikes depends on how long the engine took to start: before the base (the
    // total limit), or in 0002's statement, cancelled by the statement timeout or the time left.
    expect: (o) => expect(o.results.get('0003_new')).toMatchObject({ status: 'base-failed', unobserved: expect.stringMatching(/total time limit|0002_slow.*(statement timeout|dry-run time limit)/) }),
  },
};

for (const engine of ['pglite', 'url', 'local'] as const) {
  describe(`a failed dry-run on ${engine} leaves nothing behind`, () => {
    beforeAll(async () => {
      if (engine !== 'pglite') await requireServer();
    });
    for (const [name, c] of Object.entries(CASES)) {
      if (engine === 'local' && !c.local) continue;
      it(name, async () => {
        const { provider, open } = counted(makeProvider(options(engine)));
        try {
          const out = await runDryRun(
            { base: c.base, review: c.review, ...(c.snapshotBase ? { snapshotBase: c.snapshotBase } : {}) },
            // No disk cache: each case builds its own base, so the failure paths run.
            options(engine, { provider, cacheDir: null, statementTimeoutMs: 10_000, ...(c.totalTimeoutMs ? { totalTimeoutMs: c.totalTimeoutMs } : {}) }),
          );
          c.expect(out);
          expect(open()).toBe(0);
        } finally {
          await provider.dispose();
        }
        // This process's own: killed.test.ts leaves an orphan of a SIGKILLed child for the next sweep.
        if (engine === 'url') expect((await scratchLeftovers()).filter((n) => parseScratchName(n)?.pid === process.pid)).toEqual([]);
        if (engine === 'local') expect(localLeftovers()).toEqual([]);
      }, 120_000);
    }
  });
}
