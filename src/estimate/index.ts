// The estimate stage: cost of each operation on a table of known size, the risk that follows
// from it, and each migration's impact summary. check/run.ts calls these two functions.
import type { Config } from '../config/defaults.js';
import type { CostCalibration } from '../core/table-stats.js';
import type { Finding, MigrationReport, Operation, TransactionMode } from '../core/types.js';
import type { Rule } from '../analyze/rule.js';
import { applyEstimates } from './apply.js';
import { LOCAL_POSTGRES } from './constants.js';
import { summarizeImpact } from './impact.js';

export { LOCAL_POSTGRES, PGLITE } from './constants.js';
export { estimateOperation, formatDuration, formatRange, formatBytes } from './model.js';
export { summarizeImpact } from './impact.js';

/** Estimates the operations of one analyzed migration and settles its blocking findings' risk. */
export function estimateAnalyzed(
  out: { operations: Operation[]; findings: Finding[] },
  config: Pick<Config, 'tableStats' | 'maxBlockingMs' | 'rules'>,
  rules: readonly Rule[],
  calibration: CostCalibration = LOCAL_POSTGRES,
): void {
  if (config.tableStats.size === 0) return;
  const pinned = new Set(Object.entries(config.rules).filter(([, v]) => v === 'SAFE' || v === 'CAUTION' || v === 'DANGEROUS').map(([k]) => k));
  applyEstimates(out, {
    tableStats: config.tableStats,
    calibration,
    maxBlockingMs: config.maxBlockingMs,
    sizeSensitiveRules: new Set(rules.filter((r) => r.sizeSensitive).map((r) => r.id)),
    pinnedRules: pinned,
  });
}

/** The impact summary, once the migration's risk is final (after the dry-run). */
export function impactOf(report: MigrationReport, transaction: TransactionMode, config: Pick<Config, 'tableStats'>): MigrationReport['impact'] {
  return summarizeImpact(report, transaction, config.tableStats);
}
