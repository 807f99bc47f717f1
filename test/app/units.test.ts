// The App's pure parts: its environment, the dry-run policy, and the check run's limits.
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { applyDryRunPolicy } from '../../src/app/config.js';
import { EnvError, readAppEnv } from '../../src/app/env.js';
import { resolveConfig } from '../../src/config/defaults.js';
import { MAX_SUMMARY_LENGTH, fitSummary, toCheckRunAnnotations } from '../../src/github/check-run.js';

const key = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const base = { APP_ID: '12', PRIVATE_KEY: key, WEBHOOK_SECRET: 's' };

describe('readAppEnv', () => {
  it('reads Probot’s variables and its own, with defaults', () => {
    const env = readAppEnv(base);
    expect(env).toMatchObject({
      appId: 12,
      port: 3000,
      webhookPath: '/api/github/webhooks',
      baseUrl: 'https://api.github.com',
      allowServerDryRun: false,
      dryRunConcurrency: 1,
      dryRunQueueLimit: 20,
      dryRunMemoryMb: 2048,
      approverPermission: 'write',
      approvers: [],
      allowAuthorApproval: false,
      statusContext: 'migration-guard',
    });
    expect(env.privateKey).toContain('BEGIN RSA PRIVATE KEY');
  });

  it('takes the API root from GHE_HOST, and GITHUB_API_URL over it', () => {
    expect(readAppEnv({ ...base, GHE_HOST: 'ghe.example.com' }).baseUrl).toBe('https://ghe.example.com/api/v3');
    expect(readAppEnv({ ...base, GHE_HOST: 'ghe.example.com', GHE_PROTOCOL: 'http' }).baseUrl).toBe('http://ghe.example.com/api/v3');
    expect(readAppEnv({ ...base, GHE_HOST: 'ghe.example.com', GITHUB_API_URL: 'http://127.0.0.1:9/' }).baseUrl).toBe('http://127.0.0.1:9');
  });

  it('reads the approval policy and the operator switches', () => {
    const env = readAppEnv({
      ...base,
      MIGRATION_GUARD_APPROVERS: '@acme/dbas, alice',
      MIGRATION_GUARD_APPROVER_PERMISSION: 'maintain',
      MIGRATION_GUARD_ALLOW_AUTHOR_APPROVAL: 'true',
      MIGRATION_GUARD_ALLOW_SERVER_DRYRUN: '1',
      MIGRATION_GUARD_DRYRUN_CONCURRENCY: '3',
      MIGRATION_GUARD_DRYRUN_QUEUE_LIMIT: '0',
      MIGRATION_GUARD_DRYRUN_MEMORY_MB: '1200',
      PORT: '0',
    });
    expect(env).toMatchObject({
      approvers: [{ kind: 'team', org: 'acme', slug: 'dbas' }, { kind: 'user', login: 'alice' }],
      approverPermission: 'maintain',
      allowAuthorApproval: true,
      allowServerDryRun: true,
      dryRunConcurrency: 3,
      dryRunQueueLimit: 0,
      dryRunMemoryMb: 1200,
      port: 0,
    });
  });

  it.each([
    [{ APP_ID: undefined }, 'APP_ID: is not set'],
    [{ APP_ID: 'abc' }, 'APP_ID: "abc" is not a GitHub App id'],
    [{ PRIVATE_KEY: undefined }, 'PRIVATE_KEY: neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set'],
    [{ PRIVATE_KEY: 'not a key' }, 'PRIVATE_KEY: [@probot/get-private-key]'],
    [{ PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: '/nonexistent/key.pem' }, 'PRIVATE_KEY_PATH: [@probot/get-private-key] Private key does not exists'],
    [{ WEBHOOK_SECRET: undefined }, 'WEBHOOK_SECRET: is not set'],
    [{ PORT: 'http' }, 'PORT: "http" is not a port number'],
    [{ GITHUB_API_URL: 'ftp://x' }, 'GITHUB_API_URL: "ftp://x" is not an http(s) URL'],
    [{ MIGRATION_GUARD_APPROVER_PERMISSION: 'owner' }, 'MIGRATION_GUARD_APPROVER_PERMISSION: "owner" is not one of'],
    [{ MIGRATION_GUARD_APPROVERS: 'a b' }, 'MIGRATION_GUARD_APPROVERS: "a b" is neither'],
    [{ MIGRATION_GUARD_ALLOW_SERVER_DRYRUN: 'yes please' }, 'MIGRATION_GUARD_ALLOW_SERVER_DRYRUN: "yes please" is not 1/true or 0/false'],
    [{ MIGRATION_GUARD_DRYRUN_CONCURRENCY: '0' }, 'MIGRATION_GUARD_DRYRUN_CONCURRENCY: "0" is not a positive whole number'],
    [{ MIGRATION_GUARD_DRYRUN_QUEUE_LIMIT: '-1' }, 'MIGRATION_GUARD_DRYRUN_QUEUE_LIMIT: "-1" is not a whole number (0 or more)'],
    [{ MIGRATION_GUARD_DRYRUN_QUEUE_LIMIT: 'lots' }, 'MIGRATION_GUARD_DRYRUN_QUEUE_LIMIT: "lots" is not a whole number (0 or more)'],
  ])('%o is refused with a message naming the variable', (change, message) => {
    const env: Record<string, string | undefined> = { ...base, ...change };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    expect(() => readAppEnv(env)).toThrow(EnvError);
    expect(() => readAppEnv(env)).toThrow(message);
  });
});

