// A worker thread of check/parallel.ts (bundled as dist/check-worker.js): it analyzes the
// migration sets the main thread sends, one at a time, and sends back their reports and
// statements without syntax trees. It learns nothing across sets, as the main thread does not.
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedSource } from '../core/types.js';
import { initParser } from '../parse/index.js';
import { analyzeSet } from './analyze-set.js';
import type { WorkerInit, WorkerMessage, WorkerTask } from './parallel.js';

const port = parentPort;
if (!port) throw new Error('check-worker runs as a worker thread of migration-guard');
const { ctx } = workerData as WorkerInit;
const ready = initParser();
let queue = Promise.resolve();
const PROGRESS_EVERY_MS = 50;

port.on('message', (task: WorkerTask) => {
  queue = queue.then(() => ready).then(() => run(task));
});

function run(task: WorkerTask): void {
  const post = (msg: WorkerMessage) => port!.postMessage(msg);
  const index = new Map(task.units.map((u, i) => [u.migration, i]));
  // Progress goes out a few times a second, not once a migration: the main thread handles each
  // message between its own migrations, and the progress line redraws at most 20 times a second.
  let pending = 0;
  let last = -1;
  let sentAt = 0;
  const flush = () => {
    if (pending > 0) post({ kind: 'step', set: task.set, unit: last, count: pending });
    pending = 0;
    sentAt = performance.now();
  };
  let result;
  try {
    result = analyzeSet(task.units, { ...ctx, extraFindings: task.extraFindings }, (unit) => {
      last = index.get(unit.migration)!;
      pending++;
      if (performance.now() - sentAt >= PROGRESS_EVERY_MS) flush();
    });
    flush();
  } catch {
    // The main thread runs the set again and meets the same error where a run without workers does.
    post({ kind: 'failed', set: task.set });
    return;
  }
  post({
    kind: 'done',
    set: task.set,
    migrations: result.analyzed.map((a) => ({
      unit: index.get(a.migration)!,
      up: wire(a.up),
      down: a.down ? wire(a.down) : null,
      report: a.report,
      transaction: a.transaction,
      ...(a.suppressed ? { suppressed: a.suppressed } : {}),
      ...(a.preexisting ? { preexisting: a.preexisting } : {}),
    })),
  });
}

function wire(src: ParsedSource) {
  return { ...src, statements: src.statements.map(({ ast: _tree, ...rest }) => rest) };
}
