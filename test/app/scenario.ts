// One pull request in a real git repository, the fake GitHub that serves it (with the App
// installed on the repository), and the App process: the moves the end-to-end tests make.
// A file's tests share the fake GitHub and the App processes (useAppScenarios).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  addComment,
  checkRunEvent,
  checkSuiteRerequestedEvent,
  installationEvent,
  mergeGroupEvent,
  issueCommentEvent,
  latestStatuses,
  pullFilesBetween,
  pullRequestEvent,
  readCommit,
  startFakeGitHub,
  type CommentInit,
  type FailureRule,
  type FakeCheckRun,
  type FakeComment,
  type FakeGitHub,
  type FakeRepo,
  type FakeStatus,
  type Permission,
} from '../support/fake-github/index.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { AppProcess, appBundle, assertAppBuilt, type AppClient, type Delivery } from './harness.js';

// The repository, pull request and migrations are the Action's scenarios': both surfaces
// review the same change.
export { OWNER, NAME, PR, AUTHOR, BASE_FILES, SAFE_MIGRATION, DANGEROUS_MIGRATION } from '../action/scenario.js';
import { OWNER, NAME, PR, AUTHOR, BASE_FILES } from '../action/scenario.js';
export const INSTALLATION = 77;
export const APP_ID = 4242;
export const BOT = 'migration-guard[bot]';

export interface AppScenarioOptions {
  head: Record<string, string | null>;
  /** Files on the base branch besides BASE_FILES (its config, say). */
  base?: Record<string, string | null>;
  /** Symlinks on the base branch (path -> target). */
  baseLinks?: Record<string, string>;
  collaborators?: Record<string, Permission>;
  comments?: Array<Omit<CommentInit, 'issue_number'>>;
  failures?: FailureRule[];
  /** The App's environment on top of the harness's. */
  env?: Record<string, string>;
}

/**
 * What a file's scenarios share: one fake GitHub, reset for each test, and one App process per
 * environment, as a real server serves many deliveries. The App keeps per installation what it
 * keeps in memory (installation tokens, dry-run queues, write limiters), so each test gets an
 * installation id of its own and never meets an earlier test's; the bot's identity (GET /app)
 * it caches per process is the same for every test.
 */
interface AppHost {
  gh: FakeGitHub;
  /** The file's git repository (see writeCommits); each test's commits stand on their own. */
  git: string;
  app(env: Record<string, string>): Promise<AppProcess>;
  nextInstallation(): number;
}

export class AppScenario {
  private constructor(
    readonly gh: FakeGitHub,
    /** The App as this test sees it: its log and output start with the test. */
    readonly app: AppClient,
    /** This test's installation of the App (see AppHost). */
    readonly installation: number,
    /** The git repository (bare) holding this test's commits. */
    readonly dir: string,
    readonly baseSha: string,
    public headSha: string,
  ) {}

  static async create(o: AppScenarioOptions, host: AppHost): Promise<AppScenario> {
    const dir = host.git;
    const [baseSha, headSha] = writeCommits(dir, null, [
      { files: { ...BASE_FILES, ...(o.base ?? {}) }, ...(o.baseLinks ? { links: o.baseLinks } : {}), message: 'base' },
      { files: o.head, message: 'pull request' },
    ]) as [string, string];
    const installation = host.nextInstallation();
    host.gh.reset({
      repos: [
        {
          owner: OWNER,
          name: NAME,
          collaborators: { [AUTHOR]: 'write', ...(o.collaborators ?? {}) },
          pulls: [{ number: PR, author: AUTHOR, head: { sha: headSha, ref: 'feature' }, base: { sha: baseSha, ref: 'main' }, files: pullFilesBetween(dir, baseSha, headSha) }],
          comments: (o.comments ?? []).map((c) => ({ ...c, issue_number: PR })),
          commits: [readCommit(dir, baseSha), readCommit(dir, headSha)],
        },
      ],
      installations: [{ id: installation, account: OWNER, repositories: [`${OWNER}/${NAME}`] }],
      app: { id: APP_ID, slug: 'migration-guard' },
      failures: o.failures ?? [],
    });
    const app = await host.app(o.env ?? {});
    return new AppScenario(host.gh, app.view(), installation, dir, baseSha, headSha);
  }

