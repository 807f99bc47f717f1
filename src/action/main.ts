// The GitHub Action (bundled to dist/index.js through src/action/index.ts). It gathers inputs and the event,
// hands them to the shared GitHub flow (src/github/review.ts) and publishes the outcome:
// outputs, job summary, annotations, the JSON and SARIF reports, the exit code.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { runCheck } from '../check/run.js';
import type { CheckResult } from '../check/types.js';
import { ConfigError, loadConfig } from '../config/load.js';
import { withMajorVersion, type Config } from '../config/defaults.js';
import { configErrorLine, configErrorMarkdown, configOnRef, publishConfigErrorComment, RULE_IDS } from '../github/config-file.js';
import { readConfigText, readRepoFile, type ConfigText } from '../github/repo-file.js';
import { fsRepoFiles } from '../discover/fs-files.js';
import { renderAnnotations } from '../report/github.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import type { ApprovalPolicy } from '../github/approval.js';
import { buildOctokit, requestTimeoutFromEnv, writeIntervalFromEnv, type GitHubClient, type RepoRef } from '../github/octokit.js';
import { renderSummary } from '../github/render.js';
import { voidedReason } from '../github/comment-body.js';
import { handleApprovalComment, reviewPullRequest, type PullRequestOutcome, type ReviewSettings } from '../github/review.js';
import { parseApprovalCommand } from '../github/approval.js';
import { ACTIONS_BOT, tokenIdentity } from '../github/identity.js';
import { setCommitStatus } from '../github/status.js';
import { reviewMergeGroup } from '../github/merge-queue.js';
import { InputError, parseInputs, type ActionInputs } from './inputs.js';
import { isWriteRefused, once, reviewWithoutWrites } from './read-only.js';
import { jobFailure } from './job-failure.js';
import { withTableStats } from './table-stats.js';
import { changesScope } from './base-tree.js';

const PR_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review']);

async function main(): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = parseInputs((name) => core.getInput(name));
  } catch (e) {
    if (e instanceof InputError) return core.setFailed(e.message);
    throw e;
  }
  core.setSecret(inputs.token);
  const repo: RepoRef = context.repo;
  const retryBase = Number(process.env.MIGRATION_GUARD_RETRY_BASE_MS);
  const octokit = buildOctokit(inputs.token, {
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    ...(Number.isFinite(retryBase) && retryBase >= 0 && process.env.MIGRATION_GUARD_RETRY_BASE_MS ? { retryBaseMs: retryBase } : {}),
    requestTimeoutMs: requestTimeoutFromEnv(),
    writeIntervalMs: writeIntervalFromEnv(),
    log: (m) => core.info(m),
  });
  const payload = context.payload;

  switch (context.eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      // A pull request moved onto another base branch is a different change to review.
      const rebased = payload.action === 'edited' && Boolean((payload as { changes?: { base?: unknown } }).changes?.base);
      if (!PR_ACTIONS.has(String(payload.action)) && !rebased) {
        core.info(`pull_request ${String(payload.action)}: nothing to review (runs on ${[...PR_ACTIONS].join(', ')})`);
        return;
      }
      return onPullRequest(octokit, repo, inputs);
    }
    case 'issue_comment':
      return onComment(octokit, repo, inputs);
    case 'merge_group':
      if (payload.action !== 'checks_requested') return core.info(`merge_group ${String(payload.action)}: nothing to review (runs on checks_requested)`);
      return onMergeGroup(octokit, repo, inputs);
    default:
      core.warning(`migration-guard reviews pull requests: run it on pull_request, issue_comment and merge_group events, not ${context.eventName}.`);
  }
}

