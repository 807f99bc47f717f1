// One pull request in a real git repository (the runner's workspace) and the fake GitHub that
// knows about it, with the moves the end-to-end tests make: push, comment, run the Action.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  addComment,
  checkout,
  commitFiles,
  commitSubmodule,
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
  type FakeCommit,
  type FakeFileChange,
  type FakeRepo,
  type FakeStatus,
  type FakeUser,
  type Permission,
} from '../support/fake-github/index.js';
import { assertBundleBuilt, runAction, type ActionRun } from './harness.js';

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

/**
 * The repository of a scenario, built once: its base and head commits, checked out detached at
 * the head (as the runner checks out a pull request), and what the fake needs to know of them.
 */
export interface RepoTemplate {
  dir: string;
  baseSha: string;
  headSha: string;
  files: FakeFileChange[];
  commits: FakeCommit[];
}

export function buildTemplate(o: Pick<ScenarioOptions, 'base' | 'head'>): RepoTemplate {
  const dir = makeGitRepo();
  const baseSha = commitFiles(dir, { ...BASE_FILES, ...(o.base ?? {}) }, 'base');
  const headSha = commitFiles(dir, o.head, 'pull request');
  checkout(dir, headSha);
  return { dir, baseSha, headSha, files: pullFilesBetween(dir, baseSha, headSha), commits: [readCommit(dir, baseSha), readCommit(dir, headSha)] };
}

/** What the Action's runs leave in the fake GitHub: its comments (with their reactions) and statuses. */
interface Snapshot {
  comments: FakeComment[];
  statuses: FakeStatus[];
  users: FakeUser[];
  nextId: number;
}

export class Scenario {
  /** The commit the workspace has checked out (detached), when this scenario put it there. */
  private checkedOut: string | null = null;

  private constructor(
    readonly gh: FakeGitHub,
    readonly dir: string,
    readonly baseSha: string,
    public headSha: string,
  ) {}

  /** A new repository and fake GitHub; `template` (from buildTemplate with the same base and head) is copied instead of built again. */
  static async create(o: ScenarioOptions, template?: RepoTemplate): Promise<Scenario> {
    let t: RepoTemplate;
    if (template) {
      // A plain copy: the same commits (same shas), no git process.
      const dir = mkdtempSync(path.join(tmpdir(), 'mg-repo-'));
      cpSync(template.dir, dir, { recursive: true });
      t = { ...structuredClone({ ...template, dir: '' }), dir };
    } else {
      t = buildTemplate(o);
    }
    const gh = await startFakeGitHub({
      repos: [
        {
          owner: OWNER,
          name: NAME,
          collaborators: { [AUTHOR]: 'write', ...(o.collaborators ?? {}) },
          pulls: [{ number: PR, author: AUTHOR, head: { sha: t.headSha, ref: 'feature' }, base: { sha: t.baseSha, ref: 'main' }, files: t.files, ...(o.commitAuthors ? { commitAuthors: o.commitAuthors } : {}) }],
          comments: (o.comments ?? []).map((c) => ({ ...c, issue_number: PR })),
          commits: t.commits,
        },
      ],
      ...(o.teams ? { teams: o.teams } : {}),
      failures: o.failures ?? [],
    });
    const s = new Scenario(gh, t.dir, t.baseSha, t.headSha);
    s.checkedOut = t.headSha;
    return s;
  }

  /**
   * Checks out `sha` detached, unless the workspace is there already: each checkout is a git
   * process forked from the test worker. The workspace moves only through this class (a test
   * that checks out on its own checks out the head, as symlinks-e2e does before a push).
   */
  private checkoutAt(sha: string): void {
    if (this.checkedOut === sha) return;
    checkout(this.dir, sha);
    this.checkedOut = sha;
  }

  /** The comments and statuses the runs so far left (deep copies). */
  snapshot(): Snapshot {
    return structuredClone({ comments: this.repo.comments, statuses: this.repo.statuses, users: [...this.gh.state.users.values()], nextId: this.gh.state.nextId });
  }

  /** Puts a snapshot's comments and statuses in place of this scenario's own. */
  restore(snapshot: Snapshot): void {
    const state = this.gh.state;
    const copy = structuredClone(snapshot);
    for (const u of copy.users) if (!state.users.has(u.login.toLowerCase())) state.users.set(u.login.toLowerCase(), u);
    const user = (u: FakeUser): FakeUser => state.users.get(u.login.toLowerCase())!;
    this.repo.comments.splice(0, this.repo.comments.length, ...copy.comments.map((c) => ({ ...c, user: user(c.user), reactions: c.reactions.map((r) => ({ ...r, user: user(r.user) })) })));
    this.repo.statuses.splice(0, this.repo.statuses.length, ...copy.statuses.map((st) => ({ ...st, creator: user(st.creator) })));
    state.nextId = Math.max(state.nextId, copy.nextId);
  }

  get repo(): FakeRepo {
    return this.gh.state.repos.get(`${OWNER}/${NAME}`)!;
  }

