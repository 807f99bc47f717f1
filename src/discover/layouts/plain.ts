// Plain folders: SQL files with no runner convention. Ordered by the version a name starts with
// (`0001-`, `v1.2_`, `00010-` = 10) or the version folder a file sits in (`v1.10/schema.sql`),
// then by name; files without a version follow in name order, except a whole-schema file beside
// versioned ones, or above a folder of migrations (LATEST.sql, schema.sql: `snapshots`). No rollbacks, no duplicate check: nothing
// is known about the runner.
import { isBlankSql } from '../text.js';
import { compareVersions, naturalCompare } from '../version.js';
import { emptyBuild, sqlFiles, repoPath, type Layout, type LayoutBuild } from './types.js';

// Matched against the name without `.sql`, with `s`: the tail always matches to the end, so a
// long name of digits and dots cannot make the engine retry every split (quadratic).
const LEADING_VERSION = /^([vV]?\d+(?:[._]\d+)*)(?:[_\-.](.*))?$/s;
const VERSION_DIR = /^([vV]?\d+(?:\.\d+)*)\/([^/]+)\.sql$/;

/** An unversioned name that says the file is the whole schema, not a step of it. */
const SNAPSHOT = /^(?:latest|schema|structure|baseline|current)(?:[._-][^/]*)?\.sql$/i;

/** True for a file name (no folder) that says it holds the whole schema (LATEST.sql, schema.sql). */
export function isSchemaSnapshot(file: string): boolean {
  return SNAPSHOT.test(file);
}

/**
 * True for the output of pg_dump (its header comment): a picture of the whole schema taken from a
 * database, which no runner applies again (its CREATE TABLEs fail on a database that has the
 * tables), so under a whole-schema name it is a snapshot whatever lies beside it.
 */
export function isPgDump(text: string): boolean {
  return /^--\s*PostgreSQL database dump\s*$/m.test(text.slice(0, 400));
}

// sqlc's query annotation: `-- name: GetAuthor :one` (or in a block comment).
const SQLC_NAME = /^[ \t]*(?:--|\/\*)[ \t]*name:[ \t]*\w+[ \t]+:(?:one|many|exec|execrows|execresult|execlastid|copyfrom|batchexec|batchmany|batchone)\b/m;

/**
 * True for a file of sqlc queries: it starts (after comments) with a `-- name: X :one` annotation,
 * which sqlc requires before each query it turns into code. No runner applies such a file.
 */
export function isSqlcQueries(text: string): boolean {
  const first = SQLC_NAME.exec(text);
  if (!first) return false;
  // Only comments and blank lines before the first annotation: no statement that is not a named query.
  return isBlankSql(text.slice(0, first.index));
}

/** True when a folder of SQL files looks like it holds migrations rather than queries or seeds. */
export function looksLikeMigrationName(file: string): boolean {
  return /^[vV]?\d/.test(file) || /migrat|upgrade|rollback|schema/i.test(file);
}

export const plain: Layout = {
  name: 'plain',
  rollbacks: 'never',
  async detect() {
    return 0.05;
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const entries = sqlFiles(folder.files).map((file) => {
      const inDir = VERSION_DIR.exec(file);
      if (inDir) return { file, version: inDir[1]!, name: inDir[2]!, versioned: true };
      if (file.includes('/')) return { file, version: '', name: file.slice(0, -4), versioned: false };
      const lead = file.endsWith('.sql') ? LEADING_VERSION.exec(file.slice(0, -4)) : null;
      return lead
        ? { file, version: lead[1]!, name: lead[2] ?? '', versioned: true }
        : { file, version: '', name: file.slice(0, -4), versioned: false };
    });
    entries.sort((a, b) => {
      if (a.versioned !== b.versioned) return a.versioned ? -1 : 1;
      return (a.versioned ? compareVersions(a.version, b.version) : 0) || naturalCompare(a.file, b.file);
    });
    // Beside versioned migrations, the whole schema under an unversioned name is what a new
    // database starts from (memos applies LATEST.sql instead of its migrations), not one of them;
    // so it is above a folder of migrations (dbmate's db/schema.sql over db/migrations/,
    // temporal's visibility/schema.sql over visibility/versioned/v1.10/).
    const versioned = folder.besideMigrations === true || entries.some((e) => e.versioned);
    for (const e of entries) {
      if (versioned && !e.versioned && SNAPSHOT.test(e.file)) {
        (out.snapshots ??= []).push(e.file);
        continue;
      }
      out.migrations.push({
        id: e.file.slice(0, -4),
        version: e.version || e.name,
        name: e.name,
        up: { path: repoPath(folder.dir, e.file), text: await folder.read(e.file) },
        down: null,
      });
    }
    return out;
  },
};
