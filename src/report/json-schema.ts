// The `--format json` contract as a zod schema, and the same as a JSON Schema document for tools
// outside TypeScript. Objects are strict: a field that is not listed here is a leak of internal
// state, and the tests fail on it. Adding a field means adding it here (docs/design.md: fields may
// be added; existing ones keep their names and meaning).
import * as z from 'zod';
import { LAYOUTS, LOCK_MODES, OPERATION_KINDS, RISKS } from '../core/types.js';

const risk = z.enum(RISKS);
const lockMode = z.enum(LOCK_MODES);
const line = z.number().int().min(1);
const column = z.number().int().min(1);
const ms = z.number().min(0);

export const jsonOperationSchema = z.strictObject({
  kind: z.enum(OPERATION_KINDS),
  risk,
  line,
  column,
  table: z.string().optional(),
  lock: lockMode.optional(),
  rules: z.array(z.string()),
  notValid: z.literal(true).optional(),
  usingIndex: z.literal(true).optional(),
  columnName: z.string().optional(),
  constraintName: z.string().optional(),
  indexName: z.string().optional(),
  typeName: z.string().optional(),
  targetIsNew: z.boolean().optional(),
  /** From the table stats: how long it runs and blocks on production (docs/estimates.md). */
  estimate: z
    .strictObject({
      durationMs: ms,
      lockMs: ms,
      lock: lockMode,
      blocks: z.enum(['reads and writes', 'writes', 'none']),
      basis: z.string(),
      low: ms.optional(),
      high: ms.optional(),
    })
    .optional(),
});

export const jsonImpactSchema = z.strictObject({
  risk,
  blockingMs: ms.optional(),
  blockingLow: ms.optional(),
  blockingHigh: ms.optional(),
  blockingOn: z.strictObject({ table: z.string(), lock: lockMode }).optional(),
  dataLoss: z.enum(['none', 'irreversible']),
  dataLossDetail: z.string().optional(),
  bytesRewritten: z.number().min(0).optional(),
  bytesScanned: z.number().min(0).optional(),
  walBytes: z.number().min(0).optional(),
  rollback: z.enum(['schema-only', 'needs-data-restore', 'impossible']),
  prerequisites: z.array(z.string()),
});

export const jsonFindingSchema = z.strictObject({
  rule: z.string(),
  risk,
  line,
  column,
  message: z.string(),
  suggestion: z.string().optional(),
  /**
   * Present when the suggestion does not replace the statement: `before` it runs ahead of the
   * statement, which stays; `after` it runs after the statement (or, for a finding about the
   * file, after the file), as well: "Also run". Absent: it replaces the statement.
   */
  suggestionRuns: z.enum(['instead', 'before', 'after']).optional(),
  /** Lines of earlier statements the suggestion replaces too (it stands where this one is, and they go): one ALTER TABLE for two. */
  alsoReplacesLines: z.array(line).optional(),
  /** Present only when the finding is in another file than the migration (its rollback). */
  path: z.string().optional(),
  /** What running the suggested SQL where it applies (instead of the statement, or before it) proved (check --dry-run). */
  suggestionVerification: z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('verified'), engine: z.string(), serverVersion: z.string(), seededRows: z.number().int().min(0) }),
    z.strictObject({
      status: z.literal('failed'), engine: z.string(), serverVersion: z.string(), seededRows: z.number().int().min(0),
      reason: z.string(), step: z.string().optional(),
    }),
    z.strictObject({ status: z.literal('not-run'), reason: z.string() }),
  ]).optional(),
});

export const jsonDryRunErrorSchema = z.strictObject({
  sqlstate: z.string(),
  message: z.string(),
  path: z.string(),
  line,
  column,
});

export const jsonStatementTraceSchema = z.strictObject({
  path: z.string(),
  line,
  column,
  durationMs: ms,
  locks: z.array(
    z.strictObject({
      relation: z.string(),
      mode: lockMode,
      heldMs: ms,
      preExisting: z.boolean(),
      kind: z.enum(['table', 'index', 'sequence', 'materialized view', 'toast', 'other']).optional(),
      heldAcross: z.number().int().min(0).optional(),
    }),
  ),
  rewrites: z.array(z.string()),
  rewrittenTables: z.array(z.string()).optional(),
  error: jsonDryRunErrorSchema.optional(),
});

