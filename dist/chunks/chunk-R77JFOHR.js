import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  tableStatsSchema
} from "./chunk-7PDHHRXW.js";
import {
  external_exports
} from "./chunk-RJIW4HVH.js";
import {
  LAYOUTS,
  RISKS
} from "./chunk-CUM6X7PU.js";

// src/config/defaults.ts
var DEFAULT_MAX_BLOCKING_MS = 300;
var DEFAULT_PG_VERSION = 16;
var LAYOUT_TRANSACTION = {
  "golang-migrate": "none",
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
  plain: "none"
};
var DEFAULT_MEMORY_LIMIT_MB = 2048;
function resolveConfig(file) {
  const tableStats = /* @__PURE__ */ new Map();
  for (const [name, stats] of Object.entries(file.tableStats ?? {})) tableStats.set(qualify(name), stats);
  return {
    pgVersion: file.pgVersion ?? DEFAULT_PG_VERSION,
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

// src/config/files.ts
var CONFIG_FILE_NAMES = [".migration-guard.yml", ".migration-guard.yaml", ".github/migration-guard.yml"];

// src/config/schema.ts
var risk = external_exports.enum(RISKS);
var layout = external_exports.enum(LAYOUTS);
var transaction = external_exports.enum(["wrapped", "none"]);
var PRESETS = ["squawk"];
var ruleSetting = external_exports.union([
  external_exports.enum(["off", "on"]),
  risk,
  external_exports.boolean()
]);
var migrationDirSchema = external_exports.object({
  /** Folder of migrations, relative to the repository root. */
  path: external_exports.string().min(1),
  /** Force a layout instead of detecting it. */
  layout: layout.optional(),
  /** Override the runner's transaction behaviour for this folder. */
  transaction: transaction.optional(),
  /** Whether each migration must have a rollback here (overrides the layout's default). */
  requireRollback: external_exports.boolean().optional()
}).strict();
var configSchema = external_exports.object({
  /** Target Postgres major version. */
  pgVersion: external_exports.number().int().min(9).max(19).optional(),
  /** Lowest risk that fails the run (exit code 1, failing status). */
  failOn: risk.optional(),
  /** Lowest risk that needs `/approve-migration` in the GitHub surfaces. */
  approvalRisk: risk.optional(),
  /** Turns on the rules that match another tool's defaults (`squawk`); `rules` still wins. */
  preset: external_exports.enum(PRESETS).optional(),
  /**
   * Whether a `migration-guard-ignore` that a pull request adds or moves, over a finding at or
   * above `approvalRisk`, still needs `/approve-migration` (GitHub surfaces; base branch only).
   */
  suppressionsNeedApproval: external_exports.boolean().optional(),
  /** Per rule: `off`, `on`, or a risk level to report it at. */
  rules: external_exports.record(external_exports.string(), ruleSetting).optional(),
  /** Migration folders; auto-detected when absent. */
  migrations: external_exports.array(migrationDirSchema).optional(),
  /** Per layout: the runner's transaction behaviour. */
  transaction: external_exports.partialRecord(layout, transaction).optional(),
  /** Default transaction mode for files given alone, outside a recognised layout. */
  defaultTransaction: transaction.optional(),
  /** `${name}` placeholders substituted before parsing (Flyway, Liquibase). */
  placeholders: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  /** Risk of a missing rollback where the layout has rollbacks. */
  rollbackMissingRisk: risk.optional(),
  /** Table sizes, `schema.table: { rows, bytes, ... }` (docs/table-stats.schema.json); also from --table-stats. */
  tableStats: external_exports.record(external_exports.string(), tableStatsSchema).optional(),
  /** A stats file in the repository (what `migration-guard stats` writes), relative to the repository root. */
  tableStatsFile: external_exports.string().min(1).optional(),
  /** Longest estimated blocking lock, in ms, still reported as CAUTION; over it, DANGEROUS. */
  maxBlockingMs: external_exports.number().int().nonnegative().optional(),
  /** Glob patterns of paths to leave out. */
  ignore: external_exports.array(external_exports.string()).optional(),
  /** Migrations of other database engines (folders named sqlite, mysql, h2...) are left alone
   * with a note; these globs force a path either way. */
  otherDatabases: external_exports.object({ skip: external_exports.array(external_exports.string()).optional(), review: external_exports.array(external_exports.string()).optional() }).strict().optional(),
  dryRun: external_exports.object({
    enabled: external_exports.boolean().optional(),
    engine: external_exports.enum(["pglite", "url", "local"]).optional(),
    databaseUrl: external_exports.string().optional(),
    statementTimeoutMs: external_exports.number().int().positive().optional(),
    totalTimeoutMs: external_exports.number().int().positive().optional(),
    seedRows: external_exports.number().int().nonnegative().optional(),
    /** Resident memory (MB) of the process above which a PGlite dry-run is stopped. */
    memoryLimitMb: external_exports.number().int().min(256).optional()
  }).strict().optional()
}).strict();

export {
  DEFAULT_PG_VERSION,
  LAYOUT_TRANSACTION,
  DEFAULT_MEMORY_LIMIT_MB,
  resolveConfig,
  CONFIG_FILE_NAMES,
  PRESETS,
  configSchema
};
