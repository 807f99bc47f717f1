// The check run a GitHub App publishes on a pull request's head commit: the report as its
// summary, one annotation per finding, a conclusion, and the "Approve migration" button while an
// approval is missing. GitHub takes at most 50 annotations per request and 65,535 characters of
// summary, so both limits are handled here rather than refused there.
import type { Annotation } from '../report/github.js';
import type { GitHubClient, RepoRef } from './octokit.js';

export const CHECK_RUN_NAME = 'migration-guard';
/** GitHub's limit on `output.summary` (and `output.text`). */
export const MAX_SUMMARY_LENGTH = 65_535;
/** GitHub's limit on annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Beyond this many annotations the summary already tells the story; more requests add nothing. */
export const MAX_ANNOTATIONS = 1_000;
const MAX_TITLE_LENGTH = 255;
const MAX_MESSAGE_LENGTH = 60_000;

/** The button's identifier travels back in `check_run.requested_action` webhooks. */
export const APPROVE_ACTION_ID = 'approve-migration';
/** GitHub's limits: label 20 characters, description 40, identifier 20. */
export const APPROVE_ACTION = {
  label: 'Approve migration',
  description: 'Record your approval of these migrations',
  identifier: APPROVE_ACTION_ID,
} as const;

export type CheckConclusion = 'success' | 'failure' | 'action_required' | 'neutral' | 'cancelled';

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

export interface CheckRunResult {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations?: CheckRunAnnotation[];
  /** Show the "Approve migration" button. */
  approvable?: boolean;
  detailsUrl?: string;
}

export interface ExistingCheckRun {
  id: number;
  headSha: string;
  status: string;
  conclusion: string | null;
  summary: string | null;
  appId: number | null;
}

/** Starts a run in progress on `headSha`; returns its id. */
export async function startCheckRun(octokit: GitHubClient, repo: RepoRef, headSha: string, name = CHECK_RUN_NAME): Promise<number> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: repo.owner,
    repo: repo.repo,
    name,
    head_sha: headSha,
    status: 'in_progress',
    started_at: isoSeconds(new Date()),
    output: { title: 'Reviewing migrations…', summary: 'migration-guard is reading the pull request.' },
  });
  return Number(data.id);
}

/**
 * Publishes the result: annotations in batches of 50 while the run stays in progress, then
 * the conclusion with the last batch, so a run only ever reads `success` once everything
 * about it has been written.
 */
export async function completeCheckRun(octokit: GitHubClient, repo: RepoRef, id: number, result: CheckRunResult): Promise<void> {
  const all = result.annotations ?? [];
  const annotations = all.slice(0, MAX_ANNOTATIONS);
  const summary = fitSummary(
    all.length > annotations.length
      ? `${result.summary}\n\n_${all.length - annotations.length} more annotations were left out; the summary above lists every finding._`
      : result.summary,
  );
  const title = fitText(result.title, MAX_TITLE_LENGTH);
  const batches: CheckRunAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const last = batches.pop() ?? [];
  for (const batch of batches) {
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: id,
      status: 'in_progress',
      output: { title, summary, annotations: batch },
    });
  }
  await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: id,
    conclusion: result.conclusion,
    completed_at: isoSeconds(new Date()),
    ...(result.detailsUrl ? { details_url: result.detailsUrl } : {}),
    output: { title, summary, ...(last.length > 0 ? { annotations: last } : {}) },
    actions: result.approvable ? [APPROVE_ACTION] : [],
  });
}

/** The newest `migration-guard` run on `sha` (created by `appId` when given), or null. */
export async function findCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  opts: { appId?: number; name?: string } = {},
): Promise<ExistingCheckRun | null> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    owner: repo.owner,
    repo: repo.repo,
    ref: sha,
    check_name: opts.name ?? CHECK_RUN_NAME,
    filter: 'latest',
    per_page: 100,
  });
  const runs = data.check_runs
    .filter((r) => opts.appId === undefined || r.app?.id === opts.appId)
    .sort((a, b) => Number(b.id) - Number(a.id));
  const run = runs[0];
  if (!run) return null;
  return { id: Number(run.id), headSha: run.head_sha, status: run.status, conclusion: run.conclusion, summary: run.output.summary ?? null, appId: run.app?.id ?? null };
}

/**
 * Turns the run green after an approval: the approval goes on top of the report it approves,
 * and the button goes away. Annotations stay (GitHub keeps them across updates).
 */
export async function markCheckRunApproved(
  octokit: GitHubClient,
  repo: RepoRef,
  run: { id: number; summary: string | null } | null,
  headSha: string,
  approval: { title: string; line: string; detailsUrl?: string },
): Promise<void> {
  // Marked again after another run's write (sticky-sync.ts): the line goes on top once.
  const report = run?.summary?.startsWith(`${approval.line}\n\n`) ? run.summary.slice(approval.line.length + 2) : (run?.summary ?? '');
  const summary = fitSummary(`${approval.line}\n\n${report}`.trimEnd());
  const title = fitText(approval.title, MAX_TITLE_LENGTH);
  if (run) {
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: run.id,
      conclusion: 'success',
      completed_at: isoSeconds(new Date()),
      ...(approval.detailsUrl ? { details_url: approval.detailsUrl } : {}),
      output: { title, summary },
      actions: [],
    });
    return;
  }
  await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_RUN_NAME,
    head_sha: headSha,
    conclusion: 'success',
    completed_at: isoSeconds(new Date()),
    ...(approval.detailsUrl ? { details_url: approval.detailsUrl } : {}),
    output: { title, summary },
  });
}

/** The report's annotations in the Checks API's shape. */
export function toCheckRunAnnotations(annotations: readonly Annotation[]): CheckRunAnnotation[] {
  return annotations.map((a) => {
    const end = a.endLine !== undefined && a.endLine > a.line ? a.endLine : a.line;
    return {
      path: a.path,
      start_line: Math.max(1, a.line),
      end_line: Math.max(1, end),
      // Columns only count on one-line annotations; GitHub refuses them otherwise.
      ...(end === a.line && a.column > 0 ? { start_column: a.column, end_column: a.column } : {}),
      annotation_level: a.level === 'error' ? 'failure' : a.level,
      title: fitText(a.title, MAX_TITLE_LENGTH),
      message: fitText(a.message, MAX_MESSAGE_LENGTH),
    };
  });
}

/**
 * Cuts a summary to GitHub's limit. Counted in UTF-16 units, which is never less than the
 * characters GitHub counts, and cut between characters, never inside a surrogate pair.
 */
export function fitSummary(text: string): string {
  const note = '\n\n…(cut to fit the check run’s size limit; the pull request comment has the whole report)';
  if (text.length <= MAX_SUMMARY_LENGTH) return text;
  let cut = MAX_SUMMARY_LENGTH - note.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + note;
}

function fitText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the form GitHub documents for check run times. */
function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
