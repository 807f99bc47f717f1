// Folds a dry-run into a migration's report. What the dry-run observed outranks the static
// guess: a rewrite or a blocking lock seen on a pre-existing table raises the statement's
// operations; a statement feared to rewrite that provably did not says so. Pure.
import type { DryRunResult, Finding, MigrationReport, Operation, OperationKind, Risk, StatementTrace } from '../core/types.js';
import { lockModeSql, lockRank, maxRisk } from '../core/risk.js';
import { rule as observedRewrite } from '../../rules/observed-rewrite.js';
import { rule as observedBlockingLock } from '../../rules/observed-blocking-lock.js';
import { rule as rollbackIncomplete } from '../../rules/rollback-incomplete.js';
import { rule as rollbackReapplyFailed } from '../../rules/rollback-reapply-failed.js';
import { rule as dryRunFailed } from '../../rules/dry-run-failed.js';
import { rule as dryRunRefused } from '../../rules/dry-run-refused.js';
import { rule as dryRunUnobserved } from '../../rules/dry-run-unobserved.js';
import { SQLSTATE_CANCELED, SQLSTATE_PRIVILEGE } from './sandbox.js';

/** Operations static rules may flag as rewriting the table. */
const MAY_REWRITE: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'ALTER_COLUMN_TYPE', 'ADD_COLUMN_VOLATILE_DEFAULT', 'ADD_COLUMN_NOT_NULL', 'SET_LOGGED', 'SET_UNLOGGED',
  'VACUUM_FULL', 'CLUSTER', 'ALTER_TABLE_OTHER',
]);
/** Work that makes a lock held across it expensive: rows touched or a table scanned. */
const SLOW_KINDS: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'UPDATE_VALUES', 'DELETE_ROWS', 'INSERT_ROWS', 'CREATE_INDEX', 'VALIDATE_CONSTRAINT', 'REFRESH_MATERIALIZED_VIEW',
]);

