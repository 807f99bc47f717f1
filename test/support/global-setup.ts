// Runs once per `vitest run`, in the main process, before any worker starts.
// Temp dirs: every worker and every process a test spawns inherits TMPDIR pointing at one
// private folder, so a test (or the code under test) that leaves a temp dir behind is caught
// here, named, and fails the run; the folder is removed either way, so a run leaves nothing
// in the system temp dir.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-vitest-'));
  // Like /tmp itself: the local engine's cluster runs as the postgres user, which must reach it.
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  return () => {
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (left.length > 0) {
      // vitest reports an error thrown here but keeps exit code 0: set the code ourselves.
      process.stderr.write(`\nFAIL: tests left ${left.length} temp entr${left.length === 1 ? 'y' : 'ies'} behind (each test removes its own, also on failure): ${left.slice(0, 20).join(', ')}\n`);
      process.exitCode = 1;
    }
  };
}
