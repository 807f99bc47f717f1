// Turns command-line options into a Config: the config file's values, then the flags over them.
// Bad values are usage errors (exit 2) that name the flag.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/defaults.js';
import { qualify, resolveConfig, withMajorVersion } from '../config/defaults.js';
import { ConfigError } from '../config/errors.js';
import { CONFIG_FILE_NAMES } from '../config/files.js';
import { PRESETS, type Preset } from '../config/presets.js';
import { RISKS, type Risk } from '../core/types.js';
import type { TableStats } from '../core/table-stats.js';
import { UsageError } from './errors.js';
import { allRules } from '../../rules/index.js';

export { UsageError };

export interface CommonFlags {
  config?: string;
  pgVersion?: string;
  failOn?: string;
  tableStats?: string;
  preset?: string;
}

export interface DryRunFlags {
  dryRun?: boolean;
  engine?: string;
  databaseUrl?: string;
  seedRows?: string;
  statementTimeout?: string;
}

export async function configFromFlags(repoDir: string, flags: CommonFlags & DryRunFlags): Promise<Config> {
  // The YAML parser and the schema (a third of the code a lint loads) only when there is a file.
  const hasFile = flags.config !== undefined || CONFIG_FILE_NAMES.some((n) => existsSync(path.join(repoDir, n)));
  const loaded = hasFile ? (await (await import('../config/load.js')).loadConfig(repoDir, flags.config, { ruleIds: allRules.map((r) => r.id) })).config : resolveConfig({});
  const config = flags.pgVersion !== undefined ? withMajorVersion(loaded, intFlag('--pg-version', flags.pgVersion, 9, 19)) : loaded;
  if (flags.failOn !== undefined) config.failOn = riskFlag('--fail-on', flags.failOn);
  if (flags.preset !== undefined) {
    if (!(PRESETS as readonly string[]).includes(flags.preset)) throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}, not "${flags.preset}"`);
    config.preset = flags.preset as Preset;
  }
  if (flags.tableStats !== undefined) {
    for (const [name, stats] of await readTableStats(flags.tableStats)) config.tableStats.set(name, stats);
  }
  if (flags.dryRun) config.dryRun.enabled = true;
  else if ((flags.engine !== undefined || flags.databaseUrl !== undefined) && !config.dryRun.enabled) {
    // Asking for an engine is asking for a dry-run; ignoring the flag silently would be worse.
    config.dryRun.enabled = true;
    process.stderr.write(`migration-guard: ${flags.engine !== undefined ? '--engine' : '--database-url'} implies --dry-run\n`);
  }
  if (flags.engine !== undefined) {
    if (!['pglite', 'url', 'local'].includes(flags.engine)) throw new UsageError(`--engine must be pglite, url or local, not "${flags.engine}"`);
    config.dryRun.engine = flags.engine as Config['dryRun']['engine'];
  }
  if (flags.databaseUrl !== undefined) {
    config.dryRun.databaseUrl = flags.databaseUrl;
    if (flags.engine === undefined) config.dryRun.engine = 'url';
  }
  if (config.dryRun.engine === 'url' && config.dryRun.enabled && !config.dryRun.databaseUrl) {
    throw new UsageError('--engine url needs --database-url (or dryRun.databaseUrl in the config file)');
  }
  if (flags.seedRows !== undefined) config.dryRun.seedRows = intFlag('--seed-rows', flags.seedRows, 0, 10_000_000);
  if (flags.statementTimeout !== undefined) config.dryRun.statementTimeoutMs = intFlag('--statement-timeout', flags.statementTimeout, 1, 86_400_000);
  return config;
}

export function intFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

export function riskFlag(name: string, value: string): Risk {
  const upper = value.toUpperCase();
  if (!(RISKS as readonly string[]).includes(upper)) throw new UsageError(`${name} must be one of ${RISKS.join(', ')}, not "${value}"`);
  return upper as Risk;
}

/** `--table-stats stats.json`: what `migration-guard stats` writes, or `{ "public.orders": { "rows": 40000000 } }`. */
async function readTableStats(file: string): Promise<Map<string, TableStats>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --table-stats file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  // Loaded on first use: the stats file's schema is zod, which a run without one never needs.
  const { tableStatsFromText } = await import('../config/stats-file.js');
  const r = tableStatsFromText(text);
  if (!r.ok) throw new ConfigError(r.message, file);
  return r.stats;
}
