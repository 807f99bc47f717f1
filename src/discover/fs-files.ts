// RepoFiles over a folder on disk, and over an in-memory map (the GitHub App fills one from the
// API). In a git checkout the listing comes from git, so ignored files are left out the way the
// repository's own tools leave them out. A scoped listing (`lint <files>`) lists only the given
// folders to the given depth, so linting one file never walks a home or temp directory.
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RepoFiles } from '../core/types.js';

const run = promisify(execFile);
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** A folder to list (relative to the root, '' = the root) and how deep: 0 = its own files only. */
export interface ListScope {
  dir: string;
  depth: number;
}

export function fsRepoFiles(dir: string, scope?: readonly ListScope[]): RepoFiles {
  const root = path.resolve(dir);
  let listing: Promise<string[]> | undefined;
  let realRoot: string | undefined;
  const depths = scope ? deepestPerDir(scope) : null;
  // Each folder's real path once: resolving every file's whole path (a readlink per component,
  // 36,000 for the 4,000-file corpus) was 3% of its lint. A file that is not itself a link lies
  // where its folder really is.
  const realDirs = new Map<string, string>();
  const realPath = (full: string): string => {
    if (lstatSync(full).isSymbolicLink()) return realpathSync.native(full);
    const dir = path.dirname(full);
    let realDir = realDirs.get(dir);
    if (realDir === undefined) realDirs.set(dir, (realDir = realpathSync.native(dir)));
    return path.join(realDir, path.basename(full));
  };
  return {
    list() {
      listing ??= depths
        ? gitListing(root, [...depths.keys()]).then(async (files) => (files ?? (await walkScoped(root, depths))).filter((p) => inScope(depths, p)))
        : gitListing(root).then((files) => files ?? walk(root));
      return listing;
    },
    async links() {
      const out = new Map<string, string | null>();
      for (const rel of await this.list()) {
        const full = path.resolve(root, rel);
        let link: boolean;
        try {
          link = lstatSync(full).isSymbolicLink();
        } catch {
          continue;
        }
        if (!link) continue;
        try {
          const real = realpathSync.native(full);
          const rootReal = (realRoot ??= realpathSync.native(root));
          out.set(rel, isInside(rootReal, real) ? path.relative(rootReal, real).split(path.sep).join('/') : null);
        } catch {
          out.set(rel, null);
        }
      }
      return out;
    },
    async read(rel) {
      const full = path.resolve(root, rel);
      // Read synchronously: a migration is small and in the page cache after checkout, and the
      // promise API's four thread-pool round trips a file (open, stat, read, close) cost more
      // than the reading (4,000 files: 0.55 -> 0.16 s CPU).
      try {
        // A file of the repository is read where its links lead, as long as that is still inside
        // the repository: a pull request's symlink must not make us read (and print) the runner's files.
        if (isInside(root, full)) {
          const real = realPath(full);
          if (!isInside((realRoot ??= realpathSync.native(root)), real)) throw new OutsideRepositoryError(rel);
          return new Uint8Array(readFileSync(real));
        }
        // A path given explicitly outside the folder (the CLI's `lint ../x.sql`) is the user's choice.
        return new Uint8Array(readFileSync(full));
      } catch (e) {
        // A sparse checkout lists files git knows but did not write out: read them from the index.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !(await (listing ?? Promise.resolve([]))).includes(rel)) throw e;
        const blob = await indexBlob(root, rel);
        if (blob) return blob;
        throw e;
      }
    },
  };
}

/** The staged content of a tracked file, or null (not tracked, object missing in a partial clone). */
async function indexBlob(root: string, rel: string): Promise<Uint8Array | null> {
  if (/[\n\r]/.test(rel) || rel.startsWith('-')) return null;
  try {
    // A partial clone would fetch a missing blob from the network: GIT_NO_LAZY_FETCH (git 2.44+) forbids it.
    const out = await run('git', ['cat-file', 'blob', `:./${rel}`], {
      cwd: root,
      encoding: 'buffer',
      maxBuffer: 1 << 30,
      env: { ...process.env, GIT_NO_LAZY_FETCH: '1' },
    });
    return new Uint8Array(out.stdout);
  } catch {
    return null;
  }
}

/** A repository file that is a symbolic link (or under one) leading out of the repository. */
export class OutsideRepositoryError extends Error {
  constructor(readonly path: string) {
    super(`${path} is a symbolic link that leads outside the repository; it is not followed and nothing outside the repository is read`);
    this.name = 'OutsideRepositoryError';
  }
}

