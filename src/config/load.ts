// Reads `.migration-guard.yml` (or the file given) and turns it into a complete Config.
// Errors name the file, the key and the line, never a stack trace.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { tableStatsFromText } from './stats-file.js';
import { PRESETS } from './presets.js';
import { configSchema, type ConfigFile } from './schema.js';
import { closest } from './closest.js';
import { resolveConfig, type Config } from './defaults.js';
import { ConfigError } from './errors.js';
import { CONFIG_FILE_NAMES } from './files.js';

// Re-exported: callers have always imported it from here.
export { ConfigError };

export { CONFIG_FILE_NAMES };

export interface ConfigChecks {
  /** The rule ids that exist: a key under `rules:` that is none of them is an error naming the closest. */
  ruleIds?: readonly string[];
  /** The repository folder on disk: a `migrations[].path` that does not exist there is an error. */
  repoDir?: string;
}

/** Parses config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string, checks: ConfigChecks = {}): ConfigFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
    throw new ConfigError(err.message.split('\n')[0] ?? 'invalid YAML', file, pos.line, pos.col);
  }
  const value: unknown = doc.toJS() ?? {};
  const result = configSchema.safeParse(value);
  if (result.success) {
    const at = (keys: string[]) => {
      const node = findNode(doc.contents as YamlNode | null, keys, true);
      return node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    };
    for (const id of checks.ruleIds ? Object.keys(result.data.rules ?? {}) : []) {
      if (checks.ruleIds!.includes(id)) continue;
      const near = closest(id, checks.ruleIds!);
      const pos = at(['rules', id]);
      throw new ConfigError(`unknown rule "rules.${id}"${near ? `; did you mean "${near}"?` : ''} (\`migration-guard rules\` lists them)`, file, pos.line, pos.col);
    }
    for (const [i, m] of (checks.repoDir ? (result.data.migrations ?? []) : []).entries()) {
      if (existsSync(path.resolve(checks.repoDir!, m.path))) continue;
      const pos = at(['migrations', String(i), 'path']);
      throw new ConfigError(`bad value for "migrations.${i}.path": no such folder "${m.path}" in the repository`, file, pos.line, pos.col);
    }
    return result.data;
  }

  const issue = result.error.issues[0]!;
  // Point at the offending key: for an unknown key, the key itself; otherwise the value's path.
  const keyPath = issue.path.map(String);
  const unknownKey = issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : undefined;
  const fullPath = unknownKey !== undefined ? [...keyPath, unknownKey] : keyPath;
  const node = findNode(doc.contents as YamlNode | null, fullPath, unknownKey !== undefined);
  const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
  const name = fullPath.join('.') || '(top level)';
  const preset = name === 'preset' ? (value as { preset?: unknown }).preset : undefined;
  const message =
    unknownKey !== undefined
      ? `unknown key "${name}"`
      : typeof preset === 'string'
        ? unknownPreset(preset)
        : `bad value for "${name}": ${describeIssue(issue)}`;
  throw new ConfigError(message, file, pos.line, pos.col);
}

function unknownPreset(name: string): string {
  const near = closest(name, PRESETS);
  return `unknown preset "${name}"${near ? `; did you mean "${near}"?` : ''} (presets: ${PRESETS.join(', ')})`;
}

function describeIssue(issue: { code: string; message: string; path: PropertyKey[] }): string {
  // A rule setting is a union; zod's own wording ("Invalid input") says nothing useful there.
  if (issue.code === 'invalid_union' && issue.path[0] === 'rules') return 'expected off, on, true, false, SAFE, CAUTION or DANGEROUS';
  // A bare 14.3 is a YAML number (14.10 would read as 14.1): the minor release goes in quotes.
  if (issue.code === 'invalid_union' && issue.path[0] === 'pgVersion') return 'expected a major version from 9 to 19 (16), or a quoted "major.minor" from 10 on ("14.3")';
  return issue.message.replace(/^Invalid input: /, '');
}

/** The YAML node at `keys`; with `atKey`, the last key itself rather than its value. */
function findNode(node: YamlNode | null, keys: string[], atKey: boolean): YamlNode | null {
  let current: YamlNode | null = node;
  for (const [i, key] of keys.entries()) {
    const last = i === keys.length - 1;
    if (!current) return null;
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (!pair) return current;
      current = ((last && atKey ? pair.key : pair.value) as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(current)) {
      current = (current.items[Number(key)] as YamlNode | undefined) ?? current;
    } else {
      return current;
    }
  }
  return current;
}

/**
 * Loads the config: the explicit `--config` file (must exist), else the first of
 * CONFIG_FILE_NAMES found in `repoDir`, else defaults.
 */
export async function loadConfig(repoDir: string, explicitFile?: string, checks: Omit<ConfigChecks, 'repoDir'> = {}): Promise<{ config: Config; file?: string }> {
  const candidates = explicitFile ? [path.resolve(explicitFile)] : CONFIG_FILE_NAMES.map((n) => path.join(repoDir, n));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if (explicitFile) throw new ConfigError(`cannot read config file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, explicitFile);
      continue;
    }
    const display = explicitFile ?? path.relative(repoDir, file);
    const config = resolveConfig(parseConfig(text, display, { ...checks, repoDir }));
    if (config.tableStatsFile) await mergeStatsFile(config, repoDir, config.tableStatsFile);
    return { config, file: display };
  }
  return { config: resolveConfig({}) };
}

/** Reads `tableStatsFile` (repository-relative) under the config's own tableStats entries. */
async function mergeStatsFile(config: Config, repoDir: string, rel: string): Promise<void> {
  const root = path.resolve(repoDir);
  const file = path.resolve(root, rel);
  // A repository setting reads only the repository's own files.
  if (file !== root && !file.startsWith(root + path.sep)) throw new ConfigError('tableStatsFile must be a path inside the repository', rel);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read tableStatsFile: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, rel);
  }
  const r = tableStatsFromText(text);
  if (!r.ok) throw new ConfigError(r.message, rel);
  config.tableStats = new Map([...r.stats, ...config.tableStats]);
}
