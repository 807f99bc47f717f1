import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-TGAEFO6I.js";
import {
  CONFIG_FILE_NAMES,
  PRESETS
} from "./chunk-4I7UKKAC.js";
import {
  ConfigError
} from "./chunk-QKDHYJIW.js";
import {
  tableStatsFromText,
  tableStatsSchema
} from "./chunk-UBPJFDOA.js";
import {
  _enum,
  array,
  boolean,
  number,
  object,
  partialRecord,
  record,
  string,
  union
} from "./chunk-CRPVOVPB.js";
import {
  resolveConfig
} from "./chunk-O6AHY4CV.js";
import {
  LAYOUTS,
  RISKS
} from "./chunk-GAJUOGXM.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/config/schema.ts
var risk = _enum(RISKS);
var layout = _enum(LAYOUTS);
var transaction = _enum(["wrapped", "implicit", "none"]);
var ruleSetting = union([
  _enum(["off", "on"]),
  risk,
  boolean()
]);
var migrationDirSchema = object({
  /** Folder of migrations, relative to the repository root. */
  path: string().min(1),
  /** Force a layout instead of detecting it. */
  layout: layout.optional(),
  /** Override the runner's transaction behaviour for this folder. */
  transaction: transaction.optional(),
  /** Whether each migration must have a rollback here (overrides the layout's default). */
  requireRollback: boolean().optional()
}).strict();
var configSchema = object({
  /**
   * Target Postgres major version, or `"major.minor"` (a string, from 10 on: `"14.3"`) when a
   * rule depends on the minor release (concurrent-index-pg14-corruption).
   */
  pgVersion: union([
    number().int().min(9).max(19),
    string().regex(/^1[0-9]\.[0-9]{1,2}$/, 'write a major version (16) or a quoted "major.minor" from 10 on ("14.3")')
  ]).optional(),
  /** Lowest risk that fails the run (exit code 1, failing status). */
  failOn: risk.optional(),
  /** Lowest risk that needs `/approve-migration` in the GitHub surfaces. */
  approvalRisk: risk.optional(),
  /** Turns on the rules that match another tool's defaults (`squawk`); `rules` still wins. */
  preset: _enum(PRESETS).optional(),
  /**
   * Whether a `migration-guard-ignore` that a pull request adds or moves, over a finding at or
   * above `approvalRisk`, still needs `/approve-migration` (GitHub surfaces; base branch only).
   */
  suppressionsNeedApproval: boolean().optional(),
  /** Per rule: `off`, `on`, or a risk level to report it at. */
  rules: record(string(), ruleSetting).optional(),
  /** Migration folders; auto-detected when absent. */
  migrations: array(migrationDirSchema).optional(),
  /** Per layout: the runner's transaction behaviour. */
  transaction: partialRecord(layout, transaction).optional(),
  /** Default transaction mode for files given alone, outside a recognised layout. */
  defaultTransaction: transaction.optional(),
  /** `${name}` placeholders substituted before parsing (Flyway, Liquibase). */
  placeholders: record(string(), string()).optional(),
  /** Risk of a missing rollback where the layout has rollbacks. */
  rollbackMissingRisk: risk.optional(),
  /** Table sizes, `schema.table: { rows, bytes, ... }` (docs/table-stats.schema.json); also from --table-stats. */
  tableStats: record(string(), tableStatsSchema).optional(),
  /** A stats file in the repository (what `migration-guard stats` writes), relative to the repository root. */
  tableStatsFile: string().min(1).optional(),
  /** Longest estimated blocking lock, in ms, still reported as CAUTION; over it, DANGEROUS. */
  maxBlockingMs: number().int().nonnegative().optional(),
  /** Glob patterns of paths to leave out. */
  ignore: array(string()).optional(),
  /** Migrations of other database engines (folders named sqlite, mysql, h2...) are left alone
   * with a note; these globs force a path either way. */
  otherDatabases: object({ skip: array(string()).optional(), review: array(string()).optional() }).strict().optional(),
  dryRun: object({
    enabled: boolean().optional(),
    engine: _enum(["pglite", "url", "local"]).optional(),
    databaseUrl: string().optional(),
    statementTimeoutMs: number().int().positive().optional(),
    totalTimeoutMs: number().int().positive().optional(),
    seedRows: number().int().nonnegative().optional(),
    /** Resident memory (MB) of the process above which a PGlite dry-run is stopped. */
    memoryLimitMb: number().int().min(256).optional()
  }).strict().optional()
}).strict();

// src/config/closest.ts
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
function closest(name, known) {
  let best;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : void 0;
}

