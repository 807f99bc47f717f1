// The shape of `.migration-guard.yml`. Every key is optional; defaults live in `defaults.ts`.
// Strict objects: an unknown key is an error that names the key, so a typo never silently
// turns a rule back on.
import * as z from 'zod';
import { LAYOUTS, RISKS } from '../core/types.js';
import { PRESETS } from './presets.js';
import { tableStatsSchema } from './stats-file.js';

const risk = z.enum(RISKS);
const layout = z.enum(LAYOUTS);
const transaction = z.enum(['wrapped', 'implicit', 'none']);

export { PRESETS, type Preset } from './presets.js';

const ruleSetting = z.union([
  z.enum(['off', 'on']),
  risk,
  z.boolean(),
]);

export const migrationDirSchema = z
  .object({
    /** Folder of migrations, relative to the repository root. */
    path: z.string().min(1),
    /** Force a layout instead of detecting it. */
    layout: layout.optional(),
    /** Override the runner's transaction behaviour for this folder. */
    transaction: transaction.optional(),
    /** Whether each migration must have a rollback here (overrides the layout's default). */
    requireRollback: z.boolean().optional(),
  })
  .strict();

export const configSchema = z
  .object({
    /**
     * Target Postgres major version, or `"major.minor"` (a string, from 10 on: `"14.3"`) when a
     * rule depends on the minor release (concurrent-index-pg14-corruption).
     */
    pgVersion: z.union([
      z.number().int().min(9).max(19),
      z.string().regex(/^1[0-9]\.[0-9]{1,2}$/, 'write a major version (16) or a quoted "major.minor" from 10 on ("14.3")'),
    ]).optional(),
    /** Lowest risk that fails the run (exit code 1, failing status). */
    failOn: risk.optional(),
    /** Lowest risk that needs `/approve-migration` in the GitHub surfaces. */
    approvalRisk: risk.optional(),
    /** Turns on the rules that match another tool's defaults (`squawk`); `rules` still wins. */
    preset: z.enum(PRESETS).optional(),
    /**
     * Whether a `migration-guard-ignore` that a pull request adds or moves, over a finding at or
     * above `approvalRisk`, still needs `/approve-migration` (GitHub surfaces; base branch only).
     */
    suppressionsNeedApproval: z.boolean().optional(),
    /** Per rule: `off`, `on`, or a risk level to report it at. */
    rules: z.record(z.string(), ruleSetting).optional(),
    /** Migration folders; auto-detected when absent. */
    migrations: z.array(migrationDirSchema).optional(),
    /** Per layout: the runner's transaction behaviour. */
    transaction: z.partialRecord(layout, transaction).optional(),
    /** Default transaction mode for files given alone, outside a recognised layout. */
    defaultTransaction: transaction.optional(),
    /** `${name}` placeholders substituted before parsing (Flyway, Liquibase). */
    placeholders: z.record(z.string(), z.string()).optional(),
    /** Risk of a missing rollback where the layout has rollbacks. */
    rollbackMissingRisk: risk.optional(),
    /** Table sizes, `schema.table: { rows, bytes, ... }` (docs/table-stats.schema.json); also from --table-stats. */
    tableStats: z.record(z.string(), tableStatsSchema).optional(),
    /** A stats file in the repository (what `migration-guard stats` writes), relative to the repository root. */
    tableStatsFile: z.string().min(1).optional(),
    /** Longest estimated blocking lock, in ms, still reported as CAUTION; over it, DANGEROUS. */
    maxBlockingMs: z.number().int().nonnegative().optional(),
    /** Glob patterns of paths to leave out. */
    ignore: z.array(z.string()).optional(),
    /** Migrations of other database engines (folders named sqlite, mysql, h2...) are left alone
     * with a note; these globs force a path either way. */
    otherDatabases: z
      .object({ skip: z.array(z.string()).optional(), review: z.array(z.string()).optional() })
      .strict()
      .optional(),
    dryRun: z
      .object({
        enabled: z.boolean().optional(),
        engine: z.enum(['pglite', 'url', 'local']).optional(),
        databaseUrl: z.string().optional(),
        statementTimeoutMs: z.number().int().positive().optional(),
        totalTimeoutMs: z.number().int().positive().optional(),
        seedRows: z.number().int().nonnegative().optional(),
        /** Resident memory (MB) of the process above which a PGlite dry-run is stopped. */
        memoryLimitMb: z.number().int().min(256).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSetting>;
export type MigrationDirConfig = z.infer<typeof migrationDirSchema>;
