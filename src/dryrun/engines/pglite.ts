// The default backend: PGlite (Postgres compiled to WebAssembly) in a worker thread. It needs
// nothing installed and is the sandbox for untrusted SQL: it cannot start programs or read
// the host's files. Time limits are enforced from here, because PGlite ignores
// statement_timeout: a request that outlives its limit terminates the worker.
import { Worker } from 'node:worker_threads';
// Baseline WebAssembly code for Postgres (why and measured: core/wasm-tier.ts).
import '../../core/wasm-tier.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DbError, INTROSPECTION_TIMEOUT_MS, ObservationError, SQLSTATE_CANCELED, pinnedScript, toDbError, type Sandbox, type SandboxProvider } from '../sandbox.js';
import type { ImageCache } from '../cache.js';
import { PGLITE_WORKER_SOURCE } from './pglite-worker-source.js';

/** Contrib extensions PGlite ships that real migrations create; [export name, module path]. */
export const PGLITE_EXTENSIONS: ReadonlyArray<readonly [string, string]> = [
  ['pgcrypto', 'pgcrypto'], ['uuid_ossp', 'uuid_ossp'], ['citext', 'citext'], ['hstore', 'hstore'],
  ['pg_trgm', 'pg_trgm'], ['btree_gin', 'btree_gin'], ['btree_gist', 'btree_gist'],
  ['fuzzystrmatch', 'fuzzystrmatch'], ['unaccent', 'unaccent'], ['ltree', 'ltree'],
  ['intarray', 'intarray'], ['cube', 'cube'], ['earthdistance', 'earthdistance'],
  ['tablefunc', 'tablefunc'], ['moddatetime', 'moddatetime'], ['isn', 'isn'], ['seg', 'seg'], ['lo', 'lo'],
  ['pg_stat_statements', 'pg_stat_statements'],
];

/** Start-up of a fresh PGlite runs initdb (seconds); later requests are quick. */
const INIT_TIMEOUT_MS = 120_000;