  get repo(): FakeRepo {
    return this.gh.state.repos.get(`${OWNER}/${NAME}`)!;
  }

  /** A new commit on the pull request's branch (`links`: symlinks, path -> target); the fake's PR moves to it. */
  push(files: Record<string, string | null>, message = 'more work', links: Record<string, string> = {}): string {
    const [sha] = writeCommits(this.dir, this.headSha, [{ files, links, message }]) as [string];
    this.moveHead(sha);
    return sha;
  }

  /** Points the pull request at a commit made earlier (or just now). */
  moveHead(sha: string): void {
    const pull = this.repo.pulls.get(PR)!;
    pull.head.sha = sha;
    pull.files = pullFilesBetween(this.dir, this.baseSha, sha);
    if (!this.repo.commits.has(sha)) this.repo.commits.set(sha, readCommit(this.dir, sha));
    this.headSha = sha;
  }

  pullRequestPayload(action = 'opened', headSha = this.headSha): object {
    return pullRequestEvent({
      owner: OWNER,
      repo: NAME,
      action,
      number: PR,
      author: AUTHOR,
      headSha,
      baseSha: this.baseSha,
      installationId: this.installation,
      apiUrl: this.gh.url,
    });
  }

  /** The App receives a pull_request event for the current head (or the one given). */
  pullRequest(action = 'opened', headSha = this.headSha): Promise<Delivery> {
    return this.app.deliver('pull_request', this.pullRequestPayload(action, headSha));
  }

  /** Someone comments on the pull request; the App receives issue_comment. */
  async comment(
    commenter: string,
    body: string,
    o: { action?: 'created' | 'edited' | 'deleted'; commenterType?: 'User' | 'Bot'; existing?: FakeComment; id?: string } = {},
  ): Promise<{ delivery: Delivery; comment: FakeComment; payload: object }> {
    const comment = o.existing ?? addComment(this.gh.state, this.repo, { issue_number: PR, body, user: { login: commenter, ...(o.commenterType ? { type: o.commenterType } : {}) } });
    if (o.existing) comment.body = body;
    const payload = this.commentPayload(commenter, body, comment.id, o);
    const delivery = await this.app.deliver('issue_comment', payload, o.id ? { id: o.id } : {});
    return { delivery, comment, payload };
  }

  commentPayload(commenter: string, body: string, commentId: number, o: { action?: 'created' | 'edited' | 'deleted'; commenterType?: 'User' | 'Bot' } = {}): object {
    return issueCommentEvent({
      owner: OWNER,
      repo: NAME,
      action: o.action ?? 'created',
      number: PR,
      author: AUTHOR,
      commenter,
      ...(o.commenterType ? { commenterType: o.commenterType } : {}),
      body,
      commentId,
      installationId: this.installation,
      apiUrl: this.gh.url,
    });
  }

  /** Someone presses "Approve migration" on a check run. */
  pressApprove(sender: string, run: FakeCheckRun, o: { senderType?: 'User' | 'Bot'; pullNumbers?: number[] } = {}): Promise<Delivery> {
    return this.app.deliver(
      'check_run',
      checkRunEvent({
        owner: OWNER,
        repo: NAME,
        action: 'requested_action',
        checkRunId: run.id,
        name: run.name,
        headSha: run.head_sha,
        appId: run.app_id,
        pullNumbers: o.pullNumbers ?? [PR],
        sender,
        ...(o.senderType ? { senderType: o.senderType } : {}),
        identifier: 'approve-migration',
        installationId: this.installation,
        apiUrl: this.gh.url,
      }),
    );
  }

