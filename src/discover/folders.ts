// Finding migration folders in a list of repository paths. Structures recognised by shape come
// first (Sqitch projects, Prisma and directory-pair folders, Liquibase changelogs, version
// subfolders); every other SQL file belongs to its own folder, which the layout detectors score.
import type { LayoutName } from '../core/types.js';
import { isLiquibaseSql } from './layouts/liquibase-sql.js';
import { isSchemaSnapshot, looksLikeMigrationName } from './layouts/plain.js';

export interface FolderGroup {
  /** The migration folder, relative to the repository root ('' = root). */
  dir: string;
  /** Files under it that belong to it, relative to `dir`, sorted. */
  files: string[];
  /** The layout its shape proves, when it does. */
  shape?: LayoutName;
  /**
   * True for a folder above a folder of migrations: dbmate dumps the whole schema to
   * `db/schema.sql` over `db/migrations/`, temporal keeps `visibility/schema.sql` over
   * `visibility/versioned/v1.10/...`. A whole-schema file in it is what a new database starts
   * from, not a migration.
   */
  besideMigrations?: boolean;
  /**
   * True for a folder of scripts that initialise a new database, beside a folder of migrations
   * (supabase/postgres' migrations/db/init-scripts/ beside migrations/db/migrations/; Postgres'
   * docker image runs docker-entrypoint-initdb.d/ only on an empty data directory): what a new
   * database starts from, as a whole-schema file is, not migrations of the sequence.
   */
  initScripts?: boolean;
}

/** A folder named for database initialisation: init-scripts, initdb, init.d, docker-entrypoint-initdb.d. */
const INIT_DIR = /^(?:docker-entrypoint-)?init(?:db)?(?:[-_.]?(?:scripts?|d))?$/i;

const SQITCH_SCRIPT = /^(?:(.*)\/)?(deploy|revert|verify)\/.+\.sql$/;
const PRISMA = /^(?:(.*)\/)?[^/]+\/migration\.sql$/;
const DIR_PAIR = /^(?:(.*)\/)?[^/]+\/(?:up|down)\.sql$/;
const VERSION_SUBDIR = /^(?:(.*)\/)?[vV]?\d+(?:\.\d+)*\/([^/]+\.sql)$/;
const LIQUIBASE_ROOT = /^(changelogs?|changesets?|liquibase|migrations?|db)$/i;
// A test suite's folder, at any depth.
const TEST_DIR = /(^|\/)(tests?|__tests__|integration|e2e|specs?|fixtures?|testdata|mocks?|stubs?)(\/|$)/i;
// A folder named like one that holds migrations; `db` or `schema` only as the last part (`db/queries` is not).
const NAMED_MIGRATIONS = /(^|\/)[^/]*(migrat|changelog|upgrade|versioned|flyway)[^/]*(\/|$)/i;
const NAMED_DATABASE = /(^|\/)(db|schema|ddl)$/i;
const MIGRATION_DIR = new RegExp(`${NAMED_MIGRATIONS.source}|${NAMED_DATABASE.source}`, 'i');

