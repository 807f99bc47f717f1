// The repository's configuration as the App reads it: from the pull request's BASE branch,
// never from the pull request itself. A pull request that could edit its own config could turn
// off the rule that flags it, raise the approval threshold, or point the dry-run at a server of
// its choosing; what is on the base branch has been reviewed and merged by the maintainers.
//
// The dry-run engine is further limited by the operator: a hosted App runs strangers' SQL, so it
// only does so in PGlite (in-process, no host files, no programs) unless the operator allowed
// real servers with MIGRATION_GUARD_ALLOW_SERVER_DRYRUN=1.
import { ConfigError } from '../config/errors.js';
import type { Config } from '../config/defaults.js';
import { configOnRef } from '../github/config-file.js';
import type { GitHubClient, RepoRef } from '../github/octokit.js';
import type { ConfigText } from '../github/repo-file.js';

export interface RepoConfig {
  config: Config;
  /** The file it came from, or null for the defaults. */
  file: string | null;
  /** What the App changed in it and why, for the check run's summary. */
  notes: string[];
  /** The file's text as read (the gate compares the pull request's version with it). */
  source: ConfigText | null;
}

export { ConfigError };

/** Reads the first of CONFIG_FILE_NAMES that exists at `ref` (the base branch). */
export async function loadRepoConfig(octokit: GitHubClient, repo: RepoRef, ref: string, allowServerDryRun: boolean, dryRunMemoryMb?: number): Promise<RepoConfig> {
  const { config, source } = await configOnRef(octokit, repo, ref, `on ${ref}`);
  return { ...applyDryRunPolicy(config, allowServerDryRun, dryRunMemoryMb), file: source?.file ?? null, source };
}

/**
 * `url` and `local` engines run SQL on a real server: only with the operator's consent. PGlite
 * runs in this process, so its memory cap is the operator's (MIGRATION_GUARD_DRYRUN_MEMORY_MB)
 * at most: the cap is on the whole process, and so bounds every concurrent dry-run together.
 */
export function applyDryRunPolicy(config: Config, allowServerDryRun: boolean, memoryCapMb?: number): { config: Config; notes: string[] } {
  const notes: string[] = [];
  if (config.dryRun.enabled && config.dryRun.engine !== 'pglite' && !allowServerDryRun) {
    const { databaseUrl: _dropped, ...rest } = config.dryRun;
    notes.push(`The configuration asks for the \`${config.dryRun.engine}\` dry-run engine; this App runs pull requests' SQL only in PGlite (in-process, sandboxed) unless its operator sets MIGRATION_GUARD_ALLOW_SERVER_DRYRUN=1, so the dry-run ran on PGlite.`);
    config = { ...config, dryRun: { ...rest, engine: 'pglite' } };
  }
  if (config.dryRun.enabled && config.dryRun.engine === 'pglite' && memoryCapMb !== undefined && config.dryRun.memoryLimitMb > memoryCapMb) {
    notes.push(`The configuration's dryRun.memoryLimitMb (${config.dryRun.memoryLimitMb} MB) is above this App's limit: the dry-run is stopped at ${memoryCapMb} MB (MIGRATION_GUARD_DRYRUN_MEMORY_MB).`);
    config = { ...config, dryRun: { ...config.dryRun, memoryLimitMb: memoryCapMb } };
  }
  return { config, notes };
}
