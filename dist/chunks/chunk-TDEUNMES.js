import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatBytes,
  formatRange
} from "./chunk-YZNHLSLL.js";
import {
  ruleById
} from "./chunk-UHER332N.js";
import {
  byCodeUnit
} from "./chunk-RRVIRGX7.js";
import {
  lockModeSql,
  riskRank
} from "./chunk-UTBNT2LW.js";
import {
  LineIndex
} from "./chunk-KBDENZBY.js";

// src/report/diagnostics.ts
var defaultRuleLookup = ruleById;
var PARSE_ERROR_RULE = "parse-error";
var DRY_RUN_ERROR_RULE = "dry-run-error";
var DRY_RUN_FINDING_RULES = /* @__PURE__ */ new Set(["dry-run-failed", "dry-run-refused", "dry-run-unobserved", "rollback-incomplete", "rollback-reapply-failed"]);
function suggestionLabel(d) {
  if (d.suggestionRuns === "before") return "Before it, run";
  if (d.suggestionRuns === "after") return "Also run";
  const also = (d.alsoReplaces ?? []).map((r) => r.line);
  if (also.length === 0) return "Instead";
  return `Instead of it and the statement${also.length > 1 ? "s" : ""} at line${also.length > 1 ? "s" : ""} ${also.join(", ")}`;
}
function collectDiagnostics(result, lookup = defaultRuleLookup) {
  const out = [];
  const seenErrors = /* @__PURE__ */ new Set();
  const extents = new ExtentCache(result.sources);
  result.report.migrations.forEach((mr, i) => {
    const am = result.migrations[i];
    for (const f of mr.findings) {
      const path = f.path ?? mr.path;
      const statement = f.statement !== void 0 && am ? findStatement(am, path, f.statement) : void 0;
      const atStatement = statement && statement.line === f.line && statement.column === f.column;
      out.push({
        kind: "finding",
        ruleId: f.rule,
        risk: f.risk,
        path,
        line: f.line,
        column: f.column,
        ...atStatement ? extents.end(path, statement) : {},
        message: f.message,
        ...f.suggestion ? { suggestion: f.suggestion } : {},
        ...f.suggestion && f.suggestionRuns && f.suggestionRuns !== "instead" ? { suggestionRuns: f.suggestionRuns } : {},
        ...f.suggestion && f.alsoReplaces?.length ? { alsoReplaces: f.alsoReplaces } : {},
        ...withRule(lookup(f.rule)),
        ...statement ? { statement } : {},
        migration: i
      });
    }
    for (const src of am ? [am.up, am.down] : []) {
      for (const e of src?.errors ?? []) pushError(out, seenErrors, { ...e, kind: "parse-error", migration: i });
    }
    const covered = mr.findings.some((f) => DRY_RUN_FINDING_RULES.has(f.rule));
    if (!covered) for (const e of dryRunErrors(mr.dryRun)) pushError(out, seenErrors, { ...e, kind: "dry-run-error", migration: i });
  });
  for (const e of result.report.errors) {
    const migration = result.report.migrations.findIndex((m) => m.path === e.path || m.rollback.path === e.path);
    if (e.rule) {
      out.push({
        kind: "finding",
        ruleId: e.rule,
        risk: e.risk ?? "DANGEROUS",
        path: e.path,
        line: e.line,
        column: e.column,
        message: e.message,
        ...withRule(lookup(e.rule)),
        ...migration >= 0 ? { migration } : {}
      });
      continue;
    }
    pushError(out, seenErrors, { ...e, kind: "parse-error", ...migration >= 0 ? { migration } : {} });
  }
  return out;
}
function pushError(out, seen, e) {
  const key = `${e.path}\0${e.line}\0${e.column}\0${e.message}`;
  if (seen.has(key)) return;
  seen.add(key);
  out.push({
    kind: e.kind,
    ruleId: e.kind === "parse-error" ? PARSE_ERROR_RULE : DRY_RUN_ERROR_RULE,
    risk: "DANGEROUS",
    path: e.path,
    line: e.line,
    column: e.column,
    message: e.message,
    ...e.sqlstate ? { sqlstate: e.sqlstate } : {},
    ...e.migration !== void 0 ? { migration: e.migration } : {}
  });
}
function dryRunErrors(dr) {
  if (!dr) return [];
  const errors = [];
  for (const t of dr.statements) if (t.error) errors.push(t.error);
  if (dr.error) errors.push(dr.error);
  for (const t of dr.rollbackStatements ?? []) if (t.error) errors.push(t.error);
  if (dr.rollback?.error) errors.push(dr.rollback.error);
  return errors.map((e) => ({
    path: e.path,
    line: e.line,
    column: e.column,
    message: e.sqlstate ? `${e.message} (SQLSTATE ${e.sqlstate})` : e.message,
    sqlstate: e.sqlstate
  }));
}
function withRule(rule) {
  return rule ? { rule } : {};
}
function sourceFor(am, path) {
  if (am.up.path === path) return am.up;
  if (am.down && am.down.path === path) return am.down;
  return null;
}
function findStatement(am, path, index) {
  const statements = sourceFor(am, path)?.statements;
  const at = statements?.[index];
  return at?.index === index ? at : statements?.find((s) => s.index === index);
}
var ExtentCache = class {
  constructor(sources) {
    this.sources = sources;
  }
  sources;
  indexes = /* @__PURE__ */ new Map();
  end(path, stmt) {
    let index = this.indexes.get(path);
    if (index === void 0) {
      const text = this.sources.get(path);
      index = text === void 0 ? null : new LineIndex(text);
      this.indexes.set(path, index);
    }
    if (!index || stmt.end <= stmt.start) return {};
    const end = index.position(stmt.end);
    return { endLine: end.line, endColumn: end.column };
  }
};
function bySeverity(a, b) {
  return riskRank(b.risk) - riskRank(a.risk) || byCodeUnit(a.path, b.path) || a.line - b.line || a.column - b.column;
}

