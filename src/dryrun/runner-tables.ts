// The table a migration runner keeps its records in exists wherever the migrations run, since
// the runner creates it before the first one: a migration may use it (lemmy's
// 2025-08-01-000017_forbid_diesel_cli puts a trigger on __diesel_schema_migrations). A database
// no runner made lacks it, and the history then fails there for every later review. The
// dry-run creates the runner tables the migrations name, as their runners define them.
import type { LayoutName } from '../core/types.js';
import type { DryRunMigration } from './run.js';
import type { Sandbox } from './sandbox.js';

interface RunnerTable {
  /** As the SQL names it (without quotes), matched as a whole word. */
  name: string;
  /** The runners that keep it; any layout when absent. */
  layouts?: readonly LayoutName[];
  sql: string;
}

const TABLES: readonly RunnerTable[] = [
  { name: '__diesel_schema_migrations', sql: 'CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)' },
  { name: '_sqlx_migrations', sql: 'CREATE TABLE IF NOT EXISTS _sqlx_migrations (version bigint PRIMARY KEY, description text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now(), success boolean NOT NULL, checksum bytea NOT NULL, execution_time bigint NOT NULL)' },
  { name: '_prisma_migrations', sql: 'CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)' },
  { name: 'goose_db_version', sql: 'CREATE TABLE IF NOT EXISTS goose_db_version (id serial PRIMARY KEY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp DEFAULT now())' },
  { name: 'flyway_schema_history', sql: 'CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)' },
  { name: 'schema_migrations', layouts: ['golang-migrate'], sql: 'CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL)' },
  { name: 'schema_migrations', layouts: ['dbmate'], sql: 'CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) PRIMARY KEY)' },
  { name: 'schema_migration', layouts: ['pop'], sql: 'CREATE TABLE IF NOT EXISTS schema_migration (version varchar(14) NOT NULL PRIMARY KEY)' },
];

/** Each table's patterns, made once: named anywhere as a whole word, and created. */
const MATCHERS = TABLES.map((t) => ({
  table: t,
  named: new RegExp(`(^|[^\\w$])"?${t.name}"?($|[^\\w$])`, 'i'),
  created: new RegExp(`\\bCREATE\\s+(UNLOGGED\\s+)?TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?("?\\w+"?\\.)?"?${t.name}"?($|[^\\w$])`, 'i'),
}));

/** The statements that create the runner tables these migrations name and do not create themselves. */
export function runnerTablesSql(migrations: readonly DryRunMigration[]): string[] {
  const out: string[] = [];
  for (const { table: t, named, created } of MATCHERS) {
    const mine = migrations.filter((m) => !t.layouts || t.layouts.includes(m.migration.layout));
    const texts = mine.flatMap((m) => [m.migration.up.text, m.migration.down?.text ?? '']);
    if (texts.some((x) => named.test(x)) && !texts.some((x) => created.test(x)) && !out.includes(t.sql)) out.push(t.sql);
  }
  return out;
}

/** Creates them on a sandbox just opened (idempotent: an image may have them already). */
export async function createRunnerTables(sandbox: Sandbox, migrations: readonly DryRunMigration[], timeoutMs: number): Promise<void> {
  for (const sql of runnerTablesSql(migrations)) await sandbox.exec(sql, timeoutMs);
}
