// The dry-run stage: run migrations on a throwaway Postgres and record what they do.
export { runDryRun, baseKey, type DryRunMigration, type DryRunOptions, type DryRunOutput, type DryRunProgress, type BaseOutcome } from './run.js';
export { mergeDryRun } from './merge.js';
export { takeSnapshot, diffSnapshots, type Snapshot } from './snapshot.js';
export { sweepStale } from './engines/url.js';
export { sweepStaleClusters, findPgBinDir } from './engines/local.js';
export { resolveCacheDir } from './cache.js';
export type { EngineName } from './sandbox.js';
