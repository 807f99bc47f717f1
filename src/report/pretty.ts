// The terminal report: per migration a header (path, risk, rollback, dry-run locks and
// rewrites), then each finding the way a good compiler prints a diagnostic — what, where, the
// source with a marker, why it matters, the lock, what to do instead — then one summary that
// says whether the run fails. Colour only when the caller asks (the CLI decides from the TTY,
// NO_COLOR and FORCE_COLOR).
import { serverAndTarget } from './dry-run-version.js';
import { seedSkipped, seedSummary } from './seed-text.js';
import { verdict } from './verdict.js';
import pc from 'picocolors';
import type { AnalyzedMigration, CheckResult } from '../check/types.js';
import { lockModeSql, riskRank } from '../core/risk.js';
import { RISKS, type DryRunResult, type MigrationReport, type Risk, type StatementTrace } from '../core/types.js';
import {
  collectDiagnostics,
  defaultRuleLookup,
  findStatement,
  suggestionLabel,
  type Diagnostic,
  type RuleLookup,
} from './diagnostics.js';
import { contentEnd, gutterWidthFor, locationLine, renderSnippet, type SnippetStyle } from './snippet.js';
import { displayWidth, layoutLine, padEnd, padStart, truncate, wrap } from './text-layout.js';
import { ruleDocsUrl } from './tool-info.js';
import { trimTrailing, byCodeUnit } from '../core/strings.js';
import { impactFields } from './impact-pretty.js';

export interface PrettyOptions {
  color: boolean;
  /** Terminal width in columns (default 100). */
  width?: number;
  /** Every line of long statements, every dry-run statement, the operations, the rule examples. */
  verbose?: boolean;
  /** The CLI's fail threshold, for the exit hint (default DANGEROUS). */
  failOn?: Risk;
  ruleById?: RuleLookup;
}

type Colors = ReturnType<typeof pc.createColors>;

interface Ctx {
  c: Colors;
  width: number;
  verbose: boolean;
  sourceLines: (path: string) => string[] | undefined;
  /** Rules whose `why` and `lock` were already printed. */
  explained: Set<string>;
}

const DEFAULT_WIDTH = 100;
/** Lines of a statement shown after its first in non-verbose mode. */
const MAX_EXTRA_LINES = 3;

