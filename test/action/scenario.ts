// One pull request in a real git repository (the runner's workspace) and the fake GitHub that
// knows about it, with the moves the end-to-end tests make: push, comment, run the Action.
import { rmSync } from 'node:fs';
import {
  addComment,
  checkout,
  commitFiles,
  issueCommentEvent,
  latestStatuses,
  makeGitRepo,
  mergeGroupEvent,
  pullFilesBetween,
  pullRequestEvent,
  readCommit,
  startFakeGitHub,
  type CommentInit,
  type FailureRule,
  type FakeComment,
  type FakeGitHub,
  type FakeRepo,
  type FakeStatus,
  type Permission,
} from '../support/fake-github/index.js';
import { runAction, type ActionRun } from './harness.js';

export const OWNER = 'acme';
export const NAME = 'shop';
export const PR = 12;
export const AUTHOR = 'dev';
export const MARKER_TEXT = 'migration-guard';

export const BASE_FILES: Record<string, string> = {
  'README.md': '# shop\n',
  'db/migrations/0001_create_users.up.sql': 'CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text NOT NULL\n);\n',
  'db/migrations/0001_create_users.down.sql': 'DROP TABLE users;\n',
};

export const SAFE_MIGRATION: Record<string, string> = {
  'db/migrations/0002_add_nickname.up.sql': "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;\n",
  'db/migrations/0002_add_nickname.down.sql': 'ALTER TABLE users DROP COLUMN nickname;\n',
};

export const DANGEROUS_MIGRATION: Record<string, string> = {
  'db/migrations/0002_drop_email.up.sql': '-- the old address column goes\nALTER TABLE users DROP COLUMN email;\n',
  'db/migrations/0002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
};

export interface ScenarioOptions {
  head: Record<string, string | null>;
  /** Files on the base branch besides BASE_FILES (its config, say). */
  base?: Record<string, string | null>;
  /** Logins of the authors of the pull request's commits (default: its author). */
  commitAuthors?: string[];
  collaborators?: Record<string, Permission>;
  comments?: Array<Omit<CommentInit, 'issue_number'>>;
  failures?: FailureRule[];
  teams?: Record<string, string[]>;
}

export class Scenario {
  private constructor(
    readonly gh: FakeGitHub,
    readonly dir: string,
    readonly baseSha: string,
    public headSha: string,
  ) {}

  static async create(o: ScenarioOptions): Promise<Scenario> {
    const dir = makeGitRepo();
    const baseSha = commitFiles(dir, { ...BASE_FILES, ...(o.base ?? {}) }, 'base');
    const headSha = commitFiles(dir, o.head, 'pull request');
    const gh = await startFakeGitHub({
      repos: [
        {
          owner: OWNER,
          name: NAME,
          collaborators: { [AUTHOR]: 'write', ...(o.collaborators ?? {}) },
          pulls: [{ number: PR, author: AUTHOR, head: { sha: headSha, ref: 'feature' }, base: { sha: baseSha, ref: 'main' }, files: pullFilesBetween(dir, baseSha, headSha), ...(o.commitAuthors ? { commitAuthors: o.commitAuthors } : {}) }],
          comments: (o.comments ?? []).map((c) => ({ ...c, issue_number: PR })),
          commits: [readCommit(dir, baseSha), readCommit(dir, headSha)],
        },
      ],
      ...(o.teams ? { teams: o.teams } : {}),
      failures: o.failures ?? [],
    });
    return new Scenario(gh, dir, baseSha, headSha);
  }

  get repo(): FakeRepo {
    return this.gh.state.repos.get(`${OWNER}/${NAME}`)!;
  }

  /** A new commit on the pull request's branch; the fake's PR moves to it. */
  push(files: Record<string, string | null>, message = 'more work'): string {
    checkout(this.dir, this.headSha);
    const sha = commitFiles(this.dir, files, message);
    const pull = this.repo.pulls.get(PR)!;
    pull.head.sha = sha;
    pull.files = pullFilesBetween(this.dir, this.baseSha, sha);
    this.repo.commits.set(sha, readCommit(this.dir, sha));
    this.headSha = sha;
    return sha;
  }

