// Things a dry-run must undo even when the process is interrupted: scratch databases and
// roles, temporary clusters. While any is registered, SIGINT/SIGTERM run them before the
// process goes down (then the signal is raised again, so the process ends as it would have).
// SIGKILL cannot be caught: the sweeps in engines/url.ts and engines/local.ts cover that.
type Task = { run: () => Promise<void>; sync?: () => void };

const tasks = new Set<Task>();
let installed = false;
const SIGNAL_CLEANUP_LIMIT_MS = 8_000;

function onSignal(signal: NodeJS.Signals): void {
  uninstall();
  const all = [...tasks];
  tasks.clear();
  const done = Promise.allSettled(all.map((t) => t.run()));
  const limit = new Promise((r) => setTimeout(r, SIGNAL_CLEANUP_LIMIT_MS).unref());
  void Promise.race([done, limit]).finally(() => {
    for (const t of all) t.sync?.();
    // With our listener gone, the default action (or the host's own listener) takes over.
    process.kill(process.pid, signal);
  });
}

function onExit(): void {
  // Last chance, synchronous only (kill a child, delete a directory).
  for (const t of tasks) t.sync?.();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.on('exit', onExit);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.removeListener('exit', onExit);
}

/**
 * Registers an undo step; returns the function that runs it now (once) and unregisters it.
 * `sync` is a synchronous fallback used at process exit.
 */
export function registerCleanup(run: () => Promise<void>, sync?: () => void): () => Promise<void> {
  const task: Task = { run, ...(sync ? { sync } : {}) };
  tasks.add(task);
  install();
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    tasks.delete(task);
    if (tasks.size === 0) uninstall();
    await run();
  };
}
