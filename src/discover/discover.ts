// DISCOVER: from a repository's files (and configuration) to ordered migration sets, each
// migration paired with its rollback and given its transaction mode. No git, no network, no
// database: every file is read through RepoFiles, so the CLI, the Action and the App share it.
//
// Findings cover every migration found, not only changed ones; callers keep those whose path
// is a migration they review (see check/run.ts).
import { createHash } from 'node:crypto';
import type { LayoutName, Migration, ReportError, ReportNote, RepoFiles, SqlSource, TransactionMode } from '../core/types.js';
import type { Config } from '../config/defaults.js';
import { LAYOUT_TRANSACTION } from '../config/defaults.js';
import type { MigrationDirConfig } from '../config/schema.js';
import { findFolderGroups, looksLikeMigrationFolder, type FolderGroup } from './folders.js';
import { duplicateVersion, rollbackMissing, rollbackOrphan, type PathFinding } from './findings.js';
import { LAYOUT_MODULES, layoutModule } from './layouts/index.js';
import { sqlxRunner } from './cargo.js';
import { baseView, rustFiles, type ChangeView, type RustFiles } from './change-view.js';
import type { DraftMigration, LayoutBuild, LayoutFiles, StatementsOf } from './layouts/types.js';
import { isPgDump, isSchemaSnapshot, isSqlcQueries } from './layouts/plain.js';
import { emptyBuild, repoPath, sqlFiles } from './layouts/types.js';
import { globMatcher } from './globs.js';
import { decodeText, isBlankSql } from './text.js';
import { decodeSql } from '../core/sql-bytes.js';
import { engineOfPath, splitOtherDatabases } from './other-databases.js';
import { trimTrailing } from '../core/strings.js';
import { RUNNER_FILE } from './layouts/golang-migrate.js';
import { unreadableMigrations } from './unreadable.js';
import { sqlcSchemaFiles } from './sqlc.js';
import { placeholderEdits, placeholdersUsed } from './placeholder-files.js';
import { changelogIncludeEdits, runnerConfigEdits, runnerSettings, SETTINGS_FILE } from './runner-config.js';
import { CONFIG_FILE_NAMES } from '../config/files.js';
import { holdYoungGeneration } from '../core/young-generation.js';

export interface MigrationSet {
  /** The migration folder, relative to the repository root ('' = root). */
  dir: string;
  layout: LayoutName;
  /** In the order the runner applies them. */
  migrations: Migration[];
  /**
   * The whole schema kept beside the versioned migrations and left alone (memos' LATEST.sql:
   * what a new database starts from), in name order: the dry-run builds its base from them when
   * the versioned history cannot build one from nothing.
   */
  snapshots?: SqlSource[];
}

export interface DiscoveryResult {
  sets: MigrationSet[];
  errors: ReportError[];
  findings: PathFinding[];
  /** What was left alone and why (other engines' migrations, files missing from a sparse checkout). */
  notes: ReportNote[];
}

export interface DiscoverOptions {
  /** How a file's top-level statements are read (LayoutFiles.statements): the parse stage's, given by the caller. */
  statements?: StatementsOf;
  /** Explicit files or folders (the `lint path...` case): only migrations among them are kept;
   * a file outside every recognised layout becomes a lone `plain` migration. */
  only?: string[];
  /** Whether the change under review touches the file (added, modified, renamed or deleted); absent: no change is under review. */
  changedByChange?: (path: string) => boolean;
  /** Where the change moved the file from, when it renamed it. */
  previousPath?: (path: string) => string | undefined;
  /** The base branch's files, with a change under review: what the change edits that decides how a folder is read is held against them. */
  base?: RepoFiles;
  /** Whether the change under review adds the file (or renames it there); absent: no change is under review. */
  addedByChange?: (path: string) => boolean;
  /** Paths the change deletes or renames away: a runner's settings file that is gone changes what runs too. */
  goneByChange?: readonly string[];
  /** Paths the change adds or modifies: one the tree does not list as a file is a submodule the change moved. */
  presentByChange?: readonly string[];
  /** A file's text on the base branch (null: not there), when `base` is not given: the Action reads the few files it needs through the API. */
  readBase?: (path: string) => Promise<string | null>;
}