export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  try {
    const entry = require.resolve('@electric-sql/pglite');
    // entry is <package>/dist/index.cjs; inside our bundle the path has another dist/ before it.
    const pkg = require(join(dirname(dirname(entry)), 'package.json')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

/** SQLSTATE of out_of_memory: what a request stopped at the memory cap reports. */
const SQLSTATE_OUT_OF_MEMORY = '53200';
const DEFAULT_MEMORY_LIMIT_MB = 2048;
const MEMORY_POLL_MS = 100;

/**
 * The memory cap. PGlite keeps the whole database, its temp files and its WebAssembly heap in
 * this process, and a query that never returns (generate_series(1, 1e9)) cannot be asked how
 * big it got: its worker is busy. So the main thread watches the process' resident memory
 * while any request runs and, past a request's limit, stops the worker of the longest-running
 * one (the likeliest culprit; the others keep going). Worker heap limits would not help: they
 * do not cover WebAssembly memory or array buffers.
 */
const inFlight = new Set<{ started: number; limitBytes: number; stop: (err: DbError) => void }>();
let memoryTimer: NodeJS.Timeout | null = null;

function watchMemory(): void {
  if (memoryTimer) return;
  memoryTimer = setInterval(() => {
    if (inFlight.size === 0) {
      clearInterval(memoryTimer!);
      memoryTimer = null;
      return;
    }
    const rss = process.memoryUsage.rss();
    const over = [...inFlight].filter((r) => rss > r.limitBytes).sort((a, b) => a.started - b.started)[0];
    if (!over) return;
    inFlight.delete(over);
    over.stop(new DbError({
      sqlstate: SQLSTATE_OUT_OF_MEMORY,
      message: `the dry-run engine was stopped at its memory cap: the process reached ${Math.round(rss / 2 ** 20)} MB, over the limit of ${Math.round(over.limitBytes / 2 ** 20)} MB (dryRun.memoryLimitMb)`,
    }));
  }, MEMORY_POLL_MS);
  memoryTimer.unref();
}

interface Reply { id: number; ok: boolean; error?: { code?: string; message: string; position?: number }; rows?: unknown[]; version?: string; data?: ArrayBuffer; sparseCopies?: number }

/** One PGlite in one worker thread; every request carries its own time limit. */
class PgliteWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  dead = false;

  constructor(private readonly limitBytes: number) {
    this.worker = new Worker(PGLITE_WORKER_SOURCE, {
      eval: true,
      workerData: { resolveFrom: fileURLToPath(import.meta.url) },
    });
    this.worker.on('message', (r: Reply) => {
      const p = this.pending.get(r.id);
      if (p) { this.pending.delete(r.id); p.resolve(r); }
    });
    this.worker.on('error', (e) => this.fail(new DbError({ sqlstate: 'XX000', message: `PGlite worker crashed: ${e.message}` })));
    this.worker.on('exit', () => this.fail(new DbError({ sqlstate: 'XX000', message: 'PGlite worker exited' })));
  }

  private fail(err: Error): void {
    this.dead = true;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  request(msg: Record<string, unknown>, timeoutMs: number, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (this.dead) return Promise.reject(new DbError({ sqlstate: 'XX000', message: 'the PGlite engine was stopped after an earlier time-out' }));
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      // PGlite cannot cancel a running query; ending the thread is the only way to stop it.
      const stop = (err: DbError) => {
        clearTimeout(timer);
        inFlight.delete(watch);
        this.pending.delete(id);
        this.dead = true;
        void this.worker.terminate();
        reject(err);
      };
      const timer = setTimeout(() => {
        stop(new DbError({ sqlstate: SQLSTATE_CANCELED, message: `canceling statement due to the dry-run time limit (${timeoutMs} ms); the PGlite engine was stopped` }));
      }, timeoutMs);
      const watch = { started: performance.now(), limitBytes: this.limitBytes, stop };
      inFlight.add(watch);
      watchMemory();
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          inFlight.delete(watch);
          if (r.ok) resolve(r);
          else reject(toDbError(r.error));
        },
        reject: (e) => { clearTimeout(timer); inFlight.delete(watch); reject(e); },
      });
      this.worker.postMessage({ ...msg, id }, transfer);
    });
  }

  async terminate(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

export class PgliteSandbox implements Sandbox {
  readonly engine = 'pglite' as const;
  /**
   * `initdbHeapCopies`: on a cold start (initdb), how many of its heap copies were kept sparse
   * (worker source, sparseInitdbHeaps); 0 means PGlite took none the way it did when measured,
   * and a cold start costs its full memory again. Absent when started from an image.
   */
  constructor(private readonly w: PgliteWorker, readonly serverVersion: string, readonly initdbHeapCopies?: number) {}
  get alive(): boolean { return !this.w.dead; }
  async exec(sql: string, timeoutMs: number): Promise<void> {
    await this.w.request({ type: 'exec', sql }, timeoutMs);
  }
  async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
    try {
      const r = await this.w.request({ type: 'script', sql: pinnedScript(sql, params) }, INTROSPECTION_TIMEOUT_MS);
      return (r.rows ?? []) as T[];
    } catch (e) {
      throw new ObservationError('an introspection query of the dry-run', toDbError(e));
    }
  }
  async dump(): Promise<ArrayBuffer> {
    const r = await this.w.request({ type: 'dump' }, INIT_TIMEOUT_MS);
    return r.data!;
  }
  async close(): Promise<void> {
    // A PGlite opened from a saved data dir keeps Node alive until close(); terminating the
    // thread ends it either way.
    try { if (!this.w.dead) await this.w.request({ type: 'close' }, 10_000); } catch { /* terminated below */ }
    await this.w.terminate().catch(() => undefined);
  }
}

/**
 * The contrib extensions the migrations create, as PGlite module names. Loading one costs
 * start-up time (all of them: ~5 s instead of ~0.7 s), so only these are loaded.
 */
export function pgliteExtensionsFor(extnames: Iterable<string>): Array<readonly [string, string]> {
  const wanted = new Set([...extnames].map((n) => n.toLowerCase().replace(/-/g, '_')));
  return PGLITE_EXTENSIONS.filter(([name]) => wanted.has(name));
}

/**
 * Settings every PGlite sandbox starts with. shared_buffers: Postgres' 128 MB default is
 * memory this process keeps for each engine, and a dry-run's tables are small (measured: 16 MB
 * saves ~55 MB of RSS per engine and no time). The data directory lives in memory, where no
 * page write can be torn, so full-page images in the WAL buy nothing, and new WAL segments
 * need no zero-filling.
 */