async function onPullRequest(octokit: GitHubClient, repo: RepoRef, inputs: ActionInputs): Promise<void> {
  const pr = context.payload.pull_request as { number: number; head: { sha: string }; base: { sha: string }; user: { login: string } };
  const headSha = pr.head.sha;
  try {
    const workdir = path.resolve(workspace(), inputs.workingDirectory);
    const { trusted, config } = await configFromBase(octokit, repo, inputs, pr.base.sha);
    const settings: ReviewSettings & { statusContext: string } = {
      ...reviewSettings(inputs, config, await tokenIdentity(octokit)),
      gate: { config, baseConfig: trusted.base, headConfig: await readConfigText(octokit, repo, headSha, configPath(inputs)), readHead: (p) => readRepoFile(octokit, repo, p, headSha), ...statsInput(inputs) },
    };
    const files = fsRepoFiles(workdir);
    const dryRun = inputs.dryRun ?? config.dryRun.enabled;

    const prRef = { number: pr.number, headSha, baseSha: pr.base.sha, author: pr.user.login };
    const runChecks = once(async (changes) => runCheck({ files, config, scope: await changesScope(octokit, repo, pr.base.sha, changes, files, (m) => core.info(m)), dryRun }));
    let outcome: PullRequestOutcome;
    try {
      outcome = await reviewPullRequest(octokit, repo, prRef, settings, runChecks);
    } catch (e) {
      // A token that cannot write (a fork's pull_request): the review still runs and reports.
      if (!isWriteRefused(e)) throw e;
      const readOnly = await reviewWithoutWrites(octokit, repo, prRef, settings, runChecks, e);
      core.warning(readOnly.notice);
      outcome = readOnly;
    }

    const { reportPath, sarifPath } = await writeReports(outcome.result, inputs);
    publishAnnotations(outcome.result);
    if (outcome.kind === 'reviewed') {
      const summary = renderSummary(outcome.result, {
        pgVersion: config.pgVersion,
        approvalRisk: config.approvalRisk,
        approval: outcome.approval,
        ...(outcome.voided ? { voidedReason: voidedReason(outcome.voided) } : {}),
      });
      await core.summary.addRaw(summary, true).write();
    } else {
      await core.summary.addRaw('### migration-guard\n\nThis pull request changes no migration.\n', true).write();
    }

    core.setOutput('risk', outcome.risk ?? 'NONE');
    core.setOutput('approved', String(outcome.approved));
    core.setOutput('needs-approval', String(outcome.needsApproval));
    core.setOutput('report', reportPath);
    core.setOutput('sarif', sarifPath);
    core.setOutput('comment-url', outcome.comment?.url ?? '');
    core.info(`status ${settings.statusContext}: ${outcome.status.state} — ${outcome.status.description}`);
    if (outcome.voided) core.warning(`The approval by @${outcome.voided.approver} was voided: the migrations changed since.`);

    const failOn = inputs.failOn ?? config.failOn;
    const failure = jobFailure(outcome, failOn);
    if (failure) core.setFailed(failure);
  } catch (e) {
    if (e instanceof ConfigError) return failOnConfigError(octokit, repo, inputs, e, { sha: headSha, pullNumber: pr.number });
    // Fail closed: say so on the commit (best effort; GitHub may be what failed).
    const message = describeError(e);
    try {
      await setCommitStatus(octokit, repo, headSha, { state: 'failure', description: `migration-guard could not finish: ${message}` }, inputs.statusContext);
    } catch (statusError) {
      core.warning(`could not set the ${inputs.statusContext} status: ${describeError(statusError)}`);
    }
    core.setFailed(message);
  }
}

/**
 * A configuration that does not parse, or names a rule or preset that does not exist: nothing
 * is reviewed on settings nobody meant. The job fails with an annotation on the file, the
 * summary says why, and (with `sha`) the status fails closed and the sticky comment says so.
 */
async function failOnConfigError(octokit: GitHubClient, repo: RepoRef, inputs: ActionInputs, e: ConfigError, on: { sha?: string; pullNumber?: number } = {}): Promise<void> {
  // Annotations take repository paths; a file the workflow named may have come in absolute.
  const file = path.isAbsolute(e.file) ? path.relative(workspace(), e.file).split(path.sep).join('/') : e.file;
  const error = new ConfigError(e.message, file, e.line, e.column);
  core.error(`configuration error: ${error.message}`, { title: 'migration-guard: configuration error', file, startLine: error.line, startColumn: error.column });
  process.exitCode = core.ExitCode.Failure;
  await core.summary.addRaw(`${configErrorMarkdown(error)}\n`, true).write();
  if (on.sha) {
    try {
      await setCommitStatus(octokit, repo, on.sha, { state: 'failure', description: configErrorLine(error) }, inputs.statusContext);
    } catch (statusError) {
      core.warning(`could not set the ${inputs.statusContext} status: ${describeError(statusError)}`);
    }
  }
  if (on.pullNumber !== undefined && inputs.comment) {
    try {
      await publishConfigErrorComment(octokit, repo, on.pullNumber, await tokenIdentity(octokit), error);
    } catch (commentError) {
      core.warning(`could not say so in the pull request's comment: ${describeError(commentError)}`);
    }
  }
}

