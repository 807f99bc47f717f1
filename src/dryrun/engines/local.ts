// A temporary cluster started from Postgres binaries, for an exact server version: initdb in
// a temp dir, a postmaster on a free port, then the same scratch database and role as the url
// backend. As root the server runs as the `postgres` OS user (initdb and postgres refuse
// root). The postmaster is started under `setpriv --pdeathsig SIGKILL` when available, so it
// dies with us; a marker file with our pid lets the next run sweep a cluster we could not stop.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, chownSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCleanup } from '../cleanup.js';
import type { Sandbox, SandboxProvider } from '../sandbox.js';
import { UrlProvider } from './url.js';

const DIR_PREFIX = 'mg-pg-';
const MARKER_FILE = 'mg-owner.json';
const START_TIMEOUT_MS = 30_000;

export interface LocalClusterOptions {
  /**
   * Directory with initdb and postgres; default: /usr/lib/postgresql/<targetMajor>/bin when
   * installed, else the newest /usr/lib/postgresql/<v>/bin, else pg_config --bindir.
   */
  binDir?: string;
  /** The Postgres major version the migrations target (pgVersion): its binaries are preferred. */
  targetMajor?: number;
}

/**
 * Finds a directory holding `initdb` and `postgres`: the explicit one, else the installed
 * binaries of the target major version, else the newest installed. The server's version is
 * reported with every dry-run, so a fallback to another major shows in the report.
 */
export function findPgBinDir(explicit?: string, targetMajor?: number, debian = '/usr/lib/postgresql'): string {
  const ok = (d: string) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'postgres'));
  if (explicit) {
    if (ok(explicit)) return explicit;
    throw new Error(`no initdb and postgres in ${explicit} (pgBinDir)`);
  }
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    // The target's own major first: a migration that passes on 18 may fail on 15.
    if (targetMajor !== undefined && versions.includes(String(targetMajor))) versions.unshift(String(targetMajor));
    for (const v of versions) if (ok(join(debian, v, 'bin'))) return join(debian, v, 'bin');
  }
  try {
    const d = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (ok(d)) return d;
  } catch { /* not installed */ }
  throw new Error('the local dry-run engine needs PostgreSQL binaries (initdb, postgres): install them or set pgBinDir');
}

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** The uid/gid to run the server as: ours, or the `postgres` user's when we are root. */
function serverUser(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gidOut = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0 || gidOut.status !== 0) {
    throw new Error('running as root: the local dry-run engine needs a `postgres` OS user to run the server as');
  }
  return { uid: Number(out.stdout.trim()), gid: Number(gidOut.stdout.trim()) };
}

const hasSetpriv = (() => {
  let cached: boolean | undefined;
  return () => (cached ??= spawnSync('setpriv', ['--version']).status === 0);
})();

