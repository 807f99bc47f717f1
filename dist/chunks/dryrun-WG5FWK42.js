import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  SQLSTATE_CANCELED,
  SQLSTATE_PRIVILEGE,
  baseKey,
  diffSnapshots,
  findPgBinDir,
  runDryRun,
  sweepStale,
  sweepStaleClusters,
  takeSnapshot
} from "./chunk-C6PQVXDS.js";
import {
  resolveCacheDir
} from "./chunk-BEXAK5HS.js";
import {
  rule,
  rule2,
  rule3,
  rule4,
  rule5,
  rule6,
  rule7
} from "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import {
  lockModeSql,
  lockRank,
  maxRisk
} from "./chunk-UTBNT2LW.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-A3JI777A.js";
import "./chunk-GW7LTBFS.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";

// src/dryrun/merge.ts
var MAY_REWRITE = /* @__PURE__ */ new Set([
  "ALTER_COLUMN_TYPE",
  "ADD_COLUMN_VOLATILE_DEFAULT",
  "ADD_COLUMN_NOT_NULL",
  "SET_LOGGED",
  "SET_UNLOGGED",
  "VACUUM_FULL",
  "CLUSTER",
  "ALTER_TABLE_OTHER"
]);
var SLOW_KINDS = /* @__PURE__ */ new Set([
  "UPDATE_VALUES",
  "DELETE_ROWS",
  "INSERT_ROWS",
  "CREATE_INDEX",
  "VALIDATE_CONSTRAINT",
  "REFRESH_MATERIALIZED_VIEW"
]);
function ms(n) {
  return n < 1e3 ? `${Math.round(n)} ms` : `${(n / 1e3).toFixed(1)} s`;
}
function engineLabel(r) {
  return `${r.engine} (Postgres ${r.serverVersion})`;
}
function mergeDryRun(report, result) {
  const operations = report.operations.map((o) => ({ ...o, rules: [...o.rules] }));
  const findings = report.findings.map((f) => ({ ...f }));
  const added = [];
  const raise = (statement, risk, ruleId) => {
    for (const op of operations) {
      if (op.statement !== statement) continue;
      op.risk = maxRisk(op.risk, risk);
      if (!op.rules.includes(ruleId)) op.rules = [...op.rules, ruleId];
    }
  };
  const opsOf = (statement) => operations.filter((o) => o.statement === statement);
  if (result.unobserved) {
    const at = result.statements.at(-1);
    const rollbackPath = result.status === "passed" ? report.rollback.path : null;
    added.push({
      rule: rule3.id,
      risk: rule3.risk,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      ...at ? { statement: at.statement, path: at.path } : rollbackPath ? { path: rollbackPath } : {},
      message: `${result.status === "failed" ? "The dry-run could not observe this migration" : result.status === "passed" ? "The dry-run did not run all of this migration" : "The dry-run did not run this migration"} on ${engineLabel(result)}: ${result.unobserved}. What it locks, rewrites or breaks is unknown.`
    });
  }
  if (result.status === "failed" && result.error) {
    const e = result.error;
    const refused = result.refused !== void 0 || e.sqlstate === SQLSTATE_PRIVILEGE;
    const message = result.refused ? `The dry-run refused to run this migration: ${result.refused}.` : refused ? `Postgres refused this statement for the migration's unprivileged role: ${e.message} (SQLSTATE ${e.sqlstate}). A migration has no business running programs, reading server files or changing server settings.` : e.sqlstate === SQLSTATE_CANCELED ? `The dry-run stopped this statement at the time limit on ${engineLabel(result)}: ${e.message}.` : `The migration fails in the dry-run on ${engineLabel(result)}: ${e.message} (SQLSTATE ${e.sqlstate}).`;
    const rule8 = refused ? rule2 : rule;
    const failing = result.statements.find((t) => t.error);
    added.push({ rule: rule8.id, risk: rule8.risk, line: e.line, column: e.column, message, path: e.path, ...failing ? { statement: failing.statement } : {} });
    if (failing) raise(failing.statement, rule8.risk, rule8.id);
  }
  const traces = result.statements;
  for (let i = 0; i < traces.length; i++) {
    const t = traces[i];
    const rewritten = t.rewrittenTables ?? [];
    if (rewritten.length > 0) {
      const indexes = t.rewrites.filter((r) => !rewritten.includes(r));
      added.push({
        rule: rule5.id,
        risk: rule5.risk,
        line: t.line,
        column: t.column,
        statement: t.statement,
        path: t.path,
        message: `The dry-run saw this statement rewrite ${rewritten.join(", ")}${indexes.length ? ` and ${indexes.length} index${indexes.length > 1 ? "es" : ""}` : ""} (new relfilenode) on ${engineLabel(result)}: every row is copied under ACCESS EXCLUSIVE.`
      });
      raise(t.statement, rule5.risk, rule5.id);
    } else if (!t.error && result.status === "passed") {
      noteNoRewrite(t, opsOf(t.statement), findings, result);
    }
    for (const l of t.locks) {
      if (!l.preExisting || l.kind !== void 0 && l.kind !== "table" || lockRank(l.mode) < lockRank("ShareLock")) continue;
      if (rewritten.includes(l.relation)) continue;
      const onItsTable = (o) => o.table === l.relation || !o.table && !!o.indexName && t.locks.some((x) => x.relation === o.indexName);
      const staticLock = opsOf(t.statement).filter((o) => onItsTable(o) && o.lock).map((o) => lockRank(o.lock));
      const foreseen = staticLock.some((r) => r >= lockRank(l.mode));
      const across = l.heldAcross ?? 0;
      if (foreseen && across === 0) continue;
      const window = traces.slice(i + 1, i + 1 + across);
      const slow = window.some((w) => (w.rewrittenTables?.length ?? 0) > 0 || opsOf(w.statement).some((o) => SLOW_KINDS.has(o.kind) || o.risk === "DANGEROUS"));
      const risk = across > 0 && slow ? "DANGEROUS" : rule4.risk;
      const what = l.mode === "AccessExclusiveLock" ? "blocks reads and writes" : "blocks writes";
      const held = across > 0 ? `and held it for ${ms(l.heldMs)} until COMMIT, across ${across} more statement${across > 1 ? "s" : ""}${slow ? " that touch rows or rebuild data" : ""}` : `(held ${ms(l.heldMs)} in the dry-run)`;
      added.push({
        rule: rule4.id,
        risk,
        line: t.line,
        column: t.column,
        statement: t.statement,
        path: t.path,
        message: `The dry-run saw this statement take ${lockModeSql(l.mode)} on ${l.relation}, which ${what}, ${held}${foreseen ? "" : "; the static analysis expected a weaker lock"}.`
      });
      raise(t.statement, risk, rule4.id);
    }
  }
  const rb = result.rollback;
  const downPath = report.rollback.path ?? void 0;
  if (rb) {
    const first = result.rollbackStatements?.[0];
    const differences = withoutParts(rb.differences);
    const reapply = rb.reapply === "failed" && rb.error ? `After its rollback the migration cannot be applied again: ${rb.error.message} (SQLSTATE ${rb.error.sqlstate}).` : void 0;
    differences.forEach((d, i) => {
      added.push({
        rule: rule6.id,
        risk: i === 0 && reapply ? maxRisk(rule6.risk, rule7.risk) : rule6.risk,
        line: first?.line ?? 1,
        column: first?.column ?? 1,
        message: d.charAt(0).toUpperCase() + d.slice(1) + ` (dry-run on ${engineLabel(result)}: migration, rollback, compare).` + (i === 0 && reapply ? ` ${reapply}` : ""),
        ...downPath ? { path: downPath } : {}
      });
    });
    if (rb.status === "failed" && rb.error) {
      added.push({
        rule: rule.id,
        risk: "CAUTION",
        line: rb.error.line,
        column: rb.error.column,
        path: rb.error.path,
        message: `The rollback fails in the dry-run on ${engineLabel(result)}: ${rb.error.message} (SQLSTATE ${rb.error.sqlstate}).`
      });
    }
    if (reapply && differences.length === 0 && rb.error) {
      added.push({ rule: rule7.id, risk: rule7.risk, line: rb.error.line, column: rb.error.column, path: rb.error.path, message: reapply });
    }
  }
  const all = [...findings, ...added];
  return {
    ...report,
    operations,
    findings: all,
    dryRun: result,
    risk: maxRisk(report.risk, ...added.map((f) => f.risk), ...operations.map((o) => o.risk))
  };
}
function withoutParts(differences) {
  const whole = /* @__PURE__ */ new Set();
  for (const d of differences) {
    const m = /^(?:table|partitioned table|view|materialized view|foreign table|relation) (\S+) (still exists|is missing) /.exec(d);
    if (m) whole.add(`${m[1]} ${m[2]}`);
  }
  return differences.filter((d) => {
    const m = /^(?:column|constraint|trigger|policy) (\S+)\.[^.\s]+ (still exists|is missing) /.exec(d);
    return !(m && whole.has(`${m[1]} ${m[2]}`));
  });
}
function noteNoRewrite(t, ops, findings, result) {
  const feared = ops.filter((o) => MAY_REWRITE.has(o.kind) && !o.targetIsNew);
  if (feared.length === 0) return;
  const ruleIds = new Set(feared.flatMap((o) => o.rules));
  const note = ` Dry-run on ${engineLabel(result)}: no rewrite observed (relfilenode unchanged).`;
  for (const f of findings) {
    if (f.statement !== t.statement || !ruleIds.has(f.rule) || f.message.includes(note)) continue;
    const colon = f.message.indexOf(": ");
    if (REWRITE_CLAIMS.has(f.rule) && colon > 0 && !/does not rewrite/.test(f.message)) {
      f.message = `${f.message.slice(0, colon)}: the static analysis expected a table rewrite, but the dry-run on ${engineLabel(result)} saw none (relfilenode unchanged); the statement still holds its lock while it runs.`;
    } else {
      f.message += note;
    }
  }
}
var REWRITE_CLAIMS = /* @__PURE__ */ new Set([
  "changing-column-type",
  "volatile-default",
  "adding-serial-or-identity-column",
  "table-rewrite-settings",
  "ban-vacuum-full",
  "ban-cluster"
]);
export {
  baseKey,
  diffSnapshots,
  findPgBinDir,
  mergeDryRun,
  resolveCacheDir,
  runDryRun,
  sweepStale,
  sweepStaleClusters,
  takeSnapshot
};
