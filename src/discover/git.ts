// What a branch changed, from git: the merge base with `--base`, the migration files changed
// since then, and the base tree's files (for the base branch's migrations).
//
// The comparison is merge base -> WORKING TREE, untracked (not ignored) files counting as
// added. In CI the working tree is the checked-out PR head, so this equals merge base -> HEAD;
// locally it also covers the migration you are writing and have not committed yet.
import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import type { FileChange, RepoFiles, ReportNote } from '../core/types.js';
import { DiscoverError } from './errors.js';

const run = promisify(execFile);

export interface GitChanges {
  mergeBase: string;
  changes: FileChange[];
  /** The files of the merge-base commit, paths relative to `repoDir`. */
  base: RepoFiles;
  /** What the comparison could not do as usual (rename detection on a clone missing objects). */
  notes: ReportNote[];
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
  const notes: ReportNote[] = [];
  let changes: FileChange[];
  try {
    changes = parseNameStatus(await git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--relative', mergeBase]));
  } catch (e) {
    // Rename detection reads the deleted and added files' contents; a clone missing some objects
    // (a damaged or partial clone) cannot give them. Without it, git lists a rename as a delete
    // and an add: the exact renames are paired again by their blob ids, which need no contents.
    const plain = await git(['diff', '--name-status', '-z', '--no-renames', '--no-color', '--no-ext-diff', '--relative', mergeBase]);
    changes = await pairExactRenames(parseNameStatus(plain), mergeBase, prefix, git, repoDir);
    const why = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n')[0];
    notes.push({
      message: `git could not detect renames (${why}): a file renamed and edited in the same change is read as deleted and added; files renamed unchanged are still seen as renames`,
    });
  }
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard']);
  const seen = new Set(changes.map((c) => c.path));
  for (const path of untracked.split('\0')) if (path && !seen.has(path)) changes.push({ path, status: 'added' });

  const tree = await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', mergeBase]);
  const baseFiles = tree
    .split('\0')
    .filter((p) => p !== '' && p.startsWith(prefix))
    .map((p) => p.slice(prefix.length))
    .sort();
  const read = blobReader(repoDir, mergeBase, prefix);
  return { mergeBase, changes, base: { list: async () => baseFiles, read }, notes };
}

/**
 * Pairs a deleted file with an added file of the same contents as a rename, as `git diff -M`
 * would, from object ids only: the deleted file's from the merge-base tree, the added file's
 * hashed from the work tree. No blob is read, so a clone missing objects can do it.
 */
async function pairExactRenames(
  changes: FileChange[],
  mergeBase: string,
  prefix: string,
  git: (args: string[]) => Promise<string>,
  repoDir: string,
): Promise<FileChange[]> {
  const deleted = changes.filter((c) => c.status === 'deleted');
  const added = changes.filter((c) => c.status === 'added' && existsSync(`${repoDir}/${c.path}`));
  if (deleted.length === 0 || added.length === 0) return changes;
  const byId = new Map<string, string[]>();
  const tree = await git(['ls-tree', '-r', '-z', '--full-tree', mergeBase, '--', ...deleted.map((c) => `${prefix}${c.path}`)]).catch(() => '');
  for (const entry of tree.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!m || !m[2]!.startsWith(prefix)) continue;
    const list = byId.get(m[1]!) ?? [];
    list.push(m[2]!.slice(prefix.length));
    byId.set(m[1]!, list);
  }
  const ids = (await git(['hash-object', '--', ...added.map((c) => c.path)]).catch(() => '')).split('\n');
  if (ids.length < added.length) return changes;
  const renamedFrom = new Map<string, string>();
  added.forEach((c, i) => {
    const from = byId.get(ids[i]!.trim())?.shift();
    if (from) renamedFrom.set(c.path, from);
  });
  const gone = new Set(renamedFrom.values());
  return changes
    .filter((c) => !(c.status === 'deleted' && gone.has(c.path)))
    .map((c) => (c.status === 'added' && renamedFrom.has(c.path) ? { path: c.path, status: 'renamed' as const, previousPath: renamedFrom.get(c.path)! } : c));
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
