// A commit's files read through the API, no clone: one recursive tree listing, then each blob
// fetched the first time discovery reads it. Discovery only reads migration files and the
// layout metadata beside them (sqitch.plan, Drizzle's journal, Flyway's .conf...), so a review
// downloads those and nothing else. Blobs are cached by sha, so the base and head trees of one
// review share every unchanged migration.
import { createHash } from 'node:crypto';
import type { RepoFiles } from '../core/types.js';
import { OutsideRepositoryError } from '../discover/fs-files.js';
import type { GitHubClient, RepoRef } from './octokit.js';

export class TreeTooLargeError extends Error {}

/** Blob sha -> bytes, shared by the trees of one review. */
export type BlobCache = Map<string, Promise<Uint8Array>>;

/** At most this many blob requests in flight per review (GitHub's secondary rate limits). */
const MAX_PARALLEL_BLOBS = 8;

/** Links followed in a row before giving up (a loop, or a chain no repository needs). */
const MAX_LINK_HOPS = 8;

/**
 * `localCopy`: a checkout whose files may equal the commit's (the Action's workspace, a pull
 * request's merge commit, against its base): a file there whose git blob sha is the one the tree
 * lists is that blob, byte for byte, and is read from disk instead of the API. Anything else
 * (changed, missing, unreadable, a link) is fetched.
 */
export function apiRepoFiles(octokit: GitHubClient, repo: RepoRef, commitSha: string, blobs: BlobCache = new Map(), localCopy?: RepoFiles): RepoFiles {
  let tree: Promise<Map<string, TreeEntry>> | undefined;
  const limit = limiter(MAX_PARALLEL_BLOBS);
  const listing = () => (tree ??= readTree(octokit, repo, commitSha));
  const fetched = async (sha: string, path: string): Promise<Uint8Array> => {
    if (localCopy) {
      const bytes = await localCopy.read(path).catch(() => null);
      if (bytes !== null && gitBlobSha(bytes) === sha) return bytes;
    }
    return limit(() => readBlob(octokit, repo, sha));
  };
  const blob = (sha: string, path: string): Promise<Uint8Array> => {
    let found = blobs.get(sha);
    if (!found) {
      found = fetched(sha, path);
      blobs.set(sha, found);
      // A failed read must not poison the cache for a retry of the review.
      found.catch(() => blobs.delete(sha));
    }
    return found;
  };
  const files: RepoFiles = {
    async list() {
      return [...(await listing()).keys()].sort();
    },
    async links() {
      const out = new Map<string, string | null>();
      for (const [path, entry] of await listing()) {
        if (!entry.link) continue;
        let current = path;
        let end: string | null = null;
        for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
          const at = (await listing()).get(current);
          if (at === undefined) break;
          if (!at.link) {
            end = current;
            break;
          }
          const next = resolveLink(current, new TextDecoder().decode(await blob(at.sha, current)));
          if (next === null) break;
          current = next;
        }
        out.set(path, end);
      }
      return out;
    },
    async read(path) {
      // A symlink is reviewed as the file it points to, inside the repository; one that leaves
      // the repository (or goes nowhere) is refused, and nothing is read for it.
      let current = path;
      for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
        const entry = (await listing()).get(current);
        if (entry === undefined) {
          if (current === path) throw new Error(`no such file at ${commitSha.slice(0, 7)}: ${path}`);
          throw new Error(`${path} is a symbolic link to ${current}, which is not a file of the repository`);
        }
        if (!entry.link) return blob(entry.sha, current);
        const target = new TextDecoder().decode(await blob(entry.sha, current));
        const next = resolveLink(current, target);
        if (next === null) throw new OutsideRepositoryError(path);
        current = next;
      }
      throw new Error(`${path}: more than ${MAX_LINK_HOPS} symbolic links in a row`);
    },
  };
  return files;
}

/** The name git gives a file's bytes: sha-1 of `blob <length>\0` and the bytes. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

interface TreeEntry {
  sha: string;
  link: boolean;
}

/** The repository path a link at `from` with text `target` points to; null when it leaves the repository. */
function resolveLink(from: string, target: string): string | null {
  if (target.startsWith('/') || /^[A-Za-z]:/.test(target) || target.includes('\0')) return null;
  const parts = from.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join('/') : null;
}

/** Path -> blob sha of every file and symlink in the commit (submodules left out). */
async function readTree(octokit: GitHubClient, repo: RepoRef, commitSha: string): Promise<Map<string, TreeEntry>> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    owner: repo.owner,
    repo: repo.repo,
    tree_sha: commitSha,
    recursive: '1',
  });
  if (data.truncated) {
    throw new TreeTooLargeError(
      `the repository's tree at ${commitSha.slice(0, 7)} is larger than GitHub's tree API lists in one answer (100,000 entries); review this repository with the Action or the CLI instead`,
    );
  }
  const files = new Map<string, TreeEntry>();
  for (const entry of data.tree) {
    if (entry.type === 'blob' && entry.path && entry.sha) files.set(entry.path, { sha: entry.sha, link: entry.mode === '120000' });
  }
  return files;
}

async function readBlob(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<Uint8Array> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: repo.owner, repo: repo.repo, file_sha: sha });
  if (data.encoding === 'base64') return new Uint8Array(Buffer.from(data.content, 'base64'));
  if (data.encoding === 'utf-8' || data.encoding === 'utf8') return new TextEncoder().encode(data.content);
  throw new Error(`blob ${sha.slice(0, 7)} came in an unknown encoding "${data.encoding}"`);
}

/** Runs at most `n` of the given tasks at once. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
