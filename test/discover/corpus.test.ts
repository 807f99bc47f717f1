// Discovery over the real-world corpus (test/support/corpus.ts: the vendored sample, or MG_CORPUS): for every repository in
// MANIFEST.json, the layout detected in each migrations folder, that every SQL file is found,
// the order (checked with rules written independently of the layout modules), and pairing.
//
// Manifest layout names map to ours one to one, except `versioned-rollback` -> `versioned-rollbacks`.
// Folders the manifest lists under a repository's layout whose files that runner would not
// pick up by name are plain here (DSpace keeps helper scripts for Java migrations there):
//   DSpace .../rdbms/flywayupgrade/postgres (upgradeToFlyway4x.sql)
//   DSpace .../rdbms/xmlworkflow/postgres   (lower-case v6.0__*.sql and unversioned files)
// and DSpace .../sqlmigration/postgres/update-sequences.sql is a plain set beside the Flyway one.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayoutName, Migration } from '../../src/core/types.js';
import { discoverMigrations, type DiscoveryResult, type MigrationSet } from '../../src/discover/discover.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { CORPUS } from '../support/corpus.js';
import { config } from './helpers.js';

interface ManifestEntry {
  repo: string;
  layout: string;
  migrations_dir: string;
  migrations_dirs?: string[];
  file_count: number;
  has_down_files: boolean;
  rollback: string;
}

const manifest: ManifestEntry[] = existsSync(`${CORPUS}/MANIFEST.json`) ? JSON.parse(readFileSync(`${CORPUS}/MANIFEST.json`, 'utf8')) : [];

const LAYOUT_MAP: Record<string, LayoutName> = { 'versioned-rollback': 'versioned-rollbacks' };
const PLAIN_BY_NAME = new Set([
  'dspace-api/src/main/resources/org/dspace/storage/rdbms/flywayupgrade/postgres',
  'dspace-api/src/main/resources/org/dspace/storage/rdbms/xmlworkflow/postgres',
]);
/**
 * Folders the manifest lists that hold scripts initialising a new database beside the migrations
 * (supabase/postgres runs init-scripts/ once, from docker-entrypoint-initdb.d): left alone with a
 * note, as a whole-schema file is (docs/scope.md).
 */
const INIT_SCRIPTS = new Set(['migrations/db/init-scripts']);
/** Rollback files in the corpus whose migration really is absent (checked by hand). */
const GENUINE_ORPHANS = new Set(['src/oc_erchef/schema/baseline/revert/delete_migrated_couch_data.sql']);
/** Errors that describe the corpus correctly. */
const EXPECTED_ERRORS = new Set(['src/oc_erchef/schema/deploy/purge_sequel.sql: deploy/purge_sequel.sql is not in sqitch.plan, so sqitch never deploys it']);

const results = new Map<string, Promise<DiscoveryResult>>();
function discovered(dir: string): Promise<DiscoveryResult> {
  let r = results.get(dir);
  if (!r) {
    r = discoverMigrations(fsRepoFiles(path.join(CORPUS, dir)), config());
    results.set(dir, r);
  }
  return r;
}

const repoDir = (e: ManifestEntry) => e.repo.replace('/', '__');
const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const lead = (s: string) => BigInt(/^\D*(\d+)/.exec(s)?.[1] ?? '0');

/** An independent statement of each layout's order: true when `a` may come before `b`. */
function inOrder(layout: LayoutName, set: MigrationSet, a: Migration, b: Migration): boolean {
  const rel = (m: Migration) => m.up.path.slice(set.dir.length + 1);
  switch (layout) {
    case 'golang-migrate':
    case 'pop':
    case 'goose':
    case 'dbmate':
    case 'supabase':
    case 'drizzle':
      return lead(base(a.up.path)) <= lead(base(b.up.path));
    case 'prisma':
    case 'liquibase-sql':
      return rel(a) < rel(b);
    case 'directory-pairs': {
      const v = (m: Migration) => /^[\d-]+/.exec(rel(m))![0].replace(/-/g, '');
      return v(a) <= v(b);
    }
    case 'flyway': {
      if (b.repeatable) return true;
      if (a.repeatable) return false;
      const parts = (m: Migration) => /^V([\d._]+)__/.exec(base(m.up.path))![1]!.split(/[._]/).map(Number);
      const x = parts(a);
      const y = parts(b);
      for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
      return true;
    }
    case 'plain': {
      // Files named with a version first, by that version; unversioned files after them.
      const v = (m: Migration) => /^[vV]?(\d+(?:\.\d+)*)/.exec(rel(m))?.[1]?.split('.').map(Number);
      const x = v(a);
      const y = v(b);
      if (!x || !y) return !!x || !y;
      for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) < (y[i] ?? -1);
      return true;
    }
    default:
      return true; // sqitch and versioned-rollbacks are checked against the plan / upgrade chain below
  }
}

