// The table-stats file (`--table-stats`, the `tableStats` config key, `migration-guard stats`
// output) as a zod schema. Two shapes are accepted: the first, a plain map
// `{ "public.orders": { "rows": 40000000, "bytes": 12884901888 } }`, and version 2, which
// `stats` writes: `{ "version": 2, "server": {...}, "tables": { "public.orders": {...} } }`.
// Every per-table field is optional, so a hand-written file of rows alone stays valid.
import * as z from 'zod';
import type { StatsFile, TableStats } from '../core/table-stats.js';

const size = z.number().nonnegative();
const count = z.number().nonnegative();

export const indexStatsSchema = z.strictObject({
  name: z.string().min(1),
  bytes: size,
  definition: z.string().optional(),
});

export const tableStatsSchema = z.strictObject({
  rows: count.optional(),
  bytes: size.optional(),
  indexBytes: size.optional(),
  toastBytes: size.optional(),
  totalBytes: size.optional(),
  indexes: z.array(indexStatsSchema).optional(),
  activity: z
    .strictObject({
      inserts: count,
      updates: count,
      deletes: count,
      liveRows: count.optional(),
      deadRows: count.optional(),
      seqScans: count.optional(),
      indexScans: count.optional(),
      since: z.string().optional(),
    })
    .optional(),
});

export const serverStatsSchema = z.strictObject({
  version: z.string(),
  versionNum: z.number().int().nonnegative(),
  maintenanceWorkMemBytes: size.optional(),
  maxParallelMaintenanceWorkers: z.number().int().nonnegative().optional(),
});

export const statsFileV2Schema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(2),
  generatedAt: z.string().optional(),
  source: z.string().optional(),
  server: serverStatsSchema.optional(),
  tables: z.record(z.string(), tableStatsSchema),
});

export const statsFileV1Schema = z.record(z.string(), tableStatsSchema);

/** Either shape, as version 2. A v1 map never has a numeric `version` entry (its values are objects). */
export function parseStatsFile(json: unknown): { ok: true; file: StatsFile } | { ok: false; path: string; message: string } {
  const isV2 = typeof json === 'object' && json !== null && 'version' in json && typeof (json as { version: unknown }).version === 'number';
  if (isV2) {
    const r = statsFileV2Schema.safeParse(json);
    if (!r.success) return fail(r.error);
    const { $schema: _schema, ...file } = r.data;
    void _schema;
    return { ok: true, file: file as StatsFile };
  }
  const r = statsFileV1Schema.safeParse(json);
  if (!r.success) return fail(r.error);
  return { ok: true, file: { version: 2, tables: r.data as Record<string, TableStats> } };
}

function fail(error: z.ZodError): { ok: false; path: string; message: string } {
  const issue = error.issues[0]!;
  return { ok: false, path: issue.path.join('.'), message: issue.message };
}

/** The file format as a JSON Schema document (docs/table-stats.schema.json is generated from it). */
export function statsFileJsonSchema(): Record<string, unknown> {
  const part = (schema: z.ZodType) => {
    const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' });
    void _drop;
    return rest;
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'migration-guard/table-stats.json',
    title: 'migration-guard table stats (--table-stats, tableStats, tableStatsFile, `migration-guard stats`)',
    anyOf: [
      { ...part(statsFileV2Schema), description: 'version 2, as `migration-guard stats` writes it' },
      { ...part(statsFileV1Schema), description: 'version 1: a map of schema.table to sizes' },
    ],
  };
}

/**
 * A stats file's text as the tableStats map (keys qualified and lower-cased like config keys),
 * or a message that says what is wrong and where. Used for --table-stats, the Action's
 * `table-stats` input and the `tableStatsFile` config key.
 */
export function tableStatsFromText(text: string): { ok: true; stats: Map<string, TableStats> } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
  }
  const parsed = parseStatsFile(json);
  if (!parsed.ok) return { ok: false, message: `bad value at "${parsed.path}": ${parsed.message}` };
  return { ok: true, stats: new Map(Object.entries(parsed.file.tables).map(([k, v]) => [qualifyTable(k), v])) };
}

/** `orders` -> `public.orders`, lower-cased (config/defaults.ts qualify, without the import cycle). */
function qualifyTable(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes('.') ? lower : `public.${lower}`;
}
