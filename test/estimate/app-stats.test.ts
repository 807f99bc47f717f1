// The App reads table sizes from `tableStatsFile` named in the repository's config, both from
// the base branch: a pull request that ships its own smaller stats file changes nothing.
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { useAppScenarios, describeApp } from '../app/scenario.js';

const { scenario } = useAppScenarios();
const MIGRATION = {
  'db/migrations/0002_email_limit.up.sql': "SET lock_timeout = '5s';\nALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n",
  'db/migrations/0002_email_limit.down.sql': 'ALTER TABLE users ALTER COLUMN email TYPE text;\n',
};

describe('App table stats', () => {
  it('tableStatsFile from the base branch drives the estimate; the pull request cannot shrink its tables', async () => {
    const s = await scenario({
      base: {
        '.github/migration-guard.yml': 'tableStatsFile: db/stats.json\n',
        'db/stats.json': JSON.stringify({ version: 2, tables: { 'public.users': { rows: 40_000_000, bytes: 12 * 1024 ** 3 } } }),
      },
      head: { ...MIGRATION, 'db/stats.json': JSON.stringify({ 'public.users': { rows: 10 } }) },
    });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    const summary = s.checkRun()!.output.summary!;
    expect(summary).toContain('Estimated blocking time');
    expect(summary).toMatch(/table rewrite and 1 index rebuild of public\.users \(40M rows, 12 GB/);
    expectCleanTraffic(s);
  });

  it('a tableStatsFile missing on the base branch fails the check naming the file', async () => {
    const s = await scenario({ base: { '.github/migration-guard.yml': 'tableStatsFile: db/missing.json\n' }, head: MIGRATION });
    const d = await s.pullRequest('opened');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'config-error' });
    expect(s.checkRun()!.output.summary).toContain('db/missing.json:1:1: tableStatsFile: no such file on the base branch');
    expectCleanTraffic(s);
  });
});