  /** A new commit on the pull request's branch; the fake's PR moves to it. */
  push(files: Record<string, string | null>, message = 'more work'): string {
    this.checkoutAt(this.headSha);
    const sha = commitFiles(this.dir, files, message);
    this.checkedOut = sha;
    const pull = this.repo.pulls.get(PR)!;
    pull.head.sha = sha;
    pull.files = pullFilesBetween(this.dir, this.baseSha, sha);
    this.repo.commits.set(sha, readCommit(this.dir, sha));
    this.headSha = sha;
    return sha;
  }

  /** A new commit of the pull request that points the submodule at `rel` to `commit` (adding it when new). */
  pushSubmodule(rel: string, commit: string): string {
    this.checkoutAt(this.headSha);
    const sha = commitSubmodule(this.dir, rel, commit);
    this.checkedOut = sha;
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
    if (!o.workspace) this.checkoutAt(this.headSha);
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
   * Someone comments and no run follows: the state a run on a comment that is no command leaves,
   * since such a run makes no request ('an edited (or deleted) comment never approves' in
   * action-e2e asserts that).
   */
  comment(commenter: string, body: string): FakeComment {
    return addComment(this.gh.state, this.repo, { issue_number: PR, body, user: { login: commenter } });
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
    this.checkoutAt(this.baseSha);
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
    this.checkoutAt(this.headSha);
    const queueSha = commitFiles(this.dir, { 'QUEUE.md': `queue entry for #${PR}\n`, ...extra }, 'merge queue entry');
    this.checkedOut = queueSha;
    this.repo.commits.set(queueSha, readCommit(this.dir, queueSha));
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

/** Runs a test starts from (see useScenarios), named, after other steps or from the start. */
export interface Steps<T = unknown> {
  name: string;
  run(s: Scenario): Promise<T>;
  after?: Steps;
}

/** The first review of a pull request that needs approval (DANGEROUS_MIGRATION, say): the job fails. */
export const REVIEWED: Steps<ActionRun> = {
  name: 'opened, failed',
  async run(s) {
    const run = await s.runPullRequest('opened');
    if (run.code !== 1) throw new Error(`the review should have failed the job\n${describeRun(run)}`);
    return run;
  },
};

/**
 * Scenarios for one test file. Its repositories are built once per base and head and copied for
 * each test (git processes forked from a test worker cost more than the copy). And a test that
 * starts from runs it is not about (the review an approval answers, say) can start from the
 * state those runs left instead of repeating them: the first test that asks runs them for real,
 * as Action processes, and the comments and statuses they left in the fake GitHub are kept; a
 * later test asking for the same options and steps gets a copy of exactly that in its own fresh
 * fake GitHub and its own copy of the repository, whose commits are the same (a copy, same
 * shas), so the copied markers hold for it as they held for the run that wrote them. Nothing a
 * test does after its steps is kept, so no test sees another's state. Everything goes at the end
 * of the file. The fake's request log is not kept: a test that starts from kept runs sees only
 * its own requests (assert what the steps requested in the test that runs them fresh).
 */
export function useScenarios(): {
  scenario(o: ScenarioOptions): Promise<Scenario>;
  after(o: ScenarioOptions, steps: Steps): Promise<Scenario>;
  /** The steps run for real (a test about them), whose state later tests may start from. */
  fresh<T>(o: ScenarioOptions, steps: Steps<T>): Promise<{ s: Scenario; result: T }>;
} {
  const templates = new Map<string, RepoTemplate>();
  const snapshots = new Map<string, Snapshot>();
  const open: Scenario[] = [];
  beforeAll(() => assertBundleBuilt());
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  afterAll(() => {
    for (const t of templates.values()) rmSync(t.dir, { recursive: true, force: true });
    templates.clear();
    snapshots.clear();
  });
  async function scenario(o: ScenarioOptions): Promise<Scenario> {
    const key = JSON.stringify([o.base ?? {}, o.head]);
    let template = templates.get(key);
    if (!template) templates.set(key, (template = buildTemplate(o)));
    const s = await Scenario.create(o, template);
    open.push(s);
    return s;
  }
  function keyOf(o: ScenarioOptions, steps: Steps): string | null {
    const names: string[] = [];
    for (let st: Steps | undefined = steps; st; st = st.after) names.unshift(st.name);
    // Failure rules are not data (a RegExp path): a scenario with them runs its steps itself.
    return o.failures?.length ? null : JSON.stringify([o, names]);
  }
  async function fresh<T>(o: ScenarioOptions, steps: Steps<T>): Promise<{ s: Scenario; result: T }> {
    const s = steps.after ? await after(o, steps.after) : await scenario(o);
    const result = await steps.run(s);
    const key = keyOf(o, steps);
    if (key && !snapshots.has(key)) snapshots.set(key, s.snapshot());
    return { s, result };
  }
  async function after(o: ScenarioOptions, steps: Steps): Promise<Scenario> {
    const key = keyOf(o, steps);
    const kept = key ? snapshots.get(key) : undefined;
    if (!kept) return (await fresh(o, steps)).s;
    const s = await scenario(o);
    s.restore(kept);
    return s;
  }
  return { scenario, after, fresh };
}
