// Whether a review fails, and why, in one place: the CLI's exit code and the pretty summary's
// "exit N: ..." line both come from here, so the summary never says one thing while the
// process does another.
import type { CheckResult } from '../check/types.js';
import { atLeast } from '../core/risk.js';
import type { Risk } from '../core/types.js';

export interface Verdict {
  exitCode: 0 | 1;
  /** Why the exit code is 1, in words; empty for 0. */
  reasons: string[];
}

export function verdict(result: CheckResult, failOn: Risk): Verdict {
  const { report } = result;
  const reasons: string[] = [];
  const failing = report.migrations.filter((m) => atLeast(m.risk, failOn)).length;
  if (failing) reasons.push(`${count(failing, 'migration')} at or above the fail threshold ${failOn}`);
  // Parse errors always fail; a problem with its own rule (rollback-missing on a deleted
  // migration, file-unreadable, ...) fails like a finding of its risk.
  const failingErrors = report.errors.filter((e) => !e.rule || atLeast(e.risk ?? 'DANGEROUS', failOn)).length;
  if (failingErrors) reasons.push(count(failingErrors, 'error'));
  // A dry-run that failed on the migration itself (or on the history before it); a failed
  // re-apply after the rollback is a finding with its own risk, counted above.
  const dryRunFailed = report.migrations.filter((m) => m.dryRun && (m.dryRun.status === 'failed' || m.dryRun.status === 'base-failed')).length;
  if (dryRunFailed) reasons.push(count(dryRunFailed, 'failed dry-run'));
  return { exitCode: reasons.length ? 1 : 0, reasons };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
