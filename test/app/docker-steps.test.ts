// The Dockerfile, exercised without Docker (none on this machine): scripts/docker-steps.mjs
// runs its own ENV, WORKDIR, COPY and CMD in a temporary directory outside the checkout (so
// dist/ must run on its own, as in the image), then the HEALTHCHECK command against /ping,
// then SIGTERM as `docker stop` sends it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPrivateKey, assertAppBuilt, WEBHOOK_SECRET } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

beforeAll(() => assertAppBuilt());

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

describe('Dockerfile', () => {
  it('is small, non-root, health-checked on /ping and stopped by SIGTERM', () => {
    const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(text).toMatch(/^FROM node:\d+-alpine$/m);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^HEALTHCHECK .*\n?.*\/ping/m);
    expect(text).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(text).not.toMatch(/^RUN /m);
    expect(readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')).toMatch(/^\*\n!dist\/$/m);
  });

  it("its steps run: the health check passes and SIGTERM stops the App with exit 0", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
    Object.assign(env, {
      APP_ID: '4242',
      PRIVATE_KEY: appPrivateKey(),
      WEBHOOK_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      GITHUB_API_URL: 'http://127.0.0.1:9',
    });
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/docker-steps.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(out).toContain('docker-steps: COPY dist/ -> ./dist/');
    expect(out).toContain('docker-steps: USER node');
    expect(out).toContain('docker-steps: HEALTHCHECK passed');
    expect(out).toContain('SIGTERM, stopping');
    expect(out).toContain('docker-steps: stopped with SIGTERM: exit 0');
    expect(code, out).toBe(0);
  });
});
