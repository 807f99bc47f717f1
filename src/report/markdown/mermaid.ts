// A lock timeline from a dry-run as a mermaid gantt chart (GitHub renders it in comments):
// one bar per lock on a table that existed before the migration, from the statement that took
// it until the lock was released, red where it blocks writes.
import { blocksWrites, lockModeSql } from '../../core/risk.js';
import type { DryRunResult } from '../../core/types.js';

const MAX_BARS = 40;

function label(text: string): string {
  // Mermaid reads `:` as the end of a task name and `#`/`;` as syntax.
  return text.replace(/[:;#]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The chart, or undefined when the dry-run saw no lock on a pre-existing table. */
export function lockGantt(dryRun: DryRunResult, title: string): string | undefined {
  let t = 0;
  const bars: { section: string; name: string; start: number; end: number; crit: boolean }[] = [];
  for (const s of dryRun.statements) {
    const start = t;
    t += Math.max(0, s.durationMs);
    for (const lock of s.locks) {
      if (!lock.preExisting) continue;
      const end = start + Math.max(1, Math.round(lock.heldMs));
      bars.push({
        section: lock.relation,
        name: `${lockModeSql(lock.mode)} line ${s.line}`,
        start: Math.round(start),
        end: Math.max(Math.round(start) + 1, end),
        crit: blocksWrites(lock.mode),
      });
    }
  }
  if (bars.length === 0) return undefined;
  const shown = bars.slice(0, MAX_BARS);
  const sections = [...new Set(shown.map((b) => b.section))];
  const lines = ['gantt', `  title ${label(title)}`, '  dateFormat x', '  axisFormat %S.%L s'];
  for (const section of sections) {
    lines.push(`  section ${label(section)}`);
    for (const b of shown.filter((x) => x.section === section)) {
      lines.push(`  ${label(b.name)} :${b.crit ? 'crit, ' : ''}${b.start}, ${b.end}`);
    }
  }
  return lines.join('\n');
}
