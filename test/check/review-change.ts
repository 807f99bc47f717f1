// A pull request as a git repository: a base commit on main, a change on a branch, reviewed with
// runCheck as the Action and the App review one (changes and the base tree from git). Each test
// file that uses it gets its own repositories, removed after each test.
import { afterEach } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import type { ConfigFile } from '../../src/config/schema.js';
import type { Report } from '../../src/core/types.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

/** Registers the clean-up in the calling test file and returns its reviewer. */
export function changeReviewer(): (base: Record<string, string>, change: Record<string, string>, file?: ConfigFile) => Promise<Report> {
  const repos: TempRepo[] = [];
  afterEach(() => {
    for (const r of repos.splice(0)) r.cleanup();
  });
  return async (base, change, file = {}) => {
    const r = new TempRepo().init();
    repos.push(r);
    r.write(base).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write(change).commit('change');
    const git = await gitChanges(r.dir, 'main');
    return (await runCheck({ files: fsRepoFiles(r.dir), config: config(file), scope: { kind: 'changes', changes: git.changes, base: git.base } })).report;
  };
}
