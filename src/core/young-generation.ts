// The V8 young generation starts small and may grow to about YOUNG_CAP while the work runs, no
// further. Imported first by the Action and the App, before anything allocates, and by the CLI
// with its commands;
// holdYoungGeneration() is called where a review allocates: as files are read (discover) and as
// statements are parsed (parse/parse-source.ts).
//
// Why: a review allocates a steady stream of short-lived parse trees and strings. Left to itself,
// V8 grows the young generation towards a ceiling that Node 24 sets far higher than Node 20 did
// (it scales with the machine's memory: 64 MB a semi-space here), and the young objects sit in
// memory between collections (the whole corpus on one thread, Node 24: 315 MB peak). Held at its
// starting size (1-2 MB) for the whole run, as this module did first, every collection copies
// what the last few statements made and still use: the corpus took 1,210 collections, and the
// 20 MB generated file 4,438, 38% of its CPU in the collector. Grown to 16 MB, most of that dies
// before a collection finds it: the corpus 173 collections, 206 -> 183 MB peak; the 20 MB file
// 535 collections, 535 -> 464 MB peak (4 and 8 MB: 479 and 273 collections on the corpus; 32 MB:
// the corpus 241 MB peak); same output.
//
// The ceiling itself (--max-semi-space-size) is fixed when the heap is made, which only Node's
// command line can do (an Action's `runs.using` and an npm bin offer none), but the growth factor
// is read at each collection: it is 1 (no growth) from this module's evaluation until the work
// starts (the program's loading garbage would otherwise grow the young generation to 16 MB
// before the first file is read); V8's own 2 once the work starts; 1 again from the first look
// that finds the young generation at YOUNG_CAP or beyond. (The CLI evaluates this module after
// linking its modules, not first: see cli/bin.ts. A one-file lint: 69 -> 72 MB peak on Node 24.)
// V8's flags are the process's, not a thread's: only the main thread sets them (a worker thread
// of a large lint parses too, and would otherwise turn the growth back on for every thread).
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/** Bytes of young generation (new space) from which it grows no more. */
export const YOUNG_CAP = 16 * 1024 * 1024;

/** Calls of holdYoungGeneration between two looks at the heap (a look costs about 10-20 µs). */
const EVERY = 16;

let phase: 'loading' | 'growing' | 'held' = isMainThread ? 'loading' : 'held';
if (isMainThread) setFlagsFromString('--semi-space-growth-factor=1');
let calls = 0;

/** Lets the young generation grow once the work starts, and stops it at YOUNG_CAP; cheap enough to call per statement. */
export function holdYoungGeneration(): void {
  if (phase === 'held') return;
  if (phase === 'loading') {
    setFlagsFromString('--semi-space-growth-factor=2');
    phase = 'growing';
    return;
  }
  if (++calls % EVERY !== 0) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
  if (young < YOUNG_CAP) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  phase = 'held';
}
