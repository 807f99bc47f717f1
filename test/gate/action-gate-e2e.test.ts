// The gate a pull request cannot open for itself, through the bundled Action as a process
// against the fake GitHub: suppressions it adds, settings it changes, rules set on the base.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseState } from '../../src/github/comment-state.js';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { assertBundleBuilt } from '../action/harness.js';
import { DANGEROUS_MIGRATION, SAFE_MIGRATION, Scenario, describeRun, type ScenarioOptions } from '../action/scenario.js';

beforeAll(() => assertBundleBuilt());

let current: Scenario | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

async function scenario(o: ScenarioOptions): Promise<Scenario> {
  current = await Scenario.create(o);
  return current;
}

const LOCKED = "SET lock_timeout = '5s';\n";

describe('suppressions the pull request adds', () => {
  it('an ignore-file over DROP COLUMN still needs approval, and the comment names the suppressed rule', { timeout: 300_000 }, async () => {
    const s = await scenario({
      head: { 'db/migrations/0002_drop_email.up.sql': `-- migration-guard-ignore-file\n${LOCKED}ALTER TABLE users DROP COLUMN email;\n`, 'db/migrations/0002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n' },
      collaborators: { alice: 'write' },
    });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', 'needs-approval': 'true', approved: 'false' });
    expect(s.status()).toMatchObject({ state: 'failure' });
    const body = s.stickyComments()[0]!.body;
    expect(body).toContain('ban-drop-column');
    expect(body).toContain('which this pull request adds or moves');
    // The approval then opens it as usual.
    const { run: approve } = await s.runComment('alice', '/approve-migration the column is unused');
    expect(approve.outputs.approved, describeRun(approve)).toBe('true');
    expect(s.status()).toMatchObject({ state: 'success' });
    expectCleanTraffic(s);
  });

  it('a statement-level ignore added to an existing migration, and one moved onto another statement, need approval', { timeout: 300_000 }, async () => {
    const base = { 'db/migrations/0002_cleanup.up.sql': `${LOCKED}-- migration-guard-ignore ban-drop-column\nALTER TABLE users DROP COLUMN legacy;\n` };
    const s = await scenario({
      base: { 'db/migrations/0001_create_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy text, nick text);\n', ...base },
      head: { 'db/migrations/0002_cleanup.up.sql': `${LOCKED}ALTER TABLE users DROP COLUMN legacy;\n-- migration-guard-ignore ban-drop-column\nALTER TABLE users DROP COLUMN email;\n` },
    });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs['needs-approval']).toBe('true');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    const rules = report.migrations[0].findings.map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`);
    expect(rules).toContain('ban-drop-column@4'); // the moved suppression does not cover the new statement it now sits over
    expect(rules).toContain('migration-edited@1'); // and the edit of an applied migration needs approval
    // Line 2 is the base branch's statement as it was (a database that ran the migration does not
    // run it again): only what the edit brings is reviewed, and the report says one was left out.
    expect(rules).not.toContain('ban-drop-column@2');
    expect(report.migrations[0].notes.map((n: { message: string }) => n.message).join('\n')).toMatch(/^1 finding on statements this change leaves as the base branch has them is not shown/m);
    expectCleanTraffic(s);
  });

  it('a suppression already on the base branch stays settled', { timeout: 300_000 }, async () => {
    // A Flyway repeatable migration is re-run whenever it changes, so editing it is expected.
    const file = `${LOCKED}-- migration-guard-ignore ban-drop-column\nALTER TABLE users DROP COLUMN IF EXISTS legacy;\n`;
    const s = await scenario({
      base: { 'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, legacy text);\n', 'db/migration/R__cleanup.sql': file },
      head: { 'db/migration/R__cleanup.sql': `-- a note\n${file}` },
    });
    const run = await s.runPullRequest('opened');
    expect(run.outputs['needs-approval'], describeRun(run)).toBe('false');
    expect(s.status()).toMatchObject({ state: 'success' });
    // Moved onto another statement, the same directive is not settled.
    s.push({ 'db/migration/R__cleanup.sql': `${LOCKED}ALTER TABLE users DROP COLUMN IF EXISTS legacy;\n-- migration-guard-ignore ban-drop-column\nALTER TABLE users DROP COLUMN IF EXISTS id;\n` });
    const moved = await s.runPullRequest('synchronize');
    expect(moved.outputs['needs-approval'], describeRun(moved)).toBe('true');
    expectCleanTraffic(s);
  });

  it('the base branch can turn the check off (suppressionsNeedApproval: false)', { timeout: 300_000 }, async () => {
    const s = await scenario({
      base: { '.migration-guard.yml': 'suppressionsNeedApproval: false\n' },
      head: { 'db/migrations/0002_drop_email.up.sql': `-- migration-guard-ignore-file\n${LOCKED}ALTER TABLE users DROP COLUMN email;\n`, 'db/migrations/0002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n' },
    });
    const run = await s.runPullRequest('opened');
    expect(run.outputs['needs-approval'], describeRun(run)).toBe('false');
    expectCleanTraffic(s);
  });
});

describe('settings come from the base branch', () => {
  it('under pull_request, the config the pull request adds does not apply; the weakened settings are a finding that needs approval', { timeout: 300_000 }, async () => {
    const s = await scenario({
      head: {
        ...DANGEROUS_MIGRATION,
        '.migration-guard.yml': 'ignore: ["db/migrations/0002_*"]\nrules:\n  ban-drop-column: "off"\ntableStats:\n  users: { rows: 10 }\n',
      },
      collaborators: { alice: 'write' },
    });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', 'needs-approval': 'true' });
    const body = s.stickyComments()[0]!.body;
    expect(body).toContain('ban-drop-column');
    for (const setting of ['ignore', 'rules.ban-drop-column', 'tableStats.public.users']) expect(body).toContain(setting);
    const reads = s.gh.state.requests.filter((r) => r.operationId === 'repos/get-content');
    expect(reads.some((r) => new URLSearchParams(r.query).get('ref') === s.baseSha)).toBe(true);
    expectCleanTraffic(s);
  });

  it('a pull request that only weakens the config (no migration) still needs approval, bound to the config it approved', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: { '.migration-guard.yml': 'approvalRisk: DANGEROUS\nfailOn: DANGEROUS\nrules:\n  ban-drop-column: "off"\n' }, base: { '.migration-guard.yml': 'approvalRisk: CAUTION\nfailOn: CAUTION\n' }, collaborators: { alice: 'write' } });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(s.status()).toMatchObject({ state: 'failure' });
    const body = s.stickyComments()[0]!.body;
    for (const setting of ['failOn', 'approvalRisk', 'rules.ban-drop-column']) expect(body).toContain(setting);
    await s.runComment('alice', '/approve-migration agreed in the DBA sync');
    expect(s.status()).toMatchObject({ state: 'success' });
    // Editing the config again voids that approval.
    s.push({ '.migration-guard.yml': 'approvalRisk: DANGEROUS\nfailOn: DANGEROUS\nignore: ["**"]\n' });
    const again = await s.runPullRequest('synchronize');
    expect(again.code, describeRun(again)).toBe(1);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expect(parseState(s.stickyComments()[0]!.body)!.approval).toBeNull();
    expectCleanTraffic(s);
  });

  it('a tightening of the config is no finding', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: { '.migration-guard.yml': 'approvalRisk: CAUTION\nrules:\n  require-lock-timeout: DANGEROUS\n' } });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(0);
    expect(s.status()).toMatchObject({ state: 'success', description: 'No migration changes' });
    expectCleanTraffic(s);
  });

  // One run, three rules each set one way: the settings are read and applied per rule.
  it('rules: on the base branch are applied (off, a risk level, on)', { timeout: 300_000 }, async () => {
    const s = await scenario({
      base: {
        '.migration-guard.yml': 'rules:\n  ban-drop-column: "off"\n  ban-drop-table: CAUTION\n  ban-truncate: "on"\n',
        'db/migrations/0001_create_audit.up.sql': 'CREATE TABLE audit (id bigint PRIMARY KEY);\n',
      },
      head: { 'db/migrations/0002_cleanup.up.sql': `${LOCKED}ALTER TABLE users DROP COLUMN email;\nDROP TABLE audit;\nTRUNCATE users;\n` },
    });
    const run = await s.runPullRequest('opened');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    const findings: Array<{ rule: string; risk: string }> = report.migrations[0].findings;
    expect(findings.map((f) => f.rule), describeRun(run)).not.toContain('ban-drop-column');
    expect(findings.find((f) => f.rule === 'ban-drop-table')?.risk, describeRun(run)).toBe('CAUTION');
    expect(findings.find((f) => f.rule === 'ban-truncate')?.risk, describeRun(run)).toBe('DANGEROUS');
    expect(run.outputs.risk).toBe('DANGEROUS');
    expectCleanTraffic(s);
  });
});

describe('a broken configuration fails closed (issue 15)', () => {
  it('a misspelt rule id on the base branch: an annotation at its line and column naming the closest id, a summary line, a failing status and one comment; no review', { timeout: 300_000 }, async () => {
    const s = await scenario({ base: { '.migration-guard.yml': 'failOn: CAUTION\nrules:\n  ban-drop-colum: "off"\n' }, head: SAFE_MIGRATION });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors, describeRun(run)).toEqual([
      {
        level: 'error',
        properties: { title: 'migration-guard: configuration error', file: '.migration-guard.yml', line: '3', col: '3' },
        message: expect.stringMatching(/^configuration error: unknown rule "rules\.ban-drop-colum"; did you mean "ban-drop-column"\? .*\(the configuration on the base branch, [0-9a-f]{7}\)$/),
      },
    ]);
    expect(run.summary).toContain('.migration-guard.yml:3:3: unknown rule "rules.ban-drop-colum"; did you mean "ban-drop-column"?');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at [\w.<]+ \(/); // no stack trace
    expect(run.outputs.risk).toBeUndefined(); // nothing was reviewed on settings nobody meant
    expect(s.status()).toMatchObject({ state: 'failure', description: expect.stringMatching(/^Configuration error: \.migration-guard\.yml:3:3: unknown rule "rules\.ban-drop-colum"; did you mean "ban-drop-column"/) });
    expect(s.stickyComments().map((c) => c.body.split('Configuration error').length - 1)).toEqual([1]);

    // The pull request that fixes the file cannot open the gate with it either: settings come from the base branch.
    s.push({ '.migration-guard.yml': 'failOn: CAUTION\nrules:\n  ban-drop-column: "off"\n' });
    const again = await s.runPullRequest('synchronize');
    expect(again.code, describeRun(again)).toBe(1);
    expect(s.status()).toMatchObject({ state: 'failure', description: expect.stringMatching(/^Configuration error: /) });
    expect(s.stickyComments()).toHaveLength(1);
    expectCleanTraffic(s);
  });

  it('an unknown preset on the base branch is the same configuration error, with the closest preset', { timeout: 300_000 }, async () => {
    const s = await scenario({ base: { '.migration-guard.yml': 'preset: squak\n' }, head: SAFE_MIGRATION });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([
      expect.objectContaining({ properties: expect.objectContaining({ file: '.migration-guard.yml', line: '1', col: '9' }), message: expect.stringContaining('unknown preset "squak"; did you mean "squawk"?') }),
    ]);
    expect(s.status()).toMatchObject({ state: 'failure' });
    expectCleanTraffic(s);
  });

  it('a pull request that misspells a rule id in its own config gets a finding that needs approval, naming the closest id', { timeout: 300_000 }, async () => {
    const s = await scenario({ head: { ...DANGEROUS_MIGRATION, '.migration-guard.yml': 'rules:\n  ban-drop-colum: "off"\n' } });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', 'needs-approval': 'true' });
    const body = s.stickyComments()[0]!.body;
    expect(body).toContain('is not a valid configuration');
    expect(body).toContain('did you mean "ban-drop-column"');
    expectCleanTraffic(s);
  });
});
