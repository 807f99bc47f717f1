// `migration-guard rules <id>`: one rule's documentation for the terminal, from the same
// text that feeds the PR comment and docs/rules.md.
import { createColors } from 'picocolors';
import type { Rule } from '../analyze/rule.js';

export function renderRuleText(rule: Rule, color: boolean): string {
  const c = createColors(color);
  const riskColor = rule.risk === 'DANGEROUS' ? c.red : rule.risk === 'CAUTION' ? c.yellow : c.green;
  const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');
  const lines = [
    `${riskColor(c.bold(rule.risk))} ${c.bold(rule.id)}: ${rule.title}`,
    '',
    ...(rule.enabledByDefault === false
      ? [c.bold(`Off by default`) + ` (turn on: rules: { ${rule.id}: on }${rule.presets?.length ? ` or preset: ${rule.presets.join(' / ')}` : ''})`, ...(rule.docs.policy ? [indent(rule.docs.policy)] : []), '']
      : []),
    c.bold('Why'),
    indent(rule.docs.why),
  ];
  if (rule.docs.lock) lines.push('', c.bold('Lock'), indent(rule.docs.lock));
  lines.push('', c.bold('Instead'), indent(rule.docs.instead), '', c.bold('Bad'), c.red(indent(rule.docs.bad)), '', c.bold('Good'), c.green(indent(rule.docs.good)));
  const eq = rule.docs.equivalents;
  if (eq && (eq.squawk || eq.strongMigrations || eq.eugene || eq.pgfence)) {
    const parts = [eq.squawk && `squawk: ${eq.squawk}`, eq.strongMigrations && `strong_migrations: ${eq.strongMigrations}`, eq.eugene && `eugene: ${eq.eugene}`, eq.pgfence && `pgfence: ${eq.pgfence}`].filter(Boolean);
    lines.push('', c.bold('Same rule elsewhere'), indent(parts.join('\n')));
  }
  lines.push('', c.dim(`Silence it for one statement with: -- migration-guard-ignore ${rule.id}`), '');
  return lines.join('\n');
}
