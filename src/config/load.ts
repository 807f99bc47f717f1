// Reads `.migration-guard.yml` (or the file given) and turns it into a complete Config.
// Errors name the file, the key and the line, never a stack trace.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { configSchema, type ConfigFile } from './schema.js';
import { resolveConfig, type Config } from './defaults.js';

export const CONFIG_FILE_NAMES = ['.migration-guard.yml', '.migration-guard.yaml', '.github/migration-guard.yml'];

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  /** `file:line:col: message`, the form every other error of ours takes. */
  format(): string {
    return `${this.file}:${this.line}:${this.column}: ${this.message}`;
  }
}

/** Parses config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string): ConfigFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
    throw new ConfigError(err.message.split('\n')[0] ?? 'invalid YAML', file, pos.line, pos.col);
  }
  const value: unknown = doc.toJS() ?? {};
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;

  const issue = result.error.issues[0]!;
  // Point at the offending key: for an unknown key, the key itself; otherwise the value's path.
  const keyPath = issue.path.map(String);
  const unknownKey = issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : undefined;
  const fullPath = unknownKey !== undefined ? [...keyPath, unknownKey] : keyPath;
  const node = findNode(doc.contents as YamlNode | null, fullPath);
  const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
  const name = fullPath.join('.') || '(top level)';
  const message =
    unknownKey !== undefined
      ? `unknown key "${name}"`
      : `bad value for "${name}": ${issue.message.replace(/^Invalid input: /, '')}`;
  throw new ConfigError(message, file, pos.line, pos.col);
}

function findNode(node: YamlNode | null, keys: string[]): YamlNode | null {
  let current: YamlNode | null = node;
  for (const key of keys) {
    if (!current) return null;
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (!pair) return null;
      // For the last key point at the key (unknown key) — for others descend into the value.
      current = (key === keys[keys.length - 1] ? (pair.key as YamlNode) : (pair.value as YamlNode)) ?? null;
      if (key === keys[keys.length - 1] && pair.value && !isMap(pair.value)) current = pair.value as YamlNode;
    } else if ('items' in current && Array.isArray((current as { items: unknown[] }).items)) {
      current = ((current as { items: YamlNode[] }).items[Number(key)] as YamlNode) ?? null;
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
export async function loadConfig(repoDir: string, explicitFile?: string): Promise<{ config: Config; file?: string }> {
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
    return { config: resolveConfig(parseConfig(text, display)), file: display };
  }
  return { config: resolveConfig({}) };
}
