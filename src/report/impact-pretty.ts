// The impact summary and per-statement estimates in the terminal report: a few `field` lines
// under the migration's header. Only what is known is printed.
import type { MigrationReport } from '../core/types.js';
import { blockingText, dataLossText, estimated, estimateText, performanceText, ROLLBACK_TEXT } from './impact-text.js';

export function impactFields(m: MigrationReport, field: (label: string, value: string) => string, dim: (s: string) => string): string[] {
  const impact = m.impact;
  if (!impact) return [];
  const out: string[] = [];
  const blocking = blockingText(impact);
  if (blocking !== undefined) out.push(field('blocking', `${blocking} ${dim('(estimated downtime: reads/writes wait this long)')}`));
  for (const o of estimated(m)) {
    if (o.estimate.durationMs < 10 && o.estimate.lockMs === 0) continue;
    out.push(field('', `${dim(`line ${o.line}`)} ${o.kind} ${o.table}: ${estimateText(o)}`));
    out.push(field('', dim(`  based on ${o.estimate.basis}`)));
  }
  const perf = performanceText(impact);
  if (perf) out.push(field('performance', perf));
  if (impact.dataLoss !== 'none') out.push(field('data loss', dataLossText(impact)));
  if (blocking !== undefined || impact.dataLoss !== 'none' || impact.rollback !== 'schema-only') out.push(field('undo', ROLLBACK_TEXT[impact.rollback]));
  if (impact.prerequisites.length) out.push(field('first', impact.prerequisites.join('; ')));
  return out;
}
