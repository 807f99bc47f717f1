import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-FISKFK3V.js";
import {
  CONFIG_FILE_NAMES,
  PRESETS
} from "./chunk-4I7UKKAC.js";
import {
  ConfigError
} from "./chunk-QKDHYJIW.js";
import {
  allRules
} from "./chunk-UHER332N.js";
import {
  resolveConfig,
  withMajorVersion
} from "./chunk-O6AHY4CV.js";
import {
  RISKS
} from "./chunk-GAJUOGXM.js";

// src/cli/options.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
async function configFromFlags(repoDir, flags) {
  const hasFile = flags.config !== void 0 || CONFIG_FILE_NAMES.some((n) => existsSync(path.join(repoDir, n)));
  const loaded = hasFile ? (await (await import("./load-QKASXMRI.js")).loadConfig(repoDir, flags.config, { ruleIds: allRules.map((r) => r.id) })).config : resolveConfig({});
  const config = flags.pgVersion !== void 0 ? withMajorVersion(loaded, intFlag("--pg-version", flags.pgVersion, 9, 19)) : loaded;
  if (flags.failOn !== void 0) config.failOn = riskFlag("--fail-on", flags.failOn);
  if (flags.preset !== void 0) {
    if (!PRESETS.includes(flags.preset)) throw new UsageError(`--preset must be one of ${PRESETS.join(", ")}, not "${flags.preset}"`);
    config.preset = flags.preset;
  }
  if (flags.tableStats !== void 0) {
    for (const [name, stats] of await readTableStats(flags.tableStats)) config.tableStats.set(name, stats);
  }
  if (flags.dryRun) config.dryRun.enabled = true;
  else if ((flags.engine !== void 0 || flags.databaseUrl !== void 0) && !config.dryRun.enabled) {
    config.dryRun.enabled = true;
    process.stderr.write(`migration-guard: ${flags.engine !== void 0 ? "--engine" : "--database-url"} implies --dry-run
`);
  }
  if (flags.engine !== void 0) {
    if (!["pglite", "url", "local"].includes(flags.engine)) throw new UsageError(`--engine must be pglite, url or local, not "${flags.engine}"`);
    config.dryRun.engine = flags.engine;
  }
  if (flags.databaseUrl !== void 0) {
    config.dryRun.databaseUrl = flags.databaseUrl;
    if (flags.engine === void 0) config.dryRun.engine = "url";
  }
  if (config.dryRun.engine === "url" && config.dryRun.enabled && !config.dryRun.databaseUrl) {
    throw new UsageError("--engine url needs --database-url (or dryRun.databaseUrl in the config file)");
  }
  if (flags.seedRows !== void 0) config.dryRun.seedRows = intFlag("--seed-rows", flags.seedRows, 0, 1e7);
  if (flags.statementTimeout !== void 0) config.dryRun.statementTimeoutMs = intFlag("--statement-timeout", flags.statementTimeout, 1, 864e5);
  return config;
}
function intFlag(name, value, min, max) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
function riskFlag(name, value) {
  const upper = value.toUpperCase();
  if (!RISKS.includes(upper)) throw new UsageError(`${name} must be one of ${RISKS.join(", ")}, not "${value}"`);
  return upper;
}
async function readTableStats(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read --table-stats file ${file}: ${e.code ?? String(e)}`);
  }
  const { tableStatsFromText } = await import("./stats-file-AVSREDPC.js");
  const r = tableStatsFromText(text);
  if (!r.ok) throw new ConfigError(r.message, file);
  return r.stats;
}

export {
  configFromFlags,
  intFlag
};
