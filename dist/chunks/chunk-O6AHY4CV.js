import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/config/defaults.ts
var DEFAULT_MAX_BLOCKING_MS = 300;
var DEFAULT_PG_VERSION = 16;
function parsePgVersion(written) {
  if (typeof written === "number") return { pgVersion: written };
  const [major, minor] = written.split(".");
  return { pgVersion: Number(major), ...minor !== void 0 ? { pgMinorVersion: Number(minor) } : {} };
}
function serverVersion(config) {
  return { pgVersion: config.pgVersion, ...config.pgMinorVersion !== void 0 ? { pgMinorVersion: config.pgMinorVersion } : {} };
}
function showPgVersion(v) {
  return v.pgMinorVersion === void 0 ? String(v.pgVersion) : `${v.pgVersion}.${v.pgMinorVersion}`;
}
function withMajorVersion(config, major) {
  const { pgMinorVersion: _, ...rest } = config;
  return { ...rest, pgVersion: major };
}
var LAYOUT_TRANSACTION = {
  // One Exec of the whole file: a file of several statements is one implicit transaction.
  "golang-migrate": "implicit",
  "directory-pairs": "wrapped",
  // Diesel runs each migration in a transaction
  flyway: "wrapped",
  dbmate: "wrapped",
  goose: "wrapped",
  "liquibase-sql": "wrapped",
  sqitch: "none",
  // Sqitch scripts say BEGIN/COMMIT themselves
  prisma: "wrapped",
  drizzle: "wrapped",
  supabase: "none",
  "versioned-rollbacks": "none",
  pop: "wrapped",
  sqlx: "wrapped",
  // sqlx migrate run: one transaction per file unless it starts with -- no-transaction
  plain: "none"
};
var DEFAULT_MEMORY_LIMIT_MB = 2048;
function resolveConfig(file) {
  const tableStats = /* @__PURE__ */ new Map();
  for (const [name, stats] of Object.entries(file.tableStats ?? {})) tableStats.set(qualify(name), stats);
  return {
    ...file.pgVersion !== void 0 ? parsePgVersion(file.pgVersion) : { pgVersion: DEFAULT_PG_VERSION },
    pgVersionSet: file.pgVersion !== void 0,
    failOn: file.failOn ?? "DANGEROUS",
    approvalRisk: file.approvalRisk ?? "DANGEROUS",
    suppressionsNeedApproval: file.suppressionsNeedApproval ?? true,
    rules: file.rules ?? {},
    ...file.preset ? { preset: file.preset } : {},
    ...file.migrations ? { migrations: file.migrations } : {},
    transaction: { ...LAYOUT_TRANSACTION, ...file.transaction ?? {} },
    defaultTransaction: file.defaultTransaction ?? "none",
    placeholders: file.placeholders ?? {},
    rollbackMissingRisk: file.rollbackMissingRisk ?? "CAUTION",
    tableStats,
    ...file.tableStatsFile ? { tableStatsFile: file.tableStatsFile } : {},
    maxBlockingMs: file.maxBlockingMs ?? DEFAULT_MAX_BLOCKING_MS,
    ignore: file.ignore ?? [],
    otherDatabases: { skip: file.otherDatabases?.skip ?? [], review: file.otherDatabases?.review ?? [] },
    dryRun: {
      enabled: file.dryRun?.enabled ?? false,
      engine: file.dryRun?.engine ?? "pglite",
      ...file.dryRun?.databaseUrl ? { databaseUrl: file.dryRun.databaseUrl } : {},
      statementTimeoutMs: file.dryRun?.statementTimeoutMs ?? 3e4,
      totalTimeoutMs: file.dryRun?.totalTimeoutMs ?? 3e5,
      seedRows: file.dryRun?.seedRows ?? 0,
      memoryLimitMb: file.dryRun?.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB
    }
  };
}
function qualify(name) {
  const lower = name.toLowerCase();
  return lower.includes(".") ? lower : `public.${lower}`;
}

export {
  DEFAULT_PG_VERSION,
  serverVersion,
  showPgVersion,
  withMajorVersion,
  LAYOUT_TRANSACTION,
  DEFAULT_MEMORY_LIMIT_MB,
  resolveConfig
};
