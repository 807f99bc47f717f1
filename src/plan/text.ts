// The plan as plain terminal text, for `migration-guard plan`.
import type { Plan } from './types.js';

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l.length ? by + l : l))
    .join('\n');
}

export function renderPlanText(plan: Plan): string {
  if (plan.phases.length === 0) {
    return ['Nothing to plan: no statements under review.', ...plan.notes.map((n) => `- ${n}`)].join('\n') + '\n';
  }
  const out: string[] = [];
  plan.phases.forEach((phase, i) => {
    out.push(`Phase ${i + 1}. ${phase.title}`);
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
    for (const s of phase.rollbackSql ?? []) out.push(indent(`${s};`, '    '));
    out.push('');
  });
  if (plan.notes.length) {
    out.push('Notes:');
    for (const n of plan.notes) out.push(`  - ${n}`);
  }
  return out.join('\n').trimEnd() + '\n';
}
