// The App's settings from its environment, in Probot's conventions (APP_ID, PRIVATE_KEY or
// PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, GHE_HOST/GHE_PROTOCOL, LOG_LEVEL)
// plus migration-guard's own MIGRATION_GUARD_* options. Read and checked once at start, so a
// typo is one clear line naming the variable, never a stack trace later.
import { getPrivateKey } from '@probot/get-private-key';
import { parseApprovers, parsePermissionLevel, type Approver, type PermissionLevel } from '../github/approval.js';
import { DEFAULT_MEMORY_LIMIT_MB } from '../config/defaults.js';

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'EnvError';
  }
}

export interface AppEnv {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** 0 picks a free port (the log says which). */
  port: number;
  host: string;
  webhookPath: string;
  /** REST API root: GITHUB_API_URL, else GHE_HOST's `/api/v3`, else api.github.com. */
  baseUrl: string;
  /** Operator's opt-in to dry-runs on a real server (`url`/`local` engines) for repositories that configure one. */
  allowServerDryRun: boolean;
  /** How many dry-runs one process runs at once (each PGlite takes hundreds of MB). */
  dryRunConcurrency: number;
  /** How many dry-runs one installation may have waiting for a slot; more are refused (fail closed, "busy"). */
  dryRunQueueLimit: number;
  /**
   * The process' resident memory (MB) past which a PGlite dry-run is stopped, whatever a
   * repository configures: the bound on all concurrent dry-runs together.
   */
  dryRunMemoryMb: number;
  approverPermission: Exclude<PermissionLevel, 'none'>;
  approvers: Approver[];
  allowAuthorApproval: boolean;
  /** Whether someone who authored or committed the pull request's commits may approve it. */
  allowContributorApproval: boolean;
  /** Commit status context set beside the check run (the merge gate the Action also uses). */
  statusContext: string;
  /** Backoff unit of retried requests, ms (GitHub-friendly default; tests shorten it). */
  retryBaseMs: number;
  /** How long SIGTERM waits for deliveries in flight before exiting, ms. */
  drainTimeoutMs: number;
  logLevel: string;
}

type Env = Record<string, string | undefined>;

export function readAppEnv(env: Env = process.env): AppEnv {
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0) {
    throw new EnvError('APP_ID', env.APP_ID ? `"${env.APP_ID}" is not a GitHub App id (a positive number)` : 'is not set; give the App id from the App settings page');
  }

  let privateKey: string | null;
  try {
    privateKey = getPrivateKey({ env: env as NodeJS.ProcessEnv });
  } catch (e) {
    throw new EnvError(env.PRIVATE_KEY_PATH ? 'PRIVATE_KEY_PATH' : 'PRIVATE_KEY', (e as Error).message);
  }
  if (!privateKey) throw new EnvError('PRIVATE_KEY', 'neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set; give the App private key (PEM) or its path');

  const webhookSecret = env.WEBHOOK_SECRET ?? '';
  if (!webhookSecret) throw new EnvError('WEBHOOK_SECRET', 'is not set; without it anyone could send the App events. Use the secret from the App settings page');

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new EnvError('PORT', `"${portText}" is not a port number (0 to 65535)`);

  let baseUrl = 'https://api.github.com';
  if (env.GHE_HOST) baseUrl = `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3`;
  if (env.GITHUB_API_URL) baseUrl = env.GITHUB_API_URL;
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
  } catch {
    throw new EnvError(env.GITHUB_API_URL ? 'GITHUB_API_URL' : 'GHE_HOST', `"${baseUrl}" is not an http(s) URL`);
  }

  const permText = env.MIGRATION_GUARD_APPROVER_PERMISSION || 'write';
  const approverPermission = parsePermissionLevel(permText);
  if (!approverPermission) throw new EnvError('MIGRATION_GUARD_APPROVER_PERMISSION', `"${permText}" is not one of read, triage, write, maintain, admin`);

  let approvers: Approver[];
  try {
    approvers = parseApprovers((env.MIGRATION_GUARD_APPROVERS ?? '').split(/[\n,]/));
  } catch (e) {
    throw new EnvError('MIGRATION_GUARD_APPROVERS', (e as Error).message);
  }

  const concurrencyText = env.MIGRATION_GUARD_DRYRUN_CONCURRENCY || '1';
  const dryRunConcurrency = Number(concurrencyText);
  if (!Number.isInteger(dryRunConcurrency) || dryRunConcurrency < 1) {
    throw new EnvError('MIGRATION_GUARD_DRYRUN_CONCURRENCY', `"${concurrencyText}" is not a positive whole number`);
  }

  const queueText = env.MIGRATION_GUARD_DRYRUN_QUEUE_LIMIT || '20';
  const dryRunQueueLimit = Number(queueText);
  if (!/^\d+$/.test(queueText) || !Number.isSafeInteger(dryRunQueueLimit)) {
    throw new EnvError('MIGRATION_GUARD_DRYRUN_QUEUE_LIMIT', `"${queueText}" is not a whole number (0 or more)`);
  }

  const memoryText = env.MIGRATION_GUARD_DRYRUN_MEMORY_MB || String(DEFAULT_MEMORY_LIMIT_MB);
  const dryRunMemoryMb = Number(memoryText);
  if (!/^\d+$/.test(memoryText) || !Number.isSafeInteger(dryRunMemoryMb) || dryRunMemoryMb < 256) {
    throw new EnvError('MIGRATION_GUARD_DRYRUN_MEMORY_MB', `"${memoryText}" is not a whole number of megabytes, 256 or more`);
  }

  const retryText = env.MIGRATION_GUARD_RETRY_BASE_MS || '1000';
  const retryBaseMs = Number(retryText);
  if (!Number.isFinite(retryBaseMs) || retryBaseMs < 0) throw new EnvError('MIGRATION_GUARD_RETRY_BASE_MS', `"${retryText}" is not a number of milliseconds`);

  const drainText = env.MIGRATION_GUARD_DRAIN_TIMEOUT_MS || '25000';
  const drainTimeoutMs = Number(drainText);
  if (!Number.isFinite(drainTimeoutMs) || drainTimeoutMs < 0) throw new EnvError('MIGRATION_GUARD_DRAIN_TIMEOUT_MS', `"${drainText}" is not a number of milliseconds`);

  return {
    appId,
    privateKey,
    webhookSecret,
    port,
    host: env.HOST || '0.0.0.0',
    webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
    baseUrl: baseUrl.replace(/\/+$/, ''),
    allowServerDryRun: flag(env, 'MIGRATION_GUARD_ALLOW_SERVER_DRYRUN'),
    dryRunConcurrency,
    dryRunQueueLimit,
    dryRunMemoryMb,
    approverPermission,
    approvers,
    allowAuthorApproval: flag(env, 'MIGRATION_GUARD_ALLOW_AUTHOR_APPROVAL'),
    allowContributorApproval: flag(env, 'MIGRATION_GUARD_ALLOW_CONTRIBUTOR_APPROVAL'),
    statusContext: env.MIGRATION_GUARD_STATUS_CONTEXT || 'migration-guard',
    retryBaseMs,
    drainTimeoutMs,
    logLevel: env.LOG_LEVEL || 'info',
  };
}

function flag(env: Env, name: string): boolean {
  const v = (env[name] ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  throw new EnvError(name, `"${env[name]}" is not 1/true or 0/false`);
}
