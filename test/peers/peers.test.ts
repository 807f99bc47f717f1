// The peer-comparison suite through the real CLI (dist/cli.js: run `npm run build` first): the
// cases written from the public rule docs of squawk, eugene, strong_migrations and pgfence
// (bench/peers/cases), each with its verdict, Postgres version and transaction mode. Every
// hazard must be caught at its risk and every good case must stay at or under its risk, with no
// parse error. `node bench/peers.mjs` prints the same results as recall tables.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module shared with the benchmark script, no type declarations
import { loadCases, runCases, summarize } from '../../bench/peers/run.mjs';

interface Verdict {
  case: { id: string; peer: string; peerRule: string; expect: string; risk: string; rule?: string; pgVersion: number | string; transaction: string };
  risk: string;
  rules: string[];
  errors: string[];
  ok: boolean;
}

const PEERS = ['eugene', 'pgfence', 'squawk', 'strong_migrations'];

describe('peer comparison (bench/peers/cases through dist/cli.js)', () => {
  const cases = loadCases() as Verdict['case'][];

  it('has cases for every peer, each with its verdict, Postgres version and transaction mode', () => {
    expect([...new Set(cases.map((c) => c.peer))].sort()).toEqual(PEERS);
    for (const c of cases) {
      expect(['hazard', 'ok'], c.id).toContain(c.expect);
      expect(['SAFE', 'CAUTION', 'DANGEROUS'], c.id).toContain(c.risk);
      // A major (16), or "major.minor" ("14.3") for the rules that depend on the minor release.
      expect(Number(String(c.pgVersion).split('.')[0]), c.id).toBeGreaterThanOrEqual(9);
      expect(['wrapped', 'none'], c.id).toContain(c.transaction);
    }
    for (const peer of PEERS) {
      expect(cases.filter((c) => c.peer === peer && c.expect === 'hazard').length, peer).toBeGreaterThanOrEqual(10);
      expect(cases.filter((c) => c.peer === peer && c.expect === 'ok').length, peer).toBeGreaterThanOrEqual(8);
    }
  });

  it('catches every hazard and passes every good case', { timeout: 600_000 }, () => {
    const verdicts = runCases(cases) as Verdict[];
    expect(verdicts).toHaveLength(cases.length);
    const off = verdicts.filter((v) => !v.ok).map((v) =>
      `${v.case.id} ${v.case.peerRule}: expected ${v.case.expect} ${v.case.expect === 'hazard' ? '>=' : '<='} ${v.case.risk}${v.case.rule ? ` via ${v.case.rule}` : ''}, got ${v.risk} [${v.rules.join(', ')}]${v.errors.length ? ` errors: ${v.errors.join('; ')}` : ''}`);
    expect(off).toEqual([]);
    const all = (summarize(verdicts) as Map<string, { hazards: number; caught: number; good: number; right: number }>).get('all')!;
    expect(all.caught).toBe(all.hazards);
    expect(all.right).toBe(all.good);
  });
});
