// The manifest flow (docs/app.md, "From the manifest"), as far as it runs without GitHub: `npm
// start` without APP_ID serves Probot's setup page; the manifest it would send to GitHub must
// carry app.yml's permissions and events and a webhook URL where the App really listens (not the
// setup page's `/`), and must not depend on a smee client. Without a public URL the start stops
// with one line saying what to set.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appBundle, assertAppBuilt } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
beforeAll(() => {
  assertAppBuilt();
  appBundle();
});

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

/** `npm start` in a checkout (app.yml and package.json in the working directory), without APP_ID. */
function startSetup(env: Record<string, string>) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'mg-setup-'));
  copyFileSync(path.join(ROOT, 'app.yml'), path.join(cwd, 'app.yml'));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(cwd, 'package.json'));
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: cwd, LOG_FORMAT: 'json', ...env };
  const child = spawn(process.execPath, [appBundle()], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(cwd, { recursive: true, force: true });
  });
  return { child, exited, output: () => out };
}

describe('npm start without APP_ID', () => {
  it('serves the setup page with a manifest whose webhook URL is the App’s own endpoint', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const app = startSetup({ PORT: String(port), HOST: '127.0.0.1', MIGRATION_GUARD_PUBLIC_URL: 'https://mg.example.test/' });
    let html = '';
    for (let i = 0; i < 200 && !html; i++) {
      await new Promise((r) => setTimeout(r, 100));
      html = await fetch(`http://127.0.0.1:${port}/probot`).then((r) => (r.ok ? r.text() : ''), () => '');
    }
    expect(html, app.output()).toContain('Register GitHub App');
    const manifest = JSON.parse(/value='([^']*)'/.exec(html)![1]!);
    const yml = parse(readFileSync(path.join(ROOT, 'app.yml'), 'utf8'));
    expect(manifest.hook_attributes).toEqual({ url: 'https://mg.example.test/api/github/webhooks' });
    expect(manifest.redirect_url).toBe(`http://127.0.0.1:${port}/probot/setup`);
    expect(manifest.default_permissions).toEqual(yml.default_permissions);
    expect(manifest.default_events).toEqual(yml.default_events);
    expect(manifest.public).toBe(false);
    // No smee channel was made or followed.
    expect(app.output()).not.toMatch(/smee/i);
  });

  it('without a public URL: one line on what to set, exit 2', { timeout: 60_000 }, async () => {
    const app = startSetup({ PORT: String(await freePort()), HOST: '127.0.0.1' });
    expect(await app.exited).toBe(2);
    expect(app.output().trim()).toMatch(/^migration-guard app: APP_ID is not set\. To register the App from app\.yml, set MIGRATION_GUARD_PUBLIC_URL .*docs\/app\.md/);
    expect(app.output().trim().split('\n')).toHaveLength(1);
  });
});

describe('app.yml', () => {
  it('subscribes to every event the App handles and asks for no issues permission', () => {
    const yml = parse(readFileSync(path.join(ROOT, 'app.yml'), 'utf8'));
    const source = readFileSync(path.join(ROOT, 'src/app/app.ts'), 'utf8');
    const handled = new Set<string>();
    for (const call of source.matchAll(/app\.on\(([\s\S]*?)handle\(/g)) {
      for (const m of call[1]!.matchAll(/['`]([a-z_]+)(?:\.[^'`]*)?['`]/g)) handled.add(m[1]!);
    }
    for (const m of source.matchAll(/PULL_REQUEST_ACTIONS\.map\(\(a\) => `([a-z_]+)\./g)) handled.add(m[1]!);
    // Sent to every App without subscribing.
    handled.delete('installation');
    handled.delete('installation_repositories');
    expect([...handled].sort()).toEqual([...yml.default_events].sort());
    expect(yml.default_permissions.issues).toBeUndefined();
    expect(yml.default_permissions).toMatchObject({ pull_requests: 'write', checks: 'write', statuses: 'write', contents: 'read', merge_queues: 'read' });
  });
});
