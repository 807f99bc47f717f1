// Ordering of risk levels and lock modes, so "highest" means one thing everywhere.
import { LOCK_MODES, RISKS, type LockMode, type Risk } from './types.js';

export function riskRank(risk: Risk): number {
  return RISKS.indexOf(risk);
}

export function maxRisk(...risks: Risk[]): Risk {
  let best: Risk = 'SAFE';
  for (const r of risks) if (riskRank(r) > riskRank(best)) best = r;
  return best;
}

export function atLeast(risk: Risk, threshold: Risk): boolean {
  return riskRank(risk) >= riskRank(threshold);
}

export function lockRank(mode: LockMode): number {
  return LOCK_MODES.indexOf(mode);
}

export function maxLock(a: LockMode | undefined, b: LockMode | undefined): LockMode | undefined {
  if (!a) return b;
  if (!b) return a;
  return lockRank(a) >= lockRank(b) ? a : b;
}

/** Modes that block ordinary reads (SELECT takes AccessShareLock). */
export function blocksReads(mode: LockMode): boolean {
  return mode === 'AccessExclusiveLock';
}

/** Modes that block ordinary writes (INSERT/UPDATE/DELETE take RowExclusiveLock). */
export function blocksWrites(mode: LockMode): boolean {
  return lockRank(mode) >= lockRank('ShareLock');
}

/** The SQL spelling of a lock mode, for messages: `ACCESS EXCLUSIVE`. */
export function lockModeSql(mode: LockMode): string {
  return mode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}
