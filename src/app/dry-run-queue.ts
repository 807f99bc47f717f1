// The App's dry-run slots, shared between installations. One process serves every installation,
// and each dry-run holds hundreds of MB, so only a few run at once. A single FIFO queue would let
// one installation that pushes 50 pull requests (or one whose reviews hang) make every other
// installation wait behind it: instead each installation has its own bounded queue and free slots
// go round-robin over the installations that are waiting. A review that finds its installation's
// queue full is refused at once (QueueFullError) so the caller can fail the check closed and say
// so, rather than wait without end or vanish.

/** Who a dry-run is for: the GitHub App installation id (null for events that carry none). */
export type QueueKey = number | null;

export interface DryRunQueueOptions {
  /** Dry-runs that run at once, over all installations (at least 1). */
  concurrency: number;
  /** Dry-runs one installation may have waiting for a slot (0: only run when a slot is free now). */
  perInstallationLimit: number;
}

export class QueueFullError extends Error {
  constructor(
    readonly key: QueueKey,
    readonly limit: number,
  ) {
    super(
      `${limit === 0 ? 'no dry-run slot is free' : `${limit} dry-runs of this installation are already waiting for a slot`}; ` +
        're-run the check (or push again) in a few minutes.',
    );
    this.name = 'QueueFullError';
  }
}

export type DryRunSlot = <T>(key: QueueKey, task: () => Promise<T>) => Promise<T>;

/** A scheduler: `slot(key, task)` runs `task` once a slot is free and it is `key`'s turn. */
export function dryRunQueue(options: DryRunQueueOptions): DryRunSlot {
  const { concurrency, perInstallationLimit } = options;
  let active = 0;
  const waiting = new Map<QueueKey, Array<() => void>>();
  // Installations with waiting tasks, in turn order: served from the front, sent to the back.
  const turn: QueueKey[] = [];

  const release = (): void => {
    active -= 1;
    const key = turn.shift();
    if (key === undefined) return;
    const queue = waiting.get(key)!;
    const start = queue.shift()!;
    if (queue.length > 0) turn.push(key);
    else waiting.delete(key);
    active += 1;
    start();
  };

  return async <T>(key: QueueKey, task: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) {
      const queue = waiting.get(key) ?? [];
      if (queue.length >= perInstallationLimit) throw new QueueFullError(key, perInstallationLimit);
      // The slot is handed over by release() (active stays counted), so no newcomer can jump in.
      await new Promise<void>((resolve) => {
        if (queue.length === 0) {
          waiting.set(key, queue);
          turn.push(key);
        }
        queue.push(resolve);
      });
    } else {
      active += 1;
    }
    try {
      return await task();
    } finally {
      release();
    }
  };
}
