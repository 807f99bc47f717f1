// The default backend: PGlite (Postgres compiled to WebAssembly) in a worker thread. It needs
// nothing installed and is the sandbox for untrusted SQL: it cannot start programs or read
// the host's files. Time limits are enforced from here, because PGlite ignores
// statement_timeout: a request that outlives its limit terminates the worker.
import { Worker } from 'node:worker_threads';
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

interface Reply { id: number; ok: boolean; error?: { code?: string; message: string; position?: number }; rows?: unknown[]; version?: string; data?: ArrayBuffer }

/** One PGlite in one worker thread; every request carries its own time limit. */
class PgliteWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  dead = false;

  constructor() {
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
      const timer = setTimeout(() => {
        // PGlite cannot cancel a running query; ending the thread is the only way to stop it.
        this.pending.delete(id);
        this.dead = true;
        void this.worker.terminate();
        reject(new DbError({ sqlstate: SQLSTATE_CANCELED, message: `canceling statement due to the dry-run time limit (${timeoutMs} ms); the PGlite engine was stopped` }));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          if (r.ok) resolve(r);
          else reject(toDbError(r.error));
        },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.worker.postMessage({ ...msg, id }, transfer);
    });
  }

  async terminate(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

class PgliteSandbox implements Sandbox {
  readonly engine = 'pglite' as const;
  constructor(private readonly w: PgliteWorker, readonly serverVersion: string) {}
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

async function startPglite(image: ArrayBuffer | null, extensions: ReadonlyArray<readonly [string, string]> = []): Promise<PgliteSandbox> {
  const w = new PgliteWorker();
  try {
    // Copy: the buffer is transferred to the worker and must stay usable in our cache.
    const data = image ? image.slice(0) : undefined;
    const r = await w.request({ type: 'init', extensions, ...(data ? { dataDir: data } : {}) }, INIT_TIMEOUT_MS, data ? [data] : []);
    return new PgliteSandbox(w, r.version ?? 'unknown');
  } catch (e) {
    await w.terminate().catch(() => undefined);
    throw e;
  }
}

/** Key of the image of a freshly initialised PGlite (no migrations applied). */
function freshKey(): string {
  return `pglite-${pgliteVersion()}-fresh`;
}

/**
 * Opens PGlite sandboxes from saved data directories: the base snapshot when one is cached,
 * else the fresh image (initdb runs at most once per process and cache dir).
 */
export class PgliteProvider implements SandboxProvider {
  readonly engine = 'pglite' as const;
  constructor(private readonly cache: ImageCache) {}

  async open(baseKey: string, extensions: readonly string[] = []): Promise<{ sandbox: Sandbox; fromCache: boolean; cachedMeta?: unknown }> {
    const ext = pgliteExtensionsFor(extensions);
    const base = await this.cache.get(baseKey);
    if (base) {
      try {
        return { sandbox: await startPglite(base.data, ext), fromCache: true, cachedMeta: base.meta };
      } catch {
        // A damaged image (a disk full mid-write, another PGlite build) only costs a replay.
        await this.cache.forget(baseKey);
      }
    }
    try {
      return { sandbox: await startPglite(await this.freshImage(), ext), fromCache: false };
    } catch {
      await this.cache.forget(freshKey());
      return { sandbox: await startPglite(await this.freshImage(), ext), fromCache: false };
    }
  }

  private async freshImage(): Promise<ArrayBuffer> {
    const key = freshKey();
    const hit = await this.cache.get(key);
    if (hit) return hit.data;
    const sb = await startPglite(null);
    try {
      const data = await sb.dump();
      await this.cache.put(key, data, null);
      return data;
    } finally {
      await sb.close();
    }
  }

  async save(sandbox: Sandbox, baseKey: string, meta: unknown): Promise<void> {
    if (!(sandbox instanceof PgliteSandbox)) return;
    await this.cache.put(baseKey, await sandbox.dump(), meta);
  }

  async dispose(): Promise<void> {}
}