// src/report/dry-run-version.ts
function serverAndTarget(d) {
  return `PostgreSQL ${d.serverVersion}${d.targetPgVersion !== void 0 ? `, target ${d.targetPgVersion}` : ""}`;
}

// src/report/seed-text.ts
function seedHeadline(seed) {
  if (seed.tables.length === 0) return `no rows seeded: ${seed.reason ?? "no table could be filled"}`;
  const tables = seed.tables.length === 1 ? "in 1 table" : `in each of ${seed.tables.length} tables`;
  return `seeded ${seed.rows} row${seed.rows === 1 ? "" : "s"} ${tables}`;
}
function seedSummary(seed) {
  const n = seed.skipped.length;
  return `${seedHeadline(seed)}${n ? `; ${n} table${n === 1 ? "" : "s"} skipped` : ""}`;
}
function seedSkipped(seed) {
  return seed.skipped.map((s) => `${s.table} (${s.reason})`);
}

// src/report/impact-text.ts
function blockingText(impact) {
  if (!impact || impact.blockingMs === void 0) return void 0;
  if (impact.blockingMs === 0) return "none: no lock that blocks reads or writes on a table of known size";
  const on = impact.blockingOn ? ` ${lockModeSql(impact.blockingOn.lock)} on ${impact.blockingOn.table}` : "";
  return `${formatRange(impact.blockingMs, impact.blockingLow, impact.blockingHigh)}${on}`;
}
function dataLossText(impact) {
  return impact.dataLoss === "none" ? "none" : `irreversible${impact.dataLossDetail ? `: ${impact.dataLossDetail}` : ""}`;
}
function performanceText(impact) {
  if (impact.bytesRewritten === void 0) return void 0;
  const parts = [];
  if (impact.bytesRewritten) parts.push(`${formatBytes(impact.bytesRewritten)} rewritten`);
  if (impact.bytesScanned) parts.push(`${formatBytes(impact.bytesScanned)} scanned`);
  if (impact.walBytes) parts.push(`~${formatBytes(impact.walBytes)} of WAL`);
  return parts.length ? parts.join(", ") : "no table data read or written";
}
var ROLLBACK_TEXT = {
  "schema-only": "schema only",
  "needs-data-restore": "needs a data restore",
  impossible: "impossible"
};
function estimated(m) {
  return m.operations.filter((o) => o.estimate !== void 0);
}
function estimateText(o) {
  const e = o.estimate;
  const blocks = e.blocks === "none" ? "blocks neither reads nor writes" : `blocks ${e.blocks}`;
  return `${formatRange(e.durationMs, e.low, e.high)}, ${lockModeSql(e.lock)} ${blocks}`;
}

export {
  defaultRuleLookup,
  PARSE_ERROR_RULE,
  DRY_RUN_ERROR_RULE,
  DRY_RUN_FINDING_RULES,
  suggestionLabel,
  collectDiagnostics,
  findStatement,
  bySeverity,
  serverAndTarget,
  seedHeadline,
  seedSummary,
  seedSkipped,
  blockingText,
  dataLossText,
  performanceText,
  ROLLBACK_TEXT,
  estimated,
  estimateText
};