  /** The Action on a pull_request event for the current head. */
  runPullRequest(
    action = 'opened',
    inputs: Record<string, string> = {},
    env: Record<string, string> = {},
    o: { event?: 'pull_request' | 'pull_request_target'; workspace?: string } = {},
  ): Promise<ActionRun> {
    if (!o.workspace) checkout(this.dir, this.headSha);
    const payload = pullRequestEvent({
      owner: OWNER,
      repo: NAME,
      action,
      number: PR,
      author: AUTHOR,
      headSha: this.headSha,
      baseSha: this.baseSha,
      apiUrl: this.gh.url,
    });
    return runAction({ gh: this.gh, event: o.event ?? 'pull_request', payload, workspace: o.workspace ?? this.dir, repository: `${OWNER}/${NAME}`, sha: this.headSha, inputs, env });
  }

  /**
   * Someone comments; the Action runs on issue_comment (workspace = the default branch, as
   * GitHub checks it out for comment events). Returns the run and the comment.
   */
  async runComment(
    commenter: string,
    body: string,
    o: { action?: 'created' | 'edited' | 'deleted'; commenterType?: 'User' | 'Bot'; inputs?: Record<string, string>; existing?: FakeComment } = {},
  ): Promise<{ run: ActionRun; comment: FakeComment }> {
    const comment = o.existing ?? addComment(this.gh.state, this.repo, { issue_number: PR, body, user: { login: commenter, ...(o.commenterType ? { type: o.commenterType } : {}) } });
    if (o.existing) comment.body = body;
    checkout(this.dir, this.baseSha);
    const payload = issueCommentEvent({
      owner: OWNER,
      repo: NAME,
      action: o.action ?? 'created',
      number: PR,
      author: AUTHOR,
      commenter,
      ...(o.commenterType ? { commenterType: o.commenterType } : {}),
      body,
      commentId: comment.id,
      apiUrl: this.gh.url,
    });
    const run = await runAction({ gh: this.gh, event: 'issue_comment', payload, workspace: this.dir, repository: `${OWNER}/${NAME}`, sha: this.baseSha, inputs: o.inputs ?? {} });
    return { run, comment };
  }

  /**
   * The pull request enters the merge queue: GitHub makes a commit of the base with the pull
   * request's changes (plus `extra`, standing in for what the queue's merge changed) and sends
   * merge_group.checks_requested; the Action runs on it with that commit checked out.
   */
  async runMergeGroup(extra: Record<string, string | null> = {}, inputs: Record<string, string> = {}): Promise<{ run: ActionRun; queueSha: string }> {
    checkout(this.dir, this.headSha);
    const queueSha = commitFiles(this.dir, { 'QUEUE.md': `queue entry for #${PR}\n`, ...extra }, 'merge queue entry');
    this.repo.commits.set(queueSha, readCommit(this.dir, queueSha));
    checkout(this.dir, queueSha);
    const payload = mergeGroupEvent({ owner: OWNER, repo: NAME, number: PR, headSha: queueSha, baseSha: this.baseSha, sender: AUTHOR, apiUrl: this.gh.url });
    const run = await runAction({ gh: this.gh, event: 'merge_group', payload, workspace: this.dir, repository: `${OWNER}/${NAME}`, sha: queueSha, inputs });
    return { run, queueSha };
  }

  /** The migration-guard status on the current head, or undefined. */
  status(sha = this.headSha): FakeStatus | undefined {
    return latestStatuses(this.repo, sha).find((s) => s.context === 'migration-guard');
  }

  /** Every status migration-guard ever set, oldest first. */
  statusHistory(): FakeStatus[] {
    return this.repo.statuses.filter((s) => s.context === 'migration-guard');
  }

  /** Comments written by the Action that carry the sticky marker. */
  stickyComments(): FakeComment[] {
    return this.repo.comments.filter((c) => c.issue_number === PR && c.user.type === 'Bot' && c.body.includes('migration-guard-state'));
  }

  /** Comments the Action wrote that are not the sticky one (replies to approvals). */
  replies(): FakeComment[] {
    return this.repo.comments.filter((c) => c.issue_number === PR && c.user.login === 'github-actions[bot]' && !c.body.includes('migration-guard-state'));
  }

  async close(): Promise<void> {
    await this.gh.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A run's output for a failed assertion message. */
export function describeRun(run: ActionRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout.slice(-4000)}\n--- stderr\n${run.stderr.slice(-4000)}`;
}
