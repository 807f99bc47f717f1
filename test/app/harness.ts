// Runs the bundled App (`node dist/app.js`) as a real server process, the way `npm start` does,
// with Probot's environment: a fresh RSA key, a webhook secret, a free port and the API root
// pointing at the fake GitHub. Webhooks are POSTed signed with the secret; the App ends every
// delivery with one JSON log line naming the delivery id, which is how a test knows it is done.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const APP_BUNDLE = process.env.MIGRATION_GUARD_APP_BUNDLE ?? path.join(ROOT, 'dist/app.js');
export const HANDLED = 'migration-guard: delivery handled';
export const FAILED = 'migration-guard: delivery failed';

let privateBundle: string | null = null;

/**
 * The bundle to run: a private copy of dist/ (the bundle and its external packages), so a
 * rebuild of dist/ in the same checkout while the tests run does not pull it away.
 */
export function appBundle(): string {
  if (!privateBundle) {
    // Inside the checkout, so packages dist/node_modules leaves out (libpg-query's @pgsql/types)
    // resolve from the project's node_modules, as they do for dist/ itself. In the run's own
    // folder there when there is one (test/support/global-setup.ts removes it at the end): vitest
    // ends its workers without an 'exit' event, so a copy a worker removes itself stays behind.
    const run = process.env.MG_TEST_RUN_DIR;
    const cache = run ?? path.join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(path.join(cache, 'mg-app-dist-'));
    if (!run) process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const from = path.dirname(APP_BUNDLE);
    cpSync(path.join(from, 'node_modules'), path.join(dir, 'node_modules'), { recursive: true });
    cpSync(path.join(from, 'package.json'), path.join(dir, 'package.json'));
    cpSync(APP_BUNDLE, path.join(dir, 'app.js'));
    // app.js is an entry over shared chunks (scripts/build.mjs); they sit beside it.
    if (existsSync(path.join(from, 'chunks'))) cpSync(path.join(from, 'chunks'), path.join(dir, 'chunks'), { recursive: true });
    privateBundle = path.join(dir, 'app.js');
  }
  return privateBundle;
}

export function assertAppBuilt(): void {
  if (!existsSync(APP_BUNDLE)) throw new Error(`${APP_BUNDLE} does not exist: build it first with \`npm run build\` (the App tests run the bundle).`);
  const bundle = statSync(APP_BUNDLE).mtimeMs;
  for (const f of ['src/app/main.ts', 'src/app/server.ts', 'src/app/app.ts', 'src/app/review-pull.ts', 'src/app/approve.ts', 'src/github/check-run.ts']) {
    if (!process.env.MIGRATION_GUARD_APP_BUNDLE && statSync(path.join(ROOT, f)).mtimeMs > bundle) {
      throw new Error(`${APP_BUNDLE} is older than ${f}: rebuild it with \`npm run build\`.`);
    }
  }
}

export interface LogLine {
  msg?: string;
  delivery?: string;
  event?: string;
  outcome?: unknown;
  error?: string;
  level?: number;
  [key: string]: unknown;
}

export interface Delivery {
  id: string;
  status: number;
  /** The App's closing log line for this delivery (absent when the webhook was refused). */
  log?: LogLine;
}

export const WEBHOOK_SECRET = 'it-is-a-secret-to-everybody';
let cachedKey: string | null = null;

/**
 * A new RSA key for the App (PKCS#1 PEM, as GitHub hands them out); one per test process.
 * 1024 bits rather than GitHub's 2048: the App reads and signs with it the same way (RS256 JWTs),
 * and making one costs a few ms instead of a tenth of a second.
 */
export function appPrivateKey(): string {
  cachedKey ??= generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return cachedKey;
}

export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * One POST on its own connection, as GitHub's deliveries come. Not fetch: its pool reuses an idle
 * keep-alive connection, and after a 202 ("still processing") the server may close that
 * connection just as the next delivery is written to it ("other side closed").
 */
