// The code of the worker thread that hosts PGlite. It lives in a string (run with
// `eval: true`) so the same file works under tsx, vitest and a bundle: a worker needs a
// JavaScript file of its own otherwise. PGlite runs in a worker because it does not enforce
// statement_timeout and a query can spin forever (COPY … TO PROGRAM wedges it): the main
// thread's watchdog ends a stuck query with worker.terminate().
export const PGLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const req = createRequire(workerData.resolveFrom);
let db = null;
function errInfo(e) {
  return {
    code: e && typeof e.code === 'string' ? e.code : undefined,
    message: e && e.message ? String(e.message) : String(e),
    position: e && e.position !== undefined && e.position !== null ? Number(e.position) : undefined,
  };
}
parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'init') {
      const { PGlite } = req('@electric-sql/pglite');
      const extensions = {};
      for (const [name, mod] of msg.extensions || []) {
        try { extensions[name] = req('@electric-sql/pglite/contrib/' + mod)[name]; } catch {}
      }
      const opts = { extensions, relaxedDurability: true };
      if (msg.dataDir) opts.loadDataDir = new Blob([msg.dataDir]);
      db = new PGlite(opts);
      await db.waitReady;
      const v = await db.query('show server_version');
      parentPort.postMessage({ id: msg.id, ok: true, version: v.rows[0].server_version });
    } else if (msg.type === 'exec') {
      await db.exec(msg.sql);
      parentPort.postMessage({ id: msg.id, ok: true });
    } else if (msg.type === 'script') {
      // A pinned introspection script (sandbox.ts, pinnedScript): the rows of its middle statement.
      const results = await db.exec(msg.sql);
      parentPort.postMessage({ id: msg.id, ok: true, rows: results[1] ? results[1].rows : [] });
    } else if (msg.type === 'dump') {
      const f = await db.dumpDataDir('none');
      const buf = await f.arrayBuffer();
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
