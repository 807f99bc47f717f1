// One review's throwaway Postgres, shared by every verifier (and by the dry-run before them):
// one engine provider, so the base image is read or built once and its copies stay in memory
// (PGlite); the base with seeded rows is built once and saved as an image of its own; the
// schema the migrations as written produce, and whether they fail on the seeded rows, are
// worked out once. Every verification still runs on a sandbox of its own, opened from those
// images: nothing one verification does is seen by the next.
import { applyBase, baseKey, extensionsCreated, makeProvider, type DryRunMigration, type DryRunOptions } from '../dryrun/run.js';
import { hashKey } from '../dryrun/cache.js';
import { applyUntraced, type Limits } from '../dryrun/execute.js';
import type { Sandbox, SandboxProvider } from '../dryrun/sandbox.js';
import { toDbError } from '../dryrun/sandbox.js';
import { createRunnerTables } from '../dryrun/runner-tables.js';
import { SEED_FORMAT, seedTables, type SeedOutcome } from '../dryrun/seed.js';
import { takeSnapshot, type Snapshot } from '../dryrun/snapshot.js';

export interface SessionOptions extends Pick<DryRunOptions, 'engine' | 'databaseUrl' | 'cacheDir' | 'pgBinDir' | 'memoryLimitMb' | 'targetMajor'> {
  /** CPU time (ms) a base or seeding must have cost for its image to be saved (default SAVE_WORTH_CPU_MS). */
  saveWorthCpuMs?: number;
}

/** The migrations before the ones under verification, and those (what the image must be able to load). */
export interface SessionInput {
  base: readonly DryRunMigration[];
  review: readonly DryRunMigration[];
}

type Opened = { sandbox: Sandbox } | { reason: string };

export class VerifySession {
  readonly provider: SandboxProvider;
  /** Extensions every image of this session loads: those the base and any reviewed migration create. */
  private extensions: string[] | null = null;
  private readonly failsWithRows = new Map<string, Promise<string | undefined>>();
  private readonly expected = new Map<string, Snapshot>();
  /** Review migrations whose column shapes were read already (by the dry-run's observer). */
  readonly shapesRead = new Set<string>();

  private readonly saveWorthCpuMs: number;

  constructor(opts: SessionOptions) {
    this.provider = makeProvider(opts);
    this.saveWorthCpuMs = opts.saveWorthCpuMs ?? SAVE_WORTH_CPU_MS;
  }

  /** Whether the work since `since` (cpuClock) cost enough to save its result as an image. */
  private worthSaving(since: number): boolean {
    return cpuClock() - since >= this.saveWorthCpuMs;
  }

  /**
   * Fixes the extensions of this session's images to those of `input` (the whole review):
   * a verification of one migration then opens the image the dry-run made, not one of its
   * own. Loading an extension only makes CREATE EXTENSION possible; the database is the same.
   */
  useExtensionsOf(input: SessionInput): void {
    this.extensions ??= extensionsCreated([...input.base, ...input.review]);
  }

  private extensionsFor(input: SessionInput, on: readonly DryRunMigration[]): string[] {
    const own = extensionsCreated([...input.base, ...on, ...input.review]);
    // A verification of migrations the review did not name (a test's own) keeps its own set.
    return this.extensions && own.every((e) => this.extensions!.includes(e)) ? this.extensions : own;
  }

  /**
   * A sandbox holding `base` then `on` (the earlier migrations of the review, applied as
   * written), from an image when one is kept; a history that does not apply gives its reason.
   */
  async open(input: SessionInput, limits: Limits, on: readonly DryRunMigration[] = []): Promise<Opened> {
    const extensions = this.extensionsFor(input, on);
    const key = baseKey([...input.base, ...on], extensions);
    if (on.length === 0) {
      const { sandbox, fromCache } = await this.provider.open(key, extensions);
      await createRunnerTables(sandbox, [...input.base, ...input.review], limits.statementTimeoutMs);
      if (fromCache) return { sandbox };
      return this.applied(sandbox, input.base, key, limits, input.base.length);
    }
    const saved = await this.provider.openSaved?.(key, extensions);
    if (saved) return { sandbox: saved.sandbox };
    // The review's own earlier migrations on the image of the base, rather than the whole history again.
    const below = await this.open(input, limits);
    if ('reason' in below) return below;
    return this.applied(below.sandbox, on, key, limits, input.base.length + on.length);
  }

  /** `sandbox` after `migrations`, saved as `key`; closed, with the reason, when one fails. */
  private async applied(sandbox: Sandbox, migrations: readonly DryRunMigration[], key: string, limits: Limits, total: number): Promise<Opened> {
    const work = cpuClock();
    const outcome = await applyBase(sandbox, migrations, limits, () => {});
    if (outcome.status !== 'ok') {
      await sandbox.close();
      const e = outcome.error!;
      return { reason: `the base history fails at ${e.path}:${e.line}:${e.column}: ${e.message}` };
    }
    if (total > 0 && this.worthSaving(work)) await this.provider.save(sandbox, key, { status: 'ok', applied: total });
    return { sandbox };
  }

