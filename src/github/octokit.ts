// A GitHub client that survives GitHub's bad moments: retries 5xx answers with backoff
// (@octokit/plugin-retry) and waits out rate limits (@octokit/plugin-throttling).
//
// Built from @octokit/core and the two plugins @actions/github's getOctokit adds (REST methods,
// pagination), not through getOctokit: that module loads @actions/http-client and a copy of
// undici at start (~170 ms of CPU in every Action run) for a proxy-aware fetch that the
// deadline fetch below replaces anyway.
import { Octokit } from '@octokit/core';
import { paginateRest, type PaginateInterface } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import BottleneckLight from 'bottleneck/light.js';

/** What the GitHub glue needs from a client: buildOctokit's and Probot's both fit. */
export type GitHubClient = Octokit & { paginate: PaginateInterface };

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ClientOptions {
  /** API root, e.g. GITHUB_API_URL; api.github.com by default. */
  baseUrl?: string;
  /** Retries of a failed request (5xx, rate limit) before giving up. */
  retries?: number;
  /** Unit of the backoff: retry n waits n² × this (ms). */
  retryBaseMs?: number;
  /** Longest rate-limit wait worth taking (seconds); longer ones fail the run instead. */
  maxRateLimitWaitSeconds?: number;
  /** Client-side limit on one request (ms); a hung answer is then retried like a 5xx, then fails. */
  requestTimeoutMs?: number;
  /** Least time between two writes (ms); null or absent: GitHub's spacing (writeIntervalFromEnv). */
  writeIntervalMs?: number | null;
  log?: (message: string) => void;
}

/** GitHub answers in well under a second; a request this slow is hung. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * `fetch` with a deadline on every request, for Octokit's `request.fetch`: without one a hung
 * connection keeps a review pending for as long as the job or the process lives.
 */
export function timedFetch(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(input, { ...init, signal });
  };
}

/** MIGRATION_GUARD_REQUEST_TIMEOUT_MS when it is a positive number, else the default. */
export function requestTimeoutFromEnv(env: Record<string, string | undefined> = process.env): number {
  const ms = Number(env.MIGRATION_GUARD_REQUEST_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_REQUEST_TIMEOUT_MS;
}

/**
 * The least time between two writes (MIGRATION_GUARD_WRITE_INTERVAL_MS), or null for GitHub's own
 * spacing, which the throttling plugin keeps: a second between writes, three between writes
 * that notify people (a comment). Only a server that asks for less (a test double, a proxy that
 * throttles by itself) is a reason to lower it.
 */
export function writeIntervalFromEnv(env: Record<string, string | undefined> = process.env): number | null {
  const text = env.MIGRATION_GUARD_WRITE_INTERVAL_MS;
  const ms = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/**
 * The throttling plugin's limiter class (its documented `throttle.Bottleneck` option) with every
 * limiter's spacing capped at `intervalMs`; concurrency limits and rate-limit waits are unchanged.
 */
export function spacedBottleneck(intervalMs: number, base: typeof BottleneckLight = BottleneckLight): typeof BottleneckLight {
  return class Spaced extends base {
    static override Group = class SpacedGroup extends base.Group {
      constructor(options: ConstructorParameters<typeof base.Group>[0] = {}) {
        super({ ...options, minTime: Math.min(options.minTime ?? 0, intervalMs) });
      }
    };
  };
}

const ActionsOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

export function buildOctokit(token: string, opts: ClientOptions = {}): InstanceType<typeof ActionsOctokit> {
  const retries = opts.retries ?? 3;
  const base = opts.retryBaseMs ?? 1000;
  const maxWait = opts.maxRateLimitWaitSeconds ?? 120;
  const log = opts.log ?? (() => {});
  const interval = opts.writeIntervalMs ?? null;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
      if (retryCount >= retries || retryAfter > maxWait) {
        log(`GitHub ${kind} for ${what}; not retrying (retry-after ${retryAfter}s, attempt ${retryCount + 1})`);
        return false;
      }
      log(`GitHub ${kind} for ${what}; retrying after ${retryAfter}s`);
      return true;
    };
  return new ActionsOctokit({
    ...(token ? { auth: token } : {}),
    ...(opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/+$/, '') } : {}),
    request: { fetch: timedFetch(opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) },
    retry: { retries, retryAfterBaseValue: base },
    throttle: {
      ...(interval !== null ? { Bottleneck: spacedBottleneck(interval) } : {}),
      retryAfterBaseValue: base,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
  });
}
