// The dry-run says what it ran on, and each fact it found is reported once, in every format
// (issue 15: "The dry-run says what it ran on").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTextWidths } from '../../src/report/text-layout.js';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { renderReport } from '../../src/report/index.js';
import { collectDiagnostics } from '../../src/report/diagnostics.js';
import type { CheckResult } from '../../src/check/types.js';
import { config } from '../discover/helpers.js';
import { TempRepo } from '../discover/git-repo.js';

const M = 'db/migrations';
const FILES = {
  [`${M}/0001_t.up.sql`]: 'CREATE TABLE t (id bigint PRIMARY KEY, x int);\n',
  [`${M}/0001_t.down.sql`]: 'DROP TABLE t;\n',
  // The rollback forgets table u (and so its column u.id, and re-applying fails on it).
  [`${M}/0002_r.up.sql`]: 'ALTER TABLE t ADD COLUMN w int;\nCREATE TABLE u (id bigint);\n',
  [`${M}/0002_r.down.sql`]: 'ALTER TABLE t DROP COLUMN w;\n',
  // Fails in the dry-run.
  [`${M}/0003_f.up.sql`]: 'ALTER TABLE nope ADD COLUMN z int;\n',
  [`${M}/0003_f.down.sql`]: 'ALTER TABLE nope DROP COLUMN z;\n',
};
const FORMATS = ['pretty', 'markdown', 'json', 'sarif', 'github'] as const;

let repo: TempRepo;
let result: CheckResult;
let outputs: Record<(typeof FORMATS)[number], string>;
beforeAll(async () => {
  // Text beyond printable ASCII is laid out with string-width, which the CLI loads on demand.
  await loadTextWidths();
  repo = new TempRepo().init().write(FILES).commit('base');
  result = await runCheck({ files: fsRepoFiles(repo.dir), config: config({ pgVersion: 15 }), scope: { kind: 'all' }, dryRun: true });
  outputs = Object.fromEntries(FORMATS.map((f) => [f, renderReport(result, f, { pgVersion: 15 })])) as typeof outputs;
}, 180_000);
afterAll(() => repo?.cleanup());

const count = (text: string, what: string | RegExp) => text.split(what).length - 1;

describe('the dry-run says what it ran on', () => {
  it('names the engine version beside the target version in every format', () => {
    const dr = result.report.migrations[0]!.dryRun!;
    expect(dr.targetPgVersion).toBe(15);
    const server = dr.serverVersion;
    expect(outputs.pretty).toContain(`on pglite (PostgreSQL ${server}, target 15)`);
    expect(outputs.markdown).toContain(`#### Dry-run (pglite, PostgreSQL ${server}, target 15)`);
    const json = JSON.parse(outputs.json);
    expect(json.migrations[0].dryRun).toMatchObject({ serverVersion: server, targetPgVersion: 15 });
  });

  it('warns, in every format that carries notes, that an engine newer than the target proves less', () => {
    const major = Number(/^\d+/.exec(result.report.migrations[0]!.dryRun!.serverVersion)![0]);
    expect(major).toBeGreaterThan(15);
    const note = result.report.notes?.find((n) => n.message.includes('target is PostgreSQL 15'));
    expect(note?.message).toContain(`PostgreSQL ${major}`);
    expect(outputs.pretty).toContain('but the target is PostgreSQL 15');
    expect(outputs.markdown).toContain('but the target is PostgreSQL 15');
    expect(JSON.parse(outputs.json).notes.map((n: { message: string }) => n.message).join('\n')).toContain('but the target is PostgreSQL 15');
  });

  it('says nothing when the target is the engine major', async () => {
    const major = Number(/^\d+/.exec(result.report.migrations[0]!.dryRun!.serverVersion)![0]);
    // The note is drawn from each migration's dry-run result (check/run.ts, newerEngineNote): a
    // history of the first migration alone goes through it, without the failing and
    // rollback-breaking ones that cost the check above its extra engines.
    const first = new TempRepo().write({ [`${M}/0001_t.up.sql`]: FILES[`${M}/0001_t.up.sql`]!, [`${M}/0001_t.down.sql`]: FILES[`${M}/0001_t.down.sql`]! });
    try {
      const same = await runCheck({ files: fsRepoFiles(first.dir), config: config({ pgVersion: major }), scope: { kind: 'all' }, dryRun: true });
      expect(same.report.migrations[0]!.dryRun).toMatchObject({ status: 'passed', targetPgVersion: major });
      expect(same.report.notes ?? []).toEqual([]);
    } finally {
      first.cleanup();
    }
  }, 180_000);
});

describe('one finding per fact', () => {
  it('a dry-run failure is one finding, not also a dry-run error beside it', () => {
    const failed = result.report.migrations.find((m) => m.path === `${M}/0003_f.up.sql`)!;
    expect(failed.dryRun?.status).toBe('failed');
    expect(failed.findings.filter((f) => f.rule === 'dry-run-failed')).toHaveLength(1);
    const diags = collectDiagnostics(result).filter((d) => d.path === `${M}/0003_f.up.sql` && /relation "nope" does not exist/.test(d.message));
    expect(diags.map((d) => d.kind)).toEqual(['finding']);
    expect(outputs.pretty).not.toMatch(/dry-run failed: /);
    expect(outputs.pretty).not.toMatch(/dry-run failure/);
    expect(outputs.markdown).not.toMatch(/dry-run failure|· dry-run failed/);
    expect(count(outputs.github, 'relation "nope" does not exist')).toBe(1);
    expect(JSON.parse(outputs.sarif).runs[0].results.filter((r: { message: { text: string } }) => r.message.text.includes('relation "nope"'))).toHaveLength(1);
  });

  it('a table the rollback forgets is one finding, in every format', () => {
    const m = result.report.migrations.find((x) => x.path === `${M}/0002_r.up.sql`)!;
    const aboutU = m.findings.filter((f) => /public\.u\b|relation "u"/.test(f.message));
    expect(aboutU.map((f) => f.rule)).toEqual(['rollback-incomplete']);
    expect(aboutU[0]!.message).toMatch(/cannot be applied again: relation "u" already exists/);
    expect(collectDiagnostics(result).filter((d) => d.migration === result.report.migrations.indexOf(m) && /public\.u\b|relation "u"/.test(d.message))).toHaveLength(1);
    expect(count(outputs.pretty, /still exists after rollback/)).toBe(1);
    expect(count(outputs.markdown, /still exists after rollback/)).toBe(1);
    expect(count(outputs.github, /still exists after rollback/)).toBe(1);
    expect(count(JSON.stringify(JSON.parse(outputs.json).migrations[1].findings), /still exists after rollback/)).toBe(1);
  });
});