// src/config/load.ts
function parseConfig(text, file, checks = {}) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos2 = err.linePos?.[0] ?? { line: 1, col: 1 };
    throw new ConfigError(err.message.split("\n")[0] ?? "invalid YAML", file, pos2.line, pos2.col);
  }
  const value = doc.toJS() ?? {};
  const result = configSchema.safeParse(value);
  if (result.success) {
    const at = (keys) => {
      const node2 = findNode(doc.contents, keys, true);
      return node2?.range ? lineCounter.linePos(node2.range[0]) : { line: 1, col: 1 };
    };
    for (const id of checks.ruleIds ? Object.keys(result.data.rules ?? {}) : []) {
      if (checks.ruleIds.includes(id)) continue;
      const near = closest(id, checks.ruleIds);
      const pos2 = at(["rules", id]);
      throw new ConfigError(`unknown rule "rules.${id}"${near ? `; did you mean "${near}"?` : ""} (\`migration-guard rules\` lists them)`, file, pos2.line, pos2.col);
    }
    for (const [i, m] of (checks.repoDir ? result.data.migrations ?? [] : []).entries()) {
      if (existsSync(path.resolve(checks.repoDir, m.path))) continue;
      const pos2 = at(["migrations", String(i), "path"]);
      throw new ConfigError(`bad value for "migrations.${i}.path": no such folder "${m.path}" in the repository`, file, pos2.line, pos2.col);
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  const keyPath = issue.path.map(String);
  const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] ?? "" : void 0;
  const fullPath = unknownKey !== void 0 ? [...keyPath, unknownKey] : keyPath;
  const node = findNode(doc.contents, fullPath, unknownKey !== void 0);
  const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
  const name = fullPath.join(".") || "(top level)";
  const preset = name === "preset" ? value.preset : void 0;
  const message = unknownKey !== void 0 ? `unknown key "${name}"` : typeof preset === "string" ? unknownPreset(preset) : `bad value for "${name}": ${describeIssue(issue)}`;
  throw new ConfigError(message, file, pos.line, pos.col);
}
function unknownPreset(name) {
  const near = closest(name, PRESETS);
  return `unknown preset "${name}"${near ? `; did you mean "${near}"?` : ""} (presets: ${PRESETS.join(", ")})`;
}
function describeIssue(issue) {
  if (issue.code === "invalid_union" && issue.path[0] === "rules") return "expected off, on, true, false, SAFE, CAUTION or DANGEROUS";
  if (issue.code === "invalid_union" && issue.path[0] === "pgVersion") return 'expected a major version from 9 to 19 (16), or a quoted "major.minor" from 10 on ("14.3")';
  return issue.message.replace(/^Invalid input: /, "");
}
function findNode(node, keys, atKey) {
  let current = node;
  for (const [i, key] of keys.entries()) {
    const last = i === keys.length - 1;
    if (!current) return null;
    if ((0, import_yaml.isMap)(current)) {
      const pair = current.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === key);
      if (!pair) return current;
      current = (last && atKey ? pair.key : pair.value) ?? pair.key;
    } else if ((0, import_yaml.isSeq)(current)) {
      current = current.items[Number(key)] ?? current;
    } else {
      return current;
    }
  }
  return current;
}
async function loadConfig(repoDir, explicitFile, checks = {}) {
  const candidates = explicitFile ? [path.resolve(explicitFile)] : CONFIG_FILE_NAMES.map((n) => path.join(repoDir, n));
  for (const file of candidates) {
    let text;
    try {
      text = await readFile(file, "utf8");
    } catch (e) {
      if (explicitFile) throw new ConfigError(`cannot read config file: ${e.code ?? String(e)}`, explicitFile);
      continue;
    }
    const display = explicitFile ?? path.relative(repoDir, file);
    const config = resolveConfig(parseConfig(text, display, { ...checks, repoDir }));
    if (config.tableStatsFile) await mergeStatsFile(config, repoDir, config.tableStatsFile);
    return { config, file: display };
  }
  return { config: resolveConfig({}) };
}
async function mergeStatsFile(config, repoDir, rel) {
  const root = path.resolve(repoDir);
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) throw new ConfigError("tableStatsFile must be a path inside the repository", rel);
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new ConfigError(`cannot read tableStatsFile: ${e.code ?? String(e)}`, rel);
  }
  const r = tableStatsFromText(text);
  if (!r.ok) throw new ConfigError(r.message, rel);
  config.tableStats = new Map([...r.stats, ...config.tableStats]);
}

export {
  parseConfig,
  loadConfig
};
