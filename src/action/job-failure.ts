// Whether the Action's job fails, in one place for the pull request and the merge queue: by the
// same verdict as the CLI's exit code (src/report/verdict.ts), unless the migrations are
// approved or `fail-on` is `never`. The status on the commit is the gate; this is the job's own
// red or green, which a workflow may also depend on.
import type { Risk } from '../core/types.js';
import type { GateDecision } from '../github/review.js';
import { verdict } from '../report/verdict.js';

/** The message to fail the job with, or null when it passes. */
export function jobFailure(outcome: Pick<GateDecision, 'result' | 'risk' | 'approved' | 'status'>, failOn: Risk | 'never', what = 'Migrations'): string | null {
  if (outcome.risk === null || failOn === 'never' || outcome.approved) return null;
  const v = verdict(outcome.result, failOn);
  if (v.exitCode === 0) return null;
  return `${what} are ${outcome.risk} (fail-on: ${failOn}: ${v.reasons.join(', ')}) and not approved. ${outcome.status.description}`;
}
