// The analysis of many migration sets spread over worker threads (dist/check-worker.js, from
// check/worker.ts) and the main thread, for large inputs where that pays. Sets are independent
// (each has its own analysis state), so each set runs whole on one thread and the results are
// put back in the sets' order: the output is the same as the single-thread run's, byte for byte.
//
// Only runs without syntax trees (CheckOptions.withoutTrees) come here: a worker sends back the
// reports and each statement's position and text, not its tree; copying every tree across
// threads would cost a good part of the parse again and keep them all in the main thread.
//
// More threads mean more CPU in all (each thread warms up its own JIT and its own parser): on
// a machine whose cores are busy with other work, a run takes longer with workers, not less
// (measured on a 2-core machine shared with other work: 6.2 s wall alone, 7.8 s with a worker).
// So workers start only for the idle cores the machine had while the main thread discovered
// the migrations (idleMeter), as `make -l` holds back jobs on a loaded machine, and only where
// a core is left for V8's own helper threads (workerCount).
//
// MG_WORKERS forces the number of worker threads (besides the main thread) for a run without
// trees: `0` never starts one, `N` up to N whatever the input's size (at most one fewer than the
// migration sets). Unset, the input's size and the cores decide.
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Finding, ParsedSource, Statement } from '../core/types.js';
import { analyzeSet, NO_TREE, type SetContext, type SetResult, type Unit } from './analyze-set.js';
import type { AnalyzedMigration } from './types.js';

/**
 * SQL characters per thread below which another thread costs more than it saves. Starting a
 * worker (the bundle, the parser's WebAssembly, a second JIT warm-up) costs about 0.08 s of CPU
 * and 16 MB (a 33 KB lint forced onto one: 0.40 -> 0.48 s CPU, 87 -> 104 MB peak) and 0.1-0.5 s
 * before it analyzes anything, while a thread analyzes about 1 MB a second: a share of 0.4 MB
 * (0.4 s) leaves it a clear gain on an idle core.
 */
export const MIN_CHARS_PER_THREAD = 400_000;

/** Sets a worker holds at once: the next one waits there while the main thread is busy with its own. */
const IN_FLIGHT = 2;

/** A statement as it crosses from a worker: everything but its tree. */
type WireStatement = Omit<Statement, 'ast'>;
type WireSource = Omit<ParsedSource, 'statements'> & { statements: WireStatement[] };
interface WireMigration {
  /** Index of the migration in the set's units. */
  unit: number;
  up: WireSource;
  down: WireSource | null;
  report: AnalyzedMigration['report'];
  transaction: AnalyzedMigration['transaction'];
  suppressed?: AnalyzedMigration['suppressed'];
  preexisting?: AnalyzedMigration['preexisting'];
}

export interface WorkerInit {
  ctx: SetContext;
}
export interface WorkerTask {
  set: number;
  units: Unit[];
  extraFindings: Array<Finding & { path: string }>;
}
export type WorkerMessage =
  /** The worker reached unit `unit` of set `set`, `count` migrations after its last report. */
  | { kind: 'step'; set: number; unit: number; count: number }
  | { kind: 'done'; set: number; migrations: WireMigration[] }
  /** The set threw; the main thread runs it again, so the error surfaces as it does without workers. */
  | { kind: 'failed'; set: number };

/**
 * Analyzes `work` (one list of units per set) on worker threads and the main thread, or returns
 * null when the input is too small for that to pay (or no worker script is at hand: running
 * from the TypeScript sources). `step` runs on the main thread for every migration, in the order
 * each thread reaches them.
 */
export async function runSetsInParallel(work: readonly Unit[][], ctx: SetContext, step: Step, idleCores: () => number): Promise<SetResult[] | null> {
  const weights = work.map(weightOf);
  const workers = workerCount(weights.reduce((a, b) => a + b, 0), work.filter((units) => units.length > 0).length, idleCores);
  const script = workerScript();
  if (workers === 0 || !script) return null;
  return analyzeSetsOn(script, workers, work, ctx, step, weights);
}

/**
 * Starts measuring idle CPU; the function returned says how many cores, on average, were idle
 * since (from the kernel's per-core times, as `top` reads them). The main thread is busy the
 * while, so on an otherwise idle 2-core machine it says about 1.
 */
