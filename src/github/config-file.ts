// The repository's configuration as the GitHub surfaces read it, and what they publish when it
// is broken. Every rule id under `rules:` is checked against the rules that exist (a typo that
// silently left a rule on or off would change the gate unseen), as the CLI does. A broken
// configuration fails closed: no review runs on settings nobody meant, the status fails, and
// the sticky comment says why, once.
import { allRules } from '../../rules/index.js';
import { resolveConfig, type Config } from '../config/defaults.js';
import { ConfigError } from '../config/errors.js';
import { parseConfig } from '../config/load.js';
import { tableStatsFromText } from '../config/stats-file.js';
import { composeComment } from './comment-body.js';
import { EMPTY_STATE, parseState } from './comment-state.js';
import type { GitHubClient, RepoRef } from './octokit.js';
import { fenced } from '../report/markdown/escape.js';
import { STICKY_MARKER } from './render.js';
import { readConfigText, readRepoFile, type ConfigText } from './repo-file.js';
import { listThread, type StickyComment } from './sticky-comment.js';
import { writeStickyComment } from './sticky-settle.js';

export const RULE_IDS: readonly string[] = allRules.map((r) => r.id);

/** The config file's text as a complete Config (defaults when there is no file); throws ConfigError. */
export function configFromText(source: ConfigText | null): Config {
  return resolveConfig(source ? parseConfig(source.text, source.file, { ruleIds: RULE_IDS }) : {});
}

/**
 * The config's `tableStatsFile`, read like the config through the API at `ref` (the base
 * branch: a pull request cannot shrink its own tables), under the config's own tableStats.
 */
async function mergeStatsFile(octokit: GitHubClient, repo: RepoRef, ref: string, config: Config): Promise<void> {
  if (!config.tableStatsFile) return;
  const rel = config.tableStatsFile.replace(/^\.\//, '');
  const text = await readRepoFile(octokit, repo, rel, ref);
  if (text === null) throw new ConfigError(`tableStatsFile: no such file on the base branch`, rel);
  const r = tableStatsFromText(text);
  if (!r.ok) throw new ConfigError(r.message, rel);
  config.tableStats = new Map([...r.stats, ...config.tableStats]);
}

/**
 * The configuration at `ref` (the base branch) as both GitHub surfaces read it: the first of
 * CONFIG_FILE_NAMES there (or `explicit`), parsed and checked (a ConfigError says `where`), with
 * its table-stats file from the same ref merged in; `source` is the file's text as read.
 */
export async function configOnRef(
  octokit: GitHubClient,
  repo: RepoRef,
  ref: string,
  where: string,
  explicit?: string,
): Promise<{ config: Config; source: ConfigText | null }> {
  const source = await readConfigText(octokit, repo, ref, explicit);
  let config: Config;
  try {
    config = configFromText(source);
  } catch (e) {
    throw e instanceof ConfigError ? configErrorOn(e, where) : e;
  }
  await mergeStatsFile(octokit, repo, ref, config);
  return { config, source };
}

/** The same error, saying where the configuration was read (`on the base branch`). */
function configErrorOn(e: ConfigError, where: string): ConfigError {
  return new ConfigError(`${e.message} (the configuration ${where})`, e.file, e.line, e.column);
}

/** The status and check run line: `Configuration error: file:line:col: message`. */
export function configErrorLine(e: ConfigError): string {
  return `Configuration error: ${e.format()}`;
}

/** The Markdown the sticky comment and the job summary show for a broken configuration. */
export function configErrorMarkdown(e: ConfigError): string {
  return [
    '### migration-guard',
    '',
    '❌ **Configuration error**',
    '',
    fenced('text', e.format()),
    '',
    'No migration was reviewed, and this check fails until the configuration is fixed. The settings are read from the base branch only (a pull request cannot change the settings it is reviewed with), so the fix must land there.',
  ].join('\n');
}

/**
 * Puts the configuration error in the sticky comment, keeping the state it holds (a recorded
 * approval is still checked against the migrations on the next review). A re-delivery writes
 * the same body, so it is said once.
 */
export async function publishConfigErrorComment(octokit: GitHubClient, repo: RepoRef, pullNumber: number, identity: string, e: ConfigError): Promise<StickyComment> {
  const thread = await listThread(octokit, repo, pullNumber, STICKY_MARKER, identity);
  const state = parseState(thread.own[0]?.body) ?? EMPTY_STATE;
  const body = composeComment({ marker: STICKY_MARKER, report: configErrorMarkdown(e), approvalBlock: '', state });
  return writeStickyComment(octokit, repo, pullNumber, STICKY_MARKER, identity, body, thread.own);
}
