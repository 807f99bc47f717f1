// The estimate and impact summary of a migration as short plain sentences, shared by the
// terminal report and the PR comment so both say the same thing in the same words.
import { lockModeSql } from '../core/risk.js';
import type { MigrationImpact, MigrationReport, Operation } from '../core/types.js';
import { formatBytes, formatRange } from '../estimate/model.js';

/** `~4 min (2 min–8 min) ACCESS EXCLUSIVE on public.orders`, or undefined without an estimate. */
export function blockingText(impact: MigrationImpact | undefined): string | undefined {
  if (!impact || impact.blockingMs === undefined) return undefined;
  if (impact.blockingMs === 0) return 'none: no lock that blocks reads or writes on a table of known size';
  const on = impact.blockingOn ? ` ${lockModeSql(impact.blockingOn.lock)} on ${impact.blockingOn.table}` : '';
  return `${formatRange(impact.blockingMs, impact.blockingLow, impact.blockingHigh)}${on}`;
}

export function dataLossText(impact: MigrationImpact): string {
  return impact.dataLoss === 'none' ? 'none' : `irreversible${impact.dataLossDetail ? `: ${impact.dataLossDetail}` : ''}`;
}

export function performanceText(impact: MigrationImpact): string | undefined {
  if (impact.bytesRewritten === undefined) return undefined;
  const parts: string[] = [];
  if (impact.bytesRewritten) parts.push(`${formatBytes(impact.bytesRewritten)} rewritten`);
  if (impact.bytesScanned) parts.push(`${formatBytes(impact.bytesScanned)} scanned`);
  if (impact.walBytes) parts.push(`~${formatBytes(impact.walBytes)} of WAL`);
  return parts.length ? parts.join(', ') : 'no table data read or written';
}

export const ROLLBACK_TEXT: Record<MigrationImpact['rollback'], string> = {
  'schema-only': 'schema only',
  'needs-data-restore': 'needs a data restore',
  impossible: 'impossible',
};

/** The operations that got an estimate, in file order. */
export function estimated(m: MigrationReport): Array<Operation & { estimate: NonNullable<Operation['estimate']> }> {
  return m.operations.filter((o): o is Operation & { estimate: NonNullable<Operation['estimate']> } => o.estimate !== undefined);
}

/** `~2.7 s (1.4 s–5.5 s), ACCESS EXCLUSIVE blocks reads and writes`. */
export function estimateText(o: Operation & { estimate: NonNullable<Operation['estimate']> }): string {
  const e = o.estimate;
  const blocks = e.blocks === 'none' ? 'blocks neither reads nor writes' : `blocks ${e.blocks}`;
  return `${formatRange(e.durationMs, e.low, e.high)}, ${lockModeSql(e.lock)} ${blocks}`;
}
