// The App's server, started by dist/app.js (`npm start`, src/app/main.ts) and by
// `migration-guard app`. Probot's own `run` does the serving:
// it reads Probot's environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
// HOST, WEBHOOK_PATH, GHE_HOST, LOG_LEVEL, LOG_FORMAT, SENTRY_DSN, a `.env` file), verifies
// webhook signatures, answers GET /ping for health checks, and without APP_ID outside
// production starts Probot's setup page that registers the App from app.yml (the manifest flow).
// migration-guard adds GITHUB_API_URL (an API root of any shape, e.g. behind a proxy) and its
// own MIGRATION_GUARD_* settings, checked here before anything starts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { ProbotOctokit, run } from 'probot';
import { requestTimeoutFromEnv, spacedBottleneck, timedFetch, writeIntervalFromEnv } from '../github/octokit.js';
import { migrationGuardApp } from './app.js';
import { EnvError, readAppEnv, type AppEnv } from './env.js';
import { inFlight } from './drain.js';

/** Starts the App from the environment; resolves once it listens (exits the process on a bad environment). */
export async function startApp(): Promise<void> {
  loadDotEnv();
  if (!process.env.APP_ID && process.env.NODE_ENV !== 'production') {
    const problem = prepareManifestFlow(process.env);
    if (problem) {
      console.error(`migration-guard app: ${problem}`);
      process.exit(2);
    }
    console.error(`migration-guard app: APP_ID is not set; starting Probot’s setup page to register the App from app.yml, with webhooks to ${process.env.WEBHOOK_PROXY_URL} (see docs/app.md).`);
    // The server's own options without WEBHOOK_PROXY_URL: it is the manifest's webhook URL
    // (Probot's setup reads it from process.env), not a smee channel for this server to follow.
    const { WEBHOOK_PROXY_URL: _hook, ...serverEnv } = process.env;
    await run(() => {}, { env: serverEnv });
    return;
  }
  let env: AppEnv;
  try {
    env = readAppEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(`migration-guard app: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  // Probot's Octokit with the API root and the retry backoff set last, so they win over the
  // defaults Probot derives from GHE_HOST (which only knows `https://host/api/v3`). Writes are
  // spaced per installation rather than per process (the throttling plugin's limiter key), so
  // one busy repository does not slow every other installation this process serves.
  const writeInterval = writeIntervalFromEnv();
  let spaced: ReturnType<typeof spacedBottleneck> | undefined;
  const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const installationId = (options.auth as { installationId?: number } | undefined)?.installationId;
    const throttle = options.throttle as { Bottleneck?: Parameters<typeof spacedBottleneck>[1] } | undefined;
    return {
      ...options,
      baseUrl: env.baseUrl,
      request: { ...(options.request as object | undefined), fetch: timedFetch(requestTimeoutFromEnv()) },
      retry: { ...(options.retry as object | undefined), retryAfterBaseValue: env.retryBaseMs },
      throttle: {
        ...throttle,
        id: installationId ? `migration-guard-installation-${installationId}` : 'migration-guard-app',
        // Probot's own limiter class when it has one (Redis clustering), with the spacing capped.
        ...(writeInterval !== null ? { Bottleneck: (spaced ??= spacedBottleneck(writeInterval, throttle?.Bottleneck)) } : {}),
      },
    };
  });
  const server = await run(migrationGuardApp(env), { Octokit });
  // SIGTERM drains: no new deliveries, the ones in flight finish (within the grace period).
  const stop = async (signal: string) => {
    console.error(`migration-guard app: ${signal}, stopping; ${inFlight.size} deliver${inFlight.size === 1 ? 'y' : 'ies'} in flight`);
    await server.stop();
    const finished = await inFlight.drained(env.drainTimeoutMs);
    if (!finished) console.error(`migration-guard app: ${inFlight.size} deliver${inFlight.size === 1 ? 'y' : 'ies'} still running after ${env.drainTimeoutMs} ms; exiting (their check runs stay in progress until re-run)`);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * What Probot's setup page (the manifest flow) needs and does not ask for. Its manifest points
 * the webhook at WEBHOOK_PROXY_URL, else at the setup page's own `/` (where nothing listens for
 * webhooks), and without WEBHOOK_PROXY_URL it tries to fetch smee-client at run time to make a
 * proxy channel. So: the webhook URL is made from MIGRATION_GUARD_PUBLIC_URL (where GitHub will
 * reach this App) and the webhook path; a WEBHOOK_PROXY_URL given explicitly (a smee.io channel,
 * with smee-client installed) is kept. Returns why the flow cannot start, or null.
 */
function prepareManifestFlow(env: NodeJS.ProcessEnv): string | null {
  if (env.WEBHOOK_PROXY_URL) return null;
  const publicUrl = env.MIGRATION_GUARD_PUBLIC_URL;
  if (!publicUrl) {
    return 'APP_ID is not set. To register the App from app.yml, set MIGRATION_GUARD_PUBLIC_URL to the https URL where GitHub will reach this App (e.g. https://migration-guard.example.com) and start again; or register it by hand and set APP_ID, PRIVATE_KEY and WEBHOOK_SECRET (docs/app.md, "Register the App").';
  }
  let url: URL;
  try {
    url = new URL(publicUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
  } catch {
    return `MIGRATION_GUARD_PUBLIC_URL: "${publicUrl}" is not an http(s) URL`;
  }
  const path = env.WEBHOOK_PATH || '/api/github/webhooks';
  env.WEBHOOK_PROXY_URL = `${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`;
  // The proxy URL is the real endpoint here: no smee channel to create or to connect to.
  env.NO_SMEE_SETUP = 'true';
  return null;
}

/** Probot's `.env` convention: values from ./.env fill and override the environment. */
function loadDotEnv(): void {
  const file = path.join(process.cwd(), '.env');
  if (!existsSync(file)) return;
  Object.assign(process.env, parseEnv(readFileSync(file, 'utf8')));
}
