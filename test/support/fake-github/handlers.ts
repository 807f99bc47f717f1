// The operations the fake implements, keyed by GitHub's operationId. Each answer starts from
// the spec's own example of that response and overrides the fields the fake keeps, so the
// shapes are GitHub's (the server validates them against the description too).
import type { OpenApiIndex } from './openapi.js';
import {
  gitBlobSha,
  latestStatuses,
  nextId,
  treeShaOf,
  userFor,
  type FakeCheckRun,
  type FakeComment,
  type FakeCommit,
  type FakePull,
  type FakeRepo,
  type FakeState,
  type FakeStatus,
  type FakeUser,
  type Permission,
} from './state.js';

type Json = Record<string, unknown>;

export interface HandlerContext {
  state: FakeState;
  api: OpenApiIndex;
  operationId: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  actor: FakeUser;
  /** Base URL of the fake, `http://127.0.0.1:port`. */
  baseUrl: string;
  /** The request path without the query, for pagination links. */
  path: string;
  /** The installation an installation token belongs to, when the request used one. */
  installationId: number | null;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const PERMISSION_RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

// ---------------------------------------------------------------------------------------------
// Response shapes

function example(ctx: HandlerContext, operationId = ctx.operationId): Json {
  const op = ctx.api.operationById(operationId);
  const ex = op?.example;
  const value = Array.isArray(ex) ? ex[0] : ex;
  return structuredClone((value ?? {}) as Json);
}

function userJson(ctx: HandlerContext, u: FakeUser): Json {
  const base = `${ctx.baseUrl}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: Buffer.from(`04:User${u.id}`).toString('base64'),
    avatar_url: `https://avatars.example.test/u/${u.id}`,
    gravatar_id: '',
    url: base,
    html_url: `https://github.test/${encodeURIComponent(u.login)}`,
    followers_url: `${base}/followers`,
    following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`,
    starred_url: `${base}/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`,
    repos_url: `${base}/repos`,
    events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`,
    type: u.type,
    site_admin: false,
  };
}

function repoUrl(ctx: HandlerContext, repo: FakeRepo): string {
  return `${ctx.baseUrl}/repos/${repo.owner.login}/${repo.name}`;
}

function reactionsSummary(ctx: HandlerContext, repo: FakeRepo, c: FakeComment): Json {
  const count = (content: string) => c.reactions.filter((r) => r.content === content).length;
  return {
    url: `${repoUrl(ctx, repo)}/issues/comments/${c.id}/reactions`,
    total_count: c.reactions.length,
    '+1': count('+1'),
    '-1': count('-1'),
    laugh: count('laugh'),
    confused: count('confused'),
    heart: count('heart'),
    hooray: count('hooray'),
    eyes: count('eyes'),
    rocket: count('rocket'),
  };
}

