// Webhook payloads for tests, built from GitHub's published examples
// (@octokit/webhooks-examples): take the example for the event and action, then change the
// fields the scenario needs. The same payloads drive the Action (GITHUB_EVENT_PATH) and the App.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Json = Record<string, any>;

interface Definition {
  name: string;
  examples: Json[];
}

let definitions: Definition[] | null = null;

function examplesFor(event: string): Json[] {
  if (!definitions) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/webhooks-examples/api.github.com/index.json');
    definitions = JSON.parse(readFileSync(file, 'utf8')) as Definition[];
  }
  return definitions.find((d) => d.name === event)?.examples ?? [];
}

/** A deep copy of GitHub's example payload for `event` with this `action` (any action if absent). */
export function webhookExample(event: string, action?: string): Json {
  const all = examplesFor(event);
  const found = all.find((e) => action === undefined || e.action === action) ?? all[0];
  if (!found) throw new Error(`no webhook example for ${event}${action ? `.${action}` : ''}`);
  const copy = structuredClone(found);
  if (action !== undefined) copy.action = action;
  return copy;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

function user(example: Json, login: string, type?: string): Json {
  return { ...example, login, id: hashId(login), type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User') };
}

function withRepository(payload: Json, r: RepoRef, apiUrl: string): void {
  const repository = payload.repository as Json;
  repository.name = r.repo;
  repository.full_name = `${r.owner}/${r.repo}`;
  repository.owner = user(repository.owner, r.owner, 'Organization');
  repository.url = `${apiUrl}/repos/${r.owner}/${r.repo}`;
}

export interface PullRequestEventOptions extends RepoRef {
  action: 'opened' | 'synchronize' | 'reopened' | 'ready_for_review' | 'closed' | 'edited' | string;
  number: number;
  author: string;
  headSha: string;
  baseSha: string;
  headRef?: string;
  baseRef?: string;
  draft?: boolean;
  /** The previous head for `synchronize`. */
  before?: string;
  installationId?: number;
  apiUrl?: string;
}

export function pullRequestEvent(o: PullRequestEventOptions): Json {
  const apiUrl = o.apiUrl ?? 'https://api.github.com';
  const p = webhookExample('pull_request', o.action);
  withRepository(p, o, apiUrl);
  p.number = o.number;
  const pr = p.pull_request as Json;
  pr.number = o.number;
  pr.url = `${apiUrl}/repos/${o.owner}/${o.repo}/pulls/${o.number}`;
  pr.user = user(pr.user, o.author);
  pr.draft = o.draft ?? false;
  pr.state = o.action === 'closed' ? 'closed' : 'open';
  pr.head = { ...pr.head, sha: o.headSha, ref: o.headRef ?? 'feature', label: `${o.owner}:${o.headRef ?? 'feature'}`, repo: p.repository };
  pr.base = { ...pr.base, sha: o.baseSha, ref: o.baseRef ?? 'main', label: `${o.owner}:${o.baseRef ?? 'main'}`, repo: p.repository };
  if (o.action === 'synchronize') {
    p.before = o.before ?? o.baseSha;
    p.after = o.headSha;
  }
  p.sender = user(p.sender, o.author);
  if (o.installationId !== undefined) p.installation = { id: o.installationId, node_id: `INST_${o.installationId}` };
  return p;
}

export interface IssueCommentEventOptions extends RepoRef {
  action: 'created' | 'edited' | 'deleted';
  number: number;
  /** The pull request's author (the issue's user). */
  author: string;
  commenter: string;
  commenterType?: 'User' | 'Bot';
  body: string;
  commentId?: number;
  /** False for a comment on a plain issue. */
  onPullRequest?: boolean;
  installationId?: number;
  apiUrl?: string;
}

export function issueCommentEvent(o: IssueCommentEventOptions): Json {
  const apiUrl = o.apiUrl ?? 'https://api.github.com';
  const p = webhookExample('issue_comment', o.action);
  withRepository(p, o, apiUrl);
  const issue = p.issue as Json;
  issue.number = o.number;
  issue.user = user(issue.user, o.author);
  issue.url = `${apiUrl}/repos/${o.owner}/${o.repo}/issues/${o.number}`;
  if (o.onPullRequest ?? true) {
    issue.pull_request = {
      url: `${apiUrl}/repos/${o.owner}/${o.repo}/pulls/${o.number}`,
      html_url: `https://github.com/${o.owner}/${o.repo}/pull/${o.number}`,
      diff_url: `https://github.com/${o.owner}/${o.repo}/pull/${o.number}.diff`,
      patch_url: `https://github.com/${o.owner}/${o.repo}/pull/${o.number}.patch`,
      merged_at: null,
    };
  } else {
    delete issue.pull_request;
  }
  const comment = p.comment as Json;
  comment.id = o.commentId ?? hashId(`${o.commenter}:${o.body}`);
  comment.body = o.body;
  comment.user = user(comment.user, o.commenter, o.commenterType);
  comment.url = `${apiUrl}/repos/${o.owner}/${o.repo}/issues/comments/${comment.id}`;
  p.sender = user(p.sender, o.commenter, o.commenterType);
  if (o.installationId !== undefined) p.installation = { id: o.installationId, node_id: `INST_${o.installationId}` };
  return p;
}

export interface CheckRunEventOptions extends RepoRef {
  action: 'rerequested' | 'requested_action' | 'created' | 'completed';
  checkRunId: number;
  name: string;
  headSha: string;
  /** The App that created the run (GitHub sends these events only to it). */
  appId: number;
  appSlug?: string;
  /** Pull requests GitHub lists on the run (empty for heads on forks). */
  pullNumbers: number[];
  /** Who pressed the button or asked for the re-run. */
  sender: string;
  senderType?: 'User' | 'Bot';
  /** `requested_action.identifier`. */
  identifier?: string;
  installationId?: number;
  apiUrl?: string;
}

/** `check_run` payloads, from GitHub's example of the same action. */
export function checkRunEvent(o: CheckRunEventOptions): Json {
  const apiUrl = o.apiUrl ?? 'https://api.github.com';
  const p = webhookExample('check_run', o.action);
  withRepository(p, o, apiUrl);
  const run = p.check_run as Json;
  run.id = o.checkRunId;
  run.name = o.name;
  run.head_sha = o.headSha;
  run.url = `${apiUrl}/repos/${o.owner}/${o.repo}/check-runs/${o.checkRunId}`;
  run.app = { ...(run.app ?? {}), id: o.appId, slug: o.appSlug ?? 'migration-guard' };
  const pulls = o.pullNumbers.map((number) => ({
    url: `${apiUrl}/repos/${o.owner}/${o.repo}/pulls/${number}`,
    id: number + 900000,
    number,
    head: { ref: 'feature', sha: o.headSha, repo: { id: 1, url: `${apiUrl}/repos/${o.owner}/${o.repo}`, name: o.repo } },
    base: { ref: 'main', sha: o.headSha, repo: { id: 1, url: `${apiUrl}/repos/${o.owner}/${o.repo}`, name: o.repo } },
  }));
  run.pull_requests = pulls;
  if (run.check_suite) {
    run.check_suite = { ...run.check_suite, head_sha: o.headSha, pull_requests: pulls, app: run.app };
  }
  if (o.action === 'requested_action') p.requested_action = { identifier: o.identifier ?? '' };
  else delete p.requested_action;
  p.sender = user(p.sender, o.sender, o.senderType);
  if (o.installationId !== undefined) p.installation = { id: o.installationId, node_id: `INST_${o.installationId}` };
  return p;
}

export interface MergeGroupEventOptions extends RepoRef {
  /** The pull request the queue entry is for (GitHub names it in head_ref). */
  number: number;
  /** The queue's commit and its parent (the target branch, or the entry ahead in the queue). */
  headSha: string;
  baseSha: string;
  baseRef?: string;
  sender: string;
  installationId?: number;
  apiUrl?: string;
}

/** `merge_group.checks_requested`, from GitHub's example. */
export function mergeGroupEvent(o: MergeGroupEventOptions): Json {
  const p = webhookExample('merge_group', 'checks_requested');
  withRepository(p, o, o.apiUrl ?? 'https://api.github.com');
  const base = o.baseRef ?? 'main';
  p.merge_group = {
    ...p.merge_group,
    head_sha: o.headSha,
    head_ref: `refs/heads/gh-readonly-queue/${base}/pr-${o.number}-${'a'.repeat(40)}`,
    base_sha: o.baseSha,
    base_ref: `refs/heads/${base}`,
    head_commit: { ...p.merge_group.head_commit, id: o.headSha },
  };
  p.sender = user(p.sender, o.sender);
  if (o.installationId !== undefined) p.installation = { id: o.installationId, node_id: `INST_${o.installationId}` };
  return p;
}

export interface CheckSuiteEventOptions extends RepoRef {
  headSha: string;
  appId: number;
  /** Pull requests GitHub lists on the suite (empty for heads on forks). */
  pullNumbers: number[];
  sender: string;
  installationId?: number;
  apiUrl?: string;
}

/** `check_suite.rerequested` ("Re-run all checks"), from GitHub's example. */
export function checkSuiteRerequestedEvent(o: CheckSuiteEventOptions): Json {
  const apiUrl = o.apiUrl ?? 'https://api.github.com';
  const p = webhookExample('check_suite', 'rerequested');
  withRepository(p, o, apiUrl);
  const suite = p.check_suite as Json;
  suite.head_sha = o.headSha;
  suite.after = o.headSha;
  suite.app = { ...suite.app, id: o.appId, slug: 'migration-guard' };
  suite.pull_requests = o.pullNumbers.map((number) => ({
    url: `${apiUrl}/repos/${o.owner}/${o.repo}/pulls/${number}`,
    id: number + 900000,
    number,
    head: { ref: 'feature', sha: o.headSha, repo: { id: 1, url: `${apiUrl}/repos/${o.owner}/${o.repo}`, name: o.repo } },
    base: { ref: 'main', sha: o.headSha, repo: { id: 1, url: `${apiUrl}/repos/${o.owner}/${o.repo}`, name: o.repo } },
  }));
  p.sender = user(p.sender, o.sender);
  if (o.installationId !== undefined) p.installation = { ...p.installation, id: o.installationId, node_id: `INST_${o.installationId}` };
  return p;
}

/** `installation.created` or `installation_repositories.added` for these repositories. */
export function installationEvent(o: { kind: 'installation' | 'installation_repositories'; repos: RepoRef[]; installationId: number; sender: string }): Json {
  const p = webhookExample(o.kind, o.kind === 'installation' ? 'created' : 'added');
  const list = o.repos.map((r) => ({ id: hashId(`${r.owner}/${r.repo}`), node_id: `R_${r.repo}`, name: r.repo, full_name: `${r.owner}/${r.repo}`, private: false }));
  if (o.kind === 'installation') p.repositories = list;
  else {
    p.repositories_added = list;
    p.repositories_removed = [];
  }
  p.installation = { ...p.installation, id: o.installationId, account: user(p.installation.account, o.repos[0]?.owner ?? 'acme', 'Organization') };
  p.sender = user(p.sender, o.sender);
  return p;
}

/** A stable positive id from a string, so payload ids look like GitHub's. */
export function hashId(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % 2_000_000_000;
}
