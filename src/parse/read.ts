// Reading a migration file into text. Every way this can go wrong (missing, a directory,
// binary, not UTF-8, too big) is a one-line error with a place, not an exception.
import { readFile, stat } from 'node:fs/promises';
import { decodeSql, MAX_SQL_BYTES, megabytes, readFailure as fail, type ReadResult } from '../core/sql-bytes.js';

export { decodeSql, MAX_SQL_BYTES, type ReadResult } from '../core/sql-bytes.js';

function reason(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: cannot read the file';
    case 'EISDIR':
      return 'is a directory, not a SQL file';
    case 'ENOTDIR':
      return 'file not found (a parent in the path is not a directory)';
    case 'ELOOP':
      return 'cannot read the file: too many levels of symbolic links';
    default:
      return `cannot read the file: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
  }
}

/** Reads and decodes a SQL file; `displayPath` is the path used in messages (usually repo-relative). */
export async function readSqlFile(absPath: string, displayPath: string): Promise<ReadResult> {
  try {
    const info = await stat(absPath);
    if (info.isDirectory()) return fail(displayPath, 'is a directory, not a SQL file');
    if (!info.isFile()) return fail(displayPath, 'is not a regular file');
    if (info.size > MAX_SQL_BYTES) {
      return fail(displayPath, `file is too large to parse (${megabytes(info.size)}; the limit is ${megabytes(MAX_SQL_BYTES)})`);
    }
    return decodeSql(await readFile(absPath), displayPath);
  } catch (e) {
    return fail(displayPath, reason(e));
  }
}