function isInside(root: string, full: string): boolean {
  const rel = path.relative(root, full);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The nearest folder at or above `dir` holding a `.git` (a folder, or a file in worktrees and
 * submodules): where git would find its work tree, found without starting git (a process start
 * costs more than the rest of a one-file lint).
 */
export function gitWorkTreeOf(dir: string): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return null;
  }
}

/** Tracked and untracked-but-not-ignored files that exist; null when `root` is not in a git work tree. */
async function gitListing(root: string, dirs?: string[]): Promise<string[] | null> {
  if (gitWorkTreeOf(root) === null) return null;
  const git = (args: string[]) => run('git', args, { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8' });
  // Literal pathspecs: a folder named `*` is that folder, not a glob.
  const limit = dirs ? ['--', ...[...new Set(dirs)].map((d) => `:(literal)${d || '.'}`)] : [];
  try {
    // No `git rev-parse --is-inside-work-tree` first: ls-files fails by itself outside a work
    // tree (inside .git, say), and one git process less is ~10 ms of a one-file lint.
    const [all, deleted] = await Promise.all([
      git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', ...limit]),
      git(['ls-files', '-z', '--deleted', ...limit]),
    ]);
    const gone = new Set(deleted.stdout.split('\0'));
    const files = all.stdout.split('\0').filter((f) => f !== '' && !gone.has(f) && !f.split('/').some((s) => SKIPPED_DIRS.has(s)));
    return [...new Set(files)].sort();
  } catch {
    return null;
  }
}

// Folders are listed synchronously, as files are read (see read above): a promise per folder is
// a round trip through the thread pool, and a Prisma history has a folder per migration (the
// corpus: 1,549 folders, 0.1-0.2 s of a lint's CPU).
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    const entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) await visit(child);
      } else if (e.isFile()) out.push(child);
    }
  };
  await visit('');
  return out.sort();
}

/** One depth per folder (the deepest asked for): `lint` of 4,000 files names each folder thousands of times. */
function deepestPerDir(scope: readonly ListScope[]): Map<string, number> {
  const depths = new Map<string, number>();
  for (const s of scope) depths.set(s.dir, Math.max(depths.get(s.dir) ?? -1, s.depth));
  return depths;
}

/** Whether a folder above `p` is in scope with a depth that reaches `p`: a look-up per ancestor. */
function inScope(depths: ReadonlyMap<string, number>, p: string): boolean {
  let levels = 0;
  for (let d = p; d !== ''; levels++) {
    const i = d.lastIndexOf('/');
    d = i < 0 ? '' : d.slice(0, i);
    const depth = depths.get(d);
    if (depth !== undefined && levels <= depth) return true;
  }
  return false;
}

/** The files of each scope's folder to its depth; folders that do not exist list nothing. */
async function walkScoped(root: string, depths: ReadonlyMap<string, number>): Promise<string[]> {
  const out = new Set<string>();
  // Subfolders seen in each listed folder: thousands of named files name thousands of side
  // folders (rollbacks/, meta/) that mostly do not exist, and a failed readdir costs an error.
  const subdirs = new Map<string, Set<string>>();
  const visit = async (rel: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    const dirs = new Set<string>();
    subdirs.set(rel, dirs);
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        dirs.add(e.name);
        if (depth > 0 && !SKIPPED_DIRS.has(e.name)) await visit(child, depth - 1);
      } else if (e.isFile()) out.add(child);
    }
  };
  // Sorted, so a folder is listed before the folders inside it.
  for (const dir of [...depths.keys()].sort()) {
    const i = dir.lastIndexOf('/');
    const seen = subdirs.get(i < 0 ? '' : dir.slice(0, i));
    if (dir !== '' && seen && !seen.has(dir.slice(i + 1))) continue;
    await visit(dir, depths.get(dir)!);
  }
  return [...out].sort();
}

export function memoryRepoFiles(files: Map<string, Uint8Array | string>): RepoFiles {
  const encoder = new TextEncoder();
  return {
    async list() {
      return [...files.keys()].sort();
    },
    async read(rel) {
      const content = files.get(rel);
      if (content === undefined) throw new Error(`no such file: ${rel}`);
      return typeof content === 'string' ? encoder.encode(content) : content;
    },
  };
}
