// The App's dry-run scheduler with real async tasks: slots go round-robin over installations,
// each installation's queue is bounded, and a full queue refuses at once instead of waiting.
import { describe, expect, it } from 'vitest';
import { QueueFullError, dryRunQueue } from '../../src/app/dry-run-queue.js';

/** A task that runs until released, recording when it started. */
function gate(order: string[], name: string) {
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const task = async (): Promise<string> => {
    order.push(name);
    started();
    await released;
    return name;
  };
  return { task, open, running };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('dryRunQueue', () => {
  it('gives free slots round-robin over installations, not first come first served', async () => {
    const slot = dryRunQueue({ concurrency: 1, perInstallationLimit: 20 });
    const order: string[] = [];
    const first = gate(order, 'A0');
    const running = slot(1, first.task);
    await first.running;
    // Installation 1 floods the queue before 2 and 3 ask once each.
    const floods = [1, 2, 3, 4, 5].map((i) => gate(order, `A${i}`));
    const others = [gate(order, 'B0'), gate(order, 'C0')];
    const done = [
      ...floods.map((g) => slot(1, g.task)),
      slot(2, others[0]!.task),
      slot(3, others[1]!.task),
    ];
    for (const g of [first, ...floods, ...others]) g.open();
    await Promise.all([running, ...done]);
    expect(order).toEqual(['A0', 'A1', 'B0', 'C0', 'A2', 'A3', 'A4', 'A5']);
  });

  it('never runs more than its concurrency at once, and a failed task frees its slot', async () => {
    const slot = dryRunQueue({ concurrency: 2, perInstallationLimit: 20 });
    let now = 0;
    let most = 0;
    const task = (fail: boolean) => async () => {
      now += 1;
      most = Math.max(most, now);
      await settle();
      now -= 1;
      if (fail) throw new Error('dry-run failed');
      return 'ok';
    };
    const results = await Promise.allSettled([1, 2, 3, 1, 2, 3, 1, 2].map((k, i) => slot(k, task(i % 3 === 0))));
    expect(most).toBe(2);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
  });

  it('refuses a review when its installation already has the limit waiting, without blocking others', async () => {
    const slot = dryRunQueue({ concurrency: 1, perInstallationLimit: 2 });
    const order: string[] = [];
    const hung = gate(order, 'A0');
    const running = slot(1, hung.task);
    await hung.running;
    const queued = [gate(order, 'A1'), gate(order, 'A2')];
    const waiting = queued.map((g) => slot(1, g.task));
    // The third waiting review of installation 1 is refused at once, with a message saying to re-run.
    const refused = slot(1, async () => 'never');
    await expect(refused).rejects.toBeInstanceOf(QueueFullError);
    await expect(refused).rejects.toThrow(/2 dry-runs of this installation are already waiting.*re-run/);
    // Another installation still gets a place, and runs before installation 1's backlog.
    const other = gate(order, 'B0');
    const otherDone = slot(2, other.task);
    for (const g of [hung, ...queued, other]) g.open();
    await Promise.all([running, ...waiting, otherDone]);
    expect(order).toEqual(['A0', 'A1', 'B0', 'A2']);
    // Once the queue drained, installation 1 may queue again.
    await expect(slot(1, async () => 'later')).resolves.toBe('later');
  });

  it('with a limit of 0, refuses only when no slot is free', async () => {
    const slot = dryRunQueue({ concurrency: 1, perInstallationLimit: 0 });
    const order: string[] = [];
    const g = gate(order, 'A0');
    const running = slot(null, g.task);
    await g.running;
    await expect(slot(null, async () => 'x')).rejects.toThrow(/no dry-run slot is free/);
    g.open();
    await running;
    await expect(slot(null, async () => 'y')).resolves.toBe('y');
  });
});
