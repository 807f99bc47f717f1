// The impact summary of one migration in the PR comment: a small table (risk, estimated
// blocking time, data loss, bytes and WAL, rollback complexity, prerequisites), the estimate of
// each costly statement with what it is based on, and a mermaid lock timeline of the estimated
// durations on production (the dry-run's own chart shows what the throwaway database measured).
import { blocksWrites, lockModeSql } from '../../core/risk.js';
import type { MigrationReport } from '../../core/types.js';
import { formatRange } from '../../estimate/model.js';
import { blockingText, dataLossText, estimated, performanceText, ROLLBACK_TEXT } from '../impact-text.js';
import { cell, code, fenced } from './escape.js';

const MAX_BARS = 30;

export function impactBlock(m: MigrationReport): string {
  const impact = m.impact;
  if (!impact) return '';
  const blocking = blockingText(impact);
  const perf = performanceText(impact);
  // Without an estimate, data loss or a prerequisite there is nothing a reviewer needs here.
  if (blocking === undefined && impact.dataLoss === 'none' && impact.prerequisites.length === 0) return '';
  const rows: Array<[string, string]> = [['Risk', impact.risk]];
  if (blocking !== undefined) rows.push(['Estimated blocking time', cell(blocking)]);
  rows.push(['Data loss', cell(dataLossText(impact))]);
  if (perf) rows.push(['Performance impact', cell(perf)]);
  rows.push(['Rollback', ROLLBACK_TEXT[impact.rollback]]);
  if (impact.prerequisites.length) rows.push(['Do first', cell(impact.prerequisites.join('; '))]);
  const out = ['#### Impact', '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
  const ops = estimated(m).filter((o) => o.estimate.durationMs >= 10 || o.estimate.lockMs > 0);
  if (ops.length) {
    out.push('', '| Line | Operation | Table | Runs | Lock | Blocks | Based on |', '|---|---|---|---|---|---|---|');
    for (const o of ops) {
      const e = o.estimate;
      out.push(`| ${o.line} | ${code(o.kind)} | ${codeCell(o.table ?? '')} | ${cell(formatRange(e.durationMs, e.low, e.high))} | ${blocksWrites(e.lock) ? '🔴 ' : ''}${lockModeSql(e.lock)} | ${e.blocks} | ${cell(e.basis)} |`);
    }
    const chart = estimatedGantt(m);
    if (chart) out.push('', fenced('mermaid', chart));
  }
  return out.join('\n');
}

/**
 * Inline code inside a table cell: GitHub splits cells at `|` even inside a code span, so a
 * table name with a pipe would end the span early and let the rest through as HTML.
 */
function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/** Mermaid reads `:`, `;` and `#` as syntax; a table name comes from the migration's author. */
function label(text: string): string {
  return text.replace(/[^\p{L}\p{N}_ .()-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || '?';
}

/** One bar per estimated statement, one after another, red where it blocks writes. */
function estimatedGantt(m: MigrationReport): string | undefined {
  const ops = estimated(m).filter((o) => o.estimate.durationMs > 0).slice(0, MAX_BARS);
  if (ops.length === 0) return undefined;
  let t = 0;
  const total = ops.reduce((a, o) => a + o.estimate.durationMs, 0);
  const lines = ['gantt', `  title ${label(`Estimated locks on production, ${m.path}`)}`, '  dateFormat x', `  axisFormat ${total >= 60_000 ? '%M:%S' : '%S.%L s'}`];
  const tables = [...new Set(ops.map((o) => o.table ?? ''))];
  for (const table of tables) {
    lines.push(`  section ${label(table)}`);
    // Bars keep their place in the migration's order, so sections may leave gaps.
    t = 0;
    for (const o of ops) {
      const start = Math.round(t);
      t += o.estimate.durationMs;
      if ((o.table ?? '') !== table) continue;
      const crit = blocksWrites(o.estimate.lock) ? 'crit, ' : '';
      lines.push(`  ${label(`${lockModeSql(o.estimate.lock)} line ${o.line} ${o.kind}`)} :${crit}${start}, ${Math.max(start + 1, Math.round(t))}`);
    }
  }
  return lines.join('\n');
}
