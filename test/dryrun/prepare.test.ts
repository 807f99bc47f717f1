// PgliteProvider.prepare(): on a cache without the fresh image it starts initdb ahead, in its
// worker thread. The first sandbox opened from nothing is that engine (extensions loaded from
// the fresh image it saved), one prepared and never taken is stopped by dispose() without
// waiting for initdb, and a cache that has the fresh image starts nothing ahead.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageCache } from '../../src/dryrun/cache.js';
import { PgliteProvider, freshKey } from '../../src/dryrun/engines/pglite.js';
import { baseKey } from '../../src/dryrun/run.js';
import { mig, ready } from './helpers.js';

await ready();

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'mg-prepare-'));
  dirs.push(d);
  return d;
}

/** This process' threads (Linux): a PGlite engine is a worker thread of its own. */
function threads(): number {
  return readdirSync('/proc/self/task').length;
}

/** Waits until the thread count is back to `n` (a terminated worker's thread is joined soon after). */
async function threadsBackTo(n: number): Promise<number> {
  for (let i = 0; i < 100 && threads() > n; i++) await new Promise((r) => setTimeout(r, 20));
  return threads();
}

const KEY = baseKey([mig('0001_t', 'CREATE TABLE t (id int);')]);

describe('PgliteProvider.prepare', () => {
  it('the first sandbox opened from nothing is the engine it started, and the fresh image is saved', async () => {
    const dir = scratch();
    const provider = new PgliteProvider(new ImageCache(dir));
    provider.prepare();
    try {
      const { sandbox, fromCache } = await provider.open(KEY);
      expect(fromCache).toBe(false);
      await sandbox.exec('CREATE TABLE t (id int)', 10_000);
      expect(await sandbox.query<{ n: number }>('select count(*)::int as n from public.t')).toEqual([{ n: 0 }]);
      await sandbox.close();
      expect(readdirSync(dir).sort()).toEqual([`${freshKey()}.json`, `${freshKey()}.tar`]);
    } finally {
      await provider.dispose();
    }
  }, 120_000);

  it('a sandbox with extensions starts from the fresh image the prepared engine saved', async () => {
    const dir = scratch();
    const provider = new PgliteProvider(new ImageCache(dir));
    provider.prepare();
    try {
      const { sandbox, fromCache } = await provider.open(KEY, ['pgcrypto']);
      expect(fromCache).toBe(false);
      await sandbox.exec('CREATE EXTENSION pgcrypto', 10_000);
      expect(await sandbox.query<{ n: number }>("select length(public.digest('x', 'sha256'))::int as n")).toEqual([{ n: 32 }]);
      await sandbox.close();
    } finally {
      await provider.dispose();
    }
  }, 120_000);

  it('dispose() stops a prepared engine no sandbox took, mid-start, and leaves nothing behind', async () => {
    const dir = scratch();
    const before = threads();
    const provider = new PgliteProvider(new ImageCache(dir));
    provider.prepare();
    // Let the worker begin its start.
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    await provider.dispose();
    // initdb takes seconds of CPU; stopping it does not wait for it.
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(await threadsBackTo(before)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 60_000);

  it('stops the prepared engine when the base turns out to be saved (the fresh image alone had gone)', async () => {
    const dir = scratch();
    const first = new PgliteProvider(new ImageCache(dir));
    const made = await first.open(KEY);
    await made.sandbox.exec('CREATE TABLE t (id int)', 10_000);
    await first.save(made.sandbox, KEY, { status: 'ok', applied: 1 });
    await made.sandbox.close();
    await first.dispose();
    for (const f of readdirSync(dir)) if (f.startsWith(freshKey())) rmSync(path.join(dir, f));
    const before = threads();
    const provider = new PgliteProvider(new ImageCache(dir));
    provider.prepare();
    try {
      for (let i = 0; i < 100 && threads() === before; i++) await new Promise((r) => setTimeout(r, 20));
      expect(threads()).toBeGreaterThan(before);
      const { sandbox, fromCache } = await provider.open(KEY);
      expect(fromCache).toBe(true);
      expect(await sandbox.query<{ n: number }>('select count(*)::int as n from public.t')).toEqual([{ n: 0 }]);
      await sandbox.close();
      // Both engines gone before dispose(): the sandbox's, and the prepared one.
      expect(await threadsBackTo(before)).toBe(before);
    } finally {
      await provider.dispose();
    }
  }, 120_000);

  it('starts nothing ahead when the cache has the fresh image', async () => {
    const dir = scratch();
    const first = new PgliteProvider(new ImageCache(dir));
    const { sandbox } = await first.open(KEY);
    await sandbox.close();
    await first.dispose();
    expect(readdirSync(dir)).toContain(`${freshKey()}.tar`);
    const before = threads();
    const provider = new PgliteProvider(new ImageCache(dir));
    provider.prepare();
    await new Promise((r) => setTimeout(r, 100));
    expect(threads()).toBe(before);
    await provider.dispose();
  }, 120_000);
});
