// The Action's inputs, read and checked up front so a typo is one clear error naming the
// input, never a stack trace halfway through a run.
import { RISKS, type Risk } from '../core/types.js';
import { parseApprovers, parsePermissionLevel, parseRisk, type Approver, type PermissionLevel } from '../github/approval.js';

export type GetInput = (name: string) => string;

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`input "${input}": ${message}`);
    this.name = 'InputError';
  }
}

export interface ActionInputs {
  /** Migration folders given by the user; empty = detect them. */
  migrations: string[];
  /** Config file; undefined = look for `.migration-guard.yml` in the working directory. */
  configFile?: string;
  /** Where the pull request's files are checked out (relative to the workspace or absolute). */
  workingDirectory: string;
  pgVersion?: number;
  /** `never` turns job failure off (the status still gates the merge). */
  failOn?: Risk | 'never';
  dryRun?: boolean;
  dryRunEngine?: 'pglite' | 'url' | 'local';
  databaseUrl?: string;
  token: string;
  comment: boolean;
  approvalRisk?: Risk;
  approverPermission: Exclude<PermissionLevel, 'none'>;
  approvers: Approver[];
  allowAuthorApproval: boolean;
  allowContributorApproval: boolean;
  statusContext: string;
  /** A stats file (what `migration-guard stats` writes), relative to the workspace root. */
  tableStats?: string;
  /** A database to read the stats from at run time (a secret; catalog reads only). */
  statsDatabaseUrl?: string;
  /** Where to write the reports; empty = RUNNER_TEMP. */
  reportFile?: string;
  sarifFile?: string;
}

export function parseInputs(get: GetInput): ActionInputs {
  const text = (name: string) => get(name).trim();
  const optional = (name: string) => text(name) || undefined;

  const token = text('github-token');
  if (!token) throw new InputError('github-token', 'is empty; give it `${{ github.token }}` (the default) or a token with pull-requests and statuses write access');

  const pg = optional('pg-version');
  let pgVersion: number | undefined;
  if (pg !== undefined) {
    pgVersion = Number(pg);
    if (!Number.isInteger(pgVersion) || pgVersion < 9 || pgVersion > 19) throw new InputError('pg-version', `"${pg}" is not a Postgres major version (9 to 19)`);
  }

  const failOnText = optional('fail-on');
  let failOn: Risk | 'never' | undefined;
  if (failOnText !== undefined) {
    failOn = failOnText.toLowerCase() === 'never' ? 'never' : (parseRisk(failOnText) ?? undefined);
    if (!failOn) throw new InputError('fail-on', `"${failOnText}" is not one of ${[...RISKS, 'never'].join(', ')}`);
  }

  const approvalText = optional('approval-risk');
  let approvalRisk: Risk | undefined;
  if (approvalText !== undefined) {
    approvalRisk = parseRisk(approvalText) ?? undefined;
    if (!approvalRisk) throw new InputError('approval-risk', `"${approvalText}" is not one of ${RISKS.join(', ')}`);
  }

  const permText = text('approver-permission') || 'write';
  const approverPermission = parsePermissionLevel(permText);
  if (!approverPermission) throw new InputError('approver-permission', `"${permText}" is not one of read, triage, write, maintain, admin`);

  let approvers: Approver[];
  try {
    approvers = parseApprovers(list(get('approvers')));
  } catch (e) {
    throw new InputError('approvers', (e as Error).message);
  }

  const engineText = optional('dry-run-engine');
  if (engineText !== undefined && !['pglite', 'url', 'local'].includes(engineText)) {
    throw new InputError('dry-run-engine', `"${engineText}" is not one of pglite, url, local`);
  }
  const dryRunEngine = engineText as ActionInputs['dryRunEngine'];
  const databaseUrl = optional('database-url');
  if (dryRunEngine === 'url' && !databaseUrl) throw new InputError('database-url', 'is needed when dry-run-engine is url');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new InputError('database-url', 'must start with postgres:// or postgresql://');

  const statsDatabaseUrl = optional('stats-database-url');
  if (statsDatabaseUrl && !/^postgres(ql)?:\/\//.test(statsDatabaseUrl)) throw new InputError('stats-database-url', 'must start with postgres:// or postgresql://');

  return {
    migrations: list(get('migrations')),
    ...(optional('table-stats') ? { tableStats: optional('table-stats') } : {}),
    ...(statsDatabaseUrl ? { statsDatabaseUrl } : {}),
    ...(optional('config') ? { configFile: optional('config') } : {}),
    workingDirectory: text('working-directory') || '.',
    ...(pgVersion !== undefined ? { pgVersion } : {}),
    ...(failOn ? { failOn } : {}),
    ...(optionalBool(get, 'dry-run') !== undefined ? { dryRun: optionalBool(get, 'dry-run') } : {}),
    ...(dryRunEngine ? { dryRunEngine } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    token,
    comment: optionalBool(get, 'comment') ?? true,
    ...(approvalRisk ? { approvalRisk } : {}),
    approverPermission,
    approvers,
    allowAuthorApproval: optionalBool(get, 'allow-author-approval') ?? false,
    allowContributorApproval: optionalBool(get, 'allow-contributor-approval') ?? false,
    statusContext: text('status-context') || 'migration-guard',
    ...(optional('report-file') ? { reportFile: optional('report-file') } : {}),
    ...(optional('sarif-file') ? { sarifFile: optional('sarif-file') } : {}),
  };
}

/** Newline- or comma-separated values, blanks dropped. */
export function list(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them; empty = undefined. */
function optionalBool(get: GetInput, name: string): boolean | undefined {
  const v = get(name).trim();
  if (!v) return undefined;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new InputError(name, `"${v}" is not a boolean (true or false)`);
}
