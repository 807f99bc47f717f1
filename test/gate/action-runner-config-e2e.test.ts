// The runner's own settings, through the bundled Action as a process against the fake GitHub: a
// pull request that changes flyway.conf so that Flyway runs files no layout reads (a `.txt`
// suffix, another location) passed green with nothing reviewed. The Action has no base tree, so
// the base version of a changed settings file is read through the API: an edit that leaves the
// settings alone is no finding.
import { afterEach, beforeAll, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { assertBundleBuilt } from '../action/harness.js';
import { SAFE_MIGRATION, Scenario, describeRun } from '../action/scenario.js';

beforeAll(() => assertBundleBuilt());
let current: Scenario | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

const CONF = 'flyway.locations=filesystem:db/migrations\n';

it('a flyway.conf that makes Flyway run .txt files needs approval, naming the setting', { timeout: 300_000 }, async () => {
  current = await Scenario.create({
    base: { 'flyway.conf': CONF },
    head: { 'flyway.conf': `${CONF}flyway.sqlMigrationSuffixes=.sql,.txt\n`, 'db/migrations/V9__wipe.txt': 'DROP TABLE users;\n' },
  });
  const s = current;
  const run = await s.runPullRequest('opened');
  expect(run.code, describeRun(run)).toBe(1);
  expect(s.status()).toMatchObject({ state: 'failure' });
  expect(s.stickyComments()[0]!.body).toMatch(/sqlmigrationsuffixes/);
  expectCleanTraffic(s);
});

it('an edit of application.properties that leaves the runner settings as the base has them is no finding', { timeout: 300_000 }, async () => {
  const props = (port: number) => `server.port=${port}\nspring.flyway.locations=filesystem:db/migrations\n`;
  current = await Scenario.create({
    base: { 'src/main/resources/application.properties': props(8080) },
    head: { ...SAFE_MIGRATION, 'src/main/resources/application.properties': props(9090) },
  });
  const s = current;
  const run = await s.runPullRequest('opened');
  expect(run.code, describeRun(run)).toBe(0);
  expect(s.status()).toMatchObject({ state: 'success' });
  expectCleanTraffic(s);
});
