// Runs the Dockerfile's steps without Docker, for machines that have none (and for the test
// test/app/docker-steps.test.ts): the same ENV, WORKDIR, COPY and CMD, read from the Dockerfile
// itself, in a temporary directory standing in for the image's filesystem; then the
// HEALTHCHECK's command, then `docker stop` (SIGTERM). What it cannot do: pull the base image
// (the Node running this script stands in for it) and switch USER (it says which user the image
// would use and runs as the current one).
//
//   node scripts/docker-steps.mjs [--keep]      (the App's variables from the environment, as `docker run -e`)
//
// Prints one line per step; exit 0 when the health check passed and the App stopped cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
export function parseDockerfile(text) {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const out = [];
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (m) out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
  }
  return out;
}

/** `["a", "b"]` (exec form) or a shell string. */
function commandOf(args) {
  if (args.startsWith('[')) return JSON.parse(args);
  return ['/bin/sh', '-c', args];
}

function envPairs(args) {
  const env = {};
  for (const m of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) env[m[1]] = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  return env;
}

function log(line) {
  console.log(`docker-steps: ${line}`);
}

async function main() {
  const steps = parseDockerfile(readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
  const image = mkdtempSync(path.join(tmpdir(), 'mg-image-'));
  const cleanup = () => {
    if (!keep) rmSync(image, { recursive: true, force: true });
  };
  let workdir = image;
  const env = {};
  let cmd = null;
  let health = null;
  let user = 'root';
  let stopSignal = 'SIGTERM';
  for (const { op, args } of steps) {
    switch (op) {
      case 'FROM':
        log(`FROM ${args}: using this machine's Node ${process.version} instead`);
        break;
      case 'ENV':
        Object.assign(env, envPairs(args));
        log(`ENV ${Object.keys(envPairs(args)).join(' ')}`);
        break;
      case 'WORKDIR':
        workdir = path.join(image, args);
        mkdirSync(workdir, { recursive: true });
        log(`WORKDIR ${args}`);
        break;
      case 'COPY': {
        const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'));
        const dest = parts.pop();
        for (const src of parts) {
          const to = dest.startsWith('/') ? path.join(image, dest) : path.join(workdir, dest);
          cpSync(path.join(root, src), src.endsWith('/') ? to : path.join(to, path.basename(src)), { recursive: true });
        }
        log(`COPY ${parts.join(' ')} -> ${dest}`);
        break;
      }
      case 'USER':
        user = args;
        log(`USER ${args}: would run as ${args}; running as the current user`);
        break;
      case 'HEALTHCHECK':
        health = commandOf(args.replace(/^(--\S+\s+)*CMD\s+/, ''));
        break;
      case 'STOPSIGNAL':
        stopSignal = args;
        break;
      case 'CMD':
        cmd = commandOf(args);
        break;
      case 'EXPOSE':
        log(`EXPOSE ${args}`);
        break;
      default:
        throw new Error(`Dockerfile: ${op} is not something this script knows how to run; teach it`);
    }
  }
  if (!cmd) throw new Error('Dockerfile: no CMD');
  if (!health) throw new Error('Dockerfile: no HEALTHCHECK');
  if (user === 'root') throw new Error('Dockerfile: the image would run as root; add USER');

  // `docker run -e ...`: the App's variables come from this environment, the image's ENV under them.
  const runEnv = { PATH: process.env.PATH, ...env };
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(APP_ID|PRIVATE_KEY|PRIVATE_KEY_PATH|WEBHOOK_SECRET|WEBHOOK_PATH|PORT|HOST|GITHUB_API_URL|GHE_HOST|GHE_PROTOCOL|LOG_LEVEL|LOG_FORMAT|NODE_ENV|MIGRATION_GUARD_\w+)$/.test(k) && v !== undefined) runEnv[k] = v;
  }
  const [exe, ...argv] = cmd;
  log(`CMD ${cmd.join(' ')}`);
  const child = spawn(exe === 'node' ? process.execPath : exe, argv, { cwd: workdir, env: runEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  let healthy = false;
  for (let i = 0; i < 60 && !healthy; i++) {
    await new Promise((r) => setTimeout(r, 500));
    if (child.exitCode !== null) break;
    const [hexe, ...hargs] = health;
    healthy = spawnSync(hexe === 'node' ? process.execPath : hexe, hargs, { cwd: workdir, env: runEnv, timeout: 5000 }).status === 0;
  }
  log(healthy ? 'HEALTHCHECK passed' : 'HEALTHCHECK never passed');

  child.kill(stopSignal);
  const { code, signal } = await exited;
  log(`stopped with ${stopSignal}: exit ${code ?? signal}`);
  cleanup();
  process.exit(healthy && code === 0 ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`docker-steps: ${e.message}`);
    process.exit(1);
  });
}
