// The pieces of the PR comment: headline, migrations table, approval state, plan overview, one
// collapsible section per migration, footer. Each returns Markdown; index.ts fits them together.
import type { AnalyzedMigration, ApprovalRecord, CheckResult } from '../../check/types.js';
import { atLeast, blocksWrites, lockModeSql } from '../../core/risk.js';
import type { DryRunResult, MigrationReport, Risk, Verification } from '../../core/types.js';
import { rollbackShown, verificationLine } from '../../plan/text.js';
import type { Plan, PlanChecks, PlanStep } from '../../plan/types.js';
import { cell, code, copiesFromCell, fenced, prose } from './escape.js';
import { lockGantt } from './mermaid.js';
import { DRY_RUN_FINDING_RULES, findStatement, suggestionLabel } from '../diagnostics.js';
import { serverAndTarget } from '../dry-run-version.js';
import { seedHeadline, seedSkipped } from '../seed-text.js';
import { impactBlock } from './impact.js';

export const RISK_ICON: Record<Risk, string> = { SAFE: '🟢', CAUTION: '🟡', DANGEROUS: '🔴' };

export interface SectionOptions {
  approval: ApprovalRecord | null;
  approvalRisk: Risk;
  approvalVoidedReason?: string;
  docsUrl: (id: string) => string;
  ruleTitle: (id: string) => string | undefined;
  reportLinks?: { jobSummary?: string; artifact?: string };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A failed dry-run no finding reports (the history before the migration failed): said beside the counts. */
function dryRunFailed(m: MigrationReport): boolean {
  const d = m.dryRun;
  return (d?.status === 'failed' || d?.status === 'base-failed') && !m.findings.some((f) => DRY_RUN_FINDING_RULES.has(f.rule));
}

export function headline(result: CheckResult): string {
  const ms = result.report.migrations;
  const count = (r: Risk) => ms.filter((m) => m.risk === r).length;
  const findings = ms.reduce((n, m) => n + m.findings.length, 0);
  const parts = [
    plural(ms.length, 'migration'),
    ...(['DANGEROUS', 'CAUTION', 'SAFE'] as const).filter((r) => count(r) > 0).map((r) => `${count(r)} ${r.toLowerCase()}`),
    plural(findings, 'finding'),
  ];
  const errors = result.report.errors.filter((e) => !e.rule).length;
  if (errors) parts.push(plural(errors, 'parse error'));
  const other = result.report.errors.filter((e) => e.rule).length;
  if (other) parts.push(plural(other, 'problem') + ' outside any migration');
  const failed = ms.filter((m) => dryRunFailed(m)).length;
  if (failed) parts.push(plural(failed, 'dry-run failure'));
  const risk = result.report.risk;
  if (ms.length === 0) return `## ${RISK_ICON.SAFE} migration-guard: no migrations in this change`;
  return `## ${RISK_ICON[risk]} migration-guard: ${risk}\n\n${parts.join(' · ')}`;
}

export function rollbackCell(m: MigrationReport): string {
  const status = m.rollback.status;
  const base = status === 'present' ? '✅ present' : status === 'missing' ? '❌ missing' : '➖ not required';
  const checked = m.dryRun?.rollback?.status;
  if (status !== 'present' || !checked || checked === 'not-run') return base;
  return `${base} · ${checked === 'exact' ? 'restores the schema' : checked === 'incomplete' ? '⚠️ incomplete' : '❌ fails'}`;
}

export function dryRunCell(d: DryRunResult | undefined): string {
  if (!d) return 'not run';
  switch (d.status) {
    case 'passed':
      return `✅ passed (${plural(d.statements.length, 'statement')}, ${Math.round(d.durationMs)} ms)`;
    case 'skipped':
      return `⏭️ skipped${d.reason ? `: ${d.reason}` : ''}`;
    case 'base-failed':
      return `⚠️ base history failed${d.reason ? `: ${d.reason}` : ''}`;
    case 'failed': {
      const err = d.statements.find((s) => s.error)?.error;
      return err ? `❌ failed at line ${err.line}: ${err.message}` : `❌ failed${d.reason ? `: ${d.reason}` : ''}`;
    }
  }
}

export function migrationsTable(result: CheckResult, rows?: number): string {
  const ms = result.report.migrations;
  if (ms.length === 0) return '';
  const shown = rows === undefined ? ms : ms.slice(0, rows);
  const lines = ['| Migration | Risk | Rollback | Dry-run |', '|---|---|---|---|'];
  for (const m of shown) {
    lines.push(`| ${code(m.path)} | ${RISK_ICON[m.risk]} ${m.risk} | ${cell(rollbackCell(m))} | ${cell(dryRunCell(m.dryRun))} |`);
  }
  if (shown.length < ms.length) lines.push(`| … and ${ms.length - shown.length} more | | | |`);
  return lines.join('\n');
}

export function approvalBlock(result: CheckResult, o: SectionOptions): string {
  const risk = result.report.risk;
  if (!atLeast(risk, o.approvalRisk) || result.report.migrations.length === 0) return '';
  if (o.approval) {
    const a = o.approval;
    return `✅ **Approved** by @${a.approver} on ${a.at.slice(0, 10)} for ${code(a.headSha.slice(0, 7))}${a.reason ? `: ${prose(a.reason)}` : ''}`;
  }
  if (o.approvalVoidedReason) {
    return `⚠️ **The earlier approval no longer applies:** ${prose(o.approvalVoidedReason)}. This change needs a new approval: comment ${code('/approve-migration <reason>')}.`;
  }
  // A plan that failed its own verification is no way out: never point to it as one.
  const failed = result.planVerification?.plan.status === 'failed';
  return `⛔ **This change needs approval** before it can merge (risk ${risk}, threshold ${o.approvalRisk}): ${failed ? 'the plan below failed its verification, so fix the migration' : 'follow the plan below'}, or comment ${code('/approve-migration <reason>')}.`;
}

export function errorsBlock(result: CheckResult): string {
  const parse = result.report.errors.filter((e) => !e.rule);
  const other = result.report.errors.filter((e) => e.rule);
  const out: string[] = [];
  if (parse.length) out.push('**Parse errors** (the migration is DANGEROUS until it parses):', '', ...parse.map((e) => `- ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`));
  if (other.length) {
    if (out.length) out.push('');
    out.push('**Outside any migration:**', '', ...other.map((e) => `- ${RISK_ICON[e.risk ?? 'DANGEROUS']} ${code(e.rule!)} ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`));
  }
  const notes = result.report.notes ?? [];
  if (notes.length) {
    if (out.length) out.push('');
    out.push(...notes.map((n) => `> ℹ️ ${n.path ? `${code(n.path)}: ` : ''}${prose(n.message)}`));
  }
  return out.join('\n');
}

export function planOverview(plan: Plan, verification?: PlanChecks): string {
  if (plan.phases.length === 0 && plan.notes.length === 0) return '';
  const v = verification?.plan;
  const out = [v?.status === 'failed' ? '### Plan (failed verification: not safe as it is)' : '### Safe plan', ''];
  if (v?.status === 'failed') out.push(`❌ **This plan failed verification: do not run it as is.** ${prose(verificationLine(v))}`, '');
  else if (v) out.push(`${v.status === 'verified' ? '✅ Run phase by phase, it ends in the schema the migrations produce: ' : ''}${prose(verificationLine(v))}.`, '');
  plan.phases.forEach((p, i) => {
    const n = p.steps.filter((s) => s.sql.length > 0).length;
    const pv = verification?.phases[i];
    const mark = pv ? ` — ${pv.status === 'verified' ? '✅' : pv.status === 'failed' ? '❌' : '⚪'} ${prose(verificationLine(pv))}` : '';
    out.push(`${i + 1}. **${prose(p.title)}**${n ? ` (${plural(n, 'step')})` : ''}${mark}`);
    if (p.appMustDo) out.push(`   - Before the next phase: ${prose(p.appMustDo)}`);
    out.push(`   - Roll back: ${prose(p.rollback)}`);
    // The comment shows rollback SQL only once it was run and did its job (check --dry-run).
    const rv = verification?.rollbacks?.[i];
    const undo = rv && rollbackShown(p, rv);
    if (undo && 'failed' in undo) out.push(`     ${rv.status === 'failed' ? '❌' : '⚪'} ${prose(undo.failed)}`);
    else if (undo) out.push(`     ✅ ${prose(undo.head)}`, '', indentBlock(fenced('sql', undo.sql.map((s) => `${s};`).join('\n')), '     '));
  });
  if (plan.notes.length) {
    out.push('', '<details><summary>Notes on the plan</summary>', '', ...plan.notes.map((n) => `- ${prose(n)}`), '', '</details>');
  }
  return out.join('\n');
}

function findingsTable(m: MigrationReport, o: SectionOptions): string {
  if (m.findings.length === 0) return '_No findings._';
  const lines = ['| | Rule | Line | Why |', '|---|---|---|---|'];
  // Suggestions a cell would change go below the table, each in a block that keeps it exact.
  const below: Array<{ label: string; head: string; sql: string }> = [];
  for (const f of m.findings) {
    const title = o.ruleTitle(f.rule);
    const rule = `[${f.rule}](${o.docsUrl(f.rule)})${title ? `<br>${cell(title)}` : ''}`;
    // Whether the SQL ran: verified, or not verified and why (a failed one is no longer shown).
    const v = f.suggestionVerification;
    const checked = v && v.status !== 'failed' ? ` _(${v.status === 'verified' ? '' : '⚪ '}${cell(verificationLine(v))})_` : '';
    let suggestion = '';
    if (f.suggestion && copiesFromCell(f.suggestion)) suggestion = `<br>**${suggestionLabel(f)}:** ${cell(f.suggestion)}${checked}`;
    else if (f.suggestion) {
      const label = `S${below.length + 1}`;
      suggestion = `<br>**${suggestionLabel(f)}:** the SQL ${label} below${checked}`;
      below.push({ label, head: `**${label}** (line ${f.line}, ${code(f.rule)}):`, sql: f.suggestion.trim() });
    }
    const why = cell(f.message) + suggestion;
    const where = f.path && f.path !== m.path ? `${cell(f.path)}:${f.line}` : String(f.line);
    lines.push(`| ${RISK_ICON[f.risk]} | ${rule} | ${where} | ${why} |`);
  }
  for (const b of below) lines.push('', b.head, '', fenced('sql', b.sql));
  return lines.join('\n');
}

function statementText(a: AnalyzedMigration, index: number): string {
  const s = findStatement(a, a.up.path, index);
  if (!s) return '';
  const flat = s.text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

function locksBlock(a: AnalyzedMigration): string {
  const d = a.report.dryRun;
  if (!d || d.statements.length === 0) return '';
  const rows: string[] = [];
  for (const s of d.statements) {
    const locks = s.locks.filter((l) => l.preExisting);
    for (const l of locks) {
      rows.push(
        `| ${s.line} | ${code(statementText(a, s.statement))} | ${code(l.relation)} | ${blocksWrites(l.mode) ? '🔴 ' : ''}${lockModeSql(l.mode)} | ${Math.round(l.heldMs)} ms | ${s.rewrites.includes(l.relation) ? 'rewritten' : ''} |`,
      );
    }
  }
  const head = `#### Dry-run (${d.engine}, ${prose(serverAndTarget(d))}): ${prose(dryRunCell(d))}`;
  const out = [head];
  if (d.seed && d.seed.rows > 0) {
    const tables = d.seed.tables.length ? ` (${d.seed.tables.map(code).join(', ')})` : '';
    const skipped = seedSkipped(d.seed);
    const headline = seedHeadline(d.seed);
    out.push('', `${prose(headline.charAt(0).toUpperCase() + headline.slice(1))}${tables}.${skipped.length ? ` Not seeded: ${skipped.map(prose).join('; ')}.` : ''}`);
  }
  const err = d.statements.find((s) => s.error)?.error;
  if (err) out.push('', `${code(`${err.path}:${err.line}:${err.column}`)} ${code(err.sqlstate)} ${prose(err.message)}`);
  if (d.rollback && d.rollback.status !== 'exact' && d.rollback.status !== 'not-run') {
    // What differs is in the findings (rollback-incomplete), once.
    out.push('', `Rollback: ${d.rollback.status}${d.rollback.differences.length ? ` (${plural(d.rollback.differences.length, 'difference')}, see the findings)` : ''}`);
  }
  if (rows.length === 0) {
    out.push('', '_No lock on a table that existed before the migration._');
    return out.join('\n');
  }
  out.push('', '| Line | Statement | Table | Lock | Held | |', '|---|---|---|---|---|---|', ...rows);
  const chart = lockGantt(d, `Locks held by ${a.report.path}`);
  if (chart) out.push('', fenced('mermaid', chart));
  return out.join('\n');
}

function stepBlock(step: PlanStep): string {
  const how = step.sql.length === 0 ? '' : step.transactional ? (step.sql.length > 1 ? ' _(one transaction)_' : '') : ' _(outside a transaction)_';
  const out = [`- line ${step.line} · ${code(step.operationKind)}${how}: ${prose(step.description)}`];
  if (step.sql.length) out.push('', indentBlock(fenced('sql', step.sql.map((s) => `${s};`).join('\n')), '  '));
  return out.join('\n');
}

function indentBlock(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

function planForMigration(plan: Plan, path: string): string {
  const out: string[] = [];
  plan.phases.forEach((p, i) => {
    const steps = p.steps.filter((s) => s.migrationPath === path);
    if (steps.length === 0) return;
    out.push(`**${i + 1}. ${prose(p.title)}**`, '', ...steps.map(stepBlock), '');
  });
  if (out.length === 0) return '';
  return ['#### Plan for this migration', '', ...out].join('\n').trimEnd();
}

export function migrationDetails(a: AnalyzedMigration, plan: Plan, o: SectionOptions, planFailed = false): string {
  const m = a.report;
  const summary = [
    `<b>${prose(m.path)}</b>`,
    `${RISK_ICON[m.risk]} ${m.risk}`,
    plural(m.findings.length, 'finding'),
    ...(a.up.errors.length ? ['parse error'] : []),
    ...(dryRunFailed(m) ? ['dry-run failed'] : []),
  ].join(' · ');
  const parts = [`<details${m.risk === 'DANGEROUS' ? ' open' : ''}><summary>${summary}</summary>`, ''];
  for (const e of a.up.errors) parts.push(`❌ Does not parse: ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`, '');
  parts.push('#### Findings', '', findingsTable(m, o));
  const impact = impactBlock(m);
  if (impact) parts.push('', impact);
  const locks = locksBlock(a);
  if (locks) parts.push('', locks);
  const planText = planForMigration(plan, m.path);
  if (planText) parts.push('', planFailed ? planText.replace('#### Plan for this migration', '#### Plan for this migration (failed verification: do not run it as is)') : planText);
  parts.push('', '</details>');
  return parts.join('\n');
}

export function migrationStub(m: MigrationReport): string {
  return `- ${code(m.path)} ${RISK_ICON[m.risk]} ${m.risk}: details left out of this comment (see the job summary or the JSON report).`;
}

export function footer(result: CheckResult, o: SectionOptions): string {
  const links = [
    o.reportLinks?.jobSummary ? `[job summary](${o.reportLinks.jobSummary})` : '',
    o.reportLinks?.artifact ? `[JSON report](${o.reportLinks.artifact})` : '',
  ].filter(Boolean);
  const approve = atLeast(result.report.risk, o.approvalRisk)
    ? `To approve ${o.approvalRisk === 'DANGEROUS' ? 'a DANGEROUS' : `a ${o.approvalRisk} or riskier`} change, someone allowed to approve comments ${code('/approve-migration <reason>')}; a new push to the migrations voids it.`
    : `Changes at ${o.approvalRisk} or above need ${code('/approve-migration <reason>')} from someone allowed to approve.`;
  return ['---', `<sub>${approve}${links.length ? ` Full report: ${links.join(' · ')}.` : ''} Generated by migration-guard.</sub>`].join('\n');
}
