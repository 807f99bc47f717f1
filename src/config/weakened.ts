// Which of the gate's settings a change to the config file would weaken. The gate takes its
// settings from the base branch, so a pull request's own edit of the config does nothing for its
// own review; but once merged it governs every later review, so an edit that loosens the gate is
// itself something to approve. Anything that is not clearly a tightening counts as weakening:
// a pull request's author chooses the values, and a "harmless" change (a table size, a
// placeholder, the Postgres version) can turn a DANGEROUS finding into a quiet one.
import { riskRank } from '../core/risk.js';
import type { Risk } from '../core/types.js';
import { showPgVersion, type Config } from './defaults.js';
import type { RuleSetting } from './schema.js';

/** One weakened setting: its key path and how it changes, in words. */
export interface WeakenedSetting {
  setting: string;
  change: string;
}

export function weakenedSettings(base: Config, head: Config): WeakenedSetting[] {
  const out: WeakenedSetting[] = [];
  const note = (setting: string, was: unknown, now: unknown) => out.push({ setting, change: `${show(was)} → ${show(now)}` });

  // Thresholds: a higher one lets more through.
  if (riskRank(head.failOn) > riskRank(base.failOn)) note('failOn', base.failOn, head.failOn);
  if (riskRank(head.approvalRisk) > riskRank(base.approvalRisk)) note('approvalRisk', base.approvalRisk, head.approvalRisk);
  if (riskRank(head.rollbackMissingRisk) < riskRank(base.rollbackMissingRisk)) note('rollbackMissingRisk', base.rollbackMissingRisk, head.rollbackMissingRisk);
  if (head.suppressionsNeedApproval === false && base.suppressionsNeedApproval !== false) note('suppressionsNeedApproval', true, false);

  for (const rule of union(Object.keys(base.rules), Object.keys(head.rules))) {
    if (weakerRule(base.rules[rule], head.rules[rule])) note(`rules.${rule}`, base.rules[rule] ?? 'on', head.rules[rule] ?? 'on');
  }

  const added = head.ignore.filter((p) => !base.ignore.includes(p));
  if (added.length) note('ignore', base.ignore, head.ignore);

  for (const table of union([...base.tableStats.keys()], [...head.tableStats.keys()])) {
    const was = base.tableStats.get(table);
    const now = head.tableStats.get(table);
    if (now && JSON.stringify(was) !== JSON.stringify(now)) note(`tableStats.${table}`, was ?? 'unset', now);
  }

  // Dropping the preset turns its rules off; another stats file is other sizes to trust; a longer
  // blocking budget lets more estimated blocking through as CAUTION.
  if (base.preset && head.preset !== base.preset) note('preset', base.preset, head.preset ?? 'unset');
  if (head.tableStatsFile !== undefined && head.tableStatsFile !== base.tableStatsFile) note('tableStatsFile', base.tableStatsFile ?? 'unset', head.tableStatsFile);
  if (head.maxBlockingMs > base.maxBlockingMs) note('maxBlockingMs', base.maxBlockingMs, head.maxBlockingMs);
  // Folders left alone as another engine's: a skip pattern added, or a review pattern taken away.
  if (head.otherDatabases.skip.some((p) => !base.otherDatabases.skip.includes(p))) note('otherDatabases.skip', base.otherDatabases.skip, head.otherDatabases.skip);
  if (base.otherDatabases.review.some((p) => !head.otherDatabases.review.includes(p))) note('otherDatabases.review', base.otherDatabases.review, head.otherDatabases.review);

  // Settings that change what is read or how it is understood: any change.
  if (JSON.stringify(base.migrations ?? null) !== JSON.stringify(head.migrations ?? null)) note('migrations', base.migrations ?? 'auto-detected', head.migrations ?? 'auto-detected');
  // The minor too: "14.3" -> "14.4" (or 14) quiets concurrent-index-pg14-corruption.
  if (showPgVersion(head) !== showPgVersion(base)) note('pgVersion', showPgVersion(base), showPgVersion(head));
  if (head.defaultTransaction !== base.defaultTransaction) note('defaultTransaction', base.defaultTransaction, head.defaultTransaction);
  for (const layout of Object.keys(head.transaction) as Array<keyof Config['transaction']>) {
    if (head.transaction[layout] !== base.transaction[layout]) note(`transaction.${layout}`, base.transaction[layout], head.transaction[layout]);
  }
  for (const name of union(Object.keys(base.placeholders), Object.keys(head.placeholders))) {
    // Own members only: a placeholder named `constructor` is not Object's.
    const was = Object.hasOwn(base.placeholders, name) ? base.placeholders[name] : undefined;
    const is = Object.hasOwn(head.placeholders, name) ? head.placeholders[name] : undefined;
    if (was !== is) note(`placeholders.${name}`, was ?? 'unset', is ?? 'unset');
  }

  const bd = base.dryRun;
  const hd = head.dryRun;
  if (bd.enabled && !hd.enabled) note('dryRun.enabled', true, false);
  if (hd.enabled) {
    if (hd.engine !== bd.engine) note('dryRun.engine', bd.engine, hd.engine);
    // The URL is a secret-bearing value: say that it changed, never what it says.
    if (hd.databaseUrl !== bd.databaseUrl) out.push({ setting: 'dryRun.databaseUrl', change: 'changed' });
    if (hd.statementTimeoutMs !== bd.statementTimeoutMs) note('dryRun.statementTimeoutMs', bd.statementTimeoutMs, hd.statementTimeoutMs);
    if (hd.totalTimeoutMs !== bd.totalTimeoutMs) note('dryRun.totalTimeoutMs', bd.totalTimeoutMs, hd.totalTimeoutMs);
    if (hd.seedRows !== bd.seedRows) note('dryRun.seedRows', bd.seedRows, hd.seedRows);
  }
  return out;
}

/** Strength of a rule setting; `on` (the rule's own risk) sits between CAUTION and DANGEROUS, unknown. */
function weakerRule(was: RuleSetting | undefined, now: RuleSetting | undefined): boolean {
  const level = (s: RuleSetting | undefined): { off: boolean; risk: Risk | null } => {
    if (s === 'off' || s === false) return { off: true, risk: null };
    if (s === 'SAFE' || s === 'CAUTION' || s === 'DANGEROUS') return { off: false, risk: s };
    return { off: false, risk: null }; // on / true / unset: the rule's default risk
  };
  const a = level(was);
  const b = level(now);
  if (b.off) return !a.off;
  if (a.off) return false;
  if (b.risk === null) return a.risk !== null && a.risk !== 'SAFE'; // back to a default that may be lower
  if (a.risk === null) return b.risk !== 'DANGEROUS'; // a fixed level under an unknown default may be lower
  return riskRank(b.risk) < riskRank(a.risk);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

function show(v: unknown): string {
  if (v instanceof Map) return JSON.stringify(Object.fromEntries(v));
  return typeof v === 'string' ? v : JSON.stringify(v);
}
