// One pull request in a real git repository, the fake GitHub that serves it (with the App
// installed on the repository), and the App process: the moves the end-to-end tests make.
// A file's tests share the fake GitHub and the App processes (useAppScenarios).
import { rmSync } from 'node:fs';
import {
  addComment,
  checkRunEvent,
  checkSuiteRerequestedEvent,
  installationEvent,
  mergeGroupEvent,
  checkout,
  commitFiles,
  issueCommentEvent,
  latestStatuses,
  makeGitRepo,
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
    readonly dir: string,
    readonly baseSha: string,
    public headSha: string,
  ) {}

  static async create(o: AppScenarioOptions, host: AppHost): Promise<AppScenario> {
    const dir = makeGitRepo();
    try {
      const baseSha = commitFiles(dir, { ...BASE_FILES, ...(o.base ?? {}) }, 'base');
      const headSha = commitFiles(dir, o.head, 'pull request');
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
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  get repo(): FakeRepo {
    return this.gh.state.repos.get(`${OWNER}/${NAME}`)!;
  }

  /** A new commit on the pull request's branch; the fake's PR moves to it. */
  push(files: Record<string, string | null>, message = 'more work'): string {
    checkout(this.dir, this.headSha);
    const sha = commitFiles(this.dir, files, message);
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
    checkout(this.dir, this.headSha);
    const queueSha = commitFiles(this.dir, { 'QUEUE.md': `queue entry for #${PR}\n`, ...extra }, 'merge queue entry');
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

  /** Removes the repository and empties the fake, so nothing of this test reaches the next. */
  close(): void {
    this.gh.reset();
    rmSync(this.dir, { recursive: true, force: true });
  }
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
  const apps = new Map<string, AppProcess>();
  // The first test's installation is the one the fixtures have always used.
  let installation = INSTALLATION;
  beforeAll(async () => {
    assertAppBuilt();
    appBundle();
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    current?.close();
    current = null;
    // A test that ends (or fails) with a delivery still under way takes its process along: that
    // delivery must not write into the next test's GitHub.
    for (const [key, app] of [...apps]) {
      if (!app.idle) {
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
  });
  const host: AppHost = {
    get gh() {
      return gh!;
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