describe.skipIf(manifest.length === 0)('corpus', () => {
  for (const entry of manifest) {
    const dir = repoDir(entry);
    const dirs = entry.migrations_dirs ?? [entry.migrations_dir];
    const expected = LAYOUT_MAP[entry.layout] ?? (entry.layout as LayoutName);

    it(`${entry.repo}: ${entry.layout} in ${dirs.length} folder(s), every file found, in order, paired`, async () => {
      const r = await discovered(dir);

      // Layout per folder, and no folder outside the manifest's.
      for (const d of dirs) {
        if (INIT_SCRIPTS.has(d)) {
          expect(r.sets.find((s) => s.dir === d), `${d} left alone`).toBeUndefined();
          expect(r.notes.some((n) => n.path === d && n.message.includes('scripts that initialise a new database')), `${d} note`).toBe(true);
          continue;
        }
        const main = r.sets.find((s) => s.dir === d);
        expect(main?.layout, `layout of ${d}`).toBe(PLAIN_BY_NAME.has(d) ? 'plain' : expected);
      }
      for (const s of r.sets) expect(dirs, `unexpected folder ${s.dir}`).toContain(s.dir);

      // Every SQL file found: as an up (a sqitch verify script is one), a separate down or an orphan rollback.
      const all = (await fsRepoFiles(path.join(CORPUS, dir)).list()).filter((p) => p.endsWith('.sql'));
      expect(all).toHaveLength(entry.file_count);
      const ups = r.sets.flatMap((s) => s.migrations.map((m) => m.up.path));
      const downs = r.sets.flatMap((s) => s.migrations.flatMap((m) => (m.down && m.down.path !== m.up.path ? [m.down.path] : [])));
      const orphans = r.findings.filter((f) => f.rule === 'rollback-orphan').map((f) => f.path);
      // A verify script whose change sqitch never deploys (not in the plan) is no migration.
      const unplanned = all.filter((p) => /(^|\/)verify\/[^/]+\.sql$/.test(p) && !ups.includes(p));
      const initScripts = all.filter((p) => [...INIT_SCRIPTS].some((d) => dirs.includes(d) && p.startsWith(`${d}/`)));
      expect([...ups, ...downs, ...orphans, ...unplanned, ...initScripts].sort()).toEqual([...all].sort());
      for (const set of r.sets.filter((x) => x.layout === 'sqitch')) {
        set.migrations.forEach((m, i) => {
          if (m.id.endsWith(':verify')) expect(set.migrations[i - 1]?.id, `${m.up.path} right after its change`).toBe(m.id.slice(0, -':verify'.length));
        });
      }
      expect(orphans.filter((o) => !GENUINE_ORPHANS.has(o))).toEqual([]);

      // Order.
      for (const set of r.sets) {
        set.migrations.forEach((m, i) => {
          const next = set.migrations[i + 1];
          if (next) expect(inOrder(set.layout, set, m, next), `${m.up.path} before ${next.up.path}`).toBe(true);
        });
        if (set.layout === 'sqitch' && existsSync(path.join(CORPUS, dir, set.dir, 'sqitch.plan'))) {
          const plan = readFileSync(path.join(CORPUS, dir, set.dir, 'sqitch.plan'), 'utf8')
            .split('\n')
            .filter((l) => /^[a-z_]/i.test(l))
            .map((l) => l.split(/[\s[]/)[0]);
          const planned = set.migrations.filter((m) => plan.includes(m.name) && !m.id.endsWith(':verify')).map((m) => m.name);
          expect(planned).toEqual(plan);
        }
        if (set.layout === 'versioned-rollbacks') {
          const chain = set.migrations.map((m) => /^(.+)_to_(.+)$/.exec(m.version)!);
          chain.forEach((c, i) => i > 0 && expect(c[1], set.migrations[i]!.up.path).toBe(chain[i - 1]![2]));
        }
      }

      // Pairing: the rollbacks that exist are found.
      if (entry.has_down_files) {
        const total = downs.length + orphans.length;
        expect(downs.length / total).toBeGreaterThanOrEqual(orphans.every((o) => GENUINE_ORPHANS.has(o)) ? 0.98 : 0.99);
      }
      if (entry.rollback.startsWith('in-file')) {
        const inFile = r.sets.flatMap((s) => s.migrations).filter((m) => m.down?.path === m.up.path).length;
        const marker = entry.rollback.includes('goose') ? /^--\s*\+goose\s+down/im : /^--\s*migrate:down/im;
        const withMarker = r.sets.flatMap((s) => s.migrations).filter((m) => marker.test(readFileSync(path.join(CORPUS, dir, m.up.path), 'utf8'))).length;
        expect(inFile).toBe(withMarker);
      }

      for (const e of r.errors) expect(EXPECTED_ERRORS, `${e.path}: ${e.message}`).toContain(`${e.path}: ${e.message}`);
    });
  }

  it('spot checks of the order', async () => {
    const ids = async (dir: string, set: string) => (await discovered(dir)).sets.find((s) => s.dir === set)!.migrations.map((m) => m.id).filter((id) => !id.endsWith(':verify'));
    const tenant = await ids('supabase__storage', 'migrations/tenant');
    expect(tenant.slice(8, 11)).toEqual(['0009-fix-search-function', '00010-search-files-search-function', '0011-add-trigger-to-auto-update-updated_at-column']);
    const temporal = await ids('temporalio__temporal', 'schema/postgresql/v12/temporal/versioned');
    expect(temporal.indexOf('v1.10/task_queue_user_data')).toBeGreaterThan(temporal.indexOf('v1.9/history_tasks_table'));
    const conductor = await ids('conductor-oss__conductor', 'postgres-persistence/src/main/resources/db/migration_postgres');
    expect(conductor.slice(0, 2)).toEqual(['V1__initial_schema', 'V2__1009_Fix_PostgresExecutionDAO_Index']);
    expect(conductor.at(-1)).toBe('V18__index_end_time');
    const bifrost = await ids('chef__chef-server', 'src/oc_bifrost/schema');
    expect(bifrost.filter((id) => id.startsWith('update_acl'))).toEqual(['update_acl@1.2.0', 'update_acl@1.3.0', 'update_acl']);
    const mosip = await ids('mosip__admin-services', 'db_upgrade_scripts/mosip_master/sql');
    expect(mosip.slice(0, 3)).toEqual(['1.1.5.5_to_1.2.0.1-B1_upgrade', '1.2.0.1-B1_to_1.2.0.1-B2_upgrade', '1.2.0.1-B2_to_1.2.0.1_upgrade']);
    const crates = await ids('rust-lang__crates.io', 'migrations');
    expect(crates[0]).toBe('00000000000000_diesel_initial_setup');
    expect(crates.indexOf('20170804200817_add_email_table')).toBeLessThan(crates.indexOf('2017-08-31-230457_invitations'));
  });

  it('transaction modes from the files: goose NO TRANSACTION, pop .autocommit.', async () => {
    const hatchet = (await discovered('hatchet-dev__hatchet')).sets[0]!.migrations;
    const noTx = hatchet.filter((m) => /^--\s*\+goose\s+no\s+transaction/im.test(readFileSync(path.join(CORPUS, 'hatchet-dev__hatchet', m.up.path), 'utf8')));
    expect(hatchet.filter((m) => m.transaction === 'none')).toEqual(noTx);
    expect(noTx.length).toBeGreaterThan(0);
    const kratos = (await discovered('ory__kratos')).sets[0]!.migrations;
    const autocommit = kratos.filter((m) => m.up.path.includes('.autocommit.'));
    expect(autocommit.length).toBeGreaterThan(0);
    expect(kratos.filter((m) => m.transaction === 'none')).toEqual(autocommit);
  });
});