export function renderPretty(result: CheckResult, opts: PrettyOptions): string {
  const c = pc.createColors(opts.color);
  const width = Math.max(40, Math.min(opts.width ?? DEFAULT_WIDTH, 240));
  const split = new Map<string, string[]>();
  const ctx: Ctx = {
    c,
    width,
    verbose: opts.verbose ?? false,
    explained: new Set(),
    sourceLines: (path) => {
      let lines = split.get(path);
      if (!lines) {
        const text = result.sources.get(path);
        if (text === undefined) return undefined;
        lines = text.split('\n');
        split.set(path, lines);
      }
      return lines;
    },
  };
  const diagnostics = collectDiagnostics(result, opts.ruleById ?? defaultRuleLookup);
  const blocks: string[][] = [];

  result.report.migrations.forEach((mr, i) => {
    const mine = diagnostics.filter((d) => d.migration === i).sort(inFileOrder(mr.path));
    blocks.push(migrationBlock(ctx, mr, result.migrations[i], mine));
  });
  const loose = diagnostics.filter((d) => d.migration === undefined);
  if (loose.length) blocks.push([rule(ctx, 'outside any migration', undefined), '', ...loose.flatMap((d) => [...diagnosticBlock(ctx, d), ''])]);
  const notes = result.report.notes ?? [];
  if (notes.length) blocks.push(notes.map((n) => c.dim(`note: ${n.path ? `${n.path}: ` : ''}${n.message}`)));
  if (result.report.migrations.length === 0 && loose.length === 0) blocks.push([c.dim('No migrations to check.')]);

  blocks.push(summary(ctx, result, diagnostics, opts.failOn ?? 'DANGEROUS'));
  return blocks.map((b) => trimTrailing(b.join('\n'), '\n')).join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Per migration

function migrationBlock(ctx: Ctx, mr: MigrationReport, am: AnalyzedMigration | undefined, diags: Diagnostic[]): string[] {
  const { c } = ctx;
  const out: string[] = [rule(ctx, mr.path, mr.risk)];
  out.push(field(ctx, 'rollback', rollbackText(ctx, mr)));
  out.push(...impactFields(mr, (label, value) => field(ctx, label, value), ctx.c.dim));
  if (ctx.verbose && (mr.layout || mr.change)) out.push(field(ctx, 'layout', [mr.layout, mr.change].filter(Boolean).join(', ')));
  if (mr.dryRun) out.push(...dryRunLines(ctx, mr.dryRun, am));
  for (const n of mr.notes ?? []) out.push(field(ctx, 'note', `${n.path === mr.path ? '' : n.path + ':'}${n.line}:${n.column} ${n.message}`));
  if (ctx.verbose && mr.operations.length) out.push(...operationLines(ctx, mr));
  out.push('');
  if (diags.length === 0) out.push(`   ${c.green('no findings')}`);
  for (const d of diags) out.push(...diagnosticBlock(ctx, d), '');
  return out;
}

function rollbackText(ctx: Ctx, mr: MigrationReport): string {
  const { c } = ctx;
  switch (mr.rollback.status) {
    case 'present':
      return mr.rollback.path ? `present: ${mr.rollback.path}` : 'present';
    case 'missing':
      return c.yellow('missing');
    case 'not-required':
      return 'not required (the layout has no rollbacks)';
  }
}

function dryRunLines(ctx: Ctx, dr: DryRunResult, am: AnalyzedMigration | undefined): string[] {
  const { c } = ctx;
  const status = dr.status === 'passed' ? c.green('passed') : dr.status === 'skipped' ? c.dim('skipped') : c.red(dr.status);
  const parts = [dr.status === 'skipped' ? status : `${status} on ${dr.engine} (${serverAndTarget(dr)}) in ${formatMs(dr.durationMs)}`];
  if (dr.reason) parts.push(dr.reason);
  if (dr.timedOut) parts.push(c.red('stopped by the time limit'));
  if (dr.refused) parts.push(c.red(`refused: ${dr.refused}`));
  if (dr.unobserved) parts.push(c.red(`not observed: ${dr.unobserved}`));
  if (dr.seed && dr.seed.rows > 0) parts.push(dr.seed.tables.length ? seedSummary(dr.seed) : c.yellow(seedSummary(dr.seed)));
  if (dr.rollback) {
    const rb = dr.rollback;
    const rbStatus = rb.status === 'exact' ? c.green('exact') : rb.status === 'not-run' ? c.dim('not run') : c.red(rb.status);
    parts.push(`rollback ${rbStatus}`);
    if (rb.reapply !== 'not-run') parts.push(`re-apply ${rb.reapply === 'passed' ? c.green('passed') : c.red(rb.reapply)}`);
  }
  const out = [field(ctx, 'dry-run', parts.join(' · '))];
  if (dr.seed && (ctx.verbose || dr.seed.tables.length === 0)) for (const s of seedSkipped(dr.seed)) out.push(field(ctx, '', c.dim(`not seeded: ${s}`)));
  if (dr.seed && ctx.verbose && dr.seed.tables.length) out.push(field(ctx, '', c.dim(`seeded: ${dr.seed.tables.join(', ')}`)));
  const rows = dr.statements.filter((t) => ctx.verbose || t.error || t.rewrites.length || t.locks.some((l) => l.preExisting && l.mode !== 'AccessShareLock'));
  if (rows.length) out.push(...traceTable(ctx, rows, am));
  const hidden = dr.statements.length - rows.length;
  if (hidden > 0 && rows.length) out.push(field(ctx, '', c.dim(`${hidden} more statement${hidden === 1 ? '' : 's'} took no blocking lock on an existing table (--verbose)`)));
  return out;
}

/** Locks and rewrites per statement, as a small table under the dry-run line. */
function traceTable(ctx: Ctx, rows: StatementTrace[], am: AnalyzedMigration | undefined): string[] {
  const { c } = ctx;
  const indent = ' '.repeat(15);
  const lineW = Math.max(4, ...rows.map((t) => String(t.line).length));
  const msW = Math.max(4, ...rows.map((t) => formatMs(t.durationMs).length));
  const avail = Math.max(30, ctx.width - indent.length - lineW - msW - 8);
  const stmtW = Math.max(12, Math.floor(avail * 0.4));
  const lockW = Math.max(10, Math.floor(avail * 0.35));
  const rewriteW = Math.max(8, avail - stmtW - lockW);
  const row = (line: string, stmt: string, locks: string, rewrites: string, ms: string) =>
    `${indent}${padStart(line, lineW)}  ${padEnd(truncate(stmt, stmtW), stmtW)}  ${padEnd(truncate(locks, lockW), lockW)}  ${padEnd(truncate(rewrites, rewriteW), rewriteW)}  ${padStart(ms, msW)}`.trimEnd();
  const out = [c.dim(row('line', 'statement', 'locks', 'rewrites', 'time'))];
  for (const t of rows) {
    const locks = t.locks
      .filter((l) => ctx.verbose || l.preExisting)
      .map((l) => `${lockModeSql(l.mode)} ${l.relation}`)
      .join(', ');
    const line = row(String(t.line), statementHead(ctx, t, am), locks || '—', t.rewrites.join(', ') || '—', formatMs(t.durationMs));
    out.push(t.error ? c.red(line) : line);
  }
  return out;
}

/** The first line of the traced statement, whitespace collapsed. */
function statementHead(ctx: Ctx, t: StatementTrace, am: AnalyzedMigration | undefined): string {
  const stmt = am ? findStatement(am, t.path, t.statement) : undefined;
  const text = stmt?.text ?? ctx.sourceLines(t.path)?.[t.line - 1] ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

function operationLines(ctx: Ctx, mr: MigrationReport): string[] {
  const { c } = ctx;
  const posW = Math.max(8, ...mr.operations.map((o) => `${o.line}:${o.column}`.length));
  const kindW = Math.max(4, ...mr.operations.map((o) => o.kind.length));
  const out = [field(ctx, 'operations', c.dim(`${padEnd('line:col', posW)}  ${padEnd('kind', kindW)}  ${padEnd('risk', 9)}  lock / table`))];
  for (const o of mr.operations) {
    const target = [o.lock ? lockModeSql(o.lock) : '', o.table ?? ''].filter(Boolean).join(' ');
    out.push(field(ctx, '', `${padEnd(`${o.line}:${o.column}`, posW)}  ${padEnd(o.kind, kindW)}  ${riskColor(ctx, o.risk)(padEnd(o.risk, 9))}  ${target}`.trimEnd()));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One diagnostic

function diagnosticBlock(ctx: Ctx, d: Diagnostic): string[] {
  const { c } = ctx;
  const color = riskColor(ctx, d.risk);
  const heading =
    d.kind === 'finding'
      ? `${c.bold(color(d.risk))} ${c.bold(d.ruleId)}${d.rule ? c.bold(`: ${d.rule.title}`) : ''}`
      : `${c.bold(color(d.risk))} ${c.bold(d.kind === 'parse-error' ? 'parse error' : 'dry-run failed')}${c.bold(`: ${d.message}`)}`;
  const out = [heading];

  const lines = ctx.sourceLines(d.path);
  const span = markSpan(d, lines);
  const gw = gutterWidthFor(span.lastLine);
  const style: SnippetStyle = { gutter: (s) => c.bold(c.blue(s)), marker: (s) => c.bold(color(s)), label: (s) => c.bold(color(s)) };
  out.push(locationLine(d.path, d.line, d.column, gw, style));

  // The specific message sits next to the marker when it fits, as a `= note:` otherwise.
  let noteInBody = d.kind === 'finding';
  if (lines && d.line <= lines.length) {
    const snippetBase = {
      lines,
      line: d.line,
      fromColumn: d.column,
      ...(span.toColumn !== undefined ? { toColumn: span.toColumn } : {}),
      lastLine: span.lastLine,
      ...(ctx.verbose ? {} : { maxExtraLines: MAX_EXTRA_LINES }),
      gutterWidth: gw,
    };
    let snippet = renderSnippet(snippetBase, style);
    if (noteInBody) {
      const markerLine = snippet[2]!;
      if (displayWidth(markerLine) + 1 + displayWidth(d.message) <= ctx.width && !d.message.includes('\n')) {
        snippet = renderSnippet({ ...snippetBase, label: d.message }, style);
        noteInBody = false;
      }
    }
    out.push(...snippet);
  }
  const snippetEnd = out.length;
  const eq = (label: string, text: string) => out.push(...equation(ctx, gw, label, text));
  if (noteInBody) eq('note', d.message);
  // A rule's explanation is printed at its first finding; later ones would only repeat it.
  if (d.rule && (ctx.verbose || !ctx.explained.has(d.ruleId))) {
    ctx.explained.add(d.ruleId);
    eq('why', d.rule.docs.why);
    if (d.rule.docs.lock) eq('lock', d.rule.docs.lock);
  }
  const instead = d.suggestion ?? d.rule?.docs.instead;
  if (instead) eq(suggestionLabel(d).toLowerCase(), instead);
  if (ctx.verbose && d.rule) {
    if (d.suggestion && d.rule.docs.instead) eq('help', d.rule.docs.instead);
    eq('bad', d.rule.docs.bad);
    eq('good', d.rule.docs.good);
    eq('docs', ruleDocsUrl(d.ruleId));
  }
  // The empty gutter line separates the source from the notes, when there are notes.
  if (out.length > snippetEnd) out.splice(snippetEnd, 0, `${' '.repeat(gw)} ${style.gutter('|')}`);
  return out;
}

/** Where the marker goes: the statement's extent on its first line, or the word at the position. */
function markSpan(d: Diagnostic, lines: string[] | undefined): { toColumn?: number; lastLine: number } {
  if (d.endLine === undefined || d.endColumn === undefined || !lines) return { lastLine: d.line };
  if (d.endLine === d.line) return { toColumn: d.endColumn, lastLine: d.line };
  return { toColumn: contentEnd(lines[d.line - 1] ?? ''), lastLine: d.endLine };
}

/** `   = label: text`, wrapped to the width with a hanging indent. */
function equation(ctx: Ctx, gw: number, label: string, text: string): string[] {
  const { c } = ctx;
  const prefix = `${' '.repeat(gw)} ${c.bold('=')} ${c.bold(label + ':')} `;
  const indent = ' '.repeat(gw + 3 + label.length + 2);
  const flat = text.split('\n').map((l) => layoutLine(l).text).join('\n');
  const lines = wrap(flat, Math.max(20, ctx.width - indent.length));
  return lines.map((l, i) => (i === 0 ? prefix + l : l ? indent + l : '').trimEnd());
}

// ---------------------------------------------------------------------------------------------
// Summary

function summary(ctx: Ctx, result: CheckResult, diags: Diagnostic[], failOn: Risk): string[] {
  const { c } = ctx;
  const { report } = result;
  const out = [rule(ctx, 'summary', undefined)];
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const perRisk = (risks: Risk[]) =>
    [...RISKS].reverse().map((r) => riskColor(ctx, r)(`${risks.filter((x) => x === r).length} ${r}`)).join(', ');

  const files = new Set<string>();
  for (const m of report.migrations) {
    files.add(m.path);
    if (m.rollback.path) files.add(m.rollback.path);
  }
  out.push(`${count(report.migrations.length, 'migration')} in ${count(files.size, 'file')}: ${perRisk(report.migrations.map((m) => m.risk))}`);
  const findings = diags.filter((d) => d.kind === 'finding');
  const parseErrors = diags.filter((d) => d.kind === 'parse-error').length;
  const dryRunErrors = diags.filter((d) => d.kind === 'dry-run-error').length;
  const extras = [
    parseErrors ? c.red(count(parseErrors, 'parse error')) : '',
    dryRunErrors ? c.red(count(dryRunErrors, 'dry-run failure')) : '',
  ].filter(Boolean);
  out.push([`${count(findings.length, 'finding')}: ${perRisk(findings.map((d) => d.risk))}`, ...extras].join(' · '));

  const { reasons } = verdict(result, failOn);
  if (reasons.length) out.push(c.bold(c.red(`exit 1: ${reasons.join(', ')}`)));
  else out.push(c.bold(c.green(`exit 0: nothing at or above the fail threshold ${failOn}`)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small pieces

/** `── title RISK ──────…` across the width. */
function rule(ctx: Ctx, title: string, risk: Risk | undefined): string {
  const { c } = ctx;
  const riskPart = risk ? `${c.bold(riskColor(ctx, risk)(risk))} ` : '';
  const plainWidth = 3 + displayWidth(title) + 1 + (risk ? risk.length + 1 : 0);
  const fill = Math.max(2, ctx.width - plainWidth);
  return `${c.dim('──')} ${c.bold(title)} ${riskPart}${c.dim('─'.repeat(fill))}`;
}

function field(ctx: Ctx, label: string, value: string): string {
  return `   ${ctx.c.dim(padEnd(label, 12))}${value}`;
}

function riskColor(ctx: Ctx, risk: Risk): (s: string) => string {
  const { c } = ctx;
  return risk === 'DANGEROUS' ? c.red : risk === 'CAUTION' ? c.yellow : c.green;
}

function inFileOrder(migrationPath: string) {
  return (a: Diagnostic, b: Diagnostic) =>
    Number(a.path !== migrationPath) - Number(b.path !== migrationPath) ||
    byCodeUnit(a.path, b.path) ||
    a.line - b.line ||
    a.column - b.column ||
    riskRank(b.risk) - riskRank(a.risk);
}

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