function ms(n: number): string {
  return n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(1)} s`;
}

function engineLabel(r: DryRunResult): string {
  return `${r.engine} (Postgres ${r.serverVersion})`;
}

export function mergeDryRun(report: MigrationReport, result: DryRunResult): MigrationReport {
  const operations: Operation[] = report.operations.map((o) => ({ ...o, rules: [...o.rules] }));
  const findings: Finding[] = report.findings.map((f) => ({ ...f }));
  const added: Finding[] = [];
  const raise = (statement: number, risk: Risk, ruleId: string) => {
    for (const op of operations) {
      if (op.statement !== statement) continue;
      op.risk = maxRisk(op.risk, risk);
      if (!op.rules.includes(ruleId)) op.rules = [...op.rules, ruleId];
    }
  };
  const opsOf = (statement: number) => operations.filter((o) => o.statement === statement);

  if (result.unobserved) {
    const at = result.statements.at(-1);
    // A migration that passed but was not run whole: its rollback was not (dryrun rollbackInPlace).
    const rollbackPath = result.status === 'passed' ? report.rollback.path : null;
    added.push({
      rule: dryRunUnobserved.id, risk: dryRunUnobserved.risk, line: at?.line ?? 1, column: at?.column ?? 1,
      ...(at ? { statement: at.statement, path: at.path } : rollbackPath ? { path: rollbackPath } : {}),
      message: `${result.status === 'failed' ? 'The dry-run could not observe this migration' : result.status === 'passed' ? 'The dry-run did not run all of this migration' : 'The dry-run did not run this migration'} on ${engineLabel(result)}: ${result.unobserved}. What it locks, rewrites or breaks is unknown.`,
    });
  }

  if (result.status === 'failed' && result.error) {
    const e = result.error;
    const refused = result.refused !== undefined || e.sqlstate === SQLSTATE_PRIVILEGE;
    const message = result.refused
      ? `The dry-run refused to run this migration: ${result.refused}.`
      : refused
        ? `Postgres refused this statement for the migration's unprivileged role: ${e.message} (SQLSTATE ${e.sqlstate}). A migration has no business running programs, reading server files or changing server settings.`
        : e.sqlstate === SQLSTATE_CANCELED
          ? `The dry-run stopped this statement at the time limit on ${engineLabel(result)}: ${e.message}.`
          : `The migration fails in the dry-run on ${engineLabel(result)}: ${e.message} (SQLSTATE ${e.sqlstate}).`;
    const rule = refused ? dryRunRefused : dryRunFailed;
    const failing = result.statements.find((t) => t.error);
    added.push({ rule: rule.id, risk: rule.risk, line: e.line, column: e.column, message, path: e.path, ...(failing ? { statement: failing.statement } : {}) });
    if (failing) raise(failing.statement, rule.risk, rule.id);
  }

  const traces = result.statements;
  for (let i = 0; i < traces.length; i++) {
    const t = traces[i]!;
    const rewritten = t.rewrittenTables ?? [];
    if (rewritten.length > 0) {
      const indexes = t.rewrites.filter((r) => !rewritten.includes(r));
      added.push({
        rule: observedRewrite.id, risk: observedRewrite.risk, line: t.line, column: t.column, statement: t.statement, path: t.path,
        message: `The dry-run saw this statement rewrite ${rewritten.join(', ')}${indexes.length ? ` and ${indexes.length} index${indexes.length > 1 ? 'es' : ''}` : ''} (new relfilenode) on ${engineLabel(result)}: every row is copied under ACCESS EXCLUSIVE.`,
      });
      raise(t.statement, observedRewrite.risk, observedRewrite.id);
    } else if (!t.error && result.status === 'passed') {
      noteNoRewrite(t, opsOf(t.statement), findings, result);
    }
    for (const l of t.locks) {
      if (!l.preExisting || (l.kind !== undefined && l.kind !== 'table') || lockRank(l.mode) < lockRank('ShareLock')) continue;
      if (rewritten.includes(l.relation)) continue;
      // An index operation whose table the analysis could not name (DROP INDEX, REINDEX INDEX)
      // locks the table of that index: the one the statement locked beside it.
      const onItsTable = (o: Operation) => o.table === l.relation || (!o.table && !!o.indexName && t.locks.some((x) => x.relation === o.indexName));
      const staticLock = opsOf(t.statement).filter((o) => onItsTable(o) && o.lock).map((o) => lockRank(o.lock!));
      const foreseen = staticLock.some((r) => r >= lockRank(l.mode));
      const across = l.heldAcross ?? 0;
      if (foreseen && across === 0) continue;
      const window = traces.slice(i + 1, i + 1 + across);
      const slow = window.some((w) => (w.rewrittenTables?.length ?? 0) > 0 || opsOf(w.statement).some((o) => SLOW_KINDS.has(o.kind) || o.risk === 'DANGEROUS'));
      const risk: Risk = across > 0 && slow ? 'DANGEROUS' : observedBlockingLock.risk;
      const what = l.mode === 'AccessExclusiveLock' ? 'blocks reads and writes' : 'blocks writes';
      const held = across > 0
        ? `and held it for ${ms(l.heldMs)} until COMMIT, across ${across} more statement${across > 1 ? 's' : ''}${slow ? ' that touch rows or rebuild data' : ''}`
        : `(held ${ms(l.heldMs)} in the dry-run)`;
      added.push({
        rule: observedBlockingLock.id, risk, line: t.line, column: t.column, statement: t.statement, path: t.path,
        message: `The dry-run saw this statement take ${lockModeSql(l.mode)} on ${l.relation}, which ${what}, ${held}${foreseen ? '' : '; the static analysis expected a weaker lock'}.`,
      });
      raise(t.statement, risk, observedBlockingLock.id);
    }
  }

  const rb = result.rollback;
  const downPath = report.rollback.path ?? undefined;
  if (rb) {
    const first = result.rollbackStatements?.[0];
    const differences = withoutParts(rb.differences);
    // A migration that cannot be applied again because the rollback left something behind is
    // the same fact as that leftover: one finding says both.
    const reapply = rb.reapply === 'failed' && rb.error
      ? `After its rollback the migration cannot be applied again: ${rb.error.message} (SQLSTATE ${rb.error.sqlstate}).`
      : undefined;
    differences.forEach((d, i) => {
      added.push({
        rule: rollbackIncomplete.id, risk: i === 0 && reapply ? maxRisk(rollbackIncomplete.risk, rollbackReapplyFailed.risk) : rollbackIncomplete.risk,
        line: first?.line ?? 1, column: first?.column ?? 1,
        message: d.charAt(0).toUpperCase() + d.slice(1) + ` (dry-run on ${engineLabel(result)}: migration, rollback, compare).` + (i === 0 && reapply ? ` ${reapply}` : ''),
        ...(downPath ? { path: downPath } : {}),
      });
    });
    if (rb.status === 'failed' && rb.error) {
      added.push({
        rule: dryRunFailed.id, risk: 'CAUTION', line: rb.error.line, column: rb.error.column, path: rb.error.path,
        message: `The rollback fails in the dry-run on ${engineLabel(result)}: ${rb.error.message} (SQLSTATE ${rb.error.sqlstate}).`,
      });
    }
    if (reapply && differences.length === 0 && rb.error) {
      added.push({ rule: rollbackReapplyFailed.id, risk: rollbackReapplyFailed.risk, line: rb.error.line, column: rb.error.column, path: rb.error.path, message: reapply });
    }
  }

  const all = [...findings, ...added];
  return {
    ...report,
    operations,
    findings: all,
    dryRun: result,
    risk: maxRisk(report.risk, ...added.map((f) => f.risk), ...operations.map((o) => o.risk)),
  };
}

