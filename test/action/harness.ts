// Runs the bundled Action (`node dist/index.js`) as its own process, the way the runner does:
// inputs as INPUT_<NAME> variables (upper case, spaces to underscores, hyphens kept), the event
// payload in GITHUB_EVENT_PATH, outputs and summary written to files, the API at GITHUB_API_URL.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeGitHub } from '../support/fake-github/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundle under test; MIGRATION_GUARD_ACTION_BUNDLE points elsewhere while developing. */
export const ACTION_BUNDLE = process.env.MIGRATION_GUARD_ACTION_BUNDLE ?? path.join(ROOT, 'dist/index.js');

export function assertBundleBuilt(): void {
  if (!existsSync(ACTION_BUNDLE)) {
    throw new Error(`${ACTION_BUNDLE} does not exist: build it first with \`npm run build\` (the e2e tests run the bundled Action).`);
  }
}

export interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
}

export interface RunOptions {
  gh: FakeGitHub;
  event: 'pull_request' | 'pull_request_target' | 'issue_comment' | string;
  payload: object;
  /** The checkout of the pull request (GITHUB_WORKSPACE). */
  workspace: string;
  repository: string;
  /** GITHUB_SHA: the merge commit for pull_request, the default branch for issue_comment. */
  sha: string;
  /** Input names as in action.yml (`github-token`); defaults fill the rest like the runner would. */
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Kill the process after this long (a run that would hang); it then reports code -1. */
  killAfterMs?: number;
}

/** action.yml's defaults, as the runner hands them over when the workflow gives no value. */
function defaultInputs(): Record<string, string> {
  return {
    migrations: '',
    config: '',
    'working-directory': '.',
    'pg-version': '',
    'fail-on': '',
    'dry-run': '',
    'dry-run-engine': '',
    'database-url': '',
    'table-stats': '',
    'stats-database-url': '',
    'github-token': 'ghs_fake_actions_token',
    comment: 'true',
    'approval-risk': '',
    'approver-permission': 'write',
    approvers: '',
    'allow-author-approval': 'false',
    'status-context': 'migration-guard',
    'report-file': '',
    'sarif-file': '',
  };
}

// The runner's temp dir holds the reports the test reads after the run: removed when the test
// ends (per test, not per file: test files share this module when vitest does not isolate them).
export async function runAction(o: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(path.join(tmpdir(), 'mg-runner-'));
  onTestFinished(() => rmSync(temp, { recursive: true, force: true }));
  return runActionIn(temp, o);
}

async function runActionIn(temp: string, o: RunOptions): Promise<ActionRun> {
  const eventPath = path.join(temp, 'event.json');
  const outputPath = path.join(temp, 'output');
  const summaryPath = path.join(temp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');

  // Nothing from the test process's own environment that the runner would not set.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) continue;
    env[k] = v;
  }
  for (const [name, value] of Object.entries({ ...defaultInputs(), ...o.inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repository,
    GITHUB_REPOSITORY_OWNER: o.repository.split('/')[0]!,
    GITHUB_SHA: o.sha,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: o.gh.url,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_GRAPHQL_URL: `${o.gh.url}/graphql`,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'dev',
    RUNNER_TEMP: temp,
    // Backoff unit for retries: GitHub's real one is a second; tests keep it short.
    MIGRATION_GUARD_RETRY_BASE_MS: '20',
    // GitHub asks for a second between writes (three before a comment); the fake asks for none.
    MIGRATION_GUARD_WRITE_INTERVAL_MS: '0',
    ...o.env,
  });

  const child = spawn(process.execPath, [ACTION_BUNDLE], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const killer = o.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), o.killAfterMs) : null;
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(signal === 'SIGKILL' ? -1 : (c ?? 1)));
  }).finally(() => killer && clearTimeout(killer));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    annotations: parseAnnotations(stdout),
  };
}

/** GITHUB_OUTPUT's format: `name<<delimiter\nvalue\ndelimiter` (or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** `::error file=a.sql,line=3,col=1,title=T::message` workflow commands in the output. */
export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const part of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = part.indexOf('=');
      properties[part.slice(0, eq)] = unescape(part.slice(eq + 1));
    }
    out.push({ level: m[1]!, properties, message: unescape(m[3]!) });
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}
