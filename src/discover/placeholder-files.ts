// Files that give the runner's placeholders their values: flyway.conf and flyway.toml, Spring's
// application.properties and application.yml, liquibase.properties, Maven's pom.xml and Gradle's
// build file, a Liquibase changelog's <property>, an environment file's FLYWAY_PLACEHOLDERS_X.
// The review reads a migration with the placeholder values of .migration-guard.yml (the base
// branch's), so a pull request that changes a value in one of these files changes the SQL that
// runs without changing the SQL reviewed: analysed as `SELECT 1`, run as `SELECT 1; DROP TABLE
// users`. Each value the change sets, changes or removes, for a placeholder a migration uses, is
// a DANGEROUS finding on the file that names the new value (so an approval is bound to it).
import type { ReportError } from '../core/types.js';

const NAME = String.raw`[A-Za-z_][A-Za-z0-9_.\-]*`;

/** `key = value` and `key: value` lines: properties, conf, env files, Dockerfile ENV, YAML with dotted keys. */
const LINE_FORMS: ReadonlyArray<{ re: RegExp; name: (m: RegExpExecArray) => string }> = [
  { re: new RegExp(String.raw`^[ \t]*(?:spring\.)?flyway\.placeholders\.(${NAME})[ \t]*[=:][ \t]*(.*)$`, 'gm'), name: (m) => m[1]! },
  { re: new RegExp(String.raw`^[ \t]*(?:spring\.liquibase\.parameters|liquibase\.parameters|parameter)\.(${NAME})[ \t]*[=:][ \t]*(.*)$`, 'gm'), name: (m) => m[1]! },
  // Flyway reads FLYWAY_PLACEHOLDERS_<NAME> from the environment, the name lower-cased.
  { re: /\bFLYWAY_PLACEHOLDERS_([A-Z0-9_]+)[ \t]*[=:][ \t]*(.*)$/gm, name: (m) => m[1]!.toLowerCase() },
];

/** The `name: value` / `name = value` lines of a `placeholders:` (or `parameters:`) block of YAML or TOML. */
function blockDefinitions(text: string, out: Map<string, string>): void {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const head = /^([ \t]*)(?:\[[\w."-]*placeholders\]|[\w.-]*(?:placeholders|parameters)[ \t]*[:=]?)[ \t]*(?:#.*)?$/.exec(lines[i]!);
    if (!head) continue;
    const indent = head[1]!.length;
    const toml = lines[i]!.trim().startsWith('[');
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      const depth = /^[ \t]*/.exec(line)![0].length;
      if (toml ? line.trim().startsWith('[') : depth <= indent) break;
      const m = new RegExp(String.raw`^[ \t]*["']?(${NAME})["']?[ \t]*[:=][ \t]*(.*)$`).exec(line);
      if (m) out.set(m[1]!, unquote(m[2]!));
    }
  }
}

/** `<placeholders><name>value</name></placeholders>` (Maven), `<property name="n" value="v"/>` (Liquibase), Gradle's `placeholders = [n: 'v']`. */
function markupDefinitions(text: string, out: Map<string, string>): void {
  for (const block of text.matchAll(/<placeholders>([\s\S]*?)<\/placeholders>/g)) {
    for (const m of block[1]!.matchAll(/<([A-Za-z_][\w.\-]*)>([^<]*)<\/\1>/g)) out.set(m[1]!, m[2]!.trim());
  }
  for (const m of text.matchAll(/<property\b([^>]*)>/g)) {
    const name = /\bname\s*=\s*"([^"]*)"/.exec(m[1]!)?.[1];
    const value = /\bvalue\s*=\s*"([^"]*)"/.exec(m[1]!)?.[1];
    if (name !== undefined && value !== undefined) out.set(name, value);
  }
  for (const block of text.matchAll(/placeholders\s*=\s*\[([^\]]*)\]/g)) {
    for (const m of block[1]!.matchAll(/['"]?([A-Za-z_][\w.\-]*)['"]?\s*:\s*(['"])([^'"]*)\2/g)) out.set(m[1]!, m[3]!);
  }
}

/** A value as the file means it: trimmed, without the quotes TOML or YAML put around it. */
function unquote(raw: string): string {
  const v = raw.trim();
  return /^(["']).*\1$/.test(v) && v.length >= 2 ? v.slice(1, -1) : v;
}

/** Every placeholder value a file defines, by name (the last definition of a name wins). */
export function placeholderDefinitions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!/placeholder|parameter|<property/i.test(text)) return out;
  for (const form of LINE_FORMS) {
    form.re.lastIndex = 0;
    for (const m of text.matchAll(form.re)) out.set(form.name(m), unquote(m[2]!));
  }
  blockDefinitions(text, out);
  markupDefinitions(text, out);
  return out;
}

/** The `${name}` placeholders a text uses. */
export function placeholdersUsed(text: string, into: Set<string>): void {
  if (!text.includes('${')) return;
  for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}/g)) into.add(m[1]!);
}

/**
 * Findings for the files among `changed` (not migrations) whose placeholder values differ from
 * the base branch's, for placeholders in `used`. Flyway matches names case-insensitively.
 */
export async function placeholderEdits(changed: readonly string[], readHead: (path: string) => Promise<string>, readBase: (path: string) => Promise<string>, used: ReadonlySet<string>): Promise<ReportError[]> {
  if (used.size === 0 || changed.length === 0) return [];
  const usedLower = new Map([...used].map((n) => [n.toLowerCase(), n]));
  const out: ReportError[] = [];
  for (const path of changed) {
    const after = placeholderDefinitions(await readHead(path));
    const before = placeholderDefinitions(await readBase(path));
    const edits: string[] = [];
    for (const name of new Set([...after.keys(), ...before.keys()])) {
      const used = usedLower.get(name.toLowerCase());
      if (used === undefined || after.get(name) === before.get(name)) continue;
      const was = before.has(name) ? `\`${before.get(name)}\`` : 'unset';
      const is = after.has(name) ? `\`${after.get(name)}\`` : 'unset';
      edits.push(`\${${used}} from ${was} to ${is}`);
    }
    if (edits.length === 0) continue;
    out.push({
      path,
      line: 1,
      column: 1,
      message: `this change sets placeholder values the runner pastes into the migrations' SQL (${edits.join('; ')}): the migrations that use them run other SQL than the review read; merging it needs approval`,
      rule: 'placeholder-unknown',
      risk: 'DANGEROUS',
    });
  }
  return out;
}
