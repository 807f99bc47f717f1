// The fingerprint an approval is bound to: sha256 over the reviewed migrations' paths and
// contents, the order they run in, whether each runs without a transaction, and the problems
// reported about other files (with what a changed one holds: a moved submodule's commit). A push that changes any of them changes the hash and voids the approval; a push that
// changes other files leaves it intact.
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
  // What the review found that no hashed file carries: a push that keeps every migration as it
  // was can still change how one runs (a Flyway .conf sidecar turning its transaction off) or
  // add a problem about another file (a drizzle journal entry running SQL from elsewhere). Each
  // is bound as an entry of its own; a path never holds a NUL, so none is taken for a file.
  for (const { migration } of result.migrations) {
    if (migration.transaction === 'none') files.push({ path: `${migration.up.path}\0runs-without-transaction`, content: '' });
  }
  // The order they run in (the report's): a sqitch.plan or drizzle journal that reorders the
  // approved migrations keeps every one of them byte for byte and changes what runs first.
  if (result.migrations.length > 1) files.push({ path: '\0run-order', content: result.migrations.map(({ migration }) => migration.up.path).join('\n') });
  const hashed = new Set(files.map((f) => f.path));
  const problems = new Map<string, string[]>();
  for (const e of result.report.errors) {
    if (hashed.has(e.path)) continue;
    problems.set(e.path, [...(problems.get(e.path) ?? []), `${e.rule ?? 'parse-error'} ${e.risk ?? 'DANGEROUS'} ${e.line}:${e.column} ${e.message}`]);
  }
  // A problem about a path the change touched is bound to what the path holds: a submodule moved
  // again to another commit keeps its problem's text word for word (files in it are not read),
  // and what the approval let through is the commit it saw.
  const objects = new Map(changes.flatMap((c) => (c.object && c.status !== 'deleted' ? [[c.path, c.object] as const] : [])));
  for (const [path, list] of problems) {
    const object = objects.get(path);
    files.push({ path: `${path}\0problems`, content: [...list.sort(), ...(object ? [`holds ${object}`] : [])].join('\n') });
  }
  return files;
}