/**
 * The differences without those a bigger one already says: the columns, constraints, triggers
 * and policies of a table that itself still exists (or is missing) after the rollback.
 */
function withoutParts(differences: readonly string[]): string[] {
  const whole = new Set<string>();
  for (const d of differences) {
    const m = /^(?:table|partitioned table|view|materialized view|foreign table|relation) (\S+) (still exists|is missing) /.exec(d);
    if (m) whole.add(`${m[1]} ${m[2]}`);
  }
  return differences.filter((d) => {
    const m = /^(?:column|constraint|trigger|policy) (\S+)\.[^.\s]+ (still exists|is missing) /.exec(d);
    return !(m && whole.has(`${m[1]} ${m[2]}`));
  });
}

/** A static rule feared a rewrite here, and the dry-run proves there was none: say so in its message. */
function noteNoRewrite(t: StatementTrace, ops: Operation[], findings: Finding[], result: DryRunResult): void {
  const feared = ops.filter((o) => MAY_REWRITE.has(o.kind) && !o.targetIsNew);
  if (feared.length === 0) return;
  const ruleIds = new Set(feared.flatMap((o) => o.rules));
  const note = ` Dry-run on ${engineLabel(result)}: no rewrite observed (relfilenode unchanged).`;
  for (const f of findings) {
    if (f.statement !== t.statement || !ruleIds.has(f.rule) || f.message.includes(note)) continue;
    // A finding that says the table is rewritten must not contradict what was observed: keep
    // what it is about (the text before its first colon) and say what the dry-run saw instead.
    const colon = f.message.indexOf(': ');
    if (REWRITE_CLAIMS.has(f.rule) && colon > 0 && !/does not rewrite/.test(f.message)) {
      f.message = `${f.message.slice(0, colon)}: the static analysis expected a table rewrite, but the dry-run on ${engineLabel(result)} saw none (relfilenode unchanged); the statement still holds its lock while it runs.`;
    } else {
      f.message += note;
    }
  }
}

/** Rules whose findings state that the table is rewritten. */
const REWRITE_CLAIMS: ReadonlySet<string> = new Set([
  'changing-column-type', 'volatile-default', 'adding-serial-or-identity-column', 'table-rewrite-settings', 'ban-vacuum-full', 'ban-cluster',
]);
