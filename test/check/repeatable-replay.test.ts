// Flyway runs a changed repeatable migration (R__) again at the next deploy, after the pending
// versioned ones; so does Liquibase a changed runOnChange changeset. One that unchanged ones
// follow in the set was replayed as history only, so what it locks when it runs again was never
// traced: it stays in the history, in its place, and is traced again after it, as deployed.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { gitChanges } from '../../src/discover/git.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const F = 'db/migration';
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe('a changed repeatable migration that unchanged ones follow', () => {
  it('is dry-run as the runner runs it again: after the history, traced', { timeout: 120_000 }, async () => {
    const r = new TempRepo().init();
    repos.push(r);
    r.write({
      [`${F}/V1__orders.sql`]: 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\n',
      [`${F}/R__a_orders_view.sql`]: 'CREATE OR REPLACE VIEW orders_view AS SELECT id FROM orders;\n',
      [`${F}/R__b_totals.sql`]: 'CREATE OR REPLACE VIEW totals AS SELECT sum(total) AS total FROM orders;\n',
      [`${F}/R__c_ids.sql`]: 'CREATE OR REPLACE VIEW ids AS SELECT id FROM orders;\n',
    }).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({
      [`${F}/V2__note.sql`]: 'ALTER TABLE orders ADD COLUMN note text;\n',
      [`${F}/R__a_orders_view.sql`]: 'CREATE OR REPLACE VIEW orders_view AS SELECT id, total FROM orders;\n',
      // Edited too: R__b, unchanged, now comes between two reviewed migrations.
      [`${F}/R__c_ids.sql`]: 'CREATE OR REPLACE VIEW ids AS SELECT id, total FROM orders;\n',
    }).commit('change');
    const git = await gitChanges(r.dir, 'main');
    const result = await runCheck({ files: fsRepoFiles(r.dir), config: config(), scope: { kind: 'changes', changes: git.changes, base: git.base }, dryRun: true });
    const view = result.report.migrations.find((m) => m.path === `${F}/R__a_orders_view.sql`)!;
    expect(view.dryRun?.status).toBe('passed');
    expect(view.dryRun?.statements).toHaveLength(1);
    expect(view.dryRun?.statements[0]!.locks).toContainEqual(expect.objectContaining({ relation: 'public.orders_view', mode: 'AccessExclusiveLock' }));
    expect(result.report.migrations.find((m) => m.path === `${F}/V2__note.sql`)!.dryRun?.status).toBe('passed');
    expect(result.report.migrations.find((m) => m.path === `${F}/R__c_ids.sql`)!.dryRun?.status).toBe('passed');
  });
});
