import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  array,
  literal,
  number,
  record,
  strictObject,
  string,
  toJSONSchema
} from "./chunk-CRPVOVPB.js";

// src/config/stats-file.ts
var size = number().nonnegative();
var count = number().nonnegative();
var indexStatsSchema = strictObject({
  name: string().min(1),
  bytes: size,
  definition: string().optional()
});
var tableStatsSchema = strictObject({
  rows: count.optional(),
  bytes: size.optional(),
  indexBytes: size.optional(),
  toastBytes: size.optional(),
  totalBytes: size.optional(),
  indexes: array(indexStatsSchema).optional(),
  activity: strictObject({
    inserts: count,
    updates: count,
    deletes: count,
    liveRows: count.optional(),
    deadRows: count.optional(),
    seqScans: count.optional(),
    indexScans: count.optional(),
    since: string().optional()
  }).optional()
});
var serverStatsSchema = strictObject({
  version: string(),
  versionNum: number().int().nonnegative(),
  maintenanceWorkMemBytes: size.optional(),
  maxParallelMaintenanceWorkers: number().int().nonnegative().optional()
});
var statsFileV2Schema = strictObject({
  $schema: string().optional(),
  version: literal(2),
  generatedAt: string().optional(),
  source: string().optional(),
  server: serverStatsSchema.optional(),
  tables: record(string(), tableStatsSchema)
});
var statsFileV1Schema = record(string(), tableStatsSchema);
function parseStatsFile(json) {
  const isV2 = typeof json === "object" && json !== null && "version" in json && typeof json.version === "number";
  if (isV2) {
    const r2 = statsFileV2Schema.safeParse(json);
    if (!r2.success) return fail(r2.error);
    const { $schema: _schema, ...file } = r2.data;
    void _schema;
    return { ok: true, file };
  }
  const r = statsFileV1Schema.safeParse(json);
  if (!r.success) return fail(r.error);
  return { ok: true, file: { version: 2, tables: r.data } };
}
function fail(error) {
  const issue = error.issues[0];
  return { ok: false, path: issue.path.join("."), message: issue.message };
}
function statsFileJsonSchema() {
  const part = (schema) => {
    const { $schema: _drop, ...rest } = toJSONSchema(schema, { target: "draft-2020-12" });
    void _drop;
    return rest;
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "migration-guard/table-stats.json",
    title: "migration-guard table stats (--table-stats, tableStats, tableStatsFile, `migration-guard stats`)",
    anyOf: [
      { ...part(statsFileV2Schema), description: "version 2, as `migration-guard stats` writes it" },
      { ...part(statsFileV1Schema), description: "version 1: a map of schema.table to sizes" }
    ]
  };
}
function tableStatsFromText(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${e.message}` };
  }
  const parsed = parseStatsFile(json);
  if (!parsed.ok) return { ok: false, message: `bad value at "${parsed.path}": ${parsed.message}` };
  return { ok: true, stats: new Map(Object.entries(parsed.file.tables).map(([k, v]) => [qualifyTable(k), v])) };
}
function qualifyTable(name) {
  const lower = name.toLowerCase();
  return lower.includes(".") ? lower : `public.${lower}`;
}

export {
  indexStatsSchema,
  tableStatsSchema,
  serverStatsSchema,
  statsFileV2Schema,
  statsFileV1Schema,
  parseStatsFile,
  statsFileJsonSchema,
  tableStatsFromText
};
