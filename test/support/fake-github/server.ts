// A local HTTP server that plays GitHub's REST API for end-to-end tests. Every request is
// checked against GitHub's OpenAPI description first: an unknown operation or a request that
// does not fit it is answered 404/400/422 and recorded in `violations` (tests assert none).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubOpenApi, type OpenApiIndex } from './openapi.js';
import { handlers, HttpError, type HandlerContext, type HandlerResult } from './handlers.js';
import { createState, userFor, type FakeGitHubInit, type FakeState, type FakeUser, type Violation } from './state.js';

export interface FakeGitHub {
  /** Base URL to give as GITHUB_API_URL / octokit's baseUrl, `http://127.0.0.1:<port>`. */
  url: string;
  state: FakeState;
  /** Requests that do not fit GitHub's description; the same array as `state.violations`. */
  violations: Violation[];
  /**
   * Replaces the whole state with a new one made from `init`, on the same URL: a long-lived
   * client (one App process serving many tests of a file) meets a fresh GitHub per test.
   */
  reset(init?: FakeGitHubInit): void;
  close(): Promise<void>;
}

/** Operations that authenticate as the App itself (a JWT), not with a token. */
const APP_JWT_OPERATIONS = new Set([
  'apps/get-authenticated',
  'apps/create-installation-access-token',
  'apps/get-repo-installation',
  'apps/get-installation',
  'apps/list-installations',
]);

export async function startFakeGitHub(init: FakeGitHubInit = {}): Promise<FakeGitHub> {
  const api = githubOpenApi();
  let state = createState(init);
  const server = createServer((req, res) => {
    handle(api, state, req, res, baseUrl).catch((e: unknown) => {
      send(res, 500, { message: `fake GitHub crashed: ${e instanceof Error ? e.stack : String(e)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    get state() {
      return state;
    },
    get violations() {
      return state.violations;
    },
    reset: (next = {}) => {
      state = createState(next);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

async function handle(api: OpenApiIndex, state: FakeState, req: IncomingMessage, res: ServerResponse, baseUrl: string): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', baseUrl);
  const raw = await readBody(req);
  const contentType = req.headers['content-type'];
  let body: unknown = undefined;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return reject(state, res, { method, path: url.pathname, query: url.search, operationId: null, problem: 'request body is not valid JSON' }, 400);
    }
  }

  const check = api.validateRequest({ method, path: url.pathname, query: url.searchParams, contentType, body, hasBody: raw.length > 0 });
  const operationId = check.match?.operation.operationId ?? null;
  const record = (status: number) =>
    state.requests.push({ method, path: url.pathname, query: url.search, operationId, status, body, auth: authOf(req) });

  if (!check.ok) {
    record(check.status);
    return reject(state, res, { method, path: url.pathname, query: url.search, operationId, problem: check.problem }, check.status);
  }
  const { operation, params } = check.match;

  // Authentication, the way GitHub tells a token from an App's JWT.
  const auth = authOf(req);
  const token = auth?.replace(/^(token|bearer)\s+/i, '') ?? '';
  const isJwt = /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
  if (!token) {
    record(401);
    return send(res, 401, errorBody(401, 'Requires authentication'));
  }
  if (APP_JWT_OPERATIONS.has(operation.operationId) !== isJwt) {
    record(401);
    return send(res, 401, errorBody(401, isJwt ? 'A JSON web token could not be used for this request' : 'A JSON web token is required for this endpoint'));
  }
  const actor: FakeUser = isJwt ? userFor(state, `${state.app.slug}[bot]`, 'Bot') : (state.tokens.get(token) ?? state.defaultActor);

  for (const hook of state.requestHooks) hook({ method, path: url.pathname, operationId: operation.operationId, params });

  // Injected failures (5xx, rate limits) after the request was found valid.
  const failure = state.failures.find(
    (f) =>
      f.times > 0 &&
      (!f.method || f.method.toUpperCase() === method) &&
      (!f.path || (typeof f.path === 'string' ? url.pathname.includes(f.path) : f.path.test(url.pathname))),
  );
  if (failure && failure.afterHandling) {
    failure.times -= 1;
    const handler = handlers[operation.operationId];
    try {
      handler?.({ state, api, operationId: operation.operationId, params, query: url.searchParams, body: (body ?? {}) as Record<string, unknown>, actor, baseUrl, path: url.pathname, installationId: state.installationTokens.get(token) ?? null });
    } catch {
      // the failure below is the answer either way
    }
    record(failure.status);
    return send(res, failure.status, errorBody(failure.status, failure.message ?? 'Bad Gateway'), failure.headers);
  }
  if (failure) {
    failure.times -= 1;
    record(failure.status);
    if (failure.hang) return; // the connection stays open until the client gives up or the fake closes
    return send(res, failure.status, errorBody(failure.status, failure.message ?? (failure.status >= 500 ? 'Server Error' : 'API rate limit exceeded')), failure.headers);
  }

  const handler = handlers[operation.operationId];
  if (!handler) {
    state.unimplemented.push({ method, path: url.pathname, query: url.search, operationId: operation.operationId, problem: 'operation not implemented by the fake' });
    record(501);
    return send(res, 501, errorBody(501, `fake GitHub does not implement ${operation.operationId}`));
  }

  const ctx: HandlerContext = {
    state,
    api,
    operationId: operation.operationId,
    params,
    query: url.searchParams,
    body: (body ?? {}) as Record<string, unknown>,
    actor,
    baseUrl,
    path: url.pathname,
    installationId: state.installationTokens.get(token) ?? null,
  };
  let result: HandlerResult;
  try {
    result = handler(ctx);
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    record(e.status);
    return send(res, e.status, errorBody(e.status, e.message));
  }
  if (result.status < 300 && result.body !== undefined) {
    const problem = api.validateResponse(operation, result.status, result.body);
    if (problem) state.responseViolations.push({ method, path: url.pathname, query: url.search, operationId, problem });
  }
  record(result.status);
  send(res, result.status, result.body, { 'x-ratelimit-remaining': String(state.rateLimitRemaining), ...result.headers });
}

function reject(state: FakeState, res: ServerResponse, v: FakeGitHub['violations'][number], status: number): void {
  state.violations.push(v);
  send(res, status, errorBody(status, status === 404 ? 'Not Found' : `Invalid request: ${v.problem}`));
}

function errorBody(status: number, message: string): Record<string, string> {
  return { message, documentation_url: 'https://docs.github.com/rest', status: String(status) };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-request-id': `FAKE:${Math.random().toString(16).slice(2, 10)}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...headers,
  });
  res.end(payload);
}

function authOf(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.length > 0 ? h : null;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
