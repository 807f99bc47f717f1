// The Action under `pull_request` reads the config through the API from the base commit; the
// `tableStatsFile` it names is read the same way, as the App and the CLI read it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { describeRun, useScenarios } from './scenario.js';

const { scenario } = useScenarios();

const MIGRATION = {
  'db/migrations/0002_email_limit.up.sql': "SET lock_timeout = '5s';\nALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n",
  'db/migrations/0002_email_limit.down.sql': 'ALTER TABLE users ALTER COLUMN email TYPE text;\n',
};

describe('tableStatsFile under pull_request', () => {
  it('the base branch tableStatsFile drives the estimate; the pull request cannot shrink its tables', { timeout: 240_000 }, async () => {
    const s = await scenario({
      base: {
        '.migration-guard.yml': 'tableStatsFile: db/stats.json\n',
        'db/stats.json': JSON.stringify({ version: 2, tables: { 'public.users': { rows: 40_000_000, bytes: 12 * 1024 ** 3 } } }),
      },
      head: { ...MIGRATION, 'db/stats.json': JSON.stringify({ 'public.users': { rows: 10 } }) },
    });
    const run = await s.runPullRequest('opened');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    const op = report.migrations[0].operations.find((o: { kind: string }) => o.kind === 'ALTER_COLUMN_TYPE');
    expect(op.estimate?.lockMs, describeRun(run)).toBeGreaterThan(60_000);
    expect(s.stickyComments()[0]!.body).toContain('Estimated blocking time');
    expectCleanTraffic(s);
  });
});
