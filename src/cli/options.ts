// Turns command-line options into a Config: the config file's values, then the flags over them.
// Bad values are usage errors (exit 2) that name the flag.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Config } from '../config/defaults.js';
import { qualify } from '../config/defaults.js';
import { ConfigError, loadConfig } from '../config/load.js';
import { RISKS, type Risk } from '../core/types.js';
import { allRules } from '../../rules/index.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommonFlags {
  config?: string;
  pgVersion?: string;
  failOn?: string;
  tableStats?: string;
}

export interface DryRunFlags {
  dryRun?: boolean;
  engine?: string;
  databaseUrl?: string;
  seedRows?: string;
  statementTimeout?: string;
}

export async function configFromFlags(repoDir: string, flags: CommonFlags & DryRunFlags): Promise<Config> {
  const { config } = await loadConfig(repoDir, flags.config, { ruleIds: allRules.map((r) => r.id) });
  if (flags.pgVersion !== undefined) config.pgVersion = intFlag('--pg-version', flags.pgVersion, 9, 19);
  if (flags.failOn !== undefined) config.failOn = riskFlag('--fail-on', flags.failOn);
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

function intFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

export function riskFlag(name: string, value: string): Risk {
  const upper = value.toUpperCase();
  if (!(RISKS as readonly string[]).includes(upper)) throw new UsageError(`${name} must be one of ${RISKS.join(', ')}, not "${value}"`);
  return upper as Risk;
}

const statsSchema = z.record(
  z.string(),
  z.object({ rows: z.number().nonnegative().optional(), bytes: z.number().nonnegative().optional() }).strict(),
);

/** `--table-stats stats.json`: `{ "public.orders": { "rows": 40000000, "bytes": 12884901888 } }`. */
async function readTableStats(file: string): Promise<Map<string, { rows?: number; bytes?: number }>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --table-stats file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`not valid JSON: ${(e as Error).message}`, file);
  }
  const parsed = statsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`bad value at "${issue.path.join('.')}": ${issue.message}`, file);
  }
  return new Map(Object.entries(parsed.data).map(([k, v]) => [qualify(k), v]));
}
