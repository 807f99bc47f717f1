// Real git repositories for tests: a base commit and a pull request's head commit in a temp
// folder (the Action's workspace), and the readers that turn them into the fake's state (the
// PR's file list and each commit's tree, for the App's contents/trees/blobs reads).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FakeCommit, FakeFileChange } from './state.js';

function git(dir: string, args: string[], input?: string): string {
  return gitBytes(dir, args, input).toString('utf8');
}

function gitBytes(dir: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, {
    cwd: dir,
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test Author',
      GIT_AUTHOR_EMAIL: 'author@example.test',
      GIT_COMMITTER_NAME: 'Test Author',
      GIT_COMMITTER_EMAIL: 'author@example.test',
      GIT_CONFIG_NOSYSTEM: '1',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** A new, empty repository in a temp folder. */
export function makeGitRepo(prefix = 'mg-repo-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

/** Writes (or, with `null`, deletes) files and commits them; returns the commit sha. */
export function commitFiles(dir: string, files: Record<string, string | null>, message = 'change'): string {
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    if (text === null) {
      rmSync(full, { force: true });
    } else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** Points `rel` at `commit` (a submodule's gitlink, the commit need not exist here) and commits; returns the commit sha. */
export function commitSubmodule(dir: string, rel: string, commit: string, message = 'submodule'): string {
  git(dir, ['update-index', '--add', '--cacheinfo', `160000,${commit},${rel}`]);
  // An empty folder, as a checkout that does not fetch submodules leaves it.
  mkdirSync(path.join(dir, rel), { recursive: true });
  git(dir, ['commit', '-q', '-m', message]);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

export function checkout(dir: string, rev: string): void {
  git(dir, ['checkout', '-q', '--detach', rev]);
}

/** A commit's whole tree as the fake keeps it. */
export function readCommit(dir: string, rev: string): FakeCommit {
  const sha = /^[0-9a-f]{40}$/.test(rev) ? rev : git(dir, ['rev-parse', rev]).trim();
  const entries = git(dir, ['ls-tree', '-r', '-z', sha])
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, , object] = line.slice(0, tab).split(' ') as [string, string, string];
      return { mode, object, path: line.slice(tab + 1) };
    });
  // Every blob from one `git cat-file --batch` rather than a `git show` each: a process per file
  // was most of a scenario's set-up.
  // A submodule is a commit of another repository, not a blob of this one.
  const submodules = Object.fromEntries(entries.filter((e) => e.mode === '160000').map((e) => [e.path, e.object]));
  const blobs = entries.filter((e) => e.mode !== '160000');
  const out = gitBytes(dir, ['cat-file', '--batch'], blobs.map((e) => `${e.object}\n`).join(''));
  const files: Record<string, string> = {};
  const links: string[] = [];
  let at = 0;
  for (const e of blobs) {
    // "<object> blob <size>\n<content>\n"
    const eol = out.indexOf(0x0a, at);
    const size = Number(out.toString('latin1', at, eol).split(' ')[2]);
    files[e.path] = out.toString('utf8', eol + 1, eol + 1 + size);
    at = eol + 1 + size + 1;
    if (e.mode === '120000') links.push(e.path);
  }
  return { sha, files, ...(links.length ? { links } : {}), ...(Object.keys(submodules).length ? { submodules } : {}) };
}

/** The pull request's files the way GitHub lists them (`git diff --name-status -M base head`). */
export function pullFilesBetween(dir: string, base: string, head: string): FakeFileChange[] {
  const out = git(dir, ['diff', '--name-status', '-M', '-z', base, head]).split('\0').filter((s) => s.length > 0);
  const files: FakeFileChange[] = [];
  for (let i = 0; i < out.length; ) {
    const code = out[i++]!;
    if (code.startsWith('R') || code.startsWith('C')) {
      const from = out[i++]!;
      const to = out[i++]!;
      files.push({ filename: to, previous_filename: from, status: code.startsWith('R') ? 'renamed' : 'copied', additions: 0, deletions: 0 });
    } else {
      const name = out[i++]!;
      const status = code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified';
      files.push({ filename: name, status, additions: 0, deletions: 0 });
    }
  }
  return files;
}
