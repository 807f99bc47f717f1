// Runs once per `vitest run`, in the main process, before any worker starts.
// Temp dirs: every worker and every process a test spawns inherits TMPDIR pointing at one
// private folder, so a test (or the code under test) that leaves a temp dir behind is caught
// here, named, and fails the run; the folder is removed either way, so a run leaves nothing
// in the system temp dir.
// Dry-run cache: every worker and spawned process also inherits MIGRATION_GUARD_CACHE_DIR, one
// folder for the run holding the freshly initialised PGlite image, made here once: without it
// each test file and each dry-running process would run PGlite's initdb (seconds of CPU) itself.
// Tests about cold starts and damaged caches give the engine a cache dir of their own.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageCache } from '../../src/dryrun/cache.js';
import { PgliteProvider } from '../../src/dryrun/engines/pglite.js';

export default async function setup(): Promise<() => void> {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'mg-vitest-'));
  const dir = path.join(root, 'tmp');
  mkdirSync(dir);
  // Like /tmp itself: the local engine's cluster runs as the postgres user, which must reach it.
  chmodSync(root, 0o755);
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  // On Node 22+ the CLI turns on Node's compile cache, which Node keeps in
  // $TMPDIR/node-compile-cache unless told otherwise: give it the run's own folder, beside the
  // watched one, so it is shared by the run's processes and removed with the rest.
  const previousCompileCache = process.env.NODE_COMPILE_CACHE;
  process.env.NODE_COMPILE_CACHE = path.join(root, 'node-compile-cache');
  // What tests must keep inside the checkout (copies of dist/ that resolve the project's packages):
  // one folder for the run, removed at the end whatever the workers did.
  const runDir = path.join(path.resolve(import.meta.dirname, '..', '..'), 'node_modules', '.cache', `mg-test-run-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  process.env.MG_TEST_RUN_DIR = runDir;
  // A run inside a run (test/scripts/test-runner.test.ts) shares the outer run's cache.
  const ownCache = !process.env.MIGRATION_GUARD_CACHE_DIR;
  if (ownCache) {
    process.env.MIGRATION_GUARD_CACHE_DIR = path.join(root, 'dryrun-cache');
    const { sandbox } = await new PgliteProvider(imageCache(process.env.MIGRATION_GUARD_CACHE_DIR!)).open('global-setup');
    await sandbox.close();
  }
  return () => {
    const left = readdirSync(dir);
    rmSync(root, { recursive: true, force: true });
    rmSync(runDir, { recursive: true, force: true });
    delete process.env.MG_TEST_RUN_DIR;
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (ownCache) delete process.env.MIGRATION_GUARD_CACHE_DIR;
    if (previousCompileCache === undefined) delete process.env.NODE_COMPILE_CACHE;
    else process.env.NODE_COMPILE_CACHE = previousCompileCache;
    if (left.length > 0) {
      // vitest reports an error thrown here but keeps exit code 0: set the code ourselves.
      process.stderr.write(`\nFAIL: tests left ${left.length} temp entr${left.length === 1 ? 'y' : 'ies'} behind (each test removes its own, also on failure): ${left.slice(0, 20).join(', ')}\n`);
      process.exitCode = 1;
    }
  };
}