export const jsonDryRunSchema = z.strictObject({
  engine: z.enum(['pglite', 'url', 'local']),
  serverVersion: z.string(),
  targetPgVersion: z.number().int().optional(),
  status: z.enum(['passed', 'failed', 'skipped', 'base-failed']),
  reason: z.string().optional(),
  statements: z.array(jsonStatementTraceSchema),
  rollback: z
    .strictObject({
      status: z.enum(['exact', 'incomplete', 'failed', 'not-run']),
      differences: z.array(z.string()),
      reapply: z.enum(['passed', 'failed', 'not-run']),
      error: jsonDryRunErrorSchema.optional(),
    })
    .optional(),
  durationMs: ms,
  error: jsonDryRunErrorSchema.optional(),
  refused: z.string().optional(),
  timedOut: z.boolean().optional(),
  unobserved: z.string().optional(),
  rollbackStatements: z.array(jsonStatementTraceSchema).optional(),
  seed: z
    .strictObject({
      rows: z.number().int().min(0),
      tables: z.array(z.string()),
      skipped: z.array(z.strictObject({ table: z.string(), reason: z.string() })),
      /** Why no table holds seeded rows, when none does. */
      reason: z.string().optional(),
    })
    .optional(),
  baseFromCache: z.boolean().optional(),
});

export const jsonNoteSchema = z.strictObject({ path: z.string(), line, column, message: z.string() });

export const jsonMigrationSchema = z.strictObject({
  path: z.string(),
  risk,
  rollback: z.strictObject({
    path: z.string().nullable(),
    status: z.enum(['present', 'missing', 'not-required']),
  }),
  operations: z.array(jsonOperationSchema),
  findings: z.array(jsonFindingSchema),
  dryRun: jsonDryRunSchema.optional(),
  id: z.string().optional(),
  layout: z.enum(LAYOUTS).optional(),
  change: z.enum(['added', 'modified', 'renamed', 'deleted', 'unchanged']).optional(),
  irreversible: z.boolean().optional(),
  notes: z.array(jsonNoteSchema).optional(),
  impact: jsonImpactSchema.optional(),
});

export const jsonReportErrorSchema = z.strictObject({ path: z.string(), line, column, message: z.string(), rule: z.string().optional(), risk: risk.optional() });

export const jsonReportNoteSchema = z.strictObject({ message: z.string(), path: z.string().optional() });

export const jsonReportSchema = z.strictObject({
  version: z.literal(1),
  risk,
  pgVersion: z.number().int().optional(),
  migrations: z.array(jsonMigrationSchema),
  errors: z.array(jsonReportErrorSchema),
  notes: z.array(jsonReportNoteSchema).optional(),
});

export type JsonOperation = z.infer<typeof jsonOperationSchema>;
export type JsonImpact = z.infer<typeof jsonImpactSchema>;
export type JsonFinding = z.infer<typeof jsonFindingSchema>;
export type JsonDryRunError = z.infer<typeof jsonDryRunErrorSchema>;
export type JsonStatementTrace = z.infer<typeof jsonStatementTraceSchema>;
export type JsonDryRun = z.infer<typeof jsonDryRunSchema>;
export type JsonNote = z.infer<typeof jsonNoteSchema>;
export type JsonMigration = z.infer<typeof jsonMigrationSchema>;
export type JsonReportError = z.infer<typeof jsonReportErrorSchema>;
export type JsonReport = z.infer<typeof jsonReportSchema>;

/** The contract as a JSON Schema (draft 2020-12) document, for non-TypeScript consumers. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'migration-guard/report-v1.json',
    title: 'migration-guard JSON report, version 1',
    ...z.toJSONSchema(jsonReportSchema, { target: 'draft-2020-12' }),
  };
}