  /** "Re-run" on a check run. */
  rerequest(run: FakeCheckRun, sender = AUTHOR, o: { pullNumbers?: number[] } = {}): Promise<Delivery> {
    return this.app.deliver(
      'check_run',
      checkRunEvent({
        owner: OWNER,
        repo: NAME,
        action: 'rerequested',
        checkRunId: run.id,
        name: run.name,
        headSha: run.head_sha,
        appId: run.app_id,
        pullNumbers: o.pullNumbers ?? [PR],
        sender,
        installationId: this.installation,
        apiUrl: this.gh.url,
      }),
    );
  }

  /**
   * The pull request enters the merge queue: a commit of its head plus `extra` (what the queue's
   * merge changed), and merge_group.checks_requested for it. Returns the queue commit's sha.
   */
  async mergeGroup(extra: Record<string, string | null> = {}): Promise<{ delivery: Delivery; queueSha: string }> {
    const [queueSha] = writeCommits(this.dir, this.headSha, [{ files: { 'QUEUE.md': `queue entry for #${PR}\n`, ...extra }, message: 'merge queue entry' }]) as [string];
    this.repo.commits.set(queueSha, readCommit(this.dir, queueSha));
    const payload = mergeGroupEvent({ owner: OWNER, repo: NAME, number: PR, headSha: queueSha, baseSha: this.baseSha, sender: AUTHOR, installationId: this.installation, apiUrl: this.gh.url });
    return { delivery: await this.app.deliver('merge_group', payload), queueSha };
  }

  /** "Re-run all checks" on the head's check suite. */
  rerequestSuite(o: { pullNumbers?: number[]; appId?: number } = {}): Promise<Delivery> {
    return this.app.deliver(
      'check_suite',
      checkSuiteRerequestedEvent({ owner: OWNER, repo: NAME, headSha: this.headSha, appId: o.appId ?? APP_ID, pullNumbers: o.pullNumbers ?? [PR], sender: AUTHOR, installationId: this.installation, apiUrl: this.gh.url }),
    );
  }

  /** The App is installed on the repository (or the repository is added to its installation). */
  installed(kind: 'installation' | 'installation_repositories' = 'installation'): Promise<Delivery> {
    return this.app.deliver(kind, installationEvent({ kind, repos: [{ owner: OWNER, repo: NAME }], installationId: this.installation, sender: 'octo-admin' }));
  }

  /** The newest migration-guard check run on a commit. */
  checkRun(sha = this.headSha): FakeCheckRun | undefined {
    return this.checkRuns(sha).at(-1);
  }

  checkRuns(sha = this.headSha): FakeCheckRun[] {
    return this.repo.checkRuns.filter((r) => r.head_sha === sha && r.name === 'migration-guard');
  }

  status(sha = this.headSha): FakeStatus | undefined {
    return latestStatuses(this.repo, sha).find((s) => s.context === 'migration-guard');
  }

  statusHistory(sha?: string): FakeStatus[] {
    return this.repo.statuses.filter((s) => s.context === 'migration-guard' && (!sha || s.sha === sha));
  }

  stickyComments(): FakeComment[] {
    return this.repo.comments.filter((c) => c.issue_number === PR && c.user.type === 'Bot' && c.body.includes('migration-guard-state'));
  }

  /** The App's other comments (answers to approvals). */
  replies(): FakeComment[] {
    return this.repo.comments.filter((c) => c.issue_number === PR && c.user.login === BOT && !c.body.includes('migration-guard-state'));
  }

  reactionsOn(commentId: number): string[] {
    return this.repo.comments.find((c) => c.id === commentId)!.reactions.map((r) => r.content);
  }

  requestsFor(operationId: string) {
    return this.gh.state.requests.filter((r) => r.operationId === operationId);
  }

  /** Empties the fake, so nothing of this test reaches the next. */
  close(): void {
    this.gh.reset();
  }
}

