// A complete configuration: the file's values over the defaults a user would expect.
import type { LayoutName, Risk, TransactionMode } from '../core/types.js';
import type { ConfigFile, MigrationDirConfig, Preset, RuleSetting } from './schema.js';
import type { TableStats } from '../core/table-stats.js';

/** A blocking lock estimated under this is CAUTION: short enough that queued queries barely notice. */
export const DEFAULT_MAX_BLOCKING_MS = 300;

export const DEFAULT_PG_VERSION = 16;

/** The server the migrations target: its major, and its minor when the configuration names one. */
export interface ServerVersion {
  pgVersion: number;
  pgMinorVersion?: number;
}

/** The config file's `pgVersion` as written (16, or "14.3", which the schema checked) as a major and a minor. */
export function parsePgVersion(written: number | string): ServerVersion {
  if (typeof written === 'number') return { pgVersion: written };
  const [major, minor] = written.split('.');
  return { pgVersion: Number(major), ...(minor !== undefined ? { pgMinorVersion: Number(minor) } : {}) };
}

/** The configuration's target server, on its own. */
export function serverVersion(config: ServerVersion): ServerVersion {
  return { pgVersion: config.pgVersion, ...(config.pgMinorVersion !== undefined ? { pgMinorVersion: config.pgMinorVersion } : {}) };
}

/** The target as the config file writes it: `16`, or `14.3` when it names the minor. */
export function showPgVersion(v: ServerVersion): string {
  return v.pgMinorVersion === undefined ? String(v.pgVersion) : `${v.pgVersion}.${v.pgMinorVersion}`;
}

/**
 * The configuration with its target set to `major`, from a command line or workflow input that
 * names a major only: a minor the file named was of another target, so it goes.
 */
export function withMajorVersion<C extends ServerVersion>(config: C, major: number): C {
  const { pgMinorVersion: _, ...rest } = config;
  return { ...(rest as C), pgVersion: major };
}

/** How each layout's runner executes a migration unless the file says otherwise. */
export const LAYOUT_TRANSACTION: Record<LayoutName, TransactionMode> = {
  // One Exec of the whole file: a file of several statements is one implicit transaction.
  'golang-migrate': 'implicit',
  'directory-pairs': 'wrapped', // Diesel runs each migration in a transaction
  flyway: 'wrapped',
  dbmate: 'wrapped',
  goose: 'wrapped',
  'liquibase-sql': 'wrapped',
  sqitch: 'none', // Sqitch scripts say BEGIN/COMMIT themselves
  prisma: 'wrapped',
  drizzle: 'wrapped',
  supabase: 'none',
  'versioned-rollbacks': 'none',
  pop: 'wrapped',
  sqlx: 'wrapped', // sqlx migrate run: one transaction per file unless it starts with -- no-transaction
  plain: 'none',
};

/** PGlite holds the whole database in memory; a dry-run that passes this is stopped (dryRun.memoryLimitMb). */
export const DEFAULT_MEMORY_LIMIT_MB = 2048;

export interface DryRunConfig {
  enabled: boolean;
  engine: 'pglite' | 'url' | 'local';
  databaseUrl?: string;
  statementTimeoutMs: number;
  totalTimeoutMs: number;
  seedRows: number;
  memoryLimitMb: number;
}

export interface Config {
  pgVersion: number;
  /** The minor release, when the config file names one (`pgVersion: "14.3"`); most rules need only the major. */
  pgMinorVersion?: number;
  /** The config file names pgVersion; otherwise it is DEFAULT_PG_VERSION, a guess at production's server. */
  pgVersionSet: boolean;
  failOn: Risk;
  approvalRisk: Risk;
  /** A suppression the pull request adds over a finding that needs approval still needs it. */
  suppressionsNeedApproval: boolean;
  rules: Record<string, RuleSetting>;
  preset?: Preset;
  migrations?: MigrationDirConfig[];
  transaction: Record<LayoutName, TransactionMode>;
  defaultTransaction: TransactionMode;
  placeholders: Record<string, string>;
  rollbackMissingRisk: Risk;
  tableStats: Map<string, TableStats>;
  /** Repository-relative stats file; its tables are read into `tableStats` by whoever loads the config. */
  tableStatsFile?: string;
  maxBlockingMs: number;
  ignore: string[];
  /** Globs forcing paths to be left alone as another engine's, or reviewed as PostgreSQL. */
  otherDatabases: { skip: string[]; review: string[] };
  dryRun: DryRunConfig;
}

export function resolveConfig(file: ConfigFile): Config {
  const tableStats = new Map<string, TableStats>();
  for (const [name, stats] of Object.entries(file.tableStats ?? {})) tableStats.set(qualify(name), stats);
  return {
    ...(file.pgVersion !== undefined ? parsePgVersion(file.pgVersion) : { pgVersion: DEFAULT_PG_VERSION }),
    pgVersionSet: file.pgVersion !== undefined,
    failOn: file.failOn ?? 'DANGEROUS',
    approvalRisk: file.approvalRisk ?? 'DANGEROUS',
    suppressionsNeedApproval: file.suppressionsNeedApproval ?? true,
    rules: file.rules ?? {},
    ...(file.preset ? { preset: file.preset } : {}),
    ...(file.migrations ? { migrations: file.migrations } : {}),
    transaction: { ...LAYOUT_TRANSACTION, ...(file.transaction ?? {}) },
    defaultTransaction: file.defaultTransaction ?? 'none',
    placeholders: file.placeholders ?? {},
    rollbackMissingRisk: file.rollbackMissingRisk ?? 'CAUTION',
    tableStats,
    ...(file.tableStatsFile ? { tableStatsFile: file.tableStatsFile } : {}),
    maxBlockingMs: file.maxBlockingMs ?? DEFAULT_MAX_BLOCKING_MS,
    ignore: file.ignore ?? [],
    otherDatabases: { skip: file.otherDatabases?.skip ?? [], review: file.otherDatabases?.review ?? [] },
    dryRun: {
      enabled: file.dryRun?.enabled ?? false,
      engine: file.dryRun?.engine ?? 'pglite',
      ...(file.dryRun?.databaseUrl ? { databaseUrl: file.dryRun.databaseUrl } : {}),
      statementTimeoutMs: file.dryRun?.statementTimeoutMs ?? 30_000,
      totalTimeoutMs: file.dryRun?.totalTimeoutMs ?? 300_000,
      seedRows: file.dryRun?.seedRows ?? 0,
      memoryLimitMb: file.dryRun?.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB,
    },
  };
}

/** `orders` -> `public.orders`; names are compared lower-cased as Postgres folds them. */
export function qualify(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes('.') ? lower : `public.${lower}`;
}