function parent(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function under(dir: string, path: string): string | null {
  if (dir === '') return path;
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : null;
}

/**
 * Groups the SQL files among `paths` into migration folders. `readText` reads a repository file
 * (used to recognise Liquibase changelogs by their first line).
 */
export async function findFolderGroups(paths: readonly string[], readText: (path: string) => Promise<string>): Promise<FolderGroup[]> {
  const all = [...paths].sort();
  const sql = all.filter((p) => /\.sql$/i.test(p));
  const claimed = new Set<string>();
  const groups: FolderGroup[] = [];

  const claim = (dir: string, shape: LayoutName | undefined, accept: (rel: string) => boolean): void => {
    const files = all.flatMap((p) => {
      const rel = under(dir, p);
      return rel !== null && !claimed.has(p) && accept(rel) ? [rel] : [];
    });
    for (const rel of files) if (/\.sql$/i.test(rel)) claimed.add(dir ? `${dir}/${rel}` : rel);
    if (files.some((f) => /\.sql$/i.test(f))) groups.push({ dir, files, ...(shape ? { shape } : {}) });
  };

  // Sqitch: a project folder with deploy/ scripts and a plan or revert/ scripts.
  const sqitchRoots = new Set<string>();
  for (const p of sql) {
    const m = SQITCH_SCRIPT.exec(p);
    if (!m) continue;
    const root = m[1] ?? '';
    const prefix = root ? `${root}/` : '';
    const hasDeploy = sql.some((q) => q.startsWith(`${prefix}deploy/`));
    const marked = all.includes(`${prefix}sqitch.plan`) || sql.some((q) => q.startsWith(`${prefix}revert/`));
    if (hasDeploy && marked) sqitchRoots.add(root);
  }
  for (const root of [...sqitchRoots].sort((a, b) => b.length - a.length)) {
    claim(root, 'sqitch', (rel) => /^(deploy|revert|verify)\/.+\.sql$/i.test(rel) || rel === 'sqitch.plan');
  }

  // Prisma: <root>/<migration>/migration.sql (a down.sql beside it belongs to it).
  const prismaRoots = new Set(sql.filter((p) => !claimed.has(p)).flatMap((p) => (PRISMA.test(p) ? [PRISMA.exec(p)![1] ?? ''] : [])));
  for (const root of prismaRoots) {
    claim(root, 'prisma', (rel) => /^[^/]+\/(migration|down)\.sql$/.test(rel) && (rel.endsWith('/migration.sql') || all.includes(`${root ? `${root}/` : ''}${parent(rel)}/migration.sql`)));
  }

  // Directory pairs: <root>/<migration>/up.sql and down.sql (+ metadata files).
  const pairRoots = new Set(sql.filter((p) => !claimed.has(p)).flatMap((p) => (DIR_PAIR.test(p) ? [DIR_PAIR.exec(p)![1] ?? ''] : [])));
  for (const root of pairRoots) {
    claim(root, 'directory-pairs', (rel) => /^[^/]+\/((up|down)\.sql|metadata\.(toml|ya?ml))$/.test(rel));
  }

  // Liquibase formatted SQL: a changelog tree, rooted at its nearest `changelog`-like folder.
  const liquibaseRoots = new Set<string>();
  const liquibaseDirs = new Set<string>();
  for (const p of sql) {
    if (claimed.has(p) || !isLiquibaseSql(await readText(p))) continue;
    liquibaseDirs.add(parent(p));
    let dir = parent(p);
    let root = dir;
    for (let d = dir; ; d = parent(d)) {
      if (LIQUIBASE_ROOT.test(d.slice(d.lastIndexOf('/') + 1))) {
        root = d;
        break;
      }
      if (d === '') break;
    }
    liquibaseRoots.add(root);
    dir = root;
  }
  for (const root of [...liquibaseRoots].sort((a, b) => b.length - a.length)) {
    // Only folders that hold changelogs: a golang-migrate folder under the same `db/` stays apart.
    claim(root, 'liquibase-sql', (rel) => /\.sql$/i.test(rel) && liquibaseDirs.has(parent(root ? `${root}/${rel}` : rel)));
  }

  // Version subfolders: <root>/v1.10/<name>.sql, names without their own version (temporal), or
  // numbered within them (memos: 0.19/00__name.sql) when the root has several such folders and
  // no runner's pairs (`.up.sql`); a whole-schema file beside them (memos' LATEST.sql, what a new
  // database starts from) goes with them, for the layout to tell apart.
  const versionRoots = new Map<string, { unnumbered: boolean; dirs: Set<string>; pairs: boolean }>();
  for (const p of sql) {
    const m = VERSION_SUBDIR.exec(p);
    if (claimed.has(p) || !m) continue;
    const root = versionRoots.get(m[1] ?? '') ?? { unnumbered: false, dirs: new Set<string>(), pairs: false };
    if (!/^[vV]?\d/.test(m[2]!)) root.unnumbered = true;
    if (/\.(up|down)\.sql$/i.test(m[2]!)) root.pairs = true;
    root.dirs.add(parent(p));
    versionRoots.set(m[1] ?? '', root);
  }
  for (const [root, seen] of versionRoots) {
    const numbered = !seen.pairs && seen.dirs.size >= 2;
    if (!seen.unnumbered && !numbered) continue;
    claim(root, 'plain', (rel) => (VERSION_SUBDIR.test(rel) && (numbered || !/^[vV]?\d/.test(rel.slice(rel.indexOf('/') + 1)))) || (numbered && isSchemaSnapshot(rel)));
  }

  // Everything else: one folder per directory; rollbacks/ and drizzle's meta/ belong to it.
  const dirs = new Set(sql.filter((p) => !claimed.has(p)).map((p) => {
    const d = parent(p);
    return /(^|\/)rollbacks?$/i.test(d) && sql.some((q) => !claimed.has(q) && parent(q) === parent(d)) ? parent(d) : d;
  }));
  for (const dir of dirs) {
    claim(dir, undefined, (rel) => !rel.includes('/') || /^rollbacks?\/[^/]+\.sql$/i.test(rel) || rel === 'meta/_journal.json');
  }
  // A folder above a folder of migrations (a runner's shape, or files named with a version
  // first): dbmate's db/schema.sql over db/migrations/, temporal's schema.sql over versioned/,
  // supabase/postgres' migrations/schema-15.sql over migrations/db/migrations/.
  const aboveMigrations = new Set<string>();
  for (const g of groups) {
    if (g.dir === '' || !(g.shape || namedWithVersions(g.files))) continue;
    for (let d = parent(g.dir); ; d = parent(d)) {
      aboveMigrations.add(d);
      if (d === '') break;
    }
  }
  for (const g of groups) if (!g.shape && aboveMigrations.has(g.dir)) g.besideMigrations = true;
  const last = (dir: string) => dir.slice(dir.lastIndexOf('/') + 1);
  for (const g of groups) {
    if (g.shape || !INIT_DIR.test(last(g.dir))) continue;
    const migrations = groups.some((o) => o !== g && !INIT_DIR.test(last(o.dir)) && parent(o.dir) === parent(g.dir) && (o.shape || namedWithVersions(o.files) || MIGRATION_DIR.test(o.dir)));
    if (migrations) g.initScripts = true;
  }
  return groups.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

const DELTA_DIR = /(^|\/)deltas?$/i;

/** Most of the SQL files lie in a version folder (`83/06_x.sql`, `v1.2/x.sql`). */
function inVersionFolders(files: readonly string[]): boolean {
  const sql = files.filter((f) => /\.sql$/i.test(f));
  return sql.filter((f) => /^[vV]?\d+(?:\.\d+)*\/[^/]+$/.test(f)).length * 2 > sql.length;
}

/** Most of the SQL files are named with a version first (`20200101_x.sql`, `V2__x.sql`, `0001-x.sql`). */
function namedWithVersions(files: readonly string[]): boolean {
  const sqlNames = files.filter((f) => /\.sql$/i.test(f)).map((f) => f.slice(f.lastIndexOf('/') + 1));
  return sqlNames.filter((f) => /^[vV]?\d/.test(f)).length * 2 > sqlNames.length;
}

/**
 * Whether an automatically found plain folder holds migrations: its path says so
 * (migrations, db, schema, changelog...) or most of its files are named like migrations, and it
 * is not a test's folder (SQL a test suite applies to its own database: formbricks'
 * apps/web/integration/ba-test-schema-shape.sql).
 */
export function looksLikeMigrationFolder(group: FolderGroup): boolean {
  if (NAMED_MIGRATIONS.test(group.dir)) return true;
  // A test suite's db/ or schema/ is the SQL it loads into its own database (supabase/storage's
  // src/test/db/02-dummy-data.sql, whose every edit was migration-edited, DANGEROUS): only a name
  // that says migrations outweighs the test folder.
  if (TEST_DIR.test(group.dir)) return false;
  if (NAMED_DATABASE.test(group.dir)) return true;
  // Schema deltas in version folders (synapse's schema/main/delta/83/06_event_push_summary_room.sql,
  // applied once each, in version order): the name says migrations only with that shape, as a
  // folder named delta may hold Delta Lake's SQL too.
  if (DELTA_DIR.test(group.dir) && inVersionFolders(group.files)) return true;
  const files = group.files.filter((f) => /\.sql$/i.test(f));
  return files.filter((f) => looksLikeMigrationName(f.slice(f.lastIndexOf('/') + 1))).length * 2 >= files.length;
}
