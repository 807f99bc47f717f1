// Deliveries still being worked on, so SIGTERM can let them finish. GitHub answers a webhook
// after 10 s at most (Probot then answers 202 and the handler goes on), so closing the HTTP
// server is not enough: a review cut off mid-way leaves its check run in progress and the
// status pending until someone re-runs it. A rolling deploy stops old replicas with SIGTERM and
// waits a grace period (Kubernetes: terminationGracePeriodSeconds) before SIGKILL.
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work`, counted until it settles. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return p;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when nothing is running, or after `timeoutMs`; says whether everything finished. */
  async drained(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all([...this.running]), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
    return true;
  }
}

/** The process's deliveries in flight (one App per process). */
export const inFlight = new InFlight();