async function onComment(octokit: GitHubClient, repo: RepoRef, inputs: ActionInputs): Promise<void> {
  const payload = context.payload as {
    action?: string;
    issue?: { number: number; pull_request?: unknown };
    comment?: { id: number; body?: string; user: { login: string; type?: string } };
  };
  if (!payload.issue || !payload.comment) return core.info('issue_comment event without an issue or comment: nothing to do');
  try {
    const config = await configFor(inputs);
    // Most comments are not approvals: those need no API call at all.
    const candidate = String(payload.action) === 'created' && Boolean(payload.issue.pull_request) && parseApprovalCommand(payload.comment.body ?? '') !== null;
    const settings = reviewSettings(inputs, config, candidate ? await tokenIdentity(octokit) : ACTIONS_BOT);
    // The comment as GitHub has it now, never as the event told it: a re-run of an old run
    // carries the old payload, and a deleted or edited comment approves nothing.
    const current = candidate ? await currentComment(octokit, repo, payload.comment.id) : null;
    if (current && !('gone' in current) && current.body !== (payload.comment.body ?? '')) {
      core.setOutput('approved', 'false');
      return core.info('Not an approval: the comment was edited since this run was triggered; only a comment as written approves');
    }
    if (current && 'gone' in current) {
      core.setOutput('approved', 'false');
      return core.info(`Not an approval: ${current.gone}`);
    }
    const outcome = await handleApprovalComment(
      octokit,
      repo,
      {
        action: String(payload.action),
        issueNumber: payload.issue.number,
        isPullRequest: Boolean(payload.issue.pull_request),
        comment: {
          id: payload.comment.id,
          body: current?.body ?? payload.comment.body ?? '',
          user: current?.user ?? payload.comment.user,
          ...(current?.createdAt ? { createdAt: current.createdAt } : {}),
        },
      },
      settings,
    );
    core.setOutput('approved', String(outcome.kind === 'accepted'));
    switch (outcome.kind) {
      case 'ignored':
        core.info(`Not an approval: ${outcome.reason}`);
        break;
      case 'accepted':
        core.info(`Approval recorded: ${outcome.status.description}`);
        break;
      case 'refused':
      case 'not-needed':
        core.notice(`Approval not recorded: ${outcome.reason}`);
        break;
    }
  } catch (e) {
    if (e instanceof ConfigError) return failOnConfigError(octokit, repo, inputs, e);
    core.setFailed(describeError(e));
  }
}

/**
 * A merge queue's commit: the status goes on it, decided by the queued migrations and the
 * pull request's approval of that same content (src/github/merge-queue.ts).
 */
async function onMergeGroup(octokit: GitHubClient, repo: RepoRef, inputs: ActionInputs): Promise<void> {
  const group = context.payload.merge_group as { head_sha: string; base_sha: string; head_ref: string };
  try {
    // The target branch's settings, as for a pull request: the queued changes cannot loosen their own review.
    const { trusted, config } = await configFromBase(octokit, repo, inputs, group.base_sha);
    const settings = reviewSettings(inputs, config, await tokenIdentity(octokit));
    const files = fsRepoFiles(path.resolve(workspace(), inputs.workingDirectory));
    const dryRun = inputs.dryRun ?? config.dryRun.enabled;
    const outcome = await reviewMergeGroup(
      octokit,
      repo,
      { headSha: group.head_sha, baseSha: group.base_sha, headRef: group.head_ref },
      {
        approvalRisk: config.approvalRisk, identity: settings.identity, statusContext: settings.statusContext, ...(settings.targetUrl ? { targetUrl: settings.targetUrl } : {}), log: (m) => core.info(m),
        gate: { config, baseConfig: trusted.base, headConfig: await readConfigText(octokit, repo, group.head_sha, configPath(inputs)), readHead: (p) => readRepoFile(octokit, repo, p, group.head_sha), ...statsInput(inputs) },
      },
      async (changes) => runCheck({ files, config, scope: await changesScope(octokit, repo, group.base_sha, changes, files, (m) => core.info(m)), dryRun }),
    );
    const { reportPath, sarifPath } = await writeReports(outcome.result, inputs);
    publishAnnotations(outcome.result);
    const summary =
      outcome.risk === null
        ? '### migration-guard\n\nThis merge queue entry changes no migration.\n'
        : renderSummary(outcome.result, { pgVersion: config.pgVersion, approvalRisk: config.approvalRisk, approval: outcome.approval });
    await core.summary.addRaw(summary, true).write();
    core.setOutput('risk', outcome.risk ?? 'NONE');
    core.setOutput('approved', String(outcome.approved));
    core.setOutput('needs-approval', String(outcome.needsApproval));
    core.setOutput('report', reportPath);
    core.setOutput('sarif', sarifPath);
    core.setOutput('comment-url', '');
    core.info(`status ${settings.statusContext} on ${group.head_sha.slice(0, 7)}: ${outcome.status.state} — ${outcome.status.description}`);
    const failOn = inputs.failOn ?? config.failOn;
    const failure = jobFailure(outcome, failOn, 'Merge queue: migrations');
    if (failure) core.setFailed(failure);
  } catch (e) {
    if (e instanceof ConfigError) return failOnConfigError(octokit, repo, inputs, e, { sha: group.head_sha });
    const message = describeError(e);
    try {
      await setCommitStatus(octokit, repo, group.head_sha, { state: 'failure', description: `migration-guard could not finish: ${message}` }, inputs.statusContext);
    } catch (statusError) {
      core.warning(`could not set the ${inputs.statusContext} status: ${describeError(statusError)}`);
    }
    core.setFailed(message);
  }
}

