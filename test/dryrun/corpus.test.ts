// Replays the real-world histories of the corpus on PGlite, in the order discovery gives, and
// records which replay and why the others do not (extensions PGlite lacks, roles and schemas
// a platform provides, psql commands).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverMigrations, fsRepoFiles } from '../../src/discover/index.js';
import { resolveConfig } from '../../src/config/defaults.js';
import { parseSource } from '../../src/parse/index.js';
import { runDryRun, type DryRunMigration } from '../../src/dryrun/index.js';
import { CORPUS } from '../support/corpus.js';
import { options, ready } from './helpers.js';

export interface ReplayRow { set: string; layout: string; files: number; applied: number; status: string; error?: string }

export async function replayCorpus(filter: (repo: string) => boolean = () => true): Promise<ReplayRow[]> {
  await ready();
  const rows: ReplayRow[] = [];
  const repos = readdirSync(CORPUS).filter((d) => d.includes('__') && filter(d)).sort();
  for (const repo of repos) {
    const found = await discoverMigrations(fsRepoFiles(join(CORPUS, repo)), resolveConfig({}));
    for (const set of found.sets) {
      const base: DryRunMigration[] = set.migrations.map((m) => ({ migration: m, up: parseSource(m.up), down: null }));
      const out = await runDryRun({ base, review: [] }, options('pglite', { totalTimeoutMs: 120_000, statementTimeoutMs: 30_000 }));
      const e = out.base.error;
      rows.push({
        set: `${repo}/${set.dir}`, layout: set.layout, files: base.length, applied: out.base.applied, status: out.base.status,
        ...(e ? { error: `${e.path}:${e.line}:${e.column} ${e.sqlstate} ${e.message}`.slice(0, 200) } : {}),
      });
    }
  }
  return rows;
}

// The full corpus takes ~8 minutes on PGlite (39 histories, 4,000 files); the suite replays
// the small histories and checks which replay. bench/dryrun.mjs times the largest one.
// A history only replays whole: on the vendored sample, only the small repositories it copies
// whole (file_count = full_file_count in its MANIFEST.json) are replayed.
const manifest = JSON.parse(readFileSync(join(CORPUS, 'MANIFEST.json'), 'utf8')) as Array<{ repo: string; file_count: number; full_file_count?: number }>;
const whole = new Set(
  manifest.filter((e) => e.full_file_count === undefined || (e.full_file_count === e.file_count && e.file_count <= 25)).map((e) => e.repo.replace('/', '__')),
);
const REPOS = ['authelia__authelia', 'pocket-id__pocket-id', 'conductor-oss__conductor', 'temporalio__temporal', 'umami-software__umami', 'usebasejump__basejump', 'chef__chef-server'].filter((r) => whole.has(r));
const EXPECT_OK = [
  'authelia__authelia/internal/storage/migrations/postgres',
  'pocket-id__pocket-id/backend/resources/migrations/postgres',
  'conductor-oss__conductor/postgres-persistence/src/main/resources/db/migration_postgres',
  'temporalio__temporal/schema/postgresql/v12/temporal/versioned',
  'temporalio__temporal/schema/postgresql/v12/visibility/versioned',
  'umami-software__umami/prisma/migrations',
  'chef__chef-server/src/oc_bifrost/schema',
];

describe('corpus histories on PGlite', () => {
  it('replays the plain-Postgres histories; platform roles and extensions fail as base-failed with a position', async () => {
    const rows = await replayCorpus((repo) => REPOS.includes(repo));
    console.table(rows.map((r) => ({ ...r, error: r.error?.slice(0, 120) })));
    const ok = rows.filter((r) => r.status === 'ok').map((r) => r.set);
    const expected = EXPECT_OK.filter((set) => REPOS.some((r) => set.startsWith(`${r}/`)));
    expect(expected.length).toBeGreaterThan(0);
    for (const set of expected) expect(ok).toContain(set);
    // basejump needs Supabase's roles (anon, authenticated): reported where it fails.
    const basejump = rows.find((r) => r.set.startsWith('usebasejump__basejump'))!;
    expect(basejump.status).toBe('failed');
    expect(basejump.error).toMatch(/role "anon" does not exist/);
    expect(basejump.error).toMatch(/^supabase\/migrations\/\d+_basejump-setup\.sql:\d+:\d+ 42704/);
  }, 240_000);
});
