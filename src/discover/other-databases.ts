// Migrations written for another database engine, recognised by where they live: a folder whose
// name says sqlite, mysql, mariadb, mssql/sqlserver, oracle, h2... (Flyway and Liquibase trees
// keep one folder per vendor; river keeps `riversqlite/` beside its Postgres driver). Their SQL
// is not PostgreSQL, so reviewing it as such only produces false parse errors.
//
// Only folder names count, as whole words (`migration_mysql`, `mysql-persistence`) or with a
// prefix glued on (`riversqlite`): a file named `add_sqlite_fallback.sql` is still reviewed.
import { globMatcher } from './globs.js';
import { byCodeUnit } from '../core/strings.js';

/** Engines whose name in a folder marks it as theirs (a Map: a folder named `constructor` is no engine). */
const ENGINES: ReadonlyMap<string, string> = new Map(Object.entries({
  sqlite: 'SQLite', sqlite3: 'SQLite', mysql: 'MySQL', mariadb: 'MariaDB', mssql: 'SQL Server',
  sqlserver: 'SQL Server', tsql: 'SQL Server', oracle: 'Oracle', h2: 'H2', hsqldb: 'HSQLDB',
  derby: 'Derby', db2: 'Db2', sybase: 'Sybase', clickhouse: 'ClickHouse', snowflake: 'Snowflake',
  spanner: 'Spanner', informix: 'Informix', firebird: 'Firebird',
  // PostgreSQL's wire protocol, its own SQL and schema changes: flipt keeps config/migrations/cockroachdb/ beside postgres/.
  cockroach: 'CockroachDB', cockroachdb: 'CockroachDB', crdb: 'CockroachDB',
}));
/** Long, unambiguous names also match at the end of a glued word (`riversqlite`, `gomysql`). */
const GLUED = ['sqlite', 'mysql', 'mariadb', 'mssql', 'sqlserver', 'oracle', 'clickhouse'];

/** The engine a single folder name says, e.g. `riversqlite` -> SQLite; null for any other name. */
function engineOfFolderName(segment: string): string | null {
  // Words: split on separators and camelCase humps; trailing version digits are dropped (`mysql8`).
  const words = segment
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  for (const word of words) {
    let cut = word.length;
    while (cut > 0 && word.charCodeAt(cut - 1) >= 48 && word.charCodeAt(cut - 1) <= 57) cut--;
    const bare = word.length > 2 && cut > 0 ? word.slice(0, cut) : word;
    const engine = ENGINES.get(word) ?? ENGINES.get(bare);
    if (engine) return engine;
    const glued = GLUED.find((g) => bare.length > g.length && bare.endsWith(g));
    if (glued) return ENGINES.get(glued)!;
  }
  return null;
}

/** The engine a path's folders name, e.g. `db/mysql/V1__x.sql` -> MySQL; null when none does. */
export function engineOfPath(path: string): string | null {
  for (const segment of path.split('/').slice(0, -1)) {
    const engine = engineOfFolderName(segment);
    if (engine) return engine;
  }
  return null;
}

export interface OtherDatabaseOverrides {
  /** Globs of paths to leave alone whatever their folder is called. */
  skip: readonly string[];
  /** Globs of paths to review as PostgreSQL whatever their folder is called. */
  review: readonly string[];
}

export interface OtherDatabaseFolder {
  /** The folder whose name says the engine (repository-relative). */
  dir: string;
  engine: string;
  files: string[];
}

/**
 * Splits paths into those to review and those of other databases, grouped by the folder that
 * names the engine. `rootOf(path)` is the part of the path that must not be read for names (a
 * configured migrations folder: the user chose it, so only folders below it count).
 */
export function splitOtherDatabases(
  paths: readonly string[],
  overrides: OtherDatabaseOverrides,
  rootOf: (path: string) => string = () => '',
): { keep: string[]; other: OtherDatabaseFolder[] } {
  const forceSkip = globMatcher(overrides.skip);
  const forceReview = globMatcher(overrides.review);
  const keep: string[] = [];
  const byDir = new Map<string, OtherDatabaseFolder>();
  const add = (dir: string, engine: string, path: string) => {
    const folder = byDir.get(dir) ?? { dir, engine, files: [] };
    folder.files.push(path);
    byDir.set(dir, folder);
  };
  for (const path of paths) {
    if (forceReview(path)) {
      keep.push(path);
      continue;
    }
    if (forceSkip(path)) {
      add(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '', 'not PostgreSQL (otherDatabases.skip)', path);
      continue;
    }
    const root = rootOf(path);
    const segments = path.split('/').slice(0, -1);
    const start = root === '' ? 0 : root.split('/').length;
    let found: { dir: string; engine: string } | null = null;
    for (let i = start; i < segments.length && !found; i++) {
      const engine = engineOfFolderName(segments[i]!);
      if (engine) found = { dir: segments.slice(0, i + 1).join('/'), engine };
    }
    if (found) add(found.dir, found.engine, path);
    else keep.push(path);
  }
  return { keep, other: [...byDir.values()].sort((a, b) => byCodeUnit(a.dir, b.dir)) };
}
