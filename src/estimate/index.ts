// The estimate stage: cost of each operation on a table of known size, the risk that follows
// from it, and each migration's impact summary. check/run.ts calls calibrationFor and impactOf,
// check/analyze-set.ts estimateAnalyzed; the report formats its numbers with model.ts directly.
import type { Config } from '../config/defaults.js';
import type { CostCalibration } from '../core/table-stats.js';
import type { Finding, MigrationReport, Operation, FileTransaction } from '../core/types.js';
import type { Rule } from '../analyze/rule.js';
import { applyEstimates } from './apply.js';
import { LOCAL_POSTGRES } from './constants.js';
import { summarizeImpact } from './impact.js';

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
export function impactOf(report: MigrationReport, transaction: FileTransaction, config: Pick<Config, 'tableStats'>): MigrationReport['impact'] {
  return summarizeImpact(report, transaction, config.tableStats);
}

/**
 * The rates to scale with: measured on the dry-run's server when the review dry-runs on a real
 * one (engine `url`) and some table has a known size; else the documented constants.
 */
export async function calibrationFor(config: Pick<Config, 'tableStats' | 'dryRun'>, dryRun: boolean): Promise<CostCalibration> {
  if (!dryRun || config.tableStats.size === 0 || config.dryRun.engine !== 'url' || !config.dryRun.databaseUrl) return LOCAL_POSTGRES;
  const { calibrateOnServer } = await import('./calibrate-server.js');
  const r = await calibrateOnServer(config.dryRun.databaseUrl);
  // A server that cannot be calibrated (no CREATEDB right) still gets estimates; their basis names the documented rates.
  return r.ok ? r.calibration : LOCAL_POSTGRES;
}
