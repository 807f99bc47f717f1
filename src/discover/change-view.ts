// What discovery may know of the change under review: which files it touches, where it moved
// them from, and the base branch's files, read only when an edit needs holding against them
// (a Cargo.toml that would decide how a migrations folder is read, a whole-schema file).
import type { RepoFiles } from '../core/types.js';
import { decodeText } from './text.js';

/** A repository's Cargo.toml files and Rust sources: what says whether a migrations folder is sqlx's. */
export interface RustFiles {
  manifests: string[];
  sources: string[];
}

export function rustFiles(paths: readonly string[]): RustFiles {
  return { manifests: paths.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml')), sources: paths.filter((p) => p.endsWith('.rs')) };
}

/** The change under review: what it touches, and the base branch's Rust files to hold an edit against. */
export interface ChangeView {
  changed: (path: string) => boolean;
  /** The change adds the file (or renames it there). */
  added: (path: string) => boolean;
  previous: (path: string) => string | undefined;
  /** Listed and read once, and only when an edit needs it. */
  base: (() => Promise<{ files: RustFiles; read: (path: string) => Promise<string> }>) | undefined;
}

/** `normalize`: how discovery spells a path (forward slashes, no leading ./). */
export function baseView(base: RepoFiles, normalize: (path: string) => string): ChangeView['base'] {
  let listed: Promise<RustFiles> | undefined;
  const read = (path: string) => base.read(path).then(decodeText, () => '');
  return async () => ({ files: await (listed ??= base.list().then((paths) => rustFiles(paths.map(normalize)))), read });
}

