// The runners' own settings that decide which files run, how, and what else runs: Flyway's
// locations, file name prefixes and suffixes, init SQL, callbacks, transaction grouping, clean;
// Liquibase's changelog file and the contexts and labels that pick its changesets. They live in
// files the repository holds (flyway.conf, flyway.toml, application.properties or .yml,
// liquibase.properties, pom.xml, build.gradle, an .env file, a Dockerfile or workflow that runs
// `flyway -locations=…`), and a pull request can change them: `flyway.sqlMigrationSuffixes=.sql,.txt`
// makes Flyway run `V2__x.txt`, which no layout here reads as a migration, `flyway.locations`
// adds a folder of files named as the pull request likes, `flyway.initSql` runs SQL of its own on
// every connection. The review cannot follow every such setting, so a change that sets, changes
// or removes one is a DANGEROUS `layout-error` on the file, naming the new value: merging it
// needs approval, and the approval is bound to it. Placeholder values are placeholder-files.ts's.
import type { ReportError } from '../core/types.js';

/** Settings (lower case, without `-`, `_` and `.`) that change what a runner runs or how. */
const SETTINGS = new Set([
  // Flyway: where and which files.
  'locations', 'location', 'sqlmigrationprefix', 'sqlmigrationseparator', 'sqlmigrationsuffixes', 'sqlmigrationsuffix',
  'repeatablesqlmigrationprefix', 'undosqlmigrationprefix', 'baselinemigrationprefix', 'ignoremigrationpatterns',
  'validatemigrationnaming', 'target', 'cherrypick', 'outoforder', 'skipdefaultresolvers', 'resolvers',
  // Flyway: what else runs, and how.
  'initsql', 'initsqls', 'callbacks', 'skipdefaultcallbacks', 'mixed', 'group', 'executeintransaction',
  'placeholderprefix', 'placeholdersuffix', 'placeholderseparator', 'placeholderreplacement',
  'scriptplaceholderprefix', 'scriptplaceholdersuffix', 'cleandisabled', 'cleanonvalidationerror',
  'table', 'defaultschema', 'schemas', 'baselineonmigrate', 'baselineversion',
  // Liquibase: which changelog, and which of its changesets.
  'changelogfile', 'changelog', 'contexts', 'contextfilter', 'labels', 'labelfilter', 'searchpath',
]);

const RUNNER = /^(?:spring)?(flyway|liquibase)$/;

/** Files of the kinds that carry settings or command lines. */
const CONFIG_LIKE = /\.(?:conf|properties|ya?ml|toml|xml|gradle|kts|env|sh|bash|cfg|ini|json|mk)$/i;

/** Files that hold a runner's settings by their name (the rest count when their text names a runner). */
export const SETTINGS_FILE = /(?:^|\/)(?:[^/]*flyway[^/]*|[^/]*liquibase[^/]*|application[^/]*\.(?:properties|ya?ml)|bootstrap[^/]*\.(?:properties|ya?ml)|pom\.xml|build\.gradle(?:\.kts)?|[^/]*\.env|\.env[^/]*|Dockerfile[^/]*|[^/]*compose[^/]*\.ya?ml|Makefile|\.github\/workflows\/[^/]+)$/i;

