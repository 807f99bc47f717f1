// The plan as plain terminal text, for `migration-guard plan`.
import type { Plan, PlanChecks, PlanPhase, Verification } from './types.js';

/** One line saying what running the SQL proved (or why it proves nothing). */
export function verificationLine(v: Verification): string {
  switch (v.status) {
    case 'verified':
      return `verified on ${v.engine} (PostgreSQL ${v.serverVersion}) with ${v.seededRows} seeded rows per table`;
    case 'failed':
      return `FAILED verification on ${v.engine} (PostgreSQL ${v.serverVersion}, ${v.seededRows} seeded rows per table): ${v.reason}`;
    case 'not-run':
      return `not verified: ${v.reason}`;
  }
}

/**
 * How a phase's rollback SQL is shown: the SQL with what running it proved, or, when the
 * verification did not run it or running it failed, no SQL (nothing is printed as something to
 * run that we did not run) and why. Without a verification at all (`plan --no-verify`) the SQL,
 * as the plan's steps are.
 */
export function rollbackShown(phase: PlanPhase, v: Verification | undefined): { sql: string[]; head: string } | { failed: string } | undefined {
  if (!phase.rollbackSql?.length) return undefined;
  if (v && v.status !== 'verified') return { failed: `Its rollback SQL is not shown: it ${v.status === 'failed' ? verificationLine(v) : `was not run (${v.reason})`}` };
  const head = `Run these one at a time, outside a transaction, in this order${v ? ` (${verificationLine(v)})` : ''}:`;
  return { sql: phase.rollbackSql, head };
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l.length ? by + l : l))
    .join('\n');
}

export function renderPlanText(plan: Plan, verification?: PlanChecks): string {
  if (plan.phases.length === 0) {
    return ['Nothing to plan: no statements under review.', ...plan.notes.map((n) => `- ${n}`)].join('\n') + '\n';
  }
  const out: string[] = [];
  if (verification) {
    const v = verification.plan;
    out.push(
      v.status === 'failed'
        ? `This plan FAILED verification: do not run it as is. ${verificationLine(v)}`
        : v.status === 'verified'
          ? `This plan was run phase by phase and ended in the schema the migrations produce: ${verificationLine(v)}.`
          : `This plan is ${verificationLine(v)}.`,
      '',
    );
  }
  plan.phases.forEach((phase, i) => {
    out.push(`Phase ${i + 1}. ${phase.title}`);
    const pv = verification?.phases[i];
    if (pv) out.push(`  (${verificationLine(pv)})`);
    phase.steps.forEach((step, j) => {
      out.push(`  ${i + 1}.${j + 1} ${step.migrationPath}:${step.line} ${step.operationKind}`);
      out.push(indent(step.description, '      '));
      if (step.replaces) out.push(indent(`instead of: ${step.replaces.replace(/\s+/g, ' ').trim()}`, '      '));
      if (step.sql.length > 0) {
        out.push(`      ${step.transactional ? (step.sql.length > 1 ? 'in one transaction:' : 'run:') : 'outside a transaction, one statement at a time:'}`);
        for (const s of step.sql) out.push(indent(`${s};`, '        '));
      }
    });
    if (phase.appMustDo) out.push(`  Before the next phase: ${phase.appMustDo}`);
    out.push(`  Roll back: ${phase.rollback}`);
    const undo = rollbackShown(phase, verification?.rollbacks?.[i]);
    if (undo && 'failed' in undo) out.push(indent(undo.failed, '    '));
    else if (undo) out.push(`    ${undo.head}`, ...undo.sql.map((s) => indent(`${s};`, '      ')));
    out.push('');
  });
  if (plan.notes.length) {
    out.push('Notes:');
    for (const n of plan.notes) out.push(`  - ${n}`);
  }
  return out.join('\n').trimEnd() + '\n';
}
