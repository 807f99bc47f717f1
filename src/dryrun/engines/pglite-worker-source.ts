// The code of the worker thread that hosts PGlite. It lives in a string (run with
// `eval: true`) so the same file works under tsx, vitest and a bundle: a worker needs a
// JavaScript file of its own otherwise. PGlite runs in a worker because it does not enforce
// statement_timeout and a query can spin forever (COPY … TO PROGRAM wedges it): the main
// thread's watchdog ends a stuck query with worker.terminate().
//
// Images (saved data directories) are plain ustar archives, read and written here rather than
// with PGlite's loadDataDir/dumpDataDir: those copy the whole image four or five times (Blob,
// arrayBuffer, untar, file writes). Loading keeps each file as a view into the one buffer the
// main thread transferred (MEMFS owns it, and copies a file only when it grows); dumping
// reads every file once, straight into the archive.
export const PGLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const req = createRequire(workerData.resolveFrom);
const PGDATA = '/pglite/data';
let db = null;
function errInfo(e) {
  return {
    code: e && typeof e.code === 'string' ? e.code : undefined,
    message: e && e.message ? String(e.message) : String(e),
    position: e && e.position !== undefined && e.position !== null ? Number(e.position) : undefined,
  };
}

const text = (u8, from, len) => {
  let end = from;
  while (end < from + len && u8[end] !== 0) end++;
  return Buffer.from(u8.buffer, u8.byteOffset + from, end - from).toString('latin1');
};
const octal = (u8, from, len) => {
  const s = text(u8, from, len).trim();
  if (!/^[0-7]+$/.test(s)) throw new Error('damaged image: bad number in a header');
  return parseInt(s, 8);
};
function checksum(u8, at) {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : u8[at + i];
  return sum;
}

/** Writes the archive's directories and files into FS under PGDATA; file contents stay views of the buffer. */
function loadImage(FS, buffer) {
  const u8 = new Uint8Array(buffer);
  let at = 0;
  let entries = 0;
  FS.mkdirTree(PGDATA);
  // Directories come before their files in our archives; the set spares a lookup per file.
  const made = new Set([PGDATA]);
  while (at + 512 <= u8.length && u8[at] !== 0) {
    if (octal(u8, at + 148, 8) !== checksum(u8, at)) throw new Error('damaged image: header checksum');
    const prefix = text(u8, at + 345, 155);
    const name = (prefix ? prefix + '/' : '') + text(u8, at, 100);
    const size = octal(u8, at + 124, 12);
    const type = String.fromCharCode(u8[at + 156] || 48);
    const rel = name.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (rel.split('/').some((p) => p === '..')) throw new Error('damaged image: a path leaves the data directory');
    const data = at + 512;
    if (data + size > u8.length) throw new Error('damaged image: truncated');
    const path = rel === '' ? PGDATA : PGDATA + '/' + rel;
    if (type === '5') {
      if (!made.has(path)) FS.mkdirTree(path);
      made.add(path);
    } else if (type === '0') {
      const dir = path.slice(0, path.lastIndexOf('/'));
      if (!made.has(dir)) { FS.mkdirTree(dir); made.add(dir); }
      FS.writeFile(path, u8.subarray(data, data + size), { canOwn: true });
    } else {
      throw new Error('damaged image: unexpected entry type ' + type);
    }
    entries++;
    at = data + Math.ceil(size / 512) * 512;
  }
  if (!FS.analyzePath(PGDATA + '/PG_VERSION').exists) throw new Error('damaged image: no PG_VERSION (' + entries + ' entries)');
}

/**
 * PGDATA as one ustar archive, each file read once into it. WAL segments after the one being
 * written (ones a checkpoint recycled for later use) are left out: Postgres makes new ones.
 */
