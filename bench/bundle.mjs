// The benchmarks run src/ through esbuild first (Node 20 cannot run TypeScript itself): one
// bundle of the given re-exports, with packages left external. The bundle must lie inside the
// repository's node_modules to resolve them; callers pick a path per process when two runs
// (two worktrees sharing node_modules) could overwrite each other's.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `contents` (re-exports from ./src/…, resolved from the repository root) into `outfile`; returns `outfile`. */
export async function bundleSrc(outfile, contents) {
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error',
  });
  return outfile;
}
