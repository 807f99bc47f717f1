// RepoFiles over a folder on disk, and over an in-memory map (the GitHub App fills one from the
// API). In a git checkout the listing comes from git, so ignored files are left out the way the
// repository's own tools leave them out.
import { execFile } from 'node:child_process';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RepoFiles } from '../core/types.js';

const run = promisify(execFile);
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export function fsRepoFiles(dir: string): RepoFiles {
  const root = path.resolve(dir);
  let listing: Promise<string[]> | undefined;
  let realRoot: Promise<string> | undefined;
  return {
    list() {
      listing ??= gitListing(root).then((files) => files ?? walk(root));
      return listing;
    },
    async read(rel) {
      const full = path.resolve(root, rel);
      try {
        // A file of the repository is read where its links lead, as long as that is still inside
        // the repository: a pull request's symlink must not make us read (and print) the runner's files.
        if (isInside(root, full)) {
          const real = await realpath(full);
          if (!isInside(await (realRoot ??= realpath(root)), real)) throw new OutsideRepositoryError(rel);
          return new Uint8Array(await readFile(real));
        }
        // A path given explicitly outside the folder (the CLI's `lint ../x.sql`) is the user's choice.
        return new Uint8Array(await readFile(full));
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

/** Tracked and untracked-but-not-ignored files that exist; null when `root` is not in a git work tree. */
async function gitListing(root: string): Promise<string[] | null> {
  const git = (args: string[]) => run('git', args, { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8' });
  try {
    const inside = await git(['rev-parse', '--is-inside-work-tree']);
    if (inside.stdout.trim() !== 'true') return null;
    const [all, deleted] = await Promise.all([
      git(['ls-files', '-z', '--cached', '--others', '--exclude-standard']),
      git(['ls-files', '-z', '--deleted']),
    ]);
    const gone = new Set(deleted.stdout.split('\0'));
    const files = all.stdout.split('\0').filter((f) => f !== '' && !gone.has(f) && !f.split('/').some((s) => SKIPPED_DIRS.has(s)));
    return [...new Set(files)].sort();
  } catch {
    return null;
  }
}

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
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
