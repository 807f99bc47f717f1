// The worker thread of parse/prefetch.ts (bundled as dist/parse-worker.js): runs statementRanges
// over the main thread's text and sends the outcome of each slice it parses, in order, at most
// AHEAD outcomes and AHEAD_CHARS characters of JSON ahead of what the main thread has taken.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { ParseResult } from '@pgsql/types';
import { AHEAD, AHEAD_CHARS, SLOT, type PrefetchInit, type SliceMessage } from './prefetch.js';
import { statementRanges } from './recover.js';
import { initParser, parseSql, type Outcome } from './wasm.js';

const { text, counters, port } = workerData as PrefetchInit;
const shared = new Int32Array(counters);

class Stopped extends Error {}

function stopAsked(): boolean {
  let m: { message: unknown } | undefined;
  while ((m = receiveMessageOnPort(port) as { message: unknown } | undefined)) if (m.message === 'stop') return true;
  return false;
}

/** Waits until the main thread has taken enough of what was sent; throws Stopped when it asks to stop. */
function waitForRoom(): void {
  for (;;) {
    const tick = Atomics.load(shared, SLOT.TICK);
    if (stopAsked()) throw new Stopped();
    const waiting = Atomics.load(shared, SLOT.POSTED) - Atomics.load(shared, SLOT.TAKEN);
    if (waiting === 0 || (waiting < AHEAD && Atomics.load(shared, SLOT.CHARS) < AHEAD_CHARS)) return;
    Atomics.wait(shared, SLOT.TICK, tick, 1000);
  }
}

/**
 * parseSql of the slice, and the JSON text its tree was read from (parseSync returns JSON.parse
 * of it): caught on its way, so the main thread gets the text instead of the objects.
 */
function parseSlice(from: number, to: number): Outcome<ParseResult> {
  waitForRoom();
  let json: string | undefined;
  const parse = JSON.parse;
  JSON.parse = ((s: string) => {
    json = s;
    return parse(s);
  }) as typeof JSON.parse;
  let outcome: Outcome<ParseResult>;
  Atomics.store(shared, SLOT.WORKING, 1);
  try {
    outcome = parseSql(text.slice(from, to));
  } finally {
    JSON.parse = parse;
    Atomics.store(shared, SLOT.WORKING, 0);
  }
  const message: SliceMessage = outcome.ok && json !== undefined ? { from, to, json } : { from, to, outcome };
  if (message.json !== undefined) Atomics.add(shared, SLOT.CHARS, message.json.length);
  port.postMessage(message);
  Atomics.add(shared, SLOT.POSTED, 1);
  Atomics.notify(shared, SLOT.POSTED);
  return outcome;
}

try {
  await initParser();
  for (const range of statementRanges(text, [], parseSlice)) void range;
} catch (e) {
  if (!(e instanceof Stopped)) throw e;
} finally {
  Atomics.store(shared, SLOT.DONE, 1);
  Atomics.notify(shared, SLOT.POSTED);
  port.close();
}