function commentJson(ctx: HandlerContext, repo: FakeRepo, c: FakeComment): Json {
  const out = example(ctx, 'issues/get-comment');
  return {
    ...out,
    id: c.id,
    node_id: Buffer.from(`IC_${c.id}`).toString('base64'),
    url: `${repoUrl(ctx, repo)}/issues/comments/${c.id}`,
    html_url: `https://github.test/${repo.owner.login}/${repo.name}/pull/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${repoUrl(ctx, repo)}/issues/${c.issue_number}`,
    body: c.body,
    user: userJson(ctx, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    reactions: reactionsSummary(ctx, repo, c),
  };
}

function statusJson(ctx: HandlerContext, repo: FakeRepo, s: FakeStatus): Json {
  return {
    ...example(ctx, 'repos/create-commit-status'),
    url: `${repoUrl(ctx, repo)}/statuses/${s.sha}`,
    avatar_url: null,
    id: s.id,
    node_id: Buffer.from(`SC_${s.id}`).toString('base64'),
    state: s.state,
    description: s.description,
    target_url: s.target_url,
    context: s.context,
    created_at: s.created_at,
    updated_at: s.created_at,
    creator: userJson(ctx, s.creator),
  };
}

function repoJson(ctx: HandlerContext, repo: FakeRepo): Json {
  const ex = example(ctx, 'repos/get');
  const url = repoUrl(ctx, repo);
  return {
    ...ex,
    id: repo.id,
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    owner: userJson(ctx, repo.owner),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    default_branch: repo.defaultBranch,
    url,
    html_url: `https://github.test/${repo.owner.login}/${repo.name}`,
  };
}

function pullJson(ctx: HandlerContext, repo: FakeRepo, p: FakePull): Json {
  const ex = example(ctx, 'pulls/get');
  const url = repoUrl(ctx, repo);
  const branch = (side: FakePull['head'], label: string) => ({
    ...(ex.head as Json),
    label: `${repo.owner.login}:${label}`,
    ref: side.ref,
    sha: side.sha,
    user: userJson(ctx, repo.owner),
    repo: { ...(ex.head as Json).repo as Json, ...repoJson(ctx, repo) },
  });
  return {
    ...ex,
    url: `${url}/pulls/${p.number}`,
    id: p.number + 900000,
    number: p.number,
    state: p.state,
    title: p.title,
    body: p.body,
    draft: p.draft,
    user: userJson(ctx, p.user),
    head: branch(p.head, p.head.ref),
    base: branch(p.base, p.base.ref),
    requested_reviewers: [],
    requested_teams: [],
    assignees: [],
    assignee: null,
    labels: [],
    milestone: null,
    merged: false,
    mergeable: true,
    changed_files: p.files.length,
  };
}

function diffEntryJson(ctx: HandlerContext, repo: FakeRepo, p: FakePull, f: FakePull['files'][number]): Json {
  const head = repo.commits.get(p.head.sha);
  const text = head?.files[f.filename];
  // A submodule's entry carries the commit it points to, as GitHub's does.
  const sha = text !== undefined ? gitBlobSha(text) : head?.submodules?.[f.filename] ?? '0000000000000000000000000000000000000000';
  return {
    sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions ?? 0,
    deletions: f.deletions ?? 0,
    changes: (f.additions ?? 0) + (f.deletions ?? 0),
    blob_url: `https://github.test/${repo.owner.login}/${repo.name}/blob/${p.head.sha}/${f.filename}`,
    raw_url: `https://github.test/${repo.owner.login}/${repo.name}/raw/${p.head.sha}/${f.filename}`,
    contents_url: `${repoUrl(ctx, repo)}/contents/${f.filename}?ref=${p.head.sha}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
  };
}

function checkRunJson(ctx: HandlerContext, repo: FakeRepo, c: FakeCheckRun): Json {
  const ex = example(ctx, 'checks/get');
  return {
    ...ex,
    id: c.id,
    head_sha: c.head_sha,
    node_id: Buffer.from(`CR_${c.id}`).toString('base64'),
    external_id: c.external_id,
    url: `${repoUrl(ctx, repo)}/check-runs/${c.id}`,
    html_url: `https://github.test/${repo.owner.login}/${repo.name}/runs/${c.id}`,
    details_url: c.details_url,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${repoUrl(ctx, repo)}/check-runs/${c.id}/annotations`,
    },
    name: c.name,
    check_suite: { id: 5 },
    app: { ...(ex.app as Json), id: ctx.state.app.id, slug: ctx.state.app.slug, name: ctx.state.app.name },
    pull_requests: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function repoOf(ctx: HandlerContext): FakeRepo {
  const key = `${ctx.params.owner}/${ctx.params.repo}`.toLowerCase();
  const repo = ctx.state.repos.get(key);
  if (!repo) throw new HttpError(404, 'Not Found');
  if (ctx.installationId !== null) {
    const inst = ctx.state.installations.get(ctx.installationId);
    if (!inst?.repositories.some((r) => r.toLowerCase() === key)) throw new HttpError(404, 'Not Found');
  }
  return repo;
}

function pullOf(ctx: HandlerContext, repo: FakeRepo, n = ctx.params.pull_number): FakePull {
  const pull = repo.pulls.get(Number(n));
  if (!pull) throw new HttpError(404, 'Not Found');
  return pull;
}

function commentOf(ctx: HandlerContext, repo: FakeRepo): FakeComment {
  const c = repo.comments.find((x) => x.id === Number(ctx.params.comment_id));
  if (!c) throw new HttpError(404, 'Not Found');
  return c;
}

/** GitHub's page-number pagination with a `link` header. */
function paginate<T>(ctx: HandlerContext, items: T[], defaultPerPage = 30): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? defaultPerPage)));
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string) => {
    const q = new URLSearchParams(ctx.query);
    q.set('per_page', String(perPage));
    q.set('page', String(p));
    return `<${ctx.baseUrl}${ctx.path}?${q.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

function permissionOf(repo: FakeRepo, login: string): Permission {
  const listed = Object.entries(repo.collaborators).find(([k]) => k.toLowerCase() === login.toLowerCase());
  if (listed) return listed[1];
  if (login.toLowerCase() === repo.owner.login.toLowerCase()) return 'admin';
  return repo.private ? 'none' : 'read';
}

function commitOf(repo: FakeRepo, ref: string): FakeCommit {
  const direct = repo.commits.get(ref);
  if (direct) return direct;
  // A branch name: the newest commit of a pull request whose head or base has that ref.
  for (const p of repo.pulls.values()) {
    if (p.head.ref === ref && repo.commits.has(p.head.sha)) return repo.commits.get(p.head.sha)!;
    if (p.base.ref === ref && repo.commits.has(p.base.sha)) return repo.commits.get(p.base.sha)!;
  }
  throw new HttpError(404, `No commit found for the ref ${ref}`);
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---------------------------------------------------------------------------------------------
// Handlers

export const handlers: Record<string, Handler> = {
  'repos/get': (ctx) => ({ status: 200, body: repoJson(ctx, repoOf(ctx)) }),

  'pulls/get': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: pullJson(ctx, repo, pullOf(ctx, repo)) };
  },

  'pulls/list-files': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    const { page, headers } = paginate(ctx, pull.files);
    return { status: 200, body: page.map((f) => diffEntryJson(ctx, repo, pull, f)), headers };
  },

  'pulls/list-commits': (ctx) => {
    const repo = repoOf(ctx);
    const pull = repo.pulls.get(Number(ctx.params.pull_number));
    if (!pull) throw new HttpError(404, 'Not Found');
    const { page, headers } = paginate(ctx, pull.commitAuthors);
    const ex = example(ctx) as Record<string, unknown>;
    const body = page.map((login, i) => {
      const user = userJson(ctx, userFor(ctx.state, login));
      return { ...ex, sha: `${pull.head.sha.slice(0, 30)}${String(i).padStart(10, '0')}`, author: user, committer: user };
    });
    return { status: 200, body, headers };
  },

  'issues/list-comments': (ctx) => {
    const repo = repoOf(ctx);
    const n = Number(ctx.params.issue_number);
    if (!repo.pulls.has(n) && !repo.comments.some((c) => c.issue_number === n)) throw new HttpError(404, 'Not Found');
    const since = ctx.query.get('since');
    const all = repo.comments.filter((c) => c.issue_number === n && (!since || c.updated_at >= since));
    const { page, headers } = paginate(ctx, all);
    return { status: 200, body: page.map((c) => commentJson(ctx, repo, c)), headers };
  },

  'issues/create-comment': (ctx) => {
    const repo = repoOf(ctx);
    const n = Number(ctx.params.issue_number);
    if (!repo.pulls.has(n)) throw new HttpError(404, 'Not Found');
    const body = String(ctx.body.body ?? '');
    if (body.length > 65536) throw new HttpError(422, 'Body is too long (maximum is 65536 characters)');
    const at = now();
    const c: FakeComment = { id: nextId(ctx.state), issue_number: n, body, user: ctx.actor, created_at: at, updated_at: at, reactions: [] };
    repo.comments.push(c);
    return { status: 201, body: commentJson(ctx, repo, c), headers: { location: `${repoUrl(ctx, repo)}/issues/comments/${c.id}` } };
  },

  'issues/get-comment': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: commentJson(ctx, repo, commentOf(ctx, repo)) };
  },

  'issues/update-comment': (ctx) => {
    const repo = repoOf(ctx);
    const c = commentOf(ctx, repo);
    if (c.user.login !== ctx.actor.login) throw new HttpError(403, 'Resource not accessible by integration');
    const body = String(ctx.body.body ?? '');
    if (body.length > 65536) throw new HttpError(422, 'Body is too long (maximum is 65536 characters)');
    c.body = body;
    c.updated_at = now();
    return { status: 200, body: commentJson(ctx, repo, c) };
  },

  'issues/delete-comment': (ctx) => {
    const repo = repoOf(ctx);
    const c = commentOf(ctx, repo);
    repo.comments.splice(repo.comments.indexOf(c), 1);
    return { status: 204 };
  },

  'reactions/create-for-issue-comment': (ctx) => {
    const repo = repoOf(ctx);
    const c = commentOf(ctx, repo);
    const content = String(ctx.body.content);
    const existing = c.reactions.find((r) => r.content === content && r.user.login === ctx.actor.login);
    const reaction = existing ?? { id: nextId(ctx.state), content, user: ctx.actor, created_at: now() };
    if (!existing) c.reactions.push(reaction);
    return {
      status: existing ? 200 : 201,
      body: { id: reaction.id, node_id: Buffer.from(`REA_${reaction.id}`).toString('base64'), user: userJson(ctx, reaction.user), content, created_at: reaction.created_at },
    };
  },

  'reactions/list-for-issue-comment': (ctx) => {
    const repo = repoOf(ctx);
    const c = commentOf(ctx, repo);
    const wanted = ctx.query.get('content');
    const { page, headers } = paginate(ctx, c.reactions.filter((r) => !wanted || r.content === wanted));
    return {
      status: 200,
      headers,
      body: page.map((r) => ({ id: r.id, node_id: Buffer.from(`REA_${r.id}`).toString('base64'), user: userJson(ctx, r.user), content: r.content, created_at: r.created_at })),
    };
  },

  // ---- Added for the App: giving back a claim reaction, and the pull requests of a commit

  'reactions/delete-for-issue-comment': (ctx) => {
    const repo = repoOf(ctx);
    const c = commentOf(ctx, repo);
    const i = c.reactions.findIndex((r) => r.id === Number(ctx.params.reaction_id));
    if (i < 0) throw new HttpError(404, 'Not Found');
    c.reactions.splice(i, 1);
    return { status: 204 };
  },

  // Added for merge queues: the files between a merge group's parent and its commit.
  'repos/compare-commits': (ctx) => {
    const repo = repoOf(ctx);
    // The description spells the path /compare/{base}...{head}.
    const base = commitOf(repo, ctx.params.base ?? '');
    const head = commitOf(repo, ctx.params.head ?? '');
    const names = [...new Set([...Object.keys(base.files), ...Object.keys(head.files)])].sort();
    const files: Json[] = [];
    for (const name of names) {
      const before = base.files[name];
      const after = head.files[name];
      if (before === after) continue;
      const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified';
      const sha = after !== undefined ? gitBlobSha(after) : '0000000000000000000000000000000000000000';
      files.push({
        sha,
        filename: name,
        status,
        additions: 0,
        deletions: 0,
        changes: 0,
        blob_url: `https://github.test/${repo.owner.login}/${repo.name}/blob/${head.sha}/${name}`,
        raw_url: `https://github.test/${repo.owner.login}/${repo.name}/raw/${head.sha}/${name}`,
        contents_url: `${repoUrl(ctx, repo)}/contents/${name}?ref=${head.sha}`,
      });
    }
    for (const name of [...new Set([...Object.keys(base.submodules ?? {}), ...Object.keys(head.submodules ?? {})])].sort()) {
      const before = base.submodules?.[name];
      const after = head.submodules?.[name];
      if (before === after) continue;
      files.push({
        sha: after ?? '0000000000000000000000000000000000000000',
        filename: name,
        status: before === undefined ? 'added' : after === undefined ? 'removed' : 'modified',
        additions: 0,
        deletions: 0,
        changes: 0,
        blob_url: `https://github.test/${repo.owner.login}/${repo.name}/blob/${head.sha}/${name}`,
        raw_url: `https://github.test/${repo.owner.login}/${repo.name}/raw/${head.sha}/${name}`,
        contents_url: `${repoUrl(ctx, repo)}/contents/${name}?ref=${head.sha}`,
      });
    }
    const ex = example(ctx);
    return { status: 200, body: { ...ex, status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1, files } };
  },

  // Added for installation events: the repository's open pull requests, newest first.
  'pulls/list': (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.query.get('state') ?? 'open';
    const pulls = [...repo.pulls.values()].filter((p) => state === 'all' || p.state === state).reverse();
    const { page, headers } = paginate(ctx, pulls);
    return { status: 200, headers, body: page.map((p) => pullJson(ctx, repo, p)) };
  },

  'repos/list-pull-requests-associated-with-commit': (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.params.commit_sha!;
    const pulls = [...repo.pulls.values()].filter((p) => p.head.sha === sha || p.base.sha === sha);
    const { page, headers } = paginate(ctx, pulls);
    return { status: 200, headers, body: page.map((p) => pullJson(ctx, repo, p)) };
  },

  'repos/create-commit-status': (ctx) => {
    const repo = repoOf(ctx);
    const description = ctx.body.description as string | null | undefined;
    if (typeof description === 'string' && description.length > 140) {
      throw new HttpError(422, 'Validation Failed: description is too long (maximum is 140 characters)');
    }
    const s: FakeStatus = {
      id: nextId(ctx.state),
      sha: ctx.params.sha!,
      state: ctx.body.state as FakeStatus['state'],
      context: (ctx.body.context as string | undefined) ?? 'default',
      description: description ?? null,
      target_url: (ctx.body.target_url as string | null | undefined) ?? null,
      creator: ctx.actor,
      created_at: now(),
    };
    repo.statuses.push(s);
    return { status: 201, body: statusJson(ctx, repo, s) };
  },

  'repos/list-commit-statuses-for-ref': (ctx) => {
    const repo = repoOf(ctx);
    const all = [...repo.statuses].reverse().filter((s) => s.sha === ctx.params.ref);
    const { page, headers } = paginate(ctx, all);
    return { status: 200, headers, body: page.map((s) => statusJson(ctx, repo, s)) };
  },

  'repos/get-combined-status-for-ref': (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.params.ref!;
    const latest = latestStatuses(repo, sha);
    const state = latest.length === 0 || latest.some((s) => s.state === 'pending')
      ? 'pending'
      : latest.some((s) => s.state === 'failure' || s.state === 'error')
        ? 'failure'
        : 'success';
    return {
      status: 200,
      body: {
        state,
        statuses: latest.map((s) => {
          const j = statusJson(ctx, repo, s);
          delete j.creator;
          return { ...j, required: false };
        }),
        sha,
        total_count: latest.length,
        repository: { ...example(ctx, 'repos/get-combined-status-for-ref').repository as Json, id: repo.id, name: repo.name, full_name: `${repo.owner.login}/${repo.name}`, owner: userJson(ctx, repo.owner) },
        commit_url: `${repoUrl(ctx, repo)}/commits/${sha}`,
        url: `${repoUrl(ctx, repo)}/commits/${sha}/status`,
      },
    };
  },

  'repos/get-collaborator-permission-level': (ctx) => {
    const repo = repoOf(ctx);
    // Anyone who can comment exists on GitHub; the fake meets users on first mention.
    const user = userFor(ctx.state, ctx.params.username!);
    const role = permissionOf(repo, user.login);
    // `permission` is the legacy field: maintain reads as write, triage as read.
    const legacy = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    return { status: 200, body: { permission: legacy, role_name: role, user: { ...userJson(ctx, user), permissions: permissionFlags(role), role_name: role } } };
  },

  'teams/get-membership-for-user-in-org': (ctx) => {
    const members = ctx.state.teams.get(`${ctx.params.org}/${ctx.params.team_slug}`.toLowerCase()) ??
      [...ctx.state.teams.entries()].find(([k]) => k.toLowerCase() === `${ctx.params.org}/${ctx.params.team_slug}`.toLowerCase())?.[1];
    if (!members?.some((m) => m.toLowerCase() === ctx.params.username!.toLowerCase())) throw new HttpError(404, 'Not Found');
    return {
      status: 200,
      body: { url: `${ctx.baseUrl}/teams/1/memberships/${ctx.params.username}`, role: 'member', state: 'active' },
    };
  },

  // ---- What a GitHub App needs

  // GitHub answers 403 to an installation token (GITHUB_TOKEN, an App's): it is no user.
  'users/get-authenticated': (ctx) => {
    if (ctx.actor.type === 'Bot') throw new HttpError(403, 'Resource not accessible by integration');
    return { status: 200, body: { ...example(ctx), ...userJson(ctx, ctx.actor) } };
  },

  'apps/get-authenticated': (ctx) => {
    const ex = example(ctx);
    return { status: 200, body: { ...ex, id: ctx.state.app.id, slug: ctx.state.app.slug, name: ctx.state.app.name } };
  },

  'apps/create-installation-access-token': (ctx) => {
    const inst = ctx.state.installations.get(Number(ctx.params.installation_id));
    if (!inst) throw new HttpError(404, 'Not Found');
    const token = `ghs_fake_${inst.id}_${nextId(ctx.state)}`;
    ctx.state.tokens.set(token, userFor(ctx.state, `${ctx.state.app.slug}[bot]`, 'Bot'));
    ctx.state.installationTokens.set(token, inst.id);
    const expires = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { status: 201, body: { token, expires_at: expires, permissions: inst.permissions, repository_selection: 'selected' } };
  },

  'apps/get-repo-installation': (ctx) => {
    const key = `${ctx.params.owner}/${ctx.params.repo}`.toLowerCase();
    const inst = [...ctx.state.installations.values()].find((i) => i.repositories.some((r) => r.toLowerCase() === key));
    if (!inst) throw new HttpError(404, 'Not Found');
    const ex = example(ctx);
    return {
      status: 200,
      body: { ...ex, id: inst.id, account: userJson(ctx, inst.account), app_id: ctx.state.app.id, app_slug: ctx.state.app.slug, target_id: inst.account.id, target_type: inst.account.type, permissions: inst.permissions },
    };
  },

  'checks/create': (ctx) => {
    const repo = repoOf(ctx);
    const b = ctx.body;
    const output = (b.output ?? {}) as Json;
    const run: FakeCheckRun = {
      id: nextId(ctx.state),
      head_sha: String(b.head_sha),
      name: String(b.name),
      status: (b.conclusion ? 'completed' : ((b.status as FakeCheckRun['status'] | undefined) ?? 'queued')),
      conclusion: (b.conclusion as string | undefined) ?? null,
      external_id: (b.external_id as string | undefined) ?? null,
      details_url: (b.details_url as string | undefined) ?? null,
      started_at: (b.started_at as string | undefined) ?? now(),
      completed_at: (b.completed_at as string | undefined) ?? (b.conclusion ? now() : null),
      output: {
        title: (output.title as string | undefined) ?? null,
        summary: (output.summary as string | undefined) ?? null,
        text: (output.text as string | undefined) ?? null,
        annotations: (output.annotations as unknown[] | undefined) ?? [],
      },
      actions: (b.actions as unknown[] | undefined) ?? [],
      app_id: ctx.state.app.id,
    };
    repo.checkRuns.push(run);
    return { status: 201, body: checkRunJson(ctx, repo, run) };
  },

  'checks/update': (ctx) => {
    const repo = repoOf(ctx);
    const run = repo.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
    if (!run) throw new HttpError(404, 'Not Found');
    const b = ctx.body;
    if (b.name !== undefined) run.name = String(b.name);
    if (b.details_url !== undefined) run.details_url = String(b.details_url);
    if (b.external_id !== undefined) run.external_id = String(b.external_id);
    if (b.status !== undefined) run.status = b.status as FakeCheckRun['status'];
    if (b.conclusion !== undefined) {
      run.conclusion = String(b.conclusion);
      run.status = 'completed';
      run.completed_at = (b.completed_at as string | undefined) ?? now();
    }
    if (b.output) {
      const o = b.output as Json;
      run.output = {
        title: (o.title as string | undefined) ?? run.output.title,
        summary: (o.summary as string | undefined) ?? run.output.summary,
        text: (o.text as string | undefined) ?? run.output.text,
        // GitHub appends annotations across updates (50 per request).
        annotations: [...run.output.annotations, ...((o.annotations as unknown[] | undefined) ?? [])],
      };
    }
    if (b.actions) run.actions = b.actions as unknown[];
    return { status: 200, body: checkRunJson(ctx, repo, run) };
  },

  'checks/get': (ctx) => {
    const repo = repoOf(ctx);
    const run = repo.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
    if (!run) throw new HttpError(404, 'Not Found');
    return { status: 200, body: checkRunJson(ctx, repo, run) };
  },

  'checks/list-for-ref': (ctx) => {
    const repo = repoOf(ctx);
    const name = ctx.query.get('check_name');
    const runs = repo.checkRuns.filter((r) => r.head_sha === ctx.params.ref && (!name || r.name === name)).reverse();
    const { page, headers } = paginate(ctx, runs);
    return { status: 200, headers, body: { total_count: runs.length, check_runs: page.map((r) => checkRunJson(ctx, repo, r)) } };
  },

  'repos/get-content': (ctx) => {
    const repo = repoOf(ctx);
    const commit = commitOf(repo, ctx.query.get('ref') ?? repo.defaultBranch);
    const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
    const url = `${repoUrl(ctx, repo)}/contents/${path}`;
    const text = commit.files[path];
    if (text !== undefined) {
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: 'base64',
          size: Buffer.byteLength(text),
          name: path.split('/').pop(),
          path,
          content: Buffer.from(text).toString('base64'),
          sha: gitBlobSha(text),
          url,
          git_url: `${repoUrl(ctx, repo)}/git/blobs/${gitBlobSha(text)}`,
          html_url: `https://github.test/${repo.owner.login}/${repo.name}/blob/${commit.sha}/${path}`,
          download_url: `https://raw.github.test/${repo.owner.login}/${repo.name}/${commit.sha}/${path}`,
          _links: { self: url, git: `${repoUrl(ctx, repo)}/git/blobs/${gitBlobSha(text)}`, html: `https://github.test/${repo.owner.login}/${repo.name}/blob/${commit.sha}/${path}` },
        },
      };
    }
    const prefix = path ? `${path}/` : '';
    const children = new Map<string, 'file' | 'dir'>();
    for (const p of Object.keys(commit.files)) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const [first, ...more] = rest.split('/');
      children.set(first!, more.length > 0 ? 'dir' : 'file');
    }
    if (children.size === 0) throw new HttpError(404, 'Not Found');
    return {
      status: 200,
      body: [...children.entries()].sort().map(([name, type]) => {
        const full = prefix + name;
        const text = commit.files[full];
        const sha = text !== undefined ? gitBlobSha(text) : gitBlobSha(full);
        return {
          type,
          size: text !== undefined ? Buffer.byteLength(text) : 0,
          name,
          path: full,
          sha,
          url: `${repoUrl(ctx, repo)}/contents/${full}`,
          git_url: `${repoUrl(ctx, repo)}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`,
          html_url: `https://github.test/${repo.owner.login}/${repo.name}/blob/${commit.sha}/${full}`,
          download_url: type === 'file' ? `https://raw.github.test/${repo.owner.login}/${repo.name}/${commit.sha}/${full}` : null,
          _links: { self: `${repoUrl(ctx, repo)}/contents/${full}`, git: null, html: null },
        };
      }),
    };
  },

  'git/get-tree': (ctx) => {
    const repo = repoOf(ctx);
    const wanted = ctx.params.tree_sha!;
    const commit = [...repo.commits.values()].find((c) => c.sha === wanted || treeShaOf(c) === wanted) ?? commitOf(repo, wanted);
    const recursive = ctx.query.has('recursive');
    const entries: Json[] = [];
    const dirs = new Set<string>();
    for (const path of Object.keys(commit.files).sort()) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
      if (!recursive && parts.length > 1) continue;
      const text = commit.files[path]!;
      const sha = gitBlobSha(text);
      const mode = commit.links?.includes(path) ? '120000' : '100644';
      entries.push({ path, mode, type: 'blob', sha, size: Buffer.byteLength(text), url: `${repoUrl(ctx, repo)}/git/blobs/${sha}` });
    }
    // GitHub lists a submodule as an entry of type commit whose sha is the commit it points to.
    for (const [path, sha] of Object.entries(commit.submodules ?? {}).sort()) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
      if (!recursive && parts.length > 1) continue;
      entries.push({ path, mode: '160000', type: 'commit', sha });
    }
    for (const d of [...dirs].sort()) {
      if (!recursive && d.includes('/')) continue;
      const sha = gitBlobSha(`tree:${commit.sha}:${d}`);
      entries.push({ path: d, mode: '040000', type: 'tree', sha, url: `${repoUrl(ctx, repo)}/git/trees/${sha}` });
    }
    const sha = treeShaOf(commit);
    return { status: 200, body: { sha, url: `${repoUrl(ctx, repo)}/git/trees/${sha}`, tree: entries, truncated: false } };
  },

  'git/get-blob': (ctx) => {
    const repo = repoOf(ctx);
    for (const c of repo.commits.values()) {
      for (const text of Object.values(c.files)) {
        const sha = gitBlobSha(text);
        if (sha !== ctx.params.file_sha) continue;
        return {
          status: 200,
          body: { sha, node_id: Buffer.from(`B_${sha}`).toString('base64'), size: Buffer.byteLength(text), url: `${repoUrl(ctx, repo)}/git/blobs/${sha}`, content: Buffer.from(text).toString('base64'), encoding: 'base64' },
        };
      }
    }
    throw new HttpError(404, 'Not Found');
  },

  'git/get-commit': (ctx) => {
    const repo = repoOf(ctx);
    const commit = repo.commits.get(ctx.params.commit_sha!);
    if (!commit) throw new HttpError(404, 'Not Found');
    const ex = example(ctx);
    const tree = treeShaOf(commit);
    return {
      status: 200,
      body: { ...ex, sha: commit.sha, node_id: Buffer.from(`C_${commit.sha}`).toString('base64'), url: `${repoUrl(ctx, repo)}/git/commits/${commit.sha}`, tree: { sha: tree, url: `${repoUrl(ctx, repo)}/git/trees/${tree}` }, parents: [] },
    };
  },
};

function permissionFlags(role: Permission): Json {
  const r = PERMISSION_RANK[role];
  return { admin: r >= 5, maintain: r >= 4, push: r >= 3, triage: r >= 2, pull: r >= 1 };
}
