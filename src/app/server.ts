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
import { requestTimeoutFromEnv, timedFetch } from '../github/octokit.js';
import { migrationGuardApp } from './app.js';
import { EnvError, readAppEnv, type AppEnv } from './env.js';

/** Starts the App from the environment; resolves once it listens (exits the process on a bad environment). */
export async function startApp(): Promise<void> {
  loadDotEnv();
  if (!process.env.APP_ID && process.env.NODE_ENV !== 'production') {
    console.error('migration-guard app: APP_ID is not set; starting Probot’s setup page to register the App from app.yml (see docs/app.md).');
    await run(() => {});
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
  const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const installationId = (options.auth as { installationId?: number } | undefined)?.installationId;
    return {
      ...options,
      baseUrl: env.baseUrl,
      request: { ...(options.request as object | undefined), fetch: timedFetch(requestTimeoutFromEnv()) },
      retry: { ...(options.retry as object | undefined), retryAfterBaseValue: env.retryBaseMs },
      throttle: { ...(options.throttle as object | undefined), id: installationId ? `migration-guard-installation-${installationId}` : 'migration-guard-app' },
    };
  });
  const server = await run(migrationGuardApp(env), { Octokit });
  const stop = async (signal: string) => {
    console.error(`migration-guard app: ${signal}, stopping`);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** Probot's `.env` convention: values from ./.env fill and override the environment. */
function loadDotEnv(): void {
  const file = path.join(process.cwd(), '.env');
  if (!existsSync(file)) return;
  Object.assign(process.env, parseEnv(readFileSync(file, 'utf8')));
}