export function idleMeter(): () => number {
  const start = cpuTimes();
  return () => {
    const now = cpuTimes();
    const total = now.total - start.total;
    // Less than a clock tick went by: nothing to tell, so no reason to hold back.
    if (total <= 0) return now.cores;
    return ((now.idle - start.idle) / total) * now.cores;
  };
}

function cpuTimes(): { idle: number; total: number; cores: number } {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times: t } of all) {
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total, cores: all.length };
}

type Step = (unit: Unit, count?: number) => void;

/**
 * Analyzes `work` on `workers` threads running `script` and on the main thread. A worker that
 * fails leaves its sets to the main thread, which meets the same error a run without workers
 * would; exported for the tests, which hand it a failing script.
 */
export async function analyzeSetsOn(script: URL, workers: number, work: readonly Unit[][], ctx: SetContext, step: Step, weights = work.map(weightOf)): Promise<SetResult[]> {
  // Heaviest sets first, so the last ones to finish are small and the threads end together.
  const queue = work.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const mainOnly: number[] = [];
  const results: Array<SetResult | undefined> = new Array(work.length);
  const pool = new Pool(script, workers, { ...ctx, extraFindings: [] }, {
    step: (set, unit, count) => step(work[set]![unit]!, count),
    done: (set, migrations) => (results[set] = { analyzed: migrations.map((m) => revive(work[set]!, m)), history: [] }),
    // Never to a worker again: a set one worker failed on, the next would likely fail on too.
    failed: (sets) => mainOnly.push(...sets),
  });
  const taskFor = (set: number): WorkerTask => ({ set, units: work[set]!, extraFindings: extraFor(work[set]!, ctx.extraFindings) });
  try {
    for (;;) {
      pool.feed(queue, taskFor);
      const next = mainOnly.shift() ?? queue.shift();
      if (next !== undefined) {
        // The main thread's own share; the workers' messages wait until it yields below.
        results[next] = analyzeSet(work[next]!, ctx, step);
        await pool.settled(true);
        continue;
      }
      if (pool.idle()) break;
      await pool.settled();
    }
  } finally {
    await pool.close();
  }
  return results.map((r, i) => r ?? analyzeSet(work[i]!, ctx, step));
}

/**
 * Worker threads to start for `chars` of SQL in `sets` sets, the main thread being one more:
 * none when one thread will do (a one-file lint never starts one), and no more than the idle
 * cores seen (`idleCores`, see idleMeter) can run, half an idle core counting as one.
 * MG_WORKERS overrides all of it.
 *
 * One core stays for V8's own helper threads: its optimising compiler and garbage collector
 * take about 40% of a one-thread lint's CPU on other threads, so on 2 cores a worker mostly
 * takes turns with them (the corpus, three sets of 5 paired runs on a quiet 2-core machine:
 * a worker changed wall time by -9%, -2% and +3% and CPU by +6%, +16% and +17%; MG_WORKERS=1
 * still forces one there).
 */
export function workerCount(chars: number, sets: number, idleCores: () => number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const forced = forcedWorkers(env);
  if (forced !== undefined) return Math.min(forced, Math.max(0, sets - 1));
  const threads = Math.min(cores - 1, Math.floor(chars / MIN_CHARS_PER_THREAD), sets);
  if (threads < 2) return 0;
  return Math.max(0, Math.min(threads - 1, Math.floor(idleCores() + 0.5)));
}

/**
 * Whether a large file may be parsed on a thread of its own while the main thread analyzes it
 * (ParseOptions.parseAhead): as for workerCount, one core stays for V8's own helper threads, so
 * only with 3 cores or more, and when the machine had an idle core while the migrations were
 * discovered (see idleMeter; on busy cores the parser's thread only takes turns with the
 * analysis, and it costs CPU of its own: each tree is read from JSON on both threads). On 2
 * cores it did not pay: the 20 MB generated file, paired runs on a quiet machine, 11.7 / 12.2 /
 * 14.8 s wall with the thread against 11.8 / 12.3 / 14.2 s without, for +2.5 s of CPU and
 * +140 MB peak (670 against 530 MB).
 * MG_WORKERS=0 keeps the run on one thread; any other number allows it.
 */
export function parseAhead(idleCores: () => number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): boolean {
  const forced = forcedWorkers(env);
  if (forced !== undefined) return forced > 0;
  return cores >= 3 && Math.floor(idleCores() + 0.5) >= 1;
}

