// The peer-comparison suite through the CLI's lint command: the cases written from the public
// rule docs of squawk, eugene, strong_migrations, pgfence, diesel-guard and atlas's migrate lint
// checks (bench/peers/cases), each with its verdict, Postgres version and transaction mode.
// Every hazard must be caught at its risk and every good case must stay at or under its risk,
// with no parse error; a case that names `locks` (eugene's traced locks) must get exactly those
// strongest locks per table from the static analysis. `node bench/peers.mjs` prints the same results as recall tables, through
// dist/cli.js as a process.
// Here the lint command runs in this process, from the sources, with the same arguments the
// benchmark gives the CLI (folders, --config, JSON to a file): one CLI process per Postgres
// version, transaction mode and preset (17 of them) cost most of this file's CPU in start-up.
// dist/cli.js as a real process is test/cli's (cli.test.ts, errors.test.ts, workers.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module shared with the benchmark script, no type declarations
import { loadCases, runCases, summarize } from '../../bench/peers/run.mjs';
import { lintCommand } from '../../src/cli/commands.js';

/** `migration-guard lint <folders> --config <config> --format json --output <file> --no-progress`, in this process. */
async function lintHere(dir: string, folders: string[], config: string): Promise<string> {
  const output = path.join(dir, 'report.json');
  await lintCommand(folders.map((f) => path.join(dir, f)), { config, format: 'json', output, progress: false });
  return readFileSync(output, 'utf8');
}

interface Verdict {
  case: { id: string; peer: string; peerRule: string; expect: string; risk: string; rule?: string; pgVersion: number | string; transaction: string; locks?: Record<string, string> };
  risk: string;
  rules: string[];
  errors: string[];
  locks: string[];
  ok: boolean;
}

const PEERS = ['atlas', 'diesel-guard', 'eugene', 'pgfence', 'squawk', 'strong_migrations'];

describe('peer comparison (bench/peers/cases through the lint command)', () => {
  const cases = loadCases() as Verdict['case'][];

  it('has cases for every peer, each with its verdict, Postgres version and transaction mode', () => {
    expect([...new Set(cases.map((c) => c.peer))].sort()).toEqual(PEERS);
    for (const c of cases) {
      expect(['hazard', 'ok'], c.id).toContain(c.expect);
      expect(['SAFE', 'CAUTION', 'DANGEROUS'], c.id).toContain(c.risk);
      // A major (16), or "major.minor" ("14.3") for the rules that depend on the minor release.
      expect(Number(String(c.pgVersion).split('.')[0]), c.id).toBeGreaterThanOrEqual(9);
      expect(['wrapped', 'none'], c.id).toContain(c.transaction);
      for (const mode of Object.values(c.locks ?? {})) expect(mode, c.id).toMatch(/^(AccessShare|RowShare|RowExclusive|ShareUpdateExclusive|Share|ShareRowExclusive|Exclusive|AccessExclusive)Lock$/);
    }
    for (const peer of PEERS) {
      expect(cases.filter((c) => c.peer === peer && c.expect === 'hazard').length, peer).toBeGreaterThanOrEqual(10);
      expect(cases.filter((c) => c.peer === peer && c.expect === 'ok').length, peer).toBeGreaterThanOrEqual(8);
    }
  });

  it('catches every hazard and passes every good case', { timeout: 600_000 }, async () => {
    const verdicts = (await runCases(cases, lintHere)) as Verdict[];
    expect(verdicts).toHaveLength(cases.length);
    const off = verdicts.filter((v) => !v.ok).map((v) =>
      `${v.case.id} ${v.case.peerRule}: expected ${v.case.expect} ${v.case.expect === 'hazard' ? '>=' : '<='} ${v.case.risk}${v.case.rule ? ` via ${v.case.rule}` : ''}, got ${v.risk} [${v.rules.join(', ')}]${v.errors.length ? ` errors: ${v.errors.join('; ')}` : ''}${v.locks.length ? ` locks: ${v.locks.join('; ')}` : ''}`);
    expect(off).toEqual([]);
    const all = (summarize(verdicts) as Map<string, { hazards: number; caught: number; good: number; right: number }>).get('all')!;
    expect(all.caught).toBe(all.hazards);
    expect(all.right).toBe(all.good);
  });
});