  /**
   * Like open(), with `seedRows` synthetic rows in every table. Seeding is the slow part of a
   * verification, and its rows are the same every time (seed.ts): the seeded database is
   * saved as an image of its own, keyed by the base's, and later ones start from it.
   */
  async openSeeded(input: SessionInput, limits: Limits, seedRows: number, on: readonly DryRunMigration[] = []): Promise<({ sandbox: Sandbox; seed: SeedOutcome; fromImage: boolean }) | { reason: string }> {
    const extensions = this.extensionsFor(input, on);
    const key = hashKey([baseKey([...input.base, ...on], extensions), 'seeded', SEED_FORMAT, String(seedRows)]);
    const saved = await this.provider.openSaved?.(key, extensions);
    if (saved) return { sandbox: saved.sandbox, seed: saved.meta as SeedOutcome, fromImage: true };
    const opened = await this.open(input, limits, on);
    if ('reason' in opened) return opened;
    const work = cpuClock();
    const seed = await seedTables(opened.sandbox, seedRows, limits.statementTimeoutMs);
    // An engine the seeding had to stop holds half-filled tables: not an image to start from.
    if (opened.sandbox.alive && seedRows > 0 && this.worthSaving(work)) await this.provider.save(opened.sandbox, key, seed);
    return { sandbox: opened.sandbox, seed, fromImage: false };
  }

  /** The schema after the reviewed migrations as written, on the base with no rows, or why there is none. */
  async expectedSchema(input: SessionInput, limits: Limits): Promise<Snapshot | { reason: string }> {
    const known = this.expected.get(reviewKey(input));
    if (known) return known;
    const opened = await this.open(input, limits);
    if ('reason' in opened) return opened;
    try {
      return await applyReview(opened.sandbox, input, limits, 'even without rows');
    } finally {
      await opened.sandbox.close();
    }
  }

  /** What a database holding the base and then the reviewed migrations, without rows, looked like (from the dry-run). */
  rememberSchema(input: SessionInput, schema: Snapshot): void {
    this.expected.set(reviewKey(input), schema);
  }

  /** Why the reviewed migrations as written fail on the base with seeded rows, or undefined when they apply. */
  originalFailsWithRows(input: SessionInput, limits: Limits, seedRows: number, on: readonly DryRunMigration[] = []): Promise<string | undefined> {
    const k = `${reviewKey({ base: [...input.base, ...on], review: input.review })} ${seedRows}`;
    let known = this.failsWithRows.get(k);
    if (!known) {
      known = (async () => {
        const opened = await this.openSeeded(input, limits, seedRows, on);
        if ('reason' in opened) return opened.reason;
        try {
          const r = await applyReview(opened.sandbox, input, limits, 'with the seeded rows');
          return r instanceof Map ? undefined : r.reason;
        } finally {
          await opened.sandbox.close();
        }
      })();
      this.failsWithRows.set(k, known);
    }
    return known;
  }

  async dispose(): Promise<void> {
    await this.provider.dispose().catch(() => undefined);
  }
}

/**
 * Saving an image (a checkpoint, a copy of the data directory, a file in the cache) costs about
 * 0.15 s of CPU: work that took less than this is cheaper done again when it is needed.
 */
const SAVE_WORTH_CPU_MS = 200;

/** CPU time of the whole process (the engine's worker thread included), in ms. */
function cpuClock(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}



/** The reviewed migrations applied in order, then the schema; or why one of them failed (`when`: the rows it had). */
async function applyReview(sandbox: Sandbox, input: SessionInput, limits: Limits, when: string): Promise<Snapshot | { reason: string }> {
  for (const m of input.review) {
    if (m.up.errors.length > 0) return { reason: `${m.migration.up.path} does not parse` };
    let err;
    try {
      err = await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits);
    } catch (e) {
      err = { ...toDbError(e), path: m.migration.up.path, line: 1, column: 1 };
    }
    if (err) return { reason: `the migration itself fails on the engine ${when}, at ${err.path}:${err.line}: ${err.message}` };
  }
  return takeSnapshot(sandbox);
}

function reviewKey(input: SessionInput): string {
  return hashKey([baseKey(input.base), ...input.review.flatMap((m) => [m.migration.id, m.migration.transaction, m.migration.up.text])]);
}

/** The session in `opts`, or one of its own the caller disposes (`owned`). */
export function sessionFor(opts: SessionOptions & { session?: VerifySession }): { session: VerifySession; owned: boolean } {
  return opts.session ? { session: opts.session, owned: false } : { session: new VerifySession(opts), owned: true };
}