export async function discoverMigrations(files: RepoFiles, config: Config, opts: DiscoverOptions = {}): Promise<DiscoveryResult> {
  // `ignore` globs leave files out entirely: not discovered, not paired, not reported.
  const ignored = globMatcher(config.ignore);
  const listed = (await files.list()).map(normalizePath).filter((p) => !ignored(p));
  const result: DiscoveryResult = { sets: [], errors: [], findings: [], notes: [] };
  // Other engines' migrations are left alone before anything reads them (only SQL counts: a
  // folder of Java classes named `mysql` is no business of ours to mention).
  const configured = (config.migrations ?? []).map((m) => normalizePath(m.path)).sort((a, b) => b.length - a.length);
  const split = splitOtherDatabases(listed, config.otherDatabases, (p) => configured.find((d) => d === '' || p.startsWith(`${d}/`)) ?? '');
  let paths = split.keep;
  // Folders that hold Flyway versioned migrations themselves: Flyway reads a location's whole tree.
  const flywayDirs = new Set(listed.filter((p) => FLYWAY_FILE.test(p.slice(p.lastIndexOf('/') + 1))).map((p) => p.slice(0, Math.max(0, p.lastIndexOf('/')))));
  for (const folder of split.other) {
    const sql = folder.files.filter((f) => /\.sql$/i.test(f)).length;
    if (sql === 0) continue;
    // A folder the change brings whole is named by the pull request's author: its name proves
    // nothing (otherDatabases.skip, from the base branch's config, still does), and Flyway or Liquibase's includeAll, reading a tree, would run what it holds.
    // Not one the change moves another folder named for the same engine to (flipt moving
    // config/migrations/clickhouse/ to internal/migrations/clickhouse/, renaming some files and
    // adding others): its name is the base branch's.
    const movedFromSameEngine = (f: string) => {
      const from = opts.previousPath?.(f);
      return from !== undefined && engineOfPath(from) === folder.engine;
    };
    const folderSql = folder.files.filter((f) => /\.sql$/i.test(f));
    if (opts.addedByChange && !folder.engine.startsWith('not ') && folderSql.every(opts.addedByChange) && !folderSql.some(movedFromSameEngine)) {
      paths = [...paths, ...folder.files].sort();
      result.notes.push({
        path: folder.dir,
        message: `${sql} SQL file${sql === 1 ? '' : 's'} reviewed as PostgreSQL although the folder name says ${folder.engine}: the change adds the folder, and a runner that reads a whole tree (Flyway, Liquibase includeAll) would run ${sql === 1 ? 'it' : 'them'} (otherDatabases.skip in .migration-guard.yml on the base branch leaves such a folder alone)`,
      });
      continue;
    }
    // A vendor folder inside a folder of Flyway migrations (db/migration/mysql beside
    // db/migration/V1__x.sql) is in that location's tree: Flyway runs its files on PostgreSQL too.
    const flywayParent = folder.engine.startsWith('not ') ? undefined : [...flywayDirs].find((d) => d !== folder.dir && (d === '' || folder.dir.startsWith(`${d}/`)));
    if (flywayParent !== undefined) {
      paths = [...paths, ...folder.files].sort();
      result.notes.push({
        path: folder.dir,
        message: `${sql} SQL file${sql === 1 ? '' : 's'} reviewed as PostgreSQL although the folder name says ${folder.engine}: ${flywayParent || 'the repository root'} holds Flyway migrations, and Flyway runs every migration below its location (otherDatabases.skip in .migration-guard.yml on the base branch leaves such a folder alone)`,
      });
      continue;
    }
    result.notes.push({
      path: folder.dir,
      message: `${sql} SQL file${sql === 1 ? '' : 's'} left alone: ${folder.engine.startsWith('not ') ? folder.engine : `the folder name says ${folder.engine}, not PostgreSQL`} (set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? 'it' : 'them'})`,
    });
  }
  const cache = new Map<string, Promise<string>>();
  // Files git lists but the work tree lacks (a sparse checkout) and git cannot give either.
  const absent = new Set<string>();
  const runsAsSql = sqlRunBy(paths);
  // SQL is decoded strictly: a binary file or invalid UTF-8 is an error at its place, and the
  // migration is reviewed as empty rather than as garbage. Metadata files decode leniently.
  const readText = (path: string): Promise<string> => {
    let text = cache.get(path);
    if (!text) {
      text = files.read(path).then(
        (bytes) => {
          holdYoungGeneration();
          if (!runsAsSql(path)) return decodeText(bytes);
          const decoded = decodeSql(bytes, path);
          if (decoded.ok) return decoded.text;
          result.errors.push({ ...decoded.error, rule: 'file-unreadable', risk: 'DANGEROUS' });
          return '';
        },
        (e: unknown) => {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') absent.add(path);
          else result.errors.push({ path, line: 1, column: 1, message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`, rule: 'file-unreadable', risk: 'DANGEROUS' });
          return '';
        },
      );
      cache.set(path, text);
    }
    return text;
  };

  // Read the SQL files concurrently up front: the layout builders ask for them one at a time.
  await Promise.all(paths.filter(runsAsSql).map(readText));
  if (absent.size > 0) {
    paths = paths.filter((p) => !absent.has(p));
    const first = [...absent].sort()[0]!;
    result.notes.push({
      message: `${absent.size} SQL file${absent.size === 1 ? '' : 's'} listed by git ${absent.size === 1 ? 'is' : 'are'} neither in the work tree nor in git's objects (a sparse or partial checkout?) and ${absent.size === 1 ? 'was' : 'were'} skipped, starting with ${first}`,
    });
  }
  // Files a layout took charge of (migrations, rollbacks, pop's shadowed generic files, orphans):
  // `lint <folder>` must judge them as `check` does, never as lone files.
  const grouped = new Set<string>();
  const testData: FolderGroup[] = [];
  const crates = rustFiles(listed);
  // One view for every folder: the base branch is listed at most once.
  const change: ChangeView = { changed: opts.changedByChange ?? (() => false), added: opts.addedByChange ?? (() => false), previous: opts.previousPath ?? (() => undefined), base: opts.base ? baseView(opts.base, normalizePath) : undefined };
  const mixed: ReportError[] = [];
  // Read only when a folder of loose SQL is found: most repositories have no sqlc config.
  let sqlcSchemas: Promise<Map<string, string>> | undefined;
  const sqlcSchema = () => (sqlcSchemas ??= sqlcSchemaFiles(listed, readText, change));
  for (const { group, entry } of await migrationFolders(paths, config, readText, result.errors, opts.only ? null : testData)) {
    for (const f of group.files) grouped.add(repoPath(group.dir, f));
    await buildGroup(group, entry, config, readText, result, crates, change, mixed, opts.statements, sqlcSchema);
  }
  if (mixed.length > 0) {
    const allowed = await flywayMixedRoots(listed, files);
    result.errors.push(...mixed.filter((e) => !allowed.some((root) => root === '' || e.path!.startsWith(`${root}/`))));
  }
  for (const group of testData) {
    const sql = group.files.filter((f) => /\.sql$/i.test(f)).length;
    result.notes.push({
      path: group.dir,
      message: `${sql} SQL file${sql === 1 ? '' : 's'} left alone: test data (a ${group.dir.split('/').find((p) => TEST_DATA_DIRS.has(p))}/ folder, which runners that read one folder, such as golang-migrate, goose, dbmate or pop, never run); set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? 'it' : 'them'}`,
    });
  }
  // Migrations the runners run that are not SQL (goose Go, Flyway Java, Liquibase XML/YAML/JSON).
  if (!opts.only) result.errors.push(...(await unreadableMigrations(listed, files, opts.changedByChange)));
  // Placeholder values the change sets in the runner's own files (flyway.conf, application.yml...);
  // this tool's config file is the gate's to judge (config-weakened).
  if (opts.changedByChange) {
    const gone = (opts.goneByChange ?? []).map(normalizePath).filter((p) => !ignored(p) && !/\.sql$/i.test(p) && !CONFIG_FILE_NAMES.includes(p));
    const changed = [...listed.filter((p) => opts.changedByChange!(p) && !runsAsSql(p) && !CONFIG_FILE_NAMES.includes(p)), ...gone];
    const used = new Set<string>();
    for (const set of result.sets) for (const m of set.migrations) for (const src of [m.up, m.down]) if (src) placeholdersUsed(src.text, used);
    // Three checks below read the same changed files: each is read once per side (through the
    // API, for the App and for an Action without the base tree).
    const readBase = once(opts.base ? (p: string) => opts.base!.read(p).then(decodeText, () => '')
      : opts.readBase ? (p: string) => opts.readBase!(p).then((t) => t ?? '', () => '')
      : () => Promise.resolve(''));
    const readHead = once((p: string) => files.read(p).then(decodeText, () => ''));
    result.errors.push(...(await placeholderEdits(changed, readHead, readBase, used)));
    // The runner's settings of which files run and how (flyway.conf's locations, suffixes, initSql...).
    const unfollowed = await runnerConfigEdits(changed, readHead, readBase);
    unfollowed.push(...(await submoduleChanges(opts.presentByChange ?? [], files, listed, ignored, result.sets.map((s) => s.dir), configured, result.notes)));
    // Liquibase includes of files or folders the review does not read as migrations.
    const reviewedFiles = result.sets.flatMap((s) => s.migrations.flatMap((m) => (m.down ? [m.up.path, m.down.path] : [m.up.path])));
    unfollowed.push(...(await changelogIncludeEdits(changed, readHead, readBase, reviewedFiles, listed)));
    // What such a change makes run is not reviewed, so an approval of it is bound to every file the
    // change touches: after `sqlMigrationSuffixes=.sql,.txt` is approved, a push that edits the
    // V9__x.txt it runs must void the approval too (the findings' text is in the approval's hash).
    if (unfollowed.length > 0) {
      const touched = [...new Set([...listed.filter((p) => opts.changedByChange!(p)), ...gone])].sort();
      const digest = createHash('sha256');
      for (const p of touched) {
        const bytes = await files.read(p).catch(() => null);
        digest.update(`${Buffer.byteLength(p)}:${p}\0${bytes === null ? 'none' : `${bytes.length}:`}`);
        if (bytes !== null) digest.update(bytes);
      }
      const bound = ` [bound to the ${touched.length} file${touched.length === 1 ? '' : 's'} this change touches: sha256:${digest.digest('hex').slice(0, 16)}]`;
      for (const e of unfollowed) e.message += bound;
    }
    result.errors.push(...unfollowed);
  }
  result.sets.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : a.layout === 'plain' ? 1 : b.layout === 'plain' ? -1 : 0));
  const leftAlone = new Set(split.other.flatMap((f) => f.files));
  return opts.only ? await restrictTo(result, opts.only.map(normalizePath), paths, grouped, config, readText, (p) =>
        leftAlone.has(p) || listed.some((l) => l.startsWith(`${p}/`) && leftAlone.has(l)) ? Promise.resolve('left-alone' as const) :
        files.read(p).then(
          () => true,
          () => false,
        ),
      ) : result;
}

/**
 * Folders of test fixtures: Go's testdata (the go tool ignores it; coder keeps SQL fixtures named
 * like migrations there, beside its migrations) and test stubs (ory's popx/stub/migrations and
 * dbal/stub/a/1.sql, the migrations its runner's own tests apply). Runners that read one folder
 * (golang-migrate, goose, dbmate, pop) never run them.
 */
const TEST_DATA_DIRS = new Set(['testdata', 'stub', 'stubs']);

/**
 * A folder of test fixtures (TEST_DATA_DIRS at any depth). Runners that may read a tree do run
 * them: Liquibase's includeAll runs every .sql file below its changelog, and Flyway every V__
 * file below its location, so such a folder under a Liquibase changelog, or of Flyway or
 * Liquibase files, is reviewed like any other.
 */
function isTestData(group: FolderGroup, all: readonly FolderGroup[]): boolean {
  if (!group.dir.split('/').some((p) => TEST_DATA_DIRS.has(p))) return false;
  if (group.shape === 'flyway' || group.shape === 'liquibase-sql') return false;
  return !all.some((g) => g.shape === 'liquibase-sql' && (g.dir === '' || group.dir.startsWith(`${g.dir}/`)));
}

/** `testData`: where auto-detected Go test-data folders go instead of being reviewed (null: review them, as for paths given explicitly). */
async function migrationFolders(
  paths: string[],
  config: Config,
  readText: (path: string) => Promise<string>,
  errors: ReportError[],
  testData: FolderGroup[] | null,
): Promise<Array<{ group: FolderGroup; entry?: MigrationDirConfig }>> {
  if (config.migrations && config.migrations.length > 0) {
    const units: Array<{ group: FolderGroup; entry: MigrationDirConfig }> = [];
    for (const entry of config.migrations) {
      const dir = normalizePath(entry.path);
      const inside = paths.filter((p) => dir === '' || p.startsWith(`${dir}/`));
      if (!inside.some((p) => /\.sql$/i.test(p))) {
        errors.push({ path: dir, line: 1, column: 1, message: `configured migrations folder '${dir}' has no .sql files` });
        continue;
      }
      for (const group of await findFolderGroups(inside, readText)) units.push({ group, entry });
    }
    return units;
  }
  const units: Array<{ group: FolderGroup }> = [];
  for (const group of await findFolderGroups(paths, readText)) {
    const layout = group.shape ?? (await detectLayout(folderOf(group, readText)));
    if (layout !== 'plain' || looksLikeMigrationFolder(group)) units.push({ group: { ...group, shape: layout } });
  }
  if (!testData) return units;
  const groups = units.map((u) => u.group);
  // otherDatabases.review forces a review here too ("left alone, force it either way").
  const forced = globMatcher(config.otherDatabases.review);
  return units.filter((u) => {
    if (!isTestData(u.group, groups) || u.group.files.some((f) => forced(repoPath(u.group.dir, f)))) return true;
    testData.push(u.group);
    return false;
  });
}

function folderOf(group: FolderGroup, readText: (path: string) => Promise<string>, statements?: StatementsOf): LayoutFiles {
  return { dir: group.dir, files: group.files, read: (rel) => readText(repoPath(group.dir, rel)), ...(group.besideMigrations ? { besideMigrations: true } : {}), ...(statements ? { statements } : {}) };
}

/** The layout that scores highest for a folder; ties go to the more specific layout. */
export async function detectLayout(folder: LayoutFiles): Promise<LayoutName> {
  let best: LayoutName = 'plain';
  let bestScore = 0;
  for (const layout of LAYOUT_MODULES) {
    const score = await layout.detect(folder);
    if (score > bestScore) {
      best = layout.name;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The whole-schema files beside a folder's migrations (LATEST.sql) that are reviewed anyway: one
 * the change adds, whose name is its author's choice. The others are left alone with a note:
 * editing one changes no database that has run the migrations.
 */
function reviewedSnapshots(dir: string, snapshots: readonly string[], change: ChangeView, result: DiscoveryResult, initScripts = false, besideMigrations = true): string[] {
  if (snapshots.length === 0) return [];
  const added = snapshots.filter((f) => change.added(repoPath(dir, f)));
  const left = snapshots.filter((f) => !added.includes(f));
  if (left.length > 0) {
    const named = left.length > 3 ? `${left.slice(0, 3).join(', ')} and ${left.length - 3} more` : left.join(', ');
    result.notes.push({
      path: dir,
      message: initScripts
        ? `${named} left alone: scripts that initialise a new database, beside the migrations (what a new database starts from), not migrations; editing one changes no database that exists`
        : besideMigrations
          ? `${left.join(', ')} left alone: the whole schema kept beside the versioned migrations (what a new database starts from), not one of them; editing it changes no database that has run them`
          : `${named} left alone: the whole schema as pg_dump writes it, not a migration (no runner applies a dump again); editing it changes no database`,
    });
  }
  return added;
}

/**
 * In a folder with no runner convention, the files that are no migration by their own text: a
 * pg_dump under a whole-schema name (schema.sql) joins the snapshots, and sqlc's query files
 * (`-- name: GetUser :one` before each query) are left alone with a note. One the change adds is
 * reviewed all the same, as an added snapshot is: its text is its author's choice. So is one it
 * edits unless the base branch's text was of the same kind: a pull request that puts a dump's
 * header or a `-- name:` line on top of a migration does not make it "no migration".
 */
async function setAsideNonMigrations(dir: string, built: LayoutBuild, change: ChangeView, result: DiscoveryResult, sqlcSchema: () => Promise<Map<string, string>>): Promise<void> {
  const queries: string[] = [];
  const schemas = new Map<string, string[]>();
  const kept: typeof built.migrations = [];
  for (const d of built.migrations) {
    const file = dir === '' ? d.up.path : d.up.path.slice(dir.length + 1);
    const sqlcConfig = !change.added(d.up.path) ? (await sqlcSchema()).get(d.up.path) : undefined;
    if (!file.includes('/') && isSchemaSnapshot(file) && isPgDump(d.up.text) && (await soOnBase(d.up.path, isPgDump, change))) {
      (built.snapshots ??= []).push(file);
    } else if (isSqlcQueries(d.up.text) && !change.added(d.up.path) && (await soOnBase(d.up.path, isSqlcQueries, change))) {
      queries.push(file);
    } else if (sqlcConfig !== undefined) {
      schemas.set(sqlcConfig, [...(schemas.get(sqlcConfig) ?? []), file]);
    } else kept.push(d);
  }
  built.migrations = kept;
  for (const [config, files] of schemas) {
    result.notes.push({
      path: dir,
      message: `${files.join(', ')} left alone: the schema sqlc generates code from (${config} names ${files.length === 1 ? 'it' : 'them'} under \`schema:\`), not ${files.length === 1 ? 'a migration' : 'migrations'}; no runner applies ${files.length === 1 ? 'it' : 'them'}, so editing ${files.length === 1 ? 'it' : 'them'} changes no database`,
    });
  }
  if (queries.length > 0) {
    result.notes.push({
      path: dir,
      message: `${queries.join(', ')} left alone: sqlc queries (each named by a \`-- name:\` annotation for code generation), not migrations; no runner applies ${queries.length === 1 ? 'it' : 'them'}`,
    });
  }
}

/**
 * Whether a file the change edits was of `kind` on the base branch too (true for one it leaves
 * alone or adds: those are judged by their own text). Without the base branch's files, no.
 */
async function soOnBase(path: string, kind: (text: string) => boolean, change: ChangeView): Promise<boolean> {
  if (!change.changed(path) || change.added(path)) return true;
  const base = change.base ? await change.base() : undefined;
  return base ? kind(await base.read(change.previous(path) ?? path)) : false;
}

async function buildGroup(
  group: FolderGroup,
  entry: MigrationDirConfig | undefined,
  config: Config,
  readText: (path: string) => Promise<string>,
  result: DiscoveryResult,
  crates: RustFiles,
  change: ChangeView,
  mixed: ReportError[],
  statements: StatementsOf | undefined,
  sqlcSchema: () => Promise<Map<string, string>>,
): Promise<void> {
  const folder = folderOf(group, readText, statements);
  const sqlx = entry?.layout ? null : await sqlxRunner(group.shape ?? (await detectLayout(folder)), group.dir, group.files, crates, readText, change);
  if (sqlx?.note) result.notes.push({ path: group.dir, message: sqlx.note });
  const runner = entry?.layout ?? sqlx!.runner;
  if (typeof runner !== 'string') {
    const forced = globMatcher(config.otherDatabases.review);
    if (!group.files.some((f) => forced(repoPath(group.dir, f)))) {
      const sql = group.files.filter((f) => /\.sql$/i.test(f)).length;
      result.notes.push({
        path: group.dir,
        message: `${sql} SQL file${sql === 1 ? '' : 's'} left alone: the crate uses sqlx with ${runner.other}, not PostgreSQL (its Cargo.toml features, or its sources' types) (set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? 'it' : 'them'})`,
      });
      return;
    }
  }
  const layout = typeof runner === 'string' ? runner : 'sqlx';
  // Scripts that initialise a new database are what it starts from, all of them (FolderGroup.initScripts).
  const built = group.initScripts && !entry ? { ...emptyBuild(), snapshots: sqlFiles(group.files) } : await layoutModule(layout).build(folder);
  for (const file of group.files) {
    if (!FIZZ_UP.test(file)) continue;
    result.errors.push({
      path: repoPath(group.dir, file),
      line: 1,
      column: 1,
      message: 'pop runs this fizz migration (a DSL it turns into SQL as it runs), and nothing here can review it: write it as an .up.sql file, or have it approved',
      rule: 'layout-error',
      risk: 'DANGEROUS',
    });
  }
  for (const issue of built.issues) result.errors.push({ ...issue, path: repoPath(group.dir, issue.path), rule: 'layout-error', risk: 'DANGEROUS' });
  if (layout === 'plain' && !entry) await setAsideNonMigrations(group.dir, built, change, result, sqlcSchema);
  for (const d of built.migrations) {
    if (!d.mixedTransaction) continue;
    const at = d.mixedTransaction;
    mixed.push({
      path: d.up.path,
      line: at.line,
      column: at.column,
      message: `Flyway refuses to run this migration: it mixes statements that run in a transaction with ${at.nonTransactional ? 'this one, which cannot' : 'one that cannot (before this one)'} ("Detected both transactional and non-transactional statements within the same migration (even though mixed is false)"): move the statements that cannot run in a transaction to a migration of their own, or set executeInTransaction in a ${d.up.path.slice(d.up.path.lastIndexOf('/') + 1)}.conf beside it`,
      rule: 'layout-error',
      risk: 'DANGEROUS',
    });
  }
  const other = built.otherDatabases ?? [];
  if (other.length > 0) {
    result.notes.push({
      path: group.dir,
      message: `${other.length} migration file${other.length === 1 ? '' : 's'} for other databases left alone (${[...new Set(other.map((o) => o.dialect))].sort().join(', ')}): ${layout} runs ${other.length === 1 ? 'it' : 'them'} only on those engines`,
    });
  }
  for (const orphan of built.orphans) result.findings.push(rollbackOrphan(repoPath(group.dir, orphan)));
  const snapshots = reviewedSnapshots(group.dir, built.snapshots ?? [], change, result, group.initScripts === true && !entry, built.migrations.length > 0 || group.besideMigrations === true);
  const reviewed = snapshots.length > 0 ? (await layoutModule('plain').build({ ...folder, files: snapshots, besideMigrations: false })).migrations : [];
  const left: SqlSource[] = [];
  for (const file of built.snapshots ?? []) {
    if (!snapshots.includes(file)) left.push({ path: repoPath(group.dir, file), text: await folder.read(file) });
  }
  addSet(group.dir, layout, [...built.migrations, ...reviewed], entry, config, result, left);
  if (built.leftovers.length > 0 && layout !== 'plain') {
    // Files that do not follow the layout's naming: the runner will not pick them up, but
    // their SQL is still worth a review, so they form a plain set of their own.
    const rest = await layoutModule('plain').build({ ...folder, files: built.leftovers });
    addSet(group.dir, 'plain', rest.migrations, entry, config, result);
  }
}

function addSet(
  dir: string,
  layout: LayoutName,
  drafts: DraftMigration[],
  entry: MigrationDirConfig | undefined,
  config: Config,
  result: DiscoveryResult,
  snapshots: SqlSource[] = [],
): void {
  if (drafts.length === 0) return;
  const convention = layoutModule(layout).rollbacks;
  const required = entry?.requireRollback ?? (convention === 'always' || (convention === 'when-used' && drafts.some((d) => d.down)));
  const transaction: TransactionMode = entry?.transaction ?? config.transaction[layout] ?? LAYOUT_TRANSACTION[layout];
  const migrations = drafts.map((d) => toMigration(d, layout, dir, required, transaction));
  for (const [i, m] of migrations.entries()) {
    if (m.rollbackStatus === 'missing') result.findings.push(rollbackMissing(m, config.rollbackMissingRisk));
    if (required) {
      for (const part of drafts[i]!.partsWithoutRollback ?? []) result.findings.push(rollbackMissing(m, config.rollbackMissingRisk, part));
    }
  }
  const byKey = new Map<string, Migration[]>();
  drafts.forEach((d, i) => {
    if (d.dupKey !== undefined) byKey.set(d.dupKey, [...(byKey.get(d.dupKey) ?? []), migrations[i]!]);
  });
  for (const same of byKey.values()) {
    if (same.length > 1) for (const m of same) result.findings.push(duplicateVersion(m, same.filter((o) => o !== m)));
  }
  result.sets.push({ dir, layout, migrations, ...(snapshots.length > 0 ? { snapshots } : {}) });
}

/**
 * squawk's `-- squawk-disable-assume-in-transaction` line: the file is known not to run in the
 * transaction the configuration assumes. Honoured for plain folders only, where nothing is known
 * of the runner; a known runner's own convention says how it runs a file.
 */
const SQUAWK_NO_TRANSACTION = /^[ \t]*--[ \t]*squawk-disable-assume-in-transaction[ \t]*$/m;

function plainTransaction(transaction: TransactionMode, text: string): TransactionMode {
  return transaction === 'wrapped' && SQUAWK_NO_TRANSACTION.test(text) ? 'none' : transaction;
}

function toMigration(d: DraftMigration, layout: LayoutName, dir: string, required: boolean, transaction: TransactionMode): Migration {
  return {
    id: d.id,
    version: d.version,
    name: d.name,
    layout,
    dir,
    up: d.up,
    down: d.down,
    rollbackStatus: d.down ? 'present' : required && !d.noRollback ? 'missing' : 'not-required',
    transaction: d.noTransaction ? 'none' : layout === 'plain' ? plainTransaction(transaction, d.up.text) : transaction,
    change: 'unchanged',
    ...(d.down && isBlankSql(d.down.text) ? { rollbackEmpty: true } : {}),
    ...(d.repeatable ? { repeatable: true } : {}),
    ...(d.placeholders ? { placeholders: d.placeholders } : {}),
    ...(d.envsub ? { envsub: true as const } : {}),
    ...(d.downOrder && d.down ? { downOrder: d.downOrder } : {}),
  };
}

/** Keeps the migrations among `only`; other given SQL files become lone plain migrations. */
async function restrictTo(
  found: DiscoveryResult,
  only: string[],
  paths: string[],
  grouped: ReadonlySet<string>,
  config: Config,
  readText: (path: string) => Promise<string>,
  /** 'left-alone': a folder of another engine's migrations (its note says so). */
  exists: (path: string) => Promise<boolean | 'left-alone'>,
): Promise<DiscoveryResult> {
  // Files are looked up in sets and only folders are scanned by prefix: `lint` may be given
  // thousands of files, and comparing each with each was quadratic.
  const known = new Set(paths);
  const exactFiles = new Set(only.filter((w) => known.has(w)));
  const folders = only.filter((w) => !known.has(w));
  const inFolder = (p: string, w: string): boolean => w === '' || p.startsWith(`${w}/`);
  const wanted = (p: string): boolean => exactFiles.has(p) || folders.some((w) => p === w || inFolder(p, w));
  const sets = found.sets
    .map((s) => ({ ...s, migrations: s.migrations.filter((m) => wanted(m.up.path) || (m.down !== null && wanted(m.down.path))) }))
    .filter((s) => s.migrations.length > 0);
  const covered = new Set(sets.flatMap((s) => s.migrations.flatMap((m) => (m.down ? [m.up.path, m.down.path] : [m.up.path]))));
  const errors: ReportError[] = [];
  const lone: string[] = [];
  for (const w of only) {
    const inside = known.has(w)
      ? (/\.sql$/i.test(w) ? [w] : [])
      : paths.filter((p) => inFolder(p, w) && /\.sql$/i.test(p));
    if (inside.length > 0) lone.push(...inside.filter((p) => !covered.has(p) && !grouped.has(p)));
    else if (covered.has(w)) continue;
    else {
      const there = known.has(w) || (await exists(w));
      if (there === 'left-alone') continue;
      if (there) lone.push(w); // named explicitly: lint it even if git ignores it
      else errors.push({ path: w, line: 1, column: 1, message: `no such file: ${w}` });
    }
  }
  const byDir = new Map<string, string[]>();
  for (const p of [...new Set(lone)].sort()) {
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    const list = byDir.get(dir);
    if (list) list.push(p);
    else byDir.set(dir, [p]);
  }
  for (const [dir, files] of byDir) {
    const migrations: Migration[] = [];
    for (const path of files) {
      const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.sql$/i, '');
      const text = await readText(path);
      migrations.push({
        id: name,
        version: name,
        name,
        layout: 'plain',
        dir,
        up: { path, text },
        down: null,
        rollbackStatus: 'not-required',
        transaction: plainTransaction(config.defaultTransaction, text),
        change: 'unchanged',
      });
    }
    sets.push({ dir, layout: 'plain', migrations });
  }
  const kept = new Set([...covered, ...lone, ...[...grouped].filter(wanted)]);
  return {
    // Notes about folders among (or around) what was asked for.
    notes: found.notes.filter((n) => n.path === undefined || only.some((w) => w === '' || n.path === w || n.path!.startsWith(`${w}/`) || w.startsWith(`${n.path}/`))),
    sets,
    errors: [...found.errors.filter((e) => kept.has(e.path)), ...errors],
    findings: found.findings.filter((f) => kept.has(f.path)),
  };
}

/** A Flyway versioned or repeatable migration's file name. */
const FLYWAY_FILE = /^(?:V\d+(?:[._]\d+)*|R)__.+\.sql$/;

/** pop's up migration in its fizz DSL (pop's own pattern, `^(\d+)_([^.]+)(\.[a-z0-9]+)?\.(up|down)\.(sql|fizz)$`; fizz has no dialect). */
const FIZZ_UP = /^\d+_[^./]+\.up\.fizz$/;

/**
 * Which files some runner executes as SQL: `.sql` files, and those golang-migrate runs whatever
 * their extension when they sit in a folder of migrations (`docs/1_flow.up.png` elsewhere is an
 * image, not a migration to decode strictly).
 */
function sqlRunBy(paths: readonly string[]): (path: string) => boolean {
  const folderOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
  const sqlFolders = new Set(paths.filter((p) => /\.sql$/i.test(p)).map(folderOf));
  return (path) => /\.sql$/i.test(path) || (RUNNER_FILE.test(path.slice(path.lastIndexOf('/') + 1)) && sqlFolders.has(folderOf(path)));
}

/** Repository-relative, forward slashes, no `./` or trailing slash. */
export function normalizePath(p: string): string {
  return trimTrailing(p.replace(/\\/g, '/').replace(/^(\.\/)+/, ''), '/').replace(/^\.$/, '');
}

/** Folder names that say a submodule may hold migrations. */
const DATABASE_NAME = /^(?:migrations?|migrate|db|database|schema|sql|ddl|changelogs?|flyway|liquibase|sqitch|supabase|prisma|drizzle|dbmate|goose)$/i;

/**
 * A submodule the change adds or moves to another commit: git lists it as a commit, not files, so
 * discovery never reads what is in it, and a runner that reads a folder in it (`db/` as a
 * submodule of shared migrations, its URL in .gitmodules changed too) runs migrations nobody
 * reviewed. Where its name or place says it may hold migrations (a database-like folder name, a
 * migrations folder in it or around it, a configured `migrations:` path), it is a DANGEROUS
 * layout-error; elsewhere, a note.
 */
async function submoduleChanges(present: readonly string[], repo: RepoFiles, listed: readonly string[], ignored: (p: string) => boolean, setDirs: readonly string[], configured: readonly string[], notes: ReportNote[]): Promise<ReportError[]> {
  if (present.length === 0) return [];
  const files = new Set(listed);
  const out: ReportError[] = [];
  // The texts that may name a folder, read once and only when a changed path could be a submodule nothing else flags.
  let namers: Promise<Array<[string, string]>> | undefined;
  const namerTexts = () => (namers ??= Promise.all(listed.filter((p) => SETTINGS_FILE.test(p) || NAMES_FOLDERS.test(p)).map(async (p): Promise<[string, string]> => [p, await repo.read(p).then(decodeText, () => '')])));
  const isFolder = (path: string) => repo.read(path).then(() => false, (e: NodeJS.ErrnoException) => e.code === 'EISDIR');
  for (const raw of present) {
    const path = normalizePath(raw);
    if (ignored(path) || /\.gitmodules$/.test(path) || /\.sql$/i.test(path)) continue;
    const inside = (a: string, b: string) => a === b || b === '' || a.startsWith(`${b}/`);
    const risky = path.split('/').some((p) => DATABASE_NAME.test(p)) || setDirs.some((d) => inside(d, path) || inside(path, d)) || configured.some((d) => inside(d, path) || inside(path, d));
    // The API's tree leaves a submodule out; a work tree lists it (git ls-files) as a folder that
    // cannot be read as a file. Only a path that matters is read (the App reads through the API):
    // one whose name or place says migrations, or one a runner's settings name.
    let namedBy: string | undefined;
    if (!risky) {
      // A folder of any name is a runner's when its settings point there (flyway.locations=filesystem:vendor/platform/sql).
      const naming = new RegExp(`(?:^|[^\\w.-])(?:\\./)?${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\w.-])`, 'm');
      namedBy = (await namerTexts()).find(([p, text]) => p !== path && naming.test(text))?.[0];
    }
    if (files.has(path) && ((!risky && namedBy === undefined) || !(await isFolder(path)))) continue;
    if (!risky && namedBy === undefined) {
      notes.push({ path, message: `the change moves the submodule ${path}: files in a submodule are not reviewed` });
      continue;
    }
    out.push({
      path,
      line: 1,
      column: 1,
      message: namedBy !== undefined
        ? `this change adds or moves the submodule ${path}, which ${namedBy} names (a runner may read migrations from it): files in a submodule are not read by this review, so any migration in it runs unreviewed; merging it needs approval`
        : `this change adds or moves the submodule ${path}, where migrations may live: files in a submodule are not read by this review, so any migration in it runs unreviewed; merging it needs approval`,
      rule: 'layout-error',
      risk: 'DANGEROUS',
    });
  }
  return out;
}

/** Files that tell a runner which folder to run (runner settings, changelogs, scripts that run it). */
const NAMES_FOLDERS = /(?:^|\/)(?:[^/]*changelog[^/]*\.(?:xml|ya?ml|json|sql)|package\.json|diesel\.toml|sqitch\.conf|atlas\.hcl|[jJ]ustfile|Taskfile\.ya?ml|[^/]*\.sh)$/;

/**
 * The projects whose Flyway configuration sets `mixed=true` (flyway.conf, flyway.toml,
 * application.properties' spring.flyway.mixed, FLYWAY_MIXED, a `flyway -mixed=true` command
 * line): there Flyway runs a script mixing statements that run in a transaction with ones that
 * cannot, all outside one. Each is the folder the settings file configures (settingsRoot): a
 * service's setting says nothing of another service's migrations in the same repository. Read
 * only when some script mixes them.
 */
async function flywayMixedRoots(listed: readonly string[], files: RepoFiles): Promise<string[]> {
  const roots: string[] = [];
  for (const path of listed) {
    if (!SETTINGS_FILE.test(path)) continue;
    const text = await files.read(path).then(decodeText, () => '');
    const values = runnerSettings(text, path).get('mixed');
    if (values?.split(', ').some((v) => v.replace(/^["']|["']$/g, '').toLowerCase() === 'true')) roots.push(settingsRoot(path));
  }
  return roots;
}

/**
 * The project a runner settings file configures: its folder, or the project around it when it
 * sits where a project keeps such files (Spring's `src/main/resources`, its `config/` folder, a
 * `conf/` or `config/` folder, `.github/workflows`). The repository root ('') is every project's.
 */
function settingsRoot(path: string): string {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  return dir.replace(/(?:^|\/)(?:src\/[^/]+\/resources(?:\/config)?|conf|config|\.github\/workflows)$/i, '');
}

/** `read`, each path's answer kept for the next caller. */
function once(read: (path: string) => Promise<string>): (path: string) => Promise<string> {
  const answers = new Map<string, Promise<string>>();
  return (path) => {
    let answer = answers.get(path);
    if (!answer) answers.set(path, (answer = read(path)));
    return answer;
  };
}
