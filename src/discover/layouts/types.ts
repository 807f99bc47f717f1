// What every layout module provides: a detector that scores how much a folder looks like the
// layout, and a builder that turns the folder's files into ordered migrations. Builders return
// drafts; discover.ts adds what depends on configuration (rollback status, transaction mode).
import type { LayoutName, SqlSource, Statement } from '../../core/types.js';

/** The files of one migration folder. */
export interface LayoutFiles {
  /** The folder, relative to the repository root; '' for the root itself. */
  dir: string;
  /** Files under the folder, relative to it, forward slashes, sorted. SQL files and the metadata
   * siblings a layout may need (sqitch.plan, meta/_journal.json, *.sql.conf, metadata.toml). */
  files: readonly string[];
  /** Decoded text of a file under the folder (relative path); '' when it cannot be read. */
  read(rel: string): Promise<string>;
  /** The folder sits above a folder of migrations (see FolderGroup.besideMigrations). */
  besideMigrations?: boolean;
  /** How a file's top-level statements are read (DiscoverOptions.statements); absent: no layout reads them. */
  statements?: StatementsOf;
}

/**
 * A file's top-level statements, as the parse stage reads them. Discovery sits below parsing, so
 * the stage that runs it passes one in (check/run.ts): Flyway tells a file's transaction by them.
 */
export type StatementsOf = (path: string, text: string) => Promise<readonly Statement[]>;

export interface DraftMigration {
  id: string;
  version: string;
  name: string;
  up: SqlSource;
  down: SqlSource | null;
  /** The file (or its metadata) opts out of the runner's transaction. */
  noTransaction?: boolean;
  /** The runner re-applies it when it changes (Flyway R__, Liquibase runOnChange). */
  repeatable?: boolean;
  /** A script that has no rollback by design, whatever the folder's convention (a sqitch verify script). */
  noRollback?: boolean;
  /** `${name}` values the file defines for itself (Liquibase `--property`). */
  placeholders?: Record<string, string>;
  /** The runner substitutes environment variables into the SQL (goose ENVSUB ON). */
  envsub?: boolean;
  /** Migrations whose keys are equal collide in the runner (duplicate-version). */
  dupKey?: string;
  /**
   * The runner refuses the file for mixing statements that run in a transaction with ones that
   * cannot, unless its configuration allows it (Flyway without `mixed=true`): where it finds the
   * mix, and whether the statement there is one that cannot.
   */
  mixedTransaction?: { line: number; column: number; nonTransactional: boolean };
  /** The rollback's ranges in the order the runner runs them, when not the file's (Migration.downOrder). */
  downOrder?: Array<[number, number]>;
  /** Parts of the migration that have no rollback although the file has some (Liquibase changesets). */
  partsWithoutRollback?: Array<{ line: number; column: number; label: string }>;
}

export interface LayoutIssue {
  /** Relative to the folder. */
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface LayoutBuild {
  /** In the order the runner applies them. */
  migrations: DraftMigration[];
  /** Rollback files (relative) whose migration does not exist. */
  orphans: string[];
  /** SQL files (relative) that do not follow the layout's naming; discovery lints them as plain. */
  leftovers: string[];
  issues: LayoutIssue[];
  /** Files (relative) written for another engine (pop's `.sqlite.up.sql`): left alone, with a note. */
  otherDatabases?: Array<{ file: string; dialect: string }>;
  /**
   * Files (relative) holding the whole schema beside the versioned migrations (memos'
   * `LATEST.sql`, applied to a new database instead of the migrations): no migration of the
   * sequence, so left alone with a note unless the change adds them.
   */
  snapshots?: string[];
}

/** Whether the layout's runner has rollbacks, and so whether a missing one is reported by default. */
export type RollbackConvention =
  | 'always' // every migration is expected to have one
  | 'when-used' // optional feature of the runner: expected once the folder has any
  | 'never'; // no rollbacks by design: `not-required` unless configured

export interface Layout {
  name: LayoutName;
  rollbacks: RollbackConvention;
  /** 0 (not this layout) to 1 (certainly this layout). */
  detect(folder: LayoutFiles): Promise<number>;
  build(folder: LayoutFiles): Promise<LayoutBuild>;
}

/** Repository-relative path of a file in a folder. */
export function repoPath(dir: string, rel: string): string {
  return dir ? `${dir}/${rel}` : rel;
}

/** Files directly in the folder (no subfolder). */
export function directFiles(folder: LayoutFiles): string[] {
  return folder.files.filter((f) => !f.includes('/'));
}

export function sqlFiles(files: readonly string[]): string[] {
  return files.filter((f) => /\.sql$/i.test(f));
}

/** Fraction of `files` for which `test` holds; 0 for no files. */
export function coverage(files: readonly string[], test: (f: string) => boolean): number {
  if (files.length === 0) return 0;
  return files.filter(test).length / files.length;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function emptyBuild(): LayoutBuild {
  return { migrations: [], orphans: [], leftovers: [], issues: [] };
}