/** MG_WORKERS when it is a whole number of 0 or more; anything else is ignored. */
function forcedWorkers(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.MG_WORKERS;
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The bundled worker script next to (or one folder above) this code's chunk; none from the sources. */
function workerScript(): URL | null {
  for (const rel of ['./check-worker.js', '../check-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** About how much work a set is: the SQL its migrations hold. */
function weightOf(units: readonly Unit[]): number {
  let n = 0;
  for (const u of units) n += u.migration.up.text.length + (u.underReview && u.migration.down ? u.migration.down.text.length : 0);
  return n;
}

/** The discovery findings a set's migration reports can take (analyze-set.ts buildMigrationReport), in their original order. */
function extraFor(units: readonly Unit[], findings: ReadonlyArray<Finding & { path: string }>): Array<Finding & { path: string }> {
  const paths = new Set(units.flatMap((u) => (u.migration.down ? [u.migration.up.path, u.migration.down.path] : [u.migration.up.path])));
  return findings.filter((f) => paths.has(f.path));
}

/** A worker's migration with the main thread's own Migration object and the shared NO_TREE put back. */
function revive(units: readonly Unit[], m: WireMigration): AnalyzedMigration {
  const source = (s: WireSource): ParsedSource => ({ ...s, statements: s.statements.map((st) => ({ ...st, ast: NO_TREE })) });
  return {
    migration: units[m.unit]!.migration,
    up: source(m.up),
    down: m.down ? source(m.down) : null,
    report: m.report,
    transaction: m.transaction,
    ...(m.suppressed ? { suppressed: m.suppressed } : {}),
    ...(m.preexisting ? { preexisting: m.preexisting } : {}),
  };
}

interface PoolEvents {
  step(set: number, unit: number, count: number): void;
  done(set: number, migrations: WireMigration[]): void;
  /** Sets a worker gave back (it failed on them, or it died holding them), for the main thread to run. */
  failed(sets: number[]): void;
}

interface Slot {
  worker: Worker;
  holding: Set<number>;
  alive: boolean;
}

/** The worker threads, each holding up to IN_FLIGHT sets; a dead worker's sets go back to the queue. */
class Pool {
  private readonly slots: Slot[];
  private wake: (() => void) | undefined;

  constructor(script: URL, n: number, ctx: SetContext, private readonly on: PoolEvents) {
    this.slots = Array.from({ length: n }, () => this.start(script, ctx));
  }

  private start(script: URL, ctx: SetContext): Slot {
    const worker = new Worker(script, { workerData: { ctx } satisfies WorkerInit });
    const slot: Slot = { worker, holding: new Set(), alive: true };
    const giveBack = () => {
      if (!slot.alive) return;
      slot.alive = false;
      this.on.failed([...slot.holding]);
      slot.holding.clear();
      this.poke();
    };
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.kind === 'step') return this.on.step(msg.set, msg.unit, msg.count);
      slot.holding.delete(msg.set);
      if (msg.kind === 'done') this.on.done(msg.set, msg.migrations);
      else this.on.failed([msg.set]);
      this.poke();
    });
    // A worker that cannot start or crashes (out of memory, an uncaught error) leaves its sets
    // to the main thread: the run ends with the same results, only later.
    worker.on('error', giveBack);
    worker.on('exit', giveBack);
    return slot;
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Hands queued sets to workers with room for them. */
  feed(queue: number[], taskFor: (set: number) => WorkerTask): void {
    for (const slot of this.slots) {
      while (slot.alive && slot.holding.size < IN_FLIGHT && queue.length > 0) {
        const set = queue.shift()!;
        slot.holding.add(set);
        slot.worker.postMessage(taskFor(set));
      }
    }
  }

  /** True when no worker holds a set. */
  idle(): boolean {
    return this.slots.every((s) => s.holding.size === 0);
  }

  /**
   * Waits for a worker's message, or with `justPoll` only until the messages already queued are
   * in (an immediate runs after the event loop's poll phase, where they arrive).
   */
  settled(justPoll = false): Promise<void> {
    return new Promise((resolve) => {
      const immediate = justPoll ? setImmediate(() => this.poke()) : undefined;
      this.wake = () => {
        if (immediate) clearImmediate(immediate);
        resolve();
      };
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
