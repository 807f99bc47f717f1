import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  analyzeSet
} from "./chunks/chunk-LHUFNNUF.js";
import "./chunks/chunk-YZNHLSLL.js";
import "./chunks/chunk-UHER332N.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-YRNUPKXT.js";
import "./chunks/chunk-RRVIRGX7.js";
import "./chunks/chunk-UTBNT2LW.js";
import "./chunks/chunk-O6AHY4CV.js";
import "./chunks/chunk-GAJUOGXM.js";
import {
  initParser
} from "./chunks/chunk-KBDENZBY.js";
import "./chunks/chunk-A3JI777A.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/check/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var port = parentPort;
if (!port) throw new Error("check-worker runs as a worker thread of migration-guard");
var { ctx } = workerData;
var ready = initParser();
var queue = Promise.resolve();
var PROGRESS_EVERY_MS = 50;
port.on("message", (task) => {
  queue = queue.then(() => ready).then(() => run(task));
});
function run(task) {
  const post = (msg) => port.postMessage(msg);
  const index = new Map(task.units.map((u, i) => [u.migration, i]));
  let pending = 0;
  let last = -1;
  let sentAt = 0;
  const flush = () => {
    if (pending > 0) post({ kind: "step", set: task.set, unit: last, count: pending });
    pending = 0;
    sentAt = performance.now();
  };
  let result;
  try {
    result = analyzeSet(task.units, { ...ctx, extraFindings: task.extraFindings }, (unit) => {
      last = index.get(unit.migration);
      pending++;
      if (performance.now() - sentAt >= PROGRESS_EVERY_MS) flush();
    });
    flush();
  } catch {
    post({ kind: "failed", set: task.set });
    return;
  }
  post({
    kind: "done",
    set: task.set,
    migrations: result.analyzed.map((a) => ({
      unit: index.get(a.migration),
      up: wire(a.up),
      down: a.down ? wire(a.down) : null,
      report: a.report,
      transaction: a.transaction,
      ...a.suppressed ? { suppressed: a.suppressed } : {},
      ...a.preexisting ? { preexisting: a.preexisting } : {}
    }))
  });
}
function wire(src) {
  return { ...src, statements: src.statements.map(({ ast: _tree, ...rest }) => rest) };
}
