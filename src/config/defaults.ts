// A complete configuration: the file's values over the defaults a user would expect.
import type { LayoutName, Risk, TransactionMode } from '../core/types.js';
import type { ConfigFile, MigrationDirConfig, RuleSetting } from './schema.js';
import type { TableStats } from '../analyze/state.js';

export const DEFAULT_PG_VERSION = 16;

/** How each layout's runner executes a migration unless the file says otherwise. */
export const LAYOUT_TRANSACTION: Record<LayoutName, TransactionMode> = {
  'golang-migrate': 'none',
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
  plain: 'none',
};

export interface DryRunConfig {
  enabled: boolean;
  engine: 'pglite' | 'url' | 'local';
  databaseUrl?: string;
  statementTimeoutMs: number;
  totalTimeoutMs: number;
  seedRows: number;
}

export interface Config {
  pgVersion: number;
  failOn: Risk;
  approvalRisk: Risk;
  /** A suppression the pull request adds over a finding that needs approval still needs it. */
  suppressionsNeedApproval: boolean;
  rules: Record<string, RuleSetting>;
  migrations?: MigrationDirConfig[];
  transaction: Record<LayoutName, TransactionMode>;
  defaultTransaction: TransactionMode;
  placeholders: Record<string, string>;
  rollbackMissingRisk: Risk;
  tableStats: Map<string, TableStats>;
  ignore: string[];
  dryRun: DryRunConfig;
}

export function resolveConfig(file: ConfigFile): Config {
  const tableStats = new Map<string, TableStats>();
  for (const [name, stats] of Object.entries(file.tableStats ?? {})) tableStats.set(qualify(name), stats);
  return {
    pgVersion: file.pgVersion ?? DEFAULT_PG_VERSION,
    failOn: file.failOn ?? 'DANGEROUS',
    approvalRisk: file.approvalRisk ?? 'DANGEROUS',
    suppressionsNeedApproval: file.suppressionsNeedApproval ?? true,
    rules: file.rules ?? {},
    ...(file.migrations ? { migrations: file.migrations } : {}),
    transaction: { ...LAYOUT_TRANSACTION, ...(file.transaction ?? {}) },
    defaultTransaction: file.defaultTransaction ?? 'none',
    placeholders: file.placeholders ?? {},
    rollbackMissingRisk: file.rollbackMissingRisk ?? 'CAUTION',
    tableStats,
    ignore: file.ignore ?? [],
    dryRun: {
      enabled: file.dryRun?.enabled ?? false,
      engine: file.dryRun?.engine ?? 'pglite',
      ...(file.dryRun?.databaseUrl ? { databaseUrl: file.dryRun.databaseUrl } : {}),
      statementTimeoutMs: file.dryRun?.statementTimeoutMs ?? 30_000,
      totalTimeoutMs: file.dryRun?.totalTimeoutMs ?? 300_000,
      seedRows: file.dryRun?.seedRows ?? 0,
    },
  };
}

/** `orders` -> `public.orders`; names are compared lower-cased as Postgres folds them. */
export function qualify(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes('.') ? lower : `public.${lower}`;
}