/** The command line that runs `argv` as `user`, dying with us where setpriv allows it. */
function asServerUser(argv: string[], user: { uid: number; gid: number } | null, pdeathsig: boolean): { cmd: string; args: string[]; uid?: number; gid?: number } {
  if (hasSetpriv()) {
    const args: string[] = [];
    if (user) args.push(`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups');
    if (pdeathsig) args.push('--pdeathsig', 'SIGKILL');
    return { cmd: 'setpriv', args: [...args, '--', ...argv] };
  }
  return { cmd: argv[0]!, args: argv.slice(1), ...(user ? { uid: user.uid, gid: user.gid } : {}) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Where clusters live: the temp dir, unless its path is too long for the server's unix socket. */
function clusterRoot(): string {
  return tmpdir().length < 40 ? tmpdir() : '/tmp';
}

function killPostmaster(dataDir: string): void {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0 && pidAlive(pid)) process.kill(pid, 'SIGKILL');
  } catch { /* not running */ }
}

/**
 * Removes temporary clusters whose owner process is gone: kills a postmaster still running
 * from one and deletes the directory. Returns the directories removed.
 */
export function sweepStaleClusters(root?: string): string[] {
  const removed: string[] = [];
  // startCluster puts clusters under /tmp when the temp dir's path is too long for a socket.
  const roots = root !== undefined ? [root] : [...new Set([tmpdir(), '/tmp'])];
  const dirs: string[] = [];
  for (const r of roots) {
    try { dirs.push(...readdirSync(r).filter((n) => n.startsWith(DIR_PREFIX)).map((n) => join(r, n))); } catch { /* no such root */ }
  }
  for (const dir of dirs) {
    let owner = 0;
    try { owner = (JSON.parse(readFileSync(join(dir, MARKER_FILE), 'utf8')) as { pid: number }).pid; } catch { continue; }
    if (owner === process.pid || pidAlive(owner)) continue;
    killPostmaster(join(dir, 'data'));
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

interface Cluster {
  url: string;
  version: string;
  stop: () => Promise<void>;
}

async function startCluster(binDir: string): Promise<Cluster> {
  sweepStaleClusters();
  const user = serverUser();
  // Short path: the unix socket lives here and socket paths over 107 bytes fail.
  const dir = mkdtempSync(join(clusterRoot(), DIR_PREFIX));
  writeFileSync(join(dir, MARKER_FILE), JSON.stringify({ pid: process.pid, started: Date.now() }));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, 'data');
  let child: ReturnType<typeof spawn> | null = null;
  const removeSync = () => {
    if (child?.pid && child.exitCode === null) { try { child.kill('SIGKILL'); } catch { /* gone */ } }
    killPostmaster(dataDir);
    rmSync(dir, { recursive: true, force: true });
  };
  const stop = registerCleanup(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((r) => child!.once('exit', () => r()));
      // SIGINT = fast shutdown; SIGKILL if it takes too long.
      child.kill('SIGINT');
      const t = setTimeout(() => child?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    }
    removeSync();
  }, removeSync);
  try {
    const init = asServerUser([join(binDir, 'initdb'), '-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], user, false);
    const r = spawnSync(init.cmd, init.args, { cwd: dir, encoding: 'utf8', ...(init.uid !== undefined ? { uid: init.uid, gid: init.gid } : {}) });
    if (r.status !== 0) throw new Error(`initdb failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-3).join(' ')}`);
    const port = await freePort();
    const run = asServerUser([join(binDir, 'postgres'), '-D', dataDir, '-p', String(port), '-k', dir,
      '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'], user, true);
    child = spawn(run.cmd, run.args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], ...(run.uid !== undefined ? { uid: run.uid, gid: run.gid } : {}) });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000); });
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const version = await waitReady(url, child, () => stderr);
    return { url, version, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function waitReady(url: string, child: ReturnType<typeof spawn>, stderr: () => string): Promise<string> {
  const pg = (await import('pg')).default;
  const until = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the temporary Postgres server exited: ${stderr().trim().split('\n').slice(-3).join(' ')}`);
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined);
    try {
      await c.connect();
      const r = await c.query<{ v: string }>(`select current_setting('server_version') as v`);
      await c.end();
      return r.rows[0]!.v;
    } catch {
      await c.end().catch(() => undefined);
      if (Date.now() > until) throw new Error(`the temporary Postgres server did not accept connections within ${START_TIMEOUT_MS} ms`);
      await new Promise((res) => setTimeout(res, 50));
    }
  }
}

/** One temporary cluster per provider; each sandbox is a scratch database in it. */
export class LocalProvider implements SandboxProvider {
  readonly engine = 'local' as const;
  private cluster: Promise<Cluster> | null = null;
  private inner: UrlProvider | null = null;
  constructor(private readonly opts: LocalClusterOptions = {}) {}

  async open(baseKey: string): Promise<{ sandbox: Sandbox; fromCache: boolean }> {
    this.cluster ??= startCluster(findPgBinDir(this.opts.binDir, this.opts.targetMajor));
    const c = await this.cluster;
    this.inner ??= new UrlProvider(c.url, 'local');
    return this.inner.open(baseKey);
  }

  async save(): Promise<void> {}

  async dispose(): Promise<void> {
    if (!this.cluster) return;
    const c = await this.cluster.catch(() => null);
    this.cluster = null;
    if (c) await c.stop();
  }
}
