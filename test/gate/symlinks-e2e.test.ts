// Symlinked migrations: reviewed by their target inside the repository; a link that leaves the
// repository is an error at its path, and nothing from outside the repository is ever printed.
// The CLI and the Action read a checkout, the App reads the tree through the API: all three.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkout } from '../support/fake-github/index.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { Scenario, describeRun } from '../action/scenario.js';
import { describeApp, useAppScenarios, type AppScenario } from '../app/scenario.js';

const SECRET = 'TOPSECRET_runner_credential_1234';
const outside = mkdtempSync(path.join(tmpdir(), 'mg-outside-'));
const secretFile = path.join(outside, 'secret.sql');
writeFileSync(secretFile, `${SECRET} is not SQL;\n`);
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const DROP = "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN email;\n";

/** A commit on the pull request's head that adds these symlinks (path -> target). */
function pushLinks(s: Scenario, links: Record<string, string>, files: Record<string, string> = {}): void {
  checkout(s.dir, s.headSha);
  for (const [rel, target] of Object.entries(links)) symlinkSync(target, path.join(s.dir, rel));
  s.push(files, 'links');
}

describe('the Action (and the CLI on the same checkout)', () => {
  let s: Scenario | null = null;
  afterAll(async () => s?.close());

  it('reviews a link inside the repository by its target, and refuses one that leaves it without printing it', { timeout: 300_000 }, async () => {
    s = await Scenario.create({ head: { 'sql/drop_email.sql': DROP, 'db/migrations/0002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n' } });
    pushLinks(s, { 'db/migrations/0002_drop_email.up.sql': '../../sql/drop_email.sql', 'db/migrations/0003_steal.up.sql': secretFile });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs.risk).toBe('DANGEROUS');
    const body = s.stickyComments()[0]!.body;
    expect(body).toContain('ban-drop-column');
    expect(body).toContain('0003_steal.up.sql');
    expect(body).toContain('leads outside the repository');
    for (const text of [body, run.stdout, run.summary]) expect(text).not.toContain(SECRET);
    expectCleanTraffic(s);

    const cli = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../dist/cli.js'), 'check', s.dir, '--no-color', '--no-progress'], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout + cli.stderr).not.toContain(SECRET);
    // The note may wrap anywhere in the terminal layout.
    expect(cli.stdout.replace(/\s+/g, ' ')).toContain('leads outside the repository');
  });
});

describe('the App', () => {
  const { scenario } = useAppScenarios();

  it('reviews a symlinked migration by its target and refuses one that leaves the repository', { timeout: 300_000 }, async () => {
    const s: AppScenario = await scenario({ head: { 'sql/drop_email.sql': DROP, 'db/migrations/0002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n' } });
    s.push({}, 'links', { 'db/migrations/0002_drop_email.up.sql': '../../sql/drop_email.sql', 'db/migrations/0003_steal.up.sql': '../../../../../../etc/hostname' });
    const d = await s.pullRequest('synchronize');
    expect(d.log?.outcome, describeApp(s)).toMatchObject({ kind: 'published', conclusion: 'action_required' });
    const body = s.stickyComments()[0]!.body;
    expect(body).toContain('ban-drop-column');
    expect(body).toContain('leads outside the repository');
    expectCleanTraffic(s);
  });
});
