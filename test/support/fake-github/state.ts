// What the fake GitHub remembers. Tests build it from a small `FakeGitHubInit`, read it after a
// run (comments, statuses, reactions...) and may change it between runs (a new PR head).
import { createHash } from 'node:crypto';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface FakeUser {
  login: string;
  type: 'User' | 'Bot' | 'Organization';
  id: number;
}

export interface FakeFileChange {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  additions?: number;
  deletions?: number;
  patch?: string;
}

export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  user: FakeUser;
  state: 'open' | 'closed';
  draft: boolean;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  files: FakeFileChange[];
  /** Logins of its commits' authors, one commit each (default: the pull request's author). */
  commitAuthors: string[];
}

export interface FakeReaction {
  id: number;
  content: string;
  user: FakeUser;
  created_at: string;
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
  reactions: FakeReaction[];
}

export interface FakeStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  target_url: string | null;
  creator: FakeUser;
  created_at: string;
}

export interface FakeCheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  external_id: string | null;
  details_url: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: unknown[] };
  actions: unknown[];
  app_id: number;
}

/** A commit's whole tree: path -> file text. Blob shas are git's (sha1 of "blob <len>\0<data>"). */
export interface FakeCommit {
  sha: string;
  files: Record<string, string>;
  /** Paths among `files` that are symbolic links (their text is the link's target). */
  links?: string[];
  /** Submodules (gitlinks): path -> the commit it points to. Not among `files`. */
  submodules?: Record<string, string>;
}

export interface FakeRepo {
  id: number;
  owner: FakeUser;
  name: string;
  defaultBranch: string;
  private: boolean;
  /** login -> permission; users not listed have `none` (public repos: `read`). */
  collaborators: Record<string, Permission>;
  pulls: Map<number, FakePull>;
  comments: FakeComment[];
  statuses: FakeStatus[];
  checkRuns: FakeCheckRun[];
  commits: Map<string, FakeCommit>;
}

export interface FakeInstallation {
  id: number;
  account: FakeUser;
  /** `owner/name` of the repositories it may reach. */
  repositories: string[];
  permissions: Record<string, string>;
}

export interface FakeApp {
  id: number;
  slug: string;
  name: string;
}

/** Make the fake fail matching requests: `times` answers with `status` before behaving again. */
export interface FailureRule {
  method?: string;
  /** Matches the path (without query) by substring or regex. */
  path?: string | RegExp;
  status: number;
  /** How many requests fail; Infinity for all of them. */
  times: number;
  /** Extra response headers, e.g. rate-limit ones. */
  headers?: Record<string, string>;
  message?: string;
  /** Never answer (a hung connection); `status` is only recorded. */
  hang?: boolean;
  /** Do the work, then answer with the failure (a 502 from a proxy after GitHub performed it). */
  afterHandling?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  operationId: string | null;
  status: number;
  body: unknown;
  auth: string | null;
}

/**
 * Called for every valid request before the fake answers it, so a test can change the world at
 * an exact point of a run (a push landing while the App reads the tree). Added for the App's tests.
 */
export type RequestHook = (request: { method: string; path: string; operationId: string; params: Record<string, string> }) => void;

export interface Violation {
  method: string;
  path: string;
  query: string;
  operationId: string | null;
  problem: string;
}

export interface FakeState {
  repos: Map<string, FakeRepo>;
  /** login -> user, for everyone the fake has seen. */
  users: Map<string, FakeUser>;
  /** `org/team_slug` -> member logins. */
  teams: Map<string, string[]>;
  installations: Map<number, FakeInstallation>;
  app: FakeApp;
  /** token -> the user it acts as. Unknown tokens act as `defaultActor`. */
  tokens: Map<string, FakeUser>;
  /** Installation tokens the fake issued -> installation id (scopes them to its repositories). */
  installationTokens: Map<string, number>;
  /** Who a request with an unknown token acts as: GITHUB_TOKEN's identity by default. */
  defaultActor: FakeUser;
  failures: FailureRule[];
  /** See RequestHook; empty unless a test adds one. */
  requestHooks: RequestHook[];
  /** `x-ratelimit-remaining` on every answer (a test lowers it to see a client back off). */
  rateLimitRemaining: number;
  requests: RecordedRequest[];
  /** Requests that do not fit GitHub's description (tests assert none). */
  violations: Violation[];
  /** Answers of the fake that do not fit the description: bugs of the fake itself. */
  responseViolations: Violation[];
  /** Requests for operations GitHub has but this fake does not implement. */
  unimplemented: Violation[];
  nextId: number;
}

// ---------------------------------------------------------------------------------------------
// The plain-data form tests write.

export interface PullInit {
  number: number;
  title?: string;
  body?: string | null;
  author: string | { login: string; type?: FakeUser['type'] };
  draft?: boolean;
  head: { sha: string; ref?: string };
  base: { sha: string; ref?: string };
  files?: FakeFileChange[];
  commitAuthors?: string[];
}

export interface CommentInit {
  issue_number: number;
  body: string;
  user: string | { login: string; type?: FakeUser['type'] };
  created_at?: string;
}

export interface RepoInit {
  owner: string;
  name: string;
  defaultBranch?: string;
  private?: boolean;
  collaborators?: Record<string, Permission>;
  pulls?: PullInit[];
  comments?: CommentInit[];
  commits?: FakeCommit[];
}

