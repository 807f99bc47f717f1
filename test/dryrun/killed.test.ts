// A dry-run killed mid-run leaves nothing behind: SIGTERM cleans up on the way out; after
// SIGKILL the parent-death signal stops the temporary server and the next run's sweep drops
// the rest.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepStale, sweepStaleClusters } from '../../src/dryrun/index.js';
import { requireServer, scratchLeftovers, serverRows, SERVER_URL } from './helpers.js';

const OUT = join(process.cwd(), 'node_modules', '.cache', 'mg-dryrun-test', 'killed-child.mjs');

beforeAll(async () => {
  await requireServer();
  // Bundled so a plain `node` runs it; packages stay external and resolve from node_modules.
  await build({ entryPoints: [join(import.meta.dirname, 'fixtures', 'killed-child.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: OUT, logLevel: 'error' });
}, 60_000);

/** Temporary clusters made by `pid` (other test files may be running local clusters at the same time). */
const clusterDirs = (pid: number) =>
  readdirSync(tmpdir())
    .filter((n) => n.startsWith('mg-pg-'))
    .map((n) => join(tmpdir(), n))
    .filter((d) => {
      try {
        return (JSON.parse(readFileSync(join(d, 'mg-owner.json'), 'utf8')) as { pid: number }).pid === pid;
      } catch {
        return false;
      }
    });

function postgresProcessesIn(dirs: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    const ps = spawn('ps', ['-eo', 'pid,args']);
    let out = '';
    ps.stdout.on('data', (d: Buffer) => (out += d.toString()));
    ps.on('close', () => resolve(out.split('\n').filter((l) => dirs.some((d) => l.includes(d)))));
  });
}

/** Starts the child, waits until its migration runs, sends `signal`, waits for it to exit. */
async function killMidRun(engine: 'url' | 'local', signal: NodeJS.Signals, variant = '', onRunning: (pid: number) => void = () => {}, ready?: () => Promise<boolean>): Promise<number> {
  const child = spawn(process.execPath, [OUT, engine, SERVER_URL, variant], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`child never reached the migration: ${stderr}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('RUNNING')) { clearTimeout(t); onRunning(child.pid!); resolve(); } });
    child.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
  });
  // RUNNING comes once the base is applied; a test about the migration's own statement waits until the server runs it (a busy machine takes longer than 300 ms to get there).
  if (ready) await eventually(ready, (v) => v, 30_000);
  else await new Promise((r) => setTimeout(r, 300));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  child.kill(signal);
  await exited;
  return child.pid!;
}

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a killed dry-run leaves nothing behind', () => {
  it('url, SIGTERM: the scratch database and role are dropped on the way out', async () => {
    await killMidRun('url', 'SIGTERM');
    expect(await eventually(scratchLeftovers, (l) => l.length === 0)).toEqual([]);
  }, 90_000);

  it('url, SIGKILL: the next run\'s sweep drops the orphaned database and role', async () => {
    await killMidRun('url', 'SIGKILL');
    const orphans = await scratchLeftovers();
    expect(orphans.length).toBeGreaterThan(0);
    // The backend of the killed client goes away with its socket; the database stays until swept.
    await eventually(() => sweepStale(SERVER_URL), () => true);
    expect(await eventually(async () => { await sweepStale(SERVER_URL); return scratchLeftovers(); }, (l) => l.length === 0)).toEqual([]);
  }, 90_000);

  it('url, SIGKILL: a migration that rewrote its database\'s comment and is still running is swept all the same', async () => {
    const backends = () => serverRows<{ n: number }>(`select count(*)::int as n from pg_stat_activity where starts_with(usename, 'mg_') and query like '%pg_sleep(120)%'`);
    await killMidRun('url', 'SIGKILL', 'rebrand', undefined, async () => (await backends())[0]!.n > 0);
    const orphans = await scratchLeftovers();
    expect(orphans.length).toBeGreaterThan(0);
    expect((await backends())[0]!.n).toBeGreaterThan(0);
    await sweepStale(SERVER_URL);
    expect(await scratchLeftovers()).toEqual([]);
    expect((await eventually(backends, (r) => r[0]!.n === 0))[0]!.n).toBe(0);
  }, 90_000);

  it('local, SIGTERM: the server is stopped and its directory deleted', async () => {
    let during: string[] = [];
    const pid = await killMidRun('local', 'SIGTERM', '', (p) => { during = clusterDirs(p); });
    expect(during.length).toBe(1);
    expect(clusterDirs(pid)).toEqual([]);
    expect(await postgresProcessesIn(during)).toEqual([]);
  }, 90_000);

  it('local, SIGKILL: the server dies with its parent and the sweep deletes the directory', async () => {
    const pid = await killMidRun('local', 'SIGKILL');
    const left = clusterDirs(pid);
    expect(left.length).toBe(1);
    // setpriv --pdeathsig SIGKILL: the postmaster goes with us, its backends follow it.
    expect(await eventually(() => postgresProcessesIn(left), (p) => p.length === 0)).toEqual([]);
    expect(sweepStaleClusters()).toContain(left[0]);
    expect(existsSync(left[0]!)).toBe(false);
  }, 90_000);
});