const START_PARAMS: readonly string[] = ['-c', 'shared_buffers=16MB', '-c', 'full_page_writes=off', '-c', 'wal_init_zero=off'];
/**
 * initdb: 1 MB WAL segments and at most two kept, so a saved image holds ~2 MB of WAL, not 16
 * or 80. initdb's own Postgres runs take its -c settings too: with the 128 MB shared_buffers
 * default they grow initdb's heap past its start (measured: ~40 MB more peak RSS); the
 * engines start with START_PARAMS' value whatever postgresql.conf says.
 */
const INITDB_PARAMS: readonly string[] = ['--wal-segsize=1', '-c', 'min_wal_size=2MB', '-c', 'shared_buffers=16MB'];

/**
 * PGlite's WebAssembly, compiled once per process and handed to every worker: V8 shares the
 * compiled code between the threads of a process, so only the first engine pays for compiling
 * the functions it runs (measured: an engine's start and first queries take about half the
 * CPU time when another one ran before it). Null when the files cannot be read: each worker
 * then compiles its own, as PGlite does by default.
 */
let compiled: Promise<{ pglite: WebAssembly.Module; initdb: WebAssembly.Module } | null> | null = null;
function wasmModules(): Promise<{ pglite: WebAssembly.Module; initdb: WebAssembly.Module } | null> {
  compiled ??= (async () => {
    try {
      const dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
      const [pglite, initdb] = await Promise.all(['pglite.wasm', 'initdb.wasm'].map(async (f) => WebAssembly.compile(await readFile(join(dir, f)))));
      return { pglite: pglite!, initdb: initdb! };
    } catch {
      return null;
    }
  })();
  return compiled;
}

/**
 * A PGlite in a new worker, from `image` (a saved data directory) or from initdb. The image's
 * buffer is transferred to the worker, which keeps its files in it: a buffer the cache still
 * holds (`owned` false) is copied first.
 */
async function startPglite(
  image: { data: ArrayBuffer; owned: boolean } | null,
  limitBytes: number,
  extensions: ReadonlyArray<readonly [string, string]> = [],
  started: (w: PgliteWorker) => void = () => {},
): Promise<PgliteSandbox> {
  const modules = await wasmModules();
  const w = new PgliteWorker(limitBytes);
  started(w);
  try {
    const data = image ? (image.owned ? image.data : image.data.slice(0)) : undefined;
    const r = await w.request({
      type: 'init', extensions, startParams: START_PARAMS, initDbParams: INITDB_PARAMS,
      ...(modules ? { wasmModule: modules.pglite, initdbModule: modules.initdb } : {}),
      ...(data ? { dataDir: data } : {}),
    }, INIT_TIMEOUT_MS, data ? [data] : []);
    return new PgliteSandbox(w, r.version ?? 'unknown', r.sparseCopies);
  } catch (e) {
    await w.terminate().catch(() => undefined);
    throw e;
  }
}

/** Key of the image of a freshly initialised PGlite (no migrations applied), in this module's layout. */
export function freshKey(): string {
  return `pglite-${pgliteVersion()}-fresh-2`;
}

/**
 * Opens PGlite sandboxes from saved data directories: the base snapshot when one is cached,
 * else the fresh image (initdb runs at most once per process and cache dir).
 */
export class PgliteProvider implements SandboxProvider {
  readonly engine = 'pglite' as const;
  private readonly limitBytes: number;
  /**
   * The engine prepare() started: initdb's, with no extensions loaded, for the first fresh()
   * sandbox; `worker` lets dispose() stop it mid-start when no one took it.
   */
  private spare: { sandbox: Promise<PgliteSandbox | null>; worker: PgliteWorker | null } | null = null;
  constructor(private readonly cache: ImageCache, memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB) {
    this.limitBytes = memoryLimitMb * 2 ** 20;
  }

  /**
   * On a cache without the fresh image, starts initdb now, in its worker thread, so that it
   * runs while the caller still parses and analyses on its own thread (a cold start's initdb
   * is ~1.5 s of CPU, most of a small review's dry-run). The first sandbox opened from
   * nothing is that engine; one opened with extensions starts from the fresh image it saved.
   */
  prepare(): void {
    if (this.spare || this.cache.has(freshKey())) return;
    const spare: NonNullable<PgliteProvider['spare']> = { sandbox: Promise.resolve(null), worker: null };
    spare.sandbox = this.initdb((w) => { spare.worker = w; }).then((r) => r.sandbox, () => null);
    this.spare = spare;
  }

