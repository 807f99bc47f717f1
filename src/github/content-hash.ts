// The fingerprint an approval is bound to: sha256 over the reviewed migrations' paths and
// contents. A push that changes any of them changes the hash and voids the approval; a push
// that changes other files leaves it intact.
import { createHash } from 'node:crypto';
import type { CheckResult } from '../check/types.js';
import type { FileChange } from '../core/types.js';

export interface HashedFile {
  path: string;
  /** The file's content, or null for a file the change deletes. */
  content: string | Uint8Array | null;
}

export function contentHash(files: HashedFile[]): string {
  const byPath = new Map<string, HashedFile>();
  for (const f of files) byPath.set(f.path, f);
  const h = createHash('sha256');
  for (const path of [...byPath.keys()].sort()) {
    const content = byPath.get(path)!.content;
    const bytes = content === null ? null : typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    // Length-prefixed, so no choice of paths and contents can collide with another.
    h.update(`${Buffer.byteLength(path)}:${path}\0`);
    h.update(bytes === null ? 'deleted\0' : `${bytes.length}:`);
    if (bytes !== null) h.update(bytes);
    h.update('\0');
  }
  return `sha256:${h.digest('hex')}`;
}

/**
 * The files a review looked at: each reviewed migration's up and rollback files, plus the
 * SQL files the change deletes (removing a migration is a change to what was approved).
 */
export function reviewedFiles(result: CheckResult, changes: FileChange[] = []): HashedFile[] {
  const files: HashedFile[] = [];
  for (const { migration } of result.migrations) {
    for (const source of [migration.up, migration.down]) {
      if (!source) continue;
      files.push({ path: source.path, content: result.sources.get(source.path) ?? source.text });
    }
  }
  for (const c of changes) {
    if (c.status === 'deleted' && /\.sql$/i.test(c.path)) files.push({ path: c.path, content: null });
    if (c.status === 'renamed' && c.previousPath && /\.sql$/i.test(c.previousPath)) files.push({ path: c.previousPath, content: null });
  }
  return files;
}
