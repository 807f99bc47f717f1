// Puts estimates on the operations of one analyzed migration and lets them decide the risk of
// the blocking findings: a lock estimated under the budget (`maxBlockingMs`) is CAUTION with
// its figure, over it DANGEROUS with the figure and what it is based on. Runs after the
// analyze stage, before the migration's risk is summed up.
import type { Risk } from '../core/types.js';
import { riskRank } from '../core/risk.js';
import type { CostCalibration, TableStats } from '../core/table-stats.js';
import type { Finding, Operation } from '../core/types.js';
import { estimateOperation, formatRange } from './model.js';
import { lockModeSql } from '../core/risk.js';

export interface EstimateOptions {
  tableStats: ReadonlyMap<string, TableStats>;
  calibration: CostCalibration;
  /** Longest blocking lock (ms) still reported as CAUTION. */
  maxBlockingMs: number;
  /** Rules whose hits are about blocking or rewriting (Rule.sizeSensitive). */
  sizeSensitiveRules: ReadonlySet<string>;
  /** Rules the user pinned to a risk in the config: their risk is left alone. */
  pinnedRules: ReadonlySet<string>;
}

export function applyEstimates(out: { operations: Operation[]; findings: Finding[] }, opts: EstimateOptions): void {
  for (const op of out.operations) {
    if (!op.table || op.targetIsNew) continue;
    const name = touchedTable(op);
    const stats = opts.tableStats.get(name) ?? opts.tableStats.get(name.toLowerCase());
    if (!stats) continue;
    const e = estimateOperation(op, stats, opts.calibration, name);
    if (e) op.estimate = e;
  }
  for (const f of out.findings) {
    if (!opts.sizeSensitiveRules.has(f.rule) || f.statement === undefined) continue;
    const op = out.operations.find((o) => o.statement === f.statement && o.estimate && o.rules.includes(f.rule))
      ?? out.operations.find((o) => o.statement === f.statement && o.estimate);
    const e = op?.estimate;
    if (!op || !e) continue;
    const figure = `${formatRange(e.durationMs, e.low, e.high)} ${lockModeSql(e.lock)} on ${op.table}`;
    if (e.lockMs === 0) {
      f.message += ` — estimated ${figure}, which blocks ${e.blocks === 'none' ? 'neither reads nor writes' : e.blocks}; based on ${e.basis}`;
      continue;
    }
    const over = e.lockMs > opts.maxBlockingMs;
    f.message += over
      ? ` — estimated ${figure}, blocking ${e.blocks}, over the ${opts.maxBlockingMs} ms budget (maxBlockingMs); based on ${e.basis}`
      : ` — estimated ${figure}, blocking ${e.blocks}, within the ${opts.maxBlockingMs} ms budget (maxBlockingMs); based on ${e.basis}`;
    if (opts.pinnedRules.has(f.rule) || f.risk === 'SAFE') continue;
    f.risk = over ? 'DANGEROUS' : 'CAUTION';
  }
  // An operation's risk is the highest of its findings', now that some moved.
  for (const op of out.operations) {
    const own = out.findings.filter((f) => f.statement === op.statement && op.rules.includes(f.rule)).map((f) => f.risk);
    if (own.length && op.estimate) op.risk = own.reduce<Risk>((a, b) => (riskRank(b) > riskRank(a) ? b : a), 'SAFE');
  }
}

/** The table whose rows the operation reads or writes: for ATTACH PARTITION the partition being attached. */
function touchedTable(op: Operation): string {
  return op.kind === 'ATTACH_PARTITION' && op.typeName ? op.typeName : op.table!;
}