function dumpImage(FS, lastWal) {
  const entries = [];
  const walk = (dir, rel) => {
    for (const name of FS.readdir(dir).sort()) {
      if (name === '.' || name === '..') continue;
      const path = dir + '/' + name;
      const r = rel ? rel + '/' + name : name;
      const st = FS.stat(path);
      if (FS.isDir(st.mode)) {
        entries.push({ name: r + '/', path, mode: st.mode & 0o7777, size: 0, dir: true });
        walk(path, r);
      } else if (FS.isFile(st.mode)) {
        if (lastWal && r.startsWith('pg_wal/') && /^[0-9A-F]{24}$/.test(name) && name > lastWal) continue;
        entries.push({ name: r, path, mode: st.mode & 0o7777, size: st.size, dir: false });
      }
    }
  };
  walk(PGDATA, '');
  let total = 1024;
  for (const e of entries) total += 512 + Math.ceil(e.size / 512) * 512;
  const u8 = new Uint8Array(total);
  const put = (at, s, len) => { for (let i = 0; i < s.length && i < len; i++) u8[at + i] = s.charCodeAt(i); };
  const num = (at, n, len) => put(at, n.toString(8).padStart(len - 1, '0'), len - 1);
  let at = 0;
  for (const e of entries) {
    let name = e.name;
    let prefix = '';
    if (name.length > 100) {
      const cut = name.lastIndexOf('/', name.length - 2 > 154 ? 154 : name.length - 2);
      if (cut <= 0 || name.length - cut - 1 > 100) throw new Error('path too long for the image: ' + name);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
    put(at, name, 100);
    num(at + 100, e.mode, 8);
    num(at + 108, 0, 8);
    num(at + 116, 0, 8);
    num(at + 124, e.size, 12);
    num(at + 136, 0, 12);
    u8[at + 156] = e.dir ? 53 : 48;
    put(at + 257, 'ustar', 6);
    put(at + 263, '00', 2);
    put(at + 345, prefix, 155);
    num(at + 148, checksum(u8, at), 7);
    u8[at + 155] = 32;
    at += 512;
    if (!e.dir && e.size > 0) {
      const s = FS.open(e.path, 'r');
      try {
        let done = 0;
        while (done < e.size) {
          const n = FS.read(s, u8, at + done, e.size - done, done);
          if (n <= 0) throw new Error('short read of ' + e.path);
          done += n;
        }
      } finally {
        FS.close(s);
      }
      at += Math.ceil(e.size / 512) * 512;
    }
  }
  return u8.buffer;
}

/**
 * PGlite's initdb runs Postgres several times in a second PGlite and, before each run, resets
 * that engine's whole WebAssembly heap to a copy taken when it started: HEAPU8.slice() of
 * 128 MB, then HEAPU8.set(copy). Both touch every page, so the copy and the heap each become
 * 128 MB of resident memory, where Postgres uses a fraction of it. While initdb runs, that
 * engine's HEAPU8 (reached through its Module, as initdb reaches it) takes its copy page by
 * page, keeping only the pages that are not all zeros, and restores by writing those pages
 * and zeroing the ones that are dirty now: the heap ends byte for byte as the plain restore
 * leaves it (the fresh image too), and pages nobody wrote stay out of memory. Measured on a
 * cold start: 512 -> 395 MB peak RSS, and 262 MB with initdb's smaller shared_buffers
 * (pglite.ts, INITDB_PARAMS), whose buffers were most of what its runs wrote; 40 ms more CPU.
 * A PGlite release that takes no such copy leaves the hooks unused; one that used the copy
 * for anything but set() would fail initdb, which every cold start in the tests runs.
 */
const PAGE = 65536;
class SparseHeapCopy extends Uint8Array {}
const ZERO_PAGE = new Uint8Array(PAGE);
function isZero(view) {
  return Buffer.compare(view, ZERO_PAGE) === 0;
}
/** Sparse copies taken by this worker: its cold start reports them (a PGlite release that no longer takes the copy would leave 0). */
let sparseCopies = 0;
function sparseSlice(...args) {
  if (args.length > 0 || this.length % PAGE !== 0) return Uint8Array.prototype.slice.apply(this, args);
  sparseCopies++;
  const copy = new SparseHeapCopy(0);
  copy.heapLength = this.length;
  copy.pages = new Map();
  for (let at = 0; at < this.length; at += PAGE) {
    const page = this.subarray(at, at + PAGE);
    if (!isZero(page)) copy.pages.set(at, page.slice());
  }
  return copy;
}
function sparseSet(source, offset) {
  if (!(source instanceof SparseHeapCopy)) return Uint8Array.prototype.set.call(this, source, offset);
  if (offset) throw new Error('a sparse heap copy is restored at offset 0 only');
  for (let at = 0; at < source.heapLength; at += PAGE) {
    const page = source.pages.get(at);
    if (page) Uint8Array.prototype.set.call(this, page, at);
    else {
      const now = this.subarray(at, at + PAGE);
      if (!isZero(now)) now.fill(0);
    }
  }
}
/** Makes the engines PGlite.create() returns (initdb's) hand out sparse heap copies; returns the undo. */
function sparseInitdbHeaps(PGlite) {
  const create = PGlite.create;
  PGlite.create = async function (...args) {
    const engine = await create.apply(this, args);
    const mod = engine.Module;
    // HEAPU8 is a new view whenever the heap grows: each one gets the two methods.
    const heap = () => {
      const view = mod.HEAPU8;
      if (view.set !== sparseSet) Object.assign(view, { slice: sparseSlice, set: sparseSet });
      return view;
    };
    Object.defineProperty(engine, 'Module', { value: new Proxy(mod, { get: (t, k) => (k === 'HEAPU8' ? heap() : t[k]) }) });
    return engine;
  };
  return () => { PGlite.create = create; };
}

/**
 * After initdb, its engine (a WebAssembly heap, the pages its Postgres runs wrote) is garbage,
 * which V8 frees only at its next full collection: in a dry-run that comes a few hundred
 * statements into the replay, after the fresh image was dumped next to it (measured: peak RSS
 * ~25 MB lower with this collection, which takes ~20 ms). It waits a turn of the event loop:
 * within the turn that finished start-up, that engine is still reachable. gc() is on the
 * global of a context made while --expose-gc is set, so the flag is set for that moment
 * (unless this process runs with it already).
 */
async function collectInitdbEngine() {
  await new Promise((resolve) => setImmediate(resolve));
  if (typeof globalThis.gc === 'function') return globalThis.gc();
  const v8 = require('node:v8');
  v8.setFlagsFromString('--expose-gc');
  try {
    require('node:vm').runInNewContext('gc')();
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'init') {
      const { PGlite, MemoryFS } = req('@electric-sql/pglite');
      const extensions = {};
      for (const [name, mod] of msg.extensions || []) {
        try { extensions[name] = req('@electric-sql/pglite/contrib/' + mod)[name]; } catch {}
      }
      const opts = {
        extensions,
        relaxedDurability: true,
        startParams: [...PGlite.defaultStartParams, ...msg.startParams],
        initDbStartParams: msg.initDbParams,
      };
      if (msg.wasmModule) opts.pgliteWasmModule = msg.wasmModule;
      if (msg.initdbModule) opts.initdbWasmModule = msg.initdbModule;
      if (msg.dataDir) {
        // A filesystem that is the image before Postgres looks for a database: PGlite then
        // resumes it instead of running initdb.
        const image = msg.dataDir;
        opts.fs = new (class extends MemoryFS {
          async initialSyncFs() { loadImage(this.pg.Module.FS, image); }
        })();
      }
      const undo = msg.dataDir ? null : sparseInitdbHeaps(PGlite);
      try {
        db = new PGlite(opts);
        await db.waitReady;
      } finally {
        if (undo) undo();
      }
      if (undo) await collectInitdbEngine();
      const v = await db.query('show server_version');
      parentPort.postMessage({ id: msg.id, ok: true, version: v.rows[0].server_version, ...(undo ? { sparseCopies } : {}) });
    } else if (msg.type === 'exec') {
      await db.exec(msg.sql);
      parentPort.postMessage({ id: msg.id, ok: true });
    } else if (msg.type === 'script') {
      // A pinned introspection script (sandbox.ts, pinnedScript): the rows of its middle statement.
      const results = await db.exec(msg.sql);
      parentPort.postMessage({ id: msg.id, ok: true, rows: results[1] ? results[1].rows : [] });
    } else if (msg.type === 'dump') {
      // Written back to the files first, so the image needs no crash recovery when it is
      // opened. Not inside a transaction block a migration left open (a failed CHECKPOINT
      // would abort it); a session an unprivileged role cannot checkpoint either: those
      // images are still consistent, recovery replays their WAL.
      let lastWal = null;
      if (!db.isInTransaction()) {
        try {
          await db.exec('CHECKPOINT');
          const r = await db.query('select pg_catalog.pg_walfile_name(pg_catalog.pg_current_wal_insert_lsn()) as f');
          if (/^[0-9A-F]{24}$/.test(r.rows[0].f)) lastWal = r.rows[0].f;
        } catch {}
      }
      const buf = await db._runExclusiveQuery(async () => dumpImage(db.Module.FS, lastWal));
      parentPort.postMessage({ id: msg.id, ok: true, data: buf }, [buf]);
    } else if (msg.type === 'close') {
      if (db) await db.close();
      db = null;
      parentPort.postMessage({ id: msg.id, ok: true });
    }
  } catch (e) {
    parentPort.postMessage({ id: msg.id, ok: false, error: errInfo(e) });
  }
});
`;