  /** prepare()'s engine, once it started (null when it failed or there is none); it is the caller's then. */
  private async takeSpare(): Promise<PgliteSandbox | null> {
    const spare = this.spare;
    this.spare = null;
    const sandbox = spare ? await spare.sandbox : null;
    return sandbox?.alive ? sandbox : null;
  }

  async open(baseKey: string, extensions: readonly string[] = []): Promise<{ sandbox: Sandbox; fromCache: boolean; cachedMeta?: unknown }> {
    const saved = await this.openSaved(baseKey, extensions);
    if (saved) {
      // The base was saved after all (only the fresh image had gone): prepare()'s engine is
      // not needed, and stops now rather than at dispose().
      await this.dropSpare();
      return { sandbox: saved.sandbox, fromCache: true, cachedMeta: saved.meta };
    }
    const ext = pgliteExtensionsFor(extensions);
    try {
      return { sandbox: await this.fresh(ext), fromCache: false };
    } catch {
      await this.cache.forget(freshKey());
      return { sandbox: await this.fresh(ext), fromCache: false };
    }
  }

  async openSaved(key: string, extensions: readonly string[] = []): Promise<{ sandbox: Sandbox; meta: unknown } | null> {
    // Each sandbox reads its image again: one read from disk (the page cache, for an image this
    // run wrote or read) is the buffer the worker takes, where keeping a copy here for the next
    // sandbox cost a copy of the same size for every start, and the image's size in memory for
    // the whole run (30 MB for langfuse's base), used or not. Only where the cache could not
    // write it does the cache keep it in memory (and each start copies it).
    const image = await this.cache.get(key);
    if (!image) return null;
    try {
      return { sandbox: await startPglite(image, this.limitBytes, pgliteExtensionsFor(extensions)), meta: image.meta };
    } catch {
      // A damaged image (a disk full mid-write, another PGlite build) only costs a replay.
      await this.cache.forget(key);
      return null;
    }
  }

  /** A sandbox with no migrations applied: from the fresh image, or the engine that makes it. */
  private async fresh(ext: ReadonlyArray<readonly [string, string]>): Promise<PgliteSandbox> {
    const spare = await this.takeSpare();
    // Without extensions the engine that ran initdb is that sandbox: no second start. An
    // extension can write its settings into the data directory, so the image stays without them.
    if (spare && ext.length === 0) return spare;
    await spare?.close();
    const key = freshKey();
    const hit = await this.cache.get(key);
    if (hit) return startPglite(hit, this.limitBytes, ext);
    const made = await this.initdb();
    if (ext.length === 0) return made.sandbox;
    await made.sandbox.close();
    return startPglite(made.image, this.limitBytes, ext);
  }

  /** A new engine from initdb, and its data directory saved as the fresh image. */
  private async initdb(started?: (w: PgliteWorker) => void): Promise<{ sandbox: PgliteSandbox; image: { data: ArrayBuffer; owned: boolean } }> {
    const sb = await startPglite(null, this.limitBytes, [], started);
    try {
      const data = await sb.dump();
      return { sandbox: sb, image: { data, owned: !(await this.cache.put(freshKey(), data, null)) } };
    } catch (e) {
      await sb.close();
      throw e;
    }
  }

  async save(sandbox: Sandbox, baseKey: string, meta: unknown): Promise<void> {
    if (!(sandbox instanceof PgliteSandbox)) return;
    const data = await sandbox.dump();
    await this.cache.put(baseKey, data, meta);
  }

  /** Stops prepare()'s engine; mid-start, its thread is stopped rather than waited for (initdb takes seconds). */
  private async dropSpare(): Promise<void> {
    const spare = this.spare;
    if (!spare) return;
    await spare.worker?.terminate().catch(() => undefined);
    await (await this.takeSpare())?.close();
  }

  /** Stops prepare()'s engine when no sandbox took it. */
  async dispose(): Promise<void> {
    await this.dropSpare();
  }
}
