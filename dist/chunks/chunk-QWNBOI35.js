import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  PROJECT_URL,
  TOOL_NAME,
  TOOL_VERSION,
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import {
  DRY_RUN_ERROR_RULE,
  PARSE_ERROR_RULE,
  collectDiagnostics,
  defaultRuleLookup,
  suggestionLabel
} from "./chunk-TDEUNMES.js";
import {
  allRules
} from "./chunk-UHER332N.js";
import {
  atLeast
} from "./chunk-UTBNT2LW.js";

// src/report/verdict.ts
function verdict(result, failOn) {
  const { report } = result;
  const reasons = [];
  const failing = report.migrations.filter((m) => atLeast(m.risk, failOn)).length;
  if (failing) reasons.push(`${count(failing, "migration")} at or above the fail threshold ${failOn}`);
  const failingErrors = report.errors.filter((e) => !e.rule || atLeast(e.risk ?? "DANGEROUS", failOn)).length;
  if (failingErrors) reasons.push(count(failingErrors, "error"));
  const dryRunFailed = report.migrations.filter((m) => m.dryRun && (m.dryRun.status === "failed" || m.dryRun.status === "base-failed")).length;
  if (dryRunFailed) reasons.push(count(dryRunFailed, "failed dry-run"));
  return { exitCode: reasons.length ? 1 : 0, reasons };
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// src/report/json.ts
function renderJson(result) {
  return JSON.stringify(toJsonReport(result.report), null, 2) + "\n";
}
function* renderJsonChunks(result) {
  yield* jsonChunks(jsonReport(result.report, true), "", 0);
  yield "\n";
}
var MappedList = class {
  constructor(items, map) {
    this.items = items;
    this.map = map;
  }
  items;
  map;
};
var CHUNKED_DEPTH = 4;
function omitted(v) {
  return v === void 0 || typeof v === "function" || typeof v === "symbol";
}
function* jsonChunks(value, indent, depth) {
  const mapped = value instanceof MappedList ? value : void 0;
  const plain = mapped !== void 0 || value !== null && typeof value === "object" && typeof value.toJSON !== "function";
  if (!plain || depth >= CHUNKED_DEPTH) {
    yield stringified(value, indent);
    return;
  }
  const inner = `${indent}  `;
  if (mapped !== void 0 || Array.isArray(value)) {
    const items = mapped ? mapped.items : value;
    if (items.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    const whole = depth + 1 >= CHUNKED_DEPTH;
    for (let i = 0; i < items.length; i++) {
      const item = mapped ? mapped.map(items[i]) : items[i];
      const end = i < items.length - 1 ? ",\n" : "\n";
      if (whole || omitted(item)) {
        yield `${inner}${omitted(item) ? "null" : stringified(item, inner)}${end}`;
        continue;
      }
      yield inner;
      yield* jsonChunks(item, inner, depth + 1);
      yield end;
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !omitted(v));
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i];
    yield `${inner}${JSON.stringify(key)}: `;
    yield* jsonChunks(v, inner, depth + 1);
    yield i < entries.length - 1 ? ",\n" : "\n";
  }
  yield `${indent}}`;
}
function stringified(value, indent) {
  const text = JSON.stringify(value, null, 2);
  return indent === "" || !text.includes("\n") ? text : text.replaceAll("\n", `
${indent}`);
}
function toJsonReport(report) {
  return jsonReport(report, false);
}
function jsonReport(report, lazy) {
  return {
    version: 1,
    risk: report.risk,
    ...report.pgVersion !== void 0 ? { pgVersion: report.pgVersion } : {},
    migrations: lazy ? new MappedList(report.migrations, (m) => migration(m, true)) : report.migrations.map((m) => migration(m, false)),
    errors: report.errors.map(reportError),
    ...report.notes && report.notes.length ? { notes: report.notes.map((n) => ({ message: n.message, ...n.path !== void 0 ? { path: n.path } : {} })) } : {}
  };
}
function migration(m, lazy) {
  const toFinding = (f) => finding(f, m.path);
  return {
    path: m.path,
    risk: m.risk,
    rollback: { path: m.rollback.path, status: m.rollback.status },
    operations: lazy ? new MappedList(m.operations, operation) : m.operations.map(operation),
    findings: lazy ? new MappedList(m.findings, toFinding) : m.findings.map(toFinding),
    ...m.dryRun ? { dryRun: dryRun(m.dryRun) } : {},
    ...m.id !== void 0 ? { id: m.id } : {},
    ...m.layout !== void 0 ? { layout: m.layout } : {},
    ...m.change !== void 0 ? { change: m.change } : {},
    ...m.irreversible !== void 0 ? { irreversible: m.irreversible } : {},
    ...m.notes && m.notes.length ? { notes: m.notes.map(note) } : {},
    ...m.impact ? { impact: { ...m.impact, ...m.impact.blockingOn ? { blockingOn: { ...m.impact.blockingOn } } : {}, prerequisites: [...m.impact.prerequisites] } } : {}
  };
}
function operation(o) {
  const out = { kind: o.kind, risk: o.risk, line: o.line, column: o.column };
  if (o.table !== void 0) out.table = o.table;
  if (o.lock !== void 0) out.lock = o.lock;
  out.rules = [...o.rules];
  if (o.notValid) out.notValid = true;
  if (o.usingIndex) out.usingIndex = true;
  if (o.columnName !== void 0) out.columnName = o.columnName;
  if (o.constraintName !== void 0) out.constraintName = o.constraintName;
  if (o.indexName !== void 0) out.indexName = o.indexName;
  if (o.typeName !== void 0) out.typeName = o.typeName;
  if (o.targetIsNew !== void 0) out.targetIsNew = o.targetIsNew;
  if (o.estimate) out.estimate = { ...o.estimate };
  return out;
}
function finding(f, migrationPath) {
  const out = { rule: f.rule, risk: f.risk, line: f.line, column: f.column, message: f.message };
  if (f.suggestion !== void 0) {
    out.suggestion = f.suggestion;
    if (f.suggestionRuns && f.suggestionRuns !== "instead") out.suggestionRuns = f.suggestionRuns;
    if (f.alsoReplaces?.length) out.alsoReplacesLines = f.alsoReplaces.map((r) => r.line);
  }
  if (f.path !== void 0 && f.path !== migrationPath) out.path = f.path;
  if (f.suggestionVerification) out.suggestionVerification = f.suggestionVerification;
  return out;
}
function dryRun(d) {
  return {
    engine: d.engine,
    serverVersion: d.serverVersion,
    ...d.targetPgVersion !== void 0 ? { targetPgVersion: d.targetPgVersion } : {},
    status: d.status,
    ...d.reason !== void 0 ? { reason: d.reason } : {},
    statements: d.statements.map(trace),
    ...d.rollback ? {
      rollback: {
        status: d.rollback.status,
        differences: [...d.rollback.differences],
        reapply: d.rollback.reapply,
        ...d.rollback.error ? { error: dryRunError(d.rollback.error) } : {}
      }
    } : {},
    durationMs: d.durationMs,
    ...d.error ? { error: dryRunError(d.error) } : {},
    ...d.refused !== void 0 ? { refused: d.refused } : {},
    ...d.timedOut !== void 0 ? { timedOut: d.timedOut } : {},
    ...d.rollbackStatements ? { rollbackStatements: d.rollbackStatements.map(trace) } : {},
    ...d.seed ? {
      seed: {
        rows: d.seed.rows,
        tables: [...d.seed.tables],
        skipped: d.seed.skipped.map((x) => ({ table: x.table, reason: x.reason })),
        ...d.seed.reason !== void 0 ? { reason: d.seed.reason } : {}
      }
    } : {},
    ...d.baseFromCache !== void 0 ? { baseFromCache: d.baseFromCache } : {}
  };
}
function trace(t) {
  return {
    path: t.path,
    line: t.line,
    column: t.column,
    durationMs: t.durationMs,
    locks: t.locks.map((l) => ({
      relation: l.relation,
      mode: l.mode,
      heldMs: l.heldMs,
      preExisting: l.preExisting,
      ...l.kind !== void 0 ? { kind: l.kind } : {},
      ...l.heldAcross !== void 0 ? { heldAcross: l.heldAcross } : {}
    })),
    rewrites: [...t.rewrites],
    ...t.rewrittenTables ? { rewrittenTables: [...t.rewrittenTables] } : {},
    ...t.error ? { error: dryRunError(t.error) } : {}
  };
}
function dryRunError(e) {
  return { sqlstate: e.sqlstate, message: e.message, path: e.path, line: e.line, column: e.column };
}
function reportError(e) {
  return { path: e.path, line: e.line, column: e.column, message: e.message, ...e.rule ? { rule: e.rule } : {}, ...e.risk ? { risk: e.risk } : {} };
}
function note(n) {
  return { path: n.path, line: n.line, column: n.column, message: n.message };
}

// src/report/sarif.ts
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
function sarifLevel(risk) {
  return risk === "DANGEROUS" ? "error" : risk === "CAUTION" ? "warning" : "note";
}
function renderSarif(result, opts = {}) {
  const lookup = opts.ruleById ?? defaultRuleLookup;
  const projectUrl = opts.projectUrl ?? PROJECT_URL;
  const version = opts.toolVersion ?? TOOL_VERSION;
  const diagnostics = collectDiagnostics(result, lookup);
  const descriptors = [];
  const indexOf = /* @__PURE__ */ new Map();
  const add = (d) => {
    if (indexOf.has(d.id)) return;
    indexOf.set(d.id, descriptors.length);
    descriptors.push(d);
  };
  for (const rule of opts.rules ?? allRules) add(ruleDescriptor(rule, projectUrl));
  add(pseudoDescriptor(PARSE_ERROR_RULE, "The SQL does not parse", "Postgres cannot parse this migration, so nothing in it was checked and it will fail when it runs.", "Fix the SQL at the marked position; the message is the Postgres parser's own.", projectUrl));
  add(pseudoDescriptor(DRY_RUN_ERROR_RULE, "The migration failed when it was run on a throwaway database", "Running the migration (or its rollback) on a scratch Postgres failed, so it would fail in production too.", "Fix the statement at the marked position; the message and SQLSTATE are the server's own.", projectUrl));
  for (const d of diagnostics) {
    if (!indexOf.has(d.ruleId)) {
      const rule = lookup(d.ruleId);
      add(rule ? ruleDescriptor(rule, projectUrl) : pseudoDescriptor(d.ruleId, d.ruleId, d.message, d.suggestion ?? "See the rule documentation.", projectUrl, d.risk));
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            semanticVersion: version,
            informationUri: projectUrl,
            rules: descriptors
          }
        },
        columnKind: "unicodeCodePoints",
        results: diagnostics.map((d) => sarifResult(d, indexOf.get(d.ruleId)))
      }
    ]
  };
}
function sarifResult(d, ruleIndex) {
  const text = d.suggestion ? `${d.message}

${suggestionLabel(d)}: ${d.suggestion}` : d.message;
  const endKnown = d.endLine !== void 0 && d.endColumn !== void 0 && (d.endLine > d.line || d.endColumn > d.column);
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: sarifLevel(d.risk),
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(d.path) },
          region: {
            startLine: d.line,
            startColumn: d.column,
            ...endKnown ? { endLine: d.endLine, endColumn: d.endColumn } : {}
          }
        }
      }
    ],
    properties: {
      risk: d.risk,
      ...d.suggestion ? { suggestion: d.suggestion } : {},
      ...d.suggestionRuns ? { suggestionRuns: d.suggestionRuns } : {},
      ...d.sqlstate ? { sqlstate: d.sqlstate } : {}
    }
  };
}
function ruleDescriptor(rule, projectUrl) {
  const { docs } = rule;
  const text = [
    docs.why,
    docs.lock ? `Lock: ${docs.lock}` : "",
    `Instead: ${docs.instead}`,
    `Bad:
${docs.bad}`,
    `Good:
${docs.good}`
  ].filter(Boolean).join("\n\n");
  const markdown = [
    `**${rule.risk}** \u2014 ${rule.title}`,
    docs.why,
    docs.lock ? `**Lock:** ${docs.lock}` : "",
    `**Instead:** ${docs.instead}`,
    `Bad:

\`\`\`sql
${docs.bad}
\`\`\``,
    `Good:

\`\`\`sql
${docs.good}
\`\`\``
  ].filter(Boolean).join("\n\n");
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: docs.why },
    help: { text, markdown },
    helpUri: ruleDocsUrl(rule.id, projectUrl),
    defaultConfiguration: { level: sarifLevel(rule.risk) },
    properties: { risk: rule.risk, tags: ["postgresql", "migrations"] }
  };
}
function pseudoDescriptor(id, title, why, instead, projectUrl, risk = "DANGEROUS") {
  return {
    id,
    name: id,
    shortDescription: { text: title },
    fullDescription: { text: why },
    help: { text: `${why}

Instead: ${instead}`, markdown: `${why}

**Instead:** ${instead}` },
    helpUri: ruleDocsUrl(id, projectUrl),
    defaultConfiguration: { level: sarifLevel(risk) },
    properties: { risk, tags: ["postgresql", "migrations"] }
  };
}
function pathToUri(path) {
  return path.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/");
}

export {
  verdict,
  renderJson,
  renderJsonChunks,
  renderSarif
};