async function currentComment(
  octokit: GitHubClient,
  repo: RepoRef,
  id: number,
): Promise<{ body: string; user: { login: string; type?: string }; createdAt: string } | { gone: string }> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: repo.owner, repo: repo.repo, comment_id: id });
    if (!data.user) return { gone: 'the comment has no author (deleted account)' };
    return { body: data.body ?? '', user: { login: data.user.login, type: data.user.type }, createdAt: data.created_at };
  } catch (e) {
    if ((e as { status?: number }).status === 404) return { gone: 'the comment no longer exists' };
    throw e;
  }
}

function workspace(): string {
  return process.env.GITHUB_WORKSPACE ?? process.cwd();
}

/**
 * The settings a review runs with, from the base commit: the config file, and the table stats file
 * it names (a change must not shrink its own tables), with the workflow's inputs laid over them.
 */
async function configFromBase(octokit: GitHubClient, repo: RepoRef, inputs: ActionInputs, baseSha: string): Promise<{ trusted: { config: Config; base: ConfigText | null }; config: Config }> {
  const trusted = await trustedConfig(octokit, repo, inputs, baseSha);
  const config = await withTableStats(withInputs(trusted.config, inputs), inputs, async (file) => {
    if (context.eventName === 'pull_request_target') return readFile(path.resolve(workspace(), file), 'utf8');
    const text = await readRepoFile(octokit, repo, path.posix.normalize(file.replace(/\\/g, '/')).replace(/^(\.\/)+/, ''), baseSha);
    if (text === null) throw Object.assign(new Error(`no such file on the base commit`), { code: 'ENOENT' });
    return text;
  });
  return { trusted, config };
}

/**
 * The gate's settings for a pull request or a merge queue entry, from the base branch only. Under `pull_request` the
 * checkout is the pull request's merge commit, so its config file is the pull request's own:
 * the base branch's (and the `tableStatsFile` it names) is read through the API at the base commit instead. Under
 * `pull_request_target` the workspace root is the base branch's checkout and is read as it is.
 */
async function trustedConfig(octokit: GitHubClient, repo: RepoRef, inputs: ActionInputs, baseSha: string): Promise<{ config: Config; base: ConfigText | null }> {
  // pull_request_target checks the base branch out into the workspace: its config is there.
  if (context.eventName === 'pull_request_target') return { config: await workspaceConfig(inputs), base: await readConfigText(octokit, repo, baseSha, configPath(inputs)) };
  const { config, source } = await configOnRef(octokit, repo, baseSha, `on the base branch, ${baseSha.slice(0, 7)}`, configPath(inputs));
  return { config, base: source };
}

/** The `table-stats` input as a path inside the repository: a stats file the gate's settings trust. */
function statsInput(inputs: ActionInputs): { statsFiles?: string[] } {
  return inputs.tableStats ? { statsFiles: [path.posix.normalize(inputs.tableStats.replace(/\\/g, '/')).replace(/^(\.\/)+/, '')] } : {};
}

/** The `config` input as a path inside the repository, for the contents API. */
function configPath(inputs: ActionInputs): string | undefined {
  return inputs.configFile ? path.posix.normalize(inputs.configFile.replace(/\\/g, '/')).replace(/^(\.\/)+/, '') : undefined;
}