export interface FakeGitHubInit {
  repos?: RepoInit[];
  /** `org/team_slug` -> member logins. */
  teams?: Record<string, string[]>;
  installations?: Array<{ id: number; account: string; repositories: string[]; permissions?: Record<string, string> }>;
  app?: Partial<FakeApp>;
  /** token -> login (a login ending in `[bot]` is a Bot). */
  tokens?: Record<string, string>;
  defaultActor?: string;
  failures?: FailureRule[];
}

export function createState(init: FakeGitHubInit = {}): FakeState {
  const state: FakeState = {
    repos: new Map(),
    users: new Map(),
    teams: new Map(Object.entries(init.teams ?? {})),
    installations: new Map(),
    app: { id: 4242, slug: 'migration-guard', name: 'migration-guard', ...init.app },
    tokens: new Map(),
    installationTokens: new Map(),
    defaultActor: { login: 'github-actions[bot]', type: 'Bot', id: 41898282 },
    failures: [...(init.failures ?? [])],
    requestHooks: [],
    rateLimitRemaining: 4999,
    requests: [],
    violations: [],
    responseViolations: [],
    unimplemented: [],
    nextId: 1000,
  };
  state.users.set(state.defaultActor.login, state.defaultActor);
  if (init.defaultActor) state.defaultActor = userFor(state, init.defaultActor);
  for (const [token, login] of Object.entries(init.tokens ?? {})) state.tokens.set(token, userFor(state, login));
  for (const r of init.repos ?? []) addRepo(state, r);
  for (const inst of init.installations ?? []) {
    state.installations.set(inst.id, {
      id: inst.id,
      account: userFor(state, inst.account, 'Organization'),
      repositories: inst.repositories,
      permissions: inst.permissions ?? { checks: 'write', contents: 'read', issues: 'write', pull_requests: 'write', statuses: 'write', metadata: 'read' },
    });
  }
  return state;
}

export function addRepo(state: FakeState, r: RepoInit): FakeRepo {
  const repo: FakeRepo = {
    id: nextId(state),
    owner: userFor(state, r.owner, 'Organization'),
    name: r.name,
    defaultBranch: r.defaultBranch ?? 'main',
    private: r.private ?? false,
    collaborators: { ...(r.collaborators ?? {}) },
    pulls: new Map(),
    comments: [],
    statuses: [],
    checkRuns: [],
    commits: new Map(),
  };
  state.repos.set(`${r.owner}/${r.name}`.toLowerCase(), repo);
  for (const p of r.pulls ?? []) setPull(state, repo, p);
  for (const c of r.comments ?? []) addComment(state, repo, c);
  for (const c of r.commits ?? []) repo.commits.set(c.sha, c);
  return repo;
}

export function setPull(state: FakeState, repo: FakeRepo, p: PullInit): FakePull {
  const author = typeof p.author === 'string' ? userFor(state, p.author) : userFor(state, p.author.login, p.author.type);
  const pull: FakePull = {
    number: p.number,
    title: p.title ?? `Pull request #${p.number}`,
    body: p.body ?? null,
    user: author,
    state: 'open',
    draft: p.draft ?? false,
    head: { sha: p.head.sha, ref: p.head.ref ?? 'feature' },
    base: { sha: p.base.sha, ref: p.base.ref ?? repo.defaultBranch },
    files: p.files ?? [],
    commitAuthors: p.commitAuthors ?? [author.login],
  };
  repo.pulls.set(p.number, pull);
  return pull;
}

export function addComment(state: FakeState, repo: FakeRepo, c: CommentInit): FakeComment {
  const user = typeof c.user === 'string' ? userFor(state, c.user) : userFor(state, c.user.login, c.user.type);
  const at = c.created_at ?? new Date().toISOString();
  const comment: FakeComment = {
    id: nextId(state),
    issue_number: c.issue_number,
    body: c.body,
    user,
    created_at: at,
    updated_at: at,
    reactions: [],
  };
  repo.comments.push(comment);
  return comment;
}

/** The user with this login, created on first use (`[bot]` logins are Bots). */
export function userFor(state: FakeState, login: string, type?: FakeUser['type']): FakeUser {
  const existing = state.users.get(login.toLowerCase());
  if (existing) return existing;
  const user: FakeUser = { login, type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'), id: nextId(state) };
  state.users.set(login.toLowerCase(), user);
  return user;
}

export function nextId(state: FakeState): number {
  state.nextId += 1;
  return state.nextId;
}

export function gitBlobSha(text: string): string {
  const data = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/** A stable id for a commit's tree (not git's tree format: the fake only needs it to be unique). */
export function treeShaOf(commit: FakeCommit): string {
  const h = createHash('sha1');
  for (const path of Object.keys(commit.files).sort()) h.update(`${path}\0${gitBlobSha(commit.files[path]!)}\n`);
  return h.digest('hex');
}

/** The latest status per context for a sha, newest first, the way GitHub's combined status does. */
export function latestStatuses(repo: FakeRepo, sha: string): FakeStatus[] {
  const seen = new Set<string>();
  const out: FakeStatus[] = [];
  for (const s of [...repo.statuses].reverse()) {
    if (s.sha !== sha || seen.has(s.context.toLowerCase())) continue;
    seen.add(s.context.toLowerCase());
    out.push(s);
  }
  return out;
}

/** The comment-state convenience tests use most: comments on one issue, oldest first. */
export function commentsOn(state: FakeState, repoFullName: string, issueNumber: number): FakeComment[] {
  const repo = state.repos.get(repoFullName.toLowerCase());
  return repo ? repo.comments.filter((c) => c.issue_number === issueNumber) : [];
}