function postOnce(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** What a test does with an App: the whole process, or its share of a process (AppProcess.view). */
export interface AppClient {
  readonly url: string;
  readonly log: readonly LogLine[];
  readonly stdout: string;
  readonly stderr: string;
  waitFor(test: (l: LogLine) => boolean, from?: number): Promise<LogLine>;
  deliver(event: string, payload: object, o?: { id?: string; secret?: string; signature?: string; waitForLog?: boolean }): Promise<Delivery>;
  ping(): Promise<string>;
  /** Stops the process (SIGTERM): for tests about stopping; a shared process is then replaced. */
  stop(): Promise<void>;
}

export class AppProcess implements AppClient {
  private readonly lines: LogLine[] = [];
  /** Deliveries posted whose closing log line has not come yet. */
  private pending = 0;
  private readonly waiters: Array<{ test: (l: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];
  stdout = '';
  stderr = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    /** The App's working directory, removed when the process is gone. */
    private readonly cwd: string,
  ) {
    child.once('exit', () => rmSync(cwd, { recursive: true, force: true }));
  }

  /** Starts the App and waits until it listens. */
  static async start(apiUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
    // freePort() lets go of the port before the App binds it, so another process can take it in
    // between (seen with the whole suite running): start again on another port.
    for (let attempt = 1; ; attempt++) {
      try {
        return await AppProcess.startOnce(apiUrl, env);
      } catch (e) {
        if (attempt >= 5 || !/EADDRINUSE/.test((e as Error).message)) throw e;
      }
    }
  }

  private static async startOnce(apiUrl: string, env: Record<string, string>): Promise<AppProcess> {
    const port = await freePort();
    const cwd = mkdtempSync(path.join(tmpdir(), 'mg-app-'));
    const childEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (v !== undefined && !/^(GITHUB_|GHE_|APP_ID|PRIVATE_KEY|WEBHOOK_|MIGRATION_GUARD_|LOG_|PORT$|HOST$)/.test(k)) childEnv[k] = v;
    }
    Object.assign(childEnv, {
      APP_ID: '4242',
      PRIVATE_KEY: appPrivateKey(),
      WEBHOOK_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      GITHUB_API_URL: apiUrl,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      // GitHub's backoff unit is a second; tests keep it short.
      MIGRATION_GUARD_RETRY_BASE_MS: '20',
      // GitHub asks for a second between writes (three before a comment); the fake asks for none.
      MIGRATION_GUARD_WRITE_INTERVAL_MS: '0',
      // The run's shared dry-run cache (test/support/global-setup.ts).
      ...(process.env.MIGRATION_GUARD_CACHE_DIR ? { MIGRATION_GUARD_CACHE_DIR: process.env.MIGRATION_GUARD_CACHE_DIR } : {}),
      ...env,
    });
    const child = spawn(process.execPath, [appBundle()], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const app = new AppProcess(child, `http://127.0.0.1:${port}`, cwd);
    let pending = '';
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      app.stdout += text;
      pending += text;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) app.onLine(line);
    });
    child.stderr!.on('data', (d: Buffer) => (app.stderr += d.toString('utf8')));
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the App exited with ${code} before listening\n${app.stdout}\n${app.stderr}`))),
    );
    exited.catch(() => {});
    try {
      await Promise.race([app.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('Listening on')), exited]);
    } catch (e) {
      await app.stop();
      throw e;
    }
    return app;
  }

  private onLine(line: string): void {
    let parsed: LogLine;
    try {
      parsed = JSON.parse(line) as LogLine;
    } catch {
      return;
    }
    this.lines.push(parsed);
    for (const w of [...this.waiters]) {
      if (w.test(parsed)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(parsed);
      }
    }
  }

  /** The first log line from `from` on (an index into `log`) that passes `test`. */
  waitFor(test: (l: LogLine) => boolean, from = 0): Promise<LogLine> {
    const seen = this.lines.slice(from).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  get log(): readonly LogLine[] {
    return this.lines;
  }

  /**
   * POSTs a webhook the way GitHub does and waits for the App to finish it. `waitForLog: false`
   * for deliveries the App must refuse outright (a bad signature).
   */
  async deliver(
    event: string,
    payload: object,
    o: { id?: string; secret?: string; signature?: string; waitForLog?: boolean } = {},
  ): Promise<Delivery> {
    const id = o.id ?? randomUUID();
    const body = JSON.stringify(payload);
    // From this point on: a replay reuses an id whose earlier delivery already logged its end.
    const finished = o.waitForLog === false ? null : this.waitFor((l) => l.delivery === id && (l.msg === HANDLED || l.msg === FAILED), this.lines.length);
    if (finished) {
      this.pending += 1;
      void finished.then(() => (this.pending -= 1));
    }
    const status = await postOnce(`${this.url}/api/github/webhooks`, body, {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/test',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-github-hook-id': '1',
      'x-hub-signature-256': o.signature ?? sign(body, o.secret),
    });
    return { id, status, ...(finished ? { log: await finished } : {}) };
  }

  async ping(): Promise<string> {
    const res = await fetch(`${this.url}/ping`);
    return res.text();
  }

  /** Whether no delivery is under way and the process still runs: another test may use it. */
  get idle(): boolean {
    return this.pending === 0 && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * This process as one test sees it: its log and output from now on only. A server serves many
   * deliveries in its life; a test sharing it must not read an earlier test's lines.
   */
  view(): AppClient {
    const lines = this.lines.length;
    const out = this.stdout.length;
    const err = this.stderr.length;
    const app = this;
    return {
      url: app.url,
      get log() {
        return app.lines.slice(lines);
      },
      get stdout() {
        return app.stdout.slice(out);
      },
      get stderr() {
        return app.stderr.slice(err);
      },
      waitFor: (test, from = 0) => app.waitFor(test, lines + from),
      deliver: (event, payload, o) => app.deliver(event, payload, o),
      ping: () => app.ping(),
      stop: () => app.stop(),
    };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      await done;
    }
    rmSync(this.cwd, { recursive: true, force: true });
  }
}