describe('applyDryRunPolicy', () => {
  const withEngine = (engine: 'pglite' | 'url' | 'local') =>
    resolveConfig({ dryRun: { enabled: true, engine, ...(engine === 'url' ? { databaseUrl: 'postgres://u:secret@db/x' } : {}) } });

  it('keeps PGlite, and anything when the dry-run is off', () => {
    expect(applyDryRunPolicy(withEngine('pglite'), false).notes).toEqual([]);
    expect(applyDryRunPolicy(resolveConfig({ dryRun: { enabled: false, engine: 'url' } }), false).notes).toEqual([]);
  });

  it('turns url and local engines into PGlite without the operator’s consent, and drops the URL', () => {
    for (const engine of ['url', 'local'] as const) {
      const { config, notes } = applyDryRunPolicy(withEngine(engine), false);
      expect(config.dryRun.engine).toBe('pglite');
      expect(config.dryRun.databaseUrl).toBeUndefined();
      expect(notes[0]).toContain(`\`${engine}\` dry-run engine`);
    }
  });

  it('keeps them with the operator’s consent', () => {
    const { config, notes } = applyDryRunPolicy(withEngine('url'), true);
    expect(config.dryRun).toMatchObject({ engine: 'url', databaseUrl: 'postgres://u:secret@db/x' });
    expect(notes).toEqual([]);
  });

  it('lowers a PGlite memory cap above the operator’s to it, and says so; a lower one stays', () => {
    const high = resolveConfig({ dryRun: { enabled: true, engine: 'pglite', memoryLimitMb: 8000 } });
    const { config, notes } = applyDryRunPolicy(high, false, 1200);
    expect(config.dryRun.memoryLimitMb).toBe(1200);
    expect(notes[0]).toContain('MIGRATION_GUARD_DRYRUN_MEMORY_MB');
    const low = resolveConfig({ dryRun: { enabled: true, engine: 'pglite', memoryLimitMb: 600 } });
    expect(applyDryRunPolicy(low, false, 1200)).toEqual({ config: low, notes: [] });
  });
});

describe('check run limits', () => {
  it('cuts a long summary to GitHub’s limit, never inside a surrogate pair', () => {
    expect(fitSummary('short')).toBe('short');
    for (const filler of ['x', '😀']) {
      const cut = fitSummary(filler.repeat(70_000));
      expect(cut.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
      expect(cut).toContain('cut to fit');
      // A lone surrogate would not survive a round trip through UTF-8.
      expect(Buffer.from(cut, 'utf8').toString('utf8')).toBe(cut);
    }
  });

  it('maps annotations to the Checks API: levels, lines, columns only on one line, long text cut', () => {
    const out = toCheckRunAnnotations([
      { level: 'error', path: 'a.sql', line: 3, column: 5, title: 'T', message: 'm' },
      { level: 'warning', path: 'b.sql', line: 1, column: 1, endLine: 4, title: 'x'.repeat(300), message: 'y'.repeat(70_000) },
      { level: 'notice', path: 'c.sql', line: 2, column: 0, title: 'N', message: 'n' },
    ]);
    expect(out[0]).toEqual({ path: 'a.sql', start_line: 3, end_line: 3, start_column: 5, end_column: 5, annotation_level: 'failure', title: 'T', message: 'm' });
    expect(out[1]).toMatchObject({ start_line: 1, end_line: 4, annotation_level: 'warning' });
    expect(out[1]).not.toHaveProperty('start_column');
    expect(out[1]!.title).toHaveLength(255);
    expect(out[1]!.message.length).toBeLessThanOrEqual(60_000);
    expect(out[2]).toMatchObject({ annotation_level: 'notice' });
    expect(out[2]).not.toHaveProperty('start_column');
  });
});
