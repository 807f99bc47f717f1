// Matchers for the config's path globs (`ignore`, `otherDatabases`). picomatch is loaded the first
// time a list has globs: the defaults have none, and a run without them never compiles it. It is
// an external package of the built dist/ (scripts/build.mjs copies it beside the bundles).
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

let picomatch: typeof Picomatch | undefined;

/** Whether a repository path matches any of the globs (dotfiles too); nothing matches an empty list. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  picomatch ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch;
  return picomatch([...globs], { dot: true });
}