/**
 * Commits, each on the one before (the first on `parent`, or a root commit), written with one
 * `git fast-import` into a bare repository: the App reads the tree through the API, so no
 * working tree is needed, and a process per `git add`, `commit` and `rev-parse` (and a
 * repository per test) was most of a scenario's set-up. Files map to their text, null deletes
 * one; `links` are symlinks (path -> target). Returns the commits' shas.
 */
function writeCommits(repo: string, parent: string | null, commits: Array<{ files: Record<string, string | null>; links?: Record<string, string>; message: string }>): string[] {
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const when = `${Math.floor(Date.now() / 1000)} +0000`;
  let stream = 'reset refs/heads/scenario\n';
  commits.forEach((c, i) => {
    stream += `commit refs/heads/scenario\nmark :${i + 1}\nauthor Test Author <author@example.test> ${when}\ncommitter Test Author <author@example.test> ${when}\n${data(c.message)}`;
    if (i > 0) stream += `from :${i}\n`;
    else if (parent) stream += `from ${parent}\n`;
    for (const [file, text] of Object.entries(c.files)) {
      if (/[\s"\\]/.test(file)) throw new Error(`writeCommits: quote ${file} first`);
      stream += text === null ? `D ${file}\n` : `M 100644 inline ${file}\n${data(text)}`;
    }
    for (const [file, target] of Object.entries(c.links ?? {})) stream += `M 120000 inline ${file}\n${data(target)}`;
    stream += `get-mark :${i + 1}\n`;
  });
  // unpackLimit 0: the commits stay in one pack, with no `git unpack-objects` after; --force: the
  // branch is only the import's handle, each test's commits start it anew.
  const out = execFileSync('git', ['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--force'], { cwd: repo, input: stream, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  return out.trim().split('\n');
}

/** The App's output, for a failed assertion's message. */
export function describeApp(s: AppScenario): string {
  return `--- stdout\n${s.app.stdout.slice(-6000)}\n--- stderr\n${s.app.stderr.slice(-3000)}`;
}

/**
 * Registers what every App end-to-end file needs: the bundle built and copied, the file's fake
 * GitHub and App processes (see AppHost), each scenario closed after its test and everything
 * stopped after the file. Returns how to start a scenario.
 */
export function useAppScenarios(): { scenario(o: AppScenarioOptions): Promise<AppScenario> } {
  let current: AppScenario | null = null;
  let gh: FakeGitHub | null = null;
  let git: string | null = null;
  const apps = new Map<string, AppProcess>();
  // The first test's installation is the one the fixtures have always used.
  let installation = INSTALLATION;
  beforeAll(async () => {
    assertAppBuilt();
    appBundle();
    gh = await startFakeGitHub();
    git = mkdtempSync(path.join(tmpdir(), 'mg-repo-'));
    execFileSync('git', ['init', '-q', '--bare', git], { stdio: 'ignore' });
  });
  afterEach(async (ctx) => {
    current?.close();
    current = null;
    // A test that ends with a delivery still under way takes its process along (that delivery
    // must not write into the next test's GitHub), and so does a failed test, whatever it left.
    const failed = ctx.task.result?.state === 'fail';
    for (const [key, app] of [...apps]) {
      if (failed || !app.idle) {
        apps.delete(key);
        await app.stop();
      }
    }
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.stop();
    apps.clear();
    await gh?.close();
    gh = null;
    if (git) rmSync(git, { recursive: true, force: true });
    git = null;
  });
  const host: AppHost = {
    get gh() {
      return gh!;
    },
    get git() {
      return git!;
    },
    async app(env) {
      const key = JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
      let app = apps.get(key);
      if (!app) {
        app = await AppProcess.start(gh!.url, env);
        apps.set(key, app);
      }
      return app;
    },
    nextInstallation: () => installation++,
  };
  return {
    async scenario(o) {
      current = await AppScenario.create(o, host);
      return current;
    },
  };
}
