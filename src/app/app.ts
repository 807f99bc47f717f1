// The Probot application: which webhook does what. Each handler reads everything it decides on
// from GitHub and writes its results back there (check runs, statuses, the sticky comment), so
// the process holds no state and any number of replicas can serve the same installations.
import type { Context, Probot } from 'probot';
import type { GitHubClient, RepoRef } from '../github/octokit.js';
import { APPROVE_ACTION_ID } from '../github/check-run.js';
import { onApprovalComment, onApproveButton } from './approve.js';
import type { AppEnv } from './env.js';
import { dryRunQueue } from './dry-run-queue.js';
import { inFlight } from './drain.js';
import { describeError, pullForCommit, reviewPull, type AppDeps } from './review-pull.js';
import { reviewMergeGroupCommit } from './merge-group.js';
import { onCheckSuiteRerequested, onInstalled } from './rerun.js';

export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

/** The log line each delivery ends with (tests and operators follow deliveries by it). */
export const HANDLED = 'migration-guard: delivery handled';
export const FAILED = 'migration-guard: delivery failed';

export function migrationGuardApp(env: AppEnv): (app: Probot) => void {
  const dryRunSlot = dryRunQueue({ concurrency: env.dryRunConcurrency, perInstallationLimit: env.dryRunQueueLimit });

  return (app: Probot) => {
    // The bot login comes from the App's own record (GET /app as the App), once per process.
    let identity: Promise<string> | null = null;
    const botLogin = (): Promise<string> =>
      (identity ??= (async () => {
        const octokit = (await app.auth()) as unknown as GitHubClient;
        const { data } = await octokit.request('GET /app');
        if (!data?.slug) throw new Error('GET /app answered without the App\'s slug');
        return `${data.slug}[bot]`;
      })().catch((e: unknown) => {
        identity = null;
        throw e;
      }));
    const deps = (context: Context): AppDeps => {
      // Slots are shared fairly between installations, so each dry-run goes in its installation's queue.
      const installation = (context.payload as { installation?: { id?: number } }).installation?.id ?? null;
      return {
        identity: botLogin,
        octokit: context.octokit as unknown as GitHubClient,
        env,
        log: (message) => context.log.info({ delivery: context.id }, message),
        dryRunSlot: (task) => dryRunSlot(installation, task),
      };
    };

    /** Runs one delivery's work and logs how it ended, with the delivery id. */
    const handle =
      <C extends Context>(work: (context: C) => Promise<unknown>) =>
      async (context: C): Promise<void> => {
        const event = `${context.name}.${String((context.payload as { action?: string }).action ?? '')}`;
        try {
          const outcome = await inFlight.track(() => work(context));
          context.log.info({ delivery: context.id, event, outcome: summarize(outcome) }, HANDLED);
        } catch (e) {
          context.log.error({ delivery: context.id, event, error: describeError(e) }, FAILED);
          throw e;
        }
      };

    app.on(
      PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const),
      handle(async (context) => {
        const { pull_request: pr } = context.payload;
        return reviewPull(deps(context), repoOf(context.payload), { number: pr.number, headSha: pr.head.sha });
      }),
    );

    // A pull request moved onto another base branch is a different change: review it again.
    app.on(
      'pull_request.edited',
      handle(async (context) => {
        const { pull_request: pr, changes } = context.payload;
        if (!changes?.base) return { kind: 'ignored', reason: 'edited without a change of base branch' };
        return reviewPull(deps(context), repoOf(context.payload), { number: pr.number, headSha: pr.head.sha });
      }),
    );

    app.on(
      'issue_comment',
      handle(async (context) => {
        const p = context.payload;
        return onApprovalComment(deps(context), repoOf(p), {
          action: p.action,
          issueNumber: p.issue.number,
          isPullRequest: Boolean(p.issue.pull_request),
          commentId: p.comment.id,
          body: p.comment.body ?? '',
        });
      }),
    );

    app.on(
      'check_run.rerequested',
      handle(async (context) => {
        const run = context.payload.check_run;
        const d = deps(context);
        if (run.app?.id !== env.appId) return { kind: 'ignored', reason: 'not a check run of this App' };
        const listed = run.pull_requests.map((p) => p.number);
        const found = listed.length > 0 ? null : await pullForCommit(d.octokit, repoOf(context.payload), run.head_sha);
        const numbers = found === null ? listed : [found];
        if (numbers.length === 0) return { kind: 'ignored', reason: `no open pull request has ${run.head_sha.slice(0, 7)} as its head` };
        const results = [];
        for (const number of numbers) results.push(await reviewPull(d, repoOf(context.payload), { number, headSha: run.head_sha }));
        return results;
      }),
    );

    app.on(
      'check_suite.rerequested',
      handle(async (context) => {
        const suite = context.payload.check_suite;
        return onCheckSuiteRerequested(deps(context), repoOf(context.payload), {
          headSha: suite.head_sha,
          appId: suite.app?.id ?? null,
          pullNumbers: suite.pull_requests.map((p) => p.number),
        });
      }),
    );

    app.on(
      'merge_group.checks_requested',
      handle(async (context) => {
        const { merge_group: group, repository } = context.payload;
        if (!repository) return { kind: 'ignored', reason: 'merge_group event without a repository' };
        return reviewMergeGroupCommit(deps(context), repoOf({ repository }), {
          headSha: group.head_sha,
          baseSha: group.base_sha,
          headRef: group.head_ref,
          baseRef: group.base_ref,
        });
      }),
    );

    app.on(
      ['installation.created', 'installation_repositories.added'],
      handle(async (context) => {
        const p = context.payload as { repositories?: Array<{ full_name: string }>; repositories_added?: Array<{ full_name: string }> };
        const repos = (p.repositories ?? p.repositories_added ?? []).map((r) => {
          const [owner, repo] = r.full_name.split('/') as [string, string];
          return { owner, repo };
        });
        return onInstalled(deps(context), repos);
      }),
    );

    app.on(
      'check_run.requested_action',
      handle(async (context) => {
        const p = context.payload;
        if (p.requested_action?.identifier !== APPROVE_ACTION_ID) return { kind: 'ignored', reason: `unknown action ${p.requested_action?.identifier}` };
        return onApproveButton(deps(context), repoOf(p), {
          checkRun: {
            id: p.check_run.id,
            name: p.check_run.name,
            headSha: p.check_run.head_sha,
            appId: p.check_run.app?.id ?? null,
            pullNumbers: p.check_run.pull_requests.map((pr) => pr.number),
          },
          requester: { login: p.sender.login, type: p.sender.type },
        });
      }),
    );
  };
}

function repoOf(payload: { repository: { name: string; owner: { login: string } } }): RepoRef {
  return { owner: payload.repository.owner.login, repo: payload.repository.name };
}

/** A small, loggable picture of an outcome (never the whole CheckResult). */
function summarize(outcome: unknown): unknown {
  if (Array.isArray(outcome)) return outcome.map(summarize);
  if (!outcome || typeof outcome !== 'object') return outcome;
  const o = outcome as Record<string, unknown>;
  const out: Record<string, unknown> = { kind: o.kind };
  for (const key of ['reason', 'conclusion', 'approver', 'headSha', 'by', 'message', 'reviewed', 'failed', 'deferred'] as const) if (key in o) out[key] = o[key];
  return out;
}