/**
 * The config file in the workspace root (or defaults), not the working directory: on comment
 * events and with pull_request_target the root is a checkout of the base or default branch.
 */
async function workspaceConfig(inputs: ActionInputs): Promise<Config> {
  const explicit = inputs.configFile ? path.resolve(workspace(), inputs.configFile) : undefined;
  return (await loadConfig(workspace(), explicit, { ruleIds: RULE_IDS })).config;
}

async function configFor(inputs: ActionInputs): Promise<Config> {
  const config = withInputs(await workspaceConfig(inputs), inputs);
  return withTableStats(config, inputs, (file) => readFile(path.resolve(workspace(), file), 'utf8'));
}

/** The config with the workflow's inputs laid over it. */
function withInputs(config: Config, inputs: ActionInputs): Config {
  return {
    // The input names a major only, as --pg-version does: the file's minor was of another target.
    ...(inputs.pgVersion !== undefined ? withMajorVersion(config, inputs.pgVersion) : config),
    ...(inputs.failOn && inputs.failOn !== 'never' ? { failOn: inputs.failOn } : {}),
    ...(inputs.approvalRisk ? { approvalRisk: inputs.approvalRisk } : {}),
    ...(inputs.migrations.length > 0 ? { migrations: inputs.migrations.map((p) => ({ path: p.replace(/^\.\//, '').replace(/\/+$/, '') })) } : {}),
    dryRun: {
      ...config.dryRun,
      ...(inputs.dryRun !== undefined ? { enabled: inputs.dryRun } : {}),
      ...(inputs.dryRunEngine ? { engine: inputs.dryRunEngine } : {}),
      ...(inputs.databaseUrl ? { databaseUrl: inputs.databaseUrl, engine: inputs.dryRunEngine ?? 'url' } : {}),
    },
  };
}

function reviewSettings(inputs: ActionInputs, config: Config, identity: string): ReviewSettings & { statusContext: string } {
  const policy: ApprovalPolicy = {
    approvalRisk: config.approvalRisk,
    minPermission: inputs.approverPermission,
    approvers: inputs.approvers,
    allowAuthor: inputs.allowAuthorApproval,
    allowContributors: inputs.allowContributorApproval,
  };
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runId = process.env.GITHUB_RUN_ID;
  return {
    policy,
    identity,
    comment: inputs.comment,
    statusContext: inputs.statusContext,
    pgVersion: config.pgVersion,
    ...(runId && process.env.GITHUB_REPOSITORY ? { targetUrl: `${server}/${process.env.GITHUB_REPOSITORY}/actions/runs/${runId}` } : {}),
    log: (m) => core.info(m),
  };
}

async function writeReports(result: CheckResult, inputs: ActionInputs): Promise<{ reportPath: string; sarifPath: string }> {
  const dir = process.env.RUNNER_TEMP || process.cwd();
  const reportPath = path.resolve(workspace(), inputs.reportFile ?? path.join(dir, 'migration-guard.json'));
  const sarifPath = path.resolve(workspace(), inputs.sarifFile ?? path.join(dir, 'migration-guard.sarif'));
  await mkdir(path.dirname(reportPath), { recursive: true });
  await mkdir(path.dirname(sarifPath), { recursive: true });
  await writeFile(reportPath, renderJson(result));
  await writeFile(sarifPath, JSON.stringify(renderSarif(result), null, 2) + '\n');
  return { reportPath, sarifPath };
}

function publishAnnotations(result: CheckResult): void {
  for (const a of renderAnnotations(result)) {
    const props: core.AnnotationProperties = { title: a.title, file: a.path, startLine: a.line, startColumn: a.column };
    if (a.endLine !== undefined) props.endLine = a.endLine;
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}

function describeError(e: unknown): string {
  if (e && typeof e === 'object' && 'status' in e && 'message' in e) {
    const err = e as { status: number; message: string; request?: { method?: string; url?: string } };
    const where = err.request?.method && err.request.url ? ` (${err.request.method} ${err.request.url.replace(/\?.*$/, '')})` : '';
    return `GitHub answered ${err.status}: ${err.message}${where}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * The Action's whole run. The bundle's entry (src/action/index.ts) calls it; so does
 * `@github/local-action`, which loads this module and wants a `run()` export that does not start
 * on import.
 */
export async function run(): Promise<void> {
  try {
    await main();
  } catch (e) {
    core.setFailed(describeError(e));
  }
}
