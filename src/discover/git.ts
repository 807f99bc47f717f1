// What a branch changed, from git: the merge base with `--base`, the migration files changed
// since then, and the base tree's files (for the base branch's migrations).
//
// The comparison is merge base -> WORKING TREE, untracked (not ignored) files counting as
// added. In CI the working tree is the checked-out PR head, so this equals merge base -> HEAD;
// locally it also covers the migration you are writing and have not committed yet.
import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import type { FileChange, RepoFiles } from '../core/types.js';
import { DiscoverError } from './errors.js';

const run = promisify(execFile);

export interface GitChanges {
  mergeBase: string;
  changes: FileChange[];
  /** The files of the merge-base commit, paths relative to `repoDir`. */
  base: RepoFiles;
}

export async function gitChanges(repoDir: string, baseRef: string): Promise<GitChanges> {
  if (!existsSync(repoDir) || !statSync(repoDir).isDirectory()) throw new DiscoverError(`not a folder: ${repoDir}`);
  const git = async (args: string[]): Promise<string> => (await run('git', args, { cwd: repoDir, maxBuffer: 1 << 30, encoding: 'utf8' })).stdout;

  const inside = await git(['rev-parse', '--is-inside-work-tree']).catch(() => 'false');
  if (inside.trim() !== 'true') throw new DiscoverError(`not a git repository: ${repoDir} (--base needs a git checkout)`);
  if (baseRef.startsWith('-') || baseRef.trim() === '') throw new DiscoverError(`unknown --base ref '${baseRef}'`);
  const baseCommit = (await git(['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`]).catch(() => '')).trim();
  if (!baseCommit) throw new DiscoverError(`unknown --base ref '${baseRef}': no branch, tag or commit by that name (fetch it first?)`);
  const head = (await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).catch(() => '')).trim();
  if (!head) throw new DiscoverError(`the repository at ${repoDir} has no commits yet, so there is nothing to compare with '${baseRef}'`);
  const mergeBase = (await git(['merge-base', baseCommit, head]).catch(() => '')).trim();
  if (!mergeBase) {
    const shallow = (await git(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    throw new DiscoverError(
      shallow
        ? `no merge base between '${baseRef}' and HEAD: the clone is shallow; fetch full history (actions/checkout with fetch-depth: 0)`
        : `no merge base between '${baseRef}' and HEAD: the histories are unrelated`,
    );
  }

  const prefix = (await git(['rev-parse', '--show-prefix'])).trim();
  const diff = await git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--relative', mergeBase]);
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard']);
  const changes = parseNameStatus(diff);
  const seen = new Set(changes.map((c) => c.path));
  for (const path of untracked.split('\0')) if (path && !seen.has(path)) changes.push({ path, status: 'added' });

  const tree = await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', mergeBase]);
  const baseFiles = tree
    .split('\0')
    .filter((p) => p !== '' && p.startsWith(prefix))
    .map((p) => p.slice(prefix.length))
    .sort();
  const read = blobReader(repoDir, mergeBase, prefix);
  return { mergeBase, changes, base: { list: async () => baseFiles, read } };
}

/** `git diff --name-status -z` output to FileChanges (copies count as added, type changes as modified). */
export function parseNameStatus(out: string): FileChange[] {
  const fields = out.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length && fields[i] !== ''; ) {
    const status = fields[i++]!;
    const code = status[0];
    if (code === 'R' || code === 'C') {
      const from = fields[i++]!;
      const to = fields[i++]!;
      changes.push(code === 'R' ? { path: to, status: 'renamed', previousPath: from } : { path: to, status: 'added' });
    } else {
      const path = fields[i++]!;
      changes.push({ path, status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified' });
    }
  }
  return changes;
}

/**
 * Reads files of one commit. Requests made in the same tick go to one `git cat-file --batch`
 * process: discovery reads hundreds of migrations at once, and one process per file is slow.
 */
function blobReader(cwd: string, rev: string, prefix: string): (path: string) => Promise<Uint8Array> {
  let pending: Array<{ path: string; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }> = [];
  const flush = (): void => {
    const batch = pending;
    pending = [];
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (e) => batch.forEach((r) => r.reject(e)));
    child.on('close', () => {
      const out = Buffer.concat(chunks);
      let pos = 0;
      for (const req of batch) {
        const nl = out.indexOf(10, pos);
        const header = out.subarray(pos, nl < 0 ? out.length : nl).toString('utf8');
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!m || nl < 0) {
          req.reject(new Error(`no such file in ${rev.slice(0, 12)}: ${req.path}`));
          pos = nl < 0 ? out.length : nl + 1;
          continue;
        }
        const size = Number(m[2]);
        const body = out.subarray(nl + 1, nl + 1 + size);
        pos = nl + 1 + size + 1;
        if (m[1] === 'blob') req.resolve(new Uint8Array(body));
        else req.reject(new Error(`not a file in ${rev.slice(0, 12)}: ${req.path}`));
      }
    });
    child.stdin.end(batch.map((r) => `${rev}:${prefix}${r.path}\n`).join(''));
  };
  return (path) =>
    new Promise((resolve, reject) => {
      if (/[\n\r]/.test(path)) return reject(new Error(`unsupported file name: ${JSON.stringify(path)}`));
      pending.push({ path, resolve, reject });
      if (pending.length === 1) setImmediate(flush);
    });
}