/** The setting a key path names: the part after its `flyway`/`liquibase` segment, or undefined. */
function settingOf(path: string[]): string | undefined {
  const parts = path.flatMap((p) => p.split('.')).map((p) => p.replace(/^["']|["']$/g, '').toLowerCase());
  // Environment variables: FLYWAY_SQL_MIGRATION_PREFIX, SPRING_FLYWAY_LOCATIONS, LIQUIBASE_COMMAND_CHANGELOG_FILE.
  if (parts.length === 1) {
    const env = /^(?:spring_)?(?:flyway|liquibase)_(?:command_)?(.+)$/.exec(parts[0]!);
    if (!env) return undefined;
    const name = env[1]!.replace(/[-_]/g, '');
    return SETTINGS.has(name) ? name : undefined;
  }
  let at = -1;
  for (let i = 0; i < parts.length; i++) if (RUNNER.test(parts[i]!.replace(/[-_]/g, ''))) at = i;
  if (at === -1 || at === parts.length - 1) return undefined;
  if (parts[at + 1] === 'placeholders' || parts[at + 1] === 'parameters') return undefined;
  const name = parts.slice(at + 1).join('').replace(/[-_]/g, '');
  return SETTINGS.has(name) ? name : undefined;
}

/** Every runner setting a text defines: setting -> its values, as written (sorted, so order within a file does not count). */
export function runnerSettings(text: string, file = ''): Map<string, string> {
  const found = new Map<string, string[]>();
  // liquibase.properties (and liquibase.flowfile's neighbours) name their settings bare: `changeLogFile: x`.
  const bare = /(?:^|\/)[^/]*liquibase[^/]*\.(?:properties|ya?ml)$/i.test(file) ? ['liquibase'] : [];
  if (!/flyway|liquibase/i.test(text) && bare.length === 0) return new Map();
  const add = (path: string[], value: string) => {
    const setting = settingOf([...bare, ...path]);
    if (setting) found.set(setting, [...(found.get(setting) ?? []), value.trim()]);
  };
  const lines = text.split(/\r\n|\n|\r/);
  // Indented keys (YAML), TOML sections and Gradle blocks give the path of a plain `key: value`.
  const stack: Array<{ indent: number; key: string }> = [];
  let section: string[] = [];
  const blocks: Array<{ key: string; depth: number }> = [];
  let depth = 0;
  let lastKey: { indent: number; path: string[] } | null = null;
  for (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '');
    if (/^\s*(#|\/\/|$)/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    // Command-line options of a line that runs the runner: `flyway -locations=filesystem:x migrate`.
    if (/flyway|liquibase/i.test(line)) {
      const runner = /liquibase/i.test(line) && !/flyway/i.test(line) ? 'liquibase' : 'flyway';
      for (const m of line.matchAll(/(?:^|\s)--?([A-Za-z][\w.-]*)=("[^"]*"|'[^']*'|\S+)/g)) add([runner, m[1]!], m[2]!);
    }
    const toml = /^\s*\[+\s*([\w."-]+)\s*\]+\s*$/.exec(line);
    if (toml) {
      section = toml[1]!.split('.');
      stack.length = 0;
      continue;
    }
    // A YAML list item belongs to the key above it.
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && lastKey && indent >= lastKey.indent) {
      add(lastKey.path, item[1]!);
      continue;
    }
    const block = /^\s*([\w.]+)\s*\{\s*$/.exec(line);
    if (block) blocks.push({ key: block[1]!, depth });
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
    while (blocks.length > 0 && depth <= blocks[blocks.length - 1]!.depth) blocks.pop();
    if (block) continue;
    const kv = /^\s*(?:export\s+|ENV\s+)?([\w.\-"'[\]]+)\s*(?:=|:(?!\/\/)|\s(?=\S))\s*(.*)$/.exec(line);
    if (kv) {
      const key = kv[1]!;
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      const path = [...section, ...blocks.map((b) => b.key), ...stack.map((s) => s.key), key];
      const value = kv[2]!.replace(/\s+#.*$/, '');
      if (value === '') {
        stack.push({ indent, key });
        lastKey = { indent, path };
      } else {
        add(path, value);
        lastKey = null;
      }
    }
  }
  // Maven: the <configuration> of a flyway or liquibase plugin.
  for (const plugin of text.matchAll(/<plugin>([\s\S]*?)<\/plugin>/g)) {
    const runner = /<artifactId>[^<]*(flyway|liquibase)[^<]*<\/artifactId>/i.exec(plugin[1]!)?.[1]?.toLowerCase();
    if (!runner) continue;
    for (const m of plugin[1]!.matchAll(/<([A-Za-z][\w.-]*)>([^<]*)<\/\1>/g)) add([runner, m[1]!], m[2]!);
  }
  return new Map([...found].map(([k, v]) => [k, v.sort().join(', ')]));
}

/**
 * Findings for the files among `paths` (changed or deleted by the change, not migrations) whose
 * runner settings differ from the base branch's.
 */
export async function runnerConfigEdits(paths: readonly string[], readHead: (path: string) => Promise<string>, readBase: (path: string) => Promise<string>): Promise<ReportError[]> {
  const out: ReportError[] = [];
  for (const path of paths) {
    // Source code is no settings file (and the App reads each file through the API).
    if (!SETTINGS_FILE.test(path) && !CONFIG_LIKE.test(path)) continue;
    const headText = await readHead(path);
    // A file that names no runner now and is no runner's settings file by its name had no settings to lose either (spares the Action an API read per changed file).
    if (headText !== '' && !/flyway|liquibase/i.test(headText) && !SETTINGS_FILE.test(path)) continue;
    const after = runnerSettings(headText, path);
    const before = runnerSettings(await readBase(path), path);
    const edits: string[] = [];
    for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      if (after.get(name) === before.get(name)) continue;
      const was = before.has(name) ? `\`${before.get(name)}\`` : 'unset';
      const is = after.has(name) ? `\`${after.get(name)}\`` : 'unset';
      edits.push(`${name} from ${was} to ${is}`);
    }
    if (edits.length === 0) continue;
    out.push({
      path,
      line: 1,
      column: 1,
      message: `this change sets the migration runner's own settings (${edits.join('; ')}): they decide which files run, in what order and how, and what else runs, which this review does not follow; merging it needs approval`,
      rule: 'layout-error',
      risk: 'DANGEROUS',
    });
  }
  return out;
}

/** The files and folders a Liquibase changelog (XML, YAML or JSON) includes, as written: `<include file>`, `<includeAll path>`. */
export function changelogIncludes(text: string): Array<{ kind: 'include' | 'includeAll'; target: string }> {
  if (!/databaseChangeLog/.test(text) || !/include/i.test(text)) return [];
  const out: Array<{ kind: 'include' | 'includeAll'; target: string }> = [];
  for (const m of text.matchAll(/<(include|includeAll)\b([^>]*)>/g)) {
    const target = new RegExp(`\\b${m[1] === 'include' ? 'file' : 'path'}\\s*=\\s*["']([^"']*)["']`).exec(m[2]!)?.[1];
    if (target !== undefined) out.push({ kind: m[1] as 'include' | 'includeAll', target });
  }
  // YAML and JSON: `include:` / `includeAll:` followed (within a few lines) by `file:` / `path:`.
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const head = /["']?(include|includeAll)["']?\s*:/.exec(lines[i]!);
    if (!head) continue;
    const key = head[1] === 'include' ? 'file' : 'path';
    for (let j = i; j < Math.min(lines.length, i + 6); j++) {
      const v = new RegExp(`["']?${key}["']?\\s*:\\s*["']?([^"',}\\n]+)`).exec(j === i ? lines[j]!.slice(head.index + head[0].length) : lines[j]!);
      if (v) {
        out.push({ kind: head[1] as 'include' | 'includeAll', target: v[1]!.trim() });
        break;
      }
    }
  }
  return out;
}

/**
 * Findings for changed Liquibase changelogs that include a file or folder the base version did
 * not, where nothing reviewed answers to it: `<include file="../../scripts/cleanup.sql"/>` or
 * `<includeAll path="../../tools/"/>` runs SQL from a folder no layout reads as migrations.
 * `reviewed` holds the paths of the files read as migrations;
 * `listed`, the repository's files: a target that names no SQL file there makes Liquibase fail,
 * which runs nothing, and is no finding.
 */
export async function changelogIncludeEdits(paths: readonly string[], readHead: (path: string) => Promise<string>, readBase: (path: string) => Promise<string>, reviewed: readonly string[], listed: readonly string[]): Promise<ReportError[]> {
  const isReviewed = new Set(reviewed);
  const out: ReportError[] = [];
  const clean = (p: string) => p.replace(/^classpath\*?:/, '').replace(/^\.?\//, '').replace(/\/+$/, '');
  const resolve = (changelog: string, target: string) => {
    const parts = [...changelog.split('/').slice(0, -1), ...clean(target).split('/')];
    const stack: string[] = [];
    for (const p of parts) {
      if (p === '..') {
        if (stack.length === 0) return null;
        stack.pop();
      } else if (p !== '.' && p !== '') stack.push(p);
    }
    return stack.join('/');
  };
  for (const path of paths) {
    if (!/\.(?:xml|ya?ml|json)$/i.test(path)) continue;
    const head = changelogIncludes(await readHead(path));
    if (head.length === 0) continue;
    const before = new Set(changelogIncludes(await readBase(path)).map((i) => `${i.kind} ${i.target}`));
    const unread: string[] = [];
    for (const inc of head) {
      if (before.has(`${inc.kind} ${inc.target}`)) continue;
      const target = clean(inc.target);
      // Relative to the changelog or to the classpath root: the repository's files it can name.
      const relative = resolve(path, inc.target);
      const names = (p: string) => p === target || p.endsWith(`/${target}`) || (relative !== null && p === relative);
      const under = (p: string) => (target !== '' && (p.startsWith(`${target}/`) || p.includes(`/${target}/`))) || (relative !== null && (relative === '' || p.startsWith(`${relative}/`)));
      // SQL of the repository that the include runs and no layout reads as a migration (a target
      // that names no file makes Liquibase fail, which runs nothing).
      const runs = inc.kind === 'include' ? listed.filter((p) => /\.sql$/i.test(p) && names(p)) : listed.filter((p) => /\.sql$/i.test(p) && under(p));
      if (runs.some((p) => !isReviewed.has(p))) unread.push(`${inc.kind} ${inc.target}`);
    }
    if (unread.length === 0) continue;
    out.push({
      path,
      line: 1,
      column: 1,
      message: `this change makes Liquibase run what this review does not read as migrations (${unread.join('; ')}): SQL there runs unreviewed; merging it needs approval`,
      rule: 'layout-error',
      risk: 'DANGEROUS',
    });
  }
  return out;
}
