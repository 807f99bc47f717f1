// Parses a large text on a worker thread (dist/parse-worker.js, from parse-worker.ts) while the
// main thread analyses the statements it already has: the parser's WebAssembly then runs on a
// second core. The worker runs statementRanges over the same text, so it asks for the same
// slices in the same order as the main thread will, and sends each outcome as it comes: a tree
// as the JSON text Postgres' parser wrote (a string crosses threads as one copy; an object tree
// would be rebuilt node by node), which the main thread reads with JSON.parse, as libpg-query's
// parseSync does itself; a failure as its data.
//
// Nothing here decides a result. An outcome the worker did not send (it could not start, it
// stopped, its parser failed inside) or sent for another slice is found on the main thread as
// without the worker, and so is every slice after it: the output is the same either way.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, isMainThread, Worker, type MessagePort } from 'node:worker_threads';
import type { ParseResult } from '@pgsql/types';
import type { Outcome } from './wasm.js';

/**
 * Characters below which a text is parsed on the main thread alone. Starting the worker (its
 * bundle, a second copy of the parser's WebAssembly) costs about 0.1 s and 20 MB, and the parser
 * reads about 10 MB a second: a 1 MB text's parse (0.1 s) is what the worker can take off the
 * main thread. It only starts on the main thread of a machine with a second core.
 */
export const PREFETCH_MIN_CHARS = 1_000_000;

/** Outcomes the worker may send before the main thread has taken them. */
export const AHEAD = 4;

/**
 * JSON characters the worker may have sent and the main thread not yet taken: past this it sends
 * nothing more until the main thread has taken all of it. A piece's JSON is about 60 KB, so
 * AHEAD bounds the usual case; this bounds a run of large statements (a 5 MB INSERT's JSON is
 * about 40 MB), which the worker would otherwise keep parsing ahead of the analysis.
 */
export const AHEAD_CHARS = 8_000_000;


/** Slots of the shared counters (Int32Array). */
export const SLOT = {
  /** Outcomes the worker has sent. */
  POSTED: 0,
  /** Outcomes the main thread has taken. */
  TAKEN: 1,
  /** 1 while the worker is inside the parser. */
  WORKING: 2,
  /** Bumped by the main thread after every take and every command, to wake a waiting worker. */
  TICK: 3,
  /** 1 once the worker has stopped (it sends nothing more). */
  DONE: 4,
  /** JSON characters sent and not yet taken (see AHEAD_CHARS). */
  CHARS: 5,
} as const;

/** What the worker sends for each slice: the tree as JSON text, or the outcome itself (a failure, a blank slice). */
export interface SliceMessage {
  from: number;
  to: number;
  json?: string;
  outcome?: Outcome<ParseResult>;
}

export interface PrefetchInit {
  text: string;
  counters: SharedArrayBuffer;
  port: MessagePort;
}

/** Waiting this long for a worker that is not inside the parser means it is not coming (it failed to start). */
const GIVE_UP_MS = 5000;
/**
 * Nor does a worker that stays this long inside the parser on one slice (parsing 1 MB takes
 * about 0.1 s): it died there (out of memory), where it could not say so, and the main thread,
 * blocked here, cannot hear of it otherwise.
 */
const GIVE_UP_PARSING_MS = 60_000;

/** Slices parsed on the worker; `take` answers undefined for a slice the caller must parse itself. */
export interface Prefetch {
  take(from: number, to: number): Outcome<ParseResult> | undefined;
  stop(): void;
}

/**
 * Starts parsing `text` on a worker when it is large enough, on a machine with a core to spare;
 * null otherwise. `script`: the worker's code, by default dist/parse-worker.js (tests run it from
 * a bundle of their own). `giveUpMs`: how long to wait for a worker that is not parsing (one
 * that could not start); a test that must see the worker's slices on a busy machine waits longer.
 */
export function startPrefetch(text: string, script: URL | null = workerScript(), giveUpMs = GIVE_UP_MS): Prefetch | null {
  if (text.length < PREFETCH_MIN_CHARS || !isMainThread || availableParallelism() < 2) return null;
  if (!script) return null;
  const counters = new SharedArrayBuffer(6 * 4);
  const shared = new Int32Array(counters);
  const { port1, port2 } = new MessageChannel();
  try {
    const worker = new Worker(script, { workerData: { text, counters, port: port2 } satisfies PrefetchInit, transferList: [port2] });
    worker.unref();
    // A worker that fails leaves the rest of the slices to the main thread (see take).
    worker.on('error', () => {});
  } catch {
    return null;
  }
  const tick = () => {
    Atomics.add(shared, SLOT.TICK, 1);
    Atomics.notify(shared, SLOT.TICK);
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    port1.postMessage('stop');
    tick();
    port1.close();
  };
  const next = (): SliceMessage | undefined => {
    const since = Date.now();
    let idleSince = since;
    for (;;) {
      const posted = Atomics.load(shared, SLOT.POSTED);
      const m = receiveMessageOnPort(port1) as { message: SliceMessage } | undefined;
      if (m) {
        const taken = m.message as SliceMessage;
        if (taken.json !== undefined) Atomics.sub(shared, SLOT.CHARS, taken.json.length);
        Atomics.add(shared, SLOT.TAKEN, 1);
        tick();
        return taken;
      }
      if (Atomics.load(shared, SLOT.POSTED) !== posted) continue;
      if (Atomics.load(shared, SLOT.DONE) === 1) return undefined;
      const now = Date.now();
      if (Atomics.load(shared, SLOT.WORKING) === 1) {
        if (now - since > GIVE_UP_PARSING_MS) return undefined;
        idleSince = now;
      } else if (now - idleSince > giveUpMs) return undefined;
      Atomics.wait(shared, SLOT.POSTED, posted, 100);
    }
  };
  return {
    take(from, to) {
      if (stopped) return undefined;
      const m = next();
      // Not the slice asked for (never expected: both threads run the same code on the same text) or none: the rest is parsed here.
      if (!m || m.from !== from || m.to !== to) {
        stop();
        return undefined;
      }
      if (m.json !== undefined) return { ok: true, value: JSON.parse(m.json) as ParseResult };
      // A failure inside the parser may depend on the thread (its stack): found again here.
      if (!m.outcome || (!m.outcome.ok && m.outcome.internal)) return undefined;
      return m.outcome;
    },
    stop,
  };
}

/** dist/parse-worker.js, next to this module's bundle or one folder up (from dist/chunks/); none when running from the sources. */
function workerScript(): URL | null {
  for (const rel of ['./parse-worker.js', '../parse-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
