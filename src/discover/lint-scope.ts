// What `lint <paths>` lists: a named folder and everything beneath it; a named file, its own
// folder (the context its layout needs: neighbours for ordering and rollback pairing) and, when
// its shape says the migration folder is one level up (Prisma `<ts>_name/migration.sql`,
// directory pairs, Sqitch `deploy/`, version subfolders, `rollbacks/`), that folder and its
// subfolders. Never the whole tree below a file's folder: a file in the temp or home directory
// must not make the linter open every file there.
import type { Config } from '../config/defaults.js';
import type { ListScope } from './fs-files.js';
import { normalizePath } from './discover.js';

export interface NamedPath {
  /** Relative to the repository root, forward slashes ('' = the root). */
  path: string;
  isDir: boolean;
}

const NESTED_FILE = /^(migration|up|down)\.sql$/i;
const NESTED_DIR = /^(deploy|revert|verify|rollbacks?|[vV]?\d+(\.\d+)*)$/;
// Files that belong to a flat folder but sit in a subfolder of it.
const SIDE_DIRS = ['rollback', 'rollbacks', 'meta'];

export function lintScope(named: readonly NamedPath[], config: Pick<Config, 'migrations'>): ListScope[] {
  const configured = (config.migrations ?? []).map((m) => normalizePath(m.path));
  const scopes: ListScope[] = [];
  for (const n of named) {
    const p = normalizePath(n.path);
    if (n.isDir) {
      scopes.push({ dir: p, depth: Infinity });
      continue;
    }
    // A configured migrations folder is the file's migration folder, whatever its shape.
    const home = configured.filter((d) => d === '' || p.startsWith(`${d}/`)).sort((a, b) => b.length - a.length)[0];
    if (home !== undefined) {
      scopes.push({ dir: home, depth: Infinity });
      continue;
    }
    const dir = parent(p);
    scopes.push({ dir, depth: 0 }, ...SIDE_DIRS.map((s) => ({ dir: join(dir, s), depth: 0 })));
    if (dir !== '' && (NESTED_FILE.test(base(p)) || NESTED_DIR.test(base(dir)))) scopes.push({ dir: parent(dir), depth: 1 });
  }
  return scopes;
}

function parent(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function base(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}
