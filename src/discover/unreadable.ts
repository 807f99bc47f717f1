// Migrations the runner runs that are not SQL: goose's Go migrations, Flyway's Java (Kotlin,
// Scala, Groovy) migrations, and Liquibase changelogs in XML, YAML or JSON. Nothing here can
// review their statements, so each is a DANGEROUS layout-error: a pull request adding one must
// not pass as "no migrations to review". Each is told by its name and by what its text says
// (the runner's API or the changelog's root), so a Go file named 0001_x.go that is no goose
// migration, or a YAML file that is no changelog, is left alone.
import type { ReportError, RepoFiles } from '../core/types.js';
import { decodeText } from './text.js';

interface Format {
  /** The file name (last path segment) a runner picks up. */
  name: RegExp;
  /** Whether the file is one: what its text must say (each pattern, anywhere: no scan is quadratic). */
  is: readonly RegExp[];
  message: string;
}

const FORMATS: readonly Format[] = [
  {
    // goose: `<version>_<name>.go`, registered with goose.AddMigration* or NewGoMigration.
    name: /^\d+_[^/]*\.go$/,
    is: [/\bgoose\s*\.\s*(?:Add(?:Named)?Migration\w*|NewGoMigration)\s*\(/],
    message: 'goose runs this Go migration (compiled into the program that migrates), and nothing here can review Go code: write it as a .sql migration, or have it approved',
  },
  {
    // Flyway: `V<version>__<name>.java` (U undo, R repeatable) implementing JavaMigration.
    name: /^[VUR]\d*(?:[._]\d+)*__[^/]+\.(?:java|kt|scala|groovy)$/,
    is: [/\b(?:Base)?JavaMigration\b|\bJdbcMigration\b|\bSpringJdbcMigration\b/],
    message: 'Flyway runs this Java-based migration, and nothing here can review its code: write it as a .sql migration, or have it approved',
  },
  {
    // Liquibase: a changelog in XML, YAML or JSON that holds change sets (one that only
    // includes others holds no statements of its own).
    name: /\.(?:xml|ya?ml|json)$/i,
    is: [/databaseChangeLog/, /<\s*(?:\w+:)?changeSet\b|\bchangeSet\s*:|"changeSet"\s*:/],
    message: 'Liquibase runs the change sets of this changelog, and nothing here can review an XML, YAML or JSON changelog: write the change sets as a formatted SQL changelog (--liquibase formatted sql), or have it approved',
  },
];

/** Liquibase changelogs are read only where a path says so, or where the change touched them. */
const CHANGELOG_PATH = /changelog|liquibase/i;

/**
 * The non-SQL migrations among `paths`. `changed`: whether the change under review touches a
 * path (absent: no change is under review); every touched XML, YAML or JSON file is looked at,
 * as its author chose its name.
 */
export async function unreadableMigrations(paths: readonly string[], files: RepoFiles, changed?: (path: string) => boolean): Promise<ReportError[]> {
  const candidates: Array<{ path: string; format: Format }> = [];
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const format = FORMATS.find((f) => f.name.test(name));
    if (!format) continue;
    if (format === FORMATS[2] && !CHANGELOG_PATH.test(path) && !changed?.(path)) continue;
    candidates.push({ path, format });
  }
  const found = await Promise.all(
    candidates.map(async ({ path, format }) => {
      const text = await files.read(path).then(decodeText, () => '');
      return format.is.every((p) => p.test(text)) ? { path, format } : null;
    }),
  );
  return found
    .filter((f): f is { path: string; format: Format } => f !== null)
    .map(({ path, format }) => ({ path, line: 1, column: 1, message: format.message, rule: 'layout-error', risk: 'DANGEROUS' }));
}
